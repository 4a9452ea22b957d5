#!/usr/bin/env bash
# Runs every test: formatting and lints (host and wasm32), the pure core natively, the widget
# in headless Chromium, headless Firefox and WebKit (WebKitGTK on a virtual display), and the
# built site end to end, with the npm package in hosts built by Vite, React + Vite, esbuild,
# Rollup, Parcel, webpack and Next.js, a page with no bundler, tsc --strict and Node, and a Rust
# (Yew) host.
# Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

run() {
  printf '\n\033[1m== %s\033[0m\n' "$*"
  "$@"
}

# WebKit runs in a virtual display of its own, stopped when this script ends.
start_virtual_display() {
  local n
  for n in $(seq 90 199); do
    [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    trap 'kill "$XVFB_PID" 2>/dev/null || true' EXIT
    # Ready once its socket exists; gone if it could not start.
    while [ ! -S "/tmp/.X11-unix/X$n" ]; do
      kill -0 "$XVFB_PID" 2>/dev/null || continue 2
      sleep 0.1
    done
    VIRTUAL_DISPLAY=":$n"
    return 0
  done
  echo "test.sh: no free X display for WebKit" >&2
  return 1
}

run cargo fmt --check
run cargo clippy --locked --all-targets -- -D warnings
run cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
# The widget as the bundle builds it (index.html's features: no in-page helpers).
run cargo clippy --locked -p scim-token-widget --lib --target wasm32-unknown-unknown --no-default-features \
  --features bundle,zeroing-allocator -- -D warnings
# The documentation builds without a warning: every public item documented, every link resolves.
run env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked
# The JavaScript: what ships (static/embed/), the tests and the scripts (eslint.config.js).
run eslint --max-warnings 0 .
# Dependencies (docs/development.md «Dependencies»). RustSec advisories for every Cargo.lock,
# from the snapshot in shared/ beside the clone, no network; .cargo/audit.toml lists the accepted
# warnings with their reasons, and any other vulnerability or unmaintained, unsound or yanked
# crate fails. `cargo fetch` first: the yanked check reads cargo's cached crates.io index and
# only prints an error for a crate missing there.
ADVISORY_DB="$(dirname "$PWD")/shared/advisory-db"
if [ ! -d "$ADVISORY_DB/crates" ]; then
  echo "test.sh: no RustSec advisory database at $ADVISORY_DB: cargo audit reads the snapshot" \
    "in shared/, which belongs beside the repo (shared/advisory-db/SNAPSHOT.md)" >&2
  exit 1
fi
lockfiles=$(git ls-files '*Cargo.lock')
for lockfile in $lockfiles; do
  cargo fetch --locked --quiet --manifest-path "$(dirname "$lockfile")/Cargo.toml"
  run cargo audit --db "$ADVISORY_DB" --no-fetch --stale --file "$lockfile"
  echo "cargo audit: $lockfile: no vulnerability, no warning but those accepted in .cargo/audit.toml"
done
# The licences of the crates in the two wasm files against an allow-list; npm ships nothing.
run python3 scripts/check_licences.py
# The differential test against .NET (crates/expr/tests/oracle, docs/oracle.md) runs on its own,
# with its seed and counts shown; it fails without Mono (setup.sh installs it).
run cargo test --locked -- --skip the_evaluator_agrees_with_dotnet
run cargo test --locked -p scim-token-expr --test oracle -- --nocapture
# The pre-rendered markup (committed, so the build runs no compiler) is the widget's first render.
run cargo run --locked -q -p scim-token-prerender -- static/prerendered --check
run cargo check --locked --manifest-path fuzz/Cargo.toml
run env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --locked -p scim-token-widget --target wasm32-unknown-unknown --test browser --test mapping --test functions --test directory
run env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" \
  cargo test --locked -p scim-token-widget --target wasm32-unknown-unknown --test browser --test mapping --test functions --test directory
# The runner starts its own WebKitWebDriver for each test binary (a fresh session each time).
# WebKitGTK's web process now and then dies as it starts (seen: «GLib-ERROR: getauxval ()
# failed: Interrupted system call», then «WebProcess CRASHED» and no test run): a browser that
# never ran the tests, not a failing test. Such a run is repeated once; any failed test fails.
webkit_browser_tests() {
  local log status=0
  log=$(mktemp)
  webkit_run() {
    env -u CHROMEDRIVER -u GECKODRIVER DISPLAY="$VIRTUAL_DISPLAY" SAFARIDRIVER="$(command -v WebKitWebDriver)" \
      cargo test --locked -p scim-token-widget --target wasm32-unknown-unknown --test browser --test mapping --test functions --test directory
  }
  webkit_run 2>&1 | tee "$log" || status=$?
  if [ "$status" -ne 0 ] && grep -q 'WebProcess CRASHED' "$log" && ! grep -q 'test result: FAILED' "$log"; then
    echo "test.sh: WebKit's web process crashed before the tests ran; once more" >&2
    status=0
    webkit_run || status=$?
  fi
  rm -f "$log"
  return "$status"
}
start_virtual_display
run webkit_browser_tests
run trunk build --release
run python3 scripts/check_budgets.py
# The Rust host (examples/yew-host: the widget's Yew component used by path) into
# target/yew-host-dist, which tests/e2e/rust-host.test.mjs serves. The JS hosts
# (tests/bundlers/) are built by tests/e2e/bundlers.test.mjs from the packed package.
(cd examples/yew-host && run trunk build --release)
run env WEBKIT_DISPLAY="$VIRTUAL_DISPLAY" node --test --test-concurrency=1 tests/e2e/
