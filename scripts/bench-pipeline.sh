#!/usr/bin/env bash
# Whole-pipeline bench: generate a corpus in a temp dir, then time side by side
#   agendex extract (to /dev/null)   over the PDFs, and over everything
#   pdftotext (poppler), file after file, over the same PDFs: the baseline
#   agendex index                    over everything, then again after one new pack
#   agendex search                   a query mix, median and p99 per query
# and report pages/s, MB/s, records/s, peak memory and the ratio to pdftotext.
#
# Usage: scripts/bench-pipeline.sh [FILES] [--flat]
#   FILES   corpus size (default 1000)
#   --flat  also check memory is flat in file count: extract and index over
#           2,000 and 10,000 generated files, peak RSS must stay within 20%
#           (index: of the index process itself, from `index -v`; slow: the
#           10,000-file corpus is ~1.25 GB and takes ~20 min to index)
# Environment: AGENDEX (binary; default target/release/agendex, built if
# missing), XTASK (the corpus generator; default target/release/xtask, built
# if missing), SEED (default 1), JOBS (-j for agendex; default one per CPU),
# FLAT_SMALL and FLAT_LARGE (the --flat sizes; default 2000 and 10000),
# KEEP=1 keeps the temp dir.
set -euo pipefail

FILES=1000
FLAT=0
for a in "$@"; do
  case "$a" in
    --flat) FLAT=1 ;;
    ''|*[!0-9]*) echo "usage: $0 [FILES] [--flat]" >&2; exit 2 ;;
    *) FILES=$a ;;
  esac
done
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${AGENDEX:-$ROOT/target/release/agendex}
GEN=${XTASK:-$ROOT/target/release/xtask}
SEED=${SEED:-1}
JOBS=${JOBS:-$(nproc)}
FLAT_SMALL=${FLAT_SMALL:-2000}
FLAT_LARGE=${FLAT_LARGE:-10000}

if [ ! -x "$BIN" ]; then
  echo "building $BIN" >&2
  (cd "$ROOT" && cargo build --release)
fi
if [ ! -x "$GEN" ]; then
  echo "building $GEN" >&2
  (cd "$ROOT" && cargo build --release --package xtask)
fi
if [ ! -x /usr/bin/time ]; then
  echo "GNU time is missing (/usr/bin/time): apt-get install -y time" >&2
  exit 2
fi
HAVE_POPPLER=1
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
  echo "pdftotext/pdfinfo are missing: no baseline and no page counts (apt-get install -y poppler-utils)" >&2
  HAVE_POPPLER=0
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/agendex-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "keeping $TMP" >&2; else trap 'rm -rf "$TMP"' EXIT; fi

# run NAME CMD...: time CMD with GNU time; sets SECS (wall), CPU (user + sys
# of the command and the children it waited for: the PDF workers), RSS_MB
# (the largest single process) and ERR (its stderr file).
run() {
  local name=$1; shift
  ERR=$TMP/$name.err
  /usr/bin/time -v -o "$TMP/$name.time" "$@" >/dev/null 2>"$ERR" || true
  SECS=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$TMP/$name.time")
  CPU=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$TMP/$name.time")
  RSS_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$TMP/$name.time")
}
per_sec() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", n/s; else print "-" }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b/1e6 }'; }
row() { printf '| %-28s | %8s | %8s | %9s | %8s | %10s | %8s |\n' "$@"; }

echo "generating $FILES files (seed $SEED) in $TMP/corpus" >&2
"$GEN" generate --out "$TMP/corpus" --files "$FILES" --seed "$SEED" \
  --seeds "$ROOT/seeds" --corpus "$ROOT/corpus" 2>&1 | sed 's/^/  /' >&2
mkdir -p "$TMP/pdf"
ln "$TMP"/corpus/*.pdf "$TMP/pdf/"
NPDF=$(ls "$TMP/pdf" | wc -l)
PDF_BYTES=$(du -cb "$TMP"/pdf/*.pdf | tail -1 | cut -f1)
ALL_BYTES=$(du -cb "$TMP"/corpus/* | tail -1 | cut -f1)
PAGES=-
if [ "$HAVE_POPPLER" = 1 ]; then
  PAGES=$(for f in "$TMP"/pdf/*.pdf; do pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}'; done | awk '{s+=$1} END {print s+0}')
fi

echo
echo "agendex $("$BIN" --version | cut -d' ' -f2), $(nproc) CPUs, -j $JOBS, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "corpus: $FILES files ($NPDF PDF, $PAGES PDF pages, $(mb "$PDF_BYTES") MB of PDF; $(mb "$ALL_BYTES") MB in all)"
echo
row "run" "seconds" "CPU s" "pages/s" "MB/s" "records/s" "peak MB"
row "---" "---" "---" "---" "---" "---" "---"

run extract_pdf "$BIN" extract -j "$JOBS" "$TMP/pdf"
EX_SECS=$SECS
EX_CPU=$CPU
EX_RECS=$(grep -oE '[0-9]+ records' "$ERR" | tail -1 | cut -d' ' -f1 || echo 0)
row "agendex extract (PDFs)" "$SECS" "$CPU" "$(per_sec "$PAGES" "$SECS")" "$(per_sec "$(mb "$PDF_BYTES")" "$SECS")" "$(per_sec "$EX_RECS" "$SECS")" "$RSS_MB"
grep -E ' failed' "$ERR" | tail -1 | sed 's/^/  /' >&2

HAVE_INDEX=0
if "$BIN" index --help >/dev/null 2>&1; then
  HAVE_INDEX=1
  # The whole pipeline on the PDFs alone: read, parse, index, commit.
  run index_pdf "$BIN" index -j "$JOBS" --index "$TMP/index-pdf" "$TMP/pdf"
  IX_SECS=$SECS
  IX_CPU=$CPU
  IX_RECS=$(grep -oE '[0-9]+ records written' "$ERR" | tail -1 | cut -d' ' -f1 || echo 0)
  row "agendex index (PDFs)" "$SECS" "$CPU" "$(per_sec "$PAGES" "$SECS")" "$(per_sec "$(mb "$PDF_BYTES")" "$SECS")" "$(per_sec "$IX_RECS" "$SECS")" "$RSS_MB"
  rm -rf "$TMP/index-pdf"
fi

if [ "$HAVE_POPPLER" = 1 ]; then
  run pdftotext bash -c 'for f in "$1"/*.pdf; do pdftotext -q "$f" /dev/null || true; done' _ "$TMP/pdf"
  PT_SECS=$SECS
  PT_CPU=$CPU
  row "pdftotext, one by one (PDFs)" "$SECS" "$CPU" "$(per_sec "$PAGES" "$SECS")" "$(per_sec "$(mb "$PDF_BYTES")" "$SECS")" "-" "$RSS_MB"
  run pdftotext_par bash -c 'ls "$1"/*.pdf | xargs -P "$2" -n 16 sh -c '"'"'for f; do pdftotext -q "$f" /dev/null || true; done'"'"' _' _ "$TMP/pdf" "$JOBS"
  row "pdftotext, -P $JOBS (PDFs)" "$SECS" "$CPU" "$(per_sec "$PAGES" "$SECS")" "$(per_sec "$(mb "$PDF_BYTES")" "$SECS")" "-" "$RSS_MB"
fi

run extract_all "$BIN" extract -j "$JOBS" "$TMP/corpus"
ALL_RECS=$(grep -oE '[0-9]+ records' "$ERR" | tail -1 | cut -d' ' -f1 || echo 0)
row "agendex extract (all files)" "$SECS" "$CPU" "-" "$(per_sec "$(mb "$ALL_BYTES")" "$SECS")" "$(per_sec "$ALL_RECS" "$SECS")" "$RSS_MB"

if [ "$HAVE_INDEX" = 1 ]; then
  run index "$BIN" index -j "$JOBS" --index "$TMP/index" "$TMP/corpus"
  row "agendex index (all files)" "$SECS" "$CPU" "-" "$(per_sec "$(mb "$ALL_BYTES")" "$SECS")" "$(per_sec "$ALL_RECS" "$SECS")" "$RSS_MB"
  tail -2 "$ERR" | sed 's/^/  /' >&2
  # One new pack arrives: only it is parsed, the rest only hashed.
  "$GEN" generate --out "$TMP/extra" --files 1 --seed $((SEED + 7919)) --kinds pdf \
    --seeds "$ROOT/seeds" --corpus "$ROOT/corpus" 2>/dev/null
  for f in "$TMP"/extra/*.pdf; do mv "$f" "$TMP/corpus/new-$(basename "$f")"; done
  run reindex "$BIN" index -j "$JOBS" --index "$TMP/index" "$TMP/corpus"
  row "re-index after one new pack" "$SECS" "$CPU" "-" "-" "-" "$RSS_MB"
  tail -1 "$ERR" | sed 's/^/  /' >&2
fi

echo
if [ "$HAVE_POPPLER" = 1 ]; then
  if [ "$HAVE_INDEX" = 1 ]; then
    awk -v a="$IX_SECS" -v b="$PT_SECS" 'BEGIN { if (a > 0) printf "index (PDFs to a committed index), pages/s against pdftotext one by one: %.2fx (target >= 2x)\n", b/a }'
    awk -v a="$IX_CPU" -v b="$PT_CPU" 'BEGIN { if (a > 0) printf "index, pages per CPU-second against pdftotext: %.2fx\n", b/a }'
  fi
  awk -v a="$EX_SECS" -v b="$PT_SECS" 'BEGIN { if (a > 0) printf "extract, pages/s against pdftotext one by one: %.2fx\n", b/a }'
  awk -v a="$EX_CPU" -v b="$PT_CPU" 'BEGIN { if (a > 0) printf "extract, pages per CPU-second against pdftotext: %.2fx\n", b/a }'
fi

if [ "$HAVE_INDEX" = 1 ]; then
  echo
  echo "search, $ALL_RECS records, 20 runs per query, whole process (start, open, search, print):"
  printf '| %-44s | %9s | %9s |\n' "query" "median ms" "p99 ms"
  printf '| %-44s | %9s | %9s |\n' "---" "---" "---"
  # sq LABEL ARGS...: 20 searches, whole process each time.
  sq() {
    local label=$1; shift
    for i in $(seq 20); do
      s=$(date +%s%N)
      "$BIN" search --index "$TMP/index" --format json --limit 10 "$@" >/dev/null 2>&1 || true
      echo $(( ($(date +%s%N) - s) / 1000 ))
    done | sort -n | awk -v q="$label" '{v[NR]=$1} END {
      m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
      p = v[int(NR*0.99 + 0.999)]
      printf "| %-44s | %9.1f | %9.1f |\n", q, m/1000, p/1000 }'
  }
  sq 'early help' 'early help'
  sq '"schools forum"' '"schools forum"'
  sq 'funding AND (schools OR academies)' 'funding AND (schools OR academies)'
  sq 'resolved (stemmed)' 'resolved'
  sq 'kind:agenda_item' 'kind:agenda_item'
  sq 'Tottenham (rare)' 'Tottenham'
  sq 'budget --doc-type minutes --since 2014' budget --doc-type minutes --since 2014
fi

if [ "$FLAT" = 1 ]; then
  echo
  echo "memory flat in file count (peak RSS; extract: the largest process; index: the"
  echo "parent and the largest PDF worker apart, from index -v, and GNU time's figure):"
  for n in "$FLAT_SMALL" "$FLAT_LARGE"; do
    rm -rf "$TMP/flat" "$TMP/flat-index"
    "$GEN" generate --out "$TMP/flat" --files "$n" --seed "$SEED" \
      --seeds "$ROOT/seeds" --corpus "$ROOT/corpus" 2>/dev/null
    run "flat_$n" "$BIN" extract -j "$JOBS" "$TMP/flat"
    echo "  extract, $n files: ${SECS}s, peak ${RSS_MB} MB"
    [ "$n" = "$FLAT_SMALL" ] && SMALL_RSS=$RSS_MB || LARGE_RSS=$RSS_MB
    if [ "$HAVE_INDEX" = 1 ]; then
      run "flat_index_$n" "$BIN" index -v -j "$JOBS" --index "$TMP/flat-index" "$TMP/flat"
      # "agendex: peak memory: P MB this process, W MB the largest PDF worker"
      PEAK=$(grep -E '^agendex: peak memory:' "$ERR" | tail -1)
      PARENT=$(echo "$PEAK" | awk '{print $4}')
      WORKER=$(echo "$PEAK" | awk '{print $8}')
      echo "  index,   $n files: ${SECS}s, peak ${RSS_MB} MB (index process ${PARENT:-?} MB, largest PDF worker ${WORKER:-?} MB)"
      grep -E ' files: .* added' "$ERR" | tail -1 | sed 's/^/    /'
      [ "$n" = "$FLAT_SMALL" ] && SMALL_INDEX=${PARENT:-$RSS_MB} || LARGE_INDEX=${PARENT:-$RSS_MB}
    fi
  done
  awk -v a="$SMALL_RSS" -v b="$LARGE_RSS" -v s="$FLAT_SMALL" -v l="$FLAT_LARGE" 'BEGIN {
    r = b / a; printf "  extract, %s / %s files: %.2fx peak RSS (%s)\n", l, s, r, (r <= 1.2 ? "flat: within 20%" : "GROWS") }'
  if [ "$HAVE_INDEX" = 1 ]; then
    awk -v a="$SMALL_INDEX" -v b="$LARGE_INDEX" -v s="$FLAT_SMALL" -v l="$FLAT_LARGE" 'BEGIN {
      r = b / a; printf "  index,   %s / %s files: %.2fx peak RSS of the index process (%s; %s)\n",
        l, s, r, (r <= 1.2 ? "flat: within 20%" : "GROWS"), (b < 500 ? "under 500 MB" : "OVER 500 MB") }'
  fi
  rm -rf "$TMP/flat" "$TMP/flat-index"
fi
