#!/usr/bin/env bash
# The benchmark: builds the release and prints
#   - each file and the total first-visit transfer, raw and gzip, for the app
#     and for a bare Yew counter built with the same toolchain and profile,
#     and their ratio;
#   - decisions per second of the engine, natively;
#   - time from input to updated verdict in Chromium at 4x CPU slowdown;
#   - Lighthouse 12 (mobile profile) scores, three runs.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"   # installs what is missing; cds to the repo root

echo "=== build (release)"
trunk build --release >/dev/null
(cd bench/counter && trunk build --release >/dev/null)
echo
echo "=== sizes"
node tools/sizes.mjs dist bench/counter/dist
echo
echo "=== engine, natively"
cargo run --quiet --release --example decide_bench
echo
echo "=== input to verdict, Chromium at 4x CPU slowdown"
tmp="$(mktemp)"
node tests/e2e/serve.mjs 0 dist >"$tmp" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$tmp"' EXIT
url=""
for _ in $(seq 100); do
  url="$(sed -n 's/^serving .* at \(http:[^ ]*\)$/\1/p' "$tmp")"
  [ -n "$url" ] && break
  sleep 0.1
done
node tools/bench.mjs "$url" 80

echo
echo "=== Lighthouse 12, mobile profile (served gzipped, as a host would)"
lh="${LIGHTHOUSE_DIR:-$HOME/.cache/ecmo-aid/lighthouse}"
if [ ! -x "$lh/node_modules/.bin/lighthouse" ]; then
  npm install --silent --no-audit --no-fund --prefix "$lh" lighthouse@12 >/dev/null
fi
node tools/lighthouse.mjs "$url" 3
