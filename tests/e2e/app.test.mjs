// The page loads the wasm and checks the textarea's text as it is typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, report } from './lib.mjs';

let site, chrome;
before(async () => { site = await serve(); chrome = await browser(); });
after(async () => { await chrome?.close(); await site?.close(); });

test('checks a pasted report in the page', async () => {
  const page = await chrome.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url);
  await page.waitForSelector('#report');
  await page.fill('#report', report('real/hongze_2023_layout.txt'));
  await page.waitForSelector('[data-code="A004"]');
  const codes = await page.$$eval('[data-code]', (els) => els.map((e) => e.dataset.code));
  assert.ok(codes.includes('T001'), `codes: ${codes}`);
  await page.fill('#report', report('real/huaian_2024_layout.txt'));
  await page.waitForFunction(() => !document.querySelector('[data-code="A004"]'));
  assert.deepEqual(errors, []);
  await page.close();
});
