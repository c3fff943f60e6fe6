// Browser platform helpers the Rust side calls: text decoding with
// TextDecoder, .docx inflation with DecompressionStream, downloads, printing.
// Nothing here touches the network.

/** Decodes a text file: BOM, then strict UTF-8, then UTF-16 by its zero bytes, then GB18030. */
export function decodeFileText(bytes) {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  const sample = b.subarray(0, Math.min(b.length, 4096));
  let even = 0, odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) { if (i % 2) odd++; else even++; }
  const half = sample.length / 2;
  if (half > 0 && (odd * 4 > half || even * 4 > half)) {
    try { return new TextDecoder(odd > even ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(b); } catch (_) { /* not UTF-16 */ }
  }
  try { return new TextDecoder('utf-8', { fatal: true }).decode(b); } catch (_) { /* not UTF-8 */ }
  return new TextDecoder('gb18030').decode(b);
}

/** Inflates raw deflate data (a .docx entry). */
export async function inflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Reads a File into bytes. */
export async function fileBytes(file) {
  return new Uint8Array(await file.arrayBuffer());
}

/** Saves text as a file, through an object URL (no request leaves the page). */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Selects a UTF-16 range of a textarea and scrolls it into view (measured with a mirror). */
export function selectRange(area, start, end) {
  area.focus({ preventScroll: true });
  area.setSelectionRange(start, end);
  const style = getComputedStyle(area);
  const mirror = document.createElement('div');
  for (const p of ['fontFamily', 'fontSize', 'lineHeight', 'letterSpacing', 'paddingTop', 'paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth', 'boxSizing', 'tabSize']) mirror.style[p] = style[p];
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.overflowWrap = 'break-word';
  mirror.style.width = area.clientWidth + 'px';
  mirror.textContent = area.value.slice(0, start);
  (area.getRootNode().body ?? area.parentNode).appendChild(mirror);
  const top = mirror.scrollHeight;
  mirror.remove();
  area.scrollTop = Math.max(0, top - area.clientHeight / 3);
}

// ---- HTML and .docx to text, with the platform's parsers. Tables become
// tab-separated rows so that the checker sees them as drawn (the same shape
// the native CLI's converters produce).

const BLOCK = new Set(['P', 'DIV', 'BR', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'HR', 'TR', 'UL', 'OL']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);

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
  const walk = (node, inCell) => {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) {
        out += n.nodeValue.replace(/[\t\n\r ]+/g, ' ');
      } else if (n.nodeType === 1) {
        const tag = n.tagName;
        if (SKIP.has(tag)) continue;
        if (tag === 'TD' || tag === 'TH') {
          if (out && !out.endsWith('\n')) out += '\t';
          walk(n, true);
          out = out.replace(/ +$/, '');
          continue;
        }
        if (BLOCK.has(tag)) { if (inCell) { if (!/[\t ]$/.test(out)) out += ' '; } else nl(); }
        walk(n, inCell);
        if (tag === 'TR' || (BLOCK.has(tag) && !inCell)) nl();
      }
    }
  };
  walk(doc.body ?? doc, false);
  return tidy(out.split('\n').map((l) => l.replace(/^ +/, '')).join('\n'));
}

function u16(b, at) { return b[at] | (b[at + 1] << 8); }
function u32(b, at) { return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0; }

/** The bytes of one ZIP entry (stored or deflated). */
async function zipEntry(b, name) {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (u32(b, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a ZIP archive');
  let at = u32(b, eocd + 16);
  const count = u16(b, eocd + 10);
  const want = new TextEncoder().encode(name);
  for (let k = 0; k < count; k++) {
    if (u32(b, at) !== 0x02014b50) throw new Error('damaged ZIP directory');
    const method = u16(b, at + 10), size = u32(b, at + 20), nlen = u16(b, at + 28), xlen = u16(b, at + 30), clen = u16(b, at + 32), local = u32(b, at + 42);
    const fname = b.subarray(at + 46, at + 46 + nlen);
    if (fname.length === want.length && fname.every((x, i) => x === want[i])) {
      const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
      const data = b.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) return inflateRaw(data);
      throw new Error('compression method ' + method);
    }
    at += 46 + nlen + xlen + clen;
  }
  throw new Error(name + ' not found (is it a Word .docx?)');
}

/** Text of a .docx: paragraphs on their own lines, table rows with tab-separated cells. */
export async function docxToText(bytes) {
  const xml = new TextDecoder('utf-8').decode(await zipEntry(bytes, 'word/document.xml'));
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  let out = '';
  const walk = (node, inCell) => {
    for (const n of node.children) {
      const tag = n.localName;
      if (tag === 't') out += n.textContent;
      else if (tag === 'tab') out += '\t';
      else if (tag === 'br' || tag === 'cr') out += inCell ? ' ' : '\n';
      else if (tag === 'tr') { if (out && !out.endsWith('\n')) out += '\n'; walk(n, inCell); if (!out.endsWith('\n')) out += '\n'; }
      else if (tag === 'tc') { if (out && !out.endsWith('\n')) out += '\t'; walk(n, true); out = out.replace(/ +$/, ''); }
      else if (tag === 'p') { walk(n, inCell); if (inCell) { if (!/[\t ]$/.test(out)) out += ' '; } else out += '\n'; }
      else walk(n, inCell);
    }
  };
  walk(doc.documentElement, false);
  return tidy(out);
}

// A PDF: read by the PDF reader (a second wasm module in a Web Worker, loaded
// now from pdf/ beside the app). The text is returned; its map (per placed
// piece [start, end, page], UTF-8 byte offsets) stays here for pdfPage. A PDF
// without readable text throws its sentence in the page's language.
let lastPdf = null;
export async function pdfToText(bytes) {
  const pdf = await import(new URL('../../../pdf/client.js', import.meta.url).href);
  try {
    const x = await pdf.extractPdf(bytes);
    lastPdf = x;
    return x.text;
  } catch (e) {
    throw new Error(document.documentElement.lang.startsWith('en') ? e.en ?? e.message : e.zh ?? e.message);
  }
}

/** True when `text` is the text read from the last PDF opened (not typed, pasted or edited). */
export function isPdfText(text) {
  return lastPdf !== null && lastPdf.text === text;
}

/** The page of a byte offset of the last PDF's text, 0 if none. */
export function pdfPage(at) {
  const m = lastPdf?.map.find((p) => p[1] > at);
  return m ? m[2] : 0;
}
