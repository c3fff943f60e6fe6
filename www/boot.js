// Starts the app: loads the wasm (from this origin only) and reports a failure
// in words rather than leaving a blank page.
import init from './www.js';

const loading = document.getElementById('loading');
try {
  await init({ module_or_path: new URL('./www_bg.wasm', import.meta.url) });
  loading?.remove();
} catch (e) {
  if (loading) {
    loading.className = 'nowasm';
    loading.setAttribute('role', 'alert');
    loading.textContent = '检查器未能加载（' + (e && e.message ? e.message : e) + '）。The checker could not load.';
  }
}
