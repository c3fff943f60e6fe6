// Browser platform helpers the Rust side calls: downloads, selection, and the
// files loaded only when needed (the file reader and converters, rule
// documentation, samples), all from the app's own origin.

// wasm-bindgen puts this file at snippets/<crate>-<hash>/src/platform.js:
// the app's files are three levels up, wherever the site (or a portal's copy
// of it) is served from. Resolving against this module, not the page, keeps
// the widget working inside a portal's page.
const assetBase = new URL('../../../', import.meta.url);

// The files loaded on demand are pinned: scripts/pin.mjs gives this module
// `__nianbaoPins`, the content-hashed name and integrity of `assets.json`,
// which lists each on-demand file's hashed name and integrity. (A build
// without that step, such as the component tests', loads the plain names.)
const pins = typeof __nianbaoPins === 'object' ? __nianbaoPins : null;
let manifest = null;
/** [hashed name, integrity] of an on-demand file (its plain name when unpinned). */
function pinOf(name) {
  if (!pins) return Promise.resolve([name, '']);
  manifest ??= fetch(new URL(pins.assets[0], assetBase), { integrity: pins.assets[1] })
    .then((r) => r.json())
    .catch((e) => { manifest = null; throw e; });
  return manifest.then((m) => m[name] ?? Promise.reject(new Error(name + ': not in the build')));
}

/** `fetch` of one of the app's own files, refused unless its bytes are the build's. */
async function fetchPinned(name) {
  const [url, integrity] = await pinOf(name);
  return fetch(new URL(url, assetBase), { integrity });
}

/**
 * Imports one of the app's own modules, only after a modulepreload with its
 * integrity has succeeded: import() then takes the verified copy from the
 * module map.
 */
async function importPinned(name) {
  const [url, integrity] = await pinOf(name);
  const href = new URL(url, assetBase).href;
  // (A browser without modulepreload, Safari before 17, imports it unchecked.)
  const link = document.createElement('link');
  if (integrity && link.relList.supports('modulepreload')) {
    await new Promise((ok, no) => {
      link.rel = 'modulepreload';
      link.href = href;
      link.integrity = integrity;
      link.onload = ok;
      link.onerror = () => no(new Error('module ' + name + ' could not be fetched or does not match the build'));
      document.head.append(link);
    });
  }
  return import(href);
}

let converters = null;
/** The file converters (convert.js), loaded on first use. */
function convert() {
  converters ??= importPinned('convert.js').catch((e) => { converters = null; throw e; });
  return converters;
}

let refusal = null;
let repaired = null;
/**
 * Runs one function of convert.js (`readFile`, `htmlToText`). A PDF goes on
 * to the PDF reader (`pdfToText`); a text file's repairs (I001,
 * `{ text, notes }`) are kept here for the checks of its text (`repairsFor`).
 */
export async function runConverter(name, input) {
  if (name === 'readFile') repaired = null;
  try {
    // Awaited here, so that a converter's rejection is caught below.
    const out = await (await convert())[name](input);
    if (out?.pdf) return await pdfToText(out.pdf);
    if (!out?.notes) return out;
    repaired = out;
    return out.text;
  } catch (e) {
    // A hostile file's refusal (convert.js) and an unreadable PDF bring their own sentence: kept for converterSentence.
    refusal = e && e.zh ? e : null;
    throw e;
  }
}

/** What decoding the last text file repaired (numbers, convert.js `decodeBytes`), while `text` is its text as read. */
export function repairsFor(text) {
  return repaired && repaired.text === text ? repaired.notes : [];
}

/** The sentence of the last file refused (a zip bomb, entity expansion, a PDF without text), in `lang` (zh|en). */
export function converterSentence(lang) {
  return refusal ? (lang === 'en' ? refusal.en : refusal.zh) : '';
}

/** A same-origin text file of the app (rule documentation, a sample report). */
export async function fetchText(name) {
  const r = await fetchPinned(name);
  if (!r.ok) throw new Error(name + ': HTTP ' + r.status);
  return r.text();
}

/**
 * The English catalogue (messages-en.json) as the wasm takes it: its lists
 * joined by NUL (a head with the fingerprint and the lists' lengths, keys,
 * messages, interface strings, then label pairs), so that the wasm carries no
 * JSON walking. nianbao.js joins the same way.
 */
export async function fetchCatalogue(name) {
  const c = JSON.parse(await fetchText(name));
  return [`${c.fingerprint} ${c.keys.length} ${c.messages.length} ${c.ui.length}`, ...c.keys, ...c.messages, ...c.ui, ...c.labels.flat()].join('\0');
}

// Last year's report while the 对照上年 panel (batch/years.js) has one.
let lastYear = null;

/**
 * Calls `f(given)` whenever the 对照上年 panel hands over its findings (the
 * event `nianbao-years`; their format: batch/years.js): the findings, a NUL,
 * then the text they are of. The app lists them with its own (www/src/years.rs).
 */
export function onYears(f) {
  addEventListener('nianbao-years', (e) => {
    lastYear = e.detail.before || null;
    f(e.detail.found + '\0' + e.detail.text);
  });
}

/**
 * 导出 JSON: the output contract's document for `text`, made by the checker
 * without the interface (batch/checker.js, loaded now: the app's wasm has no
 * JSON writer), with the file's name inside when there is one, what
 * decoding the file repaired (I001) while the text is as read, and
 * X001–X003 when the 对照上年 panel has last year's report.
 */
export async function exportJson(name, text, file) {
  const checker = await (await importPinned('batch/checker.js')).load();
  let json = checker.check(text, lastYear, repairsFor(text));
  // The text of the PDF opened: its findings carry their page and box, as checkPdf()'s and the command line's.
  if (isPdfText(text)) json = JSON.stringify((await importPinned('pdf/client.js')).placeFindings(JSON.parse(json), lastPdf));
  download(name, 'application/json', file == null ? json : `{"file":${JSON.stringify(file)},${json.slice(1)}`);
}

/** Saves text as a file, through an object URL (no request leaves the page). */
function download(name, type, text) {
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

/**
 * Focuses the editor without opening a phone's on-screen keyboard: a finding
 * tapped on a phone should show the text, not cover it. The keyboard comes
 * back as soon as the user touches or types in the editor.
 */
function quietFocus(area) {
  if (document.activeElement === area) return;
  area.setAttribute('inputmode', 'none');
  const restore = () => { area.removeAttribute('inputmode'); area.removeEventListener('pointerdown', restore); area.removeEventListener('blur', restore); };
  area.addEventListener('pointerdown', restore);
  area.addEventListener('blur', restore);
  area.focus({ preventScroll: true });
}

/**
 * Replaces a UTF-16 range of the editor as an edit of the user's, so that
 * Ctrl+Z undoes it in one step (execCommand is the only way into a
 * textarea's own undo history). Returns false when the browser would not
 * record it (the caller then keeps its own copy for undo).
 */
export function replaceRange(area, start, end, text) {
  const wasFocused = document.activeElement === area;
  const scroll = window.scrollY;
  quietFocus(area);
  area.setSelectionRange(start, end);
  let ok = false;
  try {
    ok = text === '' ? (start === end || document.execCommand('delete')) : document.execCommand('insertText', false, text);
  } catch (_) { ok = false; }
  const expected = start + text.length;
  if (!ok || area.selectionEnd !== expected) {
    area.setRangeText(text, start, end, 'end');
    ok = false;
  }
  if (!wasFocused) { area.blur(); window.scrollTo(window.scrollX, scroll); }
  return ok;
}

/** Puts the caret or selection back where the user had it. */
export function setSelection(area, start, end) {
  area.setSelectionRange(start, end);
}

/**
 * The findings list is one composite widget: one Tab stop; ↑/↓ move between
 * findings, ←/→ between a finding's buttons, Home/End to the ends. Rows are
 * `[data-item]` elements, their controls `button`s and `summary`s.
 */
export function compositeKey(list, e) {
  const rows = [...list.querySelectorAll('[data-item]')].filter((r) => r.offsetParent !== null);
  const controls = (row) => [...row.querySelectorAll(':scope > button, :scope > .actions > button, :scope > details > summary')].filter((c) => c.offsetParent !== null);
  const here = document.activeElement;
  const row = here?.closest('[data-item]');
  if (!row || !list.contains(row)) return false;
  const i = rows.indexOf(row);
  const cs = controls(row);
  const k = cs.indexOf(here);
  let target = null;
  if (e.key === 'ArrowDown') target = rows[i + 1] && controls(rows[i + 1])[0];
  else if (e.key === 'ArrowUp') target = rows[i - 1] && controls(rows[i - 1])[0];
  else if (e.key === 'Home') target = controls(rows[0])[0];
  else if (e.key === 'End') target = controls(rows[rows.length - 1])[0];
  else if (e.key === 'ArrowRight') target = cs[k + 1];
  else if (e.key === 'ArrowLeft') target = cs[k - 1];
  else return false;
  if (target) focusInList(list, target);
  return true;
}

/** Moves the list's single Tab stop to `el` and focuses it. */
export function focusInList(list, el) {
  for (const c of list.querySelectorAll('[tabindex="0"]')) c.setAttribute('tabindex', '-1');
  el.setAttribute('tabindex', '0');
  el.focus();
}

/**
 * After a redraw: exactly one control of the list is in the Tab order, and a
 * keyboard user whose finding was just redrawn (applied, ignored) stays in the
 * list instead of being sent back to the top of the page.
 */
export function refreshList(list) {
  if (!list.dataset.watched) {
    list.dataset.watched = '1';
    list.addEventListener('focusin', () => { list.dataset.focus = '1'; });
    list.addEventListener('focusout', (e) => { if (e.relatedTarget && !list.contains(e.relatedTarget)) list.dataset.focus = '0'; });
  }
  const all = list.querySelectorAll('button, summary');
  for (const c of all) if (!c.hasAttribute('tabindex')) c.setAttribute('tabindex', '-1');
  const current = [...list.querySelectorAll('[tabindex="0"]')];
  current.slice(1).forEach((c) => c.setAttribute('tabindex', '-1'));
  if (!current.length && all.length) all[0].setAttribute('tabindex', '0');
  if (list.dataset.focus === '1' && (document.activeElement === document.body || document.activeElement === null)) {
    list.querySelector('[tabindex="0"]')?.focus({ preventScroll: true });
  }
}

/** Brings an element into view (a finding, the editor) without moving focus. */
export function reveal(el) {
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** Selects a UTF-16 range of a textarea and scrolls it into view (measured with a mirror). */
export function selectRange(area, start, end) {
  quietFocus(area);
  area.setSelectionRange(start, end);
  // On a phone the editor may be off screen: bring it into view first.
  const box = area.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) area.scrollIntoView({ block: 'center' });
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


// A PDF: read by the PDF reader (a second wasm module in a Web Worker, loaded
// now from pdf/ beside the app). The text is returned; its map (per placed
// piece [start, end, page], UTF-8 byte offsets) stays here for pdfPage. A PDF
// without readable text throws `file.pdf` with the reader's sentence in both
// languages (kept by runConverter for converterSentence).
let lastPdf = null;
async function pdfToText(bytes) {
  try {
    const pdf = await importPinned('pdf/client.js');
    const x = await pdf.extractPdf(bytes);
    lastPdf = x;
    return x.text;
  } catch (e) {
    const said = new Error('file.pdf');
    said.zh = e.zh ?? e.message;
    said.en = e.en ?? e.message;
    throw said;
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

// The app's menus (草稿) close as menus do: on Esc, back to their button, and
// when Tab takes the focus out of them. Only the app's own, never a menu of a
// portal's page around the widget.
document.addEventListener('keydown', (e) => {
  const menu = e.key === 'Escape' && e.target.closest?.('.nianbao details.menu[open]');
  if (menu) { menu.open = false; menu.querySelector('summary').focus(); }
});
document.addEventListener('focusout', (e) => {
  const menu = e.target.closest?.('.nianbao details.menu[open]');
  if (menu && e.relatedTarget && !menu.contains(e.relatedTarget)) menu.open = false;
});
