// The reviewer's desk (issue 11), its later parts, in headless Chromium
// against dist/: the batch view, its exports, the last-year panel and the
// Word comments in English from the one catalogue; the last-year panel's
// findings in the checker's own list; a folder dropped on the page (a real,
// trusted drop of a directory); safe fixes as tracked changes in the
// annotated .docx, read back by LibreOffice; the printed findings page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serve, browser, corpus, csvRows, office, openApp } from './lib.mjs';

let site, chrome;
before(async () => { site = await serve(); chrome = await browser(); });
after(async () => { await chrome?.close(); await site?.close(); });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-desk-e2e-'));
const read = (rel) => fs.readFileSync(path.join(corpus, rel), 'utf8');
const CJK = /[\u4e00-\u9fff]/;

async function open({ english = false, init = null } = {}) {
  const { context, page, problems } = await openApp(chrome, site.url, { acceptDownloads: true, init });
  if (english) {
    await page.evaluate(() => localStorage.setItem('nianbao.lang', 'en'));
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
  return { context, page, problems };
}

/** Puts `text` in the editor as a paste would. */
const paste = (page, text) => page.$eval('#report', (a, v) => { a.focus(); a.select(); document.execCommand('insertText', false, v); }, text);
const finished = (page) => page.waitForFunction(() => /已检查 \d+ 份，用时|checked in/.test(document.querySelector('.batch-status')?.textContent ?? ''), null, { timeout: 60_000 });

/** Every text the batch view shows or says (text, labels, placeholders), but the body column (the reports' own words). */
const batchWords = (page) => page.$eval('#batch', (root) => {
  const out = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  // Not the reports' own words (td.body), nor the switch to Chinese, which says so in Chinese (lang="zh-CN").
  for (let n; (n = walk.nextNode());) if (!n.parentElement.closest('td.body, [lang^=zh]') && n.textContent.trim()) out.push(n.textContent);
  for (const e of root.querySelectorAll('[aria-label], [placeholder], [title]')) out.push(...['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a)).filter(Boolean));
  return out;
});

/** A download's bytes. */
async function download(page, click, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(tmp, name ?? d.suggestedFilename());
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

test('English: the batch view, its exports, the last-year panel and the Word comments speak the page\'s language', async () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'en-'));
  const files = ['real/hongze_2023_layout.txt', 'real/hongze_2024_layout.txt'].map((r) => {
    const f = path.join(dir, path.basename(r));
    fs.copyFileSync(path.join(corpus, r), f);
    return f;
  });
  const broken = path.join(dir, 'broken.docx');
  fs.writeFileSync(broken, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 7)]));
  const empty = path.join(dir, 'empty.txt');
  fs.writeFileSync(empty, '');

  const { context, page, problems } = await open({ english: true });
  await page.setInputFiles('.toolbar input[type=file]', [...files, broken, empty]);
  await page.waitForSelector('#batch .batch-table');
  await finished(page);
  const words = await batchWords(page);
  assert.ok(words.some((w) => /^Batch check$/.test(w)) && words.some((w) => /4 checked in/.test(w)), words.join(' | '));
  assert.ok(words.some((w) => /Compared with last year's report: hongze_2023_layout\.txt/.test(w)), words.join(' | '));
  assert.ok(words.includes('The file is empty.'), words.join(' | '));
  assert.deepEqual(words.filter((w) => CJK.test(w)), [], 'no Chinese but the reports\' own words');
  // The body column holds the reports' own words, as written.
  assert.deepEqual(await page.$$eval('#batch td.body', (tds) => tds.map((t) => t.textContent).filter(Boolean).sort()), ['洪泽区人民政府', '淮安市洪泽区人民政府']);

  // Opened from the table, Back says where it goes in English too.
  await page.$$eval('.batch-table button.link', (bs) => bs.find((b) => b.textContent === 'hongze_2024_layout.txt').click());
  await page.waitForFunction(() => !document.getElementById('app').hidden);
  assert.equal(await page.textContent('.batch-back button'), '← Back to the batch (4 reports)', 'as many as it says it checked');
  await page.click('.batch-back button');
  await page.waitForFunction(() => document.getElementById('app').hidden);

  // The summary in English: headers, phrases and why a file was not read; the bodies as written.
  const csv = await download(page, () => page.click('text=Export summary (CSV)'));
  assert.match(csv.name, /^nianbao-summary-\d{4}-\d\d-\d\d\.csv$/);
  const rows = csvRows(fs.readFileSync(csv.file, 'utf8'));
  assert.deepEqual(rows[0], ['\ufeffFile', 'Body', 'Year', 'Errors', 'Warnings', 'Notes', 'Most serious findings', 'Remarks']);
  assert.equal(rows.length, 5, JSON.stringify(rows));
  for (const r of rows.slice(1)) assert.ok(!CJK.test(r.filter((_, i) => i !== 1).join(' ')), JSON.stringify(r));
  const h23 = rows.find((r) => r[0] === 'hongze_2023_layout.txt');
  assert.match(h23[6], /^T001 [A-Za-z].*; A004 [A-Za-z]/, JSON.stringify(h23));
  assert.equal(rows.find((r) => r[0] === 'empty.txt')[7], 'The file is empty.');
  // Which reports were compared with last year's, for whoever the sheet is handed to.
  assert.equal(rows.find((r) => r[0] === 'hongze_2024_layout.txt')[7], "Compared with last year's report: hongze_2023_layout.txt");
  assert.equal(h23[7], '', 'no earlier year in the batch');
  const xlsx = await download(page, () => page.click('text=Export summary (XLSX)'));
  const sheet2 = csvRows(fs.readFileSync(office(xlsx.file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2', tmp), 'utf8'));
  assert.deepEqual(sheet2[0], ['File', 'Body', 'Year', 'Code', 'Severity', 'Cell', 'Line', 'Page', 'Message', 'Suggestion']);
  const a004 = sheet2.find((r) => r[3] === 'A004' && r[0] === 'hongze_2023_layout.txt');
  assert.match(a004[5], /^Table 4 · /);
  assert.equal(a004[7], '', 'a text report has no page');
  assert.equal(a004[8], 'Administrative review: the total is 0, but Upheld 10 + Corrected 1 + Other outcome 0 + Pending 0 = 11');

  // The language is the page's when the export is made, not when the reports
  // were checked; the batch view has the app's switch too.
  assert.equal(await page.textContent('#batch .batch-head button.lang'), await page.$eval('#app button.lang', (b) => b.textContent));
  await page.click('#batch .batch-head button.lang');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.waitForFunction(() => document.querySelector('#batch h2')?.textContent === '批量检查');
  assert.ok(await page.$eval('#app', (a) => a.hidden), 'the batch stays in view');
  assert.match(await page.textContent('.batch-status'), /^已检查 4 份，用时/);
  const zh = csvRows(fs.readFileSync((await download(page, () => page.click('text=导出汇总 CSV'), 'zh.csv')).file, 'utf8'));
  assert.deepEqual(zh[0], ['\ufeff文件', '机关', '年度', '错误', '警告', '提示', '主要问题', '说明']);
  assert.match(zh.find((r) => r[0] === 'hongze_2023_layout.txt')[6], /A004 表四总计错误/);
  assert.equal(zh.find((r) => r[0] === 'empty.txt')[7], '文件是空的。');
  assert.equal(zh.find((r) => r[0] === 'hongze_2024_layout.txt')[7], '已与上年报告对照：hongze_2023_layout.txt');
  // A report opened from the table: its back button follows a switch made in the checker.
  await page.$$eval('.batch-table button.link', (bs) => bs.find((b) => b.textContent === 'hongze_2024_layout.txt').click());
  await page.waitForFunction(() => !document.getElementById('app').hidden);
  assert.equal(await page.textContent('.batch-back button'), '← 返回批量结果（4 份）');
  await page.click('#app button.lang');
  await page.waitForFunction(() => document.querySelector('.batch-back button').textContent === '← Back to the batch (4 reports)');
  await page.click('.batch-back button');
  await page.waitForFunction(() => document.querySelector('#batch h2')?.textContent === 'Batch check');

  // The last-year panel and the Word comments in English.
  await page.click('#batch .batch-head button[data-focus=back]');
  await page.waitForFunction(() => !document.getElementById('app').hidden && document.documentElement.lang === 'en');
  const now = read('real/hongze_2024_layout.txt');
  await paste(page, now);
  await page.click('text=Last year…');
  await page.fill('#years textarea', now.replaceAll('2024', '2023'));
  await page.waitForSelector('#years .years-findings');
  const panel = await page.$eval('#years', (y) => y.innerText);
  assert.match(panel, /Compare with last year \(X001–X003\)/);
  assert.match(panel, /This year: 淮安市洪泽区人民政府 2024\s+Last year: 淮安市洪泽区人民政府 2023/);
  assert.match(panel, /X003 About \d+% of the text is the same as in last year's report: copied\?/);
  assert.match(panel, /Natural persons\t0\t0\tsame/);
  assert.doesNotMatch(panel.replaceAll('淮安市洪泽区人民政府', ''), CJK);
  const word = await download(page, () => page.click('text=Word with comments'));
  assert.match(word.name, /^nianbao-annotated-淮安市洪泽区人民政府-2024\.docx$/);
  const notes = annotations(word.file);
  assert.ok(notes.length > 2 && notes.every((n) => /^\[[A-Z]\d{3} (error|warning|note)\] [A-Z]/.test(n.comment)), JSON.stringify(notes));
  // Chinese only where quoted from the report, naming a document, or in the text a fix would write.
  for (const n of notes) assert.doesNotMatch(n.comment.replace(/“[^”]*”|国办公开办函〔\d+〕\d+号/g, '').replace(/ Suggested: .*$/, ''), CJK, n.comment);
  assert.ok(notes.some((n) => /^\[N001 warning\] The text says 17 applications were received, but Table 3 gives 95 received this year Suggested: 95$/.test(n.comment)), JSON.stringify(notes));
  // Last year's report was given: its findings are commented too.
  assert.ok(notes.some((n) => /^\[X003 warning\] About \d+% of the text/.test(n.comment)), JSON.stringify(notes.map((n) => n.comment)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('对照上年: last year\'s findings join the checker\'s list, in order, select their text, and leave with the panel', async () => {
  const { context, page, problems } = await open();
  const now = read('real/hongze_2024_layout.txt');
  await paste(page, now);
  await page.waitForSelector('#diagnostics [data-code]');
  const codes = () => page.$$eval('#diagnostics [data-code]', (e) => e.map((x) => x.dataset.code));
  const mine = await codes();
  assert.ok(!mine.some((c) => c.startsWith('X')), mine.join());
  const warnings = async () => Number((await page.textContent('#summary')).match(/(\d+) 警告/)?.[1] ?? 0);
  const before = await warnings();

  await page.click('text=对照上年…');
  await page.fill('#years textarea', now.replaceAll('2024', '2023'));
  await page.waitForSelector('#years .years-findings');
  const panel = await page.$$eval('#years .years-findings li', (ls) => ls.map((l) => [l.querySelector('button').textContent, l.textContent.replace(/^\S+\s/, '')]));
  assert.ok(panel.some(([c]) => c === 'X003'), JSON.stringify(panel));
  await page.waitForSelector('#diagnostics [data-code="X003"]');
  // Each of the panel's findings is in the list, with its message, counted with the others.
  for (const [code, message] of panel) assert.equal(await page.textContent(`#diagnostics [data-code="${code}"] .msg`), message);
  assert.equal(await warnings(), before + panel.length);
  assert.match(await page.textContent('.per-rule'), /X003 ×1/);
  // In the list's order: errors, then warnings, then notes.
  const rank = { error: 0, warning: 1, info: 2 };
  const order = await page.$$eval('#diagnostics > li', (ls) => ls.map((l) => ['error', 'warning', 'info'].find((s) => l.classList.contains(s))));
  assert.deepEqual(order.map((s) => rank[s]), [...order.map((s) => rank[s])].sort((a, b) => a - b));
  // A click selects its text in the editor.
  await page.click('#diagnostics [data-code="X003"] .jump');
  assert.match(await page.$eval('#report', (a) => a.value.slice(a.selectionStart, a.selectionEnd)), /一、总体情况/);
  // The JSON export has them too.
  const json = JSON.parse(fs.readFileSync((await download(page, () => page.click('text=导出 JSON'), 'x.json')).file, 'utf8'));
  assert.ok(json.diagnostics.some((d) => d.code === 'X003'), json.diagnostics.map((d) => d.code).join());

  // An edit keeps them (found again on the new text); their places follow it.
  await page.$eval('#report', (a) => { a.focus(); a.setSelectionRange(0, 0); document.execCommand('insertText', false, '\n\n'); });
  await page.waitForFunction(() => document.querySelector('#diagnostics [data-code="X003"]'));
  await page.click('#diagnostics [data-code="X003"] .jump');
  assert.match(await page.$eval('#report', (a) => a.value.slice(a.selectionStart, a.selectionEnd)), /一、总体情况/);

  // English: the same findings, in English.
  await page.click('button.lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => /^About \d+% of the text is the same as in last year's report: copied\?$/.test(document.querySelector('#diagnostics [data-code="X003"] .msg')?.textContent));
  await page.click('button.lang');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');

  // A reload keeps last year's report as it keeps the draft: the panel comes back with it, and its findings.
  await page.reload();
  await page.waitForSelector('#years:not([hidden]) .years-findings');
  assert.equal(await page.$eval('#years textarea', (t) => t.value), now.replaceAll('2024', '2023'));
  await page.waitForSelector('#diagnostics [data-code="X003"]');

  // Closed, they leave; opened again, they come back; emptied, they leave.
  await page.click('#years .batch-head button');
  await page.waitForFunction(() => !document.querySelector('#diagnostics [data-code^="X"]'));
  assert.equal(await warnings(), before);
  await page.click('text=对照上年…');
  await page.waitForSelector('#diagnostics [data-code="X003"]');
  await page.fill('#years textarea', '');
  await page.waitForFunction(() => !document.querySelector('#diagnostics [data-code^="X"]'));
  assert.deepEqual(await codes(), mine);
  // Another body's report is not compared (as the command line's --previous): the panel says so, no X finding.
  await page.fill('#years textarea', read('real/huaian_2024_layout.txt'));
  await page.waitForFunction(() => /未做跨年度检查/.test(document.querySelector('#years')?.textContent));
  await page.waitForTimeout(1000);
  assert.equal(await page.$('#years .years-findings'), null);
  assert.equal(await page.$('#diagnostics [data-code^="X"]'), null);
  await page.fill('#years textarea', '');
  await page.waitForFunction(() => !/未做跨年度检查/.test(document.querySelector('#years')?.textContent));
  // Emptied, nothing is kept: a reload shows no panel.
  await page.reload();
  await page.waitForSelector('#diagnostics [data-code]');
  await page.waitForTimeout(500);
  assert.equal(await page.$('#years:not([hidden])'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a folder dropped on the page: a trusted drop of a directory, walked into a batch', async () => {
  const dir = path.join(fs.mkdtempSync(path.join(tmp, 'drop-')), '年报');
  fs.mkdirSync(path.join(dir, '2024'), { recursive: true });
  fs.copyFileSync(path.join(corpus, 'real/hongze_2023_layout.txt'), path.join(dir, 'hongze_2023_layout.txt'));
  fs.copyFileSync(path.join(corpus, 'real/hongze_2024_layout.txt'), path.join(dir, '2024', 'hongze_2024_layout.txt'));
  fs.writeFileSync(path.join(dir, 'scan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

  // What the page is given, seen before the batch's own listener (which takes the drop) is added.
  const { context, page, problems } = await open({
    init: () => addEventListener('drop', (e) => {
      window.dropped = { trusted: e.isTrusted, entries: [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry()).map((x) => x && [x.name, x.isDirectory]) };
    }, { capture: true }),
  });
  // Chromium's own drag and drop (DevTools Input.dispatchDragEvent) with the folder's path, as a person's drop from a file manager.
  const cdp = await context.newCDPSession(page);
  const data = { items: [], files: [dir], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) await cdp.send('Input.dispatchDragEvent', { type, x: 400, y: 400, data });
  await page.waitForSelector('#batch .batch-table');
  await finished(page);
  assert.deepEqual(await page.evaluate(() => window.dropped), { trusted: true, entries: [['年报', true]] });
  const rows = await page.$$eval('.batch-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.equal(rows.length, 2, JSON.stringify(rows));
  assert.ok(rows.some((r) => r.startsWith('年报/hongze_2023_layout.txt洪泽区人民政府2023')), JSON.stringify(rows));
  assert.ok(rows.some((r) => r.startsWith('年报/2024/hongze_2024_layout.txt淮安市洪泽区人民政府2024') && r.includes('已与上年报告对照：年报/hongze_2023_layout.txt')), JSON.stringify(rows));
  assert.match(await page.textContent('.batch-status'), /已检查 2 份.*另跳过 1 个其他类型的文件/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** LibreOffice's flat XML of a document, its layout whitespace between elements dropped. */
const flat = (file) => fs.readFileSync(office(file, 'fodt', tmp), 'utf8').replace(/>\s+</g, '><');
const strip = (s) => s.replace(/<text:tab\/>/g, '\t').replace(/<text:line-break\/>/g, '\n').replace(/<text:s( text:c="(\d+)")?\/>/g, (_, __, n) => ' '.repeat(Number(n ?? 1)))
  .replace(/<\/text:(p|h)>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A document's comments: the comment's text. */
function annotations(file) {
  const xml = flat(file);
  return [...xml.matchAll(/<office:annotation(?=[\s>])[^>]*>([\s\S]*?)<\/office:annotation>/g)]
    .map((m) => ({ comment: strip(m[1].replace(/<dc:creator>[\s\S]*?<\/dc:creator>|<dc:date>[\s\S]*?<\/dc:date>|<meta:creator-initials>[\s\S]*?<\/meta:creator-initials>/g, '')).trim() }));
}

test('下载批注版: safe fixes as tracked changes that LibreOffice reads back, accepted or rejected', async () => {
  // seeds/003 has a full-width e-mail (C001), doubled punctuation (H003) and bookmark residue (H001), in a .docx as LibreOffice writes it.
  const dir = fs.mkdtempSync(path.join(tmp, 'tracked-'));
  const txt = path.join(dir, 'seed.txt');
  fs.copyFileSync(path.join(corpus, 'seeds/003_d68fabd84de01588.txt'), txt);
  const docx = office(txt, 'docx:MS Word 2007 XML', dir, 'Text (encoded):UTF8,LF,,,');

  const { context, page, problems } = await open();
  await page.setInputFiles('.toolbar input[type=file]', docx);
  await page.waitForFunction(() => document.getElementById('report').value.includes('zz.shandong.cn'));
  const { text, safe } = await page.evaluate(async () => {
    const m = await import('./nianbao.js');
    await m.default();
    const text = document.getElementById('report').value;
    const safe = m.check(text).diagnostics.filter((d) => ['H001', 'H003', 'C001'].includes(d.code) && d.fix != null && d.utf16.end > d.utf16.start)
      .map((d) => ({ code: d.code, start: d.utf16.start, end: d.utf16.end, fix: d.fix }));
    return { text, safe };
  });
  assert.deepEqual([...new Set(safe.map((d) => d.code))].sort(), ['C001', 'H001', 'H003']);
  const annotated = (await download(page, () => page.click('text=下载批注版'), 'tracked.docx')).file;

  const xml = flat(annotated);
  // Each change: its kind (and, as older LibreOffice writes a deletion, its text) in the tracked-changes list…
  const changes = xml.match(/<text:tracked-changes[^>]*>([\s\S]*?)<\/text:tracked-changes>/)?.[1] ?? '';
  const regions = new Map([...changes.matchAll(/<text:changed-region[^>]*text:id="([^"]+)"[^>]*>([\s\S]*?)<\/text:changed-region>/g)]
    .map((m) => [m[1], { kind: /<text:deletion>/.test(m[2]) ? 'deletion' : /<text:insertion>/.test(m[2]) ? 'insertion' : 'other', text: strip(m[2].replace(/<office:change-info>[\s\S]*?<\/office:change-info>/g, '')).replace(/\n$/, '') }]));
  assert.ok(regions.size > 0 && [...regions.values()].every((r) => r.kind !== 'other'), changes.slice(0, 500));
  // …every one by 年报检查…
  assert.ok([...changes.matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].every((m) => m[1] === '年报检查'));
  // …and its place in the text: between change-start and change-end, or a point where older versions deleted.
  const body = xml.slice(xml.indexOf('<office:text'), xml.indexOf('</office:text>')).replace(/<text:tracked-changes[\s\S]*?<\/text:tracked-changes>/, '')
    .replace(/<office:annotation(?=[\s>])[\s\S]*?<\/office:annotation>/g, '').replace(/<office:annotation-end[^>]*\/>/g, '');
  const CHANGE = /<text:change-start text:change-id="([^"]+)"\/>([\s\S]*?)<text:change-end text:change-id="\1"\/>|<text:change text:change-id="([^"]+)"\/>/g;
  const found = [...body.matchAll(CHANGE)].map((m) => ({ kind: regions.get(m[1] ?? m[3])?.kind, text: m[1] ? strip(m[2]) : regions.get(m[3])?.text }));
  const said = (kind) => found.filter((c) => c.kind === kind).map((c) => c.text).join('');
  // Deleted: each safe finding's text, in order; inserted: each fix that is not a deletion, in order.
  assert.equal(said('deletion'), safe.map((d) => text.slice(d.start, d.end)).join(''));
  assert.equal(said('insertion'), safe.map((d) => d.fix).join(''));
  const esc = (t) => t.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
  const resolve = (keep) => strip(body.replace(CHANGE, (_, id, inner, point) => {
    const kind = regions.get(id ?? point)?.kind;
    if (kind !== keep) return '';
    return id ? inner : esc(regions.get(point).text);
  }));
  // Accepted, the text is the one with the fixes applied; rejected, it is the report as it was (spacing aside).
  let fixed = text;
  for (const d of [...safe].reverse()) fixed = fixed.slice(0, d.start) + d.fix + fixed.slice(d.end);
  const squeeze = (s) => s.replace(/\s+/g, '');
  const accepted = resolve('insertion');
  const rejected = resolve('deletion');
  assert.equal(squeeze(accepted), squeeze(fixed));
  assert.equal(squeeze(rejected), squeeze(text));
  // Their comments say so; the others' do not.
  const notes = annotations(annotated);
  assert.equal(notes.filter((n) => n.comment.includes('已作为修订标出')).length, safe.length, JSON.stringify(notes.map((n) => n.comment)));
  assert.match(notes.find((n) => n.comment.startsWith('[C001 警告]')).comment, /建议：gxj3252082@zz\.shandong\.cn（已作为修订标出，可接受或拒绝）$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('打印检查报告: the printed page has the report\'s body, year, file, the date and every finding with its place', async () => {
  const { context, page, problems } = await open();
  await page.setInputFiles('.toolbar input[type=file]', path.join(corpus, 'real/hongze_2023_layout.txt'));
  await page.waitForSelector('#diagnostics [data-group="H001"]');
  const { findings, today } = await page.evaluate(async () => {
    const m = await import('./nianbao.js');
    await m.default();
    const doc = m.check(document.getElementById('report').value);
    return { findings: doc.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column })), today: new Date().toLocaleDateString('zh-CN') };
  });
  // The H001 page numbers are one collapsed group on screen.
  assert.equal(await page.getAttribute('[data-group="H001"] .group-head', 'aria-expanded'), 'false');
  const pdf = path.join(tmp, 'print.pdf');
  await page.pdf({ path: pdf });
  const r = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const printed = r.stdout;
  assert.ok(printed.includes(`检查报告 · 洪泽区人民政府 2023 · hongze_2023_layout.txt · ${today}`), printed.slice(0, 400));
  // Every finding, each with its line and column (the collapsed group's too); nothing of the toolbar or editor.
  assert.equal((printed.match(/第 \d+ 行第 \d+ 列/g) ?? []).length, findings.length, printed);
  for (const f of findings) assert.ok(printed.includes(`第 ${f.line} 行第 ${f.column} 列`), `${f.code} at ${f.line}:${f.column}`);
  assert.equal((printed.match(/文档转换残留（页码）/g) ?? []).length, findings.filter((f) => f.code === 'H001').length);
  assert.doesNotMatch(printed, /打开文件…|展开全部|在此粘贴年报全文/);
  assert.deepEqual(problems, []);
  await context.close();
});
