#!/usr/bin/env python3
"""Makes the office versions of the samples: samples/office/NAME.html,
NAME.docx, NAME.odt and NAME.pdf from samples/NAME.md or NAME.txt, through
the HTML file (a web page as a portal would export it), which keeps their structure (headings, lists, tables) and LibreOffice, which
writes the Word and OpenDocument files as a user's word processor would and
prints the Word file to PDF as an officer's "save as PDF" does.

Markdown headings become HTML headings (Word's heading styles); a plain-text
sample's numbered headings ("1.1 Bakgrunn") stay plain paragraphs, as many
officers type them, so that the readers' numbered-heading rule is tested too.

Usage:
  scripts/office_samples.py [--soffice PATH] [--out DIR] [SAMPLE ...]

Needs LibreOffice (Debian: libreoffice-writer-nogui). The files it makes are
committed; run it again after changing a sample and read the golden diff.
"""
import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SAMPLES = ["furniture-en.md", "cleaning-nb.md", "ict-en.md", "furniture-nb.txt",
                   "canteen-nn.txt", "construction-en.txt"]

LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(.*)$")
ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT = re.compile(r"^(=+|-+)\s*$")


def inline(text):
    """Markdown emphasis and code as plain text; everything escaped."""
    text = re.sub(r"[*_`]", "", text)
    return html.escape(text, quote=False)


def table_html(rows):
    out = ["<table>"]
    for cells in rows:
        out.append("<tr>" + "".join("<td>%s</td>" % inline(c.strip()) for c in cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def blocks_of(lines):
    """Splits lines into blocks at blank lines."""
    block = []
    for line in lines:
        if line.strip():
            block.append(line.rstrip("\n"))
        elif block:
            yield block
            block = []
    if block:
        yield block


def to_html(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    markdown = path.endswith(".md")
    body = []
    for block in blocks_of(lines):
        # a setext title: "Title" over "=====" or "-----"
        if len(block) >= 2 and SETEXT.match(block[1]):
            level = 1 if block[1].startswith("=") else 2
            body.append("<h%d>%s</h%d>" % (level, inline(block[0]), level))
            block = block[2:]
            if not block:
                continue
        if markdown and len(block) == 1 and ATX.match(block[0]):
            m = ATX.match(block[0])
            level = len(m.group(1))
            body.append("<h%d>%s</h%d>" % (level, inline(m.group(2)), level))
            continue
        if all("|" in l for l in block) and block[0].lstrip().startswith("|"):
            rows = [l.strip().strip("|").split("|") for l in block
                    if not re.match(r"^\s*\|?\s*:?-{3,}", l)]
            body.append(table_html(rows))
            continue
        if all("\t" in l for l in block):
            body.append(table_html([re.split(r"\t+", l.strip()) for l in block]))
            continue
        if all(LIST_ITEM.match(l) or l.startswith("  ") for l in block):
            items = []
            for l in block:
                m = LIST_ITEM.match(l)
                if m:
                    items.append(m.group(1))
                elif items:
                    items[-1] += " " + l.strip()
            body.append("<ul>" + "".join("<li>%s</li>" % inline(i) for i in items) + "</ul>")
            continue
        # lines of a block are one paragraph, broken only to fit the screen;
        # a numbered heading on the block's first line stands alone
        if not markdown and len(block) > 1 and re.match(r"^\d{1,3}(\.\d{1,3})*\.?\s+\S", block[0]) \
                and len(block[0]) < 80 and not block[0].rstrip().endswith("."):
            body.append("<p>%s</p>" % inline(block[0].strip()))
            block = block[1:]
        body.append("<p>%s</p>" % inline(" ".join(l.strip() for l in block)))
    lang = "nn" if "-nn" in path else "en" if "-en" in path else "nb"
    return ('<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8"><title>%s</title>'
            "</head><body>\n%s\n</body></html>\n" % (lang, os.path.basename(path), "\n".join(body)))


def convert(soffice, html_path, fmt, outdir):
    filters = {"docx": "docx:MS Word 2007 XML", "odt": "odt:writer8", "pdf": "pdf:writer_pdf_Export"}
    # opened in Writer, not Writer/Web, so the .odt is a text document
    subprocess.run([soffice, "--headless", "--infilter=HTML (StarWriter)", "--convert-to",
                    filters[fmt], "--outdir", outdir, html_path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("samples", nargs="*", default=DEFAULT_SAMPLES)
    ap.add_argument("--soffice", default=shutil.which("soffice") or "soffice")
    ap.add_argument("--out", default=os.path.join(REPO, "samples", "office"))
    ap.add_argument("--formats", default="html,docx,odt,pdf",
                    help="which versions to make (default html,docx,odt,pdf)")
    args = ap.parse_args()
    formats = args.formats.split(",")
    if formats != ["html"] and not shutil.which(args.soffice):
        print("office_samples: LibreOffice (soffice) is not installed", file=sys.stderr)
        return 2
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.samples:
            src = os.path.join(REPO, "samples", name)
            stem = os.path.splitext(name)[0]
            html_path = os.path.join(tmp, stem + ".html")
            with open(html_path, "w", encoding="utf-8") as f:
                f.write(to_html(src))
            if "html" in formats:
                shutil.copy(html_path, os.path.join(args.out, stem + ".html"))
            for fmt in ("docx", "odt"):
                if fmt in formats:
                    convert(args.soffice, html_path, fmt, tmp)
                    shutil.move(os.path.join(tmp, stem + "." + fmt),
                                os.path.join(args.out, stem + "." + fmt))
            if "pdf" in formats:
                # the PDF from the Word file, with Word's page layout
                subprocess.run([args.soffice, "--headless", "--convert-to",
                                "pdf:writer_pdf_Export", "--outdir", tmp,
                                os.path.join(args.out, stem + ".docx")],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                shutil.move(os.path.join(tmp, stem + ".pdf"),
                            os.path.join(args.out, stem + ".pdf"))
            print("samples/office/%s.{%s}" % (stem, ",".join(formats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
