#!/usr/bin/env bash
# Benchmark for issue #5 (not a test): history extraction for 1,000
# documents × 20 versions, cold and cached. Targets: ≤ 2 s cold, ≤ 0.2 s
# cached, on the project's 2-core machine. Pass `--build` to time a full
# build too, or other sizes: bench/history.sh 200 10
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet --release --example history_bench -- "$@"
