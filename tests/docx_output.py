#!/usr/bin/env python3
"""The Word form of the checklist and of the report's missing clauses.

usage: docx_output.py CIRCHECK SAMPLES_DIR [package|libreoffice]

package (default): the .docx is a well-formed package of the four parts
  with Heading 1/2 styles, the same bytes on every run; each clause of the
  JSON checklist is a paragraph of its own under its placement's heading;
  circheck reads the .docx back and judges it as it judges the text
  checklist; the report's docx holds each document's fix-first clauses,
  grouped by placement; docx is refused on a terminal.
libreoffice: LibreOffice opens both files (converted to PDF) and the PDF's
  text holds every clause. Exit 77 when soffice or pdftotext is missing.
"""
import io
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAILED: " + what, file=sys.stderr)


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, timeout=300, **kw)


def paragraphs(path):
    """(style or None, text) of each paragraph of word/document.xml."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        out.append((style.get(W + "val") if style is not None else None, text))
    return out


def capitalised(s):
    return s[:1].upper() + s[1:]


def statuses(circheck, path, packs):
    args = [circheck, "check", "--no-config", "--format", "json", "--fail-on", "never"]
    for p in packs:
        args += ["--pack", p]
    r = run(args + [path])
    check(r.returncode == 0, f"check {path}: exit {r.returncode}: {r.stderr.decode()}")
    doc = json.loads(r.stdout)["documents"][0]
    return {c["id"]: c["status"] for c in doc["criteria"]}


def test_checklist(circheck, tmp, lang, packs):
    pack_args = [a for p in packs for a in ("--pack", p)]
    docx = os.path.join(tmp, f"checklist-{lang}.docx")
    base = [circheck, "checklist", "--lang", lang] + pack_args
    r = run(base + ["--format", "docx", "-o", docx])
    check(r.returncode == 0, f"checklist docx {lang}: exit {r.returncode} {r.stderr.decode()}")
    with zipfile.ZipFile(docx) as z:
        names = z.namelist()
        for part in ("[Content_Types].xml", "_rels/.rels", "word/document.xml",
                     "word/styles.xml"):
            check(part in names, f"{lang}: the package has {part}")
        for part in names:
            ET.fromstring(z.read(part))  # every part is well-formed XML
        styles = ET.fromstring(z.read("word/styles.xml"))
        ids = {s.get(W + "styleId") for s in styles.iter(W + "style")}
        check({"Heading1", "Heading2", "Title"} <= ids, f"{lang}: heading styles {ids}")
    again = run(base + ["--format", "docx"])
    with open(docx, "rb") as f:
        check(f.read() == again.stdout, f"{lang}: -o and a pipe give the same bytes")

    listing = json.loads(run(base + ["--format", "json"]).stdout)
    paras = paragraphs(docx)
    headings1 = [t for s, t in paras if s == "Heading1"]
    body = [t for s, t in paras if s is None]
    check(headings1 == [capitalised(g["label"]) for g in listing["groups"]],
          f"{lang}: one Heading 1 per placement: {headings1}")
    position = 0
    for g in listing["groups"]:
        for it in g["items"]:
            clause = it["clause"].replace("\n", " ")
            check(clause in body, f"{lang}: clause {it['rule']} is a paragraph of its own")
            # in the checklist's order, under its criterion's heading
            at = [i for i, (s, t) in enumerate(paras) if s is None and t == clause]
            if at:
                check(at[0] > position, f"{lang}: {it['rule']} comes in order")
                check(paras[at[0] - 1] == ("Heading2", it["criterion_name"]),
                      f"{lang}: {it['rule']} under the heading {it['criterion_name']}")
                position = at[0]

    # Read back: circheck's Word reader sees these paragraphs and headings,
    # so it judges the .docx as it judges the same text written as Markdown.
    md = os.path.join(tmp, f"checklist-{lang}.md")
    marks = {"Title": "# ", "Heading1": "## ", "Heading2": "### ", None: ""}
    with open(md, "w", encoding="utf-8") as f:
        f.write("\n\n".join(marks[s] + t for s, t in paras) + "\n")
    from_docx = statuses(circheck, docx, packs)
    check(from_docx == statuses(circheck, md, packs),
          f"{lang}: the .docx reads back to its paragraphs' verdicts")
    check("fail" not in from_docx.values(), f"{lang}: no criterion fails in the checklist")
    return docx, [it["clause"] for g in listing["groups"] for it in g["items"]]


PLACEMENTS = ("qualification", "specification", "award", "contract")


def fix_first_clauses(block):
    """The clause texts of a document's or lot's fix-first criteria, by
    placement, most urgent first."""
    by_rule = {x["rule"]: x for x in block["results"]}
    expected = {}
    for f in block["fix_first"]:
        clause = by_rule[f["rule"]].get("clause")
        if clause:
            expected.setdefault(clause["placement"], []).append(clause["text"])
    return [c.replace("\n", " ") for p in PLACEMENTS for c in expected.get(p, [])], expected


def test_report(circheck, path, tmp):
    name = os.path.basename(path)
    docx = os.path.join(tmp, name + ".docx")
    r = run([circheck, "check", "--no-config", "--format", "docx", "-o", docx, path])
    check(r.returncode in (0, 1), f"{name}: report docx exit {r.returncode}")
    report = json.loads(run([circheck, "check", "--no-config", "--format", "json",
                             path]).stdout)
    doc = report["documents"][0]
    blocks = doc.get("lots") or [doc]
    paras = paragraphs(docx)
    groups, current = [], None  # (heading, [clauses]) in order
    for style, text in paras:
        if style == "Heading2":
            current = (text, [])
            groups.append(current)
        elif style is None and current:
            current[1].append(text)
    got = [c for _, cs in groups for c in cs]
    want, heads = [], 0
    for b in blocks:
        clauses, by_place = fix_first_clauses(b)
        want += clauses
        heads += len(by_place)
    check(got == want, f"{name}: the fix-first clauses, grouped by placement in order")
    check(len(groups) == heads, f"{name}: one heading per placement: {[g for g, _ in groups]}")
    if "lots" in doc:
        for b in blocks:
            check(any(b["id"] in g for g, _ in groups), f"{name}: lot {b['id']} is named")
    heading1 = [t for s, t in paras if s == "Heading1"]
    check(heading1 == [doc["title"] or doc["path"]], f"{name}: the document's heading")
    return docx, want


def test_jobs(circheck, samples):
    """A folder's Word report is the same on one thread and on three."""
    outs = [run([circheck, "check", "--no-config", "--format", "docx", "-j", j, samples])
            for j in ("1", "3")]
    check(outs[0].stdout[:4] == b"PK\x03\x04" and outs[0].stdout == outs[1].stdout,
          "check -j 3 writes the Word report of -j 1 byte for byte")
    with zipfile.ZipFile(io.BytesIO(outs[0].stdout)) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    heads = [p for p in root.iter(W + "p")
             if p.find(f"{W}pPr/{W}pStyle") is not None and
             p.find(f"{W}pPr/{W}pStyle").get(W + "val") == "Heading1"]
    count = len([f for f in os.listdir(samples) if os.path.isfile(os.path.join(samples, f))
                 and f != "README.md"])
    check(len(heads) >= count, f"one Heading 1 per document: {len(heads)} for {count} files")


def test_terminal(circheck, samples):
    """docx on a terminal: one usage error, exit 2, nothing written."""
    for argv in ([circheck, "checklist", "--format", "docx"],
                 [circheck, "check", "--no-config", "--format", "docx",
                  os.path.join(samples, "furniture-nb.txt")]):
        master, slave = pty.openpty()
        p = subprocess.run(argv, stdout=slave, stderr=subprocess.PIPE, timeout=60)
        os.close(slave)
        os.set_blocking(master, False)
        try:
            written = os.read(master, 4096)
        except (BlockingIOError, OSError):
            written = b""
        os.close(master)
        err = p.stderr.decode()
        check(p.returncode == 2, f"{argv[1]}: docx on a terminal exits 2, not {p.returncode}")
        check(err.count("\n") == 1 and "is binary" in err and "-o FILE" in err,
              f"{argv[1]}: one line saying to use -o: {err!r}")
        check(written == b"", f"{argv[1]}: nothing reaches the terminal")


def test_markup_in_text(circheck, tmp):
    """A title with XML's markup characters stays text: the part parses and
    the heading reads as written."""
    src = os.path.join(tmp, "odd.txt")
    with open(src, "w", encoding="utf-8") as f:
        f.write("Kjøp av <stoler> & bord ]]> \"a\" 'b'\n\n"
                "Leverandøren skal levere stoler og bord til kontoret.\n")
    docx = os.path.join(tmp, "odd.docx")
    r = run([circheck, "check", "--no-config", "--format", "docx", "-o", docx, src])
    check(r.returncode in (0, 1), f"odd title: exit {r.returncode} {r.stderr.decode()}")
    heading1 = [t for st, t in paragraphs(docx) if st == "Heading1"]
    check(heading1 == ["Kjøp av <stoler> & bord ]]> \"a\" 'b'"],
          f"the title comes back as written: {heading1}")


def words(s):
    return re.sub(r"\s+", " ", s).strip()


def libreoffice(tmp, docx, clauses):
    """Converts with LibreOffice and finds every clause in the PDF's text."""
    profile = "file://" + os.path.join(tmp, "lo-profile")
    r = run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
             "pdf", "--outdir", tmp, docx])
    pdf = os.path.splitext(docx)[0] + ".pdf"
    check(r.returncode == 0 and os.path.exists(pdf),
          f"LibreOffice opens {os.path.basename(docx)}: {r.stderr.decode()}")
    if not os.path.exists(pdf):
        return
    text = words(run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).stdout.decode())
    # pdftotext breaks lines and may hyphenate nothing: compare word runs
    for c in clauses:
        check(words(c) in text, f"{os.path.basename(docx)}: the PDF shows {c[:50]!r}")


def main():
    circheck, samples = sys.argv[1], sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) > 3 else "package"
    if mode == "libreoffice" and not (shutil.which("soffice") and shutil.which("pdftotext")):
        print("soffice or pdftotext missing: skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        made = [test_checklist(circheck, tmp, "nb", ["furniture"]),
                test_checklist(circheck, tmp, "en", ["ict"]),
                test_checklist(circheck, tmp, "nn", []),
                test_report(circheck, os.path.join(samples, "furniture-nb.txt"), tmp),
                test_report(circheck, os.path.join(samples, "ict-en.md"), tmp),
                test_report(circheck, os.path.join(samples, "..", "tests", "data", "eforms",
                                                   "two-lots-cpv.xml"), tmp)]
        if mode == "libreoffice":
            for docx, clauses in (made[0], made[3]):
                libreoffice(tmp, docx, clauses)
        else:
            test_terminal(circheck, samples)
            test_markup_in_text(circheck, tmp)
            test_jobs(circheck, samples)
    if failures:
        print(f"{len(failures)} failures", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
