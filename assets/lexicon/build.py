#!/usr/bin/env python3
"""Build assets/lexicon/fr-en.tsv from FreeDict's fra-eng and eng-fra dictionaries.

Source: Debian packages dict-freedict-fra-eng and dict-freedict-eng-fra (FreeDict 2022,
GPL-2+), installed as /usr/share/dictd/freedict-{fra-eng,eng-fra}.{index,dict.dz}.

    apt-get install -y dict-freedict-fra-eng dict-freedict-eng-fra
    python3 assets/lexicon/build.py > assets/lexicon/fr-en.tsv

Output: one line per French word, `french<TAB>english1|english2|...`, lower-case,
single words only (multi-word expressions are dropped: the aligner matches tokens),
sorted. The eng-fra direction is inverted and merged in.
"""
import gzip
import re
import sys
from collections import defaultdict

DICTD = "/usr/share/dictd/freedict-{}"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def entries(name):
    data = gzip.open(DICTD.format(name) + ".dict.dz").read()
    for line in open(DICTD.format(name) + ".index", encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3 or parts[0].startswith("00database"):
            continue
        off, length = b64(parts[1]), b64(parts[2])
        body = data[off:off + length].decode("utf-8", "replace").splitlines()
        if len(body) < 2:
            continue
        head = re.sub(r"\s*/[^/]*/.*$", "", body[0]).strip()
        head = re.sub(r"\s*<[^>]*>\s*$", "", head).strip()
        senses = []
        for l in body[1:]:
            l = re.sub(r"^\s*\d+\.\s*", "", l).strip()
            if not l or l.startswith("Note:") or l.startswith("see:"):
                continue
            l = re.sub(r"\([^)]*\)", "", l)
            senses += [s.strip() for s in re.split(r"[,;]", l) if s.strip()]
        yield head, senses


WORD = re.compile(r"^[a-zà-ÿœæ'’-]{2,}$")


def clean(w):
    w = w.lower().replace("’", "'").replace("‐", "-").strip(" .!?")
    w = re.sub(r"^(to|a|an|the) ", "", w)  # "to abandon" -> "abandon"
    return w if WORD.match(w) else None


def main():
    lex = defaultdict(set)
    for fr, ens in entries("fra-eng"):
        f = clean(fr)
        if not f:
            continue
        for e in ens:
            e = clean(e)
            if e and e != f:
                lex[f].add(e)
    for en, frs in entries("eng-fra"):
        e = clean(en)
        if not e:
            continue
        for fr in frs:
            f = clean(fr)
            if f and f != e:
                lex[f].add(e)
    out = sys.stdout
    out.write("# French-English word list from FreeDict fra-eng + eng-fra (GPL-2+); see README.md\n")
    for f in sorted(lex):
        out.write(f + "\t" + "|".join(sorted(lex[f])) + "\n")


if __name__ == "__main__":
    main()
