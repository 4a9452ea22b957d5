#!/bin/sh
# Cargo's rustc wrapper (set in .cargo/config.toml): keeps the builder's paths out of the wasm.
#
# rustc writes source paths into the binary (panic locations, tracing call sites). For crates
# from the registry those are absolute and name the builder's home directory, so two machines
# would build different bytes and the wasm would leak a user name. This maps them to fixed
# names. The prefixes depend on the machine, which a static `rustflags` entry cannot say, hence
# a wrapper. Only wasm32 compilations are touched: host builds (build scripts, proc macros,
# native tests) keep their real paths, which is what a developer wants in a backtrace.
set -eu
case " $* " in
  *" --target wasm32-unknown-unknown "* | *" --target=wasm32-unknown-unknown "*) ;;
  *) exec "$@" ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
cargo_home=${CARGO_HOME:-${HOME:-}/.cargo}
exec "$@" \
  "--remap-path-prefix=$cargo_home/registry/src=/cargo/registry/src" \
  "--remap-path-prefix=$cargo_home/git/checkouts=/cargo/git/checkouts" \
  "--remap-path-prefix=$root=/scim-token-widget"
