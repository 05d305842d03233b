#!/usr/bin/env bash
# Does a speed change of the cold read keep what it writes? Two diglot builds each read
# the folder DIR cold (`list --format json`) into an index of their own, then every table
# of the two indexes is compared row by row: the articles (stored JSON, metadata,
# language), the counterpart profiles (bytes) and anchors, the quote cache, and the
# full-text index's own tables (its segments byte for byte). The listings must match too.
#
#   eval/same_index.sh OLD_BIN NEW_BIN DIR
#
# Needs sqlite3 (the command-line shell). Prints the tables that differ and exits 1 if
# any does.
set -uo pipefail
[ $# -eq 3 ] || { sed -n 2,11p "$0"; exit 2; }
old="$1"; new="$2"; dir="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DIGLOT_DB="$work/state.db"
DIGLOT_CACHE="$work/old.db" "$old" --corpus "$dir" list --format json > "$work/old.list" 2>/dev/null
DIGLOT_CACHE="$work/new.db" "$new" --corpus "$dir" list --format json > "$work/new.list" 2>/dev/null
differ=0
cmp -s "$work/old.list" "$work/new.list" || { echo "differs: the listing"; differ=1; }
# Each table in a fixed order; the cache's stamp (which names the build) is left out.
queries=(
  "SELECT rowid, path, size, modified_ns, language, meta, article FROM diglot_cached_article ORDER BY rowid"
  "SELECT article, folder, name, hex(profile) FROM diglot_pair_profile ORDER BY article"
  "SELECT folder, anchor, article FROM diglot_pair_anchor ORDER BY folder, anchor, article"
  "SELECT id, hex(block) FROM diglot_article_text_data ORDER BY id"
  "SELECT segid, hex(term), pgno FROM diglot_article_text_idx ORDER BY segid, term"
  "SELECT id, hex(sz) FROM diglot_article_text_docsize ORDER BY id"
  "SELECT key, value FROM diglot_cache_meta WHERE key <> 'stamp' ORDER BY key"
)
for q in "${queries[@]}"; do
  sqlite3 "$work/old.db" "$q" > "$work/a" 2>&1
  sqlite3 "$work/new.db" "$q" > "$work/b" 2>&1
  if ! cmp -s "$work/a" "$work/b"; then
    echo "differs: $q"; differ=1
  elif [ ! -s "$work/a" ]; then
    echo "empty (nothing compared): $q"
  fi
done
[ $differ = 0 ] && echo "same index ($(wc -l < "$work/a") meta rows, $(sqlite3 "$work/new.db" 'SELECT count(*) FROM diglot_cached_article') articles)"
exit $differ
