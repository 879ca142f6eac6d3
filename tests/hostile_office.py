#!/usr/bin/env python3
"""Hostile office inputs made at test time (too large, or too many, to keep in
the repository): a PDF of 10,001 pages, and a Word file whose archive also
holds members named "../../evil.xml" and "/etc/evil.xml". Each must give one
clear line on standard error, or a normal report, and write nothing.

Usage: hostile_office.py CIRCHECK WORKDIR
"""
import os
import subprocess
import sys
import zipfile


def pdf_with_pages(path, n):
    objs = ["<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Kids[%s]/Count %d>>" % (" ".join("%d 0 R" % (i + 3) for i in range(n)), n)]
    objs += ["<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>"] * n
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj %s endobj\n" % (i + 1, o.encode())
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer <</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    open(path, "wb").write(bytes(out))


def run(binary, path):
    return subprocess.run([binary, "check", "--fail-on", "never", path], capture_output=True,
                          text=True, timeout=60)


def main():
    binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    bad = 0
    pdf = os.path.join(work, "many-pages.pdf")
    pdf_with_pages(pdf, 10001)
    r = run(binary, pdf)
    want = "%s: error: the PDF has 10001 pages, more than 10000\n" % pdf
    if r.returncode != 2 or r.stderr != want:
        print("many pages: exit %d, stderr %r" % (r.returncode, r.stderr))
        bad += 1
    docx = os.path.join(work, "escape.docx")
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("word/document.xml",
                    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    "<w:body><w:p><w:r><w:t>Leverandøren skal gi 5 års garanti.</w:t></w:r></w:p>"
                    "</w:body></w:document>")
        zf.writestr("../../evil.xml", "<x/>")
        zf.writestr("/etc/evil.xml", "<x/>")
    before = set(os.listdir(os.path.dirname(os.path.abspath(work))))
    r = run(binary, docx)
    after = set(os.listdir(os.path.dirname(os.path.abspath(work))))
    if r.returncode != 0 or r.stderr or "garanti" not in r.stdout:
        print("member paths: exit %d, stderr %r" % (r.returncode, r.stderr))
        bad += 1
    if after != before or os.path.exists("/etc/evil.xml"):
        print("member paths: something was written outside the work folder")
        bad += 1
    print("hostile office inputs: %d problems" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
