#!/usr/bin/env bash
# Time and peak memory of the command line on hostile inputs at 1, 10 and 30 MB
# (text output, what a reviewer's terminal gets): `scripts/bench-hostile.sh
# [SIZES_MB…]`. Shapes are made by `examples/adversarial` (see
# examples/common/shapes.rs); peak memory is GNU time's "Maximum resident set size".
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1 10 30}")
read -r -a sizes <<<"${sizes[*]}"
nice -n 10 cargo build --release --quiet --bin nianbao --example adversarial
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '%-24s %6s %9s %9s %s\n' shape MB seconds "peak MB" exit
run() { # shape, MB
  local shape=$1 mb=$2 ext=txt f code secs peak
  case $shape in docx-*) ext=docx ;; esac
  f="$dir/$shape.$ext"
  target/release/examples/adversarial write "$shape" $((mb * 1000 * 1000)) "$f"
  set +e
  /usr/bin/time -v -o "$dir/time" target/release/nianbao check "$f" --color never >/dev/null 2>"$dir/err"
  code=$?
  set -e
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$dir/time")
  peak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$dir/time")
  printf '%-24s %6s %9.2f %9s %s\n' "$shape" "$mb" "$secs" "$peak" "$code"
  rm -f "$f"
}
for shape in $(target/release/examples/adversarial list); do
  for mb in "${sizes[@]}"; do run "$shape" "$mb"; done
done
# Archives past the 64 MB limit are refused while inflating (MB = inflated size).
for shape in docx-bomb docx-lying-directory; do run "$shape" 1000; done
