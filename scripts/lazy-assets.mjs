// Trunk post-build hook: writes the rules' documentation that the web app
// loads only when a reader opens it, one file per language, from the
// registry in src/rules/mod.rs through the CLI (`nianbao rules --format
// json`), so that the first-load wasm carries titles only (the www crate
// builds the core without its `docs` feature).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('lazy-assets.mjs: TRUNK_STAGING_DIR is not set (run it from Trunk)');
  process.exit(1);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const json = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'nianbao', '--', 'rules', '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
const rules = JSON.parse(json);
const pick = (title, doc) => rules.map((r) => ({ code: r.code, title: r[title], doc: r[doc] }));
fs.writeFileSync(path.join(dir, 'rules-zh.json'), JSON.stringify(pick('title', 'doc')));
fs.writeFileSync(path.join(dir, 'rules-en.json'), JSON.stringify(pick('title_en', 'doc_en')));
if (rules.some((r) => !r.doc || !r.doc_en)) {
  console.error('lazy-assets.mjs: a rule has no documentation (was the CLI built without the `docs` feature?)');
  process.exit(1);
}
