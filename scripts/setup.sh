#!/usr/bin/env bash
# Installs what building and testing need, and only what is missing or at the
# wrong version; prints one line per tool ("ok ..." or "installing ...").
#
#   bash scripts/setup.sh     install, then print the environment to use
#   . scripts/setup.sh        (from scripts/run.sh and scripts/test.sh) install,
#                             then export that environment into the caller
#
# Tools, all at pinned versions (this machine reaches only the crates.io, npm,
# PyPI and Debian registries, so nothing may be downloaded by Trunk itself):
#   rust target wasm32-unknown-unknown       rustup
#   trunk 0.22.1                             cargo install (~10 min the first time)
#   wasm-bindgen-cli = Cargo.lock's wasm-bindgen   cargo install (also gives
#                                            wasm-bindgen-test-runner)
#   wasm-opt (binaryen 132)                  npm binaryen@132.0.0, in a cache dir
#   chromium, chromium-driver, poppler-utils apt-get (Debian)
#   tests/e2e/node_modules                   npm ci, redone when package-lock.json changes
set -euo pipefail

ECMO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ECMO_ROOT"

ECMO_TRUNK_VERSION=0.22.1
ECMO_BINARYEN_VERSION=132.0.0
ECMO_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/ecmo-aid"
ECMO_BINARYEN_DIR="$ECMO_CACHE/binaryen"
ECMO_CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"

ecmo_path_prepend() {
  case ":$PATH:" in
    *":$1:"*) ;;
    *) PATH="$1:$PATH" ;;
  esac
}

ecmo_die() {
  echo "setup: error: $*" >&2
  exit 1
}

# The wasm-bindgen crate version locked in Cargo.lock.
ecmo_locked_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ecmo_setup_env() {
  ecmo_path_prepend "$ECMO_CARGO_BIN"
  # binaryen first: Debian's own wasm-opt (if any) cannot read current rustc output.
  ecmo_path_prepend "$ECMO_BINARYEN_DIR/node_modules/.bin"
  export PATH
  export TRUNK_SKIP_VERSION_CHECK=true
  export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
  export ECMO_CHROMIUM="${ECMO_CHROMIUM:-/usr/bin/chromium}"
  export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
}

ecmo_setup_rust_target() {
  command -v rustup >/dev/null || ecmo_die "rustup is not on PATH"
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "ok rust target wasm32-unknown-unknown"
  else
    echo "installing rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

ecmo_setup_trunk() {
  local have
  have="$(trunk --version 2>/dev/null || true)"
  if [ "$have" = "trunk $ECMO_TRUNK_VERSION" ]; then
    echo "ok trunk $ECMO_TRUNK_VERSION"
  else
    echo "installing trunk $ECMO_TRUNK_VERSION (found: ${have:-none}; takes about 10 minutes)"
    cargo install trunk --version "$ECMO_TRUNK_VERSION" --locked --ignore-rust-version --force
  fi
}

ecmo_setup_wasm_bindgen() {
  local want pinned have
  want="$(ecmo_locked_wasm_bindgen)"
  [ -n "$want" ] || ecmo_die "no wasm-bindgen in Cargo.lock"
  pinned="$(sed -n 's/^wasm_bindgen *= *"\([^"]*\)".*/\1/p' Trunk.toml)"
  if [ "$pinned" != "$want" ]; then
    ecmo_die "Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has wasm-bindgen $want: set [tools] wasm_bindgen = \"$want\" in Trunk.toml"
  fi
  have="$(wasm-bindgen --version 2>/dev/null || true)"
  if [ "$have" = "wasm-bindgen $want" ] && command -v wasm-bindgen-test-runner >/dev/null; then
    echo "ok wasm-bindgen-cli $want"
  else
    echo "installing wasm-bindgen-cli $want (found: ${have:-none})"
    # Not --locked: the published lock file names a crate version the registry lacks.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ecmo_setup_binaryen() {
  local major="${ECMO_BINARYEN_VERSION%%.*}" have
  have="$("$ECMO_BINARYEN_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null || true)"
  if [[ "$have" == *"version $major "* || "$have" == *"(version_$major)"* ]]; then
    echo "ok wasm-opt binaryen $major ($ECMO_BINARYEN_DIR)"
  else
    echo "installing binaryen@$ECMO_BINARYEN_VERSION with npm into $ECMO_BINARYEN_DIR"
    mkdir -p "$ECMO_BINARYEN_DIR"
    npm install --prefix "$ECMO_BINARYEN_DIR" --no-audit --no-fund --loglevel=error \
      "binaryen@$ECMO_BINARYEN_VERSION" >/dev/null
    "$ECMO_BINARYEN_DIR/node_modules/.bin/wasm-opt" --version >/dev/null \
      || ecmo_die "wasm-opt from binaryen@$ECMO_BINARYEN_VERSION does not run"
  fi
}

ecmo_setup_debian() {
  local pkg missing=()
  for pkg in chromium chromium-driver poppler-utils; do
    if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      echo "ok $pkg (Debian)"
    else
      missing+=("$pkg")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing ${missing[*]} (Debian)"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null || ecmo_die "need root (or sudo) to apt-get install ${missing[*]}"
      sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

ecmo_setup_e2e_packages() {
  local dir="$ECMO_ROOT/tests/e2e" stamp want
  stamp="$dir/node_modules/.ecmo-lock.sha256"
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "ok tests/e2e node_modules (package-lock.json unchanged)"
  else
    echo "installing tests/e2e node_modules (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" >"$stamp"
  fi
}

ecmo_setup_env
ecmo_setup_rust_target
ecmo_setup_trunk
ecmo_setup_wasm_bindgen
ecmo_setup_binaryen
ecmo_setup_debian
ecmo_setup_e2e_packages
# Re-read PATH: installs above may have created the directories.
hash -r

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Run, not sourced: tell the caller the environment the other scripts use.
  echo "setup done; to use these tools in a shell:"
  echo "  export PATH=\"$ECMO_BINARYEN_DIR/node_modules/.bin:$ECMO_CARGO_BIN:\$PATH\" TRUNK_SKIP_VERSION_CHECK=true"
else
  echo "setup done (PATH now has $ECMO_BINARYEN_DIR/node_modules/.bin and $ECMO_CARGO_BIN)"
fi
