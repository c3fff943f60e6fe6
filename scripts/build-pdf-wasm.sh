#!/usr/bin/env bash
# Trunk post-build hook: builds the PDF reader (pdf-wasm/) as a second wasm
# module into pdf/ of the build, with its worker and client. The app and the
# API load it only when a PDF is opened; tests/e2e/size.mjs keeps it out of
# the first load and measures it against its own budget.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run from Trunk (or set TRUNK_STAGING_DIR)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$TRUNK_STAGING_DIR/pdf"
mkdir -p "$out"
cd "$root"
cargo build --quiet -p nianbao-pdf-wasm --target wasm32-unknown-unknown --profile wasm-release
wasm-bindgen --target web --no-typescript --out-dir "$out" target/wasm32-unknown-unknown/wasm-release/nianbao_pdf_wasm.wasm
wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  "$out/nianbao_pdf_wasm_bg.wasm" -o "$out/nianbao_pdf_wasm_bg.wasm"
cp www/pdf/worker.js www/pdf/client.js "$out/"
