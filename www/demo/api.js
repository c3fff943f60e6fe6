// Using the JavaScript API directly.
import init, { check, rules } from '../nianbao.js';

const out = document.getElementById('out');
const input = document.getElementById('text');
await init();
document.getElementById('rule-count').textContent = String(rules().length);
document.getElementById('run').addEventListener('click', () => {
  try {
    const result = check(input.value);
    out.textContent = JSON.stringify(result, null, 2);
    out.dataset.errors = String(result.summary.errors);
  } catch (e) {
    out.textContent = e.message;
  }
});
document.body.dataset.ready = 'true';
