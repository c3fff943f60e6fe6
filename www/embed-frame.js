// The iframe embed (embed.html?parent=https://portal.example&lang=zh&compact):
// for portals that allow no third-party script in their pages. It talks only
// to the origins the portal names in `parent` (one or more, repeated or
// comma-separated): results go to the parent with exactly that targetOrigin,
// and text is taken only from the parent at one of them. With no parent
// named it posts nothing but `ready` and `resize`, and takes no text.
//
// Messages to the parent:
//   { type: 'nianbao-ready' }              the checker is loaded; send text now
//   { type: 'nianbao-resize', height }     the page's height in CSS pixels
//   { type: 'nianbao-checked', result }    the result for the latest text (see nianbao.d.ts)
//   { type: 'nianbao-error', message }     results cannot be made (the checker did not load)
// Message from the parent: { type: 'nianbao-check', text }.
//
// Every file is pinned (scripts/pin.mjs gives this module `__nianbaoPins`):
// nothing runs whose bytes differ from the build's.
const pins = __nianbaoPins;
const at = (p) => new URL(p[0], import.meta.url);

const params = new URLSearchParams(location.search);
const root = document.getElementById('app');

/** The origins named by `parent`: http(s) origins only, never '*'. */
const parents = params.getAll('parent').flatMap((v) => v.split(',')).flatMap((v) => {
  try {
    const u = new URL(v.trim());
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin !== 'null' ? [u.origin] : [];
  } catch (_) {
    return [];
  }
});
const framed = window.parent !== window;
// Only to the named origins (postMessage drops it for any other parent);
// ready and resize, which carry nothing of the report, to any parent when none is named.
const toParent = (msg, anyone) => {
  if (!framed) return;
  if (parents.length) for (const o of parents) window.parent.postMessage(msg, o);
  else if (anyone) window.parent.postMessage(msg, '*');
};

// Listen before loading, so that text sent early is not lost.
let widget = null;
let pending = null;
window.addEventListener('message', (e) => {
  if (e.source !== window.parent || !parents.includes(e.origin)) return;
  if (!e.data || e.data.type !== 'nianbao-check' || typeof e.data.text !== 'string') return;
  if (widget) widget.setText(e.data.text); else pending = e.data.text;
});

let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (height !== last) { last = height; toParent({ type: 'nianbao-resize', height }, true); }
}).observe(document.body);

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

// The results are the API's document, made by the checker without the
// interface (batch/checker.js, loaded with the first result: the editor's wasm
// has no JSON writer). At most one is made at a time, for the latest text.
let checker = null;
let latest = null;
let busy = false;
// What decoding a file opened here repaired (I001), kept by the app's
// platform module (scripts/pin.mjs lists it after the glue) while the text is as read.
const repairs = async (text) => (await import(at(pins.modules[1]))).repairsFor(text);
async function post(text) {
  latest = text;
  if (busy) return;
  busy = true;
  try {
    checker ??= (async () => { await verified(pins.checker); return (await import(at(pins.checker))).load(); })();
    const c = await checker;
    while (latest !== null) {
      const t = latest;
      latest = null;
      toParent({ type: 'nianbao-checked', result: JSON.parse(c.check(t, null, await repairs(t))) }, false);
    }
  } catch (e) {
    checker = null;
    latest = null;
    toParent({ type: 'nianbao-error', message: String(e && e.message ? e.message : e) }, false);
  } finally {
    busy = false;
  }
}

try {
  await Promise.all(pins.modules.map(verified));
  const m = await import(at(pins.modules[0]));
  await m.default({ module_or_path: fetch(at(pins.wasm), { integrity: pins.wasm[1] }).catch(() => { throw altered(pins.wasm); }) });
  document.getElementById('loading')?.remove();
  const report = parents.length ? post : null;
  widget = m.mount(root, params.get('lang') || 'zh', params.has('compact'), pending, report);
  toParent({ type: 'nianbao-ready' }, true);
} catch (e) {
  root.setAttribute('role', 'alert');
  root.textContent = '检查器未能加载 / The checker could not load: ' + (e && e.message ? e.message : e);
}
