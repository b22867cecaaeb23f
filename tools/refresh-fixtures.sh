#!/usr/bin/env bash
# Refreshes the worked examples of the content format in tests/fixtures/ from
# the contract's copy (by default ../shared/spec, or the folder given), when the
# contract changes. The tests only ever read tests/fixtures/; run `cargo test`
# after refreshing and commit the changed fixtures with the code they need.
#
#   tools/refresh-fixtures.sh [SPEC_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-../shared/spec}
[ -d "$spec/example" ] || { echo "no worked example in $spec (give the folder that holds example/)"; exit 2; }
for ex in example example-2026; do
  if [ -d "$spec/$ex" ]; then
    rm -rf "tests/fixtures/$ex"
    cp -r "$spec/$ex" "tests/fixtures/$ex"
    echo "tests/fixtures/$ex <- $spec/$ex"
  fi
done
if [ -f "$spec/content-format.md" ]; then
  grep -m1 '^# ' "$spec/content-format.md" | sed 's/^# /contract: /'
  echo "compare docs/content-format.md with the contract's changes (git diff of $spec/content-format.md)"
fi
git status --short tests/fixtures | head -20
