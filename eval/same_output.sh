#!/usr/bin/env bash
# Does a speed change keep the output? Runs two builds of diglot over the same inputs
# and compares what they print, byte for byte: `list`, `quotes` and `show` (paragraphs,
# languages, sentences) as JSON.
#
#   eval/same_output.sh OLD_BIN NEW_BIN [DIR …]
#
# Inputs: the bundled corpus (every article shown), and each DIR given: its listing and
# quotes as a folder, and every file shown on its own. The dev sets are not part of the
# repository; pass their folders (e.g. ../shared/reader-dev/pages,
# ../shared/quotes-dev/polnear/dev/text) to include them. Prints the differing outputs
# and exits 1 if there are any.
set -uo pipefail
[ $# -ge 2 ] || { sed -n 2,12p "$0"; exit 2; }
old="$1"; new="$2"; shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DIGLOT_DB="$work/state.db" DIGLOT_CACHE=off
differ=0
same() { # NAME CMD…: run CMD with both builds, compare stdout
  local name="$1"; shift
  "$old" "$@" > "$work/a" 2>/dev/null
  "$new" "$@" > "$work/b" 2>/dev/null
  if ! cmp -s "$work/a" "$work/b"; then
    echo "differs: $name"; differ=1
  fi
}
same "bundled list" list --format json
same "bundled quotes" quotes --format json
for id in $("$old" list --format json | python3 -c 'import json,sys; print(" ".join(a["id"] for a in json.load(sys.stdin)))'); do
  same "bundled show $id" show "$id" --format json
done
for dir in "$@"; do
  same "$dir list" --corpus "$dir" list --format json
  same "$dir quotes" --corpus "$dir" quotes --format json
  for f in "$dir"/*; do
    same "show $f" show "$f" --format json
  done
done
[ $differ = 0 ] && echo "same output"
exit $differ
