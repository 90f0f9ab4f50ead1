#!/usr/bin/env bash
# Runs every fuzz target for a bounded time, one after the other.
#   FUZZ_SECONDS  seconds per target (default 60)
#   FUZZ_TARGETS  space-separated targets (default: all)
# Seeds come from the bundled site. Crashes, leaks and timeouts land in
# fuzz/artifacts/TARGET/; turn each into a regression test in
# tests/it/regressions.rs and record the run in fuzz/RESULTS.md. Needs the
# nightly toolchain (rustup's, already on the machine) and cargo-fuzz.
# Exits 1 when a run left a new artifact.
set -euo pipefail
cd "$(dirname "$0")"
started="$(mktemp)"
trap 'rm -f "$started"' EXIT
seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-document quiz config site}"

seed() {
  local target="$1"
  local dir="corpus/$target"
  mkdir -p "$dir"
  case "$target" in
    document)
      find ../content ../tests/fixtures -name '*.md' -print0 |
        while IFS= read -r -d '' f; do
          { printf '\x00'; cat "$f"; } >"$dir/seed-$(sha1sum "$f" | cut -c1-12)"
        done ;;
    quiz) cp ../quizzes/*.yaml "$dir/" ;;
    config) find .. -name site.yaml -not -path '*/target/*' -exec cp {} "$dir/" \; 2>/dev/null || true
            for f in $(find ../tests/fixtures -name site.yaml); do cp "$f" "$dir/$(sha1sum "$f" | cut -c1-12).yaml"; done ;;
    site)
      { cat ../tests/fixtures/core/base/content/policy.md; printf '\x00';
        cat ../tests/fixtures/core/base/content/regler/incident.md; printf '\x00';
        cat ../content/_index.md; printf '\x00'; cat ../quizzes/grundkurs.yaml; } >"$dir/seed-site" ;;
  esac
}

for target in $targets; do
  seed "$target"
  echo "== $target: ${seconds}s"
  cargo +nightly fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -print_final_stats=1 2>&1 | tee "/tmp/styrdok-fuzz-$target.log" |
    grep -E '^(stat::number_of_executed_units|==|SUMMARY|Done)|panicked|deadly signal|timeout' || true
  echo "   corpus: $(find "corpus/$target" -type f | wc -l) files"
done

found="$(find artifacts -type f -newer "$started" 2>/dev/null || true)"
if [ -n "$found" ]; then
  echo "== findings:"
  echo "$found"
  exit 1
fi
echo "== findings: none"
