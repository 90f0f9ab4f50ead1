#!/usr/bin/env bash
# Benchmark (not a test): time from saving one document to `styrdok serve`
# serving the rebuilt page, on a generated 10,000-document site.
#
#   bench/serve-latency.sh [N-EDITS]     (default 10; needs a release build)
#   MODE=front bench/serve-latency.sh    edit the front matter (title:)
#                                        instead of the body, and time the
#                                        document's reading list too
#   GAP=12 bench/serve-latency.sh        seconds between edits (default 0.5;
#                                        at 10,000 documents the background
#                                        stage of an edit runs for seconds)
#
# Generates the corpus once (python3 /work/shared/bench/gen_corpus.py), starts
# serve on a free loopback port, then for each edit appends a unique word to
# one rule and polls the page (every 2 ms) until the word is served. Prints
# each latency and the median. Only loopback traffic; stops the server at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
EDITS="${1:-10}"
CORPUS="${CORPUS:-/tmp/c10k}"
BIN="${BIN:-target/release/styrdok}"
GEN="${GEN:-/work/shared/bench/gen_corpus.py}"

[ -x "$BIN" ] || cargo build --release
if [ ! -f "$CORPUS/site.yaml" ]; then
  python3 "$GEN" --n 10000 --out "$CORPUS" --flavor styrdok
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LOG=$(mktemp)
"$BIN" serve --root "$CORPUS" --port "$PORT" 2>"$LOG" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -f "$LOG"' EXIT

# Wait for the first full build (bounded: 10 minutes).
for _ in $(seq 1 3000); do
  grep -q "^Built" "$LOG" && break
  sleep 0.2
done
grep "^Built" "$LOG" || { cat "$LOG"; exit 1; }

DOC=$(ls "$CORPUS"/content/regler/*.md | sort | sed -n 500p)
REL=${DOC#"$CORPUS"/content/}
URL="http://127.0.0.1:$PORT/${REL%.md}/"
# The reading list of the document's first role (its title is listed there).
ROLE=$(sed -n 's/^roles: \[\([a-z-]*\).*/\1/p' "$DOC" | head -1)
LIST="http://127.0.0.1:$PORT/roller/$ROLE/"
# The backup must stay outside content/ (a new file there is a full build).
BACKUP=$(mktemp)
cp "$DOC" "$BACKUP"
trap 'cp "$BACKUP" "$DOC"; rm -f "$BACKUP"; kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -f "$LOG"' EXIT

python3 - "$DOC" "$URL" "$EDITS" "${MODE:-body}" "$LIST" "${GAP:-0.5}" <<'PY'
import sys, time, urllib.request, statistics
doc, url, edits, mode, list_url = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
gap = float(sys.argv[6])
original = open(doc, encoding="utf-8").read()
times = []
list_times = []

def served(u, word, t0):
    deadline = t0 + 60
    while time.perf_counter() < deadline:
        try:
            body = urllib.request.urlopen(u, timeout=5).read().decode("utf-8")
            if word in body:
                return (time.perf_counter() - t0) * 1000
        except OSError:
            pass
        time.sleep(0.002)
    sys.exit(f"{u}: not served within 60 s")

for n in range(edits):
    word = f"benchmarkord{n}x{int(time.time())}"
    t0 = time.perf_counter()
    with open(doc, "w", encoding="utf-8") as f:
        if mode == "front":
            quote = '"' if '\ntitle: "' in original else ""
            f.write(original.replace(f"\ntitle: {quote}", f"\ntitle: {quote}{word} ", 1))
        else:
            f.write(original + f"\n\nTillagt {word}.\n")
    ms = served(url, word, t0)
    times.append(ms)
    if mode == "front":
        list_ms = served(list_url, word, t0)
        list_times.append(list_ms)
        print(f"edit {n}: {ms:.0f} ms (reading list {list_ms:.0f} ms)")
    else:
        print(f"edit {n}: {ms:.0f} ms")
    time.sleep(gap)
print(f"median save-to-served latency: {statistics.median(times):.0f} ms "
      f"(min {min(times):.0f}, max {max(times):.0f}, {edits} edits)")
if list_times:
    print(f"median save-to-reading-list latency: {statistics.median(list_times):.0f} ms "
          f"(min {min(list_times):.0f}, max {max(list_times):.0f})")
PY
grep -E "^(Re-rendered|Built)" "$LOG" | tail -3
