#!/usr/bin/env bash
# The layout zoo (issue 9): every corpus report in the layouts people really
# have, each made by the real tool. Writes target/zoo/<dir>__<stem>/; read by
# tests/zoo.rs. See scripts/zoo/README.md for the list.
#
# Idempotent: a report's layouts are remade only when its rendering or these
# scripts changed (a hash of both is kept in .inputs). No network.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=scripts/zoo
zoo=target/zoo
venv=target/zoo-venv
# reportlab (the narrow-column PDFs) lives in the PDF fixtures' venv.
pdfvenv=target/pdf-venv
# The edge-case copy of this seed (scripts/pdf/fixtures.py: 5–7-digit values,
# a blank, a — and a / cell) gets the narrow-column layouts too.
edge_seed=tests/corpus/seeds/001_790cad3f7e066faa.txt
say() { printf '\033[1mzoo:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mzoo: %s\033[0m\n' "$*" >&2; exit 1; }

# Every tool, or a loud stop: a zoo with a layout missing would pass for a good one.
for tool in soffice pdftotext node cargo sha256sum fc-list; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/setup.sh --browser"
done
# (Not `fc-list | grep -q`: under pipefail, grep's early exit makes fc-list fail with SIGPIPE.)
[ -n "$(fc-list 'WenQuanYi Micro Hei')" ] || die "the CJK font WenQuanYi Micro Hei is missing (fonts-wqy-microhei): run scripts/setup.sh --browser"
[ -f node_modules/pdfjs-dist/legacy/build/pdf.mjs ] || die "pdfjs-dist is missing: run scripts/setup.sh (npm ci)"
"$venv/bin/python" -c 'import bs4, markitdown, pymupdf4llm' >/dev/null 2>&1 ||
  die "the Python converters are missing from $venv: run scripts/setup.sh --browser"
"$pdfvenv/bin/python" -c 'import reportlab' >/dev/null 2>&1 || die "reportlab is missing from $pdfvenv: run scripts/setup.sh --browser"
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || die "wqy-microhei.ttc is missing (fonts-wqy-microhei): run scripts/setup.sh --browser"

started=$(date +%s)
cargo build --quiet --example render_html
render=target/debug/examples/render_html
scripts_hash=$(cat "$here"/make.sh "$here"/convert.py "$here"/narrow.py "$here"/pdfjs-text.mjs "$here"/portal.html "$here"/requirements.txt scripts/pdf/fixtures.py |
  sha256sum | cut -c1-64)

mkdir -p "$zoo"
stale=()
for txt in tests/corpus/seeds/*.txt tests/corpus/real/*.txt; do
  name="$(basename "$(dirname "$txt")")__$(basename "$txt" .txt)"
  d="$zoo/$name"
  mkdir -p "$d"
  # The rendering follows the parser, so it is made every time (milliseconds)
  # and replaced only when it differs.
  "$render" "$txt" >"$d/render.html.new"
  if cmp -s "$d/render.html.new" "$d/render.html"; then rm "$d/render.html.new"; else mv "$d/render.html.new" "$d/render.html"; fi
  tr '\n' '\r' <"$txt" >"$d/cr.txt"
  key=$( (cat "$d/render.html" "$txt"; echo "$scripts_hash") | sha256sum | cut -c1-64)
  if [ "$(cat "$d/.inputs" 2>/dev/null)" != "$key" ]; then
    rm -f "$d/.inputs"
    stale+=("$name")
  fi
done

# The edge case: its text as the PDF shows it and its oracle (the same
# report with "-" in the blank cell), hidden files that the test reads as the
# expected values; only the narrow-column layouts are made of it.
edge="$zoo/edge__$(basename "$edge_seed" .txt)"
mkdir -p "$edge"
"$pdfvenv/bin/python" - "$edge_seed" "$edge" <<'PY'
import sys
sys.path.insert(0, "scripts/pdf")
from fixtures import edge_case
src, out = sys.argv[1], sys.argv[2]
pdf_lines, oracle = edge_case(open(src, encoding="utf-8-sig").readlines())
open(f"{out}/.edge.txt", "w", encoding="utf-8").write("".join(pdf_lines))
open(f"{out}/.oracle.txt", "w", encoding="utf-8").write("".join(oracle))
PY
"$render" "$edge/.edge.txt" >"$edge/.render.html"
edge_key=$( (cat "$edge/.render.html" "$edge/.oracle.txt"; echo "$scripts_hash") | sha256sum | cut -c1-64)
edge_stale=0
[ "$(cat "$edge/.inputs" 2>/dev/null)" = "$edge_key" ] || { rm -f "$edge/.inputs"; edge_stale=1; }

# The three real published PDFs, as a viewer's copy (pdf.js) and pdftotext's
# reading order give them: the layouts of real PDFs, not only of LibreOffice's.
# Cheap, so made every time.
real_args=()
for pair in hongze_qu_2023:hongze_2023_layout hongze_qu_2024:hongze_2024_layout huaian_shi_2024:huaian_2024_layout; do
  pdf="tests/corpus/real/pdf/${pair%%:*}.pdf"
  d="$zoo/real__${pair#*:}"
  pdftotext -enc UTF-8 "$pdf" "$d/realpdf-pdftotext.txt"
  real_args+=("$pdf" "$d/realpdf-pdfjs.txt")
done
node "$here/pdfjs-text.mjs" "${real_args[@]}"

# Narrow number columns (reportlab, WenQuanYi embedded): numbers wrap inside
# their cells. Read by the project's PDF reader (narrow.pdf), pdftotext in
# both modes and pdf.js, as lo.pdf is.
narrow() {
  local renders=() d
  for d in "$@"; do
    if [ -f "$d/render.html" ]; then renders+=("$d/render.html" "$d/narrow.pdf"); else renders+=("$d/.render.html" "$d/narrow.pdf"); fi
  done
  "$pdfvenv/bin/python" "$here/narrow.py" "${renders[@]}"
  local js=()
  for d in "$@"; do
    pdftotext -layout -enc UTF-8 "$d/narrow.pdf" "$d/narrow-pdftotext-layout.txt"
    pdftotext -enc UTF-8 "$d/narrow.pdf" "$d/narrow-pdftotext.txt"
    js+=("$d/narrow.pdf" "$d/narrow-pdfjs.txt")
  done
  node "$here/pdfjs-text.mjs" "${js[@]}"
}
if [ "$edge_stale" = 1 ]; then
  narrow "$edge"
  echo "$edge_key" >"$edge/.inputs"
fi

if [ ${#stale[@]} -eq 0 ]; then
  say "all $(ls -d "$zoo"/*/ | wc -l) reports up to date ($(($(date +%s) - started)) s)"
  exit 0
fi
say "making the layouts of ${#stale[@]} report(s): ${stale[*]}"

# LibreOffice: one call per format for all the reports (start-up dominates).
# A private profile, so that a running or half-configured user profile
# cannot interfere; PAPERSIZE makes the page A4 whatever the locale.
work=$(mktemp -d /tmp/nianbao-zoo.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
for name in "${stale[@]}"; do cp "$zoo/$name/render.html" "$work/in/$name.html"; done
for fmt in docx odt rtf pdf html; do
  mkdir -p "$work/$fmt"
  PAPERSIZE=a4 soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
    --infilter="HTML (StarWriter)" --convert-to "$fmt" --outdir "$work/$fmt" "$work"/in/*.html >"$work/soffice-$fmt.log" 2>&1 ||
    die "soffice --convert-to $fmt failed: $(cat "$work/soffice-$fmt.log")"
  for name in "${stale[@]}"; do
    [ -s "$work/$fmt/$name.$fmt" ] || die "soffice made no $name.$fmt: $(cat "$work/soffice-$fmt.log")"
    mv "$work/$fmt/$name.$fmt" "$zoo/$name/lo.$fmt"
  done
done

# A text report opened in LibreOffice and saved as a web page: the whole
# text in one <pre>, its spacing and line breaks kept.
mkdir -p "$work/txt" "$work/txt-html"
for name in "${stale[@]}"; do cp "tests/corpus/${name%%__*}/${name#*__}.txt" "$work/txt/$name.txt"; done
PAPERSIZE=a4 soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
  --infilter="Text (encoded):UTF8,LF,,," --convert-to html --outdir "$work/txt-html" "$work"/txt/*.txt >"$work/soffice-txt.log" 2>&1 ||
  die "soffice --convert-to html (text) failed: $(cat "$work/soffice-txt.log")"
for name in "${stale[@]}"; do
  grep -q '<pre' "$work/txt-html/$name.html" 2>/dev/null || die "soffice made no <pre> page of $name: $(cat "$work/soffice-txt.log")"
  mv "$work/txt-html/$name.html" "$zoo/$name/lo-text.html"
done

pdfjs_args=()
portal_args=()
flat_args=()
markitdown_args=()
pymupdf_args=()
for name in "${stale[@]}"; do
  d="$zoo/$name"
  pdftotext -layout -enc UTF-8 "$d/lo.pdf" "$d/pdftotext-layout.txt"
  pdftotext -enc UTF-8 "$d/lo.pdf" "$d/pdftotext.txt"
  tr '\n' '\r' <"$d/pdftotext-layout.txt" >"$d/pdftotext-layout-cr.txt"
  pdfjs_args+=("$d/lo.pdf" "$d/pdfjs.txt")
  portal_args+=("$d/render.html" "$d/portal.html")
  flat_args+=("$d/render.html" "$d/flat.txt" "$d/portal.html" "$d/portal-flat.txt")
  markitdown_args+=("$d/lo.docx" "$d/md-markitdown.md")
  pymupdf_args+=("$d/lo.pdf" "$d/md-pymupdf4llm.md")
done
narrow "${stale[@]/#/$zoo/}"
node "$here/pdfjs-text.mjs" "${pdfjs_args[@]}"
"$venv/bin/python" "$here/convert.py" portal "$here/portal.html" "${portal_args[@]}"
"$venv/bin/python" "$here/convert.py" flat "${flat_args[@]}"
"$venv/bin/python" "$here/convert.py" markitdown "${markitdown_args[@]}"
"$venv/bin/python" "$here/convert.py" pymupdf4llm "${pymupdf_args[@]}" >"$work/pymupdf4llm.log" 2>&1 ||
  die "pymupdf4llm failed: $(cat "$work/pymupdf4llm.log")"

for name in "${stale[@]}"; do
  d="$zoo/$name"
  for f in render.html portal.html lo.docx lo.odt lo.rtf lo.pdf lo.html lo-text.html pdftotext-layout.txt pdftotext.txt pdfjs.txt \
    flat.txt portal-flat.txt cr.txt pdftotext-layout-cr.txt md-markitdown.md md-pymupdf4llm.md \
    narrow.pdf narrow-pdftotext-layout.txt narrow-pdftotext.txt narrow-pdfjs.txt; do
    [ -s "$d/$f" ] || die "$d/$f was not made"
  done
  (cat "$d/render.html" "tests/corpus/${name%%__*}/${name#*__}.txt"; echo "$scripts_hash") | sha256sum | cut -c1-64 >"$d/.inputs"
done
say "done in $(($(date +%s) - started)) s"
