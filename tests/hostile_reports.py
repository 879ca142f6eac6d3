#!/usr/bin/env python3
"""Every report format stays valid when the input is hostile: a file name
that is not UTF-8 (Linux allows any bytes), and evidence holding characters
XML forbids (U+FFFF, U+FFFE) and bidirectional controls (U+202E) that would
reorder the text on screen. The file is made at test time. Each report must
decode as UTF-8; JSON and SARIF must parse as JSON, JUnit and HTML as XML;
the name's bad bytes show as \\xNN; text and HTML show U+202E as <U+202E>.

Usage: hostile_reports.py CIRCHECK WORKDIR
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

FORMATS = ["text", "json", "html", "sarif", "junit", "csv", "md"]


def main():
    binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    name = os.path.join(os.fsencode(work), b"anbud-\xff\xc3(.txt")
    text = ("Kravspesifikasjon\n\nLeverandøren skal gi minst 5 års garanti "
            "\u202eitnarag\u202c på møblene \uffff og \ufffe.\n")
    with open(name, "wb") as f:
        f.write(text.encode("utf-8"))
    bad = 0
    for fmt in FORMATS:
        r = subprocess.run([os.fsencode(binary), b"check", b"--no-color", b"--format",
                            fmt.encode(), b"--fail-on", b"never", b"--pack", b"furniture", name],
                           capture_output=True, timeout=60)
        problems = []
        if r.returncode != 0:
            problems.append("exit %d, stderr %r" % (r.returncode, r.stderr[:200]))
        try:
            out = r.stdout.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append("not UTF-8: %s" % e)
            out = r.stdout.decode("utf-8", "replace")
        shown = "anbud-\\\\xFF\\\\xC3(.txt" if fmt == "json" else "anbud-\\xFF\\xC3(.txt"
        if fmt != "sarif" and shown not in out:
            problems.append("the file name's bytes are not written as \\xNN")
        if fmt in ("json", "sarif"):
            try:
                json.loads(out)
            except ValueError as e:
                problems.append("not JSON: %s" % e)
        if fmt in ("junit", "html"):
            try:
                ET.fromstring(r.stdout)
            except ET.ParseError as e:
                problems.append("not well-formed XML: %s" % e)
        if fmt in ("text", "html", "junit", "md") and "\u202e" in out:
            problems.append("a raw U+202E")
        if fmt == "text" and "<U+202E>" not in out:
            problems.append("U+202E is not shown as <U+202E>")
        if fmt == "html" and "&lt;U+202E&gt;" not in out:
            problems.append("U+202E is not shown as &lt;U+202E&gt;")
        if problems:
            bad += 1
            print("%s: %s" % (fmt, "; ".join(problems)))
    os.unlink(name)
    # A web page whose text libxml2's HTML parser passed on with bytes that
    # are not UTF-8 (found by fuzz_office): every report stays UTF-8.
    page = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fuzz", "regressions",
                        "office-html-invalid-utf8")
    for fmt in FORMATS:
        r = subprocess.run([binary, "check", "--all", "--format", fmt, "--fail-on", "never", page],
                           capture_output=True, timeout=60)
        try:
            r.stdout.decode("utf-8")
        except UnicodeDecodeError as e:
            bad += 1
            print("%s of an HTML page with stray bytes: not UTF-8: %s" % (fmt, e))
    print("hostile reports: %d formats with problems" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
