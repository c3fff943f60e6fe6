#!/usr/bin/env bash
# Regenerates the rule catalog in README.md from the registry in src/rules/mod.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
block=$(cargo run -q --bin nianbao -- rules --format markdown)
python3 - "$block" <<'PY'
import sys
block = sys.argv[1] + "\n"
s = open("README.md", encoding="utf-8").read()
a = s.index("<!-- rules:begin -->\n") + len("<!-- rules:begin -->\n")
b = s.index("<!-- rules:end -->")
open("README.md", "w", encoding="utf-8").write(s[:a] + block + s[b:])
PY
