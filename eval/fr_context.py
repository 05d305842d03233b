#!/usr/bin/env python3
"""Show the paragraph (and the one before) around each French dev-set miss, for error analysis.

    python3 eval/fr_context.py [--bin target/release/diglot] [--dev ../shared/quotes-dev/fr]

Runs the scorer with --errors and, for every miss, prints the article paragraphs holding
its key. The dev set itself stays outside the repository (see ../shared/quotes-dev/fr)."""
import argparse, os, re, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("--bin", default="target/release/diglot")
ap.add_argument("--dev", default="/work/shared/quotes-dev/fr")
ap.add_argument("ids", nargs="*")
a = ap.parse_args()
out = subprocess.run([sys.executable, os.path.join(a.dev, "score_fr.py"), "--bin", a.bin, "--errors", "500", *a.ids],
                     capture_output=True, text=True).stdout
print(out.splitlines()[0])
for line in out.splitlines()[1:]:
    m = re.match(r"\s*(wn-\d+): (.*)«(.*?)»", line)
    if not m:
        continue
    art, what, key = m.groups()
    text = open(os.path.join(a.dev, "texts", art + ".txt"), encoding="utf-8").read()
    paras = text.split("\n\n")
    norm = lambda s: re.sub(r"\s+", " ", s.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")).lower()
    print("=" * 80)
    print(line.strip())
    for i, p in enumerate(paras):
        if key[:40].lower() in norm(p):
            if i > 0:
                print("  [prev] " + paras[i - 1].strip()[-400:])
            print("  [para] " + p.strip()[:900])
            break
