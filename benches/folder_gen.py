#!/usr/bin/env python3
"""A folder of N synthetic news articles for benches/index.sh, recombined from the
bundled corpus (never from elsewhere).

    folder_gen.py N OUT_DIR

Each article: a title and 6–20 sentences drawn from the corpus (French ones from the
French article) with numbers shifted and a named speaker, so no two articles are equal.
About one in twenty is French; one in three is saved as HTML (with a <title>, a byline
and navigation around the text), the rest as .txt. Deterministic: the same N gives
the same bytes. Files are dated 2024-01-01 so the index trusts their timestamps at once.
"""
import html
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scaling_gen import body_lines, english_sentences, name, sentences, vary  # noqa: E402

OLD = 1704067200  # 2024-01-01


def article(rng, pool, i):
    picked = [vary(rng.choice(pool), i) for _ in range(rng.randint(6, 20))]
    title = " ".join(picked[0].split()[:10]).rstrip(".,;:")
    who = name(i)
    paragraphs = [" ".join(picked[k : k + 3]) for k in range(1, len(picked), 3)]
    return title, who, paragraphs


def as_txt(title, who, paragraphs):
    return f"{title}\n\nBy {who}\n\n" + "\n\n".join(paragraphs) + "\n"


def as_html(title, who, paragraphs):
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        f"<h1>{html.escape(title)}</h1><p class='byline'>By {html.escape(who)}</p>\n{body}</article>"
        f"<footer>© News</footer></body></html>\n"
    )


def main():
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    en = english_sentences()
    fr = sentences(body_lines("004_17d92d11831f1a30.txt"))
    rng = random.Random(n)
    for i in range(n):
        french = i % 20 == 19
        title, who, paragraphs = article(rng, fr if french else en, i)
        ext = "html" if i % 3 == 0 else "txt"
        text = as_html(title, who, paragraphs) if ext == "html" else as_txt(title, who, paragraphs)
        path = out / f"{i:06d}.{ext}"
        path.write_text(text, encoding="utf-8")
        os.utime(path, (OLD, OLD))


if __name__ == "__main__":
    main()
