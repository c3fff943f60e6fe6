// The batch check (批量检查): many reports at once. Files, folders and .zip
// archives are read in the page (the app's converters, the PDF reader), every
// report is checked and summarised in a pool of Web Workers (one per core)
// by the batch wasm module, consecutive years of one body are paired on their
// summaries (X001–X003, the command line's rules), and the result is a table
// a reviewer can sort, filter, export (CSV, XLSX) and open report by report
// in the checker. Loaded only when a batch is opened.

import { listZip, MAX_ENTRY } from './archive.js';

const WORDS = {
  zh: {
    title: '批量检查',
    intro: '选择或拖入多个年报文件、一个文件夹或 .zip 压缩包：每份报告都在本机检查，不会上传。同一机关相邻两年的报告自动对照（X001–X003）。',
    addFiles: '添加文件…', addFolder: '添加文件夹…', back: '返回单份检查', cancel: '取消', clear: '清空列表',
    csv: '导出汇总 CSV', xlsx: '导出汇总 XLSX',
    progress: (done, all) => `已检查 ${done} / ${all} 份`, finished: (all, ms) => `已检查 ${all} 份，用时 ${(ms / 1000).toFixed(1)} 秒`,
    cancelled: '已取消', skipped: (n) => `（跳过 ${n} 个非报告文件）`,
    onlyErrors: '只看有错误的', filter: '筛选文件或机关', rules: '各规则涉及的报告', reports: (n) => `${n} 份报告`,
    cols: ['文件', '机关', '年度', '错误', '警告', '提示', '主要问题'], paired: (f) => `已与上年报告对照：${f}`,
    empty: '还没有报告。', open: (f) => `打开 ${f}`, backToBatch: (n) => `← 返回批量结果（${n} 份）`, showAll: '显示全部',
    waiting: '等待检查', reading: '读取中', checking: '检查中', noProblem: '未发现问题', ruleFilter: (c) => `只看有 ${c} 的报告`,
    why: {
      too_large: '文件过大（超过 32 MB），不是一份年报。', empty: '文件是空的。', binary: '这不是文本文件，也不是 .docx、.odt、.rtf、.pdf 或 .html 报告。',
      doc: '这是旧版 Word 文件（.doc）：请在 Word 或 WPS 中另存为 .docx 再检查。', wps: '这是 WPS 文字文件（.wps）：请在 WPS 中另存为 .docx 再检查。',
      zip_other: '这是压缩文件，但不是 .docx 或 .odt 文档。', damaged: '文件已损坏，无法读取。', unsupported: '不支持的文件类型。',
      nested: '压缩包中的压缩包不展开检查，请先解压。', unsafe: '条目名称指向压缩包之外（如“../”或绝对路径），未读取。',
      encrypted: '压缩包条目已加密，无法读取。', method: '压缩包条目使用了不支持的压缩方式。', too_many: '压缩包条目过多（超过 10000 个），未展开。',
      failed: '检查时出错，其余报告不受影响。', unavailable: '读取此文件所需的组件未能加载，请检查网络后重试。',
    },
  },
  en: {
    title: 'Batch check',
    intro: 'Choose or drop several report files, a folder or a .zip: every report is checked on this computer and never uploaded. Reports of one body for consecutive years are compared (X001–X003).',
    addFiles: 'Add files…', addFolder: 'Add a folder…', back: 'Back to the single check', cancel: 'Cancel', clear: 'Clear the list',
    csv: 'Export summary (CSV)', xlsx: 'Export summary (XLSX)',
    progress: (done, all) => `${done} of ${all} checked`, finished: (all, ms) => `${all} checked in ${(ms / 1000).toFixed(1)} s`,
    cancelled: 'Cancelled', skipped: (n) => ` (${n} files that are not reports skipped)`,
    onlyErrors: 'Only reports with errors', filter: 'Filter by file or body', rules: 'Reports per rule', reports: (n) => `${n} report${n === 1 ? '' : 's'}`,
    cols: ['File', 'Body', 'Year', 'Errors', 'Warnings', 'Notes', 'Most serious findings'], paired: (f) => `Compared with last year's report: ${f}`,
    empty: 'No reports yet.', open: (f) => `Open ${f}`, backToBatch: (n) => `← Back to the batch (${n} reports)`, showAll: 'Show all',
    waiting: 'Waiting', reading: 'Reading', checking: 'Checking', noProblem: 'No problems found', ruleFilter: (c) => `Only reports with ${c}`,
    why: {
      too_large: 'The file is too large (over 32 MB) to be a report.', empty: 'The file is empty.', binary: 'This is not a text file, nor a .docx, .odt, .rtf, .pdf or .html report.',
      doc: 'This is an old Word file (.doc): save it as .docx in Word or WPS and check that.', wps: 'This is a WPS Writer file (.wps): save it as .docx in WPS and check that.',
      zip_other: 'This is an archive, not a .docx or .odt document.', damaged: 'The file is damaged and cannot be read.', unsupported: 'This kind of file is not supported.',
      nested: 'An archive inside the archive is not opened: extract it first.', unsafe: 'The entry’s name points outside the archive (“../” or an absolute path): not read.',
      encrypted: 'The archive entry is encrypted and cannot be read.', method: 'The archive entry uses a compression method that is not supported.', too_many: 'The archive has too many entries (over 10,000): not opened.',
      failed: 'The check failed on this file; the other reports are not affected.', unavailable: 'What this file needs could not be loaded: check the connection and try again.',
    },
  },
};

const REPORT = /\.(txt|docx|odt|rtf|html?|pdf)$/i;
const lang = () => ((document.documentElement.lang || 'zh').startsWith('en') ? 'en' : 'zh');
const w = () => WORDS[lang()];
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

// ---- Reading a report's text (as the checker does: the app's converters, the PDF reader)

let converters = null;
const convert = () => (converters ??= import(new URL('../convert.js', import.meta.url).href).catch((e) => { converters = null; throw e; }));
let pdfReader = null;
const pdf = () => (pdfReader ??= import(new URL('../pdf/client.js', import.meta.url).href).catch((e) => { pdfReader = null; throw e; }));

/** Decodes a text file as the app does: BOM, strict UTF-8, UTF-16 by its zero bytes, then GB18030. */
function decodeText(b) {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  const sample = b.subarray(0, Math.min(b.length, 4096));
  let even = 0, odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) { if (i % 2) odd++; else even++; }
  if (sample.length && (odd * 8 > sample.length || even * 8 > sample.length)) {
    try { return new TextDecoder(odd > even ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(b); } catch (_) { /* not UTF-16 */ }
  }
  try { return new TextDecoder('utf-8', { fatal: true }).decode(b); } catch (_) { /* not UTF-8 */ }
  return new TextDecoder('gb18030').decode(b);
}

class Unreadable extends Error {
  constructor(key, sentence) { super(key); this.key = key; this.sentence = sentence; }
}

/** The text of a report's bytes, or an Unreadable saying why. */
async function textOf(bytes, name) {
  if (bytes.length > MAX_ENTRY) throw new Unreadable('too_large');
  if (!bytes.length) throw new Unreadable('empty');
  const head = bytes.subarray(0, 8);
  const starts = (...sig) => sig.every((c, i) => head[i] === c);
  const lower = name.toLowerCase();
  const run = async (f, input) => {
    let c;
    try { c = await convert(); } catch (_) { throw new Unreadable('unavailable'); }
    try { return await c[f](input); } catch (e) {
      const key = String(e?.message ?? '');
      throw new Unreadable(key === 'file.too_large' ? 'too_large' : key.startsWith('file.zip') || key.includes('_as_') ? 'zip_other' : 'damaged');
    }
  };
  let text;
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
    text = decodeText(bytes);
    if (text.includes('\0')) throw new Unreadable(lower.endsWith('.doc') ? 'doc' : 'binary');
    const top = text.slice(0, 512).toLowerCase();
    if (/\.html?$/.test(lower) || top.includes('<html') || top.trimStart().startsWith('<!doctype html')) text = await run('htmlToText', text);
  }
  if (!text.trim()) throw new Unreadable('empty');
  return text;
}

// ---- The worker pool

class Pool {
  constructor(size) {
    this.size = size;
    this.workers = [];
    this.queue = [];
    this.next = 0;
  }
  spawn() {
    const worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
    const slot = { worker, job: null };
    worker.onmessage = (e) => {
      const job = slot.job;
      slot.job = null;
      if (!job) return;
      if ('error' in e.data) {
        // A fault may leave the module in a bad state: this worker is replaced.
        this.replace(slot);
        job.reject(new Error(e.data.error));
      } else job.resolve(e.data.result);
      this.pump();
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const job = slot.job;
      slot.job = null;
      this.replace(slot);
      job?.reject(new Error(e.message || 'worker stopped'));
      this.pump();
    };
    this.workers.push(slot);
    return slot;
  }
  replace(slot) {
    slot.worker.terminate();
    this.workers = this.workers.filter((s) => s !== slot);
  }
  run(op, ...args) {
    return new Promise((resolve, reject) => {
      this.queue.push({ op, args, resolve, reject });
      this.pump();
    });
  }
  pump() {
    while (this.queue.length) {
      let slot = this.workers.find((s) => !s.job);
      if (!slot && this.workers.length < this.size) slot = this.spawn();
      if (!slot) return;
      slot.job = this.queue.shift();
      slot.worker.postMessage({ id: ++this.next, op: slot.job.op, args: slot.job.args });
    }
  }
  stop() {
    for (const s of this.workers) s.worker.terminate();
    for (const j of this.queue) j.reject(new Error('cancelled'));
    for (const s of this.workers) s.job?.reject(new Error('cancelled'));
    this.workers = [];
    this.queue = [];
  }
}

// ---- The batch

let view = null;

/** Opens the batch view with `items` (File, FileSystemEntry) added. */
export function openBatch(items) {
  view ??= new Batch();
  view.show();
  if (items.length) view.add(items);
  return view;
}

class Batch {
  constructor() {
    this.rows = [];
    this.sort = { key: null, dir: 1 };
    this.onlyErrors = false;
    this.rule = null;
    this.query = '';
    this.skipped = 0;
    this.pool = null;
    this.running = 0;
    this.run = 0;
    this.started = 0;
    this.elapsed = 0;
    this.titles = null;
    this.scrollY = 0;
    this.root = el('section', { id: 'batch', class: 'batch', 'aria-labelledby': 'batch-title' });
    document.head.append(el('link', { rel: 'stylesheet', href: new URL('batch.css', import.meta.url).href }));
    document.body.append(this.root);
    this.backBar = el('div', { class: 'batch-back', hidden: true }, el('button', { type: 'button', onclick: () => this.show() }));
    document.body.prepend(this.backBar);
    this.loadTitles();
    this.render();
  }

  async loadTitles() {
    try {
      const r = await fetch(new URL(`../rules-${lang()}.json`, import.meta.url));
      this.titles = new Map((await r.json()).map((x) => [x.code, x.title]));
      this.titlesLang = lang();
    } catch (_) { this.titles = new Map(); }
    this.render();
  }

  title(code) {
    if (this.titlesLang !== lang() && this.titles) { this.titles = null; this.loadTitles(); }
    return this.titles?.get(code) ?? '';
  }

  show() {
    document.getElementById('app')?.setAttribute('hidden', '');
    this.backBar.hidden = true;
    this.root.hidden = false;
    this.render();
    window.scrollTo(0, this.scrollY);
    this.root.querySelector('h2')?.focus({ preventScroll: true });
  }

  close() {
    this.scrollY = window.scrollY;
    this.root.hidden = true;
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
    for (const f of found) {
      if (/\.zip$/i.test(f.path)) await this.addZip(f);
      else if (f.picked || REPORT.test(f.path)) this.push({ name: f.path, source: { file: f.file } });
      else this.skipped++;
    }
    this.render();
    this.check();
  }

  async addZip(f) {
    let bytes;
    try { bytes = new Uint8Array(await f.file.arrayBuffer()); } catch (_) { this.push({ name: f.path, why: 'damaged' }); return; }
    let listed;
    try { listed = listZip(bytes, (n) => REPORT.test(n)); } catch (e) { this.push({ name: f.path, why: e.key ?? 'damaged' }); return; }
    this.skipped += listed.skipped;
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
    const size = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));
    this.pool ??= new Pool(size);
    const run = this.run;
    if (!this.running) { this.started = performance.now(); this.elapsed = 0; }
    this.running += todo.length;
    this.schedule();
    // Reading (in the page) runs ahead of checking (in the workers) by at most a few files.
    const inFlight = new Set();
    for (const row of todo) {
      if (run !== this.run) return;
      while (inFlight.size >= size * 2) await Promise.race(inFlight);
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
    row.state = 'reading';
    this.schedule();
    let text;
    try {
      text = await textOf(await this.bytesOf(row, false), row.name);
    } catch (e) {
      if (run !== this.run) return;
      row.state = 'failed';
      row.why = e instanceof Unreadable ? e.key : e?.key ?? 'damaged';
      row.sentence = e?.sentence;
      this.schedule();
      return;
    }
    if (run !== this.run) return;
    row.state = 'checking';
    this.schedule();
    try {
      row.summary = await this.pool.run('summarize', text, row.name, lang());
      row.state = 'done';
    } catch (e) {
      if (run !== this.run || String(e?.message) === 'cancelled') return;
      row.state = 'failed';
      row.why = 'failed';
    }
    this.schedule();
  }

  /** Consecutive years of one body, paired by the command line's rule (src/summary.rs `pairs`). */
  async pairAll(run) {
    const done = this.rows.filter((r) => r.state === 'done');
    const keys = done.map((r) => `${(r.summary.organ ?? '').replace(/[\t\n]/g, ' ')}\t${r.summary.year ?? ''}`).join('\n');
    let found;
    try { found = (await this.pool.run('pairs', keys)).split(','); } catch (_) { return; }
    const jobs = [];
    done.forEach((r, i) => {
      const before = found[i] === '' || found[i] == null ? null : done[Number(found[i])];
      if (!before || r.pairedWith) return;
      jobs.push(this.pool.run('pair', r.summary.state, before.summary.state, r.name, lang()).then((p) => {
        if (!p || run !== this.run) return;
        // The cross-year findings are added to the report's own.
        r.summary = { ...p, findings: [r.summary.findings, p.findings].filter(Boolean).join('\u001e') };
        r.pairedWith = before;
      }).catch(() => {}));
    });
    await Promise.all(jobs);
  }

  cancel() {
    this.run++;
    this.pool?.stop();
    this.pool = null;
    for (const r of this.rows) if (r.state !== 'done' && r.state !== 'failed') { r.state = 'failed'; r.why = 'cancelled'; }
    this.running = 0;
    this.cancelled = true;
    this.render();
  }

  clear() {
    this.cancel();
    this.rows = [];
    this.skipped = 0;
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
    status.firstChild && (status.firstChild.textContent = w().progress(done, this.rows.length));
  }

  whyText(row) {
    if (row.sentence) return row.sentence;
    if (row.why === 'cancelled') return w().cancelled;
    return w().why[row.why] ?? w().why.damaged;
  }

  phrase(row) {
    const top = row.summary?.top ?? [];
    if (!top.length) return w().noProblem;
    return top.map((t) => `${t.code} ${this.title(t.code) || t.message}`).join(lang() === 'en' ? '; ' : '；');
  }

  shown() {
    let rows = this.rows;
    if (this.onlyErrors) rows = rows.filter((r) => r.summary?.errors > 0);
    if (this.rule) rows = rows.filter((r) => r.summary?.rules?.[this.rule]);
    if (this.query) {
      const q = this.query.toLowerCase();
      rows = rows.filter((r) => r.name.toLowerCase().includes(q) || (r.summary?.organ ?? '').toLowerCase().includes(q));
    }
    const key = this.sort.key;
    if (key) {
      const value = (r) => (key === 'name' ? r.name : key === 'organ' ? r.summary?.organ ?? '' : r.summary?.[key] ?? -1);
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
    for (const r of this.rows) for (const code of Object.keys(r.summary?.rules ?? {})) n.set(code, (n.get(code) ?? 0) + 1);
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
    const done = this.rows.filter((r) => r.state === 'done').length;
    const back = this.backBar.querySelector('button');
    back.textContent = w().backToBatch(done);
    this.backBar.hidden = false;
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(file);
    window.dispatchEvent(new DragEvent('drop', { dataTransfer, cancelable: true }));
    window.scrollTo(0, 0);
    back.focus();
  }

  async exportAs(kind) {
    const rows = [];
    const findings = [];
    const pool = this.pool ?? (this.pool = new Pool(1));
    for (const r of this.rows) {
      if (r.state === 'done') {
        rows.push(r.summary.row);
        if (r.summary.findings) findings.push(r.summary.findings);
      } else if (r.state === 'failed') rows.push(await pool.run('problemRow', r.name, this.whyText(r)));
    }
    const bytes = kind === 'csv' ? await pool.run('csv', lang(), rows.join('\u001e')) : await pool.run('xlsx', lang(), rows.join('\u001e'), findings.join('\u001e'));
    const day = new Date();
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const name = `${lang() === 'en' ? 'nianbao-summary' : '年报检查汇总'}-${date}.${kind}`;
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
    const t = w();
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
    const cols = t.cols;
    const status = this.cancelled && !busy ? t.cancelled : busy ? t.progress(done, all) : all ? t.finished(all, this.elapsed) : '';
    const body = rows.map((r) => {
      const s = r.summary;
      const stateWord = r.state === 'waiting' ? t.waiting : r.state === 'reading' ? t.reading : r.state === 'checking' ? t.checking : '';
      const name = r.state === 'done'
        ? el('button', { type: 'button', class: 'link', 'aria-label': t.open(r.name), onclick: () => this.openRow(r) }, r.name)
        : r.name;
      const last = r.index === this.lastOpened ? 'last-opened' : null;
      if (r.state === 'failed') {
        return el('tr', { class: `failed ${last ?? ''}`, 'data-index': r.index }, el('th', { scope: 'row' }, name), el('td', { colspan: '6', class: 'why' }, this.whyText(r)));
      }
      return el('tr', { 'data-index': r.index, class: last },
        el('th', { scope: 'row' }, name),
        el('td', {}, s?.organ ?? (stateWord ? '' : '—')),
        el('td', { class: 'num' }, s?.year ?? (stateWord ? '' : '—')),
        el('td', { class: `num ${s?.errors ? 'has-error' : ''}` }, s ? String(s.errors) : ''),
        el('td', { class: 'num' }, s ? String(s.warnings) : ''),
        el('td', { class: 'num' }, s ? String(s.infos) : ''),
        el('td', { class: 'phrase' }, s ? this.phrase(r) : stateWord, r.pairedWith ? el('div', { class: 'paired' }, t.paired(r.pairedWith.name)) : null));
    });
    const totals = this.totals();
    const focused = document.activeElement;
    const focusKey = focused && this.root.contains(focused) ? focused.getAttribute('data-focus') : null;
    this.root.replaceChildren(
      el('div', { class: 'batch-head' },
        el('h2', { id: 'batch-title', tabindex: '-1' }, t.title),
        el('button', { type: 'button', 'data-focus': 'back', onclick: () => this.close() }, t.back)),
      el('p', { class: 'hint' }, t.intro),
      el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t.title },
        el('label', { class: 'button file' }, t.addFiles, pick({ accept: '.txt,.docx,.odt,.rtf,.html,.htm,.pdf,.zip,.doc,.wps' })),
        el('label', { class: 'button file' }, t.addFolder, pick({ webkitdirectory: true })),
        busy ? el('button', { type: 'button', class: 'danger', 'data-focus': 'cancel', onclick: () => this.cancel() }, t.cancel) : null,
        el('button', { type: 'button', 'data-focus': 'csv', disabled: busy || !all, onclick: () => this.exportAs('csv') }, t.csv),
        el('button', { type: 'button', 'data-focus': 'xlsx', disabled: busy || !all, onclick: () => this.exportAs('xlsx') }, t.xlsx),
        all && !busy ? el('button', { type: 'button', 'data-focus': 'clear', onclick: () => this.clear() }, t.clear) : null),
      el('div', { class: 'batch-progress' },
        all ? el('progress', { max: String(all), value: String(done), 'aria-label': t.progress(done, all) }) : null,
        el('span', { role: 'status', class: 'batch-status' }, status, this.skipped ? t.skipped(this.skipped) : '')),
      all ? el('div', { class: 'batch-filters' },
        el('label', {}, el('input', { type: 'checkbox', 'data-focus': 'only', checked: this.onlyErrors, onchange: (e) => { this.onlyErrors = e.target.checked; this.render(); } }), ' ', t.onlyErrors),
        el('label', {}, el('span', { class: 'visually-hidden' }, t.filter),
          el('input', { type: 'search', 'data-focus': 'query', placeholder: t.filter, value: this.query, oninput: (e) => { this.query = e.target.value; this.render(); } })),
        this.rule ? el('button', { type: 'button', 'data-focus': 'all', onclick: () => { this.rule = null; this.render(); } }, `${t.showAll} (${this.rule})`) : null) : null,
      all ? el('table', { class: 'batch-table' },
        el('thead', {}, el('tr', {},
          sortButton(cols[0], 'name'), sortButton(cols[1], 'organ'), sortButton(cols[2], 'year', true),
          sortButton(cols[3], 'errors', true), sortButton(cols[4], 'warnings', true), sortButton(cols[5], 'infos', true),
          el('th', { scope: 'col' }, cols[6]))),
        el('tbody', {}, body)) : el('p', { class: 'hint' }, t.empty),
      totals.length ? el('section', { class: 'batch-rules', 'aria-labelledby': 'batch-rules-title' },
        el('h3', { id: 'batch-rules-title' }, t.rules),
        el('ul', {}, totals.map(([code, n]) => el('li', {},
          el('button', { type: 'button', class: 'link', 'data-focus': `rule-${code}`, 'aria-label': t.ruleFilter(code), onclick: () => { this.rule = code; this.render(); } },
            `${code} ${this.title(code)}`), `${lang() === 'en' ? ': ' : '：'}${t.reports(n)}`)))) : null,
    );
    if (focusKey) {
      const again = this.root.querySelector(`[data-focus="${CSS.escape(focusKey)}"]`);
      if (again) {
        again.focus({ preventScroll: true });
        if (focusKey === 'query') again.setSelectionRange(again.value.length, again.value.length);
      }
    }
  }
}

