#!/usr/bin/env bash
# Trunk's one post-build hook: the steps after Trunk's own build, in order.
# (Trunk runs the hooks of one stage concurrently; these depend on each other:
# the minifier must see the PDF reader's scripts, and pinning must see every
# file in its final form.)
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run from Trunk (or set TRUNK_STAGING_DIR)}"
cd "$(dirname "$0")/.."
# The PDF reader: a second wasm module, its worker and client in pdf/.
bash scripts/build-lazy-wasm.sh pdf
# The batch check (批量检查): a wasm module, its workers, page modules and stylesheet in batch/.
bash scripts/build-lazy-wasm.sh batch
# The rules' documentation and the English catalogue, loaded on demand.
node scripts/lazy-assets.mjs
# The JavaScript and CSS minified, the wasm's imports given short names (the first load's budget).
node scripts/minify.mjs
node scripts/short-imports.mjs
# Content-hashed names and integrity hashes for everything the pages load.
node scripts/pin.mjs
# A zopfli gzip copy of every file, for servers that send precompressed files.
bash scripts/precompress.sh
