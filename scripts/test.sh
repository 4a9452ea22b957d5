#!/usr/bin/env bash
# Runs every test: formatting and lints (host and wasm32), the pure core natively, the widget
# in headless Chromium and headless Firefox, and the built site end to end.
# Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

run() {
  printf '\n\033[1m== %s\033[0m\n' "$*"
  "$@"
}

run cargo fmt --check
run cargo clippy --locked --all-targets -- -D warnings
run cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
# The widget as the bundle builds it (index.html's features: no in-page helpers).
run cargo clippy --locked -p scim-token-widget --lib --target wasm32-unknown-unknown --no-default-features \
  --features bundle,zeroing-allocator -- -D warnings
run cargo test --locked
run cargo check --locked --manifest-path fuzz/Cargo.toml
run env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --locked -p scim-token-widget --target wasm32-unknown-unknown --test browser --test mapping
run env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" \
  cargo test --locked -p scim-token-widget --target wasm32-unknown-unknown --test browser --test mapping
run trunk build --release
run python3 scripts/check_budgets.py
run node --test --test-concurrency=1 tests/e2e/
