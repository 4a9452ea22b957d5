#!/usr/bin/env bash
# The benchmark (docs/performance.md): builds the release site, then measures it against the
# plain-JS reference in headless Chromium on loopback. Arguments go to bench/run.mjs
# (--runs N, --inputs N). Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release
python3 scripts/check_budgets.py || true # printed here; enforced by scripts/test.sh
exec node bench/run.mjs "$@"
