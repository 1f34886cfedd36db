#!/usr/bin/env bash
# Builds the release bundle (wasm-opt -Oz) and serves it at http://127.0.0.1:8080/
# (PORT=... to change the port). Stop with Ctrl-C.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"   # installs what is missing; cds to the repo root

[ -f static/app.css ] || { mkdir -p static && : >static/app.css; echo "note: created an empty static/app.css"; }
trunk build --release
exec node tests/e2e/serve.mjs "${PORT:-8080}" dist
