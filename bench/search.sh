#!/usr/bin/env bash
# Search benchmark (not a test): build time, bytes on disk and bytes a query
# downloads at 1,000 and 10,000 generated documents, and query latency in
# node. Usage: bench/search.sh [N…]   (default: 1000 10000)
# Needs ../shared/bench/gen_corpus.py beside the repository (or $GEN_CORPUS) and a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
GEN=${GEN_CORPUS:-$(pwd)/../shared/bench/gen_corpus.py}
[ -f "$GEN" ] || { echo "needs the corpus generator: set GEN_CORPUS=path/to/gen_corpus.py" >&2; exit 2; }
cargo build --release --quiet
for n in "${@:-1000 10000}"; do
  for n1 in $n; do
    corpus=/tmp/styrdok-bench-$n1
    [ -d "$corpus" ] || python3 "$GEN" --n "$n1" --out "$corpus" --flavor styrdok >/dev/null
    # Search is measured without the archival PDFs (issue #20), which would
    # dominate the build time and do not change the search files.
    grep -q '^  pdf: false' "$corpus/site.yaml" || sed -i 's/^publish:$/publish:\n  pdf: false/' "$corpus/site.yaml"
    out=/dev/shm/styrdok-bench-out-$n1
    echo "== $n1 documents"
    STYRDOK_TIMINGS=1 ./target/release/styrdok build --root "$corpus" --out "$out" 2>&1 | grep -E "^search|Built|^[a-z ]+:" || true
    echo "export: $(du -b "$out"/search_index.*.json | cut -f1) bytes ($(gzip -c "$out"/search_index.*.json | wc -c) gzip)"
    echo "client: $(du -sb "$out/sok/data" | cut -f1) bytes in $(find "$out/sok/data" -type f | wc -l) files"
    node bench/search-query.mjs "$out/sok/data"
  done
done
