#!/bin/sh
# Reader mode against the cleaner alone on the saved-page dev set (not in the repository:
# ../shared/reader-dev, 61 pages of the Zyte article-extraction benchmark, MIT, with
# their hand-marked article bodies; the benchmark is on GitHub as
# scrapinghub/article-extraction-benchmark). Prints shingle F1 for both, then the worst
# pages with reader mode.
#
#   sh eval/reader_compare.sh [path/to/reader-dev] [--worst N]
set -e
dev=${1:-../shared/reader-dev}
shift 2>/dev/null || true
bin=target/release/diglot
printf 'cleaner only: '
DIGLOT_READER=off python3 "$dev/score.py" --bin "$bin" | head -n 1
printf 'reader mode:  '
python3 "$dev/score.py" --bin "$bin" "$@"
