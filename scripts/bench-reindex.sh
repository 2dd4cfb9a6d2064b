#!/usr/bin/env bash
# Re-index bench: the time `agendex index` takes to bring an index of
# FILES generated papers up to date after one new pack arrives (parse the
# new file, hash the rest, recompute the links across documents, commit).
# The target is < 2 s at 2,000 files.
#
# Usage: scripts/bench-reindex.sh [FILES]   (default 2000)
# Environment: AGENDEX, XTASK (binaries; built if missing), SEED (default 1),
# JOBS (-j; default one per CPU), RUNS (new packs added one after another,
# each timed; default 3), KEEP=1 keeps the temp dir.
set -euo pipefail

FILES=${1:-2000}
case "$FILES" in ''|*[!0-9]*) echo "usage: $0 [FILES]" >&2; exit 2 ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${AGENDEX:-$ROOT/target/release/agendex}
GEN=${XTASK:-$ROOT/target/release/xtask}
SEED=${SEED:-1}
JOBS=${JOBS:-$(nproc)}
RUNS=${RUNS:-3}

[ -x "$BIN" ] || (cd "$ROOT" && cargo build --release)
[ -x "$GEN" ] || (cd "$ROOT" && cargo build --release --package xtask)
if [ ! -x /usr/bin/time ]; then
  echo "GNU time is missing (/usr/bin/time): apt-get install -y time" >&2
  exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/agendex-reindex.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "keeping $TMP" >&2; else trap 'rm -rf "$TMP"' EXIT; fi

# timed NAME CMD...: wall seconds, CPU seconds (user + sys, workers
# included) and peak MB of CMD, as "wall cpu mb".
timed() {
  local name=$1; shift
  /usr/bin/time -v -o "$TMP/$name.time" "$@" >/dev/null 2>"$TMP/$name.err" || {
    echo "$name failed:" >&2; tail -5 "$TMP/$name.err" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; w=s}
    /User time|System time/ {c+=$2}
    /Maximum resident set size/ {m=$2/1024}
    END {printf "%.2f %.2f %.0f\n", w, c, m}' "$TMP/$name.time"
}

echo "generating $FILES files (seed $SEED)" >&2
"$GEN" generate --out "$TMP/corpus" --files "$FILES" --seed "$SEED" \
  --seeds "$ROOT/seeds" --corpus "$ROOT/corpus" >/dev/null 2>&1
echo "indexing them" >&2
read -r W C M < <(timed full "$BIN" index -j "$JOBS" --index "$TMP/index" "$TMP/corpus")
echo "agendex $("$BIN" --version | cut -d' ' -f2), $(nproc) CPUs, -j $JOBS, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1 /proc/loadavg)"
echo "full index of $FILES files: ${W} s (${C} s CPU, ${M} MB peak)"
tail -1 "$TMP/full.err" | sed 's/^/  /'
LINKS=$("$BIN" links --index "$TMP/index" 2>/dev/null | wc -l)
echo "  $LINKS links stored"
echo
printf '| %-30s | %8s | %8s | %8s |\n' "run" "seconds" "CPU s" "peak MB"
printf '| %-30s | %8s | %8s | %8s |\n' "---" "---" "---" "---"
read -r W C M < <(timed same "$BIN" index -j "$JOBS" --index "$TMP/index" "$TMP/corpus")
printf '| %-30s | %8s | %8s | %8s |\n' "re-index, nothing new" "$W" "$C" "$M"
for i in $(seq 1 "$RUNS"); do
  # One new pack arrives: only it is parsed, the rest only hashed.
  "$GEN" generate --out "$TMP/extra$i" --files 1 --seed $((SEED + 7919 * i)) --kinds pdf \
    --seeds "$ROOT/seeds" --corpus "$ROOT/corpus" >/dev/null 2>&1
  for f in "$TMP"/extra$i/*; do mv "$f" "$TMP/corpus/new$i-$(basename "$f")"; done
  read -r W C M < <(timed "new$i" "$BIN" index -j "$JOBS" --index "$TMP/index" "$TMP/corpus")
  printf '| %-30s | %8s | %8s | %8s |\n' "re-index after new pack $i" "$W" "$C" "$M"
  tail -1 "$TMP/new$i.err" | sed 's/^/  /' >&2
done
