#!/usr/bin/env bash
# Installs whatever the project needs that this machine lacks, at pinned versions.
# Idempotent: each step checks first and does nothing when the right version is there.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

step() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

missing_apt=()
command -v chromium >/dev/null || missing_apt+=(chromium)
command -v chromedriver >/dev/null || missing_apt+=(chromium-driver)
command -v firefox-esr >/dev/null || missing_apt+=(firefox-esr)
# WebKit (Safari's engine): WebKitGTK's WebDriver with its MiniBrowser, on a virtual display.
command -v WebKitWebDriver >/dev/null || missing_apt+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || missing_apt+=(xvfb)
if [ ${#missing_apt[@]} -gt 0 ]; then
  step "installing ${missing_apt[*]} from Debian"
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${missing_apt[@]}"
fi

# The oracle of the differential test (crates/expr/tests/oracle): Mono's reference-source .NET
# (System.Text.RegularExpressions, System.String), from Debian at the version in env.sh, and
# checked after installing: another Mono could answer differently.
missing_mono=()
for package in "${MONO_PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null)" != "$MONO_VERSION" ]; then
    missing_mono+=("$package=$MONO_VERSION")
  fi
done
if [ ${#missing_mono[@]} -gt 0 ]; then
  step "installing ${missing_mono[*]} from Debian"
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing_mono[@]}"
  for package in "${MONO_PACKAGES[@]}"; do
    installed=$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || true)
    if [ "$installed" != "$MONO_VERSION" ]; then
      echo "setup: $package is at «$installed», not $MONO_VERSION" >&2
      exit 1
    fi
  done
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (takes several minutes once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: the CLI's own lock file names a crate version the registry no longer serves.
  cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

if [ "$(geckodriver --version 2>/dev/null | head -n 1 | cut -d' ' -f1-2)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  step "installing geckodriver $GECKODRIVER_VERSION"
  cargo install --locked "geckodriver@$GECKODRIVER_VERSION"
fi

# The dependency audit (scripts/test.sh): cargo-audit against the RustSec snapshot in shared/.
# Its --version prints «cargo-audit-audit 0.22.2» (sic).
CARGO_AUDIT_VERSION=0.22.2
if [ "$(cargo audit --version 2>/dev/null)" != "cargo-audit-audit $CARGO_AUDIT_VERSION" ]; then
  step "installing cargo-audit $CARGO_AUDIT_VERSION (takes a few minutes once)"
  cargo install --locked "cargo-audit@$CARGO_AUDIT_VERSION"
fi

# npm packages (wasm-opt from binaryen, Playwright's driver, axe-core) at the versions in
# package-lock.json; a stamp makes a second run free.
if [ ! -f node_modules/.installed ] || [ package-lock.json -nt node_modules/.installed ]; then
  step "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --ignore-scripts
  touch node_modules/.installed
fi
