#!/usr/bin/env bash
# Builds the widget's wasm the way `trunk build --release` does (cargo, wasm-bindgen --target web,
# wasm-opt) with one change, and prints its size raw and gzip -9. For the size experiments in
# docs/performance.md; nothing here is used by the site.
#
#   bash bench/size_variant.sh NAME [--opt "-Oz --converge"] [--features tracing-off] [-- CARGO_ARGS...]
#
# e.g. bash bench/size_variant.sh opt-s -- --config 'profile.release.opt-level="s"'
# Each NAME builds in target/size-NAME (its own cache), and keeps a copy with names
# (target/size-NAME/named.wasm) for bench/wasm_sizes.py.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
name=$1; shift
opt="-Oz"
while [ $# -gt 0 ]; do
  case $1 in
    --opt) opt=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out=${CARGO_TARGET_DIR:-target}/size-$name
cargo build --quiet --locked --release -p scim-token-widget --lib --target wasm32-unknown-unknown --target-dir "$out" "$@"
rm -rf "$out/bindgen"
wasm-bindgen --target web --keep-debug --out-dir "$out/bindgen" "$out/wasm32-unknown-unknown/release/scim_token_widget.wasm"
wasm-bindgen --target web --out-dir "$out/bindgen-plain" "$out/wasm32-unknown-unknown/release/scim_token_widget.wasm"
# shellcheck disable=SC2086 # $opt is a list of flags
wasm-opt $opt -g "$out/bindgen/scim_token_widget_bg.wasm" -o "$out/named.wasm"
# shellcheck disable=SC2086
wasm-opt $opt "$out/bindgen-plain/scim_token_widget_bg.wasm" -o "$out/final.wasm"
python3 - "$name" "$opt" "$out/final.wasm" "$out/bindgen-plain/scim_token_widget.js" <<'PY'
import sys, zlib
name, opt, wasm, glue = sys.argv[1:]
def sizes(path):
    data = open(path, "rb").read()
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    return len(data), len(c.compress(data) + c.flush())
w, g = sizes(wasm), sizes(glue)
print(f"{name:<24} wasm-opt {opt:<28} wasm {w[0]:>7} raw {w[1]:>6} gz | glue {g[0]:>6} raw {g[1]:>5} gz")
PY
