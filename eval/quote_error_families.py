#!/usr/bin/env python3
"""Group the misses of the PolNeAR quote scorer into error families, largest first.

    python3 eval/quote_error_families.py [--split train|dev] [--bin target/release/diglot]
        [--polnear DIR] [--scorer PATH] [--show N]

Runs the scorer (by default ../shared/quotes-dev/score_polnear.py, which reads PolNeAR from
the `polnear/` folder next to it) with every miss listed, then sorts each miss into one
family by the annotated source and the predicted speaker. Deterministic; no network. With
--show N it prints N examples per family with the text around the quote, for reading.
The families are coarse on purpose: they say where to look, not why it failed. Quotes not
found are split by what the scorer could match (its "found" needs one predicted quote holding
the gold's first six words): interrupted quotes whose annotation joins both halves, gold
spans running on past the closing mark, quotes the engine keeps as terms, and the rest."""
import argparse, json, os, re, subprocess, sys
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

# A closing mark in the scorer's normalised text: " or '' anywhere, or ' at a word's edge.
CLOSE = re.compile(r'"|\'\'|\w[,.!?]?\'(?=\s|$)|(?:^|\s)\'\w')
# Two quoted pieces joined by the annotation around an attribution: ...," "...
JOINED = re.compile(r'["\']{1,2}\s+["\']{1,2}')
terms_cache = {}

def norm(s):
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()

def engine_quotes(stem):
    """Every quote the engine gives for the text, terms included, normalised, with its kind."""
    if stem not in terms_cache:
        path = os.path.join(polnear, a.split, "text", stem + ".txt")
        out = subprocess.run([a.bin, "quotes", path, "--format", "json", "--all"], capture_output=True, text=True)
        try:
            terms_cache[stem] = [(q["kind"], norm(q["text"])) for q in json.loads(out.stdout)]
        except ValueError:
            terms_cache[stem] = []
    return terms_cache[stem]

def not_found_family(stem, quote):
    """Why a gold quote was not found: the scorer needs one predicted quote holding the
    gold's first six words, so a gold span that crosses a closing mark within them can
    only be matched by its pieces."""
    probe = " ".join(quote.split()[:6])
    first = CLOSE.split(quote)[0].strip(" ,.")
    found = [k for k, t in engine_quotes(stem) if first and first in t]
    if CLOSE.search(probe):
        if JOINED.search(quote):
            return ("interrupted quote: the annotation joins the halves around the attribution and the first is under six words"
                    + ("" if found else "; first half missed too"))
        return "gold runs on past the closing mark (a short quote inside the reporter's words)" + ("" if found else "; quote missed too")
    if any(k == "term" for k in found):
        return "found only as a term (short, no cue: a title, slogan, chant or scare quote)"
    if found:
        return "found, but the predicted text differs (marks, cut, control characters)"
    return "not found at all (no marks the engine reads: gold after a closing mark, or unmarked)"

# Sources that are no speaker at all: the annotation marked the verb, a relative pronoun or
# a preposition ("said", "who", "according to"); no attribution can match them.
NOT_A_SOURCE = {"said", "says", "say", "asked", "told", "wrote", "who", "which", "that", "whom", "here", "from",
                "according to", "one"}

def family(kind, pred, src, stem="", quote=""):
    src0 = re.split(r",| of | from | who | at | for |\(", re.sub(r"'s$", "", src))[0].strip()
    if kind == "not found":
        return "not found: " + not_found_family(stem, quote)
    if src.strip() in NOT_A_SOURCE or src.startswith("said "):
        return "annotation: the source marked is a verb, relative or preposition ('said', 'who')"
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
    fams[family(kind, pred or "", src or "", stem, quote)].append((stem, what, quote))

for name, items in sorted(fams.items(), key=lambda kv: -len(kv[1])):
    print(f"{len(items):5d}  {name}")
    for stem, what, quote in items[:a.show]:
        path = os.path.join(polnear, a.split, "text", stem + ".txt")
        raw = open(path, encoding="utf-8", errors="replace").read() if os.path.exists(path) else ""
        low = raw.lower().replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
        i = low.find(quote[:30])
        around = raw[max(0, i - 200):i + len(quote) + 150].replace("\n", " ¶ ") if i >= 0 else "(not located)"
        print(f"         {stem}: {what}\n           {around}")
