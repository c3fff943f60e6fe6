// Reading a report's text in the page, as the checker does: the app's
// converters and text decoding (convert.js), the PDF reader (pdf/client.js).
// What cannot be read is an Unreadable whose `key` says why (`why(key)` in
// the page's language). Shared by the batch and the last-year panel.

import { MAX_ENTRY } from './archive.js';

const WHY = {
  zh: {
      too_large: '文件过大（超过 32 MB），不是一份年报。', empty: '文件是空的。', binary: '这不是文本文件，也不是 .docx、.odt、.rtf、.pdf 或 .html 报告。',
      doc: '这是旧版 Word 文件（.doc）：请在 Word 或 WPS 中另存为 .docx 再检查。', wps: '这是 WPS 文字文件（.wps）：请在 WPS 中另存为 .docx 再检查。',
      zip_other: '这是压缩文件，但不是 .docx 或 .odt 文档。', damaged: '文件已损坏，无法读取。', unsupported: '不支持的文件类型。',
      nested: '压缩包中的压缩包不展开检查，请先解压。', unsafe: '条目名称指向压缩包之外（如“../”或绝对路径），未读取。',
      encrypted: '压缩包条目已加密，无法读取。', method: '压缩包条目使用了不支持的压缩方式。', too_many: '压缩包条目过多（超过 10000 个），未展开。',
      failed: '检查时出错，其余报告不受影响。', unavailable: '读取此文件所需的组件未能加载，请检查网络后重试。',
  },
  en: {
      too_large: 'The file is too large (over 32 MB) to be a report.', empty: 'The file is empty.', binary: 'This is not a text file, nor a .docx, .odt, .rtf, .pdf or .html report.',
      doc: 'This is an old Word file (.doc): save it as .docx in Word or WPS and check that.', wps: 'This is a WPS Writer file (.wps): save it as .docx in WPS and check that.',
      zip_other: 'This is an archive, not a .docx or .odt document.', damaged: 'The file is damaged and cannot be read.', unsupported: 'This kind of file is not supported.',
      nested: 'An archive inside the archive is not opened: extract it first.', unsafe: 'The entry’s name points outside the archive (“../” or an absolute path): not read.',
      encrypted: 'The archive entry is encrypted and cannot be read.', method: 'The archive entry uses a compression method that is not supported.', too_many: 'The archive has too many entries (over 10,000): not opened.',
      failed: 'The check failed on this file; the other reports are not affected.', unavailable: 'What this file needs could not be loaded: check the connection and try again.',
  },
};

const lang = () => (document.documentElement.lang.startsWith('en') ? 'en' : 'zh');

/** Why a file could not be read, in the page's language. */
export function why(key) {
  return WHY[lang()][key] ?? WHY[lang()].damaged;
}

/** The sentence for an error of `textOf` (a PDF's own sentence when it has one). */
export function whyText(e) {
  return e?.sentence ?? why(e instanceof Unreadable ? e.key : 'damaged');
}

let converters = null;
const convert = () => (converters ??= import(new URL('../convert.js', import.meta.url).href).catch((e) => { converters = null; throw e; }));
let pdfReader = null;
const pdf = () => (pdfReader ??= import(new URL('../pdf/client.js', import.meta.url).href).catch((e) => { pdfReader = null; throw e; }));

export class Unreadable extends Error {
  constructor(key, sentence) { super(key); this.key = key; this.sentence = sentence; }
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
      if (e?.zh) throw new Unreadable('damaged', lang() === 'en' ? e.en : e.zh);
      throw new Unreadable(key === 'file.too_large' ? 'too_large' : key.startsWith('file.zip') || key.includes('_as_') ? 'zip_other' : 'damaged');
    }
  };
  let text;
  let notes = new Uint32Array(0);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    const kind = await run('zipKind', bytes);
    if (kind === 'docx') text = await run('docxToText', bytes);
    else if (kind === 'odt') text = await run('odtToText', bytes);
    else throw new Unreadable(/\.(docx|odt)$/.test(lower) ? 'damaged' : 'zip_other');
  } else if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    throw new Unreadable(lower.endsWith('.wps') ? 'wps' : 'doc');
  } else if (starts(0x25, 0x50, 0x44, 0x46)) {
    let reader;
    try { reader = await pdf(); } catch (_) { throw new Unreadable('unavailable'); }
    try { text = (await reader.extractPdf(bytes)).text; } catch (e) { throw new Unreadable('pdf', lang() === 'en' ? e.en : e.zh); }
  } else if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) {
    text = await run('rtfToText', bytes);
  } else {
    // A text file (or an HTML page): its encoding as the checker page decides it.
    const d = await run('decodeBytes', bytes, name);
    if (!d) throw new Unreadable(lower.endsWith('.doc') ? 'doc' : 'binary');
    ({ text, notes } = d);
  }
  if (!text.trim()) throw new Unreadable('empty');
  return { text, notes };
}

