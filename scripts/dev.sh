#!/usr/bin/env bash
# Installs what is missing, then serves the app on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec scripts/trunk.sh serve --offline --address 127.0.0.1 --port 8080
