#!/usr/bin/env bash
# Generated PDF fixtures (issue 8), written to target/pdf-fixtures/ and read by
# tests/pdf.rs: a report typeset by reportlab in the non-embedded STSong-Light
# (predefined CMap UniGB-UCS2-H, no ToUnicode); the same report as HTML with
# its tables converted by LibreOffice in two fonts, with a table split over
# two pages and its header rows on the page before its rows, and an edge-case
# copy (a truly blank cell, — and / cells, 5–7-digit values); qpdf-encrypted
# copies of a real report (RC4 40 and 128, AES-128, AES-256, and one that
# needs a password); a scan (page images, no text layer).
#
# Remade only when these scripts or their inputs change. No network: the
# venv is made by scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/pdf-fixtures
venv=target/pdf-venv
seed=tests/corpus/seeds/001_790cad3f7e066faa.txt
real=tests/corpus/real/pdf/hongze_qu_2023.pdf
say() { printf '\033[1mpdf fixtures:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mpdf fixtures: %s\033[0m\n' "$*" >&2; exit 1; }

for tool in soffice qpdf pdftoppm sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/setup.sh --browser"
done
"$venv/bin/python" -c 'import reportlab' 2>/dev/null || die "reportlab is missing from $venv: run scripts/setup.sh --browser"

key=$(cat scripts/pdf/*.py scripts/pdf/make.sh "$seed" "$real" | sha256sum | cut -c1-64)
if [ "$(cat "$out/.inputs" 2>/dev/null)" = "$key" ] && [ -f "$out/manifest.tsv" ]; then
  say "up to date"
  exit 0
fi
rm -rf "$out"
mkdir -p "$out"

"$venv/bin/python" scripts/pdf/fixtures.py "$seed" "$out"
profile=$(mktemp -d /tmp/nianbao-pdf-lo.XXXXXX)
trap 'rm -rf "$profile"' EXIT
(cd "$out" && PAPERSIZE=a4 soffice --headless "-env:UserInstallation=file://$profile" \
  --convert-to pdf:writer_web_pdf_Export --outdir . lo_*.html >/dev/null 2>&1) || die "LibreOffice failed"
for f in "$out"/lo_*.html; do [ -s "${f%.html}.pdf" ] || die "LibreOffice made no ${f%.html}.pdf"; done

qpdf --allow-weak-crypto --encrypt "" owner 40 -- "$real" "$out/enc_rc4_40.pdf"
qpdf --allow-weak-crypto --encrypt "" owner 128 --use-aes=n -- "$real" "$out/enc_rc4_128.pdf"
qpdf --encrypt "" owner 128 --use-aes=y -- "$real" "$out/enc_aes128.pdf"
qpdf --encrypt "" owner 256 -- "$real" "$out/enc_aes256.pdf"
qpdf --encrypt "" owner 256 -- "$out/reportlab_001.pdf" "$out/enc_reportlab_aes256.pdf"
qpdf --encrypt secret owner 256 -- "$real" "$out/enc_password.pdf"

# A scan: the real report's pages as images in a PDF, no text.
pdftoppm -r 60 -png "$real" "$out/scan-page"
"$venv/bin/python" - "$out" <<'PY'
import glob, sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
out = sys.argv[1]
c = canvas.Canvas(f"{out}/scan.pdf", pagesize=A4)
for png in sorted(glob.glob(f"{out}/scan-page*.png")):
    c.drawImage(png, 0, 0, width=A4[0], height=A4[1])
    c.showPage()
c.save()
PY
rm -f "$out"/scan-page*.png

# file <tab> what it must give cell for cell: an expected JSON of the corpus,
# or txt:FILE, the same report as text (the oracle for the edge-case copy).
{
  printf 'reportlab_001.pdf\tseeds__001_790cad3f7e066faa\n'
  printf 'enc_reportlab_aes256.pdf\tseeds__001_790cad3f7e066faa\n'
  printf 'lo_001_wqy.pdf\tseeds__001_790cad3f7e066faa\n'
  printf 'lo_001_serif.pdf\tseeds__001_790cad3f7e066faa\n'
  printf 'lo_001_edge.pdf\ttxt:lo_001_edge.txt\n'
  for f in enc_rc4_40 enc_rc4_128 enc_aes128 enc_aes256; do printf '%s.pdf\treal__hongze_2023_layout\n' "$f"; done
} >"$out/manifest.tsv"
echo "$key" >"$out/.inputs"
say "made $(ls "$out"/*.pdf | wc -l) PDFs in $out"
