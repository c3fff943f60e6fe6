#!/usr/bin/env bash
# Installs what is missing, then runs every test: unit, corpus, rule fixtures,
# property tests, the layout zoo, the web build with its size budget, and the
# browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "layout zoo (every corpus report as LibreOffice, PDF tools, scrapers and converters give it)"
scripts/zoo/make.sh

step "PDF fixtures (reportlab, LibreOffice, qpdf, a scan)"
scripts/pdf/make.sh

step "cargo test (core, CLI, corpus, layout zoo, PDFs, fixtures, properties)"
# NIANBAO_ZOO: the zoo test must find the zoo, not skip it. No fail-fast, so
# that one failing test binary does not hide the others' results.
NIANBAO_ZOO=1 cargo test -p nianbao --all-targets --no-fail-fast
cargo test -p nianbao-pdf

step "fuzzing each entry point (text, .docx, .html), 20 s each"
scripts/fuzz.sh 20

step "component tests (wasm-bindgen-test in headless Chromium)"
(cd www && CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown)

step "web app build (trunk, release)"
scripts/trunk.sh build --offline
node tests/e2e/size.mjs

step "browser tests (Chromium, headless)"
node --test tests/e2e/
