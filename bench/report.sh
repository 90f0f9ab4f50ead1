#!/usr/bin/env bash
# `styrdok report` benchmark (issue #18; not a test): generates ROWS quiz
# results (pre-test, post-test, retries, retention, per-question answers)
# and a roster of PEOPLE for the bundled site with bench/gen_results.py,
# reports them five times as Markdown with the roster, then once in each
# other format and once without the roster, each under /usr/bin/time -v,
# and prints the wall time, user CPU time and peak RSS of every run, and
# the load average (the machine is shared: wall time follows the load).
# Usage: bench/report.sh [ROWS] [PEOPLE]   (default 200000 20000)
# Needs a release build (built here) and python3 with PyYAML.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
people=${2:-20000}
data=/tmp/styrdok-report-bench-$rows
cargo build --release --quiet
[ -f "$data/completions.csv" ] || python3 bench/gen_results.py "$data" --rows "$rows" --people "$people"
echo "input: $(($(wc -l < "$data/completions.csv") - 1)) results ($(du -h "$data/completions.csv" | cut -f1)), $(($(wc -l < "$data/roster.csv") - 1)) people in the roster"
export STYRDOK_TODAY=2026-11-29
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
timed() {
  local label=$1
  shift
  /usr/bin/time -v ./target/release/styrdok report --completions "$data/completions.csv" "$@" \
    > /dev/null 2> /tmp/styrdok-report-bench.time
  awk -F': ' -v label="$label" '/Elapsed \(wall clock\)/ { wall = $2 } /User time/ { user = $2 }
    /Maximum resident/ { rss = $2 }
    END { printf "%-22s wall %s  user %.2f s  peak %.0f MB\n", label, wall, user, rss / 1024 }' /tmp/styrdok-report-bench.time
}
for i in 1 2 3 4 5; do timed "md + roster, run $i" --roster "$data/roster.csv"; done
timed "csv + roster" --roster "$data/roster.csv" --format csv
timed "html + roster" --roster "$data/roster.csv" --format html
timed "md, no roster"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
