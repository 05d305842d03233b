#!/usr/bin/env python3
"""Synthetic long articles for benches/scaling.sh, built from the bundled corpus.

    scaling_gen.py KIND BYTES OUT

KIND is
- `paragraph`: one huge paragraph of corpus sentences, with a quote and its attribution
  every few sentences (the worst case for anything that scans a paragraph per quote);
- `paragraphs`: the same text in paragraphs of four sentences;
- `names`: `paragraphs` with every quote said by a person named nowhere else and named
  again by surname (the worst case for anything that reads every known name per mention);
- `en` / `fr`: the English Reuters story and its French counterpart (the bundled pinned
  pair), repeated in step so the two stay parallel, for `diglot align`.

Repetitions differ: numbers and names change with each copy, so no two sentences of a
long text are identical (as in real long inputs). Deterministic: the same arguments give
the same bytes.
"""
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FIRST = ["Dana", "Marc", "Léa", "Rob", "Amira", "Jamie", "Inès", "Paul", "Sofia", "Karim", "Elena", "Tom"]
LAST = ["Reyes", "Poupard", "Vasseur", "Wainwright", "Khan", "Shea", "Morel", "Okafor", "Lindqvist", "Haddad"]
ROLES_EN = ["the agency's director", "a senior official", "the spokeswoman", "an analyst"]
ROLES_FR = ["le directeur de l'agence", "une porte-parole", "le procureur", "une analyste"]


def body_lines(name):
    """The article's prose lines (long enough to be sentences, not page furniture)."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    text = re.sub(r"<[^>]*>|&#?\w+;", " ", text)  # one bundled .txt file is saved HTML
    return [" ".join(l.split()) for l in text.splitlines() if len(l.strip()) > 80 and "http" not in l]


def sentences(lines):
    out = []
    for line in lines:
        out += [s for s in re.split(r"(?<=[.!?»”])\s+(?=[A-ZÀ-Ý«“])", line) if len(s) > 20]
    return out


def vary(s, i):
    """Copy `i` of sentence `s`: its numbers shifted, so copies differ."""
    return re.sub(r"\d+", lambda m: str(int(m.group()) + i * 7 % 1000), s)


def name(i):
    if UNIQUE_NAMES:
        return f"{FIRST[i % len(FIRST)]} {unique_surname(i)}"
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"


UNIQUE_NAMES = False


def unique_surname(i):
    """A surname of its own for each `i`: letters spelling i in base 18 ("Bardoc", "Cardob")."""
    syllables = ["ba", "co", "di", "fu", "ga", "he", "jo", "ki", "lu", "ma", "ne", "po", "ri", "sa", "te", "vo", "za", "mi"]
    out = ""
    i += 18
    while i:
        out += syllables[i % 18]
        i //= 18
    return out.capitalize() + "r"


def quote_en(i, words):
    again = name(i).split()[-1] if UNIQUE_NAMES else "He"
    return f"“{words},” said {name(i)}, {ROLES_EN[i % len(ROLES_EN)]}. {again} added that the {i} accounts were “only a start”."


def quote_fr(i, words):
    again = name(i).split()[-1] if UNIQUE_NAMES else "elle"
    return f"« {words} », a déclaré {name(i)}, {ROLES_FR[i % len(ROLES_FR)]}. Selon {again}, les {i} comptes ne sont « qu'un début »."


def english_sentences():
    names = sorted(p.name for p in CORPUS.glob("*.txt") if p.name != "004_17d92d11831f1a30.txt")
    return [s for n in names for s in sentences(body_lines(n))]


def mixed(target, paragraph_size):
    """Corpus sentences with a quote every four sentences, until `target` bytes."""
    en = english_sentences()
    fr = sentences(body_lines("004_17d92d11831f1a30.txt"))
    pool = en + fr
    out, size, i = [], 0, 0
    while size < target:
        s = vary(pool[i % len(pool)], i // len(pool))
        if i % 4 == 3:
            words = " ".join(re.sub("[“”«»\"]", "", s).rstrip(".").split()[:12])
            s = quote_fr(i, words) if (i // 4) % 3 == 0 else quote_en(i, words)
        out.append(s)
        size += len(s.encode()) + 1
        i += 1
    if paragraph_size is None:
        return " ".join(out) + "\n"
    return "\n\n".join(" ".join(out[k : k + paragraph_size]) for k in range(0, len(out), paragraph_size)) + "\n"


def parallel(target, lang):
    """The pinned pair, repeated in step: copy i of the English and the French match."""
    en_lines = body_lines("003_9300786b103168ca.txt")
    fr_lines = body_lines("004_17d92d11831f1a30.txt")
    # The same number of copies on both sides, sized by the longer (French) side so that
    # neither file exceeds the target (8 MiB is diglot's file limit).
    copy_size = max(sum(len(l.encode()) + 2 for l in side) for side in (en_lines, fr_lines)) + 80
    lines = en_lines if lang == "en" else fr_lines
    copies = max(1, target // copy_size)
    out = []
    for i in range(copies):
        who = name(i)
        if lang == "en":
            out.append(f"{who} said on Monday that {i} accounts had been closed.")
        else:
            out.append(f"{who} a déclaré lundi que {i} comptes avaient été fermés.")
        out += [vary(l, i) for l in lines]
    return "\n\n".join(out) + "\n"


def main():
    kind, target, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if kind == "paragraph":
        text = mixed(target, None)
    elif kind == "paragraphs":
        text = mixed(target, 4)
    elif kind == "names":
        global UNIQUE_NAMES
        UNIQUE_NAMES = True
        text = mixed(target, 4)
    elif kind in ("en", "fr"):
        text = parallel(target, kind)
    else:
        sys.exit(f"unknown kind {kind}")
    Path(path).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
