#!/usr/bin/env python3
"""Scores circheck on real, hand-labelled contract notices.

The notices and their labels live outside the repository, in
../shared/data/doffin-2020 (notices-dev.jsonl, labels-dev.csv; the labelling
rules are in LABELS.md there). Each labelled notice is checked as the text a
reader sees: its title, the paragraphs of its description, then a line
"CPV: <main code>". A criterion counts as found when some result for it is
pass or partial; a labelled criterion (pass or partial) counts as present;
an unlabelled one as absent.

Usage:
  scripts/notice_accuracy.py [BINARY] [--data DIR] [--misses N]
                             [--min-precision P] [--min-recall R]

Prints precision and recall per criterion and overall, then the first N
disagreements. Exit status: 0, or 1 when a --min-* floor is not reached,
2 on usage errors or a failed run, 77 when the data folder is absent (so
ctest reports the test as skipped).
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(REPO, "..", "shared", "data", "doffin-2020")
FOUND = ("pass", "partial")


def read_labels(path):
    """{notice index: {criterion: expected}} for every notice that was read."""
    labels = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            crit = labels.setdefault(int(row["index"]), {})
            if row["criterion"] != "none":
                crit[row["criterion"]] = row["expected"]
    return labels


def notice_text(notice):
    """The text of a notice as a checker sees it."""
    desc = notice.get("description") or []
    if isinstance(desc, str):
        desc = [desc]
    text = (notice.get("title") or "") + "\n\n" + "\n\n".join(desc) + "\n"
    if notice.get("cpv"):
        text += "\nCPV: %s\n" % notice["cpv"]
    return text


def check(binary, folder):
    """Runs circheck once over the folder; returns the JSON report."""
    run = subprocess.run([binary, "check", "--format", "json", "--fail-on", "never", folder],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("circheck exited %d: %s" % (run.returncode, run.stderr.strip()[:400]))
    return json.loads(run.stdout)


def found_criteria(doc):
    """Criteria with a pass or partial result, and the rule that found each."""
    found = {}
    for res in doc.get("results", []):
        if res["status"] in FOUND and res["criterion"] not in found:
            found[res["criterion"]] = res["rule"]
    return found


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary", nargs="?", default=os.path.join(REPO, "build", "circheck"))
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder with notices-dev.jsonl and labels-dev.csv")
    ap.add_argument("--misses", type=int, default=20, metavar="N", help="disagreements to list")
    ap.add_argument("--min-precision", type=float, metavar="P")
    ap.add_argument("--min-recall", type=float, metavar="R")
    args = ap.parse_args(argv)

    notices_path = os.path.join(args.data, "notices-dev.jsonl")
    labels_path = os.path.join(args.data, "labels-dev.csv")
    if not (os.path.exists(notices_path) and os.path.exists(labels_path)):
        print("skipped: %s not found" % args.data)
        return 77
    if not os.access(args.binary, os.X_OK):
        print("no circheck binary at %s" % args.binary, file=sys.stderr)
        return 2

    labels = read_labels(labels_path)
    texts = {}
    with tempfile.TemporaryDirectory() as tmp:
        with open(notices_path, encoding="utf-8") as f:
            for line in f:
                notice = json.loads(line)
                if notice["index"] not in labels:
                    continue
                texts[notice["index"]] = notice_text(notice)
                with open(os.path.join(tmp, "%05d.txt" % notice["index"]), "w",
                          encoding="utf-8") as out:
                    out.write(texts[notice["index"]])
        report = check(args.binary, tmp)

    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    misses = []
    for doc in report["documents"]:
        index = int(os.path.basename(doc["path"]).split(".")[0])
        found = found_criteria(doc)
        truth = labels[index]
        for c in sorted(set(found) | set(truth)):
            if c in found and c in truth:
                tp[c] += 1
            elif c in found:
                fp[c] += 1
                misses.append((index, c, "found (%s), not labelled" % found[c]))
            else:
                fn[c] += 1
                misses.append((index, c, "labelled %s, not found" % truth[c]))

    print("%-28s %4s %4s %4s  %9s %6s" % ("criterion", "tp", "fp", "fn", "precision", "recall"))
    for c in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[c] / max(tp[c] + fp[c], 1)
        r = tp[c] / max(tp[c] + fn[c], 1)
        print("%-28s %4d %4d %4d  %9.2f %6.2f" % (c, tp[c], fp[c], fn[c], p, r))
    t, f_, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    precision = t / max(t + f_, 1)
    recall = t / max(t + n, 1)
    print("\n%d notices: precision %.2f, recall %.2f" % (len(report["documents"]), precision, recall))
    for index, c, why in misses[:args.misses]:
        print("  %5d %-26s %s: %s" % (index, c, why, texts[index][:100].replace("\n", " ")))

    below = []
    if args.min_precision is not None and precision < args.min_precision:
        below.append("precision %.2f < %.2f" % (precision, args.min_precision))
    if args.min_recall is not None and recall < args.min_recall:
        below.append("recall %.2f < %.2f" % (recall, args.min_recall))
    if below:
        print("below the floor: " + "; ".join(below), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
