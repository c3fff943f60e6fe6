// The JavaScript API: check reports from your own code, in the page.
//
//   import init, { check, rules } from '/nianbao/nianbao.js';
//   await init();
//   const result = check(text, { previous: lastYearsText });
//
// Types: nianbao.d.ts. Errors are thrown as exceptions with a message.
//
// Every file this module fetches is pinned: scripts/pin.mjs gives it
// `__nianbaoPins` (content-hashed names and integrity hashes), so that an
// `integrity` on this module (a modulepreload link, or an import map) pins
// the whole API.
const pins = __nianbaoPins;
const at = (p) => new URL(p[0], import.meta.url);
const altered = (p) => new Error('nianbao: ' + p[0] + ' could not be fetched or does not match the published build (altered?)');
/** `fetch` with the file's integrity: a response only if the bytes are the build's. */
const fetchPinned = (p) => fetch(at(p), { integrity: p[1] }).catch(() => { throw altered(p); });
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
const importVerified = async (list) => { await Promise.all(list.map(verified)); return import(at(list[0])); };

let ready = null;
let checker = null;
// The API has no interface: it loads the checker without one (batch/checker.js,
// the wasm that also runs the batch check), not the app's wasm. What is not in
// that wasm comes from files beside this one: the rules' documentation and
// English titles (rules-zh.json, rules-en.json).
let docs = null;

const get = async (p) => (await fetchPinned(p)).json();

async function loadDocs() {
  const [zh, en] = await Promise.all([get(pins.rulesZh), get(pins.rulesEn)]);
  const byCode = (list) => new Map(list.map((r) => [r.code, r]));
  return { zh: byCode(zh), en: byCode(en) };
}

/**
 * Loads the checker (once). Resolves when check() and rules() can be called.
 * `options.module_or_path` may give the checker's wasm (a URL, a Response or
 * a WebAssembly.Module) instead of the one beside this file.
 */
export default function init(options) {
  ready ??= Promise.all([importVerified([pins.checker]).then((m) => m.load(options?.module_or_path)), loadDocs()])
    .then(([c, d]) => {
      checker = c;
      docs = d;
      return true;
    })
    .catch((e) => { ready = null; throw e; });
  return ready;
}

function loaded(what) {
  if (!checker) throw new Error(`nianbao.${what}(): call and await init() first`);
}

/** Checks one report; `options.previous` is last year's report of the same body. */
export function check(text, options = {}) {
  loaded('check');
  if (typeof text !== 'string') throw new TypeError('nianbao.check(text): text must be a string');
  const previous = options?.previous;
  if (previous != null && typeof previous !== 'string') throw new TypeError('nianbao.check(text, { previous }): previous must be a string');
  try {
    return JSON.parse(checker.check(text, previous));
  } catch (e) {
    throw new Error('nianbao.check failed: ' + (e && e.message ? e.message : e));
  }
}

/** The rule catalog: code, name, severity, titles and documentation. */
export function rules() {
  loaded('rules');
  return JSON.parse(checker.rules()).map((r) => ({
    ...r,
    title_en: docs?.en.get(r.code)?.title ?? '',
    doc: docs?.zh.get(r.code)?.doc ?? '',
    doc_en: docs?.en.get(r.code)?.doc ?? '',
  }));
}

/**
 * Checks a PDF: its text is read from the page geometry by a second wasm
 * module in a Web Worker (loaded now, from beside this file), then checked
 * like check(). Resolves to the same document with `text` (what the spans
 * point into), `report.source` and `page`/`box` on each finding. Rejects with
 * an Error whose `code` is password, scan, unmappable, too-large or damaged.
 */
export async function checkPdf(bytes, options = {}) {
  loaded('checkPdf');
  if (bytes instanceof ArrayBuffer) bytes = new Uint8Array(bytes);
  if (!(bytes instanceof Uint8Array)) throw new TypeError('nianbao.checkPdf(bytes): bytes must be a Uint8Array or an ArrayBuffer');
  const pdf = await importVerified([pins.pdf]);
  const extracted = await pdf.extractPdf(bytes);
  const result = check(extracted.text, options);
  result.text = extracted.text;
  return pdf.placeFindings(result, extracted);
}
