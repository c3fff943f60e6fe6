// Reading a report's text in the page, as the checker does: the app's
// converters and text decoding (convert.js), the PDF reader (pdf/client.js).
// What cannot be read is an Unreadable whose `key` says why (`why(key)` in
// the page's language). Shared by the batch and the last-year panel.

import { MAX_ENTRY } from './archive.js';
import { lang, say } from './words.js';

/** Why a file could not be read, in the page's language (`key`: too_large, empty, binary, …). */
export function why(key) {
  const known = ['too_large', 'empty', 'binary', 'doc', 'wps', 'zip_other', 'damaged', 'unsupported', 'nested', 'unsafe', 'encrypted', 'method', 'too_many', 'failed', 'unavailable'];
  return say('WHY_' + (known.includes(key) ? key : 'damaged').toUpperCase());
}

/**
 * The sentence for an error of `textOf` (or a row that keeps its `key` and
 * `sentences`): a PDF's or a converter's own sentence when it has one.
 */
export function whyText(e) {
  return e?.sentences?.[lang()] ?? why(e?.key ?? 'damaged');
}

let converters = null;
const convert = () => (converters ??= import(new URL('../convert.js', import.meta.url).href).catch((e) => { converters = null; throw e; }));
let pdfReader = null;
const pdf = () => (pdfReader ??= import(new URL('../pdf/client.js', import.meta.url).href).catch((e) => { pdfReader = null; throw e; }));

/** `sentences`: the reader's own words, `{ zh, en }`, when it has them (a PDF, a hostile file). */
export class Unreadable extends Error {
  constructor(key, sentences) { super(key); this.key = key; this.sentences = sentences; }
}

/**
 * The text of a report's bytes, as `{ text, notes }` (`notes`: what decoding
 * a text file repaired, convert.js `decodeBytes`, for the checker's I001), or
 * an Unreadable saying why.
 */
export async function textOf(bytes, name) {
  if (bytes.length > MAX_ENTRY) throw new Unreadable('too_large');
  if (!bytes.length) throw new Unreadable('empty');
  const head = bytes.subarray(0, 8);
  const starts = (...sig) => sig.every((c, i) => head[i] === c);
  const lower = name.toLowerCase();
  const run = async (f, ...input) => {
    let c;
    try { c = await convert(); } catch (_) { throw new Unreadable('unavailable'); }
    try { return await c[f](...input); } catch (e) {
      const key = String(e?.message ?? '');
      // A hostile file (a zip bomb, entity expansion) comes with its own sentence (convert.js).
      if (e?.zh) throw new Unreadable('damaged', { zh: e.zh, en: e.en });
      throw new Unreadable(key === 'file.too_large' ? 'too_large' : key.startsWith('file.zip') || key.includes('_as_') ? 'zip_other' : 'damaged');
    }
  };
  let text;
  let notes = new Uint32Array(0);
  // For a PDF: where each page's text starts, byte offset and page in pairs
  // (the findings sheet gives a PDF's findings their page).
  let pages = new Uint32Array(0);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    const kind = await run('zipKind', bytes);
    if (kind === 'docx') text = await run('docxToText', bytes);
    else if (kind === 'odt') text = await run('odtToText', bytes);
    else throw new Unreadable(/\.(docx|odt)$/.test(lower) ? 'damaged' : 'zip_other');
  } else if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    throw new Unreadable(lower.endsWith('.wps') ? 'wps' : 'doc');
  } else if (starts(0x25, 0x50, 0x44, 0x46) || lower.endsWith('.pdf') || (await run('pdfMark', bytes))) {
    // Named .pdf or marked as one: the PDF reader's word on it (a saved 404 page is a damaged PDF, not a report).
    let reader;
    try { reader = await pdf(); } catch (_) { throw new Unreadable('unavailable'); }
    let read;
    try { read = await reader.extractPdf(bytes); } catch (e) { throw new Unreadable('pdf', e?.zh ? { zh: e.zh, en: e.en ?? e.zh } : undefined); }
    text = read.text;
    pages = pageStarts(read.map);
  } else if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) {
    text = await run('rtfToText', bytes);
  } else {
    // A text file (or an HTML page): its encoding as the checker page decides it.
    const d = await run('decodeBytes', bytes, name);
    // Bytes of no known kind keep the message of the kind the name promised, as on the command line (src/input read_bytes).
    if (!d) throw new Unreadable(lower.endsWith('.doc') ? 'doc' : /\.(docx|odt|rtf)$/.test(lower) ? 'damaged' : 'binary');
    ({ text, notes } = d);
  }
  if (!text.trim()) throw new Unreadable('empty');
  return { text, notes, pages };
}

/** `(start, page)` pairs where the page changes along the reader's map (`[start, end, page, …]` in text order). */
function pageStarts(map) {
  const out = [];
  for (const [start, , page] of map ?? []) {
    if (out.length === 0 || out[out.length - 1] !== page) out.push(start, page);
  }
  return Uint32Array.from(out);
}

