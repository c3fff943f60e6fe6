#!/usr/bin/env bash
# The command line built for batches: profile-guided (PGO), about 9 % faster
# than `cargo build --release` on the batch benchmark, with the same output.
#   scripts/build-cli.sh          → target/pgo/nianbao
# 1. an instrumented build (target/pgo/gen) checks the training reports, which
#    records which branches and calls a report takes;
# 2. llvm-profdata (rustup's llvm-tools, added when missing) merges the counts;
# 3. the release build (target/pgo/use) lays out and inlines code by them.
# Training reports: the corpus's seeds (text), its three real PDFs, the office
# fixtures (.docx .odt .rtf .html, GBK) and the rules' fixtures, in every output
# format. The corpus's four real texts are left out, so that the benchmark
# (scripts/bench-batch.sh, which checks all nine texts) is not measured on the
# very files the build was trained on alone.
# Without llvm-profdata (no rustup, no network), a plain release build is
# copied there instead, and the script says so.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/pgo
mkdir -p "$out"
sysroot=$(rustc --print sysroot)
find_profdata() { find "$sysroot/lib/rustlib" -name llvm-profdata -type f 2>/dev/null | head -1; }
profdata=$(find_profdata)
if [ -z "$profdata" ] && command -v rustup >/dev/null; then
  rustup component add llvm-tools >&2 || true
  profdata=$(find_profdata)
fi
if [ -z "$profdata" ]; then
  echo "build-cli: llvm-profdata not found (rustup component add llvm-tools): a plain release build, without PGO" >&2
  cargo build --release --quiet --bin nianbao
  cp target/release/nianbao "$out/nianbao"
  exit 0
fi
data="$PWD/$out/data"
rm -rf "$data"
mkdir -p "$data"
# The counts of the runs go to $data, one file per process (%m: per binary, %p: per process).
RUSTFLAGS="-Cprofile-generate=$data" CARGO_TARGET_DIR="$out/gen" cargo build --release --quiet --bin nianbao
train=(tests/corpus/seeds tests/corpus/real/pdf tests/fixtures tests/rules/fixtures)
for fmt in jsonl json text; do
  # Findings make the exit status 1: that is the training working, not failing.
  LLVM_PROFILE_FILE="$data/%m_%p.profraw" "$out/gen/release/nianbao" check "${train[@]}" --format "$fmt" --jobs 1 >/dev/null 2>&1 || true
done
LLVM_PROFILE_FILE="$data/%m_%p.profraw" "$out/gen/release/nianbao" check tests/corpus/seeds/00*.txt --summary xlsx "$out/train.xlsx" >/dev/null 2>&1 || true
"$profdata" merge -o "$out/merged.profdata" "$data"
RUSTFLAGS="-Cprofile-use=$PWD/$out/merged.profdata" CARGO_TARGET_DIR="$out/use" cargo build --release --quiet --bin nianbao
cp "$out/use/release/nianbao" "$out/nianbao"
echo "build-cli: $out/nianbao (profile-guided, trained on ${train[*]})" >&2
