#!/usr/bin/env bash
# Checks that the build is reproducible: builds the committed HEAD twice, each in its own fresh
# clone with its own Cargo target directory (nothing shared but the registry cache in
# ~/.cargo), and compares the two dist/ folders byte for byte.
# Slow (two release builds from scratch), so it is not part of scripts/test.sh.
# Installs whatever is missing first (scripts/setup.sh); each clone runs `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

commit=$(git rev-parse HEAD)
if [ -n "$(git status --porcelain)" ]; then
  echo "reproducible: uncommitted changes are not part of this check; it builds $commit"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/scim-reproducible.XXXXXX")
keep=1
trap '[ "$keep" = 1 ] && echo "reproducible: builds kept in $work" || rm -rf "$work"' EXIT

for side in a b; do
  printf '\n\033[1m== build %s of %s in %s\033[0m\n' "$side" "$commit" "$work/$side"
  git clone --quiet --no-checkout "$PWD" "$work/$side"
  git -C "$work/$side" checkout --quiet --detach "$commit"
  (
    cd "$work/$side"
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    source scripts/env.sh
    CARGO_TARGET_DIR="$work/target-$side" trunk build --release
  )
done

printf '\n\033[1m== comparing\033[0m\n'
if diff -r "$work/a/dist" "$work/b/dist" && cmp "$work/a/dist/SHA256SUMS" "$work/b/dist/SHA256SUMS" \
  && (cd "$work/a/dist" && sha256sum --check --strict --quiet SHA256SUMS); then
  cat "$work/a/dist/SHA256SUMS"
  echo "reproducible: yes, two clean builds of $commit are byte-identical"
  keep=0
else
  echo "reproducible: NO, the two builds of $commit differ (see above)" >&2
  exit 1
fi
