// Build check: the first load (HTML, JS, wasm, CSS) must stay within 200 KB gzip.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { dist } from './lib.mjs';

const BUDGET = 200 * 1024;
// What the app page loads: everything at the top of dist/ and the wasm-bindgen
// snippets, but not the embed loader, the API wrapper or the demo pages.
// pdf/ is the PDF reader, loaded only when a PDF is opened: measured below on its own budget.
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? (e.name === 'demo' || e.name === 'pdf' ? [] : walk(path.join(dir, e.name))) : [path.join(dir, e.name)]);
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

// The PDF reader (second wasm module, its glue, worker and client): loaded
// only when a PDF is opened, within 400 KB gzip.
const PDF_BUDGET = 400 * 1024;
const pdfDir = path.join(dist, 'pdf');
if (!fs.existsSync(path.join(pdfDir, 'nianbao_pdf_wasm_bg.wasm'))) {
  console.error('dist/pdf/ has no PDF reader: scripts/build-pdf-wasm.sh did not run');
  process.exit(1);
}
let lazy = 0;
for (const f of fs.readdirSync(pdfDir)) {
  const gz = zlib.gzipSync(fs.readFileSync(path.join(pdfDir, f)), { level: 9 }).length;
  lazy += gz;
  console.log(`${(gz / 1024).toFixed(1).padStart(7)} KB  pdf/${f}`);
}
console.log(`${(lazy / 1024).toFixed(1).padStart(7)} KB  PDF reader, loaded when a PDF is opened, gzip (budget ${PDF_BUDGET / 1024} KB)`);
if (lazy > PDF_BUDGET) {
  console.error(`PDF reader budget exceeded by ${((lazy - PDF_BUDGET) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
