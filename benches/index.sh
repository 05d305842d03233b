#!/usr/bin/env bash
# The index at scale: CPU time (user+sys) and peak RSS of the release binary on synthetic
# folders (benches/folder_gen.py, recombined from the bundled corpus) of 1k and 10k files.
# Not a test: numbers to compare between versions on the same machine.
#
#   benches/index.sh                    # 1000 and 10000 files
#   SIZES=10000 benches/index.sh
#   BIN=/path/to/older/diglot benches/index.sh   # the same on another build
#
# Rows: cold `list --format json` (empty index: every file parsed), warm `list`,
# `quotes --format json` the first time (articles indexed, quotes not yet) and warm
# (quotes from the index), warm `speakers`, cold `index` (articles and quotes), warm
# `search` (a word, a prefix with a filter word), warm `pairs --format json`, then the
# reader's `b` lookup from the index (examples/counterpart_lookup.rs: median and slowest
# of 50 lookups, on a cache of its own, which its first run fills). Commands an older
# build lacks print "n/a".
# Needs GNU time (/usr/bin/time) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${SIZES:-1000 10000}"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (GNU time)" >&2; exit 1; }
[ -n "${BIN:-}" ] || cargo build --release --quiet --bin diglot --example counterpart_lookup
lookup="$PWD/target/release/examples/counterpart_lookup"
bin="${BIN:-$PWD/target/release/diglot}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DIGLOT_DB="$work/state.db"

# run CMD…: prints "cpu_s wall_s rss_mb", or "n/a" when the command fails.
run() {
  if /usr/bin/time -f "%U %S %e %M" -o "$work/t" "$@" > /dev/null 2> "$work/err"; then
    read -r user sys wall kb < "$work/t"
    printf '%7.2f %7.2f %7.0f' "$(echo "$user + $sys" | bc -l)" "$wall" "$((kb / 1024))"
  else
    printf '%7s %7s %7s' n/a n/a n/a
  fi
}

echo "diglot $(git describe --always --dirty 2>/dev/null || echo '?') ($bin) on $(nproc) cores"
for n in $SIZES; do
  folder="$work/f$n"
  python3 benches/folder_gen.py "$n" "$folder"
  printf '\n%-30s %7s %7s %7s   (%s files)\n' "" "CPU s" "wall s" "RSS MB" "$n"
  row() { printf '%-30s ' "$1"; shift; run "$@"; echo; }
  export DIGLOT_CACHE="$work/cache-$n.db"
  row "list --format json, cold" "$bin" --corpus "$folder" list --format json
  # What the cold read wrote: the index file (its WAL is checkpointed into it).
  printf '%-30s %7s MB\n' "index file after the cold list" "$(du -m "$DIGLOT_CACHE" | cut -f1)"
  row "list --format json, warm" "$bin" --corpus "$folder" list --format json
  row "quotes --format json, first" "$bin" --corpus "$folder" quotes --format json
  row "quotes --format json, warm" "$bin" --corpus "$folder" quotes --format json
  row "speakers --format json, warm" "$bin" --corpus "$folder" speakers --format json
  rm -f "$DIGLOT_CACHE"*
  row "index, cold" "$bin" --corpus "$folder" index
  row "index, warm (nothing changed)" "$bin" --corpus "$folder" index
  row "search europol" "$bin" --corpus "$folder" search europol --format json
  row "search 'cyber* lang:en'" "$bin" --corpus "$folder" search 'cyber* lang:en' --format json
  row "pairs --format json, warm" "$bin" --corpus "$folder" pairs --format json
  if [ -z "${BIN:-}" ]; then
    DIGLOT_CACHE="$work/lookup-$n.db" "$lookup" "$folder" 1 > /dev/null
    printf '%-30s %s\n' "b lookup (one article)" "$(DIGLOT_CACHE="$work/lookup-$n.db" "$lookup" "$folder" 50)"
  fi
done
