// 下载批注版: the findings back into Word. For a report opened from a .docx
// whose text is still the one in the editor, the same document comes back
// with each finding as a Word comment anchored at the runs that hold its
// text; for any other text (pasted, edited), a new .docx of the text with the
// comments. A safe fix (punctuation, the e-mail's form, conversion residue:
// the fixes 全部应用 applies, www/src/findings.rs SAFE) is also written as a
// tracked change (w:del, w:ins) that the clerk accepts or rejects in Word.
// The findings are the checker's own (checker.js, the JSON document of the
// output contract), with last year's report when the 对照上年 panel has one;
// the comments speak the page's language. Loaded only when the button is used.

import { load } from './checker.js';
import { wordText } from '../convert.js';
import { ready, lang, say } from './words.js';
import { previous } from './years.js';

/** The fixes a clerk may accept without reading them closely (www/src/findings.rs SAFE). */
const SAFE = ['H001', 'H003', 'C001'];

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML = 'http://www.w3.org/XML/1998/namespace';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

const u16 = (b, at) => b[at] | (b[at + 1] << 8);
const u32 = (b, at) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** The entries of a .docx: name → bytes (inflated). Limits as the converters': 64 MB an entry. */
async function unzip(b) {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) if (u32(b, i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error('damaged');
  const count = u16(b, eocd + 10);
  if (count > 10000) throw new Error('damaged');
  let at = u32(b, eocd + 16);
  const names = new TextDecoder();
  const out = new Map();
  for (let k = 0; k < count; k++) {
    if (u32(b, at) !== 0x02014b50) throw new Error('damaged');
    const method = u16(b, at + 10), size = u32(b, at + 20), nlen = u16(b, at + 28), xlen = u16(b, at + 30), clen = u16(b, at + 32), local = u32(b, at + 42);
    const name = names.decode(b.subarray(at + 46, at + 46 + nlen));
    at += 46 + nlen + xlen + clen;
    const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    const data = b.subarray(start, start + size);
    if (method === 0) out.set(name, data);
    else if (method === 8) out.set(name, await inflate(data));
    else throw new Error('damaged');
  }
  return out;
}

async function inflate(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    size += r.value.length;
    if (size > 64 * 1024 * 1024) { reader.cancel(); throw new Error('too large'); }
    parts.push(r.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

let table = null;
function crc32(data) {
  table ??= Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP of stored entries ([Content_Types].xml first, as Office writes it). */
function zip(entries) {
  const enc = new TextEncoder();
  const parts = [];
  const central = [];
  let offset = 0;
  const sorted = [...entries].sort((a, b) => (a[0] === '[Content_Types].xml' ? -1 : b[0] === '[Content_Types].xml' ? 1 : 0));
  for (const [name, data] of sorted) {
    const n = enc.encode(name);
    const crc = crc32(data);
    const head = (central) => {
      const h = new DataView(new ArrayBuffer(central ? 46 : 30));
      let p = 0;
      const w16 = (v) => { h.setUint16(p, v, true); p += 2; };
      const w32 = (v) => { h.setUint32(p, v, true); p += 4; };
      w32(central ? 0x02014b50 : 0x04034b50);
      if (central) w16(20);
      w16(20); w16(0x0800); w16(0); w16(0); w16(0x21); w32(crc); w32(data.length); w32(data.length); w16(n.length); w16(0);
      if (central) { w16(0); w16(0); w16(0); w32(0); w32(offset); }
      return new Uint8Array(h.buffer);
    };
    const local = head(false);
    central.push(head(true), n);
    parts.push(local, n, data);
    offset += local.length + n.length + data.length;
  }
  const cd = central.reduce((s, p) => s + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, sorted.length, true);
  end.setUint16(10, sorted.length, true);
  end.setUint32(12, cd, true);
  end.setUint32(16, offset, true);
  return new Blob([...parts, ...central, new Uint8Array(end.buffer)], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}

/**
 * The text of a document.xml as convert.js's docxToText reads it (its
 * `wordText`), with where each w:t element's text starts in it: `{ text, runs: [{ t, start }] }`.
 * With `tidy`, the text goes through the converter's tidying and `at` maps
 * its offsets back (a document made here from the editor's text has none).
 */
function read(doc, tidy) {
  const runs = [];
  const out = wordText(doc, (t, start) => runs.push({ t, start }));
  // tidy(): spaces at line ends go, four or more line breaks become three. `at[i]` is where character i of the tidy text was.
  const keep = new Uint8Array(out.length).fill(1);
  for (let i = out.length - 1, end = true; tidy && i >= 0; i--) {
    if (out[i] === '\n') end = true;
    else if (end && (out[i] === ' ' || out[i] === '\u00a0')) keep[i] = 0;
    else end = false;
  }
  let breaks = 0;
  for (let i = 0; i < out.length; i++) {
    if (!keep[i]) continue;
    if (out[i] === '\n') { breaks++; if (tidy && breaks > 3) keep[i] = 0; } else breaks = 0;
  }
  const at = [];
  let text = '';
  for (let i = 0; i < out.length; i++) if (keep[i]) { at.push(i); text += out[i]; }
  at.push(out.length);
  return { text, runs, at };
}

/** The w:r element a w:t is in. */
function run(t) {
  let e = t.parentElement;
  while (e && e.localName !== 'r') e = e.parentElement;
  return e;
}

/** The w:r holding tidy offset `o` (the run that starts after it when it falls between runs). */
function runAt(doc, o, after) {
  const x = doc.at[Math.min(o, doc.at.length - 1)];
  let lo = 0, hi = doc.runs.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (doc.runs[m].start <= x) lo = m + 1; else hi = m; }
  let k = lo - 1;
  const r = doc.runs[k];
  if (!r || x >= r.start + r.t.textContent.length) k = after ? lo : lo - 1;
  const found = doc.runs[Math.max(0, Math.min(k, doc.runs.length - 1))];
  return found && (run(found.t) ?? found.t.parentElement);
}

function commentText(d, tracked) {
  const head = { error: 'COMMENT_ERROR', warning: 'COMMENT_WARNING' }[d.severity] ?? 'COMMENT_INFO';
  const message = lang() === 'en' ? d.message_en ?? d.message : d.message;
  const fix = d.fix == null ? '' : d.fix === '' ? say('COMMENT_DELETE') : say('COMMENT_FIX', d.fix);
  return say(head, d.code, message) + fix + (tracked ? say('COMMENT_TRACKED') : '');
}

function commentsXml(findings, existing, tracked) {
  const doc = existing ?? new DOMParser().parseFromString(`<w:comments xmlns:w="${W}"/>`, 'application/xml');
  const root = doc.documentElement;
  let id = Math.max(-1, ...[...root.getElementsByTagNameNS(W, 'comment')].map((c) => Number(c.getAttributeNS(W, 'id')) || 0)) + 1;
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const ids = [];
  for (const d of findings) {
    const c = doc.createElementNS(W, 'w:comment');
    c.setAttributeNS(W, 'w:id', String(id));
    c.setAttributeNS(W, 'w:author', say('AUTHOR'));
    c.setAttributeNS(W, 'w:initials', 'NB');
    c.setAttributeNS(W, 'w:date', date);
    const p = doc.createElementNS(W, 'w:p');
    const r = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    t.setAttributeNS(XML, 'xml:space', 'preserve');
    t.textContent = commentText(d, tracked.has(d)).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
    r.append(t); p.append(r); c.append(p); root.append(c);
    ids.push(id++);
  }
  return { xml: new XMLSerializer().serializeToString(doc), ids, date };
}

/** Anchors each finding at the runs that hold its text: commentRangeStart before, end and reference after. */
function anchor(doc, xml, findings, ids) {
  findings.forEach((d, i) => {
    const start = d.utf16?.start ?? 0;
    const end = Math.max(d.utf16?.end ?? start, start + 1);
    const first = runAt(doc, start, true);
    const last = runAt(doc, end - 1, false) ?? first;
    if (!first || !last) return;
    const mark = (tag) => { const m = xml.createElementNS(W, tag); m.setAttributeNS(W, 'w:id', String(ids[i])); return m; };
    first.before(mark('w:commentRangeStart'));
    const ref = xml.createElementNS(W, 'w:r');
    ref.append(mark('w:commentReference'));
    // A range that would end before it starts (runs out of order) ends at its first run.
    const after = first.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_PRECEDING ? first : last;
    after.after(mark('w:commentRangeEnd'), ref);
  });
}

// Characters XML cannot hold (the form feed of a page break among them): a new document leaves them out.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(CONTROL, '');

/** Where an offset of `text` falls in a new document of it (which has no control characters). */
function withoutControls(text) {
  const gone = [...text.matchAll(CONTROL)].map((m) => m.index);
  return (o) => {
    let lo = 0, hi = gone.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (gone[m] < o) lo = m + 1; else hi = m; }
    return o - lo;
  };
}

/**
 * The runs that hold exactly a finding's text (tidy offsets `start`–`end`):
 * plain runs (properties and one text), side by side under one parent, with
 * nothing between them. Null when the text is not so held (it spans
 * paragraphs, a tab, a field…): such a finding stays a comment only.
 */
function heldBy(doc, start, end) {
  const xs = doc.at[Math.min(start, doc.at.length - 1)];
  const xe = doc.at[Math.min(end, doc.at.length - 1)];
  const held = doc.runs.filter((r) => r.start >= xs && r.start + r.t.textContent.length <= xe && r.t.textContent.length);
  if (!held.length || held[0].start !== xs) return null;
  let at = xs;
  const runs = [];
  for (const h of held) {
    const r = run(h.t);
    if (h.start !== at || !r || r.parentElement !== run(held[0].t)?.parentElement) return null;
    if ([...r.children].some((c) => c.localName !== 't' && c.localName !== 'rPr')) return null;
    at += h.t.textContent.length;
    runs.push(r);
  }
  return at === xe ? runs : null;
}

/**
 * Writes a safe fix as a tracked change: its runs deleted (w:del, their
 * w:t become w:delText) and the fix inserted after them (w:ins, a run with
 * the first run's properties), by 年报检查 (the page's language), now.
 */
function track(xml, runs, fix, id, date) {
  const mark = (tag) => {
    const m = xml.createElementNS(W, tag);
    m.setAttributeNS(W, 'w:id', String(id()));
    m.setAttributeNS(W, 'w:author', say('AUTHOR'));
    m.setAttributeNS(W, 'w:date', date);
    return m;
  };
  let last = null;
  for (const r of runs) {
    const del = mark('w:del');
    r.replaceWith(del);
    del.append(r);
    for (const t of [...r.children].filter((c) => c.localName === 't')) {
      const gone = xml.createElementNS(W, 'w:delText');
      gone.setAttributeNS(XML, 'xml:space', 'preserve');
      gone.textContent = t.textContent;
      t.replaceWith(gone);
    }
    last = del;
  }
  if (!fix) return;
  const ins = mark('w:ins');
  const r = xml.createElementNS(W, 'w:r');
  const props = [...runs[0].children].find((c) => c.localName === 'rPr');
  if (props) r.append(props.cloneNode(true));
  const t = xml.createElementNS(W, 'w:t');
  t.setAttributeNS(XML, 'xml:space', 'preserve');
  t.textContent = fix.replace(CONTROL, '');
  r.append(t);
  ins.append(r);
  last.after(ins);
}


/** A new .docx of `text`: a paragraph a line, a run cut at every finding's start and end (so that each comment holds exactly its text). */
function newDocument(text) {
  const p = [];
  for (const line of text.split('\n')) {
    const runs = line.split('\t').map((s) => `<w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r>`).join('<w:r><w:tab/></w:r>');
    p.push(`<w:p>${runs}</w:p>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${p.join('')}<w:sectPr/></w:body></w:document>`;
}

/**
 * A run of several texts, tabs and breaks becomes one run for each (with the
 * same properties; Word reads them the same), so that a finding's text can
 * be cut out of it. Runs with anything else (fields, drawings, revisions)
 * are left as they are.
 */
function splitRuns(xml) {
  const simple = ['t', 'tab', 'br', 'cr', 'noBreakHyphen', 'softHyphen'];
  for (const r of [...xml.getElementsByTagNameNS(W, 'r')]) {
    const kids = [...r.children].filter((c) => c.localName !== 'rPr');
    if (kids.length < 2 || kids.some((c) => !simple.includes(c.localName))) continue;
    const props = [...r.children].find((c) => c.localName === 'rPr');
    for (const k of kids) {
      const one = xml.createElementNS(W, 'w:r');
      if (props) one.append(props.cloneNode(true));
      one.append(k);
      r.before(one);
    }
    r.remove();
  }
}

/** Splits the document's w:t elements at every offset in `cuts` (tidy offsets), so that anchors fall on run edges. */
function cutRuns(doc, xml, cuts) {
  for (const o of [...new Set(cuts)].sort((a, b) => b - a)) {
    const x = doc.at[Math.min(o, doc.at.length - 1)];
    const k = doc.runs.findIndex((r) => r.start < x && x < r.start + r.t.textContent.length);
    if (k < 0) continue;
    const { t, start } = doc.runs[k];
    const r = run(t);
    // Only a plain run (its properties and one text) is cut in two; another is anchored whole.
    const kids = r ? [...r.children] : [];
    if (!r || kids.some((c) => c.localName !== 't' && c.localName !== 'rPr') || kids.filter((c) => c.localName === 't').length !== 1) continue;
    const text = t.textContent;
    const tail = r.cloneNode(true);
    const tailT = [...tail.children].find((c) => c.localName === 't');
    t.textContent = text.slice(0, x - start);
    t.setAttributeNS(XML, 'xml:space', 'preserve');
    tailT.textContent = text.slice(x - start);
    tailT.setAttributeNS(XML, 'xml:space', 'preserve');
    r.after(tail);
    doc.runs.splice(k + 1, 0, { t: tailT, start: x });
  }
}

function stamp() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The annotated document for the editor's text: `docx` (a File) is used
 * when its text is the editor's. Resolves to `{ blob, name, comments }`.
 */
export async function annotated(docx) {
  await ready();
  const text = document.getElementById('report')?.value ?? '';
  const result = JSON.parse((await load()).check(text, previous() || null));
  const findings = result.diagnostics;
  const enc = new TextEncoder();
  let entries = null;
  let xml = null;
  if (docx) {
    try {
      entries = await unzip(new Uint8Array(await docx.arrayBuffer()));
      xml = new DOMParser().parseFromString(new TextDecoder().decode(entries.get('word/document.xml')), 'application/xml');
      if (xml.getElementsByTagName('parsererror').length || read(xml, true).text !== text) { entries = null; xml = null; }
    } catch (_) { entries = null; xml = null; }
  }
  const original = !!xml;
  if (!xml) {
    xml = new DOMParser().parseFromString(newDocument(text), 'application/xml');
    entries = new Map([
      ['[Content_Types].xml', enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)],
      ['_rels/.rels', enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)],
    ]);
  }
  splitRuns(xml);
  let doc = read(xml, original);
  // The findings' places in the document: a new one lacks the text's control characters (a report's page breaks).
  const at = original ? (o) => o : withoutControls(text);
  const placed = findings.map((d) => ({ ...d, utf16: { start: at(d.utf16?.start ?? 0), end: at(d.utf16?.end ?? 0) } }));
  // Cut runs where findings start and end, so that a comment holds its text and not its whole run.
  cutRuns(doc, xml, placed.flatMap((d) => [d.utf16.start, d.utf16.end]));
  doc = read(xml, original);
  // Safe fixes that do not overlap, each held by its own runs: tracked changes too.
  const tracked = new Map();
  let reach = -1;
  findings.forEach((d, i) => {
    const { start, end } = placed[i].utf16;
    if (!SAFE.includes(d.code) || d.fix == null || end <= start || start < reach) return;
    const runs = heldBy(doc, start, end);
    if (runs) { tracked.set(d, runs); reach = end; }
  });
  const existing = entries.get('word/comments.xml');
  const parsed = existing && new DOMParser().parseFromString(new TextDecoder().decode(existing), 'application/xml');
  const { xml: comments, ids, date } = commentsXml(findings, parsed && !parsed.getElementsByTagName('parsererror').length ? parsed : null, tracked);
  anchor(doc, xml, placed, ids);
  // Revision ids after every id the document and its comments already use.
  const used = [...xml.getElementsByTagName('*'), ...new DOMParser().parseFromString(comments, 'application/xml').getElementsByTagName('*')]
    .reduce((most, e) => Math.max(most, Number(e.getAttributeNS(W, 'id')) || 0), 0);
  let next = used + 1;
  for (const [d, runs] of tracked) track(xml, runs, d.fix, () => next++, date);
  entries.set('word/document.xml', enc.encode(new XMLSerializer().serializeToString(xml)));
  entries.set('word/comments.xml', enc.encode(comments));
  // The part's type and the document's relationship to it, unless it had comments already.
  const types = new TextDecoder().decode(entries.get('[Content_Types].xml'));
  if (!types.includes('/word/comments.xml')) entries.set('[Content_Types].xml', enc.encode(types.replace('</Types>', `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/></Types>`)));
  const relsName = 'word/_rels/document.xml.rels';
  const rels = entries.has(relsName) ? new TextDecoder().decode(entries.get(relsName)) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  if (!rels.includes(COMMENTS_REL)) entries.set(relsName, enc.encode(rels.replace('</Relationships>', `<Relationship Id="rIdNianbaoComments" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`)));
  const r = result.report;
  const who = original ? docx.name.replace(/\.docx$/i, '') : [r.organ, r.year].filter((x) => x != null).join('-') || stamp();
  return { blob: zip(entries), name: `${say('ANNOTATED_FILE')}-${who}.docx`, comments: findings.length, tracked: tracked.size, original };
}

/** 下载批注版: builds the annotated document and saves it. */
export async function downloadAnnotated(docx) {
  const { blob, name, original } = await annotated(docx);
  // Her .docx was opened but the text has changed since: a new document would
  // lose its formatting without a word, so she is asked first.
  if (docx && !original && !window.confirm(say('ANNOTATED_NEW', docx.name))) return;
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name, rel: 'noopener' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
