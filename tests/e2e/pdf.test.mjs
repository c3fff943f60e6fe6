// PDFs in the browser: the JavaScript API's checkPdf() on the API demo page
// (strict CSP), and the app's file button and drag-and-drop. The reader is a
// second wasm module in a Web Worker, fetched from this origin only when a PDF
// is opened; its findings must equal the command line's, page for page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serve, browser, root, pinned, csvRows, office } from './lib.mjs';

const REAL = ['hongze_qu_2023.pdf', 'hongze_qu_2024.pdf', 'huaian_shi_2024.pdf'].map((f) => path.join(root, 'tests/corpus/real/pdf', f));
const FIXTURES = path.join(root, 'target/pdf-fixtures');

let site, chrome;
before(async () => { site = await serve(); chrome = await browser(); });
after(async () => { await chrome?.close(); await site?.close(); });

/** The command line's findings for a PDF: code, cell and page. */
function cli(file) {
  const r = spawnSync('cargo', ['run', '-q', '--bin', 'nianbao', '--', 'check', file, '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.ok(r.stdout, r.stderr);
  return JSON.parse(r.stdout);
}
const key = (d) => `${d.code} ${d.cell?.table ?? ''}.${d.cell?.row ?? ''}.${d.cell?.column ?? ''} p${d.page} ${d.span.start}-${d.span.end}`;

async function open(url) {
  const context = await chrome.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${m.type()}: ${m.text()}`); });
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(site.url + url);
  return { context, page, problems, requests };
}

test('checkPdf: the real PDFs give the findings of the command line, with page and box', async () => {
  const { context, page, problems, requests } = await open('demo/api.html');
  await page.waitForSelector('body[data-ready="true"]');
  const before = requests.length;
  for (const file of REAL) {
    const bytes = fs.readFileSync(file).toString('base64');
    const got = await page.evaluate(async (b64) => {
      const m = await import('../nianbao.js');
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      return m.checkPdf(bytes);
    }, bytes);
    const want = cli(file);
    assert.deepEqual(got.diagnostics.map(key), want.diagnostics.map(key), path.basename(file));
    assert.deepEqual(got.report.tables, want.report.tables, path.basename(file));
    assert.equal(got.report.source.kind, 'pdf');
    assert.equal(got.report.source.pages, want.report.source.pages);
    assert.equal(got.report.source.page_boxes.length, got.report.source.pages);
    for (const d of got.diagnostics) assert.ok(d.page >= 1 && d.box && d.box.w >= 0, JSON.stringify(d));
    // init() loaded the English catalogue: the API's findings are the CLI's, in both languages.
    assert.deepEqual(got.diagnostics.map((d) => [d.key, d.message, d.message_en]), want.diagnostics.map((d) => [d.key, d.message, d.message_en]), path.basename(file));
    assert.equal(typeof got.text, 'string');
  }
  // Nothing but the lazy module, its glue, worker and client, from this origin.
  const later = requests.slice(before);
  assert.ok(later.length > 0 && later.every((u) => u.startsWith(site.url + 'pdf/') || u.startsWith('blob:' + site.url)), later.join('\n'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('checkPdf: a password, a scan and a damaged file reject with their sentence', async () => {
  const { context, page, problems } = await open('demo/api.html');
  await page.waitForSelector('body[data-ready="true"]');
  const cases = [
    ['enc_password.pdf', 'password', '密码'],
    ['scan.pdf', 'scan', '这是扫描件，没有文字层；请使用有文字的 PDF 或先做文字识别。'],
  ];
  for (const [file, code, sentence] of cases) {
    const b64 = fs.readFileSync(path.join(FIXTURES, file)).toString('base64');
    const err = await page.evaluate(async (b64) => {
      const m = await import('../nianbao.js');
      try { await m.checkPdf(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))); return null; } catch (e) { return { code: e.code, message: e.message }; }
    }, b64);
    assert.equal(err?.code, code, file);
    assert.ok(err.message.includes(sentence), err.message);
  }
  const broken = '%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF';
  const damaged = await page.evaluate(async (broken) => {
    const m = await import('../nianbao.js');
    try { await m.checkPdf(new TextEncoder().encode(broken)); return null; } catch (e) { return { code: e.code, zh: e.zh, en: e.en }; }
  }, broken);
  assert.equal(damaged?.code, 'damaged');
  // The sentence says what the reader found, in the command line's words.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-pdf-')), 'broken.pdf');
  fs.writeFileSync(file, broken);
  const cli = spawnSync('cargo', ['run', '-q', '--bin', 'nianbao', '--', 'check', file], { cwd: root, encoding: 'utf8' });
  const detail = (s) => s.match(/此 PDF 已损坏，无法读取（读取器报告：(.+)）。/)?.[1];
  assert.ok(detail(cli.stderr), cli.stderr);
  assert.equal(detail(damaged.zh), detail(cli.stderr), damaged.zh);
  assert.ok(damaged.en.endsWith(`(${detail(cli.stderr)}).`), damaged.en);
  // Still usable after the failures.
  const ok = await page.evaluate(async (b64) => {
    const m = await import('../nianbao.js');
    return (await m.checkPdf(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)))).report.year;
  }, fs.readFileSync(REAL[2]).toString('base64'));
  assert.equal(ok, 2024);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the PDF reader in the worker: time per real report (printed, not asserted)', async () => {
  const { context, page } = await open('demo/api.html');
  await page.waitForSelector('body[data-ready="true"]');
  for (const file of REAL) {
    const ms = await page.evaluate(async ([b64, client]) => {
      const pdf = await import('../' + client);
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      await pdf.extractPdf(bytes); // warm: the module is compiled once
      const runs = [];
      for (let i = 0; i < 5; i++) runs.push((await pdf.extractPdf(bytes)).ms);
      return runs.sort((a, b) => a - b)[2];
    }, [fs.readFileSync(file).toString('base64'), pinned('pdf/client.js')]);
    console.log(`# worker: ${path.basename(file)} read in ${ms.toFixed(1)} ms (median of 5)`);
    assert.ok(ms > 0);
  }
  await context.close();
});

/** The findings the app lists: code and page, in order (groups of one rule opened first). */
async function listed(page) {
  while (await page.$('#diagnostics .group-head[aria-expanded=false]')) {
    await page.click('#diagnostics .group-head[aria-expanded=false]');
  }
  return page.$$eval('#diagnostics [data-code]', (els) => els.map((e) => `${e.dataset.code} p${e.querySelector('[data-page]')?.dataset.page ?? '?'}`));
}

async function dropFile(page, file) {
  const b64 = fs.readFileSync(file).toString('base64');
  await page.evaluate(([b64, name]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], name, { type: 'application/pdf' }));
    document.getElementById('report').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [b64, path.basename(file)]);
}

test('the app: each real PDF by the file button and by drag-and-drop, findings as the command line gives them', async () => {
  const { context, page, problems, requests } = await open('index.html');
  await page.waitForSelector('#report');
  const loaded = requests.length;
  for (const file of REAL) {
    const want = cli(file);
    const expected = want.diagnostics.map((d) => `${d.code} p${d.page}`);
    const text = (await page.evaluate(async (b64) => {
      const m = await import('./nianbao.js');
      await m.default();
      return (await m.checkPdf(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)))).text;
    }, fs.readFileSync(file).toString('base64')));
    for (const how of ['button', 'drop']) {
      await page.$eval('#report', (a) => { a.value = ''; a.dispatchEvent(new InputEvent('input', { bubbles: true })); });
      await page.waitForSelector('.summary.empty');
      if (how === 'button') await page.setInputFiles('input[type=file]', file);
      else await dropFile(page, file);
      await page.waitForSelector('.pdf-notice');
      assert.equal(await page.$eval('#report', (a) => a.value), text, `${how} ${path.basename(file)}: the extracted text is shown`);
      assert.equal(await page.$eval('#report', (a) => a.readOnly), true);
      assert.match(await page.textContent('.pdf-notice'), /从 PDF 提取的文本.*在原文档中修改/);
      // Read-only text takes no fixes: the suggestions are said, not applied (the pages would be lost).
      assert.equal(await page.$$eval('#diagnostics .apply, #diagnostics .apply-all', (b) => b.length), 0);
      // The app lists findings by position; the command line by rule order: compare as sets.
      assert.deepEqual((await listed(page)).sort(), [...expected].sort(), `${how} ${path.basename(file)}`);
    }
  }
  // After the first load: the API module (this test imports it) with its checker (batch/checker.js, its glue and
  // wasm), the rule docs it fetches, and the PDF reader.
  const later = requests.slice(loaded).filter((u) => !u.endsWith('/nianbao.js') && !/\/(www|www_bg|rules-(zh|en)|messages-en|assets|convert|batch\/(checker|core|nianbao_batch_wasm_bg))\.[0-9a-f]{10}\.(js|wasm|json)$/.test(u));
  // (The worker runs from a blob of its checked bytes: a blob: URL of this origin.)
  assert.ok(later.every((u) => u.startsWith(site.url + 'pdf/') || u.startsWith('blob:' + site.url)), later.join('\n'));
  assert.ok(requests.every((u) => u.startsWith(site.url) || u.startsWith('blob:' + site.url)), 'only this origin');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the app: the JSON export of an opened PDF has its pages and boxes, as the command line', async () => {
  const { context, page, problems } = await open('index.html');
  await page.waitForSelector('#report');
  const file = REAL[0];
  await page.setInputFiles('input[type=file]', file);
  await page.waitForSelector('.pdf-notice');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 JSON')]);
  const got = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const want = cli(file);
  assert.equal(got.file, path.basename(file));
  assert.equal(got.report.source.kind, 'pdf');
  assert.equal(got.report.source.pages, want.report.source.pages);
  assert.deepEqual(got.diagnostics.map((d) => `${d.code} p${d.page}`).sort(), want.diagnostics.map((d) => `${d.code} p${d.page}`).sort());
  assert.equal(got.diagnostics.filter((d) => d.box).length, want.diagnostics.filter((d) => d.box).length, 'as many findings with a box');
  assert.ok(got.diagnostics.some((d) => d.box));
  assert.deepEqual(problems, []);
  await context.close();
});

test('批量检查 of the real PDFs: the findings sheet gives each finding its page, as the command line', async () => {
  const { context, page, problems } = await open('index.html');
  await page.waitForSelector('#report');
  await page.setInputFiles('.toolbar input[type=file]', REAL);
  await page.waitForSelector('#batch .batch-table');
  await page.waitForFunction(() => /已检查 \d+ 份，用时/.test(document.querySelector('.batch-status')?.textContent ?? ''), null, { timeout: 120_000 });
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('text=导出汇总 XLSX')]);
  const tmp = fs.mkdtempSync(path.join(root, 'target/pdf-batch-'));
  const file = path.join(tmp, 'summary.xlsx');
  await xlsx.saveAs(file);
  const rows = csvRows(fs.readFileSync(office(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2', tmp), 'utf8'));
  assert.deepEqual(rows[0].slice(6, 8), ['行号', '页码']);
  // Pairing adds X001–X003 (on summaries, without a place); every other finding has its page.
  const got = rows.slice(1).filter((r) => r.length > 1 && !r[3].startsWith('X')).map((r) => `${r[0]} ${r[3]} p${r[7]}`);
  const want = REAL.flatMap((f) => cli(f).diagnostics.map((d) => `${path.basename(f)} ${d.code} p${d.page}`));
  assert.ok(want.length > 0 && want.every((w) => !w.endsWith(' p')), want.join('\n'));
  assert.deepEqual(got.sort(), want.sort());
  assert.deepEqual(problems, []);
  await context.close();
});

test('the app: a scan and a password-protected PDF show their sentence', async () => {
  const { context, page, problems } = await open('index.html');
  await page.waitForSelector('#report');
  await page.setInputFiles('input[type=file]', path.join(FIXTURES, 'scan.pdf'));
  await page.waitForSelector('.status');
  assert.match(await page.textContent('.status'), /这是扫描件，没有文字层；请使用有文字的 PDF 或先做文字识别。/);
  await dropFile(page, path.join(FIXTURES, 'enc_password.pdf'));
  await page.waitForFunction(() => document.querySelector('.status')?.textContent.includes('密码'));
  assert.deepEqual(problems, []);
  await context.close();
});
