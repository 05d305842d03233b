#!/usr/bin/env python3
"""Learn which gender news text gives each first name, for the speaker ranker's pronoun
agreement (src/text/ranker.rs), and write assets/ranker/first_names.txt. Pure Python,
deterministic, no network:

    python3 eval/learn_first_names.py --data ../shared/quotes-dev/polnear/train [--write]

Evidence, per document, for a full name "First Last" (two or more capitalised words):
- a title before its last name elsewhere in the same document: "Mr. Last" votes male,
  "Ms./Mrs./Miss Last" female (newspapers that title every second mention);
- the person pronouns in the rest of the sentence that names it and the one opening the
  sentence after:
  he/him/his/himself vote male, she/her/hers/herself female (il/elle, lui/elle in French
  text), when exactly one full name is in that sentence (otherwise the pronoun could be
  anyone's).
A document gives a name at most one vote per gender, so one long profile does not decide
it. A name is written when at least --min-documents documents voted and at least --ratio of
their votes agree, and it goes with at least --min-surnames surnames in the corpus (a place
or paper does not: "Boca Raton", "Fox News"); names of both genders stay out ("Jordan").

PolNeAR (Newell et al. 2018) is not redistributed here: see eval/train_ranker.py.
"""
import argparse, glob, os, re

ap = argparse.ArgumentParser()
ap.add_argument("--data", default="../shared/quotes-dev/polnear/train")
ap.add_argument("--out", default="assets/ranker/first_names.txt")
ap.add_argument("--min-documents", type=int, default=3)
ap.add_argument("--ratio", type=float, default=0.9)
ap.add_argument("--min-surnames", type=int, default=3)
ap.add_argument("--write", action="store_true")
a = ap.parse_args()

MALE = {"he", "him", "his", "himself", "il", "lui"}
FEMALE = {"she", "her", "hers", "herself", "elle"}
MALE_TITLES = {"mr", "mr.", "m.", "monsieur"}
FEMALE_TITLES = {"ms", "ms.", "mrs", "mrs.", "miss", "mme", "madame", "mlle"}
# Capitalised words that open a sentence or a name but are no first name.
NOT_FIRST = {
    "the", "a", "an", "mr", "ms", "mrs", "dr", "sen", "gov", "rep", "president", "senator",
    "former", "but", "and", "in", "on", "at", "for", "if", "when", "as", "after", "new",
    "north", "south", "east", "west", "united", "white", "supreme", "secretary", "house",
    "state", "republican", "democratic", "democrat", "gop", "u.s.", "this", "that", "it",
    "justice", "judge", "rev", "father", "sister", "brother", "saint", "st", "lord", "lady", "sir",
}
NAME = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)((?:\s+(?:[A-Z]\.|[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]'[A-Z][a-z]+))+)")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“'‘])|\n+")
WORD = re.compile(r"[A-Za-zÀ-ÿ'.]+")


def full_names(sentence):
    """(first name, last name) of each run of two or more capitalised words."""
    out = []
    for m in NAME.finditer(sentence):
        words = [m.group(1), *m.group(2).split()]
        # The name starts after the last title or role of the run ("Mexican President
        # Enrique Peña Nieto"); a run ending in one is none ("Texas Gov").
        listed = [k for k, w in enumerate(words) if w.lower() in LISTED or w.lower() + "." in LISTED]
        if listed:
            words = words[listed[-1] + 1:]
        if len(words) < 2 or words[0].lower() in NOT_FIRST or len(words[0]) < 2:
            continue
        out.append((words[0], words[-1]))
    return out


def votes(text):
    """Per first name, the genders this document gives it (a set)."""
    out = {}
    words = [w.lower() for w in WORD.findall(text)]
    titled = {}
    for t, w in zip(words, words[1:]):
        if t in MALE_TITLES:
            titled.setdefault(w, set()).add("m")
        elif t in FEMALE_TITLES:
            titled.setdefault(w, set()).add("f")
    sentences = [s for s in SENTENCE.split(text) if s.strip()]
    for k, s in enumerate(sentences):
        names = full_names(s)
        for first, last in names:
            g = titled.get(last.lower())
            if g and len(g) == 1:
                out.setdefault(first, set()).update(g)
        if len(names) != 1:
            continue
        first, last = names[0]
        # The pronouns after the name in its sentence, and the one opening the next
        # sentence (its subject: mostly the person just named).
        ws = {w.lower() for w in WORD.findall(s[s.find(last) + len(last):])}
        following = WORD.findall(sentences[k + 1]) if k + 1 < len(sentences) else []
        ws |= {following[0].lower()} if following else set()
        m, f = bool(ws & MALE), bool(ws & FEMALE)
        if m != f:
            out.setdefault(first, set()).add("m" if m else "f")
    return out


def listed_words():
    """Words the bundled cue lists already give a meaning (titles, roles, places, function
    words, descriptors): "Senator", "Texas", "Despite" open name-like runs but are no first
    names."""
    out = set()
    for name in ("titles", "roles", "places", "function_words", "descriptors", "org_words", "not_speakers"):
        path = os.path.join("assets", "cues", name + ".txt")
        if not os.path.exists(path):
            continue
        for line in open(path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                out.update(w.lower() for w in line.split() if len(w) > 1)
    return out


LISTED = listed_words()


def main():
    counts = {}
    texts = [open(p, encoding="utf-8", errors="replace").read() for p in sorted(glob.glob(os.path.join(a.data, "text", "*.txt")))]
    # A first name is written capitalised, mostly as the first word of a name: a word more
    # often lower case ("Despite", "Make"), or more often the last word of a name ("Trump"
    # of "Donald Trump"), is not one.
    lower, as_first, as_last, surnames = {}, {}, {}, {}
    for text in texts:
        for w in WORD.findall(text):
            if w.islower():
                lower[w] = lower.get(w, 0) + 1
        for s in SENTENCE.split(text):
            for first, last in full_names(s):
                as_first[first] = as_first.get(first, 0) + 1
                as_last[last] = as_last.get(last, 0) + 1
                surnames.setdefault(first, set()).add(last)
    listed = LISTED
    # A first name goes with many surnames; a place or a title word of a paper ("Boca
    # Raton", "Fox News") with one or two.
    not_first = {w for w in as_first if w.lower() in listed or lower.get(w.lower(), 0) >= as_first[w] or as_last.get(w, 0) >= as_first[w]
                 or len(surnames[w]) < a.min_surnames}
    for text in texts:
        for first, genders in votes(text).items():
            if first in not_first:
                continue
            c = counts.setdefault(first, {"m": 0, "f": 0})
            for g in genders:
                c[g] += 1
    kept = []
    for first, c in sorted(counts.items()):
        n = c["m"] + c["f"]
        if n < a.min_documents:
            continue
        g = "m" if c["m"] >= c["f"] else "f"
        if c[g] / n >= a.ratio:
            kept.append((first, g, c[g], n))
    print(f"{len(counts)} first names seen, {len(kept)} kept "
          f"({sum(g == 'm' for _, g, _, _ in kept)} m, {sum(g == 'f' for _, g, _, _ in kept)} f)")
    if a.write:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write("# First names and the gender news text gives them (m/f), learned by\n"
                    "# eval/learn_first_names.py from PolNeAR train (see that script to rebuild).\n"
                    "# Each line: name, gender, documents agreeing, documents voting.\n")
            for first, g, agree, n in kept:
                f.write(f"{first} {g} {agree} {n}\n")
        print(f"wrote {a.out}")
    else:
        for first, g, agree, n in kept:
            print(f"  {first} {g} {agree}/{n}")


main()
