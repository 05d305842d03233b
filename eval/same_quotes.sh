#!/usr/bin/env bash
# Whether two diglot builds extract byte-identical quotes: the bundled corpus and the
# texts of a quotes-dev folder (PolNeAR dev + the first 100 train texts, the French
# Wikinews texts). For changes that must not alter results (speed work).
#
#   eval/same_quotes.sh OLD_BIN NEW_BIN [QUOTES_DEV_DIR]
#
# The dev data is not in the repository; see /work/shared/quotes-dev/README.md for its
# sources (PolNeAR v1.0.0, French Wikinews).
set -euo pipefail
old="$1" new="$2" dev="${3:-/work/shared/quotes-dev}"
export DIGLOT_CACHE=off
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
files=()
if [ -d "$dev" ]; then
  # Globs, not `ls | head`: under pipefail the cut pipe ended the list before the French texts.
  dev_texts=("$dev"/polnear/dev/text/*.txt)
  train_texts=("$dev"/polnear/train/text/*.txt)
  french_texts=("$dev"/fr/texts/*)
  files=("${dev_texts[@]}" "${train_texts[@]:0:100}" "${french_texts[@]}")
fi
status=0
compare() {
  local name="$1"; shift
  "$old" quotes --all --format json "$@" > "$work/old" 2> /dev/null || true
  "$new" quotes --all --format json "$@" > "$work/new" 2> /dev/null || true
  if cmp -s "$work/old" "$work/new"; then
    echo "same: $name ($(wc -c < "$work/new") bytes)"
  else
    echo "DIFFERENT: $name"; diff "$work/old" "$work/new" | head -20; status=1
  fi
}
compare "bundled corpus"
[ ${#files[@]} -eq 0 ] || compare "${#files[@]} dev texts" "${files[@]}"
exit $status
