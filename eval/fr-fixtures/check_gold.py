#!/usr/bin/env python3
"""Check a French fixture set's gold against its texts (no diglot needed): every key occurs in
its text (normalised as score.py does) inside a quoted span, once in the text (a repeat is
only a warning for neutral keys: headline, chapô and intertitre echoes repeat body words),
keys come in text order, every quoted span has a key, kinds are known and speakers are
lower-case; a required key outside 3-8 words is a warning.

    python3 eval/fr-fixtures/check_gold.py --set eval/fr-fixtures-11

Quoted spans: « … », “ … ”, " … " and a line of dialogue opened by a dash (an unquoted
interview answer is only warned about); a « quote left open at a paragraph's end and reopened
by « at the next paragraph's start is read as one span per paragraph. Exit status 1 on errors."""
import argparse, json, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import norm  # noqa: E402

KINDS = {"direct", "partial", "optional", "scare"}


def spans(text):
    """(start, end) of the quoted spans of the normalised text, per paragraph."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        para, base = m.group(0), m.start()
        dash = re.match(r"\s*[—–]\s*", para)
        if dash:  # a line of dialogue opened by a dash
            out.append((base + dash.end(), base + len(para)))
            continue
        for pat in (r"«([^«»]*)(»|$)", r'"([^"]*)"', r"“([^“”]*)”"):
            for q in re.finditer(pat, para):
                out.append((base + q.start(1), base + q.end(1)))
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", required=True, metavar="DIR")
    a = ap.parse_args()
    gold = json.load(open(os.path.join(a.set, "gold.json"), encoding="utf-8"))
    errors = warnings = 0
    for art, entries in gold.items():
        if art.startswith("_"):
            continue
        raw = open(os.path.join(a.set, "texts", art + ".txt"), encoding="utf-8").read()
        # keep line breaks: normalise line by line
        text = "\n".join(norm(line) for line in raw.split("\n"))
        sp = spans(text)
        used = set()
        last = -1
        for g in entries:
            key = norm(g["key"])
            msg = None
            if g["kind"] not in KINDS:
                msg = f"unknown kind {g['kind']!r}"
            elif any(s != s.lower() for s in g["speaker"]):
                msg = f"speaker not lower-case {g['speaker']}"
            if g["kind"] in ("direct", "partial") and not 3 <= len(key.split()) <= 8:
                print(f"WARN  {art}: required key of {len(key.split())} words: «{g['key']}»"); warnings += 1
            if msg:
                print(f"ERROR {art}: {msg}: «{g['key']}»"); errors += 1
            hits = [m.start() for m in re.finditer(re.escape(key), text)]
            if not hits:
                print(f"ERROR {art}: key not in text: «{g['key']}»"); errors += 1
                continue
            if len(hits) > 1:
                neutral = g["kind"] in ("optional", "scare")
                print(f"{'WARN ' if neutral else 'ERROR'} {art}: key occurs {len(hits)} times: «{g['key']}»")
                if neutral:
                    warnings += 1
                else:
                    errors += 1
            inside = [(i, h) for h in hits for i, (s, e) in enumerate(sp) if s <= h and h + len(key) <= e]
            if not inside:
                print(f"WARN  {art}: key not inside a quoted span (an interview answer?): «{g['key']}»")
                warnings += 1
                continue
            free = [(i, h) for i, h in inside if i not in used and h > last] or inside
            i, h = free[0]
            used.add(i)
            if h < last:
                print(f"ERROR {art}: key out of text order: «{g['key']}»"); errors += 1
            last = max(last, h)
        for i, (s, e) in enumerate(sp):
            if i not in used and text[s:e].strip():
                print(f"ERROR {art}: quoted span without a key: «{text[s:e][:70]}»"); errors += 1
    print(f"{errors} errors, {warnings} warnings")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
