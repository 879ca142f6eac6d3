#!/usr/bin/env python3
"""Checks that every report format shows one verdict per criterion, the same
as the JSON report's `criteria`: the text table and summary, the Markdown and
HTML reports, SARIF levels, JUnit failures and the CSV rows.

Usage: verdicts_agree.py CIRCHECK FILE...
Each FILE is checked in English (so labels are known) with --fail-on fail.
Exit 0 when every format agrees, 1 with the disagreements listed, 77 (skip)
when a FILE is missing (the shared notices are not there).
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

BADNESS = {"pass": 0, "partial": 1, "error": 2, "fail": 3}
TEXT_LABEL = {"pass": "pass", "partial": "partial", "fail": "fail", "error": "error",
              "not applicable": "not-applicable"}
MD_LABEL = {"Pass": "pass", "Partial": "partial", "Fail": "fail", "Error": "error"}


def run(binary, path, fmt):
    out = subprocess.run([binary, "check", "--no-color", "--lang", "en", "--fail-on", "fail",
                          "--format", fmt, path], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit("%s (%s): exit %d: %s" % (path, fmt, out.returncode, out.stderr))
    return out.stdout


def text_verdicts(report):
    """The criterion table and the summary line of the text report."""
    table, summary = {}, None
    rows = re.compile(r"^([a-z]+\.[a-z0-9.-]+) +(pass|partial|fail|error|not applicable) +\S+$")
    for line in report.splitlines():
        m = rows.match(line)
        if m:
            table[m.group(1)] = TEXT_LABEL[m.group(2)]
        if line.startswith("summary of the criteria: "):
            summary = {}
            for part in line.split(": ", 1)[1].split(", "):
                n, label = part.split(" ", 1)
                summary[TEXT_LABEL[label]] = int(n)
    return table, summary


def check(binary, path, problems):
    def disagree(fmt, what):
        problems.append("%s: %s: %s" % (path, fmt, what))

    doc = json.loads(run(binary, path, "json"))["documents"][0]
    verdict = {c["id"]: c["status"] for c in doc["criteria"]}
    applicable = {k: v for k, v in verdict.items() if v != "not-applicable"}
    names = {c["id"]: c["name"] for c in doc["criteria"]}
    rule_criterion = {r["rule"]: r["criterion"] for r in doc["results"]}
    counts = {}
    for status in verdict.values():
        counts[status] = counts.get(status, 0) + 1
    for status in BADNESS:
        counts.setdefault(status, 0)
    if {k: v for k, v in doc["criteria_summary"].items() if v} != \
            {k: v for k, v in counts.items() if v}:
        disagree("json", "criteria_summary %s, criteria %s" % (doc["criteria_summary"], counts))

    table, summary = text_verdicts(run(binary, path, "text"))
    if table != applicable:
        disagree("text", "table %s" % sorted(set(table.items()) ^ set(applicable.items())))
    want = {k: v for k, v in counts.items() if v or k != "error"}
    if summary is None or {k: v for k, v in summary.items()} != want:
        disagree("text", "summary %s, verdicts %s" % (summary, want))

    # The per-document table of contents lists criteria with their badges
    # only for documents without lots; notices with lots are read per lot.
    if not doc.get("lots"):
        md = run(binary, path, "md")
        shown = {}
        for m in re.finditer(r"^#### (.+) — \S+ (Pass|Partial|Fail|Error)$", md, re.M):
            shown[m.group(1)] = MD_LABEL[m.group(2)]
        for m in re.finditer(r"^- ✅ \*\*(.+?)\*\* \(`", md, re.M):
            shown[m.group(1)] = "pass"
        want_md = {names[k]: v for k, v in applicable.items()}
        if shown != want_md:
            disagree("md", sorted(set(shown.items()) ^ set(want_md.items())))
        html = run(binary, path, "html")
        shown = {m.group(2): m.group(1) for m in
                 re.finditer(r'<article class="finding ([a-z-]+)" id="d1-([a-z0-9.-]+)"', html)}
        if shown != applicable:
            disagree("html", sorted(set(shown.items()) ^ set(applicable.items())))

    # SARIF: a criterion that fails has an error result that decides it, one
    # that is partial a warning and no error; a passing one has neither.
    sarif = json.loads(run(binary, path, "sarif"))
    levels = {}
    for res in sarif["runs"][0]["results"]:
        props = res.get("properties", {})
        crit = props.get("criterion")
        if not crit or props.get("lot"):
            continue
        levels.setdefault(crit, set()).add(res["level"])
    for crit, status in applicable.items():
        got = levels.get(crit, set()) - {"note"}
        want_levels = {"pass": set(), "partial": {"warning"}, "fail": {"error"},
                       "error": {"error"}}[status]
        if status == "pass" and got:
            disagree("sarif", "%s passes but has %s" % (crit, sorted(got)))
        elif status != "pass" and not want_levels <= got:
            disagree("sarif", "%s is %s but has %s" % (crit, status, sorted(got)))
        elif status == "partial" and "error" in got:
            disagree("sarif", "%s is partial but has an error" % crit)

    # JUnit with --fail-on fail: the failing test cases are the criteria
    # that fail, through the rules that decide them.
    suite = ET.fromstring(run(binary, path, "junit")).find("testsuite")
    failing = set()
    for case in suite.findall("testcase"):
        if case.find("failure") is not None:
            failing.add(rule_criterion[case.get("name")])
    want_failing = {k for k, v in applicable.items() if v == "fail"}
    if failing != want_failing:
        disagree("junit", "failing %s, criteria that fail %s" % (sorted(failing),
                                                                 sorted(want_failing)))

    # CSV: among a criterion's rows that are not superseded, the worst
    # status is its verdict.
    worst = {}
    for row in csv.DictReader(io.StringIO(run(binary, path, "csv"))):
        if row["lot"] or row["superseded_by"] or row["status"] == "not-applicable":
            continue
        c = row["criterion"]
        if c not in worst or BADNESS[row["status"]] > BADNESS[worst[c]]:
            worst[c] = row["status"]
    if worst != applicable:
        disagree("csv", sorted(set(worst.items()) ^ set(applicable.items())))


def main():
    binary, paths = sys.argv[1], sys.argv[2:]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        print("skipped: %s not found" % missing[0])
        sys.exit(77)
    problems = []
    for path in paths:
        check(binary, path, problems)
    for p in problems:
        print(p)
    print("%d documents, %d disagreements" % (len(paths), len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
