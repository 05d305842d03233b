#!/usr/bin/env python3
"""Check a French fixture set's gold.json against its texts before any run: every key occurs in
its text (normalised as score.py does) and inside a quoted span, keys come in text order, every
quoted span (« », “ ”, " ", a paragraph's unclosed « running to its end) holds at least one key,
kinds are known and required quotes have 3+ word keys.

    python3 eval/fr-fixtures/check_gold.py eval/fr-fixtures-12

Prints the problems and exits 1 if any; repeated keys (echoes) are reported as notes."""
import json, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import norm  # noqa: E402

PAIRS = (("«", "»"), ("“", "”"))


def spans(text):
    """Quoted spans of a text, per paragraph, normalised."""
    out = []
    for para in re.split(r"\n\s*\n", text):
        for o, c in PAIRS:
            for m in re.finditer(re.escape(o) + "([^" + o + c + "]*)(" + re.escape(c) + "|$)", para):
                out.append(norm(m.group(1)))
        parts = para.split('"')
        out += [norm(p) for p in parts[1:-1:2]]
    return [s for s in out if s]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    gold = json.load(open(os.path.join(d, "gold.json"), encoding="utf-8"))
    bad = notes = 0
    req = 0
    for art, entries in gold.items():
        if art.startswith("_"):
            continue
        text = norm(open(os.path.join(d, "texts", art + ".txt"), encoding="utf-8").read())
        sp = spans(open(os.path.join(d, "texts", art + ".txt"), encoding="utf-8").read())
        last = -1
        keys = [norm(e["key"]) for e in entries]
        for e, k in zip(entries, keys):
            if e["kind"] not in ("direct", "partial", "optional", "scare"):
                print(f"{art}: unknown kind {e['kind']!r} for «{k}»"); bad += 1
            if e["kind"] in ("direct", "partial"):
                req += 1
                if len(k.split()) < 3:
                    print(f"{art}: required key under 3 words «{k}»"); bad += 1
            if k != e["key"].lower():
                print(f"{art}: key not lower-case / normalised «{e['key']}»"); bad += 1
            if k not in text:
                print(f"{art}: key not in text «{k}»"); bad += 1
                continue
            if not any(k in s for s in sp):
                print(f"{art}: key not inside a quoted span «{k}»"); bad += 1
            pos = text.find(k, last + 1)
            if pos < 0:
                print(f"{art}: key out of text order «{k}»"); bad += 1
            else:
                last = pos
            if text.count(k) > 1:
                print(f"{art}: note: key occurs {text.count(k)} times «{k}»"); notes += 1
        for s in sp:
            if not any(k in s for k in keys):
                print(f"{art}: quoted span without an entry «{s[:70]}»"); bad += 1
    print(f"{d}: {sum(1 for a in gold if not a.startswith('_'))} texts, {req} required keys, {bad} problems, {notes} notes")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
