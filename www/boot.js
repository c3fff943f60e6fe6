// Starts the app: loads the wasm (from this origin only) and says in words
// why when it cannot, instead of leaving a blank page.
import init, { runApp } from './www.js';
// Several files, a folder or a .zip go to the batch check (loaded only then).
import './batch-hook.js';

const loading = document.getElementById('loading');
const fail = (why) => {
  if (!loading) return;
  loading.className = 'nowasm';
  loading.setAttribute('role', 'alert');
  loading.textContent = why;
};
if (typeof WebAssembly !== 'object') {
  fail('此浏览器不支持 WebAssembly，无法运行年报检查，请使用新版 Chrome、Edge、Firefox 或 Safari。This browser does not support WebAssembly, which the checker needs.');
} else {
  try {
    await init({ module_or_path: new URL('./www_bg.wasm', import.meta.url) });
    loading?.remove();
    runApp(document.getElementById('app'));
  } catch (e) {
    fail('检查器未能加载（' + (e && e.message ? e.message : e) + '）。The checker could not load.');
  }
}
