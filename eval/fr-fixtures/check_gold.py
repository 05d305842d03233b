#!/usr/bin/env python3
"""Check a French fixture set's gold against its texts before committing it (no diglot run):
every key occurs in its text (normalised as in score.py), in text order, inside a quoted span;
required keys (direct, partial) occur once; every quoted span (« », “ ”, " ", nested ones too,
a span left open at a paragraph's end closing there) holds at least one key; kinds are known.

    python3 eval/fr-fixtures/check_gold.py eval/fr-fixtures-13 [eval/fr-fixtures-9 ...]

Prints one line per problem and a summary per set; exits 1 if any problem was found."""
import json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import norm  # noqa: E402

KINDS = {"direct", "partial", "optional", "scare"}


def spans(text):
    """(start, end) of every quoted span in the normalised text, paragraph by paragraph."""
    out, pos = [], 0
    for para in text.split("\n"):
        n = norm(para)
        base = text.find(n, pos) if n else -1
        if base < 0:
            pos += 1
            continue
        stack = []
        for i, c in enumerate(n):
            if c == "«":
                stack.append(("«", i))
            elif c == "»" and stack:
                _, s = stack.pop()
                out.append((base + s + 1, base + i))
            elif c == '"':
                if stack and stack[-1][0] == '"':
                    _, s = stack.pop()
                    out.append((base + s + 1, base + i))
                else:
                    stack.append(('"', i))
        for _, s in stack:  # left open: the quote goes on in the next paragraph
            out.append((base + s + 1, base + len(n)))
        pos = base + len(n)
    return out


def check(setdir):
    gold = json.load(open(os.path.join(setdir, "gold.json"), encoding="utf-8"))
    problems, n_req, n_all = [], 0, 0
    if not isinstance(gold.get("_doc"), str):
        problems.append("no _doc string")
    for art, entries in gold.items():
        if art.startswith("_"):
            continue
        path = os.path.join(setdir, "texts", art + ".txt")
        if not os.path.exists(path):
            problems.append(f"{art}: no text {path}")
            continue
        text = "\n".join(norm(p) for p in open(path, encoding="utf-8").read().split("\n"))
        sp = spans(text)
        keyed = set()
        last = 0
        for g in entries:
            n_all += 1
            key, kind = norm(g["key"]), g["kind"]
            if kind not in KINDS:
                problems.append(f"{art}: unknown kind {kind!r} for «{key}»")
            if kind in ("direct", "partial"):
                n_req += 1
            if key != g["key"]:
                problems.append(f"{art}: key not lower-case/normalised: «{g['key']}»")
            if not all(isinstance(s, str) and s == s.lower() for s in g["speaker"]):
                problems.append(f"{art}: speaker not a list of lower-case strings for «{key}»")
            occ = [i for i in range(len(text)) if text.startswith(key, i)]
            if not occ:
                problems.append(f"{art}: key not in text: «{key}»")
                continue
            if kind in ("direct", "partial") and len(occ) > 1:
                problems.append(f"{art}: required key occurs {len(occ)} times: «{key}»")
            after = [i for i in occ if i >= last]
            if not after:
                problems.append(f"{art}: key out of text order: «{key}»")
                after = occ
            at = after[0]
            last = at + 1
            inside = [s for s in sp if s[0] <= at and at + len(key) <= s[1]]
            if not inside:
                problems.append(f"{art}: key not inside a quoted span: «{key}»")
            for o in occ:
                keyed.update(s for s in sp if s[0] <= o and o + len(key) <= s[1])
        for s in sp:
            if s not in keyed:
                problems.append(f"{art}: quoted span without a key: «{text[s[0]:s[1]][:70]}»")
    for p in problems:
        print("  " + p)
    print(f"{os.path.basename(os.path.normpath(setdir))}: {len([a for a in gold if not a.startswith('_')])} texts, "
          f"{n_all} entries, {n_req} required, {len(problems)} problems")
    return not problems


if __name__ == "__main__":
    ok = all([check(d) for d in sys.argv[1:] or ["."]])
    sys.exit(0 if ok else 1)
