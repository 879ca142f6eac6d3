#!/usr/bin/env python3
"""circheck's manners on a terminal, tested through pseudo-terminals: colour
(--color=auto|always|never, --no-color, NO_COLOR, TERM=dumb) on the report
and on diagnostics, and the progress line on standard error (shown only on a
terminal, only after a second, erased at the end).

usage: terminal.py CIRCHECK SAMPLES_DIR
"""
import os
import pty
import selectors
import subprocess
import sys
import tempfile
import threading
import time

ESC = b"\x1b["
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAILED: " + what, file=sys.stderr)


def run(argv, stdout_tty, stderr_tty, env_extra=None, stdin_data=None, stdin_delay=0.0):
    """Runs argv with standard output and error each on a pseudo-terminal or
    a pipe; returns (exit code, stdout bytes, stderr bytes). stdin_data is
    written after stdin_delay seconds, then standard input is closed."""
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env["TERM"] = "xterm"
    env.update(env_extra or {})
    masters = {}
    child_ends = []

    def end(name, tty):
        if tty:
            master, slave = pty.openpty()
            masters[master] = name
            child_ends.append(slave)
            return slave
        return subprocess.PIPE

    out_end = end("out", stdout_tty)
    err_end = end("err", stderr_tty)
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=out_end, stderr=err_end, env=env)
    for fd in child_ends:
        os.close(fd)
    got = {"out": b"", "err": b""}
    sel = selectors.DefaultSelector()
    for fd, name in masters.items():
        sel.register(fd, selectors.EVENT_READ, name)
    for name, stream in (("out", proc.stdout), ("err", proc.stderr)):
        if stream is not None:
            os.set_blocking(stream.fileno(), False)
            sel.register(stream.fileno(), selectors.EVENT_READ, name)
    start = time.monotonic()
    stdin_open = True
    deadline = start + 60
    while sel.get_map():
        if stdin_open and time.monotonic() - start >= stdin_delay:
            if stdin_data:
                try:
                    proc.stdin.write(stdin_data)
                except BrokenPipeError:
                    pass
            proc.stdin.close()
            stdin_open = False
        if time.monotonic() > deadline:
            proc.kill()
            check(False, "timed out: %s" % argv)
            break
        for key, _ in sel.select(timeout=0.05):
            try:
                data = os.read(key.fd, 65536)
            except OSError:  # EIO: the terminal's other end is closed
                data = b""
            if data:
                got[key.data] += data
            else:
                sel.unregister(key.fd)
    if stdin_open:
        proc.stdin.close()
    rc = proc.wait()
    for fd in masters:
        os.close(fd)
    # a terminal turns "\n" into "\r\n"; compare as a pipe would give it
    for name in got:
        got[name] = got[name].replace(b"\r\n", b"\n")
    return rc, got["out"], got["err"]


def screen(data):
    """What a terminal shows after 'data': carriage return goes back to the
    start of the line, later characters overwrite earlier ones."""
    lines, line, col = [], [], 0
    for ch in data.decode("utf-8", "replace"):
        if ch == "\n":
            lines.append("".join(line).rstrip())
            line, col = [], 0
        elif ch == "\r":
            col = 0
        else:
            if col < len(line):
                line[col] = ch
            else:
                line.append(ch)
            col += 1
    lines.append("".join(line).rstrip())
    return [l for l in lines if l]


def main():
    circheck, samples = sys.argv[1], sys.argv[2]
    sample = os.path.join(samples, "furniture-nb.txt")
    report = [circheck, "check", "--fail-on", "never", sample]
    # a report with statuses and a diagnostic from a missing file
    both = [circheck, "check", "--fail-on", "never", sample, "missing-tender.txt"]

    # colour: auto on a terminal, off when redirected
    rc, out, err = run(both, True, True)
    check(rc == 2, "auto: a missing file still gives exit 2 (got %d)" % rc)
    check(ESC in out, "auto: the report on a terminal is coloured")
    check(ESC + b"1;31merror:" in err, "auto: the diagnostic on a terminal has a red 'error:'")
    check(b"missing-tender.txt" in err, "auto: the diagnostic names the file")
    rc, out, err = run(both, False, False)
    check(ESC not in out and ESC not in err, "auto: nothing is coloured when redirected")
    check(err.startswith(b"missing-tender.txt: error: "), "auto: the plain diagnostic: %r" % err)

    # NO_COLOR and TERM=dumb turn auto off; --color=always still colours
    for env in ({"NO_COLOR": "1"}, {"TERM": "dumb"}):
        rc, out, err = run(both, True, True, env)
        check(ESC not in out and ESC not in err, "%s: nothing coloured on a terminal" % env)
    rc, out, err = run(both, True, True, {"NO_COLOR": ""})
    check(ESC in out, "an empty NO_COLOR does not turn colour off")
    for argv in ([circheck, "check", "--color=always"] + both[2:],
                 [circheck, "check", "--color"] + both[2:]):
        rc, out, err = run(argv, False, False, {"NO_COLOR": "1"})
        check(ESC in out and ESC in err, "%s: coloured through pipes despite NO_COLOR" % argv[2])

    # --color=never and --no-color on a terminal
    for flag in ("--color=never", "--no-color"):
        rc, out, err = run([circheck, "check", flag] + both[2:], True, True)
        check(ESC not in out and ESC not in err, "%s: nothing coloured on a terminal" % flag)

    # a usage error after --no-color is plain on a terminal, before it coloured
    rc, out, err = run([circheck, "check", "--no-color", "--frobnicate"], False, True)
    check(rc == 2 and ESC not in err and b"unknown option '--frobnicate'" in err,
          "usage error after --no-color: %r" % err)
    rc, out, err = run([circheck, "check", "--frobnicate"], False, True)
    check(rc == 2 and ESC + b"1;31merror:" in err, "usage error on a terminal: %r" % err)

    # a bad value is a usage error
    rc, out, err = run([circheck, "check", "--color=sometimes", sample], False, False)
    check(rc == 2 and b"unknown --color value 'sometimes'" in err, "--color=sometimes: %r" % err)

    # with -o the file gets colour only when asked for
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "r.txt")
        run([circheck, "check", "--fail-on", "never", "-o", path, sample], True, True)
        check(ESC not in open(path, "rb").read(), "-o: no colour in the file by default")

    # progress: four files, the second is standard input that arrives after
    # 1.5 s, so the run takes longer than a second
    slow = [circheck, "check", "--fail-on", "never", sample, "-", sample, sample]
    text = open(sample, "rb").read()
    rc, out, err = run(slow, False, True, stdin_data=text, stdin_delay=1.5)
    check(rc == 0, "progress: the run succeeds (got %d, %r)" % (rc, err[-300:]))
    check(b"\rcircheck: 2/4 files checked" in err, "progress: the line on a terminal: %r" % err)
    check(screen(err) == [], "progress: nothing is left on the screen: %r" % screen(err))
    check(out.count(b"furniture-nb.txt: text,") == 3 and b"\n-: text," in out,
          "progress: all four documents are reported")
    # the same run with standard error redirected: not a byte of progress
    rc, out2, err = run(slow, False, False, stdin_data=text, stdin_delay=1.5)
    check(b"files checked" not in err and err == b"", "progress: none when redirected: %r" % err)
    check(out2 == out, "progress: the report is the same either way")
    # and with -j 2 on a terminal: both threads first wait, one for standard
    # input, one for a named pipe that is written after 2 s
    with tempfile.TemporaryDirectory() as tmp:
        fifo = os.path.join(tmp, "tender.fifo")
        os.mkfifo(fifo)

        def feed():
            time.sleep(2.0)
            with open(fifo, "wb") as f:
                f.write(text)

        feeder = threading.Thread(target=feed)
        feeder.start()
        rc, out3, err = run([circheck, "check", "--fail-on", "never", "-j", "2", "-", fifo, sample,
                             sample], False, True, stdin_data=text, stdin_delay=1.5)
        feeder.join()
    check(rc == 0, "progress -j 2: the run succeeds (got %d)" % rc)
    check(b"files checked" in err and screen(err) == [], "progress -j 2: shown, then erased: %r"
          % err)
    check(out3.count(b": text,") == 4, "progress -j 2: all four documents are reported")
    # a quick run on a terminal shows none
    rc, out, err = run([circheck, "check", "--fail-on", "never", sample, sample], False, True)
    check(b"files checked" not in err, "progress: none for a quick run: %r" % err)

    # -V is --version
    rc, out, err = run([circheck, "-V"], False, False)
    rc2, out2, _ = run([circheck, "--version"], False, False)
    check(rc == 0 and out == out2 and out.startswith(b"circheck "), "-V: %r" % out)
    rc, out, err = run([circheck, "check", "-V"], False, False)
    check(rc == 0 and out == out2, "check -V: %r" % out)

    if failures:
        print("%d failed" % len(failures), file=sys.stderr)
        return 1
    print("all terminal checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
