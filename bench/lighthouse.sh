#!/usr/bin/env bash
# Lighthouse, mobile profile, on the start page, a rule and the search page
# of the bundled site (see bench/lighthouse.mjs), built by the release
# binary. Installs the pinned lighthouse into target/bench-lighthouse on
# first use (a test-only tool, kept out of the project's node_modules and of
# the site), builds the release binary, then runs. Needs `npm ci` once (the
# browser tests' playwright-core is not used, but the harness is shared) and
# Debian's Chromium at /usr/bin/chromium (or $CHROMIUM).
#
#   bash bench/lighthouse.sh            three runs per page, the median
#   RUNS=1 bash bench/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x target/bench-lighthouse/node_modules/.bin/lighthouse ]; then
  mkdir -p target/bench-lighthouse
  npm install --no-save --no-audit --no-fund --prefix target/bench-lighthouse lighthouse@12.2.3
fi
cargo build --release --quiet
STYRDOK_BIN="${STYRDOK_BIN:-$(pwd)/target/release/styrdok}" node bench/lighthouse.mjs
