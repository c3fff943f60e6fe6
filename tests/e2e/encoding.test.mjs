// Honest encodings in the browser (issue 13): a text file is decoded as the
// command line decodes it (www/convert.js `decodeBytes`, the decision of
// src/input/encoding.rs), and what decoding repaired is an I001 finding with
// its place. A corpus report made into three files here: one stray byte, its
// second half in GBK (by iconv), and a GBK file that starts with the bytes
// of a UTF-8 BOM. Each is opened with the file button and checked in a batch,
// and compared with `nianbao check --format json` on the same bytes: the same
// notes (count, places, sentences in Chinese and English), the same findings,
// and the tables of the clean report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serve, browser, root, corpus } from './lib.mjs';

let site, chrome;
before(async () => { site = await serve(); chrome = await browser(); });
after(async () => { await chrome?.close(); await site?.close(); });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-encoding-e2e-'));
const CLEAN = fs.readFileSync(path.join(corpus, 'real/huaian_2024_layout.txt'));
const TEXT = CLEAN.toString('utf8');

/** `text` in GBK, by iconv (fails the test if the text has a character GBK lacks). */
function gbk(text) {
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text });
  assert.equal(r.status, 0, r.stderr?.toString());
  return r.stdout;
}

// One stray byte in a prose line.
const strayAt = TEXT.indexOf('总体情况') + '总体情况'.length;
const strayByte = Buffer.byteLength(TEXT.slice(0, strayAt));
// The second half from a line on (a paste from an older document).
const half = TEXT.indexOf('\n', TEXT.length >> 1) + 1;
// "锘" is EF BB in GBK and "科" BF C6: the file starts with the bytes of a UTF-8 BOM.
const BOM_TEXT = '锘科\n' + TEXT;

const FILES = {
  'clean.txt': { bytes: CLEAN, text: TEXT, notes: 0 },
  'stray.txt': { bytes: Buffer.concat([CLEAN.subarray(0, strayByte), Buffer.from([0xff]), CLEAN.subarray(strayByte)]), text: TEXT.slice(0, strayAt) + '\ufffd' + TEXT.slice(strayAt), notes: 1 },
  'mixed.txt': { bytes: Buffer.concat([Buffer.from(TEXT.slice(0, half)), gbk(TEXT.slice(half))]), text: TEXT, notes: 1 },
  'bom-gbk.txt': { bytes: gbk(BOM_TEXT), text: BOM_TEXT, notes: 0 },
};
assert.deepEqual([...FILES['bom-gbk.txt'].bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
for (const [name, f] of Object.entries(FILES)) {
  f.path = path.join(tmp, name);
  fs.writeFileSync(f.path, f.bytes);
}

/** The command line's JSON of a file. */
function cli(file) {
  const out = spawnSync('cargo', ['run', '-q', '--bin', 'nianbao', '--', 'check', file, '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.ok(out.stdout, out.stderr);
  return JSON.parse(out.stdout);
}
const perRule = (diagnostics) => {
  const n = {};
  for (const d of diagnostics) n[d.code] = (n[d.code] ?? 0) + 1;
  return n;
};

async function open() {
  const context = await chrome.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('dialog', (d) => d.accept());
  await page.goto(site.url);
  await page.waitForSelector('#report');
  return { context, page, problems };
}

/** Every table cell the page shows, by its place. */
const cells = (page) => page.$$eval('[data-cell]', (els) => Object.fromEntries(els.map((e) => [e.dataset.cell, e.textContent.trim()])));
const counts = (page) => page.$$eval('.rule-count', (els) => Object.fromEntries(els.map((e) => [e.dataset.rule, Number(e.textContent.split('×')[1])])));

/** The I001 findings of the page: sentence, and the place the editor selects (UTF-8 bytes of its text, as the CLI's spans). */
async function notesOf(page) {
  const out = [];
  for (const item of await page.$$('#diagnostics [data-code="I001"]')) {
    await (await item.$('.jump')).click();
    out.push(await page.$eval('#report', (a, msg) => {
      const bytes = (s) => new TextEncoder().encode(s).length;
      return { message: msg, span: { start: bytes(a.value.slice(0, a.selectionStart)), end: bytes(a.value.slice(0, a.selectionEnd)) }, selected: a.value.slice(a.selectionStart, a.selectionEnd) };
    }, await item.$eval('.msg', (m) => m.textContent)));
  }
  return out;
}

test('opened with the file button: the tables of the clean report and the notes of the command line, in Chinese and English', async () => {
  const { context, page, problems } = await open();
  let tables = null;
  for (const [name, f] of Object.entries(FILES)) {
    await page.setInputFiles('input[type=file]', f.path);
    await page.waitForFunction((t) => document.querySelector('#report').value === t, f.text);
    await page.waitForFunction((n) => document.querySelectorAll('#diagnostics [data-code="I001"]').length === n && !document.querySelector('.summary.empty'), f.notes);
    // Never "not a text file", never a sentence instead of the text.
    assert.equal(await page.$('p.status[role=alert]'), null, `${name}: ${await page.textContent('p.status[role=alert]').catch(() => '')}`);
    tables ??= await cells(page);
    assert.ok(Object.keys(tables).length > 50, 'the clean report has its tables');
    assert.deepEqual(await cells(page), tables, `${name}: the tables of the clean report`);
    const want = cli(f.path);
    assert.deepEqual(await counts(page), perRule(want.diagnostics), `${name}: the command line's findings`);
    const cliNotes = want.diagnostics.filter((d) => d.code === 'I001');
    assert.equal(cliNotes.length, f.notes, name);
    const notes = await notesOf(page);
    assert.deepEqual(notes.map((n) => ({ message: n.message, span: n.span })), cliNotes.map((d) => ({ message: d.message, span: d.span })), name);
    if (name === 'stray.txt') {
      assert.equal(notes[0].selected, '\ufffd');
      assert.match(notes[0].message, /此处 1 个字节不是有效的 UTF-8/);
    }
    if (name === 'mixed.txt') {
      // Where the encoding changes: the GBK lines (the first and last that have
      // Chinese: a line of ASCII is the same in both), said by number and selected in the editor.
      const lines = TEXT.split('\n');
      const gbkLines = lines.map((l, i) => i).filter((i) => i >= TEXT.slice(0, half).split('\n').length - 1 && /[^\x00-\x7f]/.test(lines[i]));
      const [first, last] = [gbkLines[0] + 1, gbkLines.at(-1) + 1];
      assert.match(notes[0].message, new RegExp(`文件编码中途改变：第 ${first}–${last} 行是 GBK`));
      assert.equal(notes[0].selected, lines.slice(first - 1, last).join('\n'));
      assert.ok(!want.diagnostics.some((d) => d.code === 'S001' || d.code === 'S003'), 'no false S001/S003');
    }
  }
  // The same notes in English, from the same catalogue as the command line's.
  await page.setInputFiles('input[type=file]', FILES['mixed.txt'].path);
  await page.waitForSelector('#diagnostics [data-code="I001"]');
  await page.click('text=English');
  await page.waitForFunction(() => /encoding changes midway/.test(document.querySelector('#diagnostics [data-code="I001"] .msg')?.textContent ?? ''));
  const en = cli(FILES['mixed.txt'].path).diagnostics.find((d) => d.code === 'I001').message_en;
  assert.equal(await page.textContent('#diagnostics [data-code="I001"] .msg'), en);
  // An edit moves the places: the note is not said of the edited text.
  await page.focus('#report');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('x');
  await page.waitForFunction(() => !document.querySelector('#diagnostics [data-code="I001"]'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a CRLF file: the note still points at the replaced byte in the editor', async () => {
  const { context, page, problems } = await open();
  const crlf = FILES['stray.txt'].bytes.toString('latin1').replace(/\n/g, '\r\n');
  const file = path.join(tmp, 'stray-crlf.txt');
  fs.writeFileSync(file, Buffer.from(crlf, 'latin1'));
  await page.setInputFiles('input[type=file]', file);
  await page.waitForSelector('#diagnostics [data-code="I001"]');
  const [note] = await notesOf(page);
  assert.equal(note.selected, '\ufffd');
  const want = cli(file).diagnostics.find((d) => d.code === 'I001');
  assert.equal(note.message, want.message);
  assert.equal(await page.textContent('#diagnostics [data-code="I001"] .pos'), `第 ${want.line} 行第 ${want.column} 列`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('checked in a batch: the findings of the command line, I001 included', async () => {
  const { context, page, problems } = await open();
  await page.setInputFiles('.toolbar input[type=file]', Object.values(FILES).map((f) => f.path));
  await page.waitForSelector('#batch .batch-table');
  await page.waitForFunction(() => /已检查 \d+ 份，用时/.test(document.querySelector('.batch-status')?.textContent ?? ''), null, { timeout: 120_000 });
  const rows = await page.$$eval('.batch-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.equal(rows.length, 4, JSON.stringify(rows));
  const want = Object.fromEntries(Object.entries(FILES).map(([name, f]) => [name, cli(f.path)]));
  for (const row of rows) {
    const w = want[row[0]];
    assert.ok(w, row[0]);
    const bySeverity = (s) => String(w.diagnostics.filter((d) => d.severity === s).length);
    assert.deepEqual(row.slice(1, 6), [w.report.organ ?? '—', String(w.report.year ?? '—'), bySeverity('error'), bySeverity('warning'), bySeverity('info')], row.join(' | '));
  }
  // Every finding, with its sentence, as the batch exports it (XLSX, read back by LibreOffice).
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('text=导出汇总 XLSX')]);
  const xlsxPath = path.join(tmp, 'summary.xlsx');
  await xlsx.saveAs(xlsxPath);
  const out = path.join(tmp, 'findings');
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--convert-to',
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2', '--outdir', out, xlsxPath], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const sheet = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.csv'))), 'utf8');
  const got = csvRows(sheet).slice(1).map((row) => `${row[0]} ${row[3]} ${row[6]}`).sort();
  const expected = Object.entries(want).flatMap(([name, w]) => w.diagnostics.map((d) => `${name} ${d.code} ${d.message}`)).sort();
  assert.deepEqual(got, expected);
  assert.equal(got.filter((l) => / I001 /.test(l)).length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Rows of a CSV text (quoted fields may hold commas and line breaks). */
function csvRows(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
