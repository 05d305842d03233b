#!/usr/bin/env python3
"""Score `diglot quotes FILE --format json` on the French fixtures in this folder (texts/*.txt,
gold.json), with the rules of the French development scorer: required quotes (direct,
partial) found when a predicted quote's text contains the key; precision over predictions
not marked term/scare, a neutral key (optional, scare) excusing a prediction; speaker right
when the predicted speaker contains one of the accepted names.

    python3 eval/fr-fixtures/score.py [--bin target/release/diglot] [--set DIR] [--errors N] [ID ...]

--set names another folder of the same layout (texts/*.txt, gold.json), e.g. eval/fr-fixtures-2,
the second set written blind (gold before any run) to measure how the rules generalise.

Run from the project root. The texts are invented news in the style of wire, national and
regional French copy, one per family of the issue-13 errors (see README.md here)."""
import argparse, json, os, re, subprocess, tempfile, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(s):
    s = unicodedata.normalize("NFC", s or "").lower()
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u00a0", " "), ("\u202f", " "), ("\u201c", '"'), ("\u201d", '"')):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def neutral_covers(key, txt):
    return key in txt and (len(key.split()) > 3 or len(txt) <= 2 * len(key) + 20)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="target/release/diglot")
    ap.add_argument("--errors", type=int, default=0, metavar="N")
    ap.add_argument("--set", default=HERE, metavar="DIR", help="folder with texts/ and gold.json (default: this one)")
    ap.add_argument("ids", nargs="*")
    a = ap.parse_args()
    gold = json.load(open(os.path.join(a.set, "gold.json"), encoding="utf-8"))
    arts = [k for k in gold if not k.startswith("_") and (not a.ids or k in a.ids)]
    env = dict(os.environ, DIGLOT_DB=os.path.join(tempfile.mkdtemp(prefix="fr-fixtures-"), "d.db"), DIGLOT_CACHE="off")
    found = req = false = covered = sp_ok = sp_n = 0
    misses = []
    for art in arts:
        path = os.path.join(a.set, "texts", art + ".txt")
        out = subprocess.run([os.path.abspath(a.bin), "quotes", path, "--format", "json"], capture_output=True, env=env, timeout=60)
        qs = json.loads(out.stdout.decode() or "[]")
        preds = [(norm(q.get("text")), norm(q.get("speaker") or "")) for q in qs if q.get("kind") not in ("term", "scare")]
        used = set()
        for g in gold[art]:
            key = norm(g["key"])
            if g["kind"] not in ("direct", "partial"):
                used.update(k for k, (txt, _) in enumerate(preds) if neutral_covers(key, txt))
                continue
            req += 1
            hit = [k for k, (txt, _) in enumerate(preds) if key in txt]
            used.update(hit)
            if not hit:
                misses.append(f"{art}: not found ({g['kind']}): «{g['key']}»")
                continue
            found += 1
            if g["speaker"]:
                sp_n += 1
                if any(any(s in preds[k][1] for s in g["speaker"]) for k in hit):
                    sp_ok += 1
                else:
                    misses.append(f"{art}: speaker {preds[hit[0]][1] or 'none'!r}, expected {' / '.join(g['speaker'])}: «{g['key']}»")
        for k, (txt, spk) in enumerate(preds):
            if k not in used:
                false += 1
                misses.append(f"{art}: false quote «{txt[:70]}» ({spk[:25] or 'no speaker'})")
        covered += len(used)
    print(f"{os.path.basename(os.path.normpath(a.set))} ({len(arts)} texts): recall {found / max(1, req):.2f} precision {covered / max(1, covered + false):.2f} "
          f"speaker {sp_ok / max(1, sp_n):.2f} ({found}/{req} found, {false} false, {sp_ok}/{sp_n} speakers)")
    for m in misses[:a.errors]:
        print("  " + m)


if __name__ == "__main__":
    main()
