#!/usr/bin/env bash
# Builds tests/fixtures/office/table.{docx,odt,rtf} with LibreOffice from the
# small HTML document below, so that the .odt and .rtf readers (and the .docx
# reader on merged cells) are tested on files a real office suite wrote.
# Run: scripts/make-office-fixtures.sh   (needs soffice; the files are committed)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "soffice is missing: run scripts/setup.sh --browser" >&2; exit 1; }
out=tests/fixtures/office
mkdir -p "$out"
# A title, a paragraph with ideographic spaces, and a table with a two-level
# header (rowspan/colspan), a merged group cell, an empty cell, "/" and "—"
# placeholders, and a cell of two paragraphs.
cat >"$out/table.html" <<'HTML'
<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>表格</title></head><body><h1>某市2023年政府信息公开工作年度报告</h1><p>　　三、收到和处理政府信息公开申请情况</p><table border="1"><tr><td rowspan="2" colspan="2">项目</td><td colspan="2">申请人情况</td><td rowspan="2">总计</td></tr><tr><td>自然人</td><td>其他</td></tr><tr><td colspan="2">一、本年新收</td><td>3</td><td></td><td>3</td></tr><tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>/</td><td>—</td><td>0</td></tr><tr><td>2.其他法律<br>行政法规禁止公开</td><td>1</td><td>0</td><td>1</td></tr></table><p>　　四、完</p></body></html>
HTML
work=$(mktemp -d /tmp/nianbao-fixtures.XXXXXX)
trap 'rm -rf "$work"' EXIT
for fmt in docx odt rtf; do
  PAPERSIZE=a4 soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
    --infilter="HTML (StarWriter)" --convert-to "$fmt" --outdir "$work" "$out/table.html" >/dev/null
  mv "$work/table.$fmt" "$out/table.$fmt"
done
ls -l "$out"
