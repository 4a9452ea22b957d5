# Sourced by the other scripts: the pinned tool versions and where the tools live.
# shellcheck shell=bash
TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
# Mono, the .NET that the differential test (crates/expr/tests/oracle) asks: Debian 12's packages.
MONO_VERSION=6.8.0.105+dfsg-3.3+deb12u1
MONO_PACKAGES=(mono-mcs mono-runtime libmono-system-core4.0-cil)
# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock (pinned with = in Cargo.toml).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
