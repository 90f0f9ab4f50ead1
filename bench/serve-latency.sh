#!/usr/bin/env bash
# Benchmark (not a test): time from saving one document to `styrdok serve`
# serving the rebuilt page, on a generated 10,000-document site.
#
#   bench/serve-latency.sh [N-EDITS]     (default 10; needs a release build)
#   MODE=front bench/serve-latency.sh    edit the front matter (title:)
#                                        instead of the body, and time the
#                                        document's reading list too
#   WAIT=poll bench/serve-latency.sh    poll the pages instead of waiting for
#                                        the reload event
#   STYRDOK_TIMINGS=1 bench/serve-latency.sh   also print serve's stage timings
#   GAP=12 bench/serve-latency.sh        seconds between edits (default 0.5;
#                                        at 10,000 documents the background
#                                        stage of an edit runs for seconds)
#
# Generates the corpus once (python3 ../shared/bench/gen_corpus.py, or $GEN), starts
# serve on a free loopback port, then for each edit writes a unique word into
# one rule and times it until the word is served. By default it does what an
# open page does: it listens on serve's event stream, and on `reload` fetches
# the page (and, with MODE=front, then the reading list). WAIT=poll instead
# fetches every 2 ms until the word appears (on 2 cores, fetching a 3 MB
# reading list that often slows the server it measures). Prints each latency
# and the median. Only loopback traffic; stops the server at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
EDITS="${1:-10}"
CORPUS="${CORPUS:-/tmp/c10k}"
BIN="${BIN:-target/release/styrdok}"
GEN="${GEN:-$(cd "$(dirname "$0")/.." && pwd)/../shared/bench/gen_corpus.py}"

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

python3 - "$DOC" "$PORT" "${URL#http://127.0.0.1:$PORT}" "$EDITS" "${MODE:-body}" "${LIST#http://127.0.0.1:$PORT}" "${GAP:-0.5}" "${WAIT:-reload}" <<'PY'
import sys, time, urllib.request, statistics, http.client
doc, port, path, edits, mode, list_path, gap, wait = sys.argv[1:9]
port, edits, gap = int(port), int(edits), float(gap)
original = open(doc, encoding="utf-8").read()
times = []
list_times = []

def fetch(p):
    return urllib.request.urlopen(f"http://127.0.0.1:{port}{p}", timeout=10).read().decode("utf-8")

def polled(p, word, t0):
    """Polls `p` every 2 ms until it has `word` (WAIT=poll)."""
    while time.perf_counter() < t0 + 60:
        try:
            if word in fetch(p):
                return (time.perf_counter() - t0) * 1000
        except OSError:
            pass
        time.sleep(0.002)
    sys.exit(f"{p}: not served within 60 s")

def next_event(stream):
    """The name of the next server-sent event (keepalive comments skipped)."""
    name = None
    while True:
        line = stream.fp.readline()
        if not line:
            sys.exit("the event stream closed")
        line = line.decode("utf-8").rstrip("\r\n")
        if line.startswith("event: "):
            name = line[len("event: "):]
        elif line == "" and name:
            return name

def listen():
    """An open event stream, as a page served by `serve` opens it."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/__styrdok/events")
    stream = conn.getresponse()
    next_event(stream)  # "ok": the state when the page was opened
    return conn, stream

for n in range(edits):
    word = f"benchmarkord{n}x{int(time.time())}"
    if wait == "reload":
        conn, stream = listen()
    t0 = time.perf_counter()
    with open(doc, "w", encoding="utf-8") as f:
        if mode == "front":
            quote = '"' if '\ntitle: "' in original else ""
            f.write(original.replace(f"\ntitle: {quote}", f"\ntitle: {quote}{word} ", 1))
        else:
            f.write(original + f"\n\nTillagt {word}.\n")
    if wait == "reload":
        # What an open page does: wait for `reload`, then fetch the page
        # (and the reading list); a reload for an earlier edit is skipped.
        while True:
            event = next_event(stream)
            if event == "failure":
                sys.exit("the edit failed to build")
            if word in fetch(path):
                ms = (time.perf_counter() - t0) * 1000
                break
        list_ms = None
        if mode == "front":
            if word not in fetch(list_path):
                sys.exit("the reading list was not redrawn with the page")
            list_ms = (time.perf_counter() - t0) * 1000
        conn.close()
    else:
        ms = polled(path, word, t0)
        list_ms = polled(list_path, word, t0) if mode == "front" else None
    times.append(ms)
    if list_ms is not None:
        list_times.append(list_ms)
        print(f"edit {n}: {ms:.0f} ms (reading list {list_ms:.0f} ms)")
    else:
        print(f"edit {n}: {ms:.0f} ms")
    time.sleep(gap)
print(f"median save-to-served latency: {statistics.median(times):.0f} ms "
      f"(min {min(times):.0f}, max {max(times):.0f}, {edits} edits, WAIT={wait})")
if list_times:
    print(f"median save-to-reading-list latency: {statistics.median(list_times):.0f} ms "
          f"(min {min(list_times):.0f}, max {max(list_times):.0f})")
PY
grep -E "^(Re-rendered|Built)" "$LOG" | tail -3
# With STYRDOK_TIMINGS=1, serve's stage timings of the last edits.
if [ -n "${STYRDOK_TIMINGS:-}" ]; then grep -E "^(TMP|timing: (partial|follow))" "$LOG" | tail -12; fi
