#!/usr/bin/env python3
"""A run writing its report with -o is stopped by SIGTERM (and another by
SIGINT) while the temporary file beside the output is being written: the
temporary file must be gone afterwards, the old report untouched, and the
run must end by the signal, as interrupted programs do (a shell shows 143
or 130).

The folder of documents is made here: enough copies of a sample that the
report takes a while to write, so the signal arrives while it is written.

Usage: hostile_interrupt.py CIRCHECK SAMPLE WORKDIR
"""
import os
import shutil
import signal
import subprocess
import sys
import time

COPIES = 400


def temp_files(folder):
    return [n for n in os.listdir(folder) if n.startswith("report.json.")]


def default_signals():
    """A run started from a script in the background inherits SIGINT
    ignored, and circheck rightly leaves an ignored signal ignored: start it
    as a terminal would."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


def interrupt(binary, docs, out_dir, sig):
    """Starts a run, sends 'sig' once the temporary file shows; returns a
    list of problems (empty when all is well), or None when the run ended
    before its temporary file was seen (nothing was tested)."""
    for name in os.listdir(out_dir):  # what an earlier run left
        os.remove(os.path.join(out_dir, name))
    report = os.path.join(out_dir, "report.json")
    with open(report, "w") as f:
        f.write("old report\n")
    proc = subprocess.Popen([binary, "check", "--format", "json", "--fail-on", "never",
                             "-o", report, docs],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=default_signals)
    deadline = time.monotonic() + 60
    seen = False
    while proc.poll() is None and time.monotonic() < deadline:
        if temp_files(out_dir):
            proc.send_signal(sig)
            seen = True
            break
        time.sleep(0.0005)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return ["%s: the run did not end after the signal" % sig.name]
    if not seen:
        return None
    problems = []
    if proc.returncode != -sig:
        problems.append("%s: exit status %d, expected death by the signal (%d); stderr %r"
                        % (sig.name, proc.returncode, -sig, err))
    left = temp_files(out_dir)
    if left:
        problems.append("%s: temporary files left behind: %s" % (sig.name, left))
    with open(report) as f:
        head = f.read(64)
    # Either the run was stopped before it renamed (old report) or the signal
    # waited for the rename to end (a whole new report): never half of one.
    if head != "old report\n" and not head.startswith("{"):
        problems.append("%s: the report is neither the old one nor a new one: %r"
                        % (sig.name, head))
    return problems


def main():
    binary, sample, work = sys.argv[1], sys.argv[2], sys.argv[3]
    shutil.rmtree(work, ignore_errors=True)
    docs = os.path.join(work, "docs")
    out_dir = os.path.join(work, "out")
    os.makedirs(docs)
    os.makedirs(out_dir)
    for i in range(COPIES):
        shutil.copy(sample, os.path.join(docs, "tender-%03d.txt" % i))
    bad = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        for _ in range(3):  # a very fast machine may finish before it is seen
            problems = interrupt(binary, docs, out_dir, sig)
            if problems is not None:
                bad += problems
                break
        else:
            bad.append("%s: the temporary file was never seen" % sig.name)
    for p in bad:
        print(p)
    print("interrupted output: %d problems" % len(bad))
    shutil.rmtree(work, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
