#!/usr/bin/env bash
# `styrdok report` benchmark (issue #18; not a test): generates ROWS quiz
# results (pre-test, post-test, retries, retention, per-question answers)
# and a roster of PEOPLE for the bundled site with bench/gen_results.py,
# then reports them five times as Markdown with the roster under
# /usr/bin/time -v and prints wall time and peak RSS of each run, and one
# run of each other format. Usage: bench/report.sh [ROWS] [PEOPLE]
# (default 200000 20000). Needs a release build and python3 with PyYAML.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
people=${2:-20000}
data=/tmp/styrdok-report-bench-$rows
cargo build --release --quiet
[ -f "$data/completions.csv" ] || python3 bench/gen_results.py "$data" --rows "$rows" --people "$people"
echo "input: $(wc -l < "$data/completions.csv") lines, $(du -h "$data/completions.csv" | cut -f1) results; $(wc -l < "$data/roster.csv") roster lines"
run() {
  /usr/bin/time -v ./target/release/styrdok report --completions "$data/completions.csv" \
    --roster "$data/roster.csv" "$@" > /dev/null 2> /tmp/styrdok-report-bench.time
  awk -F': ' '/Elapsed \(wall clock\)/ { wall = $2 } /Maximum resident/ { rss = $2 }
    END { printf "wall %s  peak %.1f MB\n", wall, rss / 1024 }' /tmp/styrdok-report-bench.time
}
export STYRDOK_TODAY=2026-11-29
for i in 1 2 3 4 5; do printf 'md   run %d: ' "$i"; run; done
for f in csv html; do printf '%-4s run 1: ' "$f"; run --format "$f"; done
printf 'md without roster: '; run_noroster() {
  /usr/bin/time -v ./target/release/styrdok report --completions "$data/completions.csv" > /dev/null 2> /tmp/styrdok-report-bench.time
  awk -F': ' '/Elapsed \(wall clock\)/ { wall = $2 } /Maximum resident/ { rss = $2 }
    END { printf "wall %s  peak %.1f MB\n", wall, rss / 1024 }' /tmp/styrdok-report-bench.time
}; run_noroster
