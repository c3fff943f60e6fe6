// The way into the batch check (批量检查) and the last-year panel (对照上年),
// loaded with the page by boot.js.
// It only decides whether what is chosen or dropped is a batch (several
// files, a folder, a .zip) and then loads the batch view (batch/batch.js, its
// workers and its wasm), which is never part of the first load. It listens
// ahead of the app (capture phase), so the app's code is unchanged: one file
// still opens in the checker as before.

let view = null;
const en = () => document.documentElement.lang.startsWith('en');

// The batch's modules are pinned: scripts/pin.mjs gives this module
// `__nianbaoPins`, the name and integrity hash of batch/graphs.json, which
// lists for each of the three views the hashed names and integrity hashes of
// every module it may import (the view first). A view is imported only after
// all of them have been fetched and checked (a modulepreload with its
// integrity; import() then takes the checked copies).
const pins = typeof __nianbaoPins === 'object' ? __nianbaoPins : null;
let graphs = null;
const graphsOf = () => graphs ??= fetch(new URL(pins.graphs[0], import.meta.url), { integrity: pins.graphs[1] })
  .then((r) => { if (!r.ok) throw new Error(pins.graphs[0] + ': ' + r.status); return r.json(); })
  .catch((e) => { graphs = null; throw e; });
const verified = ([href, integrity]) => new Promise((ok, no) => {
  const link = document.createElement('link');
  // A browser without modulepreload (Safari before 17) imports unchecked.
  if (!link.relList.supports('modulepreload')) return ok();
  link.rel = 'modulepreload';
  link.href = new URL(href, import.meta.url);
  link.integrity = integrity;
  link.onload = ok;
  link.onerror = () => no(new Error(href + ' could not be fetched or does not match the build'));
  document.head.append(link);
});
const load = async (name) => {
  if (!pins) return import('./' + name);
  const graph = (await graphsOf())[name];
  await Promise.all(graph.map(verified));
  return import(new URL(graph[0][0], import.meta.url));
};

function start(items) {
  view ??= load('batch/batch.js');
  view.then((m) => m.openBatch(items), () => {
    view = null;
    alert(en() ? 'The batch check could not load.' : '批量检查未能加载，请检查网络后重试。');
  });
}

// The .docx last opened in the checker, for 下载批注版 (batch/word.js).
let docx = null;
const remember = (files) => { if (files.length === 1) docx = /\.docx$/i.test(files[0].name) ? files[0] : null; };

const isBatch = (files, folder) => files.length > 1 || folder || /\.zip$/i.test(files[0]?.name);

// Several files (or a .zip) chosen with the app's file button.
addEventListener('change', (e) => {
  const input = e.target;
  const files = [...(input.files ?? [])];
  if (!input.closest?.('#app')) return;
  remember(files);
  if (!isBatch(files)) return;
  e.stopPropagation();
  start(files);
  input.value = '';
}, true);

// A drop of several files, a folder or a .zip; while the batch is shown, any
// drop adds to it. Entries are taken now: they die with the event.
addEventListener('drop', (e) => {
  const dt = e.dataTransfer;
  const app = document.getElementById('app');
  const entries = [...(dt?.items ?? [])].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  const files = [...(dt?.files ?? [])];
  remember(files);
  if (!e.isTrusted || !files.length || !(app?.hidden || isBatch(files, entries.some((x) => x.isDirectory)))) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  // The app showed where to drop; the drop it does not see must still end that.
  for (let i = 0; i < 64; i++) dispatchEvent(new DragEvent('dragleave'));
  start(entries.length ? entries : files);
}, true);

// The app's file button takes several files and .zip archives; two buttons
// follow it: 批量检查, 对照上年 (last year's report beside this one, batch/years.js)
// and 下载批注版 (the findings as Word comments, batch/word.js).
const button = (onclick) => Object.assign(document.createElement('button'), { type: 'button', onclick });
const batch = button(() => start([]));
const years = button(() => load('batch/years.js').then((m) => m.openYears()));
const word = button(() => load('batch/word.js').then((m) => m.downloadAnnotated(docx)));
let restored = false;
new MutationObserver(() => {
  const bar = document.querySelector('#app .toolbar');
  const input = bar?.querySelector('input[type=file]');
  if (input && !input.multiple) {
    input.multiple = true;
    input.accept += ',.zip';
  }
  if (bar && batch.parentNode !== bar) {
    bar.append(batch, years, word);
    // Reloaded with last year's report in 对照上年 (batch/years.js keeps it): the panel comes back.
    try { if (!restored && sessionStorage.getItem('nianbao.tab.previous')) years.click(); } catch (_) { /* no storage */ }
    restored = true;
  }
  // Nothing to annotate before there is text (the findings pane redraws when the text empties or fills).
  word.disabled = !document.querySelector('#app #report')?.value.trim();
  const [a, b, c] = en() ? ['Batch check…', 'Last year…', 'Word with comments'] : ['批量检查…', '对照上年…', '下载批注版'];
  if (batch.textContent !== a) batch.textContent = a, years.textContent = b, word.textContent = c;
}).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['lang'] });
