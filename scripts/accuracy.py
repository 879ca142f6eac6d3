#!/usr/bin/env python3
"""Accuracy evaluation of circheck against hand-labelled passages and documents.

Runs `circheck check --format json` over tests/accuracy/passages.tsv (each
passage written to a temporary Markdown file) and over the labelled tender
documents in tests/accuracy/documents/, and compares the tool's status per
criterion with the labels. Definitions of the figures are in docs/accuracy.md.

This is a measurement, not a test: the exit status is 0 whatever the figures
are, and 2 only for usage errors (bad arguments, missing binary or data, a
malformed label file).

Usage: scripts/accuracy.py [BINARY] [--level basic] [--details] [--json FILE]
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = ("pass", "partial", "fail")
LANGS = ("nb", "nn", "en")
# Columns of the confusion table: what the tool may answer for a criterion.
TOOL_STATES = ("pass", "partial", "fail", "not-applicable", "error")
FOUND = ("pass", "partial")
DOC_SUFFIXES = (".txt", ".md", ".markdown", ".xml")


class UsageError(Exception):
    pass


def read_criteria(path):
    """Criterion ids in the order of rules/criteria.csv."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
    except OSError as e:
        raise UsageError(f"{path}: cannot read: {e.strerror}")
    if not rows or rows[0][:1] != ["id"]:
        raise UsageError(f"{path}: expected a header starting with 'id'")
    return [r[0] for r in rows[1:] if r and r[0]]


def parse_expected(text, where, criteria):
    """'criterion=status,criterion=status' -> dict; '' -> {}."""
    out = {}
    text = text.strip()
    if not text:
        return out
    for part in text.split(","):
        crit, sep, status = part.strip().partition("=")
        crit, status = crit.strip(), status.strip()
        if not sep or crit not in criteria or status not in LABELS:
            raise UsageError(f"{where}: bad label '{part.strip()}'")
        if crit in out:
            raise UsageError(f"{where}: criterion '{crit}' labelled twice")
        out[crit] = status
    return out


def read_passages(path, criteria):
    """Passages as dicts: id, lang, section, cpv, text, expected."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError as e:
        raise UsageError(f"{path}: cannot read: {e.strerror}")
    passages, seen = [], set()
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        cols = line.split("\t")
        where = f"{path}:{no}"
        if len(cols) != 6:
            raise UsageError(f"{where}: expected 6 tab-separated columns, found {len(cols)}")
        pid, lang, section, cpv, text, expected = (c.strip() for c in cols)
        if not pid or pid in seen:
            raise UsageError(f"{where}: missing or duplicate id '{pid}'")
        if lang not in LANGS:
            raise UsageError(f"{where}: lang must be one of {', '.join(LANGS)}")
        if cpv and not (cpv.isdigit() and len(cpv) == 8):
            raise UsageError(f"{where}: cpv must be eight digits")
        if not text:
            raise UsageError(f"{where}: empty text")
        seen.add(pid)
        passages.append({"id": pid, "lang": lang, "section": section, "cpv": cpv,
                         "text": text, "expected": parse_expected(expected, where, criteria)})
    return passages


def read_documents(folder, criteria):
    """Documents with a sibling <name>.expected.tsv, in sorted order."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as e:
        raise UsageError(f"{folder}: cannot list: {e.strerror}")
    docs = []
    for name in names:
        if name.startswith(".") or not name.endswith(DOC_SUFFIXES):
            continue
        path = os.path.join(folder, name)
        label_path = os.path.join(folder, os.path.splitext(name)[0] + ".expected.tsv")
        if not os.path.isfile(label_path):
            raise UsageError(f"{path}: no labels ({os.path.basename(label_path)} is missing)")
        expected = {}
        with open(label_path, encoding="utf-8") as f:
            for no, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                cols = line.split("\t")
                where = f"{label_path}:{no}"
                if len(cols) != 2:
                    raise UsageError(f"{where}: expected 'criterion<TAB>status'")
                expected.update(parse_expected(f"{cols[0]}={cols[1]}", where, criteria))
        docs.append({"id": name, "path": path, "expected": expected})
    return docs


def passage_source(p):
    """The Markdown a passage is checked as."""
    parts = []
    if p["cpv"]:
        parts.append(f"CPV: {p['cpv']}\n")
    if p["section"]:
        parts.append(f"# {p['section']}\n")
    parts.append(p["text"] + "\n")
    return "\n".join(parts)


def run_circheck(binary, paths, extra):
    """Runs one check over 'paths'; returns {path: document report} and a list
    of problems (standard error lines) for inputs the tool could not check."""
    cmd = [binary, "check", "--format", "json", "--fail-on", "never"] + extra + paths
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=600)
    except OSError as e:
        raise UsageError(f"{binary}: cannot run: {e.strerror}")
    except subprocess.TimeoutExpired:
        return {}, [f"{binary}: timed out"]
    problems = [l for l in proc.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    try:
        report = json.loads(proc.stdout.decode("utf-8"))
    except ValueError:
        return {}, problems + [f"{binary}: exit status {proc.returncode}, no JSON report"]
    by_path = {}
    for doc in report.get("documents", []):
        by_path[os.path.realpath(doc.get("path", ""))] = doc
    return by_path, problems


def tool_statuses(doc, criteria):
    """Criterion -> (status, rule, reason, evidence text) from one document report."""
    if doc is None:
        return {c: ("error", None, None, None) for c in criteria}
    results = {r.get("rule"): r for r in doc.get("results", [])}
    out = {}
    for c in doc.get("criteria", []):
        rule = c.get("rule")
        r = results.get(rule, {})
        ev = r.get("evidence") or []
        text = ev[0].get("text") if ev else None
        reason = r.get("reason")
        if rule is None:
            # No rule applied: say why (another pack, or a `when` that failed).
            why = sorted({x.get("reason") for x in results.values()
                          if x.get("criterion") == c["id"] and x.get("reason")})
            reason = "+".join(why) if why else "no-rule"
        out[c["id"]] = (c.get("status", "error"), rule, reason, text)
    for c in criteria:
        out.setdefault(c, ("not-applicable", None, None, None))
    return out


def evaluate(binary, passages, docs, criteria, level, detect_lang):
    """Items with their labels and the tool's answer per criterion."""
    items, problems = [], []
    level_args = ["--level", level]
    with tempfile.TemporaryDirectory(prefix="circheck-accuracy-") as tmp:
        by_lang = {}
        for p in passages:
            path = os.path.join(tmp, p["id"] + ".md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(passage_source(p))
            p["file"] = os.path.realpath(path)
            key = None if detect_lang else p["lang"]
            by_lang.setdefault(key, []).append(p)
        for lang, group in by_lang.items():
            extra = level_args + (["--doc-lang", lang] if lang else [])
            reports, errs = run_circheck(binary, [p["file"] for p in group], extra)
            problems += errs
            for p in group:
                items.append({"set": "passages", "id": p["id"], "expected": p["expected"],
                              "tool": tool_statuses(reports.get(p["file"]), criteria),
                              "packs": (reports.get(p["file"]) or {}).get("packs", [])})
    if docs:
        reports, errs = run_circheck(binary, [d["path"] for d in docs], level_args)
        problems += errs
        for d in docs:
            rep = reports.get(os.path.realpath(d["path"]))
            items.append({"set": "documents", "id": d["id"], "expected": d["expected"],
                          "tool": tool_statuses(rep, criteria),
                          "packs": (rep or {}).get("packs", [])})
    return items, problems


class Tally:
    """Counts for precision, recall, status accuracy and the confusion table."""

    def __init__(self):
        self.findings = self.correct = self.positives = 0
        self.labelled = self.exact = 0
        self.confusion = {}

    def add(self, label, tool):
        found = tool in FOUND
        positive = label in FOUND
        self.findings += found
        self.positives += positive
        self.correct += found and positive
        if label is not None:
            self.labelled += 1
            self.exact += label == tool
        row = label if label is not None else "unlabelled"
        self.confusion[(row, tool)] = self.confusion.get((row, tool), 0) + 1

    def precision(self):
        return self.correct / self.findings if self.findings else None

    def recall(self):
        return self.correct / self.positives if self.positives else None

    def accuracy(self):
        return self.exact / self.labelled if self.labelled else None


def fmt(x):
    return "   -" if x is None else f"{x:4.2f}"


def tally(items, criteria, which=None):
    per = {c: Tally() for c in criteria}
    total = Tally()
    for it in items:
        if which and it["set"] != which:
            continue
        for c in criteria:
            label = it["expected"].get(c)
            status = it["tool"][c][0]
            per[c].add(label, status)
            total.add(label, status)
    return per, total


def disagreements(items, criteria):
    """Every labelled criterion whose status differs, and every finding on an
    unlabelled criterion (a claim the labels do not make)."""
    out = []
    for it in items:
        for c in criteria:
            label = it["expected"].get(c)
            status, rule, reason, text = it["tool"][c]
            if label is None and status not in FOUND:
                continue
            if label == status:
                continue
            out.append({"set": it["set"], "id": it["id"], "criterion": c,
                        "label": label or "-", "tool": status, "rule": rule,
                        "reason": reason, "evidence": text, "packs": it["packs"]})
    return out


def print_report(items, criteria, problems, details, out):
    w = out.write
    per, total = tally(items, criteria)
    npass = sum(1 for it in items if it["set"] == "passages")
    ndoc = len(items) - npass
    w(f"circheck accuracy: {npass} passages, {ndoc} documents, {len(criteria)} criteria\n\n")
    w("Per criterion (passages and documents together):\n")
    w(f"{'criterion':28} {'find':>5} {'ok':>4} {'pos':>4} {'prec':>5} {'rec':>5}"
      f" {'lab':>4} {'same':>5} {'acc':>5}\n")
    for c in criteria:
        t = per[c]
        w(f"{c:28} {t.findings:5} {t.correct:4} {t.positives:4} {fmt(t.precision()):>5}"
          f" {fmt(t.recall()):>5} {t.labelled:4} {t.exact:5} {fmt(t.accuracy()):>5}\n")
    w("\nOverall:\n")
    for name, which in (("passages", "passages"), ("documents", "documents"), ("all", None)):
        _, t = tally(items, criteria, which)
        w(f"  {name:10} precision {fmt(t.precision())} ({t.correct}/{t.findings})"
          f"  recall {fmt(t.recall())} ({t.correct}/{t.positives})"
          f"  status accuracy {fmt(t.accuracy())} ({t.exact}/{t.labelled})\n")
    w("\nConfusion (rows: label, columns: tool):\n")
    w(f"  {'':11}" + "".join(f"{s:>15}" for s in TOOL_STATES) + "\n")
    for row in LABELS + ("unlabelled",):
        w(f"  {row:11}" + "".join(f"{total.confusion.get((row, s), 0):15}"
                                  for s in TOOL_STATES) + "\n")
    scored = []
    for c in criteria:
        t = per[c]
        worst = min(x for x in (t.precision(), t.recall(), t.accuracy(), 1.0) if x is not None)
        scored.append((worst, c))
    scored.sort()
    w("\nWeakest criteria (lowest of precision, recall, status accuracy): "
      + ", ".join(f"{c} {fmt(s).strip()}" for s, c in scored[:6]) + "\n")
    dis = disagreements(items, criteria)
    w(f"\nDisagreements ({len(dis)}):\n")
    for d in dis:
        w(f"  {d['set'][:3]} {d['id']:34} {d['criterion']:27} label {d['label']:7}"
          f" tool {d['tool']}{'/' + d['reason'] if d['reason'] else ''}\n")
        if details:
            if d["rule"]:
                w(f"      rule {d['rule']}; packs {','.join(d['packs'])}\n")
            if d["evidence"]:
                w(f"      evidence: {d['evidence'][:160]}\n")
    if problems:
        w(f"\nProblems reported by circheck ({len(problems)}):\n")
        for p in problems:
            w(f"  {p}\n")


def to_json(items, criteria, problems):
    per, total = tally(items, criteria)

    def block(t):
        return {"findings": t.findings, "correct": t.correct, "positives": t.positives,
                "labelled": t.labelled, "exact": t.exact, "precision": t.precision(),
                "recall": t.recall(), "status_accuracy": t.accuracy()}

    overall = {}
    for name, which in (("passages", "passages"), ("documents", "documents"), ("all", None)):
        overall[name] = block(tally(items, criteria, which)[1])
    return {"overall": overall,
            "criteria": {c: block(per[c]) for c in criteria},
            "confusion": [{"label": r, "tool": s, "count": n}
                          for (r, s), n in sorted(total.confusion.items())],
            "disagreements": disagreements(items, criteria),
            "problems": problems}


def main(argv):
    ap = argparse.ArgumentParser(
        description="Measure circheck's precision, recall and status accuracy "
                    "against the labelled passages and documents.")
    ap.add_argument("binary", nargs="?", default=os.path.join(REPO, "build", "circheck"),
                    help="path to the circheck binary (default: build/circheck)")
    ap.add_argument("--passages", default=os.path.join(REPO, "tests", "accuracy", "passages.tsv"))
    ap.add_argument("--documents", default=os.path.join(REPO, "tests", "accuracy", "documents"))
    ap.add_argument("--criteria", default=os.path.join(REPO, "rules", "criteria.csv"))
    ap.add_argument("--level", default="basic", choices=("basic", "advanced", "spearhead"),
                    help="ambition level passed to circheck; the labels are for basic")
    ap.add_argument("--detect-lang", action="store_true",
                    help="let circheck detect the language of passages instead of "
                         "passing --doc-lang")
    ap.add_argument("--details", action="store_true",
                    help="show the rule, packs and evidence of every disagreement")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--min-precision", type=float, metavar="P",
                    help="exit 1 when overall precision falls below P (a regression guard)")
    ap.add_argument("--min-recall", type=float, metavar="R",
                    help="exit 1 when overall recall falls below R (a regression guard)")
    args = ap.parse_args(argv)
    try:
        if not (os.path.isfile(args.binary) and os.access(args.binary, os.X_OK)):
            raise UsageError(f"{args.binary}: no executable circheck binary there")
        criteria = read_criteria(args.criteria)
        passages = read_passages(args.passages, set(criteria))
        docs = read_documents(args.documents, set(criteria))
        items, problems = evaluate(args.binary, passages, docs, criteria, args.level,
                                   args.detect_lang)
    except UsageError as e:
        print(f"accuracy.py: error: {e}", file=sys.stderr)
        return 2
    print_report(items, criteria, problems, args.details, sys.stdout)
    if args.json:
        try:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(to_json(items, criteria, problems), f, ensure_ascii=False, indent=1)
        except OSError as e:
            print(f"accuracy.py: error: {args.json}: {e.strerror}", file=sys.stderr)
            return 2
    overall = tally(items, criteria, None)[1]
    below = []
    if args.min_precision is not None and (overall.precision() or 0) < args.min_precision:
        below.append(f"precision {overall.precision():.2f} < {args.min_precision}")
    if args.min_recall is not None and (overall.recall() or 0) < args.min_recall:
        below.append(f"recall {overall.recall():.2f} < {args.min_recall}")
    if below:
        print("accuracy.py: below target: " + ", ".join(below), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
