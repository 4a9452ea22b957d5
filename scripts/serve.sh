#!/usr/bin/env bash
# Builds the release site and serves it at http://127.0.0.1:8080/ (loopback only).
# Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release
port="${PORT:-8080}"
echo
echo "The widget is at http://127.0.0.1:$port/"
echo "A mock portal page that embeds it: http://127.0.0.1:$port/examples/portal.html"
echo "(Ctrl+C stops the server)"
exec python3 scripts/serve_dist.py --dir dist --port "$port" --mount /examples/=examples
