// The last post-build step (scripts/post-build.sh): pins every file the pages
// load. Each file gets a content-hashed name (www.3f2a9c01de.js: a new build
// never pairs with an old file in a cache) and is loaded only if its bytes
// match its integrity hash (SRI, sha384):
//
// - the pages (index.html, embed.html) carry `integrity` on every <script>
//   and stylesheet <link>;
// - the loaders carry the names and hashes of what they load, as a constant
//   `__nianbaoPins` put in front of their code, and check each file as they
//   fetch it (modulepreload with integrity before import(), fetch() with
//   integrity for the wasm and data, a verified blob for the PDF worker);
// - the on-demand files are listed with their hashes in assets.<hash>.json,
//   whose own hash is in platform.js, whose hash is in the loaders.
//
// The entry points keep their names (index.html, embed.html, nianbao-embed.js,
// nianbao.js): a portal pins the widget with one `integrity` on
// nianbao-embed.js, which this step prints. integrity.json lists every file's
// hashed name and integrity (for reviewers and the tests; no page loads it).
//
// Works in Trunk's staging directory (TRUNK_STAGING_DIR), after minification:
// the hashes are of the bytes served.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('pin.mjs: TRUNK_STAGING_DIR is not set (run it from Trunk through scripts/post-build.sh)');
  process.exit(1);
}
const file = (rel) => path.join(dir, rel);
const read = (rel) => fs.readFileSync(file(rel), 'utf8');
const sri = (bytes) => 'sha384-' + crypto.createHash('sha384').update(bytes).digest('base64');
const need = (rel) => {
  if (!fs.existsSync(file(rel))) {
    console.error(`pin.mjs: ${rel} is missing from the build`);
    process.exit(1);
  }
  return rel;
};

/** Every pinned file: plain name → [hashed name, integrity], relative to the site's root. */
const pins = {};

/** Renames `rel` to its content-hashed name, after `edit` of its text if given. */
function pin(rel, edit) {
  need(rel);
  let bytes = fs.readFileSync(file(rel));
  if (edit) bytes = Buffer.from(edit(bytes.toString('utf8')), 'utf8');
  const ext = path.extname(rel);
  const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const hashed = `${rel.slice(0, -ext.length)}.${hash}${ext}`;
  fs.rmSync(file(rel));
  fs.writeFileSync(file(hashed), bytes);
  pins[rel] = [hashed, sri(bytes)];
  return pins[rel];
}

/** Puts the pins a loader reads (`__nianbaoPins`) in front of its code. */
const withPins = (subset) => (code) => {
  if (!code.includes('__nianbaoPins')) throw new Error('pin.mjs: a loader does not read __nianbaoPins');
  return `const __nianbaoPins=${JSON.stringify(subset)};${code}`;
};

/** Replaces a static import's specifier (only in `from"…"`: the glue also uses the snippet's path as a key). */
function reimport(code, from, to) {
  const re = new RegExp(`(from\\s*["'])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(["'])`, 'g');
  if (!re.test(code)) throw new Error(`pin.mjs: no import of ${from}`);
  return code.replace(re, `$1${to}$2`);
}

// 1. Files that name no other file.
pin('www_bg.wasm');
pin('style.css');
pin('convert.js');
pin('rules-zh.json');
pin('rules-en.json');
pin('messages-en.json');
const samples = fs.readdirSync(file('samples')).filter((f) => f.endsWith('.txt')).map((f) => `samples/${f}`);
for (const s of samples) pin(s);
pin('pdf/nianbao_pdf_wasm_bg.wasm');
pin('pdf/worker.js');

// 2. The PDF reader's client: the worker and the reader's wasm.
pin('pdf/client.js', withPins({ worker: pins['pdf/worker.js'], wasm: pins['pdf/nianbao_pdf_wasm_bg.wasm'] }));

// 3. The batch check (batch/, loaded by batch-hook.js when a batch is opened)
// and the checker without the interface (batch/checker.js: the API, the
// embed's results, the exports): its files name each other, the converter,
// the PDF reader and the rules by relative string literals, rewritten to the
// hashed names, leaves first. Its hook gets, for each view it imports, every module that view may
// import (not those of its worker), to check them all before the import.
const LITERAL = /(["'])((?:\.{1,2}\/)?[\w./-]+\.(?:js|css|json|wasm|txt))\1/g;
const resolve = (rel, ref) => path.posix.normalize(path.posix.join(path.posix.dirname(rel), ref));
const exists = (rel) => !!pins[rel] || fs.existsSync(file(rel));
/** The files of the build that a script names. */
const refsOf = (rel) => [...new Set([...read(rel).matchAll(LITERAL)].map((m) => resolve(rel, m[2])).filter(exists))];
/** A script with the files it names rewritten to their hashed names. */
const rewrite = (rel) => (code) => code.replace(LITERAL, (lit, q, ref) => {
  const target = resolve(rel, ref);
  if (!pins[target]) return lit;
  let to = path.posix.relative(path.posix.dirname(rel), pins[target][0]);
  if (ref.startsWith('./') && !to.startsWith('.')) to = './' + to;
  return q + to + q;
});
/** `pinTree`'s scripts that read pins of their own (`__nianbaoPins`): what each checks as it fetches. */
const ownPins = {
  'batch/batch.js': () => ({ css: pins['batch/batch.css'] }),
  'batch/years.js': () => ({ css: pins['batch/batch.css'] }),
  'batch/pool.js': () => ({ worker: pins['batch/worker.js'], wasm: pins['batch/nianbao_batch_wasm_bg.wasm'] }),
  'batch/checker.js': () => ({ core: pins['batch/core.js'], wasm: pins['batch/nianbao_batch_wasm_bg.wasm'] }),
};
function pinTree(files) {
  const refs = new Map(files.map((rel) => [rel, rel.endsWith('.js') ? refsOf(rel).filter((r) => r !== rel) : []]));
  const left = new Set(files);
  while (left.size) {
    const ready = [...left].filter((rel) => refs.get(rel).every((r) => !left.has(r)));
    if (!ready.length) throw new Error(`pin.mjs: files that name each other in a cycle: ${[...left].join(', ')}`);
    for (const rel of ready) {
      for (const r of refs.get(rel)) if (!pins[r]) throw new Error(`pin.mjs: ${rel} names ${r}, which is not pinned`);
      const own = ownPins[rel];
      pin(rel, rel.endsWith('.js') ? (code) => (own ? withPins(own()) : (c) => c)(rewrite(rel)(code)) : undefined);
      left.delete(rel);
    }
  }
  return refs;
}
const batchFiles = fs.readdirSync(file('batch')).map((f) => `batch/${f}`);
const batchRefs = pinTree(batchFiles);
// The worker is not a module of the page (the pool checks it and runs it from a blob).
const WORKER_SIDE = /^batch\/worker\.js$/;
function moduleGraph(entry) {
  const seen = [entry];
  for (let i = 0; i < seen.length; i++) {
    for (const r of batchRefs.get(seen[i]) ?? []) {
      if (r.endsWith('.js') && !WORKER_SIDE.test(r) && !seen.includes(r)) seen.push(r);
    }
  }
  return seen.map((r) => pins[r]);
}
// 4. The on-demand files of the app, listed for platform.js (the JSON export uses the checker).
const lazy = ['convert.js', 'rules-zh.json', 'rules-en.json', 'messages-en.json', ...samples, 'pdf/client.js', 'batch/checker.js'];
fs.writeFileSync(file('assets.json'), JSON.stringify(Object.fromEntries(lazy.map((n) => [n, pins[n]]))));
pin('assets.json');

// 5. The app's modules: platform.js (a wasm-bindgen snippet), then the glue that imports it.
const snippets = fs.readdirSync(file('snippets'));
if (snippets.length !== 1) throw new Error(`pin.mjs: expected one snippets/ directory, found ${snippets.join(', ')}`);
const platform = `snippets/${snippets[0]}/src/platform.js`;
pin(platform, withPins({ assets: pins['assets.json'] }));
pin('www.js', (code) => reimport(code, `./${platform}`, `./${pins[platform][0]}`));
// The entry first: the loaders import it after every module has been verified.
const modules = [pins['www.js'], pins[platform]];
const app = { modules, wasm: pins['www_bg.wasm'] };

// The views' module graphs (30 names and hashes, 2 KB gzip) are a pinned
// file of their own, fetched when a view is first opened: the hook, which is
// part of the first load, carries only that file's name and hash.
const views = ['batch/batch.js', 'batch/years.js', 'batch/word.js'];
fs.writeFileSync(file('batch/graphs.json'), JSON.stringify(Object.fromEntries(views.map((v) => [pins[v][0], moduleGraph(v)]))));
pin('batch/graphs.json');
pin('batch-hook.js', (code) => withPins({ graphs: pins['batch/graphs.json'] })(rewrite('batch-hook.js')(code)));

// 6. The loaders.
pin('boot.js', withPins({ ...app, hook: pins['batch-hook.js'] }));
// The embeds post results as the API's document: the checker, loaded when the first result is asked for.
const checker = pins['batch/checker.js'];
pin('embed-frame.js', withPins({ ...app, checker }));
/** A stable entry point: keeps its name, gets its pins. */
function entry(rel, subset) {
  need(rel);
  const code = withPins(subset)(read(rel));
  fs.writeFileSync(file(rel), code);
  pins[rel] = [rel, sri(Buffer.from(code, 'utf8'))];
}
entry('nianbao-embed.js', { ...app, css: pins['style.css'], convert: pins['convert.js'], checker });
entry('nianbao.js', { checker, rulesZh: pins['rules-zh.json'], rulesEn: pins['rules-en.json'], pdf: pins['pdf/client.js'] });

// 7. The pages: hashed names and integrity on every script and stylesheet.
function page(rel) {
  let html = read(rel);
  // Trunk leaves its own build directive in the page (inject_scripts = false); it loads nothing.
  html = html.replace(/[ \t]*<link data-trunk [^>]*>\n?/g, '');
  // Comments and blank lines are for the source (the first load's budget).
  html = html.replace(/[ \t]*<!--[\s\S]*?-->\n?/g, '').replace(/\n\s*\n/g, '\n');
  // So is the indentation (no element of the pages keeps its white space).
  html = html.replace(/^[ \t]+/gm, '');
  html = html.replace(/<(script|link)\b([^>]*?)\s(src|href)="\.?\/?([^"]+)"([^>]*)>/g, (tag, name, before, attr, ref, after) => {
    if (name === 'link' && !/rel="stylesheet"/.test(tag)) return tag;
    const p = pins[ref];
    if (!p) throw new Error(`pin.mjs: ${rel} loads ${ref}, which is not pinned`);
    return `<${name}${before} ${attr}="./${p[0]}" integrity="${p[1]}"${after.replace(/\/$/, '')}>`;
  });
  fs.writeFileSync(file(rel), html);
}
page('index.html');
page('embed.html');

// 8. The demo pages: integrity on their scripts and stylesheets (their own
// files keep their names), the widget loader pinned as a portal would pin it.
for (const f of fs.readdirSync(file('demo')).filter((n) => n.endsWith('.html'))) {
  const rel = `demo/${f}`;
  const html = read(rel).replace(/<(script|link)\b([^>]*?)\s(src|href)="([^"]+)"([^>]*)>/g, (tag, name, before, attr, ref) => {
    if (name === 'link' && !/rel="stylesheet"/.test(tag)) return tag;
    const target = path.posix.normalize(path.posix.join('demo', ref));
    const p = pins[target] ?? [target, sri(fs.readFileSync(file(need(target))))];
    return tag.replace(/>$/, ` integrity="${p[1]}" crossorigin="anonymous">`);
  });
  fs.writeFileSync(file(rel), html);
}

fs.writeFileSync(file('integrity.json'), JSON.stringify(pins, null, 1) + '\n');
console.log(`pin.mjs: ${Object.keys(pins).length} files pinned. The widget, pinned by one hash (every file it loads is checked against this build):

  <script type="module" src="https://YOUR-HOST/PATH/nianbao-embed.js"
          integrity="${pins['nianbao-embed.js'][1]}" crossorigin="anonymous"></script>
`);
