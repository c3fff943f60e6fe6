#!/usr/bin/env bash
# Runs Trunk (build, serve) with the browser build's size settings:
#   scripts/trunk.sh build --offline
# The first load has a budget of 200 KB gzip. Most of what the standard library
# adds to the wasm is panic machinery: messages, file locations, Debug
# formatting of indices and chars. A panic in the browser build already aborts
# (profile wasm-release), and nobody reads its message there, so the standard
# library is rebuilt with panics that trap at once and without locations or
# Debug output: about 16 KB gzip less. These are nightly-only flags; the stable
# toolchain accepts them under RUSTC_BOOTSTRAP=1 (as cargo-fuzz does, see
# scripts/fuzz.sh). They apply to the wasm target only (the native CLI and the
# tests build as usual), and need the toolchain's `rust-src` (scripts/setup.sh).
# Plain `trunk build` still works and gives a larger wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
exec trunk "$@"
