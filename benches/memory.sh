#!/usr/bin/env bash
# Peak memory (max RSS) and wall time of the release binary on large inputs: a folder of
# saved pages (the bundled articles copied many times), with and without the article
# cache, and one very long article through quote extraction. Not a test: numbers to
# compare between versions on the same machine.
#
#   benches/memory.sh            # 3,000 files
#   COPIES=2000 benches/memory.sh  # 10,000 files
#
# Needs GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
COPIES="${COPIES:-600}"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (GNU time)" >&2; exit 1; }
cargo build --release --quiet
bin="$PWD/target/release/diglot"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir "$work/folder"
for i in $(seq 1 "$COPIES"); do
  for f in corpus/*; do
    case "$f" in *.toml) continue ;; esac
    cp "$f" "$work/folder/$i-$(basename "$f")"
  done
done
# Old enough for the cache to trust their timestamps.
find "$work/folder" -type f -exec touch -d '2024-01-01' {} +
files=$(find "$work/folder" -type f | wc -l)

# One long article: every bundled text file in a row, repeated to about 4 MB.
: > "$work/long.txt"
while [ "$(stat -c %s "$work/long.txt")" -lt 4000000 ]; do
  for f in corpus/*.txt corpus/*.md; do [ -f "$f" ] && cat "$f" >> "$work/long.txt" && printf '\n\n' >> "$work/long.txt"; done
done

measure() {
  local what="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" > /dev/null 2>&1 || true
  read -r secs kb < "$work/t"
  printf '%-48s %8.2f s %8.1f MB\n' "$what" "$secs" "$(echo "$kb / 1024" | bc -l)"
}

echo "diglot $(git describe --always --dirty 2>/dev/null || echo '?') on $(nproc) cores"
DIGLOT_CACHE=off measure "list, $files files, no cache" "$bin" list --corpus "$work/folder"
DIGLOT_CACHE="$work/cache.db" measure "list, $files files, filling the cache" "$bin" list --corpus "$work/folder"
DIGLOT_CACHE="$work/cache.db" measure "list, $files files, from the cache" "$bin" list --corpus "$work/folder"
DIGLOT_CACHE="$work/cache.db" measure "pairs, $files files" "$bin" pairs --corpus "$work/folder"
measure "quotes, one $(($(stat -c %s "$work/long.txt") / 1000000)) MB article" "$bin" quotes "$work/long.txt"
