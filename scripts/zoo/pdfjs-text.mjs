// The text a browser PDF viewer (pdf.js) copies: getTextContent() of every
// page, items in order, "\n" where an item ends a line (hasEOL), a line break
// between pages. Arguments are (input.pdf, output.txt) pairs. Run by make.sh.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

// pdf.js 4 uses Promise.withResolvers, which Node 20 lacks.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2) {
  console.error('usage: pdfjs-text.mjs IN.pdf OUT.txt [IN.pdf OUT.txt ...]');
  process.exit(2);
}
for (let i = 0; i < args.length; i += 2) {
  const data = new Uint8Array(await readFile(args[i]));
  const doc = await pdfjs.getDocument({
    data,
    cMapUrl: path.join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str;
      if (item.hasEOL) text += '\n';
    }
    if (!text.endsWith('\n')) text += '\n';
    page.cleanup();
  }
  await doc.destroy();
  await writeFile(args[i + 1], text);
}
