#!/usr/bin/env python3
"""Divergence flags on faithful translations: how many matched rows get a content flag.

A faithful translation should get few flags, so the rate on the align-dev novels is a
false-positive rate (an upper bound: translators do drop and add). Also prints the
bundled 004/003 pair. Usage:

    python3 eval/divergence_rates.py --bin target/release/diglot \
        [--dev /work/shared/align-dev/transread] [--samples 5]

The align-dev data (TransRead, CC BY-SA) is not in the repository; see
/work/shared/align-dev/README.md for where it comes from.
"""
import argparse, collections, json, os, re, subprocess, tempfile

def detok(line):
    s = ' '.join(line.split())
    s = re.sub(r" ([.,;:!?)\]%])", r"\1", s)
    s = re.sub(r"([(\[]) ", r"\1", s)
    s = re.sub(r"n ?'t\b", "n't", s)
    s = re.sub(r"(\w)' (\w)", r"\1'\2", s)
    s = re.sub(r" '(s|re|ve|ll|d|m)\b", r"'\1", s)
    return s

def book_text(d, lang):
    sents = open(os.path.join(d, f"{lang}.txt"), encoding="utf-8").read().splitlines()
    ids = open(os.path.join(d, f"{lang}.ids"), encoding="utf-8").read().splitlines()
    paras, cur, last = [], [], None
    for s, i in zip(sents, ids):
        p = i.split('.')[0]
        if last is not None and p != last:
            paras.append(' '.join(cur)); cur = []
        cur.append(detok(s)); last = p
    if cur: paras.append(' '.join(cur))
    return '\n\n'.join(paras) + '\n'

def report(name, data, samples):
    rows = data["rows"]
    matched = [r for r in rows if r["kind"] == "match"]
    kinds = collections.Counter(f["kind"] for r in rows for f in r["flags"])
    flagged = sum(1 for r in rows if r["flags"])
    content = sum(1 for r in matched if r["flags"])
    print(f"{name}: {len(rows)} rows, {flagged} flagged; matched {len(matched)}, "
          f"{content} with a content flag ({100*content/max(1,len(matched)):.1f}%); {dict(kinds)}")
    shown = collections.Counter()
    for r in matched:
        for f in r["flags"]:
            if shown[f["kind"]] < samples:
                shown[f["kind"]] += 1
                print(f"   [{f['kind']}] {f['reason']}\n      L: {r['left'][:150]}\n      R: {r['right'][:150]}")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/diglot")
    ap.add_argument("--dev", default="/work/shared/align-dev/transread")
    ap.add_argument("--samples", type=int, default=0)
    a = ap.parse_args()
    run = lambda *args: json.loads(subprocess.run([a.bin, *args, "--format", "json"], check=True, capture_output=True, text=True).stdout)
    report("004/003", run("align", "004_17d92d11831f1a30", "003_9300786b103168ca"), a.samples)
    with tempfile.TemporaryDirectory() as tmp:
        for book in sorted(os.listdir(a.dev)):
            d = os.path.join(a.dev, book)
            paths = []
            for lang in ("fr", "en"):
                p = os.path.join(tmp, f"{book}.{lang}.txt")
                open(p, "w", encoding="utf-8").write(book_text(d, lang))
                paths.append(p)
            report(book, run("align", *paths), a.samples)

if __name__ == "__main__":
    main()
