// Build check: the first load (HTML, JS, wasm, CSS) must stay within 200 KB gzip.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { dist } from './lib.mjs';

const BUDGET = 200 * 1024;
// What the app page loads: everything at the top of dist/ and the wasm-bindgen
// snippets, but not the embed loader, the API wrapper or the demo pages.
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? (e.name === 'demo' ? [] : walk(path.join(dir, e.name))) : [path.join(dir, e.name)]);
const first = walk(dist).map((f) => path.relative(dist, f)).filter((f) => /\.(html|js|wasm|css)$/.test(f) && !/^(embed|nianbao|api)/.test(path.basename(f)));
let total = 0;
for (const f of first) {
  const gz = zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
  total += gz;
  console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB  ${f}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  first load, gzip (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) {
  console.error(`size budget exceeded by ${((total - BUDGET) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
