#!/usr/bin/env bash
# Installs what is missing, then runs every test: unit, corpus, rule fixtures,
# property tests, the web build with its size budget, and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "PDF fixtures (reportlab, LibreOffice, qpdf, a scan)"
scripts/pdf/make.sh

step "cargo test (core, CLI, corpus, PDFs, fixtures, properties)"
cargo test -p nianbao --all-targets
cargo test -p nianbao-pdf

step "component tests (wasm-bindgen-test in headless Chromium)"
(cd www && CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown)

step "web app build (trunk, release)"
trunk build --offline
node tests/e2e/size.mjs

step "browser tests (Chromium, headless)"
node --test tests/e2e/
