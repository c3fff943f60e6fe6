// 上年报告: last year's report beside this year's, for the report in the
// checker. Paste it or open its file; the cross-year rules (X001–X003, the
// command line's code, in the batch wasm module) compare it with the text in
// the editor, and table 三's 上年结转 of this year is shown beside last year's
// 结转下年度继续办理, column by column. Loaded only when the panel is opened.
//
// Its findings also join the checker's own list (with the others, in their
// order, each selecting its text): the panel hands them to the app with an
// event, `nianbao-years` on window, whose detail is the editor's text they
// were found in, the findings (`found`: per finding code, byte start and end,
// message, English message and fix, fields split by U+001F, findings by
// U+001E) and last year's text; the app's platform.js takes them
// (`onYears`) and the app shows them while its text is that text. An empty
// `found` takes them away: the panel closed or last year's text cleared.

import { Pool } from './pool.js';
import { textOf, whyText } from './read.js';
import { ready, say } from './words.js';

// scripts/pin.mjs gives this module `__nianbaoPins`: its stylesheet's integrity.
const pins = typeof __nianbaoPins === 'object' ? __nianbaoPins : {};

const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v != null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...kids.flat().filter((k) => k != null));
  return e;
};

let panel = null;

// Last year's report is this tab's too: kept in sessionStorage as the draft
// is (www/src/store.rs), so that a reload brings the panel back with it
// (batch-hook.js opens it), and not kept when drafts are not kept on this
// computer. The app deletes it with the drafts, and when they expire.
const KEPT = 'nianbao.tab.previous';
/** Keeps `text` (nothing: forgets it); false when the browser refused to store it. */
function keep(text) {
  try {
    if (text.trim() && localStorage.getItem('nianbao.drafts.off') !== '1') sessionStorage.setItem(KEPT, text);
    else sessionStorage.removeItem(KEPT);
    return true;
  } catch (_) {
    return false;
  }
}
function kept() {
  try { return sessionStorage.getItem(KEPT) ?? ''; } catch (_) { return ''; }
}

/** Opens (or shows again) the panel below the checker. */
export async function openYears() {
  await ready();
  panel ??= new Years();
  panel.show();
}

/**
 * A report opened from the batch table that the batch compared with last
 * year's: the panel shows beside it with that report's text, so that the
 * checker lists the cross-year findings the table gave it, and the JSON
 * export and 下载批注版 carry them too. Not scrolled to, nor focused: the
 * report is what was opened.
 */
export async function besideBatch(text) {
  await ready();
  panel ??= new Years();
  panel.setBefore(text);
  panel.problem = null;
  panel.seen = null;
  panel.show(false);
  panel.refresh();
}

/** Last year's report while the panel is open with one ('' otherwise): 下载批注版 checks with it too. */
export function previous() {
  return panel && !panel.root.hidden ? panel.before : '';
}

class Years {
  constructor() {
    this.pool = new Pool(1);
    this.before = kept();
    this.result = null;
    this.problem = null;
    this.root = el('section', { class: 'years', id: 'years', 'aria-labelledby': 'years-title' });
    if (!document.querySelector('link[data-batch-css]')) document.head.append(el('link', { rel: 'stylesheet', href: new URL('batch.css', import.meta.url).href, integrity: pins.css?.[1], 'data-batch-css': true }));
    document.getElementById('app').after(this.root);
    // The editor's text changes by typing, files, undo: compared again when it does.
    this.seen = null;
    this.handed = '';
    this.timer = setInterval(() => this.refresh(), 800);
  }

  /** Hands the findings for `text` to the app (nothing: takes them away); only when they change. */
  hand(text, findings) {
    // The separators (and the NUL platform.js puts before the text) cannot be in a field.
    const field = (v) => String(v).replace(/[\u0000\u001e\u001f]/g, '');
    const found = findings.map((f) => [f.code, f.s, f.e, f.message, f.message_en, ...(f.fix == null ? [] : [f.fix])].map(field).join('\u001f')).join('\u001e');
    const before = found ? this.before : '';
    const key = found && `${found}\u0000${text}`;
    if (key === this.handed) return;
    this.handed = key;
    dispatchEvent(new CustomEvent('nianbao-years', { detail: { text: found ? text : '', found, before } }));
  }

  editor() {
    return document.getElementById('report');
  }

  /** Last year's text is now `text`: kept for this tab. */
  setBefore(text) {
    this.before = text;
    this.unsaved = !keep(text);
  }

  /** `focus`: scrolled to, its paste box focused (opened by hand, not beside a report opened from the batch). */
  show(focus = true) {
    this.root.hidden = false;
    this.unsaved = !keep(this.before);
    this.render();
    if (!focus) return;
    this.root.scrollIntoView({ block: 'start' });
    this.root.querySelector('textarea')?.focus({ preventScroll: true });
  }

  hide() {
    this.root.hidden = true;
    // A closed panel does not come back on reload.
    keep('');
    this.hand('', []);
    this.seen = null;
  }

  async refresh() {
    // Hidden (closed, or the batch view shown) or emptied: its findings leave the list.
    if (this.root.hidden || !this.before.trim()) {
      this.hand('', []);
      this.seen = null;
      if (this.result && !this.before.trim()) { this.result = null; this.render(); }
      return;
    }
    if (this.shownLang !== document.documentElement.lang) this.render();
    const now = this.editor()?.value ?? '';
    // The whole texts are compared: an edit that keeps the length must be seen too.
    if (this.seen && this.seen.now === now && this.seen.before === this.before) return;
    const seen = (this.seen = { now, before: this.before });
    let result = null;
    try {
      result = await this.pool.run('compareYears', now, this.before);
    } catch (_) {
      result = null;
    }
    if (seen !== this.seen) return;
    this.result = result;
    this.hand(now, result?.findings ?? []);
    this.render();
  }

  async openFile(file) {
    try {
      this.setBefore((await textOf(new Uint8Array(await file.arrayBuffer()), file.name)).text);
      this.problem = null;
    } catch (e) {
      this.problem = e;
    }
    this.seen = null;
    this.render();
    this.refresh();
  }

  select(f) {
    const area = this.editor();
    if (!area) return;
    area.focus();
    area.setSelectionRange(f.start, Math.max(f.end, f.start));
  }

  render() {
    this.shownLang = document.documentElement.lang;
    const r = this.result;
    const focused = document.activeElement;
    const keep = focused && this.root.contains(focused) ? focused.getAttribute('data-focus') : null;
    const body = [];
    if (this.problem) body.push(el('p', { class: 'status', role: 'alert' }, whyText(this.problem)));
    if (this.unsaved) body.push(el('p', { class: 'status' }, say('YEARS_UNSAVED')));
    if (!this.before.trim()) body.push(el('p', { class: 'hint' }, say('YEARS_WAITING')));
    else if (r) {
      const who = (x) => (x.organ ? `${x.organ} ${x.year ?? ''}` : say('YEARS_UNKNOWN'));
      body.push(el('p', {}, say('YEARS_WHO', who(r.now), who(r.before))));
      if (!r.paired) {
        // Two years known: the likeliest slip is said (the same year twice, or the two swapped).
        const [y, before] = [r.now.year, r.before.year];
        const known = y != null && before != null;
        const why = known && before === y ? say('YEARS_SAME_YEAR', String(y), String(y - 1))
          : known && before > y ? say('YEARS_SWAPPED', String(before), String(y))
            : say('YEARS_NOT_PAIR');
        body.push(el('p', { class: 'status' }, why));
      }
      if (r.carried.length) {
        body.push(el('table', { class: 'years-table' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, say('YEARS_COLUMN')), el('th', { scope: 'col', class: 'num' }, say('YEARS_NOW')), el('th', { scope: 'col', class: 'num' }, say('YEARS_BEFORE')), el('th', { scope: 'col' }, ''))),
          el('tbody', {}, r.carried.map((c) => {
            const known = c.now != null && c.before != null;
            const ok = known && c.now === c.before;
            return el('tr', { class: known && !ok ? 'differ' : null },
              el('th', { scope: 'row' }, document.documentElement.lang.startsWith('en') ? c.label_en : c.label),
              el('td', { class: 'num' }, c.now ?? '—'),
              el('td', { class: 'num' }, c.before ?? '—'),
              el('td', {}, known ? say(ok ? 'YEARS_SAME' : 'YEARS_DIFFER') : ''));
          }))));
      } else body.push(el('p', { class: 'hint' }, say('YEARS_NO_TABLE')));
      if (r.paired) body.push(r.findings.length
        ? el('ul', { class: 'years-findings' }, r.findings.map((f, i) => el('li', { class: f.severity },
          el('button', { type: 'button', class: 'link', 'data-focus': `f${i}`, onclick: () => this.select(f) }, `${f.code}`), ' ', document.documentElement.lang.startsWith('en') ? f.message_en : f.message)))
        : el('p', { class: 'ok' }, say('YEARS_NONE')));
    }
    this.root.replaceChildren(
      el('div', { class: 'batch-head' }, el('h2', { id: 'years-title' }, say('YEARS_TITLE')), el('button', { type: 'button', 'data-focus': 'close', onclick: () => this.hide() }, say('YEARS_CLOSE'))),
      el('p', { class: 'hint' }, say('YEARS_INTRO')),
      el('label', { class: 'years-paste' }, say('YEARS_PASTE'),
        el('textarea', { rows: '6', 'data-focus': 'paste', oninput: (e) => { this.setBefore(e.target.value); this.problem = null; this.seen = null; clearTimeout(this.typing); this.typing = setTimeout(() => this.refresh(), 400); } })),
      el('label', { class: 'button file' }, say('YEARS_OPEN'), el('input', { type: 'file', accept: '.txt,.docx,.odt,.rtf,.html,.htm,.pdf', onchange: (e) => { const f = e.target.files?.[0]; if (f) this.openFile(f); e.target.value = ''; } })),
      ...body,
    );
    const area = this.root.querySelector('textarea');
    area.value = this.before;
    if (keep) {
      const again = this.root.querySelector(`[data-focus="${keep}"]`);
      again?.focus({ preventScroll: true });
      if (keep === 'paste' && focused.selectionStart != null) again.setSelectionRange(focused.selectionStart, focused.selectionEnd);
    }
  }
}
