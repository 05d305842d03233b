#!/usr/bin/env python3
"""Reader latency and memory in a pseudo-terminal: when each frame arrives, how long each
key takes to change the screen (while background work may still run), and the resident
memory of the reader at chosen moments.

    benches/reader_latency.py BIN CORPUS_DIR [KEYS]

Prints the time from start to the first output, to the alternate screen, to the first
frame of the reader (the article list: before the issue-16 work the folder was read
first; now the list fills while the reader runs), to the frame listing every article
(the status bar's progress line gives way to the key hints), to the first frame whose list
shows rows (its header counts some), to the frame with the quotes pane filled
(when a worker extracts them), then for each key of KEYS (default "j j Tab j j") the time
until the screen answers. Special keys: `Tab` `Enter` `Esc` `Space`; `type:WORDS` types
WORDS a character at a time, timing each; `wait:S` waits S seconds (work running on
workers); `settle` waits until the reader's CPU time stops growing (its workers are
done) and prints how long that took; `count` prints the list's header count (shown of total, under a filter); `rss` prints the reader's resident memory (VmRSS)
and its peak (VmHWM).

Environment: KEYS_DURING_READ=1 sends the keys at once, while the folder is read (the
end of the read is reported after them); DIGLOT_CACHE (default `off`; a file path keeps the article cache there, so
a second run is warm), ROWS/COLS (default 30x100). Not a test: numbers to compare between
versions on the same machine.
"""
import fcntl, os, pty, re, select, struct, sys, termios, time


def memory(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            fields = dict(line.split(":", 1) for line in f)
        mb = lambda k: int(fields[k].split()[0]) / 1024
        return f"{mb('VmRSS'):.0f} MB (peak {mb('VmHWM'):.0f} MB)"
    except (OSError, KeyError, ValueError):
        return "?"


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    keys = (sys.argv[3] if len(sys.argv) > 3 else "j j Tab j j").split()
    env = dict(os.environ, TERM="xterm-256color", DIGLOT_DB="/tmp/reader_latency.db")
    env.setdefault("DIGLOT_CACHE", "off")
    files = sum(1 for n in os.listdir(corpus) if re.search(r"\.(html?|mhtml?|txt|md)$", n))
    rows, cols = int(os.environ.get("ROWS", 30)), int(os.environ.get("COLS", 100))
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, "--corpus", corpus], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
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
        print(f"{what}: {1000 * (t - since):.0f} ms" if t else f"{what}: not within the time limit", flush=True)

    report("first output", wait_for(lambda b: len(b) > 0, 60), start)
    report("alternate screen", wait_for(lambda b: b"\x1b[?1049h" in b, 120), start)
    report("first frame (article list)", wait_for(lambda b: b"Articles" in b, 120), start)
    print(f"memory at first frame: {memory(pid)}")

    # The first frame that lists rows (the header counts more than none): whole frames
    # asked for (Ctrl-L) every 10 ms, so this is to within 10 ms.
    def first_rows(timeout):
        nonlocal seen
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if re.search(rb"Articles \((?:\d+ of )?[1-9]", seen):
                return time.monotonic()
            seen = b""
            os.write(fd, b"\x0c")
            wait_for(lambda b: re.search(rb"Articles \((?:\d+ of )?[1-9]", b), 0.01)
        return None

    report("first frame with rows", first_rows(120), start)
    print(f"memory at first rows: {memory(pid)}")
    # Once every file is read, the status bar's progress line gives way to the key hints.
    # Frames are written as differences from the last one: ask for whole frames (Ctrl-L)
    # every 100 ms and look for the hints in them (so this is to within 100 ms).
    def every_file_read(timeout):
        nonlocal seen
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            seen = b""
            os.write(fd, b"\x0c")
            wait_for(lambda b: False, 0.1)
            if b"f filter" in seen:
                return time.monotonic()
        return None

    if os.environ.get("KEYS_DURING_READ"):
        # The keys go in while the folder is still being read.
        keys = keys + ["read"]
    else:
        report(f"every file read ({files})", every_file_read(600), start)
        print(f"memory with every file read: {memory(pid)}")
    if b"extracting" in seen:
        # Quotes of a long article come from a worker: the next output is that redraw.
        seen = b""
        report("quotes pane filled", wait_for(lambda b: len(b) > 0, 120), start)
    names = {"Tab": b"\t", "Enter": b"\r", "Esc": b"\x1b", "Space": b" "}

    def press(label, data):
        nonlocal seen
        time.sleep(0.2)
        seen = b""
        sent = time.monotonic()
        os.write(fd, data)
        report(f"key {label}", wait_for(lambda b: len(b) > 0, 60), sent)

    for k in keys:
        if k == "count":
            # A whole frame, for the list's header: "Articles shown/total".
            seen = b""
            os.write(fd, b"\x0c")
            wait_for(lambda b: False, 0.2)
            found = re.findall(rb"Articles (\d+)/(\d+)", seen)
            print("listed: " + (f"{int(found[-1][0])} of {int(found[-1][1])}" if found else "?"), flush=True)
        elif k == "read":
            report(f"every file read ({files})", every_file_read(600), start)
        elif k == "rss":
            print(f"memory: {memory(pid)}", flush=True)
        elif k == "settle":
            began, last = time.monotonic(), cpu_seconds(pid)
            while time.monotonic() - began < 600:
                wait_for(lambda b: False, 1.0)
                now = cpu_seconds(pid)
                if now is None or last is None or now - last < 0.05:
                    break
                last = now
            print(f"settled after {time.monotonic() - began:.1f} s", flush=True)
        elif k.startswith("wait:"):
            time.sleep(float(k[5:]))
            wait_for(lambda b: False, 0.05)
        elif k.startswith("type:"):
            for c in k[5:]:
                press(c, c.encode())
        else:
            press(k, names.get(k, k.encode()))
    os.write(fd, b"\x03")
    time.sleep(0.3)
    os.kill(pid, 9)


main()
