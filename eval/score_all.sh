#!/usr/bin/env bash
# Every quote-attribution score in one go, compact: PolNeAR dev and train, the French dev set,
# then every eval/fr-fixtures set as "right/named (f found/required fp false quotes)".
# Held-out sets (-5, -7, -10, -13, -19, -22, -26, -30, -33, -36, -39, -42) are printed as totals only, as everywhere.
#
#   eval/score_all.sh BIN          # e.g. target/eval/diglot
#   eval/score_all.sh BIN fr       # French only
set -euo pipefail
bin="$(realpath "$1")"
cd "$(dirname "$0")/.."
dev="${QUOTES_DEV:-../shared/quotes-dev}"
if [ "${2:-}" != "fr" ]; then
  for s in dev train; do python3 "$dev/score_polnear.py" --split "$s" --bin "$bin" 2>&1 | tail -1; done
fi
python3 "$dev/fr/score_fr.py" --bin "$bin" 2>&1 | tail -1
for d in eval/fr-fixtures eval/fr-fixtures-{2..60}; do
  [ -f "$d/gold.json" ] || continue
  python3 eval/fr-fixtures/score.py --bin "$bin" --set "$d" 2>&1 | tail -1 \
    | sed -E 's/ \([0-9]+ texts\): recall [0-9.]+ precision [0-9.]+ speaker [0-9.]+ \(([0-9]+)\/([0-9]+) found, ([0-9]+) false, ([0-9]+\/[0-9]+) speakers\)/ \4 (f \1\/\2 fp \3)/'
done | paste -sd' '
