// The reviewer's desk (issue 11) in headless Chromium against dist/: nine
// corpus reports, a .zip of them (with a nested archive and a name that climbs
// out of it) and a broken file checked as one batch in workers; the table's
// counts against the command line's batch; Hongze's two years paired without a
// false alarm; the summary exported as CSV and XLSX and read back (XLSX by
// LibreOffice); a report opened from the table and Back to where it was; the
// first load untouched; 500 reports timed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { zip } from '../../scripts/zip.mjs';
import { serve, browser, root, corpus, csvRows } from './lib.mjs';

let site, chrome;
before(async () => { site = await serve(); chrome = await browser(); });
after(async () => { await chrome?.close(); await site?.close(); });

const REPORTS = [
  ...fs.readdirSync(path.join(corpus, 'real')).filter((f) => f.endsWith('.txt')).map((f) => `real/${f}`),
  ...fs.readdirSync(path.join(corpus, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => `seeds/${f}`),
].sort();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-batch-e2e-'));


const read = (rel) => fs.readFileSync(path.join(corpus, rel));
const base = (rel) => rel.split('/').pop();

// The command line's batch of the nine reports: the expected counts of each (pairs included).
function expected() {
  const dir = path.join(tmp, 'cli');
  fs.mkdirSync(dir, { recursive: true });
  for (const r of REPORTS) fs.copyFileSync(path.join(corpus, r), path.join(dir, base(r)));
  const out = spawnSync('cargo', ['run', '-q', '--bin', 'nianbao', '--', 'check', dir, '--format', 'jsonl'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const docs = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
  return new Map(docs.map((d) => [base(d.file), { ...d.summary, organ: d.report.organ, year: d.report.year, codes: new Set(d.diagnostics.map((x) => x.code)) }]));
}

async function open() {
  const context = await chrome.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => d.accept());
  await page.goto(site.url);
  await page.waitForSelector('#report');
  return { context, page, problems, requests };
}

/** The table as rows of cell texts, keyed by file name. */
const table = (page) => page.$$eval('.batch-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
const finished = (page) => page.waitForFunction(() => /已检查 \d+ 份，用时|checked in/.test(document.querySelector('.batch-status')?.textContent ?? ''), null, { timeout: 120_000 });

function soffice(file, sheet) {
  const out = path.join(tmp, `csv-${sheet}`);
  fs.mkdirSync(out, { recursive: true });
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--convert-to',
    `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheet}`, '--outdir', out, file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  // Named after the file converted (the folder holds earlier conversions too).
  const stem = path.basename(file).replace(/\.[^.]+$/, '');
  const made = fs.readdirSync(out).find((f) => f.startsWith(stem) && f.endsWith('.csv'));
  return fs.readFileSync(path.join(out, made), 'utf8');
}

test('nine reports, a .zip of them and a broken file: one table, the command line\'s counts, pairs, exports, open and back', async () => {
  const want = expected();
  const files = REPORTS.map((r) => {
    const f = path.join(tmp, base(r));
    fs.copyFileSync(path.join(corpus, r), f);
    return f;
  });
  // An old Word file in the archive, made by LibreOffice: a row that says what to do, not a skip.
  const docDir = path.join(tmp, 'doc');
  fs.mkdirSync(docDir, { recursive: true });
  const made = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--convert-to', 'doc', '--outdir', docDir, files[0]], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const doc = fs.readFileSync(path.join(docDir, fs.readdirSync(docDir).find((f) => f.endsWith('.doc'))));
  const archive = path.join(tmp, '报告.zip');
  fs.writeFileSync(archive, zip([
    ...REPORTS.map((r) => [`年报/${base(r)}`, read(r)]),
    ['inner.zip', zip([['a.txt', Buffer.from('x')]])],
    ['../escape.txt', read(REPORTS[0])],
    ['notes.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ['旧版.doc', doc],
    // A note beside the reports: no report, said so, counted as none.
    ['说明.txt', Buffer.from('本压缩包收录各单位2024年度政府信息公开工作年度报告，请查收。\n')],
    // No zip at all under a .docx name: damaged, as the command line and the single view say, not "no text file".
    ['乱码.docx', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 151 + (i >> 3)) % 256))],
  ]));
  const broken = path.join(tmp, '损坏.docx');
  fs.writeFileSync(broken, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 7)]));

  const { context, page, problems, requests } = await open();
  const loaded = requests.length;
  await page.setInputFiles('.toolbar input[type=file]', [...files, archive, broken]);
  await page.waitForSelector('#batch .batch-table');
  assert.ok(await page.$eval('#app', (a) => a.hidden), 'the checker steps aside for the batch');
  await finished(page);
  // The header's words sit on one line, sortable (buttons) or not (主要问题).
  const tops = await page.$$eval('.batch-table thead th', (ths) => ths.map((t) => {
    const r = document.createRange();
    r.selectNodeContents(document.createTreeWalker(t, NodeFilter.SHOW_TEXT).nextNode());
    return Math.round(r.getBoundingClientRect().top);
  }));
  assert.equal(new Set(tops).size, 1, `the headers' tops: ${tops}`);

  const rows = await table(page);
  // 9 files, 9 zip entries, the nested archive and the climbing name (refused), the old Word file, the note, the noise, the broken file; the image is skipped.
  assert.equal(rows.length, 9 + 9 + 2 + 1 + 1 + 1 + 1, JSON.stringify(rows));
  assert.match(await page.textContent('.batch-status'), /已检查 24 份，用时 [\d.]+ 秒：18 份报告，5 个文件无法读取，1 个文件不像年报（另跳过 1 个其他类型的文件：报告\.zip\/notes\.png）/);
  assert.equal(await page.getAttribute('.batch-skipped', 'title'), '报告.zip/notes.png');
  for (const row of rows) {
    const name = base(row[0]);
    if (!want.has(name)) continue;
    const w = want.get(name);
    assert.deepEqual(row.slice(1, 6), [w.organ ?? '—', String(w.year ?? '—'), String(w.errors), String(w.warnings), String(w.infos)], `${row[0]}: ${row.join(' | ')}`);
  }
  const byName = new Map(rows.map((r) => [r[0], r]));
  assert.match(byName.get('报告.zip/inner.zip')[1], /压缩包中的压缩包不展开/);
  assert.match(byName.get('报告.zip/../escape.txt')[1], /指向压缩包之外/);
  assert.match(byName.get('损坏.docx')[1], /压缩文件，但不是 \.docx|已损坏/);
  assert.match(byName.get('报告.zip/旧版.doc')[1], /旧版 Word 文件（\.doc）/);
  assert.equal(byName.get('报告.zip/乱码.docx')[1], '文件已损坏，无法读取。');
  assert.match(byName.get('报告.zip/说明.txt')[1], /^未识别为政府信息公开工作年度报告/);

  // Hongze 2024 is paired with 2023, and gives no X001/X002 (as on the command line).
  const hongze = await page.$eval('.batch-table tbody tr:nth-child(' + (rows.findIndex((r) => r[0] === 'hongze_2024_layout.txt') + 1) + ')', (tr) => tr.textContent);
  assert.match(hongze, /已与上年报告对照：hongze_2023_layout\.txt/);
  // Its copy in the archive is the same body's report of the same year, and each says so.
  assert.match(hongze, /本批中另有同一机关同一年度的报告：/);
  // All the others are named: the pdftotext reading of the same report, and both copies in the archive.
  const twins = hongze.slice(hongze.indexOf('本批中另有同一机关同一年度的报告：'));
  for (const other of ['hongze_2024_reading_order.txt', '报告.zip/年报/hongze_2024_layout.txt', '报告.zip/年报/hongze_2024_reading_order.txt']) assert.ok(twins.includes(other), twins);
  assert.ok(!want.get('hongze_2024_layout.txt').codes.has('X001') && !want.get('hongze_2024_layout.txt').codes.has('X002'));
  const totals = await page.textContent('.batch-rules');
  assert.doesNotMatch(totals, /X001|X002/);
  // Totals per rule: each rule with the number of reports that have it (both copies of each report count).
  const reportsWith = (code) => 2 * [...want.values()].filter((w) => w.codes.has(code)).length;
  for (const code of ['A004', 'S003']) {
    if (reportsWith(code)) assert.match(totals, new RegExp(`${code} [^：]+：${reportsWith(code)} 份报告`), totals);
  }

  // 只看有错误、无法读取或不像年报的 (such files need the reviewer too), and sorting by errors.
  await page.check('.batch-filters input[type=checkbox]');
  const withErrors = await table(page);
  // Not read (5), or no report (the note): each needs the reviewer's eye.
  const unread = rows.filter((r) => r.length === 2).length;
  assert.equal(unread, 6);
  assert.equal(withErrors.length, [...want.values()].filter((w) => w.errors > 0).length * 2 + unread, JSON.stringify(withErrors));
  assert.equal(withErrors.filter((r) => r.length === 2).length, unread);
  assert.ok((await page.textContent('.batch-filters')).includes(`（显示 ${withErrors.length} 行）`), 'how many rows the filter leaves');
  await page.uncheck('.batch-filters input[type=checkbox]');
  await page.click('th:nth-child(4) button.sort');
  const sorted = (await table(page)).filter((r) => r.length > 2).map((r) => Number(r[3]));
  assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a));

  // Exports: CSV with BOM, XLSX read back by LibreOffice.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=导出汇总 CSV')]);
  assert.match(csv.suggestedFilename(), /^年报检查汇总-\d{4}-\d\d-\d\d\.csv$/);
  const csvPath = path.join(tmp, 'summary.csv');
  await csv.saveAs(csvPath);
  const csvText = fs.readFileSync(csvPath, 'utf8');
  assert.ok(csvText.startsWith('\ufeff文件,机关,年度,错误,警告,提示,主要问题,说明'), csvText.slice(0, 80));
  const csvLines = csvText.trim().split('\r\n');
  assert.equal(csvLines.length, 1 + 24);
  assert.ok(csvLines.some((l) => /^报告\.zip\/说明\.txt,,,,,,,未识别为政府信息公开工作年度报告/.test(l)), csvText);
  const w23 = want.get('hongze_2023_layout.txt');
  assert.ok(csvLines.some((l) => l.startsWith(`hongze_2023_layout.txt,${w23.organ},${w23.year},${w23.errors},${w23.warnings},${w23.infos},`)), csvText);
  assert.ok(csvLines.some((l) => /^损坏\.docx,,,,,,,/.test(l)), csvText);
  assert.ok(csvLines.some((l) => l.startsWith('hongze_2023_layout.txt,') && l.endsWith(',本批中另有同一机关同一年度的报告：报告.zip/年报/hongze_2023_layout.txt')), csvText);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('text=导出汇总 XLSX')]);
  assert.match(xlsx.suggestedFilename(), /^年报检查汇总-\d{4}-\d\d-\d\d\.xlsx$/);
  const xlsxPath = path.join(tmp, 'summary.xlsx');
  await xlsx.saveAs(xlsxPath);
  const sheet1 = soffice(xlsxPath, 1).trim().split('\n');
  assert.equal(sheet1.length, 1 + 24, sheet1.join('\n'));
  assert.ok(sheet1.some((l) => l.startsWith(`hongze_2023_layout.txt,${w23.organ},${w23.year},${w23.errors},${w23.warnings},${w23.infos},`)), sheet1.join('\n'));
  assert.ok(sheet1.some((l) => l.startsWith('hongze_2023_layout.txt,') && l.endsWith(',本批中另有同一机关同一年度的报告：报告.zip/年报/hongze_2023_layout.txt')), sheet1.join('\n'));
  const sheet2 = csvRows(soffice(xlsxPath, 2));
  assert.deepEqual(sheet2[0], ['文件', '机关', '年度', '代码', '级别', '单元格', '行号', '页码', '问题', '建议']);
  const findings = 2 * [...want.values()].reduce((n, w) => n + w.errors + w.warnings + w.infos, 0);
  assert.equal(sheet2.length - 1, findings, 'one row per finding of every report (and none for the note)');
  const a004 = sheet2.find((r) => r[3] === 'A004' && r[0] === 'hongze_2023_layout.txt');
  assert.ok(a004 && a004[4] === '错误' && a004[5].startsWith('表四 · ') && Number(a004[6]) > 0 && a004[7] === '' && /总计为 0/.test(a004[8]) && a004[9] === '11', JSON.stringify(a004));

  // Open a report from the table; Back returns to the table where it was.
  await page.evaluate(() => window.scrollTo(0, 300));
  const scrolled = await page.evaluate(() => window.scrollY);
  // Clicked where it is (a pointer click would scroll to it first).
  await page.$$eval('.batch-table button.link', (bs) => bs.find((b) => b.textContent === 'hongze_2023_layout.txt').click());
  await page.waitForFunction(() => !document.getElementById('app').hidden && document.getElementById('batch').hidden);
  await page.waitForFunction((v) => document.querySelector('#report').value === v, read('real/hongze_2023_layout.txt').toString('utf8'));
  assert.match(await page.textContent('.nianbao'), /hongze_2023_layout\.txt/, 'the file name shows above the editor');
  assert.equal(await page.$$eval('#diagnostics [data-code]', (e) => e.length) > 0, true);
  await page.click('.batch-back button');
  await page.waitForFunction(() => document.getElementById('app').hidden && !document.getElementById('batch').hidden);
  assert.equal(await page.evaluate(() => window.scrollY), scrolled);
  assert.equal(await page.$eval('tr.last-opened th', (th) => th.textContent), 'hongze_2023_layout.txt');
  // The browser's own Back (a phone's back gesture) does the same, and stays on the page.
  const here = page.url();
  await page.$$eval('.batch-table button.link', (bs) => bs.find((b) => b.textContent === 'hongze_2023_layout.txt').click());
  await page.waitForFunction(() => !document.getElementById('app').hidden && document.getElementById('batch').hidden);
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('app').hidden && !document.getElementById('batch').hidden);
  assert.equal(page.url(), here);
  assert.equal(await page.evaluate(() => window.scrollY), scrolled);
  // Back from the table returns to the single check, on the page, and the batch is still there.
  await page.goBack();
  await page.waitForFunction(() => !document.getElementById('app').hidden && document.getElementById('batch').hidden);
  assert.equal(page.url(), here);
  await page.click('button:has-text("批量检查…")');
  await page.waitForFunction(() => document.getElementById('app').hidden && !document.getElementById('batch').hidden);
  assert.equal((await table(page)).length, rows.length, 'the batch is kept');
  // 返回单份检查 does the same as Back; Forward shows the batch again.
  await page.click('#batch button[data-focus="back"]');
  await page.waitForFunction(() => !document.getElementById('app').hidden && document.getElementById('batch').hidden);
  await page.goForward();
  await page.waitForFunction(() => document.getElementById('app').hidden && !document.getElementById('batch').hidden);

  // Nothing left the page: every request went to the site, and the first load fetched no batch file.
  assert.ok(requests.every((u) => u.startsWith(site.url) || u.startsWith('blob:')), requests.join('\n'));
  assert.ok(!requests.slice(0, loaded).some((u) => u.includes('/batch/')), 'the batch is not part of the first load');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a pair in the browser\'s batch gives the command line\'s summary: both sheets, the cross-year findings with their lines, in place', async () => {
  // Huai'an 2024, and a copy of it as 2025 (copied tables and text: X002, X003).
  const dir = path.join(tmp, 'pair');
  fs.mkdirSync(dir, { recursive: true });
  const names = ['a_huaian_2025.txt', 'huaian_2024_layout.txt'];
  fs.writeFileSync(path.join(dir, names[0]), read('real/huaian_2024_layout.txt').toString('utf8').replaceAll('2024', '2025'));
  fs.copyFileSync(path.join(corpus, 'real/huaian_2024_layout.txt'), path.join(dir, names[1]));
  const cli = path.join(tmp, 'pair-cli.xlsx');
  const ran = spawnSync('cargo', ['run', '-q', '--manifest-path', path.join(root, 'Cargo.toml'), '--bin', 'nianbao', '--', 'check', ...names, '--summary', 'xlsx', cli], { cwd: dir, encoding: 'utf8' });
  assert.ok(fs.existsSync(cli), ran.stderr);

  const { context, page, problems } = await open();
  await page.setInputFiles('.toolbar input[type=file]', names.map((n) => path.join(dir, n)));
  await page.waitForSelector('#batch .batch-table');
  await finished(page);
  await page.waitForFunction(() => /已与上年报告对照/.test(document.querySelector('.batch-table')?.textContent ?? ''));
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('text=导出汇总 XLSX')]);
  const web = path.join(tmp, 'pair-web.xlsx');
  await xlsx.saveAs(web);
  for (const sheet of [1, 2]) assert.deepEqual(csvRows(soffice(web, sheet)), csvRows(soffice(cli, sheet)), `sheet ${sheet}`);
  const found = csvRows(soffice(web, 2)).filter((r) => /^X00[23]$/.test(r[3]));
  assert.equal(found.length, 2, JSON.stringify(found));
  assert.ok(found.every((r) => Number(r[6]) > 0), 'each cross-year finding has its line');

  // Opened from the table, the report compared with last year's opens beside it (对照上年):
  // the checker lists the table's cross-year findings, and its JSON export has them.
  await page.$$eval('.batch-table button.link', (bs, name) => bs.find((b) => b.textContent === name).click(), names[0]);
  await page.waitForFunction(() => !document.getElementById('app').hidden && document.getElementById('years') && !document.getElementById('years').hidden);
  await page.waitForFunction(() => ['X002', 'X003'].every((c) => document.querySelector(`#diagnostics [data-code="${c}"]`)), null, { timeout: 30_000 });
  assert.equal(await page.$eval('#years textarea', (t) => t.value), read('real/huaian_2024_layout.txt').toString('utf8'));
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 JSON')]);
  const saved = path.join(tmp, 'pair-opened.json');
  await json.saveAs(saved);
  const doc = JSON.parse(fs.readFileSync(saved, 'utf8'));
  const table2 = csvRows(soffice(web, 2)).filter((r) => r[0] === names[0] && r[3].startsWith('X')).map((r) => r[3]).sort();
  assert.deepEqual(doc.diagnostics.filter((d) => d.code.startsWith('X')).map((d) => d.code).sort(), table2, 'the batch\'s cross-year findings');
  assert.ok(table2.includes('X002') && table2.includes('X003'), table2.join());
  // Back to the table, then last year's report itself: compared with nothing, it opens without the panel.
  await page.click('.batch-back button');
  await page.waitForFunction(() => document.getElementById('app').hidden && document.getElementById('years').hidden);
  await page.$$eval('.batch-table button.link', (bs) => bs.find((b) => b.textContent === 'huaian_2024_layout.txt').click());
  await page.waitForFunction(() => !document.getElementById('app').hidden);
  await page.waitForFunction((v) => document.querySelector('#report').value === v, read('real/huaian_2024_layout.txt').toString('utf8'));
  assert.ok(await page.$eval('#years', (y) => y.hidden), 'no panel beside a report compared with nothing');
  assert.ok(!(await page.$$eval('#diagnostics [data-code]', (e) => e.map((x) => x.dataset.code))).some((c) => c.startsWith('X')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unreadable file in English, and 500 reports summarised on this machine\'s cores', async () => {
  const { context, page, problems } = await open();
  await page.evaluate(() => localStorage.setItem('nianbao.lang', 'en'));
  await page.reload();
  await page.waitForSelector('#report');
  const many = [];
  for (let i = 0; many.length < 500; i++) for (const r of REPORTS) if (many.length < 500) many.push([`${String(i).padStart(3, '0')}/${base(r)}`, read(r)]);
  const archive = path.join(tmp, 'many.zip');
  // A failed download saved under a PDF's name is a damaged PDF, not a report with findings.
  const page404 = Buffer.from('<!DOCTYPE html><html><body><h1>页面不存在</h1></body></html>');
  // Markdown, as converters write it: a report, and a folder's README that is none; Word's lock file is skipped.
  const markdown = [['report.md', read(REPORTS[0])], ['README.md', Buffer.from('# Reports\n\nDownloaded from the portals in January.\n')], ['~$report.docx', Buffer.from('lock')]];
  fs.writeFileSync(archive, zip([...many, ['empty.txt', Buffer.alloc(0)], ['404.pdf', page404], ...markdown]));
  const t0 = Date.now();
  await page.setInputFiles('.toolbar input[type=file]', [archive]);
  await page.waitForSelector('#batch .batch-table');
  await finished(page);
  const ms = Date.now() - t0;
  const status = await page.textContent('.batch-status');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  console.log(`500 reports summarised in ${(ms / 1000).toFixed(1)} s (page: ${status.trim()}), ${cores} cores`);
  assert.match(status, /504 checked in [\d.]+ s: 501 reports, 2 files not read, 1 file that is not a report/);
  const rows = await table(page);
  assert.equal(rows.length, 504);
  assert.match(rows.find((r) => r[0] === 'many.zip/README.md')[1], /^Not recognised as a government information disclosure annual report/);
  assert.ok(rows.find((r) => r[0] === 'many.zip/report.md').length > 2, 'a report in Markdown is checked');
  assert.match(rows.find((r) => r[0].endsWith('empty.txt'))[1], /The file is empty/);
  assert.match(rows.find((r) => r[0].endsWith('404.pdf'))[1], /PDF/);
  assert.equal(rows.find((r) => r[0].endsWith('404.pdf')).length, 2, 'a row that says why, no counts');
  assert.ok(ms < 30_000, `500 reports took ${ms} ms`);
  // 取消 stops a batch under way: what was not checked says so, and a new batch runs to its end.
  await page.click('text=Clear the list');
  await page.setInputFiles('#batch input[type=file]:not([webkitdirectory])', [archive]);
  // Cancelled once two folders of the archive are likely checked: those stay, and are paired as a finished batch's are.
  await page.waitForFunction(() => /^([2-9]\d|[1-9]\d\d+) of 504 checked/.test(document.querySelector('.batch-status')?.textContent ?? ''));
  await page.click('#batch button.danger');
  await page.waitForFunction(() => /Cancelled/.test(document.querySelector('.batch-status')?.textContent ?? ''));
  let after = await table(page);
  const cancelled = after.filter((r) => r[1] === 'Cancelled').length;
  assert.ok(cancelled > 0 && cancelled < 504, `${cancelled} cancelled`);
  // The status and the bar say how far it got, not a full bar.
  assert.match(await page.textContent('.batch-status'), new RegExp(`^Cancelled: ${504 - cancelled} of 504 checked`));
  assert.equal(await page.$eval('.batch-progress progress', (p) => p.value), 504 - cancelled);
  const checked = (name) => after.filter((r) => r.length > 2 && r[0].endsWith(`/${name}`));
  if (checked('hongze_2023_layout.txt').length && checked('hongze_2024_layout.txt').length) {
    await page.waitForFunction(() => /Compared with last year's report/.test(document.querySelector('.batch-table')?.textContent ?? ''));
    after = await table(page);
    assert.ok(checked('hongze_2024_layout.txt').every((r) => /Compared with last year's report: .*hongze_2023_layout\.txt/.test(r[6])), JSON.stringify(checked('hongze_2024_layout.txt')));
  } else console.log('cancelled before both Hongze years were checked: their pairing not asserted');
  await page.setInputFiles('#batch input[type=file]:not([webkitdirectory])', [path.join(corpus, 'real/huaian_2024_layout.txt')]);
  await finished(page);
  assert.match(await page.textContent('.batch-status'), /505 checked in/);
  // The same file chosen again is not listed twice (the command line checks a file given twice once), and the status says so.
  await page.setInputFiles('#batch input[type=file]:not([webkitdirectory])', [path.join(corpus, 'real/huaian_2024_layout.txt')]);
  await page.waitForFunction(() => /1 file was in the list already: not added again/.test(document.querySelector('.batch-status')?.textContent ?? ''));
  assert.equal((await table(page)).length, 505);
  assert.deepEqual(problems, []);
  await context.close();
});

test('PDFs that cannot be read, among others read at once: each says why, and every other PDF of the batch is read', async () => {
  const { context, page, problems } = await open();
  const fixtures = path.join(root, 'target/pdf-fixtures');
  const damaged = path.join(tmp, 'damaged.pdf');
  fs.writeFileSync(damaged, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]));
  // Each fault restarts the reader: a PDF sent to the stopped one is sent again, not left waiting.
  const empty = path.join(tmp, 'no-pages.pdf');
  fs.writeFileSync(empty, '%PDF-1.4\n%%EOF\n');
  // Encrypted without an open password (enc_aes256): read as any other.
  const files = [damaged, path.join(fixtures, 'enc_password.pdf'), path.join(corpus, 'real/pdf/hongze_qu_2024.pdf'), empty,
    path.join(fixtures, 'enc_aes256.pdf'), path.join(corpus, 'real/pdf/huaian_shi_2024.pdf'), path.join(fixtures, 'scan.pdf'),
    path.join(corpus, 'real/pdf/hongze_qu_2023.pdf')];
  await page.setInputFiles('.toolbar input[type=file]', files);
  await page.waitForSelector('#batch .batch-table');
  await finished(page);
  const rows = await table(page);
  assert.match(await page.textContent('.batch-status'), /已检查 8 份，用时 [\d.]+ 秒：4 份报告，4 个文件无法读取/, JSON.stringify(rows));
  const row = (name) => rows.find((r) => r[0] === name);
  assert.match(row('damaged.pdf')[1], /已损坏/);
  assert.match(row('enc_password.pdf')[1], /密码/);
  assert.match(row('no-pages.pdf')[1], /PDF/);
  assert.match(row('scan.pdf')[1], /扫描件/);
  for (const f of ['hongze_qu_2024.pdf', 'enc_aes256.pdf', 'huaian_shi_2024.pdf', 'hongze_qu_2023.pdf']) assert.ok(row(f).length > 2, `${f}: ${row(f)}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a report whose own years disagree (S009) is nobody\'s last year: the correct report beside it gets no cross-year findings', async () => {
  const { context, page, problems } = await open();
  const report = read('real/huaian_2024_layout.txt').toString('utf8');
  const right = path.join(tmp, 'huaian_2024.txt');
  const wrong = path.join(tmp, 'huaian_2024_mistyped.txt');
  fs.writeFileSync(right, report);
  fs.writeFileSync(wrong, report.replace('2024 年政府信息公开工作年度报告', '2023 年政府信息公开工作年度报告'));
  await page.setInputFiles('.toolbar input[type=file]', [right, wrong]);
  await page.waitForSelector('#batch .batch-table');
  await finished(page);
  const rows = await table(page);
  const row = (name) => rows.find((r) => r[0] === name);
  assert.deepEqual(row('huaian_2024.txt').slice(1, 6), ['淮安市人民政府', '2024', '0', '0', '6'], JSON.stringify(rows));
  assert.match(row('huaian_2024_mistyped.txt')[6], /S009/);
  assert.doesNotMatch(JSON.stringify(rows), /已与上年报告对照|X00[123]|另有同一机关同一年度/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('对照上年: last year beside this year — table 三 carried in and out, X001–X003 from the command line\'s rules', async () => {
  const { context, page, problems } = await open();
  const now = read('real/hongze_2024_layout.txt').toString('utf8');
  await page.$eval('#report', (a, v) => { a.focus(); a.select(); document.execCommand('insertText', false, v); }, now);
  await page.click('text=对照上年…');
  await page.waitForSelector('#years textarea');
  // Hongze's real 2023 report: one body (its name gained its city), consecutive years, the carry-over continues.
  await page.fill('#years textarea', read('real/hongze_2023_layout.txt').toString('utf8'));
  await page.waitForSelector('#years .years-table');
  const text = await page.textContent('#years');
  assert.match(text, /本年：淮安市洪泽区人民政府 2024　上年：洪泽区人民政府 2023/);
  assert.doesNotMatch(text, /不像同一机关相邻两年/);
  const rows = await page.$$eval('#years .years-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, 7, JSON.stringify(rows));
  assert.equal(rows[0][0], '自然人');
  assert.ok(rows.every((r) => r[3] === '一致'), JSON.stringify(rows));
  assert.match(text, /未发现跨年问题/);
  // The same year twice, and the two the wrong way round: said as such.
  await page.fill('#years textarea', now);
  await page.waitForFunction(() => /两份报告都是 2024 年度的，上年报告应为 2023 年度/.test(document.querySelector('#years').textContent));
  await page.fill('#years textarea', now.replaceAll('2024', '2025'));
  await page.waitForFunction(() => /“上年报告”是 2025 年度的，晚于编辑框中的 2024 年度/.test(document.querySelector('#years').textContent));
  // Last year's tables and text copied: X002 and X003, as the command line says; a finding selects its place.
  await page.fill('#years textarea', now.replaceAll('2024', '2023'));
  await page.waitForSelector('#years .years-findings');
  const codes = await page.$$eval('#years .years-findings button', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(codes.filter((c) => c !== 'X001'), ['X002', 'X003']);
  await page.click('#years .years-findings button >> text=X003');
  const sel = await page.$eval('#report', (a) => a.value.slice(a.selectionStart, a.selectionEnd));
  assert.match(sel, /一、总体情况/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** LibreOffice's flat XML of a document: its annotations (comment text and the text each is anchored at) and its plain text. */
function annotations(file) {
  const out = path.join(tmp, `fodt-${path.basename(file)}`);
  fs.mkdirSync(out, { recursive: true });
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--convert-to', 'fodt', '--outdir', out, file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  // The flat XML is indented: whitespace between elements is layout, not text.
  const xml = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.fodt'))), 'utf8').replace(/>\s+</g, '><');
  const strip = (s) => s.replace(/<text:tab\/>/g, '\t').replace(/<text:s( text:c="(\d+)")?\/>/g, (_, __, n) => ' '.repeat(Number(n ?? 1))).replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const notes = [];
  const re = /<office:annotation(?=[\s>])([^>]*)>([\s\S]*?)<\/office:annotation>/g;
  for (let m; (m = re.exec(xml));) {
    const name = /office:name="([^"]*)"/.exec(m[1])?.[1];
    const comment = strip(m[2].replace(/<dc:creator>[\s\S]*?<\/dc:creator>|<dc:date>[\s\S]*?<\/dc:date>|<meta:creator-initials>[\s\S]*?<\/meta:creator-initials>/g, ''));
    let anchored = null;
    if (name) {
      const end = xml.indexOf(`<office:annotation-end office:name="${name}"/>`, re.lastIndex);
      if (end >= 0) anchored = strip(xml.slice(re.lastIndex, end));
    }
    notes.push({ comment, anchored });
  }
  return notes;
}

test('下载批注版: the findings back into Word as comments at their text — the same .docx, and a new one for pasted text', async () => {
  // A .docx as LibreOffice writes it from a corpus report.
  const made = path.join(tmp, 'docx-src');
  fs.mkdirSync(made, { recursive: true });
  fs.copyFileSync(path.join(corpus, 'real/hongze_2023_layout.txt'), path.join(made, 'hongze.txt'));
  const conv = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--infilter=Text (encoded):UTF8,LF,,,', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', made, path.join(made, 'hongze.txt')], { encoding: 'utf8' });
  assert.equal(conv.status, 0, conv.stderr);
  const docx = path.join(made, 'hongze.docx');

  const { context, page, problems } = await open();
  await page.setInputFiles('.toolbar input[type=file]', docx);
  await page.waitForFunction(() => document.getElementById('report').value.includes('洪泽区人民政府'));
  const count = () => page.evaluate(async () => { const m = await import('./nianbao.js'); await m.default(); return m.check(document.getElementById('report').value).diagnostics.length; });
  const findings = await count();
  assert.ok(findings > 5, String(findings));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=下载批注版')]);
  assert.equal(download.suggestedFilename(), '年报检查批注-hongze.docx');
  const annotated = path.join(tmp, '年报检查批注-hongze.docx');
  await download.saveAs(annotated);
  const notes = annotations(annotated);
  assert.equal(notes.length, findings, 'one comment per finding');
  const a004 = notes.find((n) => n.comment.startsWith('[A004 错误]'));
  assert.ok(a004, JSON.stringify(notes.slice(0, 3)));
  assert.match(a004.comment, /行政复议总计为 0.*建议：11/);
  assert.equal(a004.anchored, '0', 'anchored at the cell it is about');
  // The same document: its text is unchanged.
  const plain = (f) => {
    const out = path.join(tmp, `txt-${path.basename(f)}`);
    fs.mkdirSync(out, { recursive: true });
    spawnSync('soffice', [`-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, f]);
    return fs.readFileSync(path.join(out, fs.readdirSync(out)[0]), 'utf8');
  };
  assert.equal(plain(annotated), plain(docx));

  // Pasted text: a new .docx of it, with the comments.
  await page.$eval('#report', (a, v) => { a.focus(); a.select(); document.execCommand('insertText', false, v); }, read('seeds/001_790cad3f7e066faa.txt').toString('utf8'));
  await page.waitForFunction(() => !document.getElementById('report').value.includes('洪泽区人民政府'));
  const pasted = await count();
  // The .docx opened before is no longer the editor's text: she is asked before a new document is made.
  // (`open` accepts every dialog.)
  // Within a minute, or the test fails saying so (a bare promise would wait for ever).
  const asked = Promise.race([
    new Promise((resolve) => page.once('dialog', (d) => resolve(d.message()))),
    new Promise((resolve) => setTimeout(() => resolve('no question was asked within 60 s'), 60_000).unref()),
  ]);
  const [second] = await Promise.all([page.waitForEvent('download'), page.click('text=下载批注版')]);
  assert.match(await asked, /已不同.*新文档，不带原文档的格式/);
  assert.match(second.suggestedFilename(), /^年报检查批注-淄博高新技术产业开发区建设局-2023\.docx$/);
  const fresh = path.join(tmp, 'fresh.docx');
  await second.saveAs(fresh);
  const freshNotes = annotations(fresh);
  assert.equal(freshNotes.length, pasted);
  assert.ok(freshNotes.every((n) => /^\[[A-Z]\d{3} (错误|警告|提示)\]/.test(n.comment)), JSON.stringify(freshNotes.slice(0, 2)));

  // Pasted text with page breaks (form feeds, which XML cannot hold): each comment still holds exactly its finding's text.
  const paged = read('real/hongze_2023_layout.txt').toString('utf8');
  assert.ok(paged.includes('\f'));
  await page.$eval('#report', (a, v) => { a.focus(); a.select(); document.execCommand('insertText', false, v); }, paged);
  await page.waitForFunction(() => document.getElementById('report').value.includes('洪泽区人民政府'));
  await count();
  const [third] = await Promise.all([page.waitForEvent('download'), page.click('text=下载批注版')]);
  const pagedFile = path.join(tmp, 'paged.docx');
  await third.saveAs(pagedFile);
  const want = await page.evaluate(async (t) => {
    const m = await import('./nianbao.js');
    await m.default();
    return m.check(t).diagnostics.map((d) => t.slice(d.utf16.start, d.utf16.end));
  }, paged);
  const got = annotations(pagedFile).map((n) => n.anchored);
  assert.equal(got.length, want.length);
  // (Comments come in the document's order; compared as a multiset.)
  const single = want.filter((w) => w.trim() && !/[\n\f]/.test(w)).map((w) => w.trim());
  assert.ok(single.length >= 5, `${single.length} findings on one line`);
  const left = got.map((g) => (g ?? '').trim());
  for (const w of single) {
    const k = left.indexOf(w);
    assert.ok(k >= 0, `no comment holds exactly “${w}”: ${JSON.stringify(left)}`);
    left.splice(k, 1);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a phone: the batch is one column of cards, nothing off-screen; the empty view says only what it should', async () => {
  const context = await chrome.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  await page.goto(site.url);
  await page.waitForSelector('#report');
  await page.click('text=批量检查…');
  await page.waitForSelector('#batch .batch-head');
  // Nothing added yet: the hint, and no stray "null" where the table will be.
  const empty = await page.textContent('#batch');
  assert.match(empty, /还没有报告/);
  assert.doesNotMatch(empty, /null|undefined/);
  assert.ok(await page.$eval('#batch button[data-focus="csv"]', (b) => b.disabled && getComputedStyle(b).opacity < 1), 'a disabled export looks disabled');
  const files = REPORTS.slice(0, 5).map((r) => {
    const f = path.join(tmp, `phone-${base(r)}`);
    fs.copyFileSync(path.join(corpus, r), f);
    return f;
  });
  // Two copies of one report under long names without spaces: each names the other, within the card.
  for (const n of ['huaian_municipal_government_information_disclosure_annual_report_2024_final_version.txt', '淮安市人民政府2024年度政府信息公开工作年度报告_经主要负责同志审签后的最终版本.txt']) {
    const f = path.join(tmp, n);
    fs.copyFileSync(path.join(corpus, 'real/huaian_2024_layout.txt'), f);
    files.push(f);
  }
  await page.setInputFiles('#batch .toolbar input[type=file]', files);
  await finished(page);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'nothing off-screen');
  // The body's name reads on one or two lines, not one character a line.
  const organ = await page.$eval('.batch-table td.body', (e) => e.getBoundingClientRect().width);
  assert.ok(organ >= 250, `body cell ${organ}px wide`);
  // Each number is named on the card.
  const named = await page.$eval('.batch-table tbody td[data-label]', (e) => getComputedStyle(e, '::before').content);
  assert.match(named, /年度|错误/);
  await page.screenshot({ path: path.join(root, 'target', 'e2e', 'batch-phone.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});
