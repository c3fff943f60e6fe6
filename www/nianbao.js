// The JavaScript API: check reports from your own code, in the page.
//
//   import init, { check, rules } from '/nianbao/nianbao.js';
//   await init();
//   const result = check(text, { previous: lastYearsText });
//
// Types: nianbao.d.ts. Errors are thrown as exceptions with a message.
import load, { check as checkWasm, rules as rulesWasm, setEnglish } from './www.js';

let ready = null;
// What is not in the wasm (it keeps the app's first load small) comes from
// files beside this one: the rules' documentation and English titles
// (rules-zh.json, rules-en.json) and the English catalogue (messages-en.json,
// which gives every finding its message_en).
let docs = null;

const get = async (name) => (await (await fetch(new URL(name, import.meta.url))).json());

async function loadDocs() {
  const [zh, en] = await Promise.all([get('rules-zh.json'), get('rules-en.json')]);
  const byCode = (list) => new Map(list.map((r) => [r.code, r]));
  return { zh: byCode(zh), en: byCode(en) };
}

/** Loads the checker (once). Resolves when check() and rules() can be called. */
export default function init(options) {
  ready ??= Promise.all([load(options ?? { module_or_path: new URL('www_bg.wasm', import.meta.url) }), loadDocs(), get('messages-en.json')])
    .then(([, d, english]) => {
      docs = d;
      // The lists joined by NUL, as the app's platform.js does (the wasm only splits them).
      const e = english;
      const joined = [`${e.fingerprint} ${e.keys.length} ${e.messages.length} ${e.ui.length}`, ...e.keys, ...e.messages, ...e.ui, ...e.labels.flat()].join('\0');
      if (!setEnglish(joined)) throw new Error('nianbao.init(): messages-en.json does not match www_bg.wasm (reload both)');
      return true;
    });
  return ready;
}

function loaded(what) {
  if (!ready) throw new Error(`nianbao.${what}(): call and await init() first`);
}

/** Checks one report; `options.previous` is last year's report of the same body. */
export function check(text, options = {}) {
  loaded('check');
  if (typeof text !== 'string') throw new TypeError('nianbao.check(text): text must be a string');
  const previous = options?.previous;
  if (previous != null && typeof previous !== 'string') throw new TypeError('nianbao.check(text, { previous }): previous must be a string');
  try {
    return checkWasm(text, previous == null ? undefined : { previous });
  } catch (e) {
    throw new Error('nianbao.check failed: ' + (e && e.message ? e.message : e));
  }
}

/** The rule catalog: code, name, severity, titles and documentation. */
export function rules() {
  loaded('rules');
  return rulesWasm().map((r) => ({
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
  const pdf = await import('./pdf/client.js');
  const extracted = await pdf.extractPdf(bytes);
  const result = check(extracted.text, options);
  result.text = extracted.text;
  return pdf.placeFindings(result, extracted);
}
