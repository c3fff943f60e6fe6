// 上年报告: last year's report beside this year's, for the report in the
// checker. Paste it or open its file; the cross-year rules (X001–X003, the
// command line's code, in the batch wasm module) compare it with the text in
// the editor, and table 三's 上年结转 of this year is shown beside last year's
// 结转下年度继续办理, column by column. Loaded only when the panel is opened.

import { Pool } from './pool.js';
import { textOf, Unreadable, whyText } from './read.js';

// scripts/pin.mjs gives this module `__nianbaoPins`: its stylesheet's integrity.
const pins = typeof __nianbaoPins === 'object' ? __nianbaoPins : {};

const WORDS = {
  zh: {
    title: '对照上年报告（X001–X003）',
    intro: '粘贴或打开同一机关上一年的年报，与编辑框中的本年报告对照：上年结转是否衔接，表格和正文是否照抄上年。',
    paste: '上年报告全文', open: '打开上年报告文件…', close: '关闭',
    who: (n, b) => `本年：${n}　上年：${b}`, unknown: '（未识别）',
    notPair: '提醒：两份报告不像同一机关相邻两年的报告，对照结果仅供参考。',
    column: '列', now: '本年“上年结转”', before: '上年“结转下年度继续办理”', same: '一致', differ: '不一致', missing: '—',
    none: '未发现跨年问题。', waiting: '请粘贴或打开上年报告。', noTable: '两份报告中至少一份没有可读的表三。',
  },
  en: {
    title: 'Compare with last year (X001–X003)',
    intro: "Paste or open the same body's report for the year before, to compare it with the report in the editor: does the carry-over continue, are tables or text copied from last year?",
    paste: "Last year's report", open: "Open last year's report…", close: 'Close',
    who: (n, b) => `This year: ${n}   Last year: ${b}`, unknown: '(not found)',
    notPair: 'Note: the two reports do not look like one body in consecutive years; read the comparison with care.',
    column: 'Column', now: 'This year: 上年结转', before: 'Last year: 结转下年度继续办理', same: 'same', differ: 'differs', missing: '—',
    none: 'No cross-year problems found.', waiting: "Paste or open last year's report.", noTable: 'At least one of the reports has no readable table 三.',
  },
};

const lang = () => (document.documentElement.lang.startsWith('en') ? 'en' : 'zh');
const w = () => WORDS[lang()];
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

/** Opens (or shows again) the panel below the checker. */
export function openYears() {
  panel ??= new Years();
  panel.show();
}

class Years {
  constructor() {
    this.pool = new Pool(1);
    this.before = '';
    this.result = null;
    this.problem = '';
    this.root = el('section', { class: 'years', id: 'years', 'aria-labelledby': 'years-title' });
    if (!document.querySelector('link[data-batch-css]')) document.head.append(el('link', { rel: 'stylesheet', href: new URL('batch.css', import.meta.url).href, integrity: pins.css?.[1], 'data-batch-css': true }));
    document.getElementById('app').after(this.root);
    // The editor's text changes by typing, files, undo: compared again when it does.
    this.seen = null;
    this.timer = setInterval(() => this.refresh(), 800);
  }

  editor() {
    return document.getElementById('report');
  }

  show() {
    this.root.hidden = false;
    this.render();
    this.root.scrollIntoView({ block: 'start' });
    this.root.querySelector('textarea')?.focus({ preventScroll: true });
  }

  hide() {
    this.root.hidden = true;
  }

  async refresh() {
    if (this.root.hidden || !this.before.trim()) return;
    const now = this.editor()?.value ?? '';
    const key = now.length + ':' + this.before.length + ':' + now.slice(0, 64) + now.slice(-64) + lang();
    if (key === this.seen) return;
    this.seen = key;
    try {
      this.result = await this.pool.run('compareYears', now, this.before);
    } catch (_) {
      this.result = null;
    }
    this.render();
  }

  async openFile(file) {
    try {
      this.before = (await textOf(new Uint8Array(await file.arrayBuffer()), file.name)).text;
      this.problem = '';
    } catch (e) {
      this.problem = whyText(e);
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
    const t = w();
    const r = this.result;
    const focused = document.activeElement;
    const keep = focused && this.root.contains(focused) ? focused.getAttribute('data-focus') : null;
    const body = [];
    if (this.problem) body.push(el('p', { class: 'status', role: 'alert' }, this.problem));
    if (!this.before.trim()) body.push(el('p', { class: 'hint' }, t.waiting));
    else if (r) {
      const who = (x) => (x.organ ? `${x.organ} ${x.year ?? ''}` : t.unknown);
      body.push(el('p', {}, t.who(who(r.now), who(r.before))));
      const consecutive = r.now.same_body && r.now.year != null && r.before.year === r.now.year - 1;
      if (!consecutive) body.push(el('p', { class: 'status' }, t.notPair));
      if (r.carried.length) {
        body.push(el('table', { class: 'years-table' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t.column), el('th', { scope: 'col', class: 'num' }, t.now), el('th', { scope: 'col', class: 'num' }, t.before), el('th', { scope: 'col' }, ''))),
          el('tbody', {}, r.carried.map((c) => {
            const known = c.now != null && c.before != null;
            const ok = known && c.now === c.before;
            return el('tr', { class: known && !ok ? 'differ' : null },
              el('th', { scope: 'row' }, c.label),
              el('td', { class: 'num' }, c.now ?? t.missing),
              el('td', { class: 'num' }, c.before ?? t.missing),
              el('td', {}, known ? (ok ? t.same : t.differ) : ''));
          }))));
      } else body.push(el('p', { class: 'hint' }, t.noTable));
      body.push(r.findings.length
        ? el('ul', { class: 'years-findings' }, r.findings.map((f, i) => el('li', { class: f.severity },
          el('button', { type: 'button', class: 'link', 'data-focus': `f${i}`, onclick: () => this.select(f) }, `${f.code}`), ' ', f.message)))
        : el('p', { class: 'ok' }, t.none));
    }
    this.root.replaceChildren(
      el('div', { class: 'batch-head' }, el('h2', { id: 'years-title' }, t.title), el('button', { type: 'button', 'data-focus': 'close', onclick: () => this.hide() }, t.close)),
      el('p', { class: 'hint' }, t.intro),
      el('label', { class: 'years-paste' }, t.paste,
        el('textarea', { rows: '6', 'data-focus': 'paste', oninput: (e) => { this.before = e.target.value; this.problem = ''; this.seen = null; clearTimeout(this.typing); this.typing = setTimeout(() => this.refresh(), 400); } })),
      el('label', { class: 'button file' }, t.open, el('input', { type: 'file', accept: '.txt,.docx,.odt,.rtf,.html,.htm,.pdf', onchange: (e) => { const f = e.target.files?.[0]; if (f) this.openFile(f); e.target.value = ''; } })),
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
