#!/usr/bin/env python3
"""Group the misses of the PolNeAR quote scorer into error families, largest first.

    python3 eval/quote_error_families.py [--split train|dev] [--bin target/release/diglot]
        [--polnear DIR] [--scorer PATH] [--show N]

Runs the scorer (by default ../shared/quotes-dev/score_polnear.py, which reads PolNeAR from
the `polnear/` folder next to it) with every miss listed, then sorts each miss into one
family by the annotated source and the predicted speaker. Deterministic; no network. With
--show N it prints N examples per family with the text around the quote, for reading.
The families are coarse on purpose: they say where to look, not why it failed."""
import argparse, os, re, subprocess, sys
from collections import defaultdict

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--split", default="train")
ap.add_argument("--bin", default="target/release/diglot")
# The shared dev sets sit next to the main checkout (../shared) or, from a worktree, higher up.
scorers = [os.path.join(here, *[".."] * n, "shared", "quotes-dev", "score_polnear.py") for n in (2, 3)]
ap.add_argument("--scorer", default=next((s for s in scorers if os.path.exists(s)), scorers[0]))
ap.add_argument("--polnear", default=None, help="PolNeAR folder with <split>/text (default: next to the scorer)")
ap.add_argument("--show", type=int, default=0)
a = ap.parse_args()
if not os.path.exists(a.scorer):
    sys.exit(f"quote_error_families: no scorer at {a.scorer} (pass --scorer)")
polnear = a.polnear or os.path.join(os.path.dirname(os.path.abspath(a.scorer)), "polnear")

out = subprocess.run([sys.executable, a.scorer, "--split", a.split, "--bin", a.bin, "--errors", "100000"],
                     capture_output=True, text=True)
lines = out.stdout.splitlines()
if not lines:
    sys.exit(f"quote_error_families: the scorer printed nothing: {out.stderr.strip()}")
print(lines[0])

DESCRIPTOR = re.compile(r"^(the|a|an|one|another|his|her|their|its|my|our|this|that|which|who|said)\b")
MEDIA = re.compile(r"\b(ad|ads|narrator|announcer|voice|tweet|post|editorial|report|article|piece|book|letter|"
                   r"statement|transcript|email|message|website|headline|ruling|study|poll|survey)\b")
ORG = re.compile(r"\b(times|post|news|cnn|msnbc|fox|campaign|committee|party|union|board|department|"
                 r"white house|dnc|rnc|association|council|institute|center)\b")
PRON = {"he", "she", "they", "i", "we", "it", "you"}

def family(kind, pred, src):
    src0 = re.split(r",| of | from | who | at | for |\(", re.sub(r"'s$", "", src))[0].strip()
    if kind == "not found":
        return "quote not found"
    if MEDIA.search(src0) and DESCRIPTOR.match(src0):
        return "a document or ad is the source (the ad, the narrator, a tweet)"
    if DESCRIPTOR.match(src0):
        return "descriptor source (the businessman, a friend, who)"
    if ORG.search(src0):
        return "organisation or outlet source (The New York Times, the campaign)"
    if pred == "none":
        return "named source, no speaker given"
    if pred in PRON or pred in ("none",):
        return "named source, pronoun left unresolved"
    if any(w in pred.split() for w in src0.split() if len(w) > 2):
        return "named source, right person written differently (role before the name, party label)"
    return "named source, another person chosen"

fams = defaultdict(list)
pat = re.compile(r"\s*(\S+): (not found|speaker '(.*?)', annotated (['\"])(.*?)\4): “(.*)”")
for line in lines[1:]:
    m = pat.match(line)
    if not m:
        continue
    stem, what, pred, _, src, quote = m.groups()
    kind = "not found" if what == "not found" else "speaker"
    fams[family(kind, pred or "", src or "")].append((stem, what, quote))

for name, items in sorted(fams.items(), key=lambda kv: -len(kv[1])):
    print(f"{len(items):5d}  {name}")
    for stem, what, quote in items[:a.show]:
        path = os.path.join(polnear, a.split, "text", stem + ".txt")
        raw = open(path, encoding="utf-8", errors="replace").read() if os.path.exists(path) else ""
        low = raw.lower().replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
        i = low.find(quote[:30])
        around = raw[max(0, i - 200):i + len(quote) + 150].replace("\n", " ¶ ") if i >= 0 else "(not located)"
        print(f"         {stem}: {what}\n           {around}")
