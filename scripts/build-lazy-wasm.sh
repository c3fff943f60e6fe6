#!/usr/bin/env bash
# A post-build step (scripts/post-build.sh): builds a lazily loaded wasm module
# into DIR/ of the build, with the page-side files of www/DIR/:
#   scripts/build-lazy-wasm.sh pdf     the PDF reader (pdf-wasm/), opened with a PDF
#   scripts/build-lazy-wasm.sh batch   the batch check (batch-wasm/), opened with several files
# The app loads them only when first used; tests/e2e/size.mjs keeps them out
# of the first load and measures each against its own budget.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run from Trunk (or set TRUNK_STAGING_DIR)}"
dir="${1:?which module: pdf or batch}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$TRUNK_STAGING_DIR/$dir"
name="nianbao_${dir}_wasm"
mkdir -p "$out"
cd "$root"
cargo build --quiet -p "nianbao-$dir-wasm" --target wasm32-unknown-unknown --profile wasm-release
# The glue as a classic script (`wasm_bindgen`), put in front of the worker's
# own code: the worker is one file, which the page checks as a whole against
# its integrity before running it (scripts/pin.mjs, www/pdf/client.js,
# www/batch/pool.js).
glue="$(mktemp -d)"
trap 'rm -rf "$glue"' EXIT
wasm-bindgen --target no-modules --no-typescript --out-dir "$glue" "target/wasm32-unknown-unknown/wasm-release/$name.wasm"
wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  "$glue/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
cp www/"$dir"/*.js "$out/"
cp www/"$dir"/*.css "$out/" 2>/dev/null || true
cat "$glue/$name.js" "www/$dir/worker.js" > "$out/worker.js"
