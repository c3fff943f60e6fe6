// A post-build step (scripts/post-build.sh): minifies the JavaScript of the build (the wasm-bindgen
// glue, the snippets and our loaders) so that the first load stays within budget.
// Runs in Trunk's staging directory (TRUNK_STAGING_DIR), before dist/ is replaced.
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify.mjs: TRUNK_STAGING_DIR is not set (run it from Trunk)');
  process.exit(1);
}
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
// The stylesheet: comments and spacing go. A string must not need a space next to : { } ; , or >
// (it would go too): write "\a0" for one (batch.css's English "Year: 2024").
for (const file of walk(dir).filter((f) => f.endsWith('.css'))) {
  const css = fs.readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    // A space after a colon is never significant (a declaration's, a media feature's, a pseudo-class's).
    .replace(/:\s+/g, ':')
    // Leading zeros of fractions: 0.5rem is .5rem.
    .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
    .replace(/;}/g, '}')
    .trim();
  fs.writeFileSync(file, css);
}
for (const file of walk(dir).filter((f) => f.endsWith('.js'))) {
  const src = fs.readFileSync(file, 'utf8');
  const out = await minify(src, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  fs.writeFileSync(file, out.code);
}
