#!/usr/bin/env bash
# Fuzzes each entry point (text, .docx, .html) with libFuzzer on the stable
# toolchain: the coverage instrumentation cargo-fuzz adds, without its
# nightly-only sanitizer (the checker has no unsafe code).
#   scripts/fuzz.sh [SECONDS_EACH] [TARGET…]   (default: 20 s each, all three)
# Seeds: the corpus reports, the .docx/.html fixtures and the adversarial
# shapes (examples/common/shapes.rs) at 64 KB. Crashes land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
shift || true
targets=("${@:-check docx html}")
read -r -a targets <<<"${targets[*]}"
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks"
# An explicit --target keeps the instrumentation out of build scripts.
host=$(rustc -vV | sed -n 's/^host: //p')
(cd fuzz && nice -n 10 cargo build --release --quiet --bins --target "$host")
unset RUSTFLAGS
nice -n 10 cargo build --release --quiet --example adversarial
seeds=fuzz/seeds
mkdir -p "$seeds/check" "$seeds/docx" "$seeds/html" fuzz/artifacts
cp tests/corpus/seeds/*.txt tests/corpus/real/*.txt "$seeds/check/"
# The layout zoo's text layouts (flattened, Markdown, \r line ends, a viewer's
# copy), when scripts/zoo/make.sh has made them.
for f in target/zoo/*/flat.txt target/zoo/*/portal-flat.txt target/zoo/*/cr.txt target/zoo/*/md-*.md target/zoo/*/pdfjs.txt; do
  [ -f "$f" ] && cp "$f" "$seeds/check/$(basename "$(dirname "$f")")-$(basename "$f")"
done
cp tests/fixtures/*.docx "$seeds/docx/" 2>/dev/null || true
cp tests/fixtures/*.html "$seeds/html/" 2>/dev/null || true
for shape in $(target/release/examples/adversarial list); do
  case $shape in
    docx-*) target/release/examples/adversarial write "$shape" 16384 "$seeds/docx/$shape" ;;
    *) target/release/examples/adversarial write "$shape" 16384 "$seeds/check/$shape"
       cp "$seeds/check/$shape" "$seeds/html/$shape" ;;
  esac
done
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "== fuzz $t for ${secs}s"
  nice -n 10 fuzz/target/"$host"/release/"$t" "fuzz/corpus/$t" "$seeds/$t" \
    -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=1024 \
    -artifact_prefix="fuzz/artifacts/$t-" -print_final_stats=1 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|==|SUMMARY|Done)" || true
  # libFuzzer's exit status is lost in the pipe: a crash leaves an artifact.
  if ls "fuzz/artifacts/$t-"* >/dev/null 2>&1; then
    echo "fuzz $t: crash or timeout, see fuzz/artifacts/" >&2
    exit 1
  fi
done
