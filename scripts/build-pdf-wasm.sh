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
# The glue as a classic script (`wasm_bindgen`), put in front of the worker's
# own code: the worker is one file, which the client can check as a whole
# against its integrity before running it (scripts/pin.mjs, www/pdf/client.js).
glue="$(mktemp -d)"
trap 'rm -rf "$glue"' EXIT
wasm-bindgen --target no-modules --no-typescript --out-dir "$glue" target/wasm32-unknown-unknown/wasm-release/nianbao_pdf_wasm.wasm
wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  "$glue/nianbao_pdf_wasm_bg.wasm" -o "$out/nianbao_pdf_wasm_bg.wasm"
cat "$glue/nianbao_pdf_wasm.js" www/pdf/worker.js > "$out/worker.js"
cp www/pdf/client.js "$out/"
