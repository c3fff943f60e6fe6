// Starts the app: loads the checker (its modules and wasm, from this origin
// only) and says in words why when it cannot, instead of leaving a blank page.
//
// Every file is pinned: scripts/pin.mjs gives this module `__nianbaoPins`,
// the content-hashed names and integrity hashes of the modules (the entry
// first) and the wasm, and nothing runs whose bytes differ from the build's.
const pins = __nianbaoPins;
const at = (p) => new URL(p[0], import.meta.url);

const loading = document.getElementById('loading');
const fail = (why) => {
  if (!loading) return;
  loading.className = 'nowasm';
  loading.setAttribute('role', 'alert');
  loading.textContent = why;
};
const altered = (p) => new Error('“' + p[0] + '”未能取得，或与发布的版本不一致（可能被篡改）；检查器没有运行。' + p[0] + ' could not be fetched or does not match the published build (altered?): the checker did not run.');

// A module is imported only after a modulepreload with its integrity has
// succeeded: import() then takes the verified copy from the module map.
const verified = (p) => new Promise((ok, no) => {
  const link = document.createElement('link');
  // A browser without modulepreload (Safari before 17) cannot check a module
  // before importing it: it runs unchecked rather than not at all.
  if (!link.relList.supports('modulepreload')) return ok();
  link.rel = 'modulepreload';
  link.href = at(p);
  link.integrity = p[1];
  link.onload = ok;
  link.onerror = () => no(altered(p));
  document.head.append(link);
});

if (typeof WebAssembly !== 'object') {
  fail('此浏览器不支持 WebAssembly，无法运行年报检查，请使用新版 Chrome、Edge、Firefox 或 Safari。This browser does not support WebAssembly, which the checker needs.');
} else {
  try {
    await Promise.all([...pins.modules, pins.hook].map(verified));
    // Several files, a folder or a .zip go to the batch check (loaded only
    // then): its hook listens ahead of the app.
    await import(at(pins.hook));
    const m = await import(at(pins.modules[0]));
    await m.default({ module_or_path: fetch(at(pins.wasm), { integrity: pins.wasm[1] }).catch(() => { throw altered(pins.wasm); }) });
    loading?.remove();
    m.runApp(document.getElementById('app'));
  } catch (e) {
    fail('检查器未能加载（' + (e && e.message ? e.message : e) + '）。The checker could not load.');
  }
}
