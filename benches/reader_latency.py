#!/usr/bin/env python3
"""Reader latency in a pseudo-terminal: when each frame arrives, and how long each key
takes to change the screen (while background work may still run).

    benches/reader_latency.py BIN CORPUS_DIR [KEYS]

Prints the time from start to the first output ("reading FOLDER …"), to the end of reading
the folder (the alternate screen opens), to the first frame of the reader (article list
and body), to the frame with the quotes pane filled (when a worker extracts them), and for each key of KEYS (default "j j Tab j j") the time until the
screen answers. Not a test: numbers to compare between versions on the same machine.
"""
import fcntl, os, pty, select, struct, sys, termios, time


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    keys = (sys.argv[3] if len(sys.argv) > 3 else "j j Tab j j").split()
    env = dict(os.environ, TERM="xterm-256color", DIGLOT_CACHE="off", DIGLOT_DB="/tmp/reader_latency.db")
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, "--corpus", corpus], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    start = time.monotonic()
    seen = b""

    def wait_for(pred, timeout):
        nonlocal seen
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if select.select([fd], [], [], 0.002)[0]:
                try:
                    seen += os.read(fd, 1 << 20)
                except OSError:
                    return None
                if pred(seen):
                    return time.monotonic()
        return None

    def report(what, t, since):
        print(f"{what}: {1000 * (t - since):.0f} ms" if t else f"{what}: not within the time limit")

    report("first output", wait_for(lambda b: len(b) > 0, 60), start)
    report("folder read (alternate screen)", wait_for(lambda b: b"\x1b[?1049h" in b, 120), start)
    report("first frame (list and body)", wait_for(lambda b: b"Articles" in b, 120), start)
    if b"extracting" in seen:
        # Quotes of a long article come from a worker: the next output is that redraw.
        seen = b""
        report("quotes pane filled", wait_for(lambda b: len(b) > 0, 120), start)
    names = {"Tab": b"\t", "Enter": b"\r", "Esc": b"\x1b"}
    for k in keys:
        time.sleep(0.2)
        seen = b""
        sent = time.monotonic()
        os.write(fd, names.get(k, k.encode()))
        report(f"key {k}", wait_for(lambda b: len(b) > 0, 60), sent)
    os.write(fd, b"q")
    time.sleep(0.3)
    os.kill(pid, 9)


main()
