// Shared by the browser tests: a static file server for dist/ on 127.0.0.1 and
// Debian's Chromium driven by playwright-core. Nothing here reaches the network.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');
export const corpus = path.join(root, 'tests/corpus');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.docx': 'application/octet-stream', '.htm': 'text/html',
};

/**
 * Serves `dir` under `prefix` (to prove the site works under any sub-path),
 * a file's precompressed copy (name.gz) when the browser accepts gzip.
 * `headers(rel)` may add response headers per file (a deployment's).
 */
export function serve(dir = dist, prefix = '/', { headers = () => ({}) } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end(); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404).end(); return; }
    const type = { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', vary: 'Accept-Encoding', ...headers(rel) };
    // The precompressed copy when the browser takes gzip, as nginx's gzip_static does (docs/deploy/).
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && fs.existsSync(file + '.gz')) {
      res.writeHead(200, { ...type, 'content-encoding': 'gzip' });
      fs.createReadStream(file + '.gz').pipe(res);
      return;
    }
    res.writeHead(200, type);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, url: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) });
  }));
}

/**
 * A page of the app at `url` in `context` (a new desktop-sized one, with
 * `options`, unless given), once its editor is there: { context, page,
 * problems }, where problems collects page errors and console errors.
 * `init` runs before the page's own scripts; dialogs are accepted.
 */
export async function openApp(chrome, url, { context = null, init = null, ...options } = {}) {
  context ??= await chrome.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('dialog', (d) => d.accept());
  await page.goto(url);
  await page.waitForSelector('#report');
  return { context, page, problems };
}

/** Debian's Chromium; `args` adds switches (e.g. host names mapped to 127.0.0.1). */
export async function browser(args = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', ...args],
  });
}

/** The content-hashed name scripts/pin.mjs gave a file of the build (e.g. `www.js` → `www.3f2a9c01de.js`). */
export function pinned(name) {
  const pins = JSON.parse(fs.readFileSync(path.join(dist, 'integrity.json'), 'utf8'));
  if (!pins[name]) throw new Error(`${name} is not pinned in dist/integrity.json`);
  return pins[name][0];
}

export function report(rel) {
  return fs.readFileSync(path.join(corpus, rel), 'utf8');
}

/** Rows of a CSV text (quoted fields may hold commas and line breaks). */
export function csvRows(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/**
 * LibreOffice headless: converts `file` with the filter `to` (e.g. `fodt`)
 * into a new folder under `dir`, whose profile it keeps there too; `infilter`
 * says how to read the file. The path of what it wrote.
 */
export function office(file, to, dir, infilter) {
  const out = fs.mkdtempSync(path.join(dir, 'office-'));
  const args = [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', out, file];
  const r = spawnSync('soffice', args, { encoding: 'utf8' });
  const made = fs.readdirSync(out)[0];
  if (r.status !== 0 || !made) throw new Error(`soffice --convert-to ${to} ${file}: ${r.stderr}`);
  return path.join(out, made);
}
