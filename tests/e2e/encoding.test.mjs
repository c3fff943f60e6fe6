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
import { serve, browser, root, corpus, pinned, openApp, csvRows } from './lib.mjs';

let site, chrome;
before(async () => { site = await serve(); chrome = await browser(); });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-encoding-e2e-'));
after(async () => { await chrome?.close(); await site?.close(); fs.rmSync(tmp, { recursive: true, force: true }); });
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

const open = () => openApp(chrome, site.url, { acceptDownloads: true });

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
    const alert = await page.$('p.status[role=alert]');
    assert.equal(alert, null, `${name}: ${await alert?.textContent()}`);
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
      const shown = await counts(page);
      assert.ok(!shown.S001 && !shown.S003 && !want.diagnostics.some((d) => d.code === 'S001' || d.code === 'S003'), 'no false S001/S003');
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
  const got = csvRows(sheet).slice(1).map((row) => `${row[0]} ${row[3]} ${row[6]} ${row[8]}`).sort();
  const expected = Object.entries(want).flatMap(([name, w]) => w.diagnostics.map((d) => `${name} ${d.code} ${d.line} ${d.message}`)).sort();
  assert.deepEqual(got, expected);
  assert.equal(got.filter((l) => / I001 /.test(l)).length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the JSON export and a widget\'s results carry the notes, as the command line\'s JSON', async () => {
  const want = cli(FILES['mixed.txt'].path).diagnostics.filter((d) => d.code === 'I001').map((d) => ({ key: d.key, args: d.args, span: d.span, line: d.line, message: d.message }));
  const same = (json) => json.diagnostics.filter((d) => d.code === 'I001').map((d) => ({ key: d.key, args: d.args, span: d.span, line: d.line, message: d.message }));
  // The checker page's 导出 JSON.
  const { context, page, problems } = await open();
  await page.setInputFiles('input[type=file]', FILES['mixed.txt'].path);
  await page.waitForSelector('#diagnostics [data-code="I001"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 JSON')]);
  assert.deepEqual(same(JSON.parse(fs.readFileSync(await download.path(), 'utf8'))), want);
  // A portal's full widget: its nianbao-checked results.
  await page.goto(site.url + 'demo/portal.html');
  await page.evaluate(() => {
    window.results = [];
    document.getElementById('full').addEventListener('nianbao-checked', (e) => window.results.push(e.detail));
  });
  await page.locator('#full input[type=file]').setInputFiles(FILES['mixed.txt'].path);
  await page.waitForFunction(() => window.results.some((r) => r.diagnostics.some((d) => d.code === 'I001')));
  assert.deepEqual(same(await page.evaluate(() => window.results.at(-1))), want);
  assert.deepEqual(problems, []);
  await context.close();
});

/** A deterministic stream of numbers in [0, 1) (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Files damaged in the ways the decision has to tell apart, each named for what it is. */
function damaged() {
  const rnd = random(13);
  const pick = (n) => Math.floor(rnd() * n);
  const lines = TEXT.split('\n');
  const out = [];
  const add = (name, bytes) => out.push([name, Buffer.from(bytes)]);
  // Stray bytes anywhere, even inside a character; past 20 places only the totals grow.
  for (const k of [1, 2, 3, 7, 21, 30]) {
    const b = [...CLEAN];
    for (let i = 0; i < k; i++) b.splice(pick(b.length), 0, [0xff, 0x80, 0xc3, 0xe4, 0xa0, 0xfe][pick(6)]);
    add(`stray-${k}.txt`, b);
  }
  // Bytes lost from inside characters, and a run of bad bytes.
  const lost = [...CLEAN];
  for (let i = 0; i < 4; i++) lost.splice(pick(lost.length), 1);
  add('lost.txt', lost);
  const run = [...CLEAN];
  run.splice(pick(run.length), 0, 0xff, 0xfe, 0xfd, 0x80);
  add('run.txt', run);
  // A character cut at the end of the file.
  add('cut.txt', Buffer.concat([CLEAN, Buffer.from('报').subarray(0, 2)]));
  // Lines in GBK at three places, ASCII lines inside the runs; then with a stray byte too, and with CRLF.
  const mixed = (from) => Buffer.concat(lines.map((l, i) => (from.some(([a, b]) => i >= a && i < b) ? gbk(l + '\n') : Buffer.from(l + '\n'))));
  add('mixed-3.txt', mixed([[5, 9], [60, 90], [150, 151]]));
  add('mixed-stray.txt', Buffer.concat([mixed([[20, 40]]), Buffer.from([0xff]), Buffer.from('附\n')]));
  add('mixed-crlf.txt', Buffer.from(mixed([[30, 50]]).toString('latin1').replace(/\n/g, '\r\n'), 'latin1'));
  // GBK files: clean, a bad byte in one, a few UTF-8 lines in another, the bytes of a BOM at the start.
  const whole = gbk(TEXT);
  add('gbk.txt', whole);
  add('gbk-bad.txt', Buffer.concat([whole.subarray(0, 3001), Buffer.from([0xff]), whole.subarray(3001)]));
  add('gbk-some-utf8.txt', mixed([[0, 10], [12, lines.length]]));
  add('bom-gbk.txt', gbk(BOM_TEXT));
  add('bom-gbk-bad.txt', Buffer.concat([gbk(BOM_TEXT), Buffer.from([0x81])]));
  // UTF-8 with a BOM and a stray byte.
  add('bom-stray.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), FILES['stray.txt'].bytes]));
  // UTF-16: with a BOM (one with a lone surrogate), without one (ASCII-heavy, and not).
  const utf16 = Buffer.from('\ufeff' + TEXT, 'utf16le');
  add('utf16le.txt', utf16);
  add('utf16le-bad.txt', Buffer.concat([utf16.subarray(0, 1000), Buffer.from([0x00, 0xd8]), utf16.subarray(1000)]));
  add('utf16be.txt', Buffer.from(utf16).swap16());
  add('utf16-ascii.txt', Buffer.from('report 2024, page 1\n'.repeat(40) + TEXT.slice(0, 300), 'utf16le'));
  add('utf16-chinese.txt', Buffer.from(TEXT, 'utf16le'));
  // Binary data, and a page with a stray byte (its note is said at the top).
  add('binary.txt', Array.from({ length: 3000 }, () => pick(256)));
  add('page.html', Buffer.concat([Buffer.from('<html><body><p>'), FILES['stray.txt'].bytes, Buffer.from('</p></body></html>')]));
  return out;
}

/** How convert.js numbers a note's kind, as the command line's JSON says the note. */
const SAID = [
  (n) => ({ key: 'I001.bytes', args: [n[3]] }),
  (n) => ({ key: 'I001.bytes_total', args: [n[3], n[4], n[5]] }),
  (n) => ({ key: 'I001.replaced', args: [n[3], 'UTF-16'] }),
  (n) => ({ key: 'I001.replaced', args: [n[3], 'GB18030'] }),
  (n) => ({ key: 'I001.mixed', args: [{ key: 'I001.line', args: [n[3]] }] }),
  (n) => ({ key: 'I001.mixed', args: [{ key: 'I001.lines', args: [n[3], n[4]] }] }),
];

test('damaged files of every kind: the browser decodes them to the command line\'s text and notes', async () => {
  const files = damaged();
  const dir = path.join(tmp, 'damaged');
  fs.mkdirSync(dir);
  for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);
  const run = spawnSync('cargo', ['run', '-q', '--bin', 'nianbao', '--', 'check', dir, '--format', 'jsonl'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const cliOf = new Map(run.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((d) => [path.basename(d.file), d]));
  const { context, page, problems } = await open();
  // The browser's decoder (convert.js as the build pins it) and checker (the API, nianbao.js), on the same bytes.
  const got = await page.evaluate(async ([convert, files]) => {
    const { decodeBytes } = await import(convert);
    const api = await import('./nianbao.js');
    await api.default();
    return files.map(([name, bytes]) => {
      const d = decodeBytes(new Uint8Array(bytes), name);
      if (!d) return { name, binary: true };
      const utf8 = new TextEncoder().encode(d.text);
      const lineCol = (at) => {
        const before = new TextDecoder().decode(utf8.subarray(0, at));
        return [before.split('\n').length, [...before.slice(before.lastIndexOf('\n') + 1)].length + 1];
      };
      const notes = [];
      for (let i = 0; i < d.notes.length; i += 6) notes.push([...d.notes.slice(i, i + 6), ...lineCol(d.notes[i + 1])]);
      const c = api.check(d.text);
      return { name, notes, tables: c.report.tables, findings: c.diagnostics.map((x) => [x.code, x.span.start, x.span.end, x.message]) };
    });
  }, [new URL(pinned('convert.js'), site.url).href, files.map(([n, b]) => [n, [...b]])]);
  assert.equal(got.length, files.length);
  for (const g of got) {
    const want = cliOf.get(g.name);
    if (g.binary) {
      // The command line's batch JSON has the file in its place, saying why it was not read.
      assert.ok(want && !want.report, `${g.name}: the command line reads what the browser calls binary data`);
      assert.match(want.error, /二进制/, g.name);
      assert.match(want.error_en, /binary/i, g.name);
      assert.match(run.stderr, new RegExp(`${g.name}.*(binary|二进制)`, 'i'), g.name);
      continue;
    }
    assert.ok(want, `${g.name}: the command line could not read it: ${run.stderr}`);
    // A page's notes are said at its top: line and column are those of the text drawn from it.
    const page = g.name.endsWith('.html');
    const cliNotes = want.diagnostics.filter((d) => d.code === 'I001').map((d) => ({ key: d.key, args: d.args, span: d.span, ...(page ? {} : { line: d.line, column: d.column }) }));
    const ours = g.notes.map((n) => ({ ...SAID[n[0]](n), span: { start: n[1], end: n[2] }, ...(page ? {} : { line: n[6], column: n[7] }) }));
    assert.deepEqual(ours, cliNotes, g.name);
    // A page's text is drawn by each side's own HTML reader; a text file's is the same text, with the same findings.
    if (page) continue;
    assert.deepEqual(g.tables, want.report.tables, g.name);
    const others = want.diagnostics.filter((d) => d.code !== 'I001').map((x) => [x.code, x.span.start, x.span.end, x.message]);
    assert.deepEqual(g.findings, others, g.name);
  }
  // Every kind of note is among them, and more than 20 places are summed up in 20 notes.
  const kinds = new Set(got.flatMap((g) => (g.notes ?? []).map((n) => n[0])));
  assert.deepEqual([...kinds].sort(), [0, 1, 2, 3, 4, 5]);
  assert.equal(got.find((g) => g.name === 'stray-30.txt').notes.length, 20);
  assert.deepEqual(problems, []);
  await context.close();
});

