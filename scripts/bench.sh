#!/usr/bin/env bash
# The benchmarks (docs/performance.md): builds the release site, then measures it in headless
# Chromium on loopback.
#   bash scripts/bench.sh [--runs N] [--inputs N]   the widget against the plain-JS reference (bench/run.mjs)
#   bash scripts/bench.sh directory [--runs N] [--users 100000,1000000]
#                                                    the directory check against its plain-JS
#                                                    baseline (bench/directory.mjs)
# Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release
python3 scripts/check_budgets.py || true # printed here; enforced by scripts/test.sh
if [[ "${1:-}" == directory ]]; then
  shift
  exec node bench/directory.mjs "$@"
fi
exec node bench/run.mjs "$@"
