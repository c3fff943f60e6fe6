// A post-build step (scripts/post-build.sh): writes what the web app loads only when asked for,
// from the core through the CLI, so that the first-load wasm carries none of
// it (the www crate builds the core without its `docs` and `en` features):
// - the rules' documentation, one file per language (`nianbao rules --format
//   json`, from the registry in src/rules/mod.rs), loaded when a reader opens it;
// - the English catalogue (`nianbao catalogue`, from src/messages/): messages,
//   template labels, rule titles and interface strings, loaded when a reader
//   switches to English.
// They are written under their plain names; scripts/pin.mjs then gives them
// content-hashed names and lists them, with their integrity, in assets.json.
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
const cli = (...args) => execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'nianbao', '--', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
const rules = JSON.parse(cli('rules', '--format', 'json'));
const pick = (title, doc) => rules.map((r) => ({ code: r.code, title: r[title], doc: r[doc] }));
fs.writeFileSync(path.join(dir, 'rules-zh.json'), JSON.stringify(pick('title', 'doc')));
fs.writeFileSync(path.join(dir, 'rules-en.json'), JSON.stringify(pick('title_en', 'doc_en')));
const english = JSON.parse(cli('catalogue'));
if (!['keys', 'messages', 'ui', 'labels'].every((k) => Array.isArray(english[k])) || typeof english.fingerprint !== 'number') {
  console.error('lazy-assets.mjs: `nianbao catalogue` gave no English catalogue');
  process.exit(1);
}
fs.writeFileSync(path.join(dir, 'messages-en.json'), JSON.stringify(english));
if (rules.some((r) => !r.doc || !r.doc_en)) {
  console.error('lazy-assets.mjs: a rule has no documentation (was the CLI built without the `docs` feature?)');
  process.exit(1);
}
