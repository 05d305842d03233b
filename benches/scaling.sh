#!/usr/bin/env bash
# How cost grows with input size: CPU time and peak memory of the release binary on
# synthetic long inputs of doubling size (benches/scaling_gen.py builds them from the
# bundled corpus), and the growth ratio per doubling. Linear work doubles (×2.0) per
# doubling; quadratic work quadruples. Not a test: numbers to compare between versions.
#
#   benches/scaling.sh                       # every series, 64 KiB → 8000 KiB
#   SIZES="64 128 256" benches/scaling.sh    # sizes in KiB
#   SERIES="quotes-paragraph align" benches/scaling.sh
#   MAX_SECONDS=30 benches/scaling.sh        # stop a series after a run this slow
#
# Series: quotes-paragraph (`quotes --all` on one huge paragraph), quotes-paragraphs (the
# same text in paragraphs of four sentences), show-paragraph (`show --format json`), align
# (`align` of an English and a French article of that size each).
# Needs GNU time (/usr/bin/time, Debian package `time`) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${SIZES:-64 128 256 512 1024 2048 4096 8000}"
SERIES="${SERIES:-quotes-paragraph quotes-paragraphs quotes-names show-paragraph align}"
MAX_SECONDS="${MAX_SECONDS:-60}"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (GNU time)" >&2; exit 1; }
[ -n "${NO_BUILD:-}${BIN:-}" ] || cargo build --release --quiet
bin="${BIN:-$PWD/target/release/diglot}"  # BIN=… measures another build
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DIGLOT_CACHE=off DIGLOT_DB="$work/state.db"

# run NAME CMD…: prints "cpu_seconds max_rss_kb" (or "timeout").
run() {
  if timeout "$((MAX_SECONDS * 3))" /usr/bin/time -f "%U %S %M" -o "$work/t" "$@" > /dev/null 2> "$work/err"; then
    read -r user sys kb < "$work/t"
    echo "$(echo "$user + $sys" | bc -l) $kb"
  else
    echo "failed"
  fi
}

echo "diglot $(git describe --always --dirty 2>/dev/null || echo '?') on $(nproc) cores; CPU s (user+sys), peak RSS"
for series in $SERIES; do
  printf '\n%-18s %9s %8s %10s %9s %8s\n' "$series" "KiB" "words" "CPU s" "×/double" "RSS MB"
  prev=""
  for kib in $SIZES; do
    bytes=$((kib * 1024))
    case "$series" in
      quotes-paragraph|show-paragraph) kind=paragraph ;;
      quotes-paragraphs) kind=paragraphs ;;
      quotes-names) kind=names ;;
      align) kind=en ;;
    esac
    input="$work/$kind-$kib.txt"
    [ -f "$input" ] || python3 benches/scaling_gen.py "$kind" "$bytes" "$input"
    words=$(wc -w < "$input")
    case "$series" in
      quotes-*) result=$(run "$bin" quotes --all --format json "$input") ;;
      show-*) result=$(run "$bin" show --format json "$input") ;;
      align)
        [ -f "$work/fr-$kib.txt" ] || python3 benches/scaling_gen.py fr "$bytes" "$work/fr-$kib.txt"
        result=$(run "$bin" align --format json "$input" "$work/fr-$kib.txt") ;;
    esac
    if [ "$result" = failed ]; then
      printf '%-18s %9s %8s %10s\n' "" "$kib" "$words" "failed/timeout: $(head -c 200 "$work/err")"
      break
    fi
    read -r secs kb <<< "$result"
    ratio="-"
    if [ -n "$prev" ] && [ "$(echo "$prev > 0.02" | bc -l)" = 1 ]; then
      ratio=$(printf '%.2f' "$(echo "$secs / $prev" | bc -l)")
    fi
    printf '%-18s %9s %8s %10.2f %9s %8.1f\n' "" "$kib" "$words" "$secs" "$ratio" "$(echo "$kb / 1024" | bc -l)"
    prev="$secs"
    if [ "$(echo "$secs > $MAX_SECONDS" | bc -l)" = 1 ]; then
      echo "  (stopping this series: over ${MAX_SECONDS} s)"
      break
    fi
  done
done
