#!/usr/bin/env bash
# A post-build step (scripts/post-build.sh): builds the batch check (batch-wasm/) as a second wasm
# module into batch/ of the build, with its worker, page module and
# stylesheet. The app loads them only when a batch is opened (several files,
# a folder or a .zip); tests/e2e/size.mjs keeps them out of the first load.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run from Trunk (or set TRUNK_STAGING_DIR)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$TRUNK_STAGING_DIR/batch"
mkdir -p "$out"
cd "$root"
cargo build --quiet -p nianbao-batch-wasm --target wasm32-unknown-unknown --profile wasm-release
# The glue as a classic script (`wasm_bindgen`), put in front of the worker's
# own code: the worker is one file, which the pool checks as a whole against
# its integrity before running it (scripts/pin.mjs, www/batch/pool.js).
glue="$(mktemp -d)"
trap 'rm -rf "$glue"' EXIT
wasm-bindgen --target no-modules --no-typescript --out-dir "$glue" target/wasm32-unknown-unknown/wasm-release/nianbao_batch_wasm.wasm
wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  "$glue/nianbao_batch_wasm_bg.wasm" -o "$out/nianbao_batch_wasm_bg.wasm"
cp www/batch/*.js www/batch/*.css "$out/"
cat "$glue/nianbao_batch_wasm.js" www/batch/worker.js > "$out/worker.js"
