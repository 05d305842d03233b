#!/usr/bin/env python3
"""Build a folder of hostile inputs for diglot, to attack every command and the reader by
hand (tests/hostile.rs holds the cases that broke, one test each).

    python3 eval/hostile_folder.py /tmp/hostile [--big]

--big adds the slow ones: a 50 MB single line, 1M tiny paragraphs, HTML nested 100k deep.
Special files (FIFOs, sockets, device links, unreadable entries) need a Unix system.
"""
import gzip
import os
import socket
import sys

BODY = ("The minister said \u201cwe will rebuild the harbour before winter\u201d to reporters. "
        "The plan was announced on Monday.\n\n")


def write(d, name, data):
    path = os.path.join(d.encode() if isinstance(name, bytes) else d, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def names(d):
    for i, n in enumerate([
        "esc\x1b[2Jclear", "osc\x1b]0;PWNED\x07title", "bel\x07", "c1\u009b31mred",
        "nl\nforged", "\u202eevil\u202c", "zw\u200b\u2066iso\u2069", "tag\U000e0041\U000e0042",
        "-rf", "--help", "--corpus=x",
    ]):
        write(d, f"{n}{i}.txt", f"Title {i}\n\n{BODY}")
    write(d, b"raw\x9b2J\xff\xfe.txt", BODY)
    write(d, b"\xc3(invalid.md", BODY)


def specials(d):
    os.mkfifo(os.path.join(d, "fifo.txt"))
    s = socket.socket(socket.AF_UNIX)
    s.bind(os.path.join(d, "sock.html"))
    for name, target in [("zero.txt", "/dev/zero"), ("urandom.html", "/dev/urandom"),
                         ("tty.md", "/dev/tty"), ("loop.txt", "loop.txt"),
                         ("a.htm", "b.htm"), ("b.htm", "a.htm"), ("dangling.txt", "nowhere"),
                         ("stdin.txt", "/proc/self/fd/0"), ("dir.txt", "/")]:
        os.symlink(target, os.path.join(d, name))
    os.mkdir(os.path.join(d, "x.html"))
    write(d, "unreadable.txt", BODY)
    os.chmod(os.path.join(d, "unreadable.txt"), 0)
    os.mkdir(os.path.join(d, "unreadable_dir.html"))
    os.chmod(os.path.join(d, "unreadable_dir.html"), 0)


def junk(d):
    write(d, "empty.txt", b"")
    write(d, "one.txt", b"x")
    write(d, "nl.txt", b"\n")
    write(d, "png.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    write(d, "gz.txt", gzip.compress(BODY.encode() * 50))
    write(d, "pdf.md", b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF")
    write(d, "nul.txt", b"Title\n\n" + b"\0" * 5000 + BODY.encode())
    write(d, "nulmix.txt", ("a\0b " * 3000).encode())


def encodings(d):
    text = "Titre \u00e9t\u00e9\n\nLe ministre a d\u00e9clar\u00e9 \u00ab nous reconstruirons le port \u00bb lundi.\n"
    write(d, "utf16le_bom.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    write(d, "utf16be_bom.txt", b"\xfe\xff" + text.encode("utf-16-be"))
    write(d, "utf16le_nobom.txt", text.encode("utf-16-le"))
    write(d, "utf16be_nobom.txt", text.encode("utf-16-be"))
    write(d, "latin1.txt", text.encode("latin-1"))
    write(d, "cp1252.txt", ("\u201cQuote\u201d \u2014 " + text).encode("cp1252"))
    write(d, "sjis.txt", "\u30bf\u30a4\u30c8\u30eb\n\n\u5927\u81e3\u306f\u300c\u6e2f\u3092\u518d\u5efa\u3059\u308b\u300d\u3068\u8ff0\u3079\u305f\u3002\n".encode("shift_jis"))
    write(d, "meta_lie.html", b'<html><head><meta charset="utf-32"><title>x</title></head><body><p>' + BODY.encode() + b"</p></body></html>")
    write(d, "odd_utf16.txt", b"\xff\xfeA")


def unicode_floods(d):
    write(d, "bidi.txt", "Title \u202egnp.exe\u202c \u2066iso\u2069 \U000e0041tag\n\n"
          "He said \u201c\u202eevil\u202c words \U000e0068\U000e0069\u201d today.\n")
    write(d, "combining.txt", "Z" + "\u0301" * 100000 + "\n\n" + "a\u0300\u0301\u0302" * 20000 + "\n")
    write(d, "wide.txt", "\u6f22" * 5000 + "\n\n" + "\U0001F469\u200d\U0001F469\u200d\U0001F467" * 3000 + "\n")
    write(d, "zwj.txt", "Title\n\n" + "\u200d" * 50000 + BODY)
    write(d, "controls.html", "<title>t\x1b]52;c;ZXZpbA==\x07x</title><p>a\x1bP+q\x1b\\ b \x9d0;x\x9c c\x1b[6n</p>")


def big(d):
    write(d, "oneline.txt", ("word " * 10_000_000).encode())
    write(d, "paras.txt", ("x.\n\n" * 1_000_000).encode())
    write(d, "deep.html", b"<html><body>" + b"<div>" * 100_000 + b"deep text" + b"</div>" * 100_000 + b"</body></html>")
    write(d, "deep_frag.html", b"<div>" * 100_000 + b"deep" )
    write(d, "deep_span.html", b"<p>" + b"<span><b><i>" * 40_000 + b"x")


def manifests(d):
    write(d, "corpus.toml", '[[article]]\nid = "Title 0"\nauthor = "\\u001b]0;X\\u0007"\n'
          '[[pair]]\nleft = "\\u001b[2J"\nright = "' + "a" * 100000 + '"\n'
          '[[article]]\nid = 5\n')


def main():
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    for f in (names, specials, junk, encodings, unicode_floods, manifests):
        f(d)
    if "--big" in sys.argv:
        big(d)


if __name__ == "__main__":
    main()
