// File and clipboard converters, loaded only when a file is opened or rich
// text is pasted (not part of the first load). Each returns the report's text
// with tables as tab-separated rows, the shape the checker reads (the native
// CLI's converters produce the same). The platform does the heavy work:
// DOMParser for HTML and XML, DecompressionStream for ZIP entries,
// TextDecoder for code pages. Nothing here touches the network.
//
// Failures throw an Error whose message is a key of the app's catalogue
// (`file.*`), so that the UI says it in the user's language. The refusals of
// hostile files (a zip bomb, entity expansion, too many entries) carry their
// own sentence in both languages (`zh`, `en`): they are rare, and their words
// stay out of the first load.
//
// The limits are the native reader's (src/input/zip.rs): at most 10,000
// entries in a directory, at most 64 MB inflated for an entry and for the
// whole document, counted while inflating (a directory's stated sizes are
// never trusted); no DOCTYPE, so no entity is ever expanded.

/** Most entries a directory may list (a .docx has a few dozen). */
const MAX_ENTRIES = 10000;
/** Most one document may inflate to, all its entries together (one entry at most as well). */
const MAX_INFLATED = 64 * 1024 * 1024;

const SAID = {
  'file.bomb': ['解压后超过 64 MB，疑似压缩炸弹，未读取。请打开年报文件本身。', 'it inflates past 64 MB, likely a zip bomb, and was not read. Open the report itself.'],
  'file.entities': ['文档定义了 XML 实体（DOCTYPE）。Word、WPS 和 LibreOffice 从不这样写，这是“实体膨胀”攻击的写法，未读取。请在 Word 或 WPS 中另存一份，或全选复制后粘贴到编辑框。',
    'it declares XML entities (a DOCTYPE), which Word, WPS and LibreOffice never write: this is how entity-expansion attacks are made, so it was not read. Save a copy from Word or WPS, or copy and paste the text.'],
  // As the command line and the batch say it; the editor keeps its text.
  'file.empty': ['文件是空的。', 'the file is empty.'],
  'file.entries': [`压缩包列出了超过 ${MAX_ENTRIES} 个条目，不像是一份文档，未读取。`, `its archive lists more than ${MAX_ENTRIES} entries, which no document has; it was not read.`],
};

const fail = (key) => {
  const e = new Error(key);
  if (SAID[key]) [e.zh, e.en] = SAID[key];
  throw e;
};

// ---- Opening a file: what it is by its first bytes (then its name).

/** A report of 32 MB is no report: refused before reading. */
const MAX_BYTES = 32 * 1024 * 1024;
/** Extensions that are certainly not a report's text. */
const NOT_TEXT = ['.xls', '.xlsx', '.et', '.ppt', '.pptx', '.dps', '.png', '.jpg', '.jpeg', '.gif', '.bmp', '.webp', '.zip', '.rar', '.7z', '.gz', '.ofd', '.exe'];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66];

/** "%PDF-" within the first 1024 bytes, where readers accept it. */
export function pdfMark(b) {
  const n = Math.min(b.length, 1024) - 5;
  for (let i = 0; i <= n; i++) if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46 && b[i + 4] === 0x2d) return true;
  return false;
}

/**
 * The text of a .txt, .docx, .odt, .rtf or .html file the user opened, or
 * `{ text, notes }` for a text file whose decoding repaired something
 * (`decodeBytes`); or
 * `{ pdf: bytes }` for the PDF reader. A file that is no report's text throws
 * its `file.*` key (file.doc, file.wps, file.not_text, file.zip_other, …).
 */
export async function readFile(file) {
  if (file.size > MAX_BYTES) fail('file.too_large');
  const name = file.name.toLowerCase();
  let b;
  try { b = new Uint8Array(await file.arrayBuffer()); } catch (_) { fail('file.damaged'); }
  if (!b.length) fail('file.empty');
  const starts = (sig) => sig.every((c, i) => b[i] === c);
  const notText = NOT_TEXT.some((e) => name.endsWith(e));
  if (starts(ZIP)) {
    let entries;
    try {
      entries = zipDirectory(b);
    } catch (e) {
      // A hostile archive is refused with its sentence; a truncated one is damaged.
      if (e.zh) throw e;
      fail(notText ? 'file.not_text' : 'file.damaged');
    }
    if (entries.has('word/document.xml')) return docxToText(b);
    if (entries.has('content.xml')) return odtToText(b);
    fail(notText ? 'file.not_text' : 'file.zip_other');
  }
  if (starts(OLE)) fail(name.endsWith('.wps') ? 'file.wps' : notText ? 'file.not_text' : 'file.doc');
  // A file named .pdf goes to the PDF reader whatever it holds (a failed
  // download saved as a web page is "a damaged PDF", not a report), and so
  // does one with the PDF mark in its first 1 KB (src: pdf looks_like_pdf).
  if (starts(PDF) || name.endsWith('.pdf') || pdfMark(b)) return { pdf: b };
  if (starts(RTF)) return rtfToText(b);
  if (notText) fail('file.not_text');
  const d = decodeBytes(b, name);
  // Bytes of no known kind keep the message of the kind the name promised, as on the command line (src/input read_bytes).
  if (!d) fail(name.endsWith('.doc') ? 'file.doc' : /\.(docx|odt|rtf)$/.test(name) ? 'file.damaged' : 'file.not_text');
  return d.notes.length ? asEditorHolds(d) : d.text;
}

// ---- Text files: their encoding, decided as the native reader decides it
// (src/input/encoding.rs), so that the browser and the command line read the
// same bytes as the same text with the same notes. Nothing is guessed
// silently: text that is overwhelmingly UTF-8 is decoded as UTF-8 with its
// few bad bytes replaced, lines in GBK inside a UTF-8 file (a paste from an
// older document) are decoded as GBK, and each repair is a note (rule I001)
// that points at the place. One stray byte never makes a report binary data.
//
// A note is six numbers, as src/input/notes.rs reads them: its kind (`NOTE`),
// its span in the decoded text in UTF-8 bytes (the checker's unit), and up to
// three numbers for its sentence, which the checker makes from its catalogue.

const NOTE = { bytes: 0, bytesTotal: 1, replacedUtf16: 2, replacedGb18030: 3, mixedLine: 4, mixedLines: 5 };
/** Notes beyond this many are left out: a damaged file must not bury the report's own findings. */
const MAX_NOTES = 20;
const ASCII = 0, UTF8 = 1, GBK = 2, BAD = 3;

/** Bytes of `s[from..end]` in UTF-8 (a surrogate pair is two units of two). */
function utf8Length(s, from = 0, end = s.length) {
  let n = 0;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
  }
  return n;
}

/**
 * Where `b[i..end]` stops being UTF-8, as Rust's `str::from_utf8` says it
 * (the notes count bytes as the native reader does): `[at, length of the
 * bad sequence]`, the length 0 when the input ends inside a sequence; null
 * if it is UTF-8 to the end.
 */
function utf8Error(b, i, end) {
  while (i < end) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need = 3, lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) { need = 2; if (c === 0xe0) lo = 0xa0; else if (c === 0xed) hi = 0x9f; }
    else if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
    else if (c < 0xf1 || c > 0xf3) return [i, 1];
    for (let k = 1; k <= need; k++) {
      if (i + k >= end) return [i, 0];
      const d = b[i + k];
      if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return [i, k];
    }
    i += need + 1;
  }
  return null;
}

/** Bytes of `b[i..end]` that are not part of a valid UTF-8 sequence. */
function invalidUtf8(b, i, end) {
  let n = 0;
  for (let e; (e = utf8Error(b, i, end)); ) {
    const bad = e[1] || end - e[0];
    n += bad;
    i = e[0] + bad;
  }
  return n;
}

/** `decode` of `label`, or null where the bytes are not of that encoding. */
function strict(label, b) {
  try { return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(b); } catch (_) { return null; }
}

/** Text has few control characters and replacements; binary data has many. */
function isText(text) {
  let total = 0, control = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c === 0) return false;
    total++;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control * 50 <= Math.max(total, 1);
}

/** A whole-file decoding that replaced bad sequences: one note at the first. */
function withReplacements(text, kind) {
  const first = text.indexOf('\ufffd');
  if (first < 0) return { text, notes: [] };
  let n = 0;
  for (let i = first; i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  const at = utf8Length(text, 0, first);
  return { text, notes: [kind, at, at + 3, n, 0, 0] };
}

/** UTF-16 without BOM: every other byte zero in ASCII-heavy text. */
function utf16WithoutBom(b) {
  const sample = b.subarray(0, 4096);
  let even = 0, odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) { if (i % 2) odd++; else even++; }
  const half = sample.length >> 1;
  if (half > 0 && (odd * 4 > half || even * 4 > half)) {
    const text = strict(odd > even ? 'utf-16le' : 'utf-16be', b);
    if (text !== null) return { text, notes: [] };
  }
  return null;
}

/** Each line's kind and its count of bytes 0x80 and above. */
function classify(b, gb18030) {
  const lines = [];
  for (let start = 0; start < b.length; ) {
    let end = b.indexOf(0x0a, start);
    end = end < 0 ? b.length : end + 1;
    let high = 0;
    for (let i = start; i < end; i++) if (b[i] >= 0x80) high++;
    if (!high) lines.push({ end, kind: ASCII, high });
    else if (!utf8Error(b, start, end)) lines.push({ end, kind: UTF8, high });
    else {
      // GBK: clean GB18030, and most of its high bytes break UTF-8; else UTF-8 with damaged bytes.
      let gbk = null;
      if (invalidUtf8(b, start, end) * 2 >= high) {
        try { gbk = gb18030.decode(b.subarray(start, end)); } catch (_) { /* not GB18030 */ }
      }
      lines.push(gbk === null ? { end, kind: BAD, high } : { end, kind: GBK, high, gbk });
    }
    start = end;
  }
  return lines;
}

/**
 * UTF-8 text with GBK lines and damaged bytes: each line decoded as what it
 * is, and a note for every change of encoding and every damaged place (the
 * native `mixed`, step by step).
 */
function mixed(b, lines) {
  const utf8 = new TextDecoder('utf-8');
  const parts = [];
  const notes = [];
  let bytes = 0; // the text's length so far, in UTF-8
  let total = 0, places = 0;
  let run = null; // the GBK run being read: { at, end, first, last }
  const close = () => {
    if (!run) return;
    if (run.last > run.first) notes.push(NOTE.mixedLines, run.at, run.end, run.first, run.last, 0);
    else notes.push(NOTE.mixedLine, run.at, run.end, run.first, 0, 0);
    run = null;
  };
  const good = (from, to) => { if (to > from) { parts.push(utf8.decode(b.subarray(from, to))); bytes += to - from; } };
  let start = 0;
  lines.forEach((l, i) => {
    const line = i + 1;
    if (l.kind === ASCII) good(start, l.end);
    else if (l.kind === UTF8) { close(); good(start, l.end); }
    else if (l.kind === GBK) {
      const at = bytes;
      parts.push(l.gbk);
      bytes += utf8Length(l.gbk);
      // The run's span ends before the line break.
      const end = bytes - (l.gbk.length - l.gbk.replace(/[\r\n]+$/, '').length);
      run = run ? { ...run, end, last: line } : { at, end, first: line, last: line };
    } else {
      close();
      for (let from = start, e; from < l.end; ) {
        e = utf8Error(b, from, l.end);
        if (!e) { good(from, l.end); break; }
        good(from, e[0]);
        // One U+FFFD per bad byte, neighbouring bad bytes making one place: the count is what the note says.
        let n = e[1] || l.end - e[0];
        let rest = e[0] + n;
        for (let e2; rest < l.end && (e2 = utf8Error(b, rest, l.end)) && e2[0] === rest; ) {
          const m = e2[1] || l.end - rest;
          n += m;
          rest += m;
        }
        parts.push('\ufffd'.repeat(n));
        if (notes.length / 6 < MAX_NOTES) notes.push(NOTE.bytes, bytes, bytes + 3 * n, n, 0, 0);
        bytes += 3 * n;
        total += n;
        places++;
        from = rest;
      }
    }
    start = l.end;
  });
  close();
  // The first damaged place also carries the totals.
  for (let i = 0; places && i < notes.length; i += 6) {
    if (notes[i] === NOTE.bytes) { notes[i] = NOTE.bytesTotal; notes[i + 4] = places; notes[i + 5] = total; break; }
  }
  return { text: parts.join(''), notes };
}

/** The text of a text file's bytes and its notes; null for binary data. */
function decideEncoding(b) {
  if (b[0] === 0xff && b[1] === 0xfe || b[0] === 0xfe && b[1] === 0xff) {
    const label = b[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = strict(label, b.subarray(2));
    return text !== null ? { text, notes: [] } : withReplacements(new TextDecoder(label, { ignoreBOM: true }).decode(b.subarray(2)), NOTE.replacedUtf16);
  }
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  const body = bom ? b.subarray(3) : b;
  // Zero bytes: UTF-16 without BOM, or binary data (after a UTF-8 BOM, the zeros stay in the text).
  if (body.includes(0)) return bom ? null : utf16WithoutBom(b);
  const clean = strict('utf-8', body);
  if (clean !== null) return { text: clean, notes: [] };
  const gb18030 = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });
  const lines = classify(body, gb18030);
  const high = (kind) => lines.reduce((n, l) => n + (l.kind === kind ? l.high : 0), 0);
  // Hardly any UTF-8: a legacy file (a few GBK lines can happen to be valid UTF-8).
  if (high(UTF8) * 20 <= high(GBK) + high(BAD)) {
    // A GBK file whose first characters happen to be the bytes of a UTF-8 BOM.
    const whole = bom ? strict('gb18030', b) : null;
    if (whole !== null) return { text: whole, notes: [] };
    return withReplacements(new TextDecoder('gb18030', { ignoreBOM: true }).decode(body), NOTE.replacedGb18030);
  }
  return mixed(body, lines);
}

/**
 * The text of a text file (plain or HTML) and what decoding it had to repair
 * (`notes`, a Uint32Array of six numbers a note); null if it is binary data.
 * The same for the checker page and the batch.
 */
export function decodeBytes(b, name) {
  const d = decideEncoding(b);
  if (!d || !isText(d.text)) return null;
  let { text, notes } = d;
  const head = text.slice(0, 512).toLowerCase();
  if (/\.html?$/i.test(name) || head.includes('<html') || head.trimStart().startsWith('<!doctype html')) {
    // Places of repairs are in the markup, not in the text drawn from it: said once, at the top.
    text = htmlToText(text);
    notes = notes.length ? [notes[0], 0, 0, notes[3], notes[4], notes[5]] : [];
  }
  return { text, notes: Uint32Array.from(notes) };
}

/**
 * The text as the editor will hold it: a textarea turns CRLF into LF, so the
 * notes' places move back by the line breaks' CRs before them.
 */
function asEditorHolds({ text, notes }) {
  const lf = text.replace(/\r\n?/g, '\n');
  if (lf.length === text.length) return { text: lf, notes };
  // UTF-8 offsets of the CRs dropped, in order.
  const dropped = [];
  let bytes = 0, from = 0;
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) {
    bytes += utf8Length(text, from, i);
    dropped.push(bytes);
    from = i;
  }
  const moved = notes.map((v, i) => (i % 6 === 1 || i % 6 === 2 ? v - dropped.filter((at) => at < v).length : v));
  return { text: lf, notes: moved };
}

const BLOCK = new Set(['P', 'DIV', 'BR', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'HR', 'TR', 'UL', 'OL']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);
// Inside these the text's own spacing and line breaks are kept (a text report
// saved as a web page by LibreOffice or WPS is one <pre>).
const PRE = new Set(['PRE', 'TEXTAREA', 'XMP', 'LISTING']);

function tidy(text) {
  return text.split('\n').map((l) => l.replace(/[ \u00a0]+$/, '')).join('\n').replace(/\n{4,}/g, '\n\n\n');
}

/** Text of an HTML document or fragment (a page, or Word's clipboard HTML). */
export function htmlToText(html) {
  // Styles say nothing about the text; dropping them keeps the page's CSP quiet.
  const plain = html.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
  const doc = new DOMParser().parseFromString(plain, 'text/html');
  let out = '';
  const nl = () => { if (out && !out.endsWith('\n')) out += '\n'; };
  const walk = (node, inCell, pre) => {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) {
        out += pre ? n.nodeValue.replace(/\r\n?/g, '\n') : n.nodeValue.replace(/[\t\n\r ]+/g, ' ');
      } else if (n.nodeType === 1) {
        const tag = n.tagName;
        if (SKIP.has(tag)) continue;
        if (tag === 'TD' || tag === 'TH') {
          if (out && !out.endsWith('\n')) out += '\t';
          walk(n, true, pre);
          out = out.replace(/ +$/, '');
          continue;
        }
        if (BLOCK.has(tag)) { if (inCell) { if (!/[\t ]$/.test(out)) out += ' '; } else nl(); }
        walk(n, inCell, pre || PRE.has(tag));
        if (tag === 'TR' || (BLOCK.has(tag) && !inCell)) nl();
      }
    }
  };
  walk(doc.body ?? doc, false, false);
  return tidy(out.split('\n').map((l) => l.replace(/^ +/, '')).join('\n'));
}

// ---- ZIP containers (.docx, .odt)

function u16(b, at) { return b[at] | (b[at + 1] << 8); }
function u32(b, at) { return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0; }

/** Raw inflate of one entry, refusing more than `limit` bytes as they come (a zip bomb is no report). */
async function inflateRaw(bytes, limit) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    let r;
    try { r = await reader.read(); } catch (_) { fail('file.damaged'); }
    if (r.done) break;
    size += r.value.length;
    if (size > limit) { reader.cancel().catch(() => {}); fail('file.bomb'); }
    parts.push(r.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** The names of a ZIP's entries, with where each one's data is. */
function zipDirectory(b) {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (u32(b, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) fail('file.damaged');
  let at = u32(b, eocd + 16);
  const count = u16(b, eocd + 10);
  if (count > MAX_ENTRIES) fail('file.entries');
  const entries = new Map();
  const names = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) fail('file.damaged');
    const method = u16(b, at + 10), size = u32(b, at + 20), nlen = u16(b, at + 28), xlen = u16(b, at + 30), clen = u16(b, at + 32), local = u32(b, at + 42);
    entries.set(names.decode(b.subarray(at + 46, at + 46 + nlen)), { method, size, local });
    at += 46 + nlen + xlen + clen;
  }
  return entries;
}

/**
 * One entry's text. `budget.left` is what the document may still inflate to:
 * every entry read from one document draws on it.
 */
async function zipText(b, entries, name, budget) {
  const e = entries.get(name);
  if (!e) fail('file.damaged');
  if (e.local + 30 > b.length) fail('file.damaged');
  const start = e.local + 30 + u16(b, e.local + 26) + u16(b, e.local + 28);
  const data = b.subarray(start, start + e.size);
  let raw;
  if (e.method === 0) raw = data;
  else if (e.method === 8) raw = await inflateRaw(data, budget.left);
  else fail('file.damaged');
  if (raw.length > budget.left) fail('file.bomb');
  budget.left -= raw.length;
  return new TextDecoder('utf-8').decode(raw);
}

/** A character XML 1.0 allows (a form feed from Word does not qualify). */
const legal = (c) => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/**
 * An XML document. A DOCTYPE is refused (WordprocessingML and ODF never need
 * one, and it is how entity bombs and external entities come in). Characters
 * XML forbids, raw or as references (a form feed from Word), are dropped
 * first: Chromium's parser would stop at them and silently lose the rest.
 */
function parseXml(xml) {
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) fail('file.entities');
  const clean = xml
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (ref, n) => (legal(n[0] === 'x' ? parseInt(n.slice(1), 16) : parseInt(n, 10)) ? ref : ''));
  const doc = new DOMParser().parseFromString(clean, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) fail('file.damaged');
  return doc;
}

/** Which kind of ZIP document this is: 'docx', 'odt' or null (the batch check asks). */
export function zipKind(bytes) {
  try {
    const entries = zipDirectory(bytes);
    if (entries.has('word/document.xml')) return 'docx';
    if (entries.has('content.xml')) return 'odt';
  } catch (e) {
    // A hostile archive is refused with its sentence; any other is just not a readable ZIP.
    if (e.zh) throw e;
  }
  return null;
}

/** Text of a .docx: paragraphs on their own lines, table rows with tab-separated cells. */
export async function docxToText(bytes) {
  const entries = zipDirectory(bytes);
  if (!entries.has('word/document.xml')) fail(entries.has('content.xml') ? 'file.odt_as_docx' : 'file.zip_other');
  const doc = parseXml(await zipText(bytes, entries, 'word/document.xml', { left: MAX_INFLATED }));
  return tidy(wordText(doc));
}

/**
 * The text of a parsed document.xml before tidying: paragraphs on their own
 * lines, table rows with tab-separated cells. `onText(t, start)` is told of
 * each w:t element and where its text starts (下载批注版 anchors comments by it).
 */
export function wordText(doc, onText = () => {}) {
  let out = '';
  const walk = (node, inCell) => {
    for (const n of node.children) {
      const tag = n.localName;
      if (tag === 't') { onText(n, out.length); out += n.textContent; }
      else if (tag === 'tab') out += '\t';
      else if (tag === 'br' || tag === 'cr') out += inCell ? ' ' : '\n';
      else if (tag === 'tr') { if (out && !out.endsWith('\n')) out += '\n'; walk(n, inCell); if (!out.endsWith('\n')) out += '\n'; }
      else if (tag === 'tc') { if (out && !out.endsWith('\n')) out += '\t'; walk(n, true); out = out.replace(/ +$/, ''); }
      else if (tag === 'p') { walk(n, inCell); if (inCell) { if (!/[\t ]$/.test(out)) out += ' '; } else out += '\n'; }
      else walk(n, inCell);
    }
  };
  walk(doc.documentElement, false);
  return out;
}

/** Text of an OpenDocument text (.odt, as LibreOffice and WPS save it). */
export async function odtToText(bytes) {
  const entries = zipDirectory(bytes);
  if (!entries.has('content.xml')) fail(entries.has('word/document.xml') ? 'file.docx_as_odt' : 'file.zip_other');
  const doc = parseXml(await zipText(bytes, entries, 'content.xml', { left: MAX_INFLATED }));
  let out = '';
  const walk = (node, inCell) => {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) { out += n.nodeValue; continue; }
      if (n.nodeType !== 1) continue;
      const tag = n.localName;
      const ns = n.namespaceURI || '';
      // Footnotes, comments and change-tracking records are not the report's text.
      if (tag === 'note' || tag === 'annotation' || tag === 'tracked-changes' || tag === 'sequence-decls' || tag === 'table-columns' || tag === 'table-column') continue;
      if (tag === 's' && ns.endsWith(':text:1.0')) out += ' '.repeat(Number(n.getAttribute('text:c') || 1));
      else if (tag === 'tab') out += '\t';
      else if (tag === 'line-break') out += inCell ? ' ' : '\n';
      else if (tag === 'table-row') { if (out && !out.endsWith('\n')) out += '\n'; walk(n, inCell); out = out.replace(/\t+$/, ''); if (!out.endsWith('\n')) out += '\n'; }
      else if (tag === 'table-cell' || tag === 'covered-table-cell') {
        // A merged cell's covered neighbours hold nothing: they are not columns of the text.
        if (tag === 'covered-table-cell') continue;
        if (out && !out.endsWith('\n')) out += '\t';
        walk(n, true);
        out = out.replace(/ +$/, '');
      } else if (tag === 'p' || tag === 'h') { walk(n, inCell); if (inCell) { if (!/[\t ]$/.test(out)) out += ' '; } else out += '\n'; }
      else walk(n, inCell);
    }
  };
  const body = doc.getElementsByTagNameNS('urn:oasis:names:tc:opendocument:xmlns:office:1.0', 'text')[0] ?? doc.documentElement;
  walk(body, false);
  return tidy(out.split('\n').map((l) => l.replace(/ +\t/g, '\t')).join('\n'));
}

// ---- RTF: the text of the document, not its code.

/** Destinations whose content is not the document's text. */
const RTF_SKIP = new Set(['fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf',
  'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'xmlnsdecl', 'fldinst',
  'object', 'objdata', 'pgdsctbl', 'revtbl', 'footnote', 'annotation', 'atnid', 'atnauthor', 'bkmkstart', 'bkmkend', 'filetbl', 'mmathPr', 'wgrffmtfilter', 'pnseclvl', 'shppict', 'nonshppict']);
const CODEPAGES = { 936: 'gbk', 54936: 'gb18030', 950: 'big5', 1252: 'windows-1252', 65001: 'utf-8', 10008: 'gbk' };

/** Text of an RTF file (Word, WPS and LibreOffice write CJK as \uN or as \'hh bytes of the ANSI code page). */
export function rtfToText(bytes) {
  const src = new TextDecoder('latin1').decode(bytes);
  if (!src.startsWith('{\\rtf')) fail('file.damaged');
  let decoder = new TextDecoder('windows-1252');
  let out = '';
  let pending = [];
  const flush = () => { if (pending.length) { out += decoder.decode(new Uint8Array(pending)); pending = []; } };
  const emit = (s) => { flush(); out += s; };
  let state = { skip: false, uc: 1, intbl: false };
  const stack = [];
  let drop = 0; // fallback characters to drop after a \uN
  let starred = false;
  const n = src.length;
  for (let i = 0; i < n;) {
    const c = src[i];
    if (c === '{') { stack.push(state); state = { ...state }; i++; starred = false; continue; }
    if (c === '}') { flush(); state = stack.pop() ?? state; i++; drop = 0; continue; }
    if (c === '\r' || c === '\n') { i++; continue; }
    if (c !== '\\') {
      if (drop > 0) { drop--; i++; continue; }
      if (!state.skip) emit(c);
      i++;
      continue;
    }
    // A control symbol or word.
    const d = src[i + 1];
    if (d === undefined) break;
    if (d === "'") {
      const byte = parseInt(src.substr(i + 2, 2), 16);
      i += 4;
      if (drop > 0) { drop--; continue; }
      if (!state.skip && !Number.isNaN(byte)) pending.push(byte);
      continue;
    }
    if (!/[a-zA-Z]/.test(d)) {
      i += 2;
      if (d === '*') { starred = true; continue; }
      if (drop > 0) { drop--; continue; }
      if (state.skip) continue;
      if (d === '~') emit('\u00a0');
      else if (d === '_') emit('-');
      else if (d === '{' || d === '}' || d === '\\') emit(d);
      else if (d === '\n' || d === '\r') emit('\n');
      continue;
    }
    let j = i + 1;
    while (j < n && /[a-zA-Z]/.test(src[j])) j++;
    const word = src.slice(i + 1, j);
    let k = j;
    if (src[k] === '-' || /[0-9]/.test(src[k] ?? '')) { k++; while (k < n && /[0-9]/.test(src[k])) k++; }
    const param = k > j ? Number(src.slice(j, k)) : null;
    if (src[k] === ' ') k++;
    i = k;
    if (starred || RTF_SKIP.has(word)) { state.skip = true; starred = false; continue; }
    if (word === 'ansicpg' && param != null && CODEPAGES[param]) { decoder = new TextDecoder(CODEPAGES[param]); continue; }
    if (word === 'uc' && param != null) { state.uc = param; continue; }
    if (state.skip) continue;
    switch (word) {
      case 'u': emit(String.fromCharCode(param < 0 ? param + 65536 : param)); drop = state.uc; break;
      case 'pard': state.intbl = false; break;
      case 'intbl': state.intbl = true; break;
      // A paragraph inside a table cell continues the cell.
      case 'par': emit(state.intbl ? ' ' : '\n'); break;
      case 'sect': case 'page': emit('\n'); break;
      case 'line': emit('\n'); break;
      case 'tab': emit('\t'); break;
      case 'cell': case 'nestcell': flush(); out = out.replace(/ +$/, '') + '\t'; break;
      case 'row': case 'nestrow': flush(); out = out.replace(/[\t ]+$/, '') + '\n'; break;
      case 'emdash': emit('—'); break;
      case 'endash': emit('–'); break;
      case 'lquote': emit('‘'); break;
      case 'rquote': emit('’'); break;
      case 'ldblquote': emit('“'); break;
      case 'rdblquote': emit('”'); break;
      case 'bullet': emit('•'); break;
      default: break;
    }
  }
  flush();
  return tidy(out.replace(/\u00a0/g, ' '));
}
