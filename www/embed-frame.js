// The iframe embed (embed.html?lang=zh&compact): for portals that allow no
// third-party script in their pages. Messages to the parent:
//   { type: 'nianbao-ready' }              the checker is loaded; send text now
//   { type: 'nianbao-resize', height }     the page's height in CSS pixels
//   { type: 'nianbao-checked', result }    each result (see nianbao.d.ts)
// Message from the parent: { type: 'nianbao-check', text }.
import init, { mount } from './www.js';

const params = new URLSearchParams(location.search);
const root = document.getElementById('app');
const toParent = (msg) => { if (window.parent !== window) window.parent.postMessage(msg, '*'); };

// Listen before loading, so that text sent early is not lost.
let widget = null;
let pending = null;
window.addEventListener('message', (e) => {
  if (e.source !== window.parent || !e.data || e.data.type !== 'nianbao-check' || typeof e.data.text !== 'string') return;
  if (widget) widget.setText(e.data.text); else pending = e.data.text;
});

let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (height !== last) { last = height; toParent({ type: 'nianbao-resize', height }); }
}).observe(document.body);

try {
  await init({ module_or_path: new URL('./www_bg.wasm', import.meta.url) });
  document.getElementById('loading')?.remove();
  widget = mount(root, params.get('lang') || 'zh', params.has('compact'), pending, (result) => toParent({ type: 'nianbao-checked', result }));
  toParent({ type: 'nianbao-ready' });
} catch (e) {
  root.setAttribute('role', 'alert');
  root.textContent = '检查器未能加载 / The checker could not load: ' + (e && e.message ? e.message : e);
}
