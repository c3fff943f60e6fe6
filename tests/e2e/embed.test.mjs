// The widget, the iframe embed and the JavaScript API on the demo pages, under
// a strict host CSP, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { serve, browser, report, corpus, dist, root, pinned } from './lib.mjs';

let site, chrome;
before(async () => { site = await serve(); chrome = await browser(); });
after(async () => { await chrome?.close(); await site?.close(); });

async function open(url) {
  const context = await chrome.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '' }));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(site.url + url);
  return { context, page, problems, requests };
}

const shadowCodes = (page, id) => page.$eval(id, (el) => [...el.shadowRoot.querySelectorAll('[data-code]')].map((e) => ({ code: e.dataset.code, table: e.dataset.table, row: e.dataset.row })));
const matches = (d, w) => (w.any ? w.any.some((x) => matches(d, x)) : d.code === w.code && (!w.table || d.table === w.table) && (!w.row || d.row === w.row));

test('the portal page: widgets, event, iframe, isolation, no CSP violation, no text sent', async () => {
  const { context, page, problems, requests } = await open('demo/portal.html');
  await page.waitForFunction(() => document.getElementById('status').dataset.errors !== undefined);
  // The compact widget found the article's expected findings.
  const expected = JSON.parse(fs.readFileSync(path.join(corpus, 'expected/seeds__001_790cad3f7e066faa.json'), 'utf8'));
  const got = await shadowCodes(page, '#sidebar');
  for (const w of expected.must) assert.ok(got.some((d) => matches(d, w)), `missing ${JSON.stringify(w)} in ${JSON.stringify(got)}`);
  // The host reacted to the nianbao-checked event.
  assert.equal(await page.$eval('#publish', (b) => b.disabled), true);
  assert.match(await page.textContent('#status'), /3 个错误/);
  // Compact: no editor in the sidebar widget.
  assert.equal(await page.$eval('#sidebar', (el) => el.shadowRoot.querySelector('textarea')), null);
  // Host styles do not leak in...
  const inside = await page.$eval('#sidebar', (el) => {
    const s = getComputedStyle(el.shadowRoot.querySelector('.msg'));
    return [s.color, s.fontSize];
  });
  assert.notEqual(inside[0], 'rgb(255, 0, 0)');
  assert.notEqual(inside[1], '20px');
  // ...and ours do not leak out.
  const outside = await page.$eval('article p', (p) => [getComputedStyle(p).color, getComputedStyle(p).fontSize, getComputedStyle(document.body).backgroundColor]);
  assert.deepEqual(outside, ['rgb(255, 0, 0)', '20px', 'rgb(255, 253, 245)']);
  assert.match(await page.$eval('#publish', (b) => getComputedStyle(b).borderStyle), /dashed/);
  // Two widgets side by side: the full one checks its own text.
  const full = page.locator('#full');
  await full.locator('#report').fill(report('real/hongze_2023_layout.txt'));
  await page.waitForFunction(() => document.getElementById('full').shadowRoot.querySelector('[data-code="A004"]'));
  assert.ok(!(await shadowCodes(page, '#sidebar')).some((d) => d.code === 'A004'), 'the sidebar kept its own findings');
  assert.equal(await full.locator('#findings-title').textContent(), 'Findings');
  // The iframe embed resized itself and checked the article sent to it.
  await page.waitForFunction(() => document.getElementById('frame').dataset.errors !== undefined);
  const frame = await page.$eval('#frame', (f) => [f.getBoundingClientRect().height, f.dataset.errors]);
  assert.ok(frame[0] > 300, `iframe height ${frame[0]}`);
  assert.equal(frame[1], '3');
  // Nothing went wrong and no request carried the report.
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  const marks = ['淄博高新技术产业开发区建设局', encodeURIComponent('淄博高新'), 'gxqjsj', '洪泽区'];
  for (const r of requests) for (const m of marks) assert.ok(!r.url.includes(m) && !r.body.includes(m), `request carries report text: ${r.url}`);
  assert.ok(requests.every((r) => r.url.startsWith(site.url)), 'only this origin');
  await context.close();
});

test('the wasm loads only when the first widget appears', async () => {
  const { context, page, problems, requests } = await open('demo/lazy.html');
  await page.waitForTimeout(300);
  assert.ok(!requests.some((r) => r.url.endsWith('.wasm')), 'no wasm before a widget');
  await page.click('#add');
  await page.locator('nianbao-checker').locator('#report').waitFor();
  assert.ok(requests.some((r) => /\/www_bg\.[0-9a-f]{10}\.wasm$/.test(r.url)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the API page: check, rules, errors as exceptions', async () => {
  const { context, page, problems } = await open('demo/api.html');
  await page.waitForSelector('body[data-ready="true"]');
  // As many as the registry has (the command line lists the same catalogue).
  const rules = JSON.parse(spawnSync('cargo', ['run', '-q', '--bin', 'nianbao', '--', 'rules', '--format', 'json'], { cwd: root, encoding: 'utf8' }).stdout);
  assert.equal(Number(await page.textContent('#rule-count')), rules.length);
  await page.fill('#text', report('real/hongze_2023_layout.txt'));
  await page.click('#run');
  const out = JSON.parse(await page.textContent('#out'));
  assert.equal(out.summary.errors, 3);
  const a004 = out.diagnostics.find((d) => d.code === 'A004');
  assert.ok(a004.utf16.start <= a004.span.start && a004.utf16.end > a004.utf16.start);
  const errors = await page.evaluate(async () => {
    const m = await import('../nianbao.js');
    const r = [];
    try { m.check(42); } catch (e) { r.push(`${e.name}: ${e.message}`); }
    try { m.check('x', { previous: 3 }); } catch (e) { r.push(e.name); }
    r.push(m.check('', {}).summary.errors > 0 ? 'empty-ok' : 'empty?');
    r.push(typeof m.check('\u0000\uffff\ud800', { previous: '一、总体情况' }).summary.errors);
    return r;
  });
  assert.deepEqual(errors, ['TypeError: nianbao.check(text): text must be a string', 'TypeError', 'empty-ok', 'number']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embed loader adds at most 5 KB gzip', () => {
  const loader = zlib.gzipSync(fs.readFileSync(path.join(dist, 'nianbao-embed.js')), { level: 9 }).length;
  console.log(`# embed loader: ${(loader / 1024).toFixed(1)} KB gzip`);
  assert.ok(loader <= 5 * 1024);
  for (const f of ['nianbao.js', 'nianbao.d.ts', 'embed.html', pinned('embed-frame.js'), 'demo/portal.html', 'demo/api.html']) assert.ok(fs.existsSync(path.join(dist, f)), f);
});
