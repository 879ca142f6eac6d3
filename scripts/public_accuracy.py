#!/usr/bin/env python3
"""Scores circheck on short real public texts, hand-labelled.

The texts are requirement texts from public criteria guides (DFØ's
Kriterieveiviseren, the Swedish and Maltese procurement agencies), passages of
published tenders, contract clauses and notices, plus passages that are about
nothing circular (traps). They are NOT in this repository: only their labels
are, in tests/accuracy/public-labels.csv. Each row's url is the public page
the text was taken from and its locator says where on that page; save each
text verbatim as <id>.txt (UTF-8) in a folder of your own and pass that
folder with --texts.

Labels file columns: id, lang, url, locator, criterion, expected, note.
expected is pass or partial (LABELS.md of the doffin-2020 set: pass = binding
requirement or the subject itself is circular; partial = only allowed, wished
or evaluated, or nothing to check it against). A row with criterion "none"
marks a text that is about nothing; criteria not labelled for a text count
as absent. A criterion counts as found when some result for it is pass or
partial.

Usage:
  scripts/public_accuracy.py [BINARY] --texts DIR [--labels FILE] [--misses N]

Runs the binary once over the labelled texts found in DIR and prints tp, fp
and fn with precision and recall per criterion, overall and per language,
then the disagreements: "labelled, not found" (with what circheck said about
the criterion instead) and "found, not labelled" (with the evidence
sentence). Exit status: 0; 2 on usage errors or a failed run; 77 when DIR
does not exist (so ctest can report the test as skipped).
"""
import argparse
import collections
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_LABELS = os.path.join(REPO, "tests", "accuracy", "public-labels.csv")
FOUND = ("pass", "partial")


class UsageError(Exception):
    """Bad arguments or input files (exit status 2)."""


def read_labels(path):
    """({id: {criterion: expected}}, {id: lang}) from the labels CSV."""
    labels, langs = {}, {}
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        need = {"id", "lang", "criterion", "expected"}
        if not need <= set(reader.fieldnames or []):
            raise UsageError("%s: needs the columns %s" % (path, ", ".join(sorted(need))))
        for row in reader:
            text_id = row["id"].strip()
            if not text_id:
                continue
            crit = labels.setdefault(text_id, {})
            langs[text_id] = row["lang"].strip()
            criterion = row["criterion"].strip()
            if criterion == "none":
                continue
            expected = row["expected"].strip()
            if expected not in FOUND:
                raise UsageError("%s: %s %s: expected must be pass or partial, not %r"
                                 % (path, text_id, criterion, expected))
            crit[criterion] = expected
    return labels, langs


def find_text(folder, text_id):
    """The file in folder holding text_id: <id>.txt, else <id>.<anything>."""
    path = os.path.join(folder, text_id + ".txt")
    if os.path.isfile(path):
        return path
    for name in sorted(os.listdir(folder)):
        if os.path.splitext(name)[0] == text_id and os.path.isfile(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return None


def check(binary, folder):
    """Runs circheck once over the folder; returns the JSON report."""
    run = subprocess.run([binary, "check", "--format", "json", "--fail-on", "never", folder],
                         capture_output=True, text=True)
    try:
        report = json.loads(run.stdout)
    except ValueError:
        report = None
    # Exit status 2 with a report means some rule could not be judged; the
    # report is still complete enough to score.
    if report is None or run.returncode not in (0, 2):
        raise RuntimeError("circheck exited %d: %s" % (run.returncode, run.stderr.strip()[:400]))
    return report


def found_criteria(doc):
    """{criterion: (rule, status, evidence sentence)} for pass/partial results."""
    found = {}
    for res in doc.get("results", []):
        if res.get("status") in FOUND and res["criterion"] not in found:
            evidence = res.get("evidence") or []
            sentence = evidence[0].get("text", "") if evidence else ""
            found[res["criterion"]] = (res["rule"], res["status"], sentence)
    return found


def why_not(doc, criterion):
    """What circheck reported for a criterion it did not find, briefly."""
    seen = []
    for res in doc.get("results", []):
        if res["criterion"] != criterion:
            continue
        status = res.get("status", "?")
        if status == "not-applicable" and res.get("reason"):
            status += ": " + res["reason"]
        seen.append("%s %s" % (res["rule"], status))
    return "; ".join(seen) if seen else "no rule for it ran"


def ratio(a, b):
    return a / b if b else 0.0


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary", nargs="?", default=os.path.join(REPO, "build", "circheck"),
                    help="the circheck binary (default: build/circheck)")
    ap.add_argument("--texts", required=True, metavar="DIR",
                    help="folder with the saved texts, one <id>.txt per labelled id")
    ap.add_argument("--labels", default=DEFAULT_LABELS, metavar="FILE",
                    help="labels CSV (default: tests/accuracy/public-labels.csv)")
    ap.add_argument("--misses", type=int, default=-1, metavar="N",
                    help="disagreements to list (default: all)")
    args = ap.parse_args(argv)  # exits 2 on usage errors

    if not os.path.isdir(args.texts):
        print("skipped: %s not found" % args.texts)
        return 77
    if not os.access(args.binary, os.X_OK):
        print("no circheck binary at %s" % args.binary, file=sys.stderr)
        return 2
    try:
        labels, langs = read_labels(args.labels)
    except (OSError, UsageError) as e:
        print(e, file=sys.stderr)
        return 2

    missing = []
    with tempfile.TemporaryDirectory() as tmp:
        for text_id in sorted(labels):
            src = find_text(args.texts, text_id)
            if src is None:
                missing.append(text_id)
                continue
            shutil.copyfile(src, os.path.join(tmp, text_id + ".txt"))
        if len(missing) == len(labels):
            print("none of the %d labelled texts is in %s" % (len(labels), args.texts),
                  file=sys.stderr)
            return 2
        try:
            report = check(args.binary, tmp)
        except RuntimeError as e:
            print(e, file=sys.stderr)
            return 2

    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    by_lang = collections.defaultdict(collections.Counter)
    misses = []
    texts = 0
    for doc in report.get("documents", []):
        text_id = os.path.splitext(os.path.basename(doc["path"]))[0]
        if text_id not in labels:
            continue
        texts += 1
        found = found_criteria(doc)
        truth = labels[text_id]
        lang = langs.get(text_id, "?")
        for c in sorted(set(found) | set(truth)):
            if c in found and c in truth:
                tp[c] += 1
                by_lang[lang]["tp"] += 1
            elif c in found:
                fp[c] += 1
                by_lang[lang]["fp"] += 1
                rule, status, sentence = found[c]
                misses.append((text_id, c, "found (%s %s), not labelled" % (rule, status),
                               "evidence: " + (sentence or "(none)")))
            else:
                fn[c] += 1
                by_lang[lang]["fn"] += 1
                misses.append((text_id, c, "labelled %s, not found" % truth[c],
                               "circheck: " + why_not(doc, c)))

    print("%-28s %4s %4s %4s  %9s %6s" % ("criterion", "tp", "fp", "fn", "precision", "recall"))
    for c in sorted(set(tp) | set(fp) | set(fn)):
        print("%-28s %4d %4d %4d  %9.2f %6.2f"
              % (c, tp[c], fp[c], fn[c], ratio(tp[c], tp[c] + fp[c]), ratio(tp[c], tp[c] + fn[c])))
    t, f_, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print("\n%d texts, %d labels: tp %d, fp %d, fn %d; precision %.2f, recall %.2f"
          % (texts, t + n, t, f_, n, ratio(t, t + f_), ratio(t, t + n)))
    for lang in sorted(by_lang):
        k = by_lang[lang]
        print("  %-3s tp %3d  fp %3d  fn %3d  precision %.2f  recall %.2f"
              % (lang, k["tp"], k["fp"], k["fn"], ratio(k["tp"], k["tp"] + k["fp"]),
                 ratio(k["tp"], k["tp"] + k["fn"])))
    if missing:
        print("\nnot in %s, left out: %s" % (args.texts, ", ".join(missing)))

    shown = misses if args.misses < 0 else misses[:args.misses]
    if shown:
        print("\ndisagreements (%d of %d):" % (len(shown), len(misses)))
    for text_id, c, what, detail in shown:
        print("  %-28s %-26s %s\n      %s" % (text_id, c, what, detail[:300].replace("\n", " ")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
