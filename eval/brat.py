"""Reading PolNeAR's brat annotation files (`*.ann`), shared by the evaluation scripts here."""


def read_ann(path):
    """(spans, events) of a brat `.ann` file: spans maps a text-bound id ("T3") to (kind,
    [(start, end), …], text); events are dicts of role → id ({"Content": "T3", "Source": …})."""
    spans, rels = {}, []
    for line in open(path, encoding="utf-8"):
        p = line.rstrip("\n").split("\t")
        if p[0].startswith("T") and len(p) >= 3:
            kind, *offs = p[1].split(" ")
            spans[p[0]] = (kind, [tuple(map(int, s.split())) for s in " ".join(offs).split(";")], p[2])
        elif p[0].startswith("E"):
            rels.append(dict(x.split(":") for x in p[1].split()))
    return spans, rels
