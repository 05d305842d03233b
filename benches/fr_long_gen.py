#!/usr/bin/env python3
"""A long French article for timing the quote engine on long input, built from the four
French paragraphs of benches/quotes.rs (the 2,000-word bench article).

    fr_long_gen.py WORDS OUT

Each copy of the four paragraphs has its names, numbers and places varied (so no two
sentences are identical, as in a real long article, and the registry meets new names as it
goes) while keeping the mix the French rules read: il across paragraphs, roles, generic
body nouns ("la direction de la radio", "le collectif"), "selon"/"pour" and inverted cues.
Deterministic: the same arguments give the same bytes.

    for n in 20000 40000 80000; do
      python3 benches/fr_long_gen.py $n /tmp/fr-$n.txt
      /usr/bin/time -f "$n words: %U s" env DIGLOT_CACHE=off target/eval/diglot quotes /tmp/fr-$n.txt --format json > /dev/null
    done
"""
import sys
from pathlib import Path

PARAS = [
    "Le chanteur lyrique {first} {last} est mort mardi à {age} ans. Longtemps associé à son partenaire de scène, "
    "Paul {last2}, il avait connu la gloire à {town}. En {year}, il lança à un critique : « Vous n'avez jamais rien compris à l'opéra ! »",
    "Hier, le chef du gouvernement, M. {last3}, a présenté son programme devant les députés. L'opposition a quitté la salle "
    "(Marc {last4} déplora un discours « sans aucune ambition pour le pays »). Mais le premier ministre a affirmé : « Nous ne reculerons pas. »",
    "D'autre part, la direction de la radio publique de la {country} a fermement condamné les agressions, « qui doivent cesser partout ». "
    "Pour le collectif de défense des locataires, il s'agit d'« un recul sans précédent pour le pays ».",
    "Dans le {dept}, les pluies « pourront dépasser {mm} millimètres en quelques heures » averti Météo France. Le fisc défend cette "
    "publication, parlant d'un « geste de clarté ». Selon son partenaire, « il chantait encore tous les matins », a-t-il ajouté.",
]
FIRST = ["Marcel", "Jean", "Luc", "Henri", "Pierre", "Louis", "André", "Michel"]
LAST = ["Dubois", "Girard", "Ravel", "Lenoir", "Morel", "Vasseur", "Poupard", "Haddad", "Lindqvist", "Okafor", "Garnier", "Roussel"]
TOWNS = ["Vienne", "Salzbourg", "Milan", "Prague", "Berlin", "Londres"]
COUNTRIES = ["Belgique", "Suisse", "France", "Roumanie"]
DEPTS = ["Gard", "Var", "Tarn", "Cher", "Lot"]


def surname(i, k):
    """A surname for copy `i`, slot `k`: a stock one, with a number-like suffix after the
    first round so that later copies name new people."""
    base = LAST[(i * 3 + k) % len(LAST)]
    r = i // len(LAST)
    return base if r == 0 else base + "ski"[: 1 + r % 3] + "ard"[: r % 4]


def copy(i):
    v = dict(
        first=FIRST[i % len(FIRST)], last=surname(i, 0), last2=surname(i, 1), last3=surname(i, 2),
        last4=surname(i, 3), age=60 + i % 39, town=TOWNS[i % len(TOWNS)], year=1950 + i % 60,
        country=COUNTRIES[i % len(COUNTRIES)], dept=DEPTS[i % len(DEPTS)], mm=100 + (i * 7) % 400,
    )
    return [p.format(**v) for p in PARAS]


def main():
    target, path = int(sys.argv[1]), sys.argv[2]
    out, words, i = [], 0, 0
    while words < target:
        for p in copy(i):
            out.append(p)
            words += len(p.split())
        i += 1
    Path(path).write_text("Titre\n\n" + "\n\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
