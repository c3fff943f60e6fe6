#!/usr/bin/env bash
# The last post-build step (scripts/post-build.sh): every file the pages may
# load gets a gzip copy beside it (name.gz), made once at build time by zopfli
# (Debian's `zopfli`, installed by scripts/setup.sh). A server that serves
# precompressed files (nginx `gzip_static on`, docs/deploy/) sends these: the
# same gzip any browser reads, some 5 % smaller than gzip -9 makes on the fly,
# and no compression work per request. tests/e2e/size.mjs measures the first
# load as these files and checks that each one inflates to its original.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run from Trunk (or set TRUNK_STAGING_DIR)}"
command -v zopfli >/dev/null || { echo "precompress.sh: zopfli is missing (scripts/setup.sh installs it)" >&2; exit 1; }
find "$TRUNK_STAGING_DIR" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' \
  -o -name '*.json' -o -name '*.txt' -o -name '*.svg' -o -name '*.ts' \) -print0 \
  | xargs -0 -r -n 4 -P "$(nproc)" zopfli
