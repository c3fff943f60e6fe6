// Builds tests/fixtures/report.{html,docx} from tests/rules/base.txt, so
// that the .docx and .html readers are tested on files made the way Word and
// web pages make them (tables as tables), not written by hand.
// Run: node scripts/make-fixtures.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zip } from './zip.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'tests/fixtures');
const text = fs.readFileSync(path.join(root, 'tests/rules/base.txt'), 'utf8');
const lines = text.split('\n');

// Consecutive tab-separated lines form one table.
function blocks() {
  const res = [];
  for (const line of lines) {
    if (line.includes('\t')) {
      const last = res[res.length - 1];
      if (last?.table) last.rows.push(line.split('\t')); else res.push({ table: true, rows: [line.split('\t')] });
    } else res.push({ table: false, text: line });
  }
  return res;
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function html() {
  const body = blocks().map((b) => b.table
    ? '<table border="1">\n' + b.rows.map((r) => '  <tr>' + r.map((c) => `<td>${esc(c)}</td>`).join('') + '</tr>').join('\n') + '\n</table>'
    : (b.text.trim() ? `<p>${esc(b.text).replace(/，/g, '，')}</p>` : '')).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>某某市人民政府2023年政府信息公开工作年度报告</title>
<style>td { padding: 2px; } p::before { content: "1 2 3"; }</style>
<script>var figures = "<td>99</td><td>98</td>"; document.title += " 0 0 0";</script>
</head><body>
<!-- navigation: 首页 | 政务公开 | 12 34 -->
${body}
</body></html>
`;
}

function docxXml() {
  const run = (t) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
  const para = (t) => `<w:p>${t ? run(t) : ''}</w:p>`;
  const body = blocks().map((b) => b.table
    ? '<w:tbl>' + b.rows.map((r) => '<w:tr>' + r.map((c) => `<w:tc><w:tcPr/>${para(c)}</w:tc>`).join('') + '</w:tr>').join('') + '</w:tbl>'
    : para(b.text)).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

const docx = zip([
  ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
  ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
  ['word/document.xml', docxXml()],
]);

// The demo portal page: a published report (seeds/001) in the article, a
// compact widget checking it, a full widget, and the iframe embed.
function portal() {
  const src = fs.readFileSync(path.join(root, 'tests/corpus/seeds/001_790cad3f7e066faa.txt'), 'utf8').split('\n');
  const parts = [];
  let rows = [];
  const flush = () => { if (rows.length) { parts.push('<table>\n' + rows.map((r) => '  <tr>' + r.map((c) => `<td>${esc(c)}</td>`).join('') + '</tr>').join('\n') + '\n</table>'); rows = []; } };
  for (const line of src) {
    if (line.includes('\t')) rows.push(line.split('\t'));
    else { flush(); if (line.trim()) parts.push(`<p>${esc(line.trim())}</p>`); }
  }
  flush();
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <!-- The strict policy a portal may have: nothing inline, nothing from elsewhere. -->
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src blob:; style-src 'self'">
  <title>某某市政府门户网站 · 政府信息公开年报</title>
  <link rel="icon" href="../icon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="./portal.css">
  <script type="module" src="../nianbao-embed.js"></script>
  <script type="module" src="./portal.js"></script>
</head>
<body>
  <header class="portal"><h1>某某市人民政府门户网站</h1><nav><a href="#">首页</a><a href="#">政务公开</a><a href="#">年报</a></nav></header>
  <div class="layout">
    <article id="report">
${parts.join('\n')}
    </article>
    <aside>
      <h2>发布前检查</h2>
      <nianbao-checker id="sidebar" lang="zh" compact source="article" height="40rem"></nianbao-checker>
      <p id="status" role="status">正在检查…</p>
      <button id="publish" class="publish" type="button" disabled>发布</button>
    </aside>
  </div>
  <section>
    <h2>检查其他年报</h2>
    <nianbao-checker id="full" lang="en"></nianbao-checker>
  </section>
  <section>
    <h2>iframe 方式</h2>
    <iframe id="frame" class="nianbao" title="年报检查"></iframe>
  </section>
</body>
</html>
`;
}

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(root, 'www/demo/portal.html'), portal());
fs.writeFileSync(path.join(out, 'report.html'), html());
fs.writeFileSync(path.join(out, 'report.docx'), docx);
console.log('wrote tests/fixtures/report.html, report.docx, www/demo/portal.html');

// The other office formats, saved by LibreOffice itself from the .docx (as a
// clerk's Word, WPS or LibreOffice would save them): .odt and .rtf are read
// by the web app, .doc must get a clear sentence. Skipped without soffice.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
if (soffice) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-fixtures-'));
  for (const [ext, filter] of [['odt', 'odt'], ['rtf', 'rtf'], ['doc', 'doc:MS Word 97']]) {
    execFileSync(soffice, [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', filter, '--outdir', tmp, path.join(out, 'report.docx')], { stdio: 'ignore' });
    fs.copyFileSync(path.join(tmp, `report.${ext}`), path.join(out, `report.${ext}`));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log('wrote tests/fixtures/report.odt, report.rtf, report.doc (LibreOffice)');
} else {
  console.log('soffice not found: report.odt, .rtf, .doc not rebuilt');
}
