// The batch check (批量检查): many reports at once. Files, folders and .zip
// archives are read in the page (the app's converters, the PDF reader), every
// report is checked and summarised in a pool of Web Workers (one per core)
// by the batch wasm module, consecutive years of one body are paired on their
// summaries (X001–X003, the command line's rules), and the result is a table
// a reviewer can sort, filter, export (CSV, XLSX) and open report by report
// in the checker. Loaded only when a batch is opened.

import { listZip, SKIPPED_NAMED } from './archive.js';
import { Pool } from './pool.js';
import { textOf, Unreadable, whyText } from './read.js';
import { besideBatch } from './years.js';
import { ready, lang, say, title } from './words.js';

// scripts/pin.mjs gives this module `__nianbaoPins`: the integrity hash of
// its stylesheet, checked as it is fetched.
const pins = typeof __nianbaoPins === 'object' ? __nianbaoPins : {};
const integrity = (name) => pins[name]?.[1] ?? '';

// Files a batch reads, and files meant as reports that it cannot read (an old
// Word or WPS file): those get a row saying what to do, never a silent skip.
// .md: what PDF and OCR converters write. "~$…" is the lock file Word and WPS
// keep beside an open document (skipped, as the command line skips it).
const KINDS = /\.(txt|md|docx|odt|rtf|html?|pdf|doc|wps)$/i;
const LOCK = /(^|\/)~\$[^/]*$/;
const isReport = (path) => KINDS.test(path) && !LOCK.test(path);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, '');
    else if (v !== false && v != null) e.setAttribute(k, v);
  }
  for (const k of kids.flat()) if (k != null) e.append(k);
  return e;
};

/**
 * A report's findings' rows (`findings`: one string per language, rows
 * separated by U+001E) with those added by pairing merged in, in the order
 * of their `order` keys (`rules::order`): an added finding goes after the
 * report's own of the same key, as the command line's summary has it.
 */
function merged(own, added) {
  const rows = (s) => (s ? s.split('\u001e') : []);
  const order = [...(own.order ?? [])];
  const at = (added.order ?? []).map((key) => {
    let i = 0;
    while (i < order.length && order[i] <= key) i++;
    order.splice(i, 0, key);
    return i;
  });
  const findings = own.findings.map((mine, k) => {
    const list = rows(mine);
    rows(added.findings[k]).forEach((row, j) => list.splice(at[j], 0, row));
    return list.join('\u001e');
  });
  return { findings, order };
}

/**
 * A file name that a narrow column wraps after "/", "_", "-" or "." (where
 * a reader sees its parts), not in the middle of a word.
 */
function breakable(name) {
  return name.split(/(?<=[/_.\-])/).flatMap((part, i) => (i ? [document.createElement('wbr'), part] : [part]));
}

// ---- The batch

let view = null;

/** Opens the batch view with `items` (File, FileSystemEntry) added; its words come first (words.js). */
export async function openBatch(items) {
  await ready();
  view ??= new Batch();
  view.show();
  if (items.length) view.add(items);
  return view;
}

// The files left out, by name: the first three in the line, all those kept
// (up to SKIPPED_NAMED) when the pointer rests on it.
function skippedNote(count, names) {
  const shown = names.slice(0, 3).join(lang() === 'en' ? ', ' : '、') + (count > 3 ? '…' : '');
  return el('span', { class: 'batch-skipped', title: names.join('\n') + (count > names.length ? '\n…' : '') }, say('SKIPPED', count, shown));
}

/** One worker a core, at most 8. */
const poolSize = () => Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));

class Batch {
  constructor() {
    this.rows = [];
    this.sort = { key: null, dir: 1 };
    this.onlyErrors = false;
    this.rule = null;
    this.query = '';
    this.skipped = 0;
    this.skippedNames = [];
    this.pool = null;
    // The files listed (name, size, time): one added again is not listed twice.
    this.added = new Set();
    this.repeated = 0;
    this.running = 0;
    this.run = 0;
    this.started = 0;
    this.elapsed = 0;
    this.scrollY = 0;
    this.root = el('section', { id: 'batch', class: 'batch', 'aria-labelledby': 'batch-title' });
    if (!document.querySelector("link[data-batch-css]")) document.head.append(el("link", { rel: "stylesheet", href: new URL("batch.css", import.meta.url).href, integrity: integrity('css') || null, "data-batch-css": true }));
    document.body.append(this.root);
    // Opening a report from the table is a step in the browser's history: its
    // Back (a phone's back gesture) returns to the table, as 返回批量结果 does,
    // instead of leaving the page and the batch with it.
    this.backBar = el('div', { class: 'batch-back', hidden: true }, el('button', {
      type: 'button',
      onclick: () => (history.state?.nianbaoBatchRow != null ? history.back() : this.show()),
    }));
    document.body.prepend(this.backBar);
    // The batch view is a step in the history too: Back from it returns to
    // the single check (the batch kept for 批量检查…) instead of leaving the page.
    addEventListener('popstate', () => {
      const s = history.state;
      if (s?.nianbaoBatchRow != null) return;
      if (s?.nianbaoBatch) {
        if (this.root.hidden) this.show();
      } else if (!this.root.hidden || !this.backBar.hidden) {
        this.hide();
      }
    });
    // The page's language is the app's (its switch sets <html lang>): the view
    // and the back button follow it, whichever of the two is showing.
    new MutationObserver(() => { this.render(); this.labelBack(); }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.render();
  }

  /** The back button says where it goes, and how many files the batch has (as its status line counts them). */
  labelBack() {
    this.backBar.querySelector('button').textContent = say('BACK_TO_BATCH', this.rows.length);
  }

  show() {
    if (!history.state?.nianbaoBatch) history.pushState({ nianbaoBatch: true }, '');
    document.getElementById('app')?.setAttribute('hidden', '');
    document.getElementById('years')?.setAttribute('hidden', '');
    this.backBar.hidden = true;
    this.root.hidden = false;
    this.render();
    window.scrollTo(0, this.scrollY);
    this.root.querySelector('h2')?.focus({ preventScroll: true });
  }

  /** 返回单份检查: as the browser's Back, when the batch view is the history's last step. */
  close() {
    if (history.state?.nianbaoBatch && history.state.nianbaoBatchRow == null) history.back();
    else this.hide();
  }

  hide() {
    if (!this.root.hidden) this.scrollY = window.scrollY;
    this.root.hidden = true;
    this.backBar.hidden = true;
    document.getElementById('app')?.removeAttribute('hidden');
  }

  /** Expands files, folders and archives into rows, then checks them. */
  async add(items) {
    const run = this.run;
    const found = [];
    const walk = async (entry, prefix) => {
      if (entry.isFile) {
        const file = await new Promise((res, rej) => entry.file(res, rej)).catch(() => null);
        if (file) found.push({ file, path: prefix + entry.name, picked: false });
      } else if (entry.isDirectory) {
        const reader = entry.createReader();
        for (;;) {
          const batch = await new Promise((res) => reader.readEntries(res, () => res([])));
          if (!batch.length) break;
          for (const e of batch) await walk(e, prefix + entry.name + '/');
        }
      }
    };
    for (const it of items) {
      if (it instanceof File) found.push({ file: it, path: it.webkitRelativePath || it.name, picked: !it.webkitRelativePath });
      else if (it && (it.isFile || it.isDirectory)) {
        // A file dropped by itself was chosen; one found in a folder is listed only if it is a report.
        if (it.isFile) {
          const file = await new Promise((res, rej) => it.file(res, rej)).catch(() => null);
          if (file) found.push({ file, path: file.name, picked: true });
        } else await walk(it, '');
      }
    }
    if (run !== this.run) return;
    // A folder's files by name, as the command line lists them (the browser
    // gives them in the disk's order; code-unit order is the command line's
    // byte order for every name without characters outside the BMP).
    const order = (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    found.splice(0, found.length, ...found.filter((f) => f.picked), ...found.filter((f) => !f.picked).sort(order));
    for (const f of found) {
      // Already in the list (chosen again, or dropped twice): checked once, as the command line checks a file given twice.
      const key = `${f.path}\u0000${f.file.size}\u0000${f.file.lastModified}`;
      if (this.added.has(key)) { this.repeated++; continue; }
      this.added.add(key);
      if (/\.zip$/i.test(f.path)) await this.addZip(f);
      else if (f.picked || isReport(f.path)) this.push({ name: f.path, source: { file: f.file } });
      else this.skip(f.path);
    }
    this.render();
    this.check();
  }

  /** A file that is not a report: counted, and named while few are. */
  skip(name) {
    if (this.skipped++ < SKIPPED_NAMED) this.skippedNames.push(name);
  }

  async addZip(f) {
    let bytes;
    try { bytes = new Uint8Array(await f.file.arrayBuffer()); } catch (_) { this.push({ name: f.path, why: 'damaged' }); return; }
    let listed;
    try { listed = listZip(bytes, isReport); } catch (e) { this.push({ name: f.path, why: e.key ?? 'damaged' }); return; }
    this.skipped += listed.skipped;
    for (const n of listed.skippedNames) if (this.skippedNames.length < SKIPPED_NAMED) this.skippedNames.push(`${f.path}/${n}`);
    for (const e of listed.entries) {
      const name = `${f.path}/${e.name}`;
      if (e.refused) this.push({ name, why: e.refused });
      else this.push({ name, source: { zip: f.file, entry: e.name, read: e.read } });
    }
  }

  push(row) {
    row.index = this.rows.length;
    row.state = row.why ? 'failed' : 'waiting';
    this.rows.push(row);
  }

  /** The bytes of a row's report: its file, or its entry of a .zip (read again when the row is opened). */
  async bytesOf(row, again) {
    const s = row.source;
    if (s.file) return new Uint8Array(await s.file.arrayBuffer());
    if (!again) return s.read();
    const listed = listZip(new Uint8Array(await s.zip.arrayBuffer()), (n) => n === s.entry);
    const entry = listed.entries.find((e) => e.name === s.entry && e.read);
    if (!entry) throw new Unreadable('damaged');
    return entry.read();
  }

  async check() {
    const todo = this.rows.filter((r) => r.state === 'waiting');
    if (!todo.length) return;
    const size = poolSize();
    this.pool ??= new Pool(size);
    const run = this.run;
    if (!this.running) { this.started = performance.now(); this.elapsed = 0; this.cancelled = false; }
    this.running += todo.length;
    this.schedule();
    // Reading (in the page) runs ahead of checking (in the workers) by at most a few files.
    const inFlight = new Set();
    for (const row of todo) {
      if (run !== this.run) return;
      while (inFlight.size >= size * 2) await Promise.race(inFlight);
      if (run !== this.run) return;
      const p = this.checkOne(row, run).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await Promise.all(inFlight);
    if (run !== this.run) return;
    await this.pairAll(run);
    this.elapsed = performance.now() - this.started;
    this.running = 0;
    this.schedule();
  }

  async checkOne(row, run) {
    if (run !== this.run) return;
    row.state = 'reading';
    this.schedule();
    let read;
    try {
      read = await textOf(await this.bytesOf(row, false), row.name);
    } catch (e) {
      if (run !== this.run) return;
      row.state = 'failed';
      row.why = e instanceof Unreadable ? e.key : e?.key ?? 'damaged';
      row.sentences = e?.sentences;
      this.schedule();
      return;
    }
    if (run !== this.run) return;
    row.state = 'checking';
    this.schedule();
    try {
      row.summary = await this.pool.run('summarize', read.text, read.notes, row.name, read.pages);
      row.state = 'done';
    } catch (e) {
      if (run !== this.run || String(e?.message) === 'cancelled') return;
      row.state = 'failed';
      row.why = 'failed';
    }
    this.schedule();
  }

  /**
   * Consecutive years of one body, paired by the command line's rule
   * (src/summary.rs `pairs`). One pairing at a time: a cancelled batch's
   * pairing may still run when the next files are added, and a report's
   * cross-year findings must join its own once.
   */
  pairAll(run) {
    const next = (this.pairing ?? Promise.resolve()).then(() => this.pairNow(run));
    this.pairing = next.catch(() => {});
    return next;
  }

  async pairNow(run) {
    // The pool of this run: a stop clears `this.pool`, and this one's calls then fail (each caught).
    const pool = this.pool;
    if (run !== this.run || !pool) return;
    const done = this.rows.filter((r) => r.state === 'done');
    // A file that is no report is nobody's report of a year: never paired, never a twin.
    // As the command line's `pairing_key`: a report whose own years disagree (S009) is nobody's report of a year.
    const year = (s) => (s.rules?.S009 ? '' : s.year ?? '');
    const keys = done.map((r) => (r.summary.not_a_report ? '\t' : `${(r.summary.organ ?? '').replace(/[\t\n]/g, ' ')}\t${year(r.summary)}`)).join('\n');
    let found;
    try { found = (await pool.run('pairs', keys)).split(','); } catch (_) { return; }
    // Another report of the same body and year (a text and its PDF): said beside each.
    try {
      const twins = (await pool.run('sameYear', keys)).split(',');
      done.forEach((r, i) => { r.sameYearAs = (twins[i] ?? '').split(';').filter(Boolean).map((j) => done[Number(j)]).filter(Boolean); });
    } catch (_) { /* the pairs still stand */ }
    const jobs = [];
    done.forEach((r, i) => {
      const before = found[i] === '' || found[i] == null ? null : done[Number(found[i])];
      if (!before || r.pairedWith) return;
      jobs.push(pool.run('pair', r.summary.state, before.summary.state, r.name, before.name, r.summary.places).then((p) => {
        if (!p || run !== this.run) return;
        // The cross-year findings join the report's own (in each language), each in its place.
        const { findings, order } = merged(r.summary, p);
        r.summary = { ...p, findings, order, places: r.summary.places };
        r.pairedWith = before;
      }).catch(() => {}));
    });
    await Promise.all(jobs);
  }

  /** Stops whatever is under way; what was not checked says so. */
  stop() {
    this.run++;
    this.pool?.stop();
    this.pool = null;
    for (const r of this.rows) if (r.state !== 'done' && r.state !== 'failed') { r.state = 'failed'; r.why = 'cancelled'; }
    this.running = 0;
  }

  /**
   * 取消: the reports checked so far stay, paired as a finished batch's are
   * (their cross-year findings are not lost with the rest).
   */
  cancel() {
    this.stop();
    this.cancelled = true;
    this.render();
    if (!this.rows.some((r) => r.state === 'done')) return;
    this.pool = new Pool(poolSize());
    const run = this.run;
    this.pairAll(run).then(() => { if (run === this.run) this.render(); });
  }

  clear() {
    this.stop();
    this.rows = [];
    this.skipped = 0;
    this.skippedNames = [];
    this.added = new Set();
    this.repeated = 0;
    this.cancelled = false;
    this.rule = null;
    this.render();
  }

  /**
   * Redraws soon. While reports are being checked the table is redrawn at most
   * every 0.7 s (redrawing it for every result would cost the page as much
   * as the batch); the progress bar and count follow every result.
   */
  schedule() {
    this.progress();
    if (this.timer) return;
    const busy = this.running > 0;
    const wait = busy ? Math.max(0, 700 - (performance.now() - (this.drawn ?? 0))) : 0;
    this.timer = setTimeout(() => { this.timer = 0; this.render(); }, wait);
  }

  progress() {
    const bar = this.root.querySelector('.batch-progress progress');
    const status = this.root.querySelector('.batch-status');
    if (!bar || !status || !this.running) return;
    const done = this.rows.filter((r) => r.state === 'done' || r.state === 'failed').length;
    bar.value = done;
    bar.max = this.rows.length;
    status.firstChild && (status.firstChild.textContent = say('PROGRESS', done, this.rows.length));
  }

  whyText(row) {
    if (row.why === 'cancelled') return say('CANCELLED');
    return whyText({ key: row.why, sentences: row.sentences });
  }

  phrase(row) {
    const top = row.summary?.top ?? [];
    if (!top.length) return say('NO_PROBLEM');
    return top.map((t) => `${t.code} ${title(t.code) || t.message}`).join(say('LIST_SEP'));
  }

  shown() {
    let rows = this.rows;
    // A file that could not be read is kept: it needs the reviewer more than any.
    if (this.onlyErrors) rows = rows.filter((r) => r.summary?.errors > 0 || r.state === 'failed' || r.summary?.not_a_report);
    if (this.rule) rows = rows.filter((r) => r.summary?.rules?.[this.rule] && !r.summary.not_a_report);
    if (this.query) {
      const q = this.query.toLowerCase();
      rows = rows.filter((r) => r.name.toLowerCase().includes(q) || (r.summary?.organ ?? '').toLowerCase().includes(q));
    }
    const key = this.sort.key;
    if (key) {
      // A file that is no report sorts with those not read: its counts are no report's.
      const counted = (r) => (r.summary?.not_a_report ? undefined : r.summary?.[key]);
      const value = (r) => (key === 'name' ? r.name : key === 'organ' ? r.summary?.organ ?? '' : counted(r) ?? -1);
      rows = [...rows].sort((a, b) => {
        const x = value(a), y = value(b);
        return (typeof x === 'string' ? x.localeCompare(y, 'zh') : x - y) * this.sort.dir || a.index - b.index;
      });
    }
    return rows;
  }

  /** Reports per rule across the batch, most first. */
  totals() {
    const n = new Map();
    for (const r of this.rows) {
      if (r.summary?.not_a_report) continue;
      for (const code of Object.keys(r.summary?.rules ?? {})) n.set(code, (n.get(code) ?? 0) + 1);
    }
    return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }

  /** Shows a report in the checker as if its file had been dropped there (its name, tables and PDF pages kept). */
  async openRow(row) {
    if (row.state !== 'done') return;
    let file = row.source.file;
    if (!file) {
      try { file = new File([await this.bytesOf(row, true)], row.name.split('/').pop()); } catch (_) { return; }
    }
    this.scrollY = window.scrollY;
    this.lastOpened = row.index;
    this.root.hidden = true;
    document.getElementById('app')?.removeAttribute('hidden');
    const back = this.backBar.querySelector('button');
    this.labelBack();
    this.backBar.hidden = false;
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(file);
    window.dispatchEvent(new DragEvent('drop', { dataTransfer, cancelable: true }));
    if (history.state?.nianbaoBatchRow == null) history.pushState({ nianbaoBatch: true, nianbaoBatchRow: row.index }, '');
    window.scrollTo(0, 0);
    back.focus();
    // Compared with last year's report in the batch: opened beside it (对照上年), so
    // that the checker lists the cross-year findings the table gave it. (The batch
    // view hides the panel again; a report not compared opens without it.)
    if (row.pairedWith) {
      let before;
      try { before = await textOf(await this.bytesOf(row.pairedWith, true), row.pairedWith.name); } catch (_) { return; }
      if (this.lastOpened === row.index && this.root.hidden) await besideBatch(before.text);
    }
  }

  /** Rows' file names as one list, in the page's language. */
  names(rows) {
    return rows.map((r) => r.name).join(say('LIST_SEP'));
  }

  async exportAs(kind) {
    const rows = [];
    const findings = [];
    const pool = this.pool ?? (this.pool = new Pool(1));
    // The rows in the page's language now (each report's rows come in both).
    const k = lang() === 'en' ? 1 : 0;
    const remarks = [];
    for (const r of this.rows) {
      if (r.state === 'done') {
        rows.push(r.summary.row[k]);
        remarks.push(r.sameYearAs?.length ? say('SAME_YEAR', this.names(r.sameYearAs)) : '');
        if (r.summary.findings[k]) findings.push(r.summary.findings[k]);
      } else if (r.state === 'failed') {
        rows.push(await pool.run('problemRow', r.name, this.whyText(r)));
        remarks.push('');
      }
    }
    const bytes = kind === 'csv'
      ? await pool.run('csv', lang(), rows.join('\u001e'), remarks.join('\u001e'))
      : await pool.run('xlsx', lang(), rows.join('\u001e'), remarks.join('\u001e'), findings.join('\u001e'));
    const day = new Date();
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const name = `${say('SUMMARY_FILE')}-${date}.${kind}`;
    const type = kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    const a = el('a', { href: url, download: name, rel: 'noopener' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  render() {
    this.drawn = performance.now();
    const done = this.rows.filter((r) => r.state === 'done' || r.state === 'failed').length;
    const all = this.rows.length;
    const busy = this.running > 0 || this.rows.some((r) => r.state !== 'done' && r.state !== 'failed');
    const pick = (attrs) => {
      const input = el('input', { type: 'file', multiple: true, ...attrs, onchange: (e) => { this.add([...e.target.files]); e.target.value = ''; } });
      return input;
    };
    const sortButton = (label, key, numeric) => {
      const active = this.sort.key === key;
      return el('th', { scope: 'col', 'aria-sort': active ? (this.sort.dir > 0 ? 'ascending' : 'descending') : 'none', class: numeric ? 'num' : null },
        el('button', { type: 'button', class: 'sort', onclick: () => { this.sort = { key, dir: active ? -this.sort.dir : numeric ? -1 : 1 }; this.render(); } },
          label, el('span', { 'aria-hidden': 'true' }, active ? (this.sort.dir > 0 ? ' ▲' : ' ▼') : '')));
    };
    const rows = this.shown();
    const cols = ['COL_FILE', 'COL_BODY', 'COL_YEAR', 'COL_ERRORS', 'COL_WARNINGS', 'COL_INFOS', 'COL_TOP'].map((c) => say(c));
    // Files are not all reports: those not read and those that are no report are counted apart.
    const unread = this.rows.filter((r) => r.state === 'failed').length;
    const apart = this.rows.filter((r) => r.summary?.not_a_report).length;
    const breakdown = unread + apart
      ? say('FINISHED_REPORTS', all - unread - apart) + (unread ? say('FINISHED_UNREAD', unread) : '') + (apart ? say('FINISHED_APART', apart) : '')
      : '';
    // Cancelled: how many of the files were checked (or found unreadable) before it.
    const settled = this.rows.filter((r) => r.state === 'done' || (r.state === 'failed' && r.why !== 'cancelled')).length;
    const status = this.cancelled && !busy ? say('CANCELLED_AT', settled, all) : busy ? say('PROGRESS', done, all) : all ? say('FINISHED', all, (this.elapsed / 1000).toFixed(1)) + breakdown : '';
    const body = rows.map((r) => {
      const s = r.summary;
      const stateWord = r.state === 'waiting' ? say('WAITING') : r.state === 'reading' ? say('READING') : r.state === 'checking' ? say('CHECKING') : '';
      const name = r.state === 'done'
        ? el('button', { type: 'button', class: 'link', 'aria-label': say('OPEN', r.name), onclick: () => this.openRow(r) }, breakable(r.name))
        : breakable(r.name);
      const last = r.index === this.lastOpened ? 'last-opened' : null;
      if (r.state === 'failed') {
        return el('tr', { class: `failed ${last ?? ''}`, 'data-index': r.index }, el('th', { scope: 'row' }, name), el('td', { colspan: '6', class: 'why' }, this.whyText(r)));
      }
      // No report (a README, a notice): said instead of its findings; it still opens.
      if (s?.not_a_report) {
        return el('tr', { class: `failed ${last ?? ''}`, 'data-index': r.index }, el('th', { scope: 'row' }, name), el('td', { colspan: '6', class: 'why' }, say('NOT_A_REPORT')));
      }
      return el('tr', { 'data-index': r.index, class: last },
        el('th', { scope: 'row' }, name),
        el('td', { class: 'body' }, s?.organ ?? (stateWord ? '' : '—')),
        // data-label: a phone shows each row as a card, the numbers named.
        el('td', { class: 'num', 'data-label': cols[2] }, s?.year ?? (stateWord ? '' : '—')),
        el('td', { class: `num ${s?.errors ? 'has-error' : ''}`, 'data-label': cols[3] }, s ? String(s.errors) : ''),
        el('td', { class: 'num', 'data-label': cols[4] }, s ? String(s.warnings) : ''),
        el('td', { class: 'num', 'data-label': cols[5] }, s ? String(s.infos) : ''),
        el('td', { class: 'phrase' }, s ? this.phrase(r) : stateWord,
          r.pairedWith ? el('div', { class: 'paired' }, say('PAIRED', r.pairedWith.name)) : null,
          r.sameYearAs?.length ? el('div', { class: 'paired' }, say('SAME_YEAR', this.names(r.sameYearAs))) : null));
    });
    const totals = this.totals();
    const focused = document.activeElement;
    const focusKey = focused && this.root.contains(focused) ? focused.getAttribute('data-focus') : null;
    // The head and the toolbar are made again only when they change: a click
    // on 取消 while results come in must not land on a button just replaced.
    const headKey = `${lang()}|${busy}|${all > 0}`;
    if (this.headKey !== headKey) {
      this.headKey = headKey;
      const appLang = document.querySelector('#app button.lang');
      this.top = [
        el('div', { class: 'batch-head' },
          el('h2', { id: 'batch-title', tabindex: '-1' }, say('TITLE')),
          // The app's language switch, here too (the app is hidden behind the batch).
          appLang ? el('button', { type: 'button', class: 'lang', 'data-focus': 'lang', lang: appLang.getAttribute('lang'), onclick: () => appLang.click() }, appLang.textContent) : null,
          el('button', { type: 'button', 'data-focus': 'back', onclick: () => this.close() }, say('BACK'))),
        el('p', { class: 'hint' }, say('INTRO')),
        el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': say('TITLE') },
          el('label', { class: 'button file' }, say('ADD_FILES'), pick({ accept: '.txt,.md,.docx,.odt,.rtf,.html,.htm,.pdf,.zip,.doc,.wps' })),
          el('label', { class: 'button file' }, say('ADD_FOLDER'), pick({ webkitdirectory: true })),
          busy ? el('button', { type: 'button', class: 'danger', 'data-focus': 'cancel', onclick: () => this.cancel() }, say('CANCEL')) : null,
          el('button', { type: 'button', 'data-focus': 'csv', disabled: busy || !all, onclick: () => this.exportAs('csv') }, say('CSV')),
          el('button', { type: 'button', 'data-focus': 'xlsx', disabled: busy || !all, onclick: () => this.exportAs('xlsx') }, say('XLSX')),
          all && !busy ? el('button', { type: 'button', 'data-focus': 'clear', onclick: () => this.clear() }, say('CLEAR')) : null),
      ];
      this.rest = el('div', { class: 'batch-rest' });
      this.root.replaceChildren(...this.top, this.rest);
    }
    // replaceChildren would write a null as the text "null".
    this.rest.replaceChildren(...[
      el('div', { class: 'batch-progress' },
        all ? el('progress', { max: String(all), value: String(this.cancelled && !busy ? settled : done), 'aria-label': status }) : null,
        el('span', { role: 'status', class: 'batch-status' }, status, this.skipped ? skippedNote(this.skipped, this.skippedNames) : '', this.repeated ? say('REPEATED', this.repeated) : '')),
      all ? el('div', { class: 'batch-filters' },
        el('label', {}, el('input', { type: 'checkbox', 'data-focus': 'only', checked: this.onlyErrors, onchange: (e) => { this.onlyErrors = e.target.checked; this.render(); } }), ' ', say('ONLY_ERRORS')),
        el('label', {}, el('span', { class: 'visually-hidden' }, say('FILTER')),
          el('input', { type: 'search', 'data-focus': 'query', placeholder: say('FILTER'), value: this.query, oninput: (e) => { this.query = e.target.value; this.render(); } })),
        rows.length < all ? el('span', { role: 'status' }, say('SHOWN', rows.length)) : null,
        this.rule ? el('button', { type: 'button', 'data-focus': 'all', onclick: () => { this.rule = null; this.render(); } }, say('SHOW_ALL', this.rule)) : null) : null,
      all ? el('table', { class: 'batch-table' },
        el('thead', {}, el('tr', {},
          sortButton(cols[0], 'name'), sortButton(cols[1], 'organ'), sortButton(cols[2], 'year', true),
          sortButton(cols[3], 'errors', true), sortButton(cols[4], 'warnings', true), sortButton(cols[5], 'infos', true),
          el('th', { scope: 'col' }, cols[6]))),
        el('tbody', {}, body)) : el('p', { class: 'hint' }, say('EMPTY')),
      totals.length ? el('section', { class: 'batch-rules', 'aria-labelledby': 'batch-rules-title' },
        el('h3', { id: 'batch-rules-title' }, say('RULES')),
        el('ul', {}, totals.map(([code, n]) => el('li', {},
          el('button', { type: 'button', class: 'link', 'data-focus': `rule-${code}`, 'aria-label': say('RULE_FILTER', code), onclick: () => { this.rule = code; this.render(); } },
            `${code} ${title(code)}`), say('RULE_REPORTS', n))))) : null,
    ].filter((k) => k != null));
    if (focusKey) {
      const again = this.root.querySelector(`[data-focus="${CSS.escape(focusKey)}"]`);
      if (again) {
        again.focus({ preventScroll: true });
        if (focusKey === 'query') again.setSelectionRange(again.value.length, again.value.length);
      }
    }
  }
}

