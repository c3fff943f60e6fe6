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
# The batch module is also the checker on the page's thread (www/batch/checker.js:
# the JavaScript API, the embed's results, the exports): its glue as an ES
# module, core.js, for the same wasm (wasm-bindgen writes identical bytes for
# both targets; refused here if it ever does not).
if [ "$dir" = batch ]; then
  wasm-bindgen --target web --no-typescript --out-dir "$glue/web" "target/wasm32-unknown-unknown/wasm-release/$name.wasm"
  cmp -s "$glue/${name}_bg.wasm" "$glue/web/${name}_bg.wasm" || { echo "build-lazy-wasm.sh: the two glues of $name differ in their wasm" >&2; exit 1; }
  cp "$glue/web/$name.js" "$out/core.js"
fi
