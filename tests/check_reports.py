#!/usr/bin/env python3
"""Checks the report formats that other programs read, over every sample,
and over a report with a rule that could not be judged (status error: a
user's catastrophic pattern, tests/hostile/pattern-limit.*, exit 2).

usage: check_reports.py sarif|html|junit BIN SOURCE_DIR

  sarif  every SARIF report validates against the official SARIF 2.1.0 schema
         (../shared/data/sarif/sarif-schema-2.1.0.json beside the source tree),
         and keeps what code scanning relies on: a location with a line for
         every result, rule indexes that match, fingerprints, relative URIs
  html   every HTML report and checklist is well-formed (parsed as XML), makes
         no external request (no http in src or href, no url() or @import),
         and keeps its accessible structure: one h1, scoped table headers,
         labelled checkboxes, references to ids that exist
  junit  every JUnit report is well-formed, its counts match its test cases,
         and it uses only the attributes GitLab and Jenkins read
  browser every sample's HTML report loads in headless Chromium (networking
         off) without a script error, and its script shows the copy buttons

Exits 77 (skipped under ctest) when the SARIF schema, python3-jsonschema or
Chromium is missing; with CI set in the environment a missing jsonschema is a failure.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77


def fail(msg):
    print("FAILED: " + msg)
    sys.exit(1)


def samples(src):
    folder = os.path.join(src, "samples")
    if not os.path.isdir(folder):
        return []
    return sorted("samples/" + n for n in os.listdir(folder)
                  if not n.startswith((".", "README"))
                  and os.path.isfile(os.path.join(folder, n)))


# A run whose report holds a result with status error: circheck exits 2.
ERROR_RUN = ["--pack", "limits", "--rules", "tests/hostile/pattern-limit.xml",
             "tests/hostile/pattern-limit.txt"]


# Runs with waived results: a folder whose .circheck.yml waives a criterion for some
# files (and has an expired waiver), and documents that waive a rule in a comment.
WAIVER_RUNS = [["tests/data/config/walk"],
               ["--no-builtin-rules", "--rules", "tests/data/rules/alpha.xml", "--pack", "alpha",
                "tests/data/config/inline/waived.md", "tests/data/config/inline/waived.xml"]]


def run(binary, src, args):
    p = subprocess.run([binary] + args, cwd=src, capture_output=True, timeout=120)
    expected = (2,) if args[-1] == ERROR_RUN[-1] else (0, 1)
    if p.returncode not in expected:
        fail("%s exited %d: %s" % (" ".join(args), p.returncode,
                                   p.stderr.decode("utf-8", "replace")))
    return p.stdout.decode("utf-8")


def check_runs(binary, src, fmt):
    """(label, output) for each sample alone, in the other language, at
    another level, and all samples in one report."""
    files = samples(src)
    if not files:
        fail("no samples in %s/samples" % src)
    variants = [[], ["--lang", "en"], ["--lang", "nb", "--level", "advanced"],
                ["--fail-on", "partial"]]
    for f in files:
        for v in variants:
            args = ["check", "--no-color", "--format", fmt] + v + [f]
            yield " ".join(args), run(binary, src, args)
    args = ["check", "--no-color", "--format", fmt] + files
    yield " ".join(args), run(binary, src, args)
    for v in variants:
        args = ["check", "--no-color", "--format", fmt] + v + ERROR_RUN
        yield " ".join(args), run(binary, src, args)
    for w in WAIVER_RUNS:
        args = ["check", "--no-color", "--format", fmt] + w
        yield " ".join(args), run(binary, src, args)


# --- SARIF -------------------------------------------------------------------------

def sarif(binary, src):
    schema_path = os.path.join(os.path.dirname(os.path.abspath(src)), "shared", "data",
                               "sarif", "sarif-schema-2.1.0.json")
    if not os.path.isfile(schema_path):
        print("SKIPPED: the SARIF schema is not at %s (../shared is missing)" % schema_path)
        sys.exit(SKIP)
    try:
        import jsonschema
    except ImportError:
        print("python3-jsonschema is not installed (apt-get install python3-jsonschema)")
        sys.exit(1 if os.environ.get("CI") else SKIP)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    n = 0
    for label, out in check_runs(binary, src, "sarif"):
        log = json.loads(out)
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        if errors:
            e = errors[0]
            fail("%s: %s at %s" % (label, e.message, "/".join(map(str, e.path))))
        run0 = log["runs"][0]
        rules = run0["tool"]["driver"]["rules"]
        ids = [r["id"] for r in rules]
        if len(set(ids)) != len(ids):
            fail("%s: rule ids are not unique" % label)
        if not run0["tool"]["driver"].get("informationUri"):
            fail("%s: the tool has no informationUri" % label)
        for r in rules:
            if r["id"].startswith("finding."):
                continue
            if not r.get("helpUri", "").endswith("docs/rules.md#" + r["id"]):
                fail("%s: rule %s has no helpUri to its row in docs/rules.md" % (label, r["id"]))
            if not r["help"]["markdown"].strip() or not r["fullDescription"]["text"]:
                fail("%s: rule %s lacks help or description" % (label, r["id"]))
        for res in run0["results"]:
            if ids[res["ruleIndex"]] != res["ruleId"]:
                fail("%s: ruleIndex of %s points at %s" % (label, res["ruleId"],
                                                           ids[res["ruleIndex"]]))
            superseded = res.get("properties", {}).get("superseded_by")
            if res["level"] not in ("error", "warning", "note"):
                fail("%s: level %s" % (label, res["level"]))
            if (res["level"] == "note") != bool(superseded):
                fail("%s: level %s for a result %s" % (
                    label, res["level"], "superseded" if superseded else "that decides"))
            status = res.get("properties", {}).get("status")
            if status in ("fail", "error") and res["level"] != "error" and not superseded:
                fail("%s: a %s result is not an error" % (label, status))
            loc = res["locations"][0]["physicalLocation"]
            if loc["region"]["startLine"] < 1:
                fail("%s: result without a line" % label)
            if loc["artifactLocation"]["uri"].startswith(("/", "file:")):
                fail("%s: absolute URI for a relative path" % label)
            if not res["partialFingerprints"].get("circheck/v1"):
                fail("%s: result without a fingerprint" % label)
        if "Utc" in out or "timestamp" in out.lower():
            fail("%s: the log carries a time" % label)
        errors = [res for res in run0["results"]
                  if res.get("properties", {}).get("status") == "error"]
        notes = [x for inv in run0.get("invocations", [])
                 for x in inv["toolExecutionNotifications"]]
        kinds = sorted(x["kind"] for res in run0["results"] for x in res.get("suppressions", []))
        if "tests/data/config/walk" in label and kinds != ["external"]:
            fail("%s: expected one external suppression, got %s" % (label, kinds))
        if "inline/waived" in label and kinds != ["inSource", "inSource"]:
            fail("%s: expected two inSource suppressions, got %s" % (label, kinds))
        if len(notes) != len(errors):
            fail("%s: %d error results but %d notifications" % (label, len(errors), len(notes)))
        if ERROR_RUN[-1] in label and not errors:
            fail("%s: no result with status error" % label)
        n += 1
    print("%d SARIF logs valid" % n)


# --- HTML --------------------------------------------------------------------------

def html_checks(label, out):
    if not out.startswith("<!DOCTYPE html>\n"):
        fail("%s: no HTML5 doctype" % label)
    try:
        root = ET.fromstring(out.split("\n", 1)[1])
    except ET.ParseError as e:
        fail("%s: not well-formed: %s" % (label, e))
    if not root.get("lang"):
        fail("%s: <html> without lang" % label)
    ids = set()
    for el in root.iter():
        i = el.get("id")
        if i is not None:
            if i in ids:
                fail("%s: duplicate id %s" % (label, i))
            ids.add(i)
    for el in root.iter():
        for attr in ("src", "href", "action", "srcset", "poster", "data"):
            v = el.get(attr)
            if v is None:
                continue
            # Only links within the page: nothing to fetch, nothing to follow.
            if attr != "href" or not v.startswith("#") or "http" in v.lower():
                fail("%s: external reference %s=%r on <%s>" % (label, attr, v, el.tag))
        for attr in ("aria-labelledby", "data-target", "for"):
            v = el.get(attr)
            if v is not None and v not in ids:
                fail("%s: %s=%r refers to no id" % (label, attr, v))
        if el.tag == "input" and el.get("id") not in \
                {l.get("for") for l in root.iter("label")}:
            fail("%s: an input without a label" % label)
        if el.tag == "th" and el.get("scope") not in ("col", "row"):
            fail("%s: a table header without scope" % label)
        if el.tag == "img" and el.get("alt") is None:
            fail("%s: an image without alt" % label)
    for el in root.iter("style"):
        css = el.text or ""
        if "url(" in css or "@import" in css:
            fail("%s: the style sheet loads something" % label)
    for el in root.iter("script"):
        if el.get("src") is not None or "fetch(" in (el.text or "") \
                or "XMLHttpRequest" in (el.text or ""):
            fail("%s: the script loads something" % label)
    if len(list(root.iter("h1"))) != 1:
        fail("%s: not exactly one h1" % label)
    for el in root.iter("span"):
        if "badge" in (el.get("class") or "").split():
            words = "".join(el.itertext()).strip()
            if len(words) < 3:
                fail("%s: a status badge without words" % label)


def html(binary, src):
    n = 0
    for label, out in check_runs(binary, src, "html"):
        html_checks(label, out)
        n += 1
    for extra in (["--pack", "furniture", "--level", "advanced", "--lang", "nb"],
                  ["--lang", "en"], ["--cpv", "39130000", "--lang", "en"]):
        args = ["checklist", "--format", "html"] + extra
        html_checks(" ".join(args), run(binary, src, args))
        n += 1
    print("%d HTML pages well-formed and self-contained" % n)


# --- JUnit -------------------------------------------------------------------------

ALLOWED = {
    "testsuites": {"name", "tests", "failures", "errors"},
    "testsuite": {"name", "tests", "failures", "errors", "skipped"},
    "properties": set(),
    "property": {"name", "value"},
    "testcase": {"name", "classname"},
    "failure": {"message", "type"},
    "error": {"message", "type"},
    "skipped": {"message"},
    "system-out": set(),
}


def junit(binary, src):
    n = 0
    for label, out in check_runs(binary, src, "junit"):
        try:
            root = ET.fromstring(out.encode("utf-8"))
        except ET.ParseError as e:
            fail("%s: not well-formed: %s" % (label, e))
        for el in root.iter():
            if el.tag not in ALLOWED or not set(el.attrib) <= ALLOWED[el.tag]:
                fail("%s: <%s %s> is not in the common JUnit schema" %
                     (label, el.tag, " ".join(el.attrib)))
        # tests/data/config/walk/.circheck.yml says fail-on: partial
        partial_fails = "--fail-on partial" in label or "config/walk" in label
        total_tests = total_failures = total_errors = 0
        for suite in root.iter("testsuite"):
            cases = suite.findall("testcase")
            failures = sum(1 for c in cases if c.find("failure") is not None)
            errors = sum(1 for c in cases if c.find("error") is not None)
            skipped = sum(1 for c in cases if c.find("skipped") is not None)
            if int(suite.get("tests")) != len(cases) or int(suite.get("failures")) != failures \
                    or int(suite.get("errors")) != errors \
                    or int(suite.get("skipped")) != skipped:
                fail("%s: counts of %s do not match its test cases" % (label, suite.get("name")))
            types = {c.find("failure").get("type") for c in cases if c.find("failure") is not None}
            if not partial_fails and "partial" in types:
                fail("%s: a partial result failed without --fail-on partial" % label)
            total_tests += len(cases)
            total_failures += failures
            total_errors += errors
        if int(root.get("tests")) != total_tests or int(root.get("failures")) != total_failures \
                or int(root.get("errors")) != total_errors:
            fail("%s: totals do not match" % label)
        if ERROR_RUN[-1] in label and total_errors == 0:
            fail("%s: no <error> for the rule that could not be judged" % label)
        n += 1
    print("%d JUnit reports consistent" % n)


# --- Chromium ----------------------------------------------------------------------

def browser(binary, src):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("SKIPPED: chromium is not installed")
        sys.exit(SKIP)
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        for f in samples(src) + [ERROR_RUN]:
            page = os.path.join(tmp, "report.html")
            args = ERROR_RUN if f is ERROR_RUN else [f]
            with open(page, "w", encoding="utf-8") as out:
                out.write(run(binary, src, ["check", "--format", "html"] + args))
            p = subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--user-data-dir=" + os.path.join(tmp, "p"),
                 "--enable-logging=stderr", "--v=0", "--dump-dom", "file://" + page],
                capture_output=True, timeout=120)
            dom = p.stdout.decode("utf-8", "replace")
            log = p.stderr.decode("utf-8", "replace")
            for line in log.splitlines():
                if "CONSOLE" in line or "Uncaught" in line:
                    fail("%s: the page logged: %s" % (f, line))
            if "<main>" not in dom:
                fail("%s: Chromium did not render the page (exit %d)" % (f, p.returncode))
            for b in dom.split("<button")[1:]:
                if "hidden" in b.split(">", 1)[0]:
                    fail("%s: the script did not show the copy buttons" % f)
            n += 1
    print("%d HTML reports render in Chromium" % n)


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("sarif", "html", "junit", "browser"):
        print(__doc__)
        sys.exit(2)
    kind, binary, src = sys.argv[1:]
    {"sarif": sarif, "html": html, "junit": junit, "browser": browser}[kind](binary, src)


if __name__ == "__main__":
    main()
