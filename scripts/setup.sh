#!/usr/bin/env bash
# Installs whatever is missing to build the web app (and, with --browser, to run
# the browser tests). Idempotent: a second run only checks versions.
#   scripts/setup.sh            wasm target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/setup.sh --browser  the same plus Chromium, ChromeDriver, node test deps,
#                               and the layout zoo's tools (LibreOffice, poppler, qpdf,
#                               a CJK font, the Python converters in target/zoo-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

browser=0
[ "${1:-}" = "--browser" ] && browser=1

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The browser build rebuilds the standard library for its size (scripts/trunk.sh).
if [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "adding the rust-src component (the browser build rebuilds std for size)"
  rustup component add rust-src
fi
# That build runs offline (`scripts/trunk.sh build --offline`): std's own
# dependencies must be in cargo's cache, which a fresh machine's is not.
std_manifest="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if ! RUSTC_BOOTSTRAP=1 cargo fetch --offline --locked --manifest-path "$std_manifest" >/dev/null 2>&1; then
  say "fetching the standard library's dependencies (crates.io) for the browser build"
  RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$std_manifest"
fi

# Trunk 0.22 needs a newer rustc than this toolchain; 0.21 builds from crates.io.
if ! trunk --version 2>/dev/null | grep -q ' 0\.21\.'; then
  say "installing trunk 0.21 (takes about ten minutes once)"
  cargo install trunk --version '~0.21' --locked
fi

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock. Installed
# without --locked: one of its locked dependencies is gone from the registry.
want_wbg=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want_wbg" ]; then
  say "installing wasm-bindgen-cli $want_wbg"
  cargo install wasm-bindgen-cli --version "=$want_wbg"
fi

# Debian's binaryen cannot read current rustc output; npm's binaryen 132 can.
if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  say "installing wasm-opt (binaryen 132 from npm)"
  npm install -g binaryen@132
fi

# The build's minifier and the browser tests' drivers (package-lock.json pins them).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  say "installing node packages (terser, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi

# The web build's last step gzips every file once with zopfli (scripts/precompress.sh).
if ! command -v zopfli >/dev/null; then
  say "installing zopfli (Debian package)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zopfli >/dev/null
fi

# The fuzzers (scripts/fuzz.sh) build libFuzzer with a C++ compiler; the CLI
# tests use mkfifo, setpriv and prlimit (coreutils, util-linux), GNU time
# for the hostile-input benchmark and strace to count a batch's file opens.
if ! command -v c++ >/dev/null || ! command -v setpriv >/dev/null || ! command -v prlimit >/dev/null || [ ! -x /usr/bin/time ] ||
  ! command -v strace >/dev/null; then
  say "installing g++, util-linux, GNU time and strace (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++ util-linux time strace >/dev/null
fi

if [ "$browser" = 1 ]; then
  # A CJK font too, so that screenshots show the Chinese text.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
    say "installing Chromium, ChromeDriver and a CJK font (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
  fi
  # The layout zoo (scripts/zoo/make.sh) and the generated PDF fixtures
  # (scripts/pdf/make.sh): LibreOffice (a CJK font for its PDFs), poppler's
  # pdftotext and pdftoppm, qpdf, and Python converters in venvs. Calc reads
  # the batch summary's .xlsx back in the tests.
  if ! command -v soffice >/dev/null || [ ! -e /usr/lib/libreoffice/program/libsclo.so ] || ! command -v pdftotext >/dev/null || ! command -v qpdf >/dev/null || ! command -v pdftoppm >/dev/null ||
    ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    say "installing LibreOffice Writer and Calc, poppler-utils, qpdf and python3-venv (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils qpdf fonts-wqy-microhei python3-venv >/dev/null
  fi
  # A venv with pinned packages, made again when its requirements change.
  venv() { # DIR REQUIREMENTS WHAT
    if [ ! -e "$1/.installed" ] || [ "$2" -nt "$1/.installed" ]; then
      say "installing $3 (PyPI, pinned in $2)"
      python3 -m venv "$1"
      "$1/bin/pip" install -q --disable-pip-version-check -r "$2"
      touch "$1/.installed"
    fi
  }
  venv target/zoo-venv scripts/zoo/requirements.txt "the zoo's Python converters"
  venv target/pdf-venv scripts/pdf/requirements.txt "reportlab for the PDF fixtures"
fi
say "ready"
