#!/usr/bin/env python3
"""Validates real JSON reports against docs/report.schema.json.

usage: check_json_schema.py BIN SOURCE_DIR [WORK_DIR]

Every sample (text, Markdown, XML, and the Word, OpenDocument, PDF and HTML
versions in samples/office), the eForms notices and other-language texts of
tests/data, a folder with a configuration (overrides, a waiver, an expired
waiver), documents that waive a rule in a comment, and a run against a
baseline: each report must validate, and the schema must not be so loose
that it accepts a report with a field it does not know. Exit 77 (skipped)
when python3-jsonschema is missing, unless CI is set.
"""
import json
import os
import subprocess
import sys

SKIP = 77


def fail(msg):
    print("FAILED: " + msg)
    sys.exit(1)


def files_in(src, folder, exts):
    path = os.path.join(src, folder)
    return sorted(os.path.join(folder, n) for n in os.listdir(path)
                  if n.endswith(exts) and not n.startswith("."))


def report(binary, src, args):
    p = subprocess.run([binary, "check", "--format", "json"] + args, cwd=src,
                       capture_output=True, timeout=300)
    if p.returncode not in (0, 1):
        fail("%s exited %d: %s" % (" ".join(args), p.returncode,
                                   p.stderr.decode("utf-8", "replace")))
    return json.loads(p.stdout.decode("utf-8"))


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__)
        return 2
    binary, src = sys.argv[1], sys.argv[2]
    work = sys.argv[3] if len(sys.argv) == 4 else os.path.join(src, "build")
    try:
        import jsonschema
    except ImportError:
        print("python3-jsonschema is not installed (apt-get install python3-jsonschema)")
        return 1 if os.environ.get("CI") else SKIP
    with open(os.path.join(src, "docs", "report.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)

    runs = [[f] for f in files_in(src, "samples", (".txt", ".md", ".xml"))
            if not f.endswith("README.md")]
    runs += [[f] for f in files_in(src, "samples/office", (".docx", ".odt", ".pdf", ".html"))]
    runs += [[f] for f in files_in(src, "tests/data/eforms", (".xml",))]
    runs += [[f] for f in files_in(src, "tests/data/lang", (".txt",))]
    runs.append(["tests/data/config/walk", "tests/data/office/waived.docx"])
    runs.append(["--no-builtin-rules", "--rules", "tests/data/rules/alpha.xml", "--pack", "alpha",
                 "tests/data/config/inline/waived.md", "tests/data/config/inline/waived.xml",
                 "tests/data/config/inline/expired.md"])
    os.makedirs(work, exist_ok=True)
    baseline = os.path.join(work, "schema-baseline.json")
    with open(baseline, "w", encoding="utf-8") as f:
        json.dump(report(binary, src, ["samples/furniture-nb.txt"]), f)
    runs.append(["--baseline", baseline, "samples/furniture-nb.txt", "samples/furniture-en.md"])

    seen = set()
    for args in runs:
        rep = report(binary, src, args)
        errors = sorted(validator.iter_errors(rep), key=lambda e: list(e.absolute_path))
        if errors:
            e = errors[0]
            fail("%s: %s at %s" % (" ".join(args), e.message,
                                   "/".join(map(str, e.absolute_path))))
        for doc in rep["documents"]:
            for r in doc["results"]:
                seen.add(r["status"])
                seen.update(k for k in ("waiver", "baseline") if k in r)
    for needed in ("pass", "partial", "fail", "not-applicable", "waived", "waiver", "baseline"):
        if needed not in seen:
            fail("no report had '%s': the runs do not cover the schema" % needed)

    # The schema is strict: an unknown field is refused.
    rep = report(binary, src, ["samples/furniture-nb.txt"])
    rep["documents"][0]["results"][0]["surprise"] = 1
    if validator.is_valid(rep):
        fail("the schema accepts a result with a field it does not define")
    print("%d JSON reports valid against docs/report.schema.json" % len(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
