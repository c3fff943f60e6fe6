// A post-build step (scripts/post-build.sh, after minification, before
// pinning): gives the app wasm's imports from its glue short names. wasm-bindgen
// names each one after its function and a hash (`__wbg_fetchText_52ea459480919b08`),
// and every name is written twice, in the wasm's import section and as a key
// of the glue's import object: about 150 names, some 4 KB gzip of the first
// load. Only the glue's own imports (module `./www_bg.js`) are renamed; the
// snippets' imports are the exports of their modules and keep their names.
//
// The wasm is rewritten section by section: only the import section changes.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('short-imports.mjs: TRUNK_STAGING_DIR is not set (run it from Trunk through scripts/post-build.sh)');
  process.exit(1);
}
const wasmFile = path.join(dir, 'www_bg.wasm');
const jsFile = path.join(dir, 'www.js');
const GLUE = './www_bg.js';

const wasm = fs.readFileSync(wasmFile);
let js = fs.readFileSync(jsFile, 'utf8');

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(b, at) {
  let value = 0n;
  let shift = 0n;
  for (;;) {
    const byte = b[at++];
    value |= BigInt(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return [value, at];
    shift += 7n;
  }
}
/** Writes an unsigned LEB128. */
function toLeb(n) {
  const out = [];
  let v = BigInt(n);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v) byte |= 0x80;
    out.push(byte);
  } while (v);
  return Buffer.from(out);
}
const name = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([toLeb(b.length), b]); };

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('short-imports.mjs: www_bg.wasm is not a wasm module');
const sections = [wasm.subarray(0, 8)];
const renamed = new Map();
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = leb(wasm, at + 1);
  const end = body + Number(size);
  if (id !== 2) {
    sections.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  // The import section: module, field, kind, then a descriptor of the kind's shape.
  let p = body;
  const [count, first] = leb(wasm, p);
  p = first;
  const entries = [];
  for (let i = 0n; i < count; i++) {
    const [mlen, m0] = leb(wasm, p);
    const module = wasm.subarray(m0, m0 + Number(mlen)).toString('utf8');
    const [flen, f0] = leb(wasm, m0 + Number(mlen));
    const field = wasm.subarray(f0, f0 + Number(flen)).toString('utf8');
    const descStart = f0 + Number(flen);
    const kind = wasm[descStart];
    let q = descStart + 1;
    const limits = () => { const flags = wasm[q++]; q = leb(wasm, q)[1]; if (flags & 1) q = leb(wasm, q)[1]; };
    if (kind === 0) q = leb(wasm, q)[1]; // function: type index
    else if (kind === 1) { q++; limits(); } // table: reference type, limits
    else if (kind === 2) limits(); // memory
    else if (kind === 3) q += 2; // global: value type, mutability
    else if (kind === 4) { q++; q = leb(wasm, q)[1]; } // tag: attribute, type index
    else throw new Error(`short-imports.mjs: unknown import kind ${kind}`);
    let short = field;
    if (module === GLUE && /^__wbg_|^__wbindgen_/.test(field)) {
      short = 'i' + renamed.size.toString(36);
      renamed.set(field, short);
    }
    entries.push(Buffer.concat([name(module), name(short), wasm.subarray(descStart, q)]));
    p = q;
  }
  if (p !== end) throw new Error('short-imports.mjs: the import section was not read to its end');
  const payload = Buffer.concat([toLeb(count), ...entries]);
  sections.push(Buffer.concat([Buffer.from([2]), toLeb(payload.length), payload]));
  at = end;
}

// Each name is a key of the glue's import object, once; nothing else in the glue spells it.
for (const [long, short] of renamed) {
  const re = new RegExp(`(?<![\\w$])${long}(?![\\w$])`, 'g');
  const uses = js.match(re)?.length ?? 0;
  if (uses !== 1) throw new Error(`short-imports.mjs: ${long} occurs ${uses} times in www.js, expected once`);
  js = js.replace(re, short);
}
fs.writeFileSync(wasmFile, Buffer.concat(sections));
fs.writeFileSync(jsFile, js);
// The result must still link: every import the wasm asks for is a key of the glue.
const imports = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(wasmFile)));
for (const i of imports) if (i.module === GLUE && !new RegExp(`[{,]${i.name}[:(]`).test(js)) throw new Error(`short-imports.mjs: ${i.name} is not in the glue`);
console.log(`short-imports.mjs: ${renamed.size} imports renamed`);
