// Trust for portals (issue 13), tried as an attacker would: the embed talks
// only to the origins a portal names, every file is pinned (a tampered file
// stops the app and the widget with a sentence), hostile .docx files get a
// sentence and the tab survives, and drafts at rest can be refused, expire and
// are cleared.
//
// Three origins on this machine, by host name (Chromium maps *.test to
// 127.0.0.1, nothing leaves the machine): nianbao.test serves dist/ (with the
// headers of docs/deploy/nginx.conf under /, without them under /open/),
// portal.test is a portal that names itself, evil.test a page that frames
// the checker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serve, browser, report, corpus, dist, pinned } from './lib.mjs';
import { zip } from '../../scripts/zip.mjs';

const SEED = report('seeds/001_790cad3f7e066faa.txt');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(corpus, 'expected/seeds__001_790cad3f7e066faa.json'), 'utf8')).must;
const integrity = () => JSON.parse(fs.readFileSync(path.join(dist, 'integrity.json'), 'utf8'));

let checker, outside, plain, chrome, NIANBAO, PORTAL, EVIL;
/** The outside server's pages (portal.test and evil.test share it: same port, other host names). */
const pages = new Map();

/** What docs/deploy/nginx.conf sends: the app page is never framed, the embed only by the portal. */
function deployHeaders(rel) {
  const h = { 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' };
  if (rel.startsWith('open/')) return h;
  if (rel === 'embed.html') h['content-security-policy'] = `frame-ancestors 'self' ${PORTAL}`;
  else if (rel.endsWith('.html')) { h['content-security-policy'] = "frame-ancestors 'self'"; h['x-frame-options'] = 'SAMEORIGIN'; }
  return h;
}

before(async () => {
  // /open/ is the same dist without the deployment's framing headers: what the embed does on its own.
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const rel = url.pathname.replace(/^\/open\//, '/').slice(1) || 'index.html';
    const file = path.join(dist, rel);
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404).end(); return; }
    const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml' }[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, ...deployHeaders(url.pathname.slice(1)) });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  checker = { close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) };
  NIANBAO = `http://nianbao.test:${server.address().port}`;
  const pageServer = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const body = pages.get(url.pathname);
    if (body === undefined) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': url.pathname.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise((r) => pageServer.listen(0, '127.0.0.1', r));
  outside = { close: () => new Promise((r) => { pageServer.close(r); pageServer.closeAllConnections(); }) };
  PORTAL = `http://portal.test:${pageServer.address().port}`;
  EVIL = `http://evil.test:${pageServer.address().port}`;
  pages.set('/favicon.ico', '');
  pages.set('/blank.html', '<!doctype html><html><head><meta charset="utf-8"><title>page</title></head><body></body></html>');
  plain = await serve();
  chrome = await browser(['--host-resolver-rules=MAP *.test 127.0.0.1']);
});
// A failed test leaves no context or server behind.
const contexts = [];
after(async () => { for (const c of contexts) await c.close().catch(() => {}); await chrome?.close(); await checker?.close(); await outside?.close(); await plain?.close(); });

async function open(url) {
  const context = await chrome.newContext({ viewport: { width: 1300, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  await page.goto(url);
  return { context, page, problems };
}

/** A report as a portal publishes it: paragraphs, and tables for its tab-separated rows. */
function asHtml(text) {
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let html = '';
  let table = false;
  for (const line of text.split('\n')) {
    const row = line.includes('\t');
    if (row && !table) html += '<table>';
    if (!row && table) html += '</table>';
    table = row;
    html += row ? `<tr>${line.split('\t').map((c) => `<td>${esc(c)}</td>`).join('')}</tr>` : `<p>${esc(line)}</p>`;
  }
  return html + (table ? '</table>' : '');
}

/** Frames `srcs` in the page, records every message by frame, and keeps sending the report to every frame, to any origin. */
async function frameAndListen(page, srcs) {
  await page.evaluate(([srcs, text]) => {
    window.got = [];
    const frames = srcs.map((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
      return f;
    });
    window.addEventListener('message', (e) => {
      window.got.push({ frame: frames.findIndex((f) => f.contentWindow === e.source), origin: e.origin, type: e.data?.type, keys: Object.keys(e.data ?? {}) });
    });
    setInterval(() => { for (const f of frames) f.contentWindow.postMessage({ type: 'nianbao-check', text }, '*'); }, 150);
  }, [srcs, SEED]);
}

test('a hostile framing page receives no result and cannot make the embed check or post to it', async () => {
  const { context, page, problems } = await open(`${EVIL}/blank.html`);
  const srcs = [
    // 0: the embed as a portal publishes it (naming the portal), framed by another origin.
    `${NIANBAO}/open/embed.html?parent=${encodeURIComponent(PORTAL)}&compact`,
    // 1: no parent named.
    `${NIANBAO}/open/embed.html?lang=zh`,
    // 2: a wildcard or a malformed origin names nobody.
    `${NIANBAO}/open/embed.html?parent=*&parent=null&parent=javascript:alert(1)`,
    // 3: naming itself: only the deployment's frame-ancestors stops that, and it does.
    `${NIANBAO}/embed.html?parent=${encodeURIComponent(EVIL)}`,
    // 4: the full app is never framed.
    `${NIANBAO}/index.html`,
  ];
  await frameAndListen(page, srcs);
  // Long enough for the checker to load in frames 0–2 and to have checked anything it took.
  await page.waitForFunction(() => window.got.filter((m) => m.type === 'nianbao-ready').length >= 2, null, { timeout: 20000 });
  await page.waitForTimeout(1500);
  const got = await page.evaluate(() => window.got);
  const from = (i) => got.filter((m) => m.frame === i);
  assert.deepEqual(from(0), [], 'the embed that names the portal posts nothing to another parent');
  for (const i of [1, 2]) {
    assert.ok(from(i).some((m) => m.type === 'nianbao-ready'), `frame ${i} is ready`);
    assert.ok(from(i).every((m) => m.type === 'nianbao-ready' || m.type === 'nianbao-resize'), `frame ${i}: ${JSON.stringify(from(i))}`);
    assert.ok(from(i).every((m) => m.keys.every((k) => k === 'type' || k === 'height')), 'ready and resize carry nothing else');
  }
  assert.deepEqual(from(3), [], 'frame-ancestors keeps the embed out of a page it does not name');
  assert.deepEqual(from(4), []);
  // The text the hostile page sent was not taken: no frame checked anything.
  for (const i of [0, 1, 2]) {
    const frame = page.frames().find((f) => f.url() === srcs[i]);
    assert.ok(frame, `frame ${i} loaded`);
    assert.equal(await frame.evaluate(() => document.querySelectorAll('[data-code]').length), 0, `frame ${i} checked text from a hostile page`);
    if (i > 0) assert.equal(await frame.$eval('#report', (a) => a.value), '');
  }
  // Frames 3 and 4 never loaded the checker.
  for (const i of [3, 4]) {
    const frame = page.frames().find((f) => f.url() === srcs[i]);
    assert.ok(!frame || !(await frame.evaluate(() => !!document.getElementById('app')).catch(() => false)), `frame ${i} loaded in a hostile page`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the portal named in ?parent= receives the results, by iframe and by the widget loader (cross-origin, pinned)', async () => {
  const pins = integrity();
  const csp = `default-src 'self'; script-src 'self' ${NIANBAO} 'wasm-unsafe-eval'; worker-src blob:; style-src 'self' ${NIANBAO}; connect-src ${NIANBAO}; frame-src ${NIANBAO}`;
  pages.set('/portal.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>portal</title>
<script type="module" src="${NIANBAO}/nianbao-embed.js" integrity="${pins['nianbao-embed.js'][1]}" crossorigin="anonymous"></script>
<script type="module" src="/portal.js"></script></head>
<body><article id="report">${asHtml(SEED)}</article>
<iframe id="frame" src="${NIANBAO}/embed.html?parent=${encodeURIComponent(PORTAL)}&amp;compact"></iframe>
<nianbao-checker id="shadow" compact source="#report"></nianbao-checker>
<nianbao-checker id="framed" frame compact source="#report"></nianbao-checker>
</body></html>`);
  pages.set('/portal.js', `
window.results = {};
const frame = document.getElementById('frame');
window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow || e.origin !== ${JSON.stringify(NIANBAO)}) return;
  // The article as the reader sees it: innerText keeps table cells tab-separated.
  if (e.data.type === 'nianbao-ready') frame.contentWindow.postMessage({ type: 'nianbao-check', text: document.querySelector('#report').innerText }, ${JSON.stringify(NIANBAO)});
  if (e.data.type === 'nianbao-checked') window.results.frame = e.data.result;
});
document.addEventListener('nianbao-checked', (e) => { window.results[e.target.id] = e.detail; });
`);
  const { context, page, problems } = await open(`${PORTAL}/portal.html`);
  const csp_ = [];
  page.on('console', (m) => { if (m.type() === 'error') csp_.push(m.text()); });
  await page.waitForFunction(() => ['frame', 'shadow', 'framed'].every((k) => window.results[k]), null, { timeout: 30000 });
  const results = await page.evaluate(() => window.results);
  for (const [how, r] of Object.entries(results)) {
    const codes = r.diagnostics.map((d) => d.code);
    for (const w of EXPECTED) {
      const want = w.any ? w.any.map((x) => x.code) : [w.code];
      assert.ok(want.some((c) => codes.includes(c)), `${how}: missing ${JSON.stringify(w)}`);
    }
  }
  // The frame-mode widget named this page's origin, and nothing else.
  const src = await page.$eval('#framed', (el) => el.shadowRoot.querySelector('iframe').src);
  assert.equal(new URL(src).searchParams.get('parent'), PORTAL);
  assert.deepEqual(problems, []);
  assert.deepEqual(csp_, []);
  await context.close();
});

/** A copy of dist/ in a temp dir with `edit` applied, served on 127.0.0.1. */
async function tampered(edit) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-tampered-'));
  // Without the precompressed copies: what was edited is what is served.
  fs.cpSync(dist, dir, { recursive: true, filter: (f) => !f.endsWith('.gz') });
  edit(dir);
  const site = await serve(dir);
  return { url: site.url, close: async () => { await site.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

const appendTo = (rel, text) => (dir) => fs.appendFileSync(path.join(dir, rel), text);
const flipByte = (rel) => (dir) => {
  const f = path.join(dir, rel);
  const b = fs.readFileSync(f);
  b[b.length >> 1] ^= 0xff;
  fs.writeFileSync(f, b);
};

for (const [what, name, edit] of [
  ['www.js', () => pinned('www.js'), () => appendTo(pinned('www.js'), ';document.title="tampered";')],
  ['the wasm', () => pinned('www_bg.wasm'), () => flipByte(pinned('www_bg.wasm'))],
]) {
  test(`a tampered ${what}: the app and the widget refuse to run, with a sentence`, async (t) => {
    const site = await tampered(edit());
    t.after(site.close);
    const { context, page } = await open(site.url + 'index.html');
    await page.waitForSelector('.nowasm[role="alert"]');
    const said = await page.textContent('.nowasm');
    assert.match(said, /可能被篡改/);
    assert.ok(said.includes(name()), said);
    assert.equal(await page.$('#report'), null, 'the app did not start');
    assert.notEqual(await page.title(), 'tampered');
    // The widgets and the iframe of the demo portal.
    await page.goto(site.url + 'demo/portal.html');
    await page.waitForFunction(() => /altered/.test(document.getElementById('sidebar').shadowRoot.textContent));
    assert.match(await page.$eval('#full', (el) => el.shadowRoot.textContent), /可能被篡改/);
    const frame = page.frames().find((f) => f.url().includes('embed.html'));
    await frame.waitForSelector('#app[role="alert"]');
    assert.match(await frame.textContent('#app'), /可能被篡改/);
    assert.notEqual(await page.title(), 'tampered');
    await context.close();
  });
}

test('a tampered loader is refused by its integrity; a tampered converter, PDF reader or batch worker by the app', async (t) => {
  const site = await tampered((dir) => {
    appendTo('nianbao-embed.js', ';document.title="tampered";')(dir);
    appendTo(pinned('convert.js'), ';document.title="tampered";')(dir);
  });
  t.after(site.close);
  const { context, page } = await open(site.url + 'demo/portal.html');
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => !!customElements.get('nianbao-checker')), false, 'the widget was not defined');
  assert.notEqual(await page.title(), 'tampered');
  await page.goto(site.url + 'index.html');
  await page.waitForSelector('#report');
  await page.setInputFiles('input[type=file]', path.join(corpus, '..', 'fixtures/report.docx'));
  await page.waitForSelector('.status[role="alert"]');
  assert.match(await page.textContent('.status'), /读取文件的模块未能加载/);
  assert.equal(await page.$eval('#report', (a) => a.value), '');
  assert.notEqual(await page.title(), 'tampered');
  // The PDF reader's worker: checked by its client before it runs.
  const worker = await tampered(appendTo(pinned('pdf/worker.js'), ';postMessage("tampered");'));
  t.after(worker.close);
  await page.goto(worker.url + 'index.html');
  await page.waitForSelector('#report');
  await page.setInputFiles('input[type=file]', path.join(corpus, 'real/pdf/huaian_shi_2024.pdf'));
  await page.waitForSelector('.status[role="alert"]');
  assert.match(await page.textContent('.status'), /读取 PDF 的模块未能取得，或与发布的版本不一致（可能被篡改）/);
  assert.equal(await page.$eval('#report', (a) => a.value), '');
  // The batch check's worker: checked by its pool before it runs; no report is checked by it.
  const batch = await tampered(appendTo(pinned('batch/worker.js'), ';postMessage({ id: 1, result: "tampered" });'));
  t.after(batch.close);
  await page.goto(batch.url + 'index.html');
  await page.waitForSelector('#report');
  const two = ['seeds/001_790cad3f7e066faa.txt', 'real/hongze_2023_layout.txt'].map((f) => path.join(corpus, f));
  await page.setInputFiles('.toolbar input[type=file]', two);
  await page.waitForSelector('#batch .batch-table');
  await page.waitForFunction(() => [...document.querySelectorAll('.batch-table tbody tr')].length === 2
    && [...document.querySelectorAll('.batch-table tbody tr')].every((tr) => /检查时出错/.test(tr.textContent)), null, { timeout: 30000 });
  // The batch view's list of modules and their hashes (batch/graphs.json): checked by the hook
  // before any view is imported; the batch does not open, and says so.
  const graphs = await tampered((dir) => {
    const f = path.join(dir, pinned('batch/graphs.json'));
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/sha384-(.)/, (_, c) => 'sha384-' + (c === 'A' ? 'B' : 'A')));
  });
  t.after(graphs.close);
  await page.goto(graphs.url + 'index.html');
  await page.waitForSelector('#report');
  const said = new Promise((ok) => page.once('dialog', (d) => { ok(d.message()); d.dismiss(); }));
  await page.setInputFiles('.toolbar input[type=file]', two);
  assert.match(await said, /批量检查未能加载/);
  assert.equal(await page.$('#batch .batch-table'), null);
  // The checker without the interface (the JSON export, the API): its glue is checked before it runs.
  const core = await tampered(appendTo(pinned('batch/core.js'), ';document.title="tampered";'));
  t.after(core.close);
  await page.goto(core.url + 'index.html');
  await page.waitForSelector('#report');
  await page.fill('#report', fs.readFileSync(path.join(corpus, 'real/hongze_2023_layout.txt'), 'utf8'));
  await page.click('text=导出 JSON');
  await page.waitForSelector('.status[role="alert"]');
  assert.match(await page.textContent('.status'), /导出未能完成/);
  const api = await page.evaluate(async () => {
    const m = await import('./nianbao.js');
    try { await m.default(); return 'loaded'; } catch (e) { return e.message; }
  });
  assert.match(api, /core\.[0-9a-f]{10}\.js could not be fetched or does not match the build/);
  assert.notEqual(await page.title(), 'tampered');
  await context.close();
});

// ---- Hostile files in the browser: the native reader's limits, a sentence each, the tab survives.


const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** A .docx whose paragraphs are the lines of `text` (`raw` is spliced in unescaped, e.g. a form feed). */
const documentXml = (lines) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${l}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;
const docx = (xml, opts) => zip([['word/document.xml', Buffer.from(xml, 'utf8'), opts]]);

function hostileFiles() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-hostile-'));
  const write = (name, bytes) => { fs.writeFileSync(path.join(dir, name), bytes); return path.join(dir, name); };
  const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [${lol}]><w:document ${W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
  // 80 MB of text inside one run: about 80 KB on disk.
  const huge = Buffer.concat([Buffer.from(`<w:document ${W}><w:body><w:p><w:r><w:t>`), Buffer.alloc(80 << 20, 0x61), Buffer.from('</w:t></w:r></w:p></w:body></w:document>')]);
  const good = docx(documentXml(SEED.split('\n').map(esc)));
  const corrupt = Buffer.from(good);
  for (let i = 60; i < 90; i++) corrupt[i] ^= 0x5a;
  const many = zip([...Array.from({ length: 10001 }, (_, i) => [`f/${i}`, Buffer.alloc(0), { stored: true }]), ['word/document.xml', Buffer.from(documentXml(['x']))]]);
  const lines = SEED.split('\n').map(esc);
  const third = lines.length >> 2;
  // Word's page break as a raw form feed and as a reference, and a vertical tab: XML forbids all three.
  lines[third] = lines[third] + '\f';
  lines[third * 2] = '&#12;' + lines[third * 2] + '&#x0B;';
  const files = {
    laughs: write('laughs.docx', docx(laughs)),
    bomb: write('bomb.docx', zip([['word/document.xml', huge]])),
    understated: write('understated.docx', zip([['word/document.xml', huge, { stated: 1000 }]])),
    entries: write('entries.docx', many),
    truncated: write('truncated.docx', good.subarray(0, good.length >> 1)),
    corrupt: write('corrupt.docx', corrupt),
    // No zip at all: bytes of no known kind keep the message of the kind the name promised, as on the command line.
    noise: write('noise.docx', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 151 + (i >> 3)) % 256))),
    formfeed: write('formfeed.docx', docx(documentXml(lines))),
  };
  return { files, close: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

test('a billion laughs, zip bombs, too many entries and damaged .docx files each get a sentence; the tab survives', async (t) => {
  const site = plain;
  const { files, close } = hostileFiles();
  t.after(close);
  const { context, page, problems } = await open(site.url);
  await page.waitForSelector('#report');
  const says = async (file, sentence) => {
    await page.$eval('#report', (a) => { a.value = ''; a.dispatchEvent(new InputEvent('input', { bubbles: true })); });
    await page.setInputFiles('input[type=file]', file);
    await page.waitForFunction((n) => document.querySelector('.status[role="alert"]')?.textContent.includes(n), path.basename(file), { timeout: 30000 });
    const said = await page.textContent('.status[role="alert"]');
    assert.match(said, sentence, path.basename(file));
    assert.ok(said.includes(path.basename(file)), said);
    assert.equal(await page.$eval('#report', (a) => a.value), '', `${path.basename(file)} put text in the editor`);
    // The tab is alive: it checks a report at once.
    await page.fill('#report', SEED);
    await page.waitForSelector('[data-code]');
  };
  await says(files.laughs, /定义了 XML 实体（DOCTYPE）.*实体膨胀.*未读取/);
  await says(files.bomb, /解压后超过 64 MB，疑似压缩炸弹/);
  await says(files.understated, /解压后超过 64 MB，疑似压缩炸弹/);
  await says(files.entries, /压缩包列出了超过 10000 个条目/);
  await says(files.truncated, /已损坏或不完整/);
  await says(files.corrupt, /已损坏或不完整/);
  await says(files.noise, /已损坏或不完整/);
  // In English too.
  await page.click('button.lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await says(files.bomb, /inflates past 64 MB, likely a zip bomb/);
  await says(files.laughs, /declares XML entities \(a DOCTYPE\)/);
  await says(files.truncated, /is damaged or incomplete/);
  // An empty file says so, as the command line does, and the draft stays in the editor.
  const empty = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-empty-')), 'empty.txt');
  fs.writeFileSync(empty, '');
  for (const [lang, sentence] of [['en', /“empty\.txt”: the file is empty\./], ['zh', /“empty\.txt”：文件是空的。/]]) {
    if (lang === 'zh') {
      await page.click('button.lang');
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' || document.documentElement.lang === 'zh');
    }
    await page.fill('#report', SEED);
    await page.waitForSelector('[data-code]');
    await page.setInputFiles('input[type=file]', empty);
    await page.waitForFunction(() => /empty\.txt/.test(document.querySelector('.status[role="alert"]')?.textContent ?? ''), null, { timeout: 30000 });
    assert.match(await page.textContent('.status[role="alert"]'), sentence);
    assert.equal(await page.$eval('#report', (a) => a.value), SEED, 'the draft is kept');
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('form feeds and other characters XML forbids do not cut the report short', async (t) => {
  const site = plain;
  const { files, close } = hostileFiles();
  t.after(close);
  const { context, page, problems } = await open(site.url);
  await page.waitForSelector('#report');
  await page.setInputFiles('input[type=file]', files.formfeed);
  await page.waitForFunction(() => document.querySelector('#report').value.length > 0);
  const got = await page.$eval('#report', (a) => a.value);
  const want = SEED.split('\n').map((l) => l.replace(/\s+$/, '')).filter(Boolean);
  const lines = got.split('\n').map((l) => l.replace(/\s+$/, '')).filter(Boolean);
  assert.deepEqual(lines, want);
  assert.equal(await page.$('.status[role="alert"]'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

// ---- Drafts at rest.

const stored = (page) => page.evaluate(() => ({
  local: localStorage.getItem('nianbao.drafts.v2') ?? '',
  tab: sessionStorage.getItem('nianbao.tab.text') ?? '',
  off: localStorage.getItem('nianbao.drafts.off'),
}));
const FIRST = SEED.split('\n').find((l) => l.trim());

async function typed(page, text) {
  await page.fill('#report', text);
  await page.waitForFunction((t) => sessionStorage.getItem('nianbao.tab.text') === t || localStorage.getItem('nianbao.drafts.off'), text);
}

test('drafts expire after the period the menu shows', async () => {
  const site = plain;
  const { context, page, problems } = await open(site.url);
  await page.waitForSelector('#report');
  await page.evaluate(() => {
    const day = 86400000;
    const now = Date.now();
    localStorage.setItem('nianbao.drafts.v2', JSON.stringify([
      { id: 'new', time: now - day, text: '新的草稿：一天前' },
      { id: 'old', time: now - 8 * day, text: '旧的草稿：八天前' },
    ]));
    sessionStorage.setItem('nianbao.tab.text', '本标签页八天前的草稿');
    sessionStorage.setItem('nianbao.tab.time', String(now - 8 * day));
  });
  await page.reload();
  await page.waitForSelector('.guide .draft');
  assert.equal(await page.$eval('#report', (a) => a.value), '', 'an expired tab draft is not restored');
  const offered = await page.$$eval('.guide .draft', (e) => e.map((x) => x.textContent));
  assert.equal(offered.length, 1);
  assert.match(offered[0], /新的草稿/);
  const s = await stored(page);
  assert.ok(!s.local.includes('旧的草稿') && s.local.includes('新的草稿'), s.local);
  assert.equal(s.tab, '');
  await page.click('.drafts summary');
  assert.match(await page.textContent('.drafts .menu-body'), /草稿只保存在本浏览器中，7 天后自动删除。/);
  await page.click('button.lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.textContent('.drafts .menu-body'), /deleted after 7 days/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"不在本机保存草稿" deletes every saved draft and saves none; 清空 deletes the saved copies', async () => {
  const site = plain;
  const { context, page, problems } = await open(site.url);
  await page.waitForSelector('#report');
  await typed(page, SEED);
  let s = await stored(page);
  assert.ok(s.local.includes(FIRST) && s.tab === SEED, 'drafts are kept by default');
  await page.click('.drafts summary');
  await page.check('.drafts-off input');
  s = await stored(page);
  assert.deepEqual(s, { local: '', tab: '', off: '1' });
  await typed(page, SEED + '\n补充一行');
  await page.waitForTimeout(200);
  s = await stored(page);
  assert.deepEqual(s, { local: '', tab: '', off: '1' }, 'nothing saved while the setting is on');
  // The menu does not say the text is kept, nor for how long.
  await page.click('.drafts summary');
  const menu = await page.textContent('.drafts .menu-body');
  assert.doesNotMatch(menu, /已自动保存|天后自动删除/, menu);
  await page.click('.drafts summary');
  await page.reload();
  await page.waitForSelector('#report');
  assert.equal(await page.$eval('#report', (a) => a.value), '');
  await page.click('.drafts summary');
  assert.equal(await page.isChecked('.drafts-off input'), true, 'the setting is remembered');
  // Off again: the text in the editor is saved at once.
  await page.fill('#report', SEED);
  // Focus went to the editor: the menu closed, as menus do; opened again.
  assert.equal(await page.$eval('.drafts', (d) => d.open), false);
  await page.click('.drafts summary');
  await page.uncheck('.drafts-off input');
  s = await stored(page);
  assert.ok(s.local.includes(FIRST) && s.tab === SEED && s.off === null, JSON.stringify(s).slice(0, 200));
  // 清空: the editor, this tab's draft and its copy in the recent drafts.
  page.once('dialog', (d) => d.accept());
  await page.click('button.danger');
  await page.waitForSelector('.summary.empty');
  s = await stored(page);
  assert.ok(!s.local.includes(FIRST) && s.tab === '', JSON.stringify(s).slice(0, 200));
  await page.reload();
  await page.waitForSelector('#report');
  assert.equal(await page.$eval('#report', (a) => a.value), '');
  assert.equal((await page.$$('.guide .draft')).length, 0);
  assert.deepEqual(problems, []);
  await context.close();
});
