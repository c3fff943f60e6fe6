// Shared by the browser tests: a static file server for dist/ on 127.0.0.1 and
// Debian's Chromium driven by playwright-core. Nothing here reaches the network.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
