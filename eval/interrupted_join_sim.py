#!/usr/bin/env python3
"""What joining interrupted quotes would gain on PolNeAR's "found" (issue 13, measured and
declined in session 11): for consecutive quotes of the same speaker in one paragraph with a
short attribution between them ("X," he said. "Y"), a joined quote is added and the gold
quotes are counted found by the scorer's own rule (score_polnear.py: one predicted quote
holds the gold's first six words, or is over 60% of it).

    python3 eval/interrupted_join_sim.py train|dev BIN [MAXGAP] [raw|brat|pieces] [short] [newsent]

Join modes: raw (the text from the first half to the second, attribution included), brat
(the halves with the marks between them, "X," "Y", as brat joins a discontinuous span),
pieces (the halves joined by a space, as diglot stores a quote of several pieces).
"short": only a first half under six words; "newsent": only where the attribution ends
its sentence. Reads ../shared/quotes-dev/polnear (not redistributed; see its README)."""
import glob, json, os, re, subprocess, sys, unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from brat import read_ann  # noqa: E402
split, binp = sys.argv[1], sys.argv[2]
maxgap = int(sys.argv[3]) if len(sys.argv) > 3 else 80
JOIN_MODE = sys.argv[4] if len(sys.argv) > 4 else "raw"
SHORT = "short" in sys.argv[5:]
NEWSENT = "newsent" in sys.argv[5:]
here = os.path.dirname(os.path.abspath(__file__))
base = os.path.join(here, "..", "..", "..", "shared", "quotes-dev", "polnear", split)
if not os.path.isdir(base):
    base = f"/work/shared/quotes-dev/polnear/{split}"
def norm(s):
    s = unicodedata.normalize("NFC", s or "").lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ").replace("\u202f", " ")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip()
OPEN = "\"“‘'"
CUE = re.compile(r"\b(said|says|told|added|asked|wrote|writes|continued|explained|replied|argued|noted|insisted|recalled)\b")
env = dict(os.environ, DIGLOT_CACHE="off")
tot = f0 = f1 = 0; seen = set(); joins = 0
for ann in sorted(glob.glob(base + "/attributions/*.ann")):
    stem = os.path.basename(ann).rsplit("_", 1)[0]
    txt = os.path.join(base, "text", stem + ".txt")
    if not os.path.exists(txt) or stem in seen: continue
    seen.add(stem)
    raw = open(txt, encoding="utf-8", errors="replace").read()
    rawb = open(txt, "rb").read()
    spans, rels = read_ann(ann)
    gold = []
    for r in rels:
        c = spans.get(r.get("Content"))
        if not c: continue
        st = c[1][0][0]
        if not (c[2][:1] in OPEN or any(ch in raw[max(0, st - 2):st] for ch in OPEN)): continue
        inner = re.sub(r"^[\"“‘']+|[\"”’']+$", "", c[2]).strip()
        if len(inner.split()) < 4: continue
        gold.append(norm(inner))
    if not gold: continue
    out = subprocess.run([binp, "quotes", txt, "--format", "json"], capture_output=True, env=env)
    d = json.loads(out.stdout.decode()); qs = d["quotes"] if isinstance(d, dict) else d
    preds = [norm(q["text"]) for q in qs]
    extra = []
    for a, b in zip(qs, qs[1:]):
        if a.get("paragraph") != b.get("paragraph") or a.get("speaker") != b.get("speaker"): continue
        ea = rawb.find(a["text"].encode()); sb = rawb.find(b["text"].encode(), max(ea, 0))
        if ea < 0 or sb < 0: continue
        gap = rawb[ea + len(a["text"].encode()):sb].decode(errors="replace")
        short_ok = len(a["text"].split()) < 6 if SHORT else True
        newsent = bool(re.search(r"\.\s*[\"\u201c\u2018']+\s*$", gap)) if NEWSENT else True
        if len(gap) <= maxgap and CUE.search(gap) and short_ok and newsent:
            ga = gap
            m1 = re.match(r'^[^"\u201d\u2019\']*["\u201d\u2019\']+', ga)
            m2 = re.search(r'["\u201c\u2018\']+$', ga)
            if JOIN_MODE == "pieces":
                extra.append(norm(a["text"] + " " + b["text"]))
            elif JOIN_MODE == "brat" and m1 and m2:
                extra.append(norm(a["text"] + m1.group(0) + " " + m2.group(0) + b["text"]))
            else:
                extra.append(norm(rawb[ea:sb + len(b["text"].encode())].decode(errors="replace")))
            joins += 1
    def found(ps, inner):
        probe = " ".join(inner.split()[:6])
        return any(probe in p or (p and p in inner and len(p) > 0.6 * len(inner)) for p in ps)
    for inner in gold:
        tot += 1; f0 += found(preds, inner); f1 += found(preds + extra, inner)
print(f"{split}: gold {tot}; found now {f0} ({f0/tot:.3f}); with joined interrupted quotes {f1} ({f1/tot:.3f}); {joins} joins added")
