#!/usr/bin/env python3
"""Checks that a tender gets the same verdicts whatever its format: for each
office version in samples/office (NAME.docx, NAME.odt, NAME.pdf, NAME.html), the status of every
criterion and the chosen packs equal those of samples/NAME.md or NAME.txt.

Usage: same_verdicts.py CIRCHECK SAMPLES_DIR
Exit 0 when all agree, 1 with the differences listed otherwise.
"""
import glob
import json
import os
import subprocess
import sys


def verdicts(binary, path):
    run = subprocess.run([binary, "check", "--format", "json", "--fail-on", "never", path],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit("%s: exit %d: %s" % (path, run.returncode, run.stderr.strip()))
    doc = json.loads(run.stdout)["documents"][0]
    return {c["id"]: c["status"] for c in doc["criteria"]}, sorted(doc["packs"])


def main():
    binary, samples = sys.argv[1], sys.argv[2]
    office = sorted(glob.glob(os.path.join(samples, "office", "*.docx")) +
                    glob.glob(os.path.join(samples, "office", "*.odt")) +
                    glob.glob(os.path.join(samples, "office", "*.pdf")) +
                    glob.glob(os.path.join(samples, "office", "*.html")))
    if not office:
        print("no office samples in %s/office" % samples)
        return 1
    bad = 0
    for path in office:
        stem = os.path.splitext(os.path.basename(path))[0]
        sources = [p for p in (os.path.join(samples, stem + ".md"),
                               os.path.join(samples, stem + ".txt")) if os.path.exists(p)]
        if not sources:
            print("%s: no text sample %s.md or %s.txt" % (path, stem, stem))
            bad += 1
            continue
        want, want_packs = verdicts(binary, sources[0])
        got, got_packs = verdicts(binary, path)
        if got_packs != want_packs:
            print("%s: packs %s, the text version %s" % (path, got_packs, want_packs))
            bad += 1
        for crit in sorted(set(want) | set(got)):
            if want.get(crit) != got.get(crit):
                print("%s: %s is %s, in %s %s" % (path, crit, got.get(crit),
                                                   os.path.basename(sources[0]), want.get(crit)))
                bad += 1
    print("%d office samples, %d differences" % (len(office), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
