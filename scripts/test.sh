#!/usr/bin/env bash
# Every test, in order, stopping at the first failure (CI runs this via .ci/run):
#   1. native   cargo test: unit, integration and property tests
#   2. browser  cargo test --target wasm32-unknown-unknown, in headless Chromium
#               through wasm-bindgen-test-runner and chromedriver (tests/web.rs)
#   3. build    trunk build --release into dist/ (wasm-opt -Oz)
#   4. e2e      tests/e2e/serve.mjs serves dist/ on 127.0.0.1 at a free port;
#               node --test runs tests/e2e/*.test.mjs against it (E2E_BASE_URL)
# Ends with one line "summary: N passed, 0 failed" (N counts the tests run in all
# stages) and exits 0, or names the stage that failed and exits non-zero.
#
# Environment, for working on one part (never set in CI):
#   SKIP_NATIVE=1   skip stage 1      SKIP_WASM=1   skip stage 2
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"   # installs what is missing; cds to the repo root

ECMO_TMP="$(mktemp -d)"
ECMO_SERVER_PID=""
ECMO_STAGE="setup"
ECMO_START=$SECONDS
ECMO_SKIPPED=()

ecmo_finish() {
  local rc=$?
  if [ -n "$ECMO_SERVER_PID" ] && kill -0 "$ECMO_SERVER_PID" 2>/dev/null; then
    kill -TERM "$ECMO_SERVER_PID" 2>/dev/null || true
    wait "$ECMO_SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$ECMO_TMP"
  if [ "$rc" -ne 0 ]; then
    echo "test.sh: FAILED in stage '$ECMO_STAGE' (exit $rc) after $((SECONDS - ECMO_START))s" >&2
  fi
  exit "$rc"
}
trap ecmo_finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ecmo_stage() {
  ECMO_STAGE="$1"
  echo
  echo "=== $1: $2"
}

# Sum of the counts in cargo's closing lines ("test result: ok. N passed; M failed; ...")
# and node's TAP ones ("# pass N", "# fail M").
ecmo_count() { # $1 = passed|failed
  cat "$ECMO_TMP"/*.log 2>/dev/null | awk -v want="$1" '
    /^test result: / { for (i = 2; i <= NF; i++) if ($i ~ ("^" want ";")) n += $(i - 1) }
    want == "passed" && /^# pass [0-9]+$/ { n += $3 }
    want == "failed" && /^# fail [0-9]+$/ { n += $3 }
    END { print n + 0 }'
}

if [ "${SKIP_NATIVE:-}" = 1 ]; then
  echo "=== native: SKIPPED (SKIP_NATIVE=1)"
  ECMO_SKIPPED+=(native)
else
  ecmo_stage native "cargo test"
  cargo test 2>&1 | tee "$ECMO_TMP/native.log"
fi

if [ "${SKIP_WASM:-}" = 1 ]; then
  echo "=== browser: SKIPPED (SKIP_WASM=1)"
  ECMO_SKIPPED+=(browser)
else
  ecmo_stage browser "cargo test --target wasm32-unknown-unknown (headless Chromium)"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown 2>&1 | tee "$ECMO_TMP/browser.log"
fi

ecmo_stage build "trunk build --release"
if [ ! -f static/app.css ]; then
  mkdir -p static && : >static/app.css
  echo "note: static/app.css was missing; created an empty one"
fi
trunk build --release
echo "release bundle:"
(cd dist && for f in $(find . -type f ! -name '.*' | sort); do
  printf '  %-48s %9d bytes  %8d gzip -9\n' "${f#./}" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done)

ecmo_stage e2e "node --test tests/e2e/ against dist/ served on 127.0.0.1"
node tests/e2e/serve.mjs 0 dist >"$ECMO_TMP/serve.out" 2>&1 &
ECMO_SERVER_PID=$!
E2E_BASE_URL=""
for _ in $(seq 100); do
  E2E_BASE_URL="$(sed -n 's/^serving .* at \(http:[^ ]*\)$/\1/p' "$ECMO_TMP/serve.out")"
  [ -n "$E2E_BASE_URL" ] && break
  kill -0 "$ECMO_SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$E2E_BASE_URL" ]; then
  cat "$ECMO_TMP/serve.out" >&2
  echo "the static server did not start" >&2
  exit 1
fi
echo "server: $E2E_BASE_URL"
export E2E_BASE_URL
node --test --test-reporter=tap tests/e2e/*.test.mjs 2>&1 | tee "$ECMO_TMP/e2e.log"

kill -TERM "$ECMO_SERVER_PID" && wait "$ECMO_SERVER_PID" || true
ECMO_SERVER_PID=""

echo
if [ "${#ECMO_SKIPPED[@]}" -gt 0 ]; then
  echo "test.sh: stages skipped: ${ECMO_SKIPPED[*]}"
fi
echo "test.sh: all stages passed in $((SECONDS - ECMO_START))s"
echo "summary: $(ecmo_count passed) passed, $(ecmo_count failed) failed"
