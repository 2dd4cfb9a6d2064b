#!/usr/bin/env bash
# Regenerate ACCURACY.md: agendex eval over every gold file, the project's
# (eval/gold) and the real documents' beside it (../shared/gold).
#   scripts/accuracy.sh            write ACCURACY.md
#   scripts/accuracy.sh --floors   also write eval/floors.tsv from today's figures
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ ! -d "$shared/corpus-real" ] || [ ! -d "$shared/gold" ]; then
  echo "accuracy.sh: $shared/corpus-real and $shared/gold are needed" >&2
  exit 2
fi
cargo build --release --quiet
bin=target/release/agendex
args=(--gold eval/gold --gold "$shared/gold" corpus seeds "$shared/corpus-real")
extra=()
if [ "${1:-}" = "--floors" ]; then
  extra=(--write-floors eval/floors.tsv)
fi
body=$("$bin" eval "${args[@]}" --format markdown "${extra[@]}" 2>/dev/null)
# Search relevance: the judged query set over the same inputs (eval/relevance).
relevance=$("$bin" eval --relevance eval/relevance corpus seeds "$shared/corpus-real" --format markdown 2>/dev/null | sed '/./,$!d')
# The hand-written history (figures before and after each change) is kept.
history=""
if [ -f ACCURACY.md ]; then
  history=$(sed -n '/^## History/,$p' ACCURACY.md)
fi
{
  echo "# Accuracy"
  echo
  echo "How many of the records hand-made gold says the documents hold agendex finds,"
  echo "and how many of its records are right. Written by \`scripts/accuracy.sh\` on"
  echo "$(date -u +%Y-%m-%d), that is:"
  echo
  echo '```sh'
  echo "agendex eval --gold eval/gold --gold ../shared/gold corpus seeds ../shared/corpus-real --format markdown"
  echo '```'
  echo
  echo "Gold format and scoring: eval/gold/FORMAT.md. Recall: gold records found."
  echo "Precision: found records that gold confirms, only over kinds a file annotates"
  echo "completely (\"-\" where none does; F1 is then the recall). Fields: the share of"
  echo "the fields gold states that the matched record has right, strict (exact) and"
  echo "soft (case, spacing and punctuation folded). Groups: seeds-text and seeds-pdf"
  echo "(the five bundled seeds in each form), principal (county, city and combined"
  echo "authorities, their decision forms and election notices), parish (parish, town"
  echo "and community councils, school governors), ofsted (inspection reports), text"
  echo "(markdown and text renderings of minutes and agendas)."
  echo
  echo "## Today"
  echo
  echo "$body"
  echo
  echo "## Search relevance"
  echo
  echo "The judged query set (eval/relevance, format in eval/relevance/FORMAT.md):"
  echo "nDCG@10, MRR and recall@10 of \`agendex search\` over the same inputs."
  echo
  echo '```sh'
  echo "agendex eval --relevance eval/relevance corpus seeds ../shared/corpus-real --format markdown"
  echo '```'
  echo
  echo "$relevance"
  if [ -n "$history" ]; then
    echo
    echo "$history"
  fi
} > ACCURACY.md
echo "ACCURACY.md written" >&2
