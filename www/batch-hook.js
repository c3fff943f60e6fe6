// The way into the batch check (批量检查), loaded with the page by boot.js.
// It only decides whether what is chosen or dropped is a batch (several
// files, a folder, a .zip) and then loads the batch view (batch/batch.js, its
// workers and its wasm), which is never part of the first load. It listens
// ahead of the app (capture phase), so the app's own code is unchanged: one
// file still opens in the checker as before.

let view = null;
const zh = () => !(document.documentElement.lang || 'zh').startsWith('en');

function start(items) {
  view ??= import(new URL('batch/batch.js', import.meta.url).href).catch((e) => { view = null; throw e; });
  view.then((m) => m.openBatch(items)).catch(() => {
    window.alert(zh() ? '批量检查未能加载，请检查网络后重试。' : 'The batch check could not load: check the connection and try again.');
  });
}

const isZip = (f) => /\.zip$/i.test(f?.name ?? '');
const isBatch = (files, folder) => files.length > 1 || folder || isZip(files[0]);

// Several files chosen with the app's file button (it takes several, and .zip).
document.addEventListener('change', (e) => {
  const input = e.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.closest('#app')) return;
  const files = [...(input.files ?? [])];
  if (!isBatch(files, false)) return;
  e.stopPropagation();
  start(files);
  input.value = '';
}, true);

// A drop of several files, a folder or a .zip; while the batch is shown, any drop adds to it.
// Entries are taken now: they die with the event.
window.addEventListener('drop', (e) => {
  const dt = e.dataTransfer;
  const app = document.getElementById('app');
  if (!e.isTrusted || !dt || !app) return;
  const entries = [...(dt.items ?? [])].filter((i) => i.kind === 'file').map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  const files = [...(dt.files ?? [])];
  if (!files.length || (!app.hidden && !isBatch(files, entries.some((x) => x.isDirectory)))) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  // The app showed where to drop; the drop it does not see must still end that.
  for (let i = 0; i < 64; i++) window.dispatchEvent(new DragEvent('dragleave'));
  start(entries.length ? entries : files);
}, true);

// The app's file button takes several files and .zip archives; the page gets a 批量检查 button.
const entry = document.createElement('button');
entry.type = 'button';
entry.className = 'batch-entry';
const label = () => {
  entry.textContent = zh() ? '批量检查…' : 'Batch check…';
  entry.title = zh() ? '多个文件、文件夹或 .zip 一次检查' : 'Several files, a folder or a .zip at once';
};
label();
entry.addEventListener('click', () => start([]));
new MutationObserver(label).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
new MutationObserver(() => {
  const toolbar = document.querySelector('#app .toolbar');
  const input = toolbar?.querySelector('input[type=file]');
  if (input && !input.multiple) {
    input.multiple = true;
    input.accept += ',.zip';
  }
  if (toolbar && entry.parentNode !== toolbar) toolbar.append(entry);
}).observe(document.getElementById('app') ?? document.body, { childList: true, subtree: true });
