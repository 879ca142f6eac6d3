#!/usr/bin/env python3
"""Checks that what circheck writes in nynorsk is nynorsk: no word that only
bokmål has, over the reports of every sample with --lang nn, over the
checklists of every pack in every checklist format, and in every nynorsk
text of the built-in rule packs (messages no sample brings out included).

usage: nn_no_bokmal.py BIN SOURCE_DIR

A report quotes the document it checks, and most samples are in bokmål, so
only circheck's own words are read: in a JSON report the names, messages,
clauses, verification texts and the reasons a pack was chosen (without the
subject word quoted from the document, «...»); in a text report every line
but the quoted evidence and its section heading. A checklist is circheck's
own text from end to end (the page's style sheet and script left out).
Exits 1 and names each word found, with where it was found.
"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

# Words that bokmål has and nynorsk (Nynorskordboka) does not, as whole
# words. Words both standards share ("fordi", "også", "eller") are not here.
BOKMAL_ONLY = """
    ikke hvordan noen noe hvis hva mye hvor hvilke hvilken hver hvert uten fra dem
    deres selv samme mer mulig mulige være gjøre gjelder sier kravene tilsvarende
    måneder måned oppdragsgiver oppdragsgivers tilbyder tilbydere hjemme en et ett
    kreves brukes leveres godtas vurderes dokumenteres beregnes utføres hører
    """.split()
WORD = re.compile(r"[\wæøåÆØÅ]+(?:-[\wæøåÆØÅ]+)*")
QUOTED = re.compile(r"«[^»]*»")


def run(bin_path, args, cwd):
    p = subprocess.run([bin_path] + args, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit("%s %s: exit %d\n%s" % (bin_path, " ".join(args), p.returncode,
                                          p.stderr.decode("utf-8", "replace")))
    return p.stdout.decode("utf-8")


def bokmal_words(text):
    banned = set(BOKMAL_ONLY)
    return sorted({w for w in WORD.findall(text) if w.lower() in banned})


def json_texts(node, key=""):
    """circheck's own texts in a JSON report, with the key each is under."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "evidence":
                continue  # the document's own words
            if k == "clause" and isinstance(v, dict):
                for ck in ("text", "verification"):
                    if isinstance(v.get(ck), str):
                        yield "clause." + ck, v[ck]
                continue
            yield from json_texts(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from json_texts(v, key)
    elif isinstance(node, str) and key in ("name", "message", "verification", "why"):
        yield key, QUOTED.sub("", node) if key == "why" else node


def text_report_lines(report):
    for line in report.splitlines():
        stripped = line.strip()
        if stripped.startswith("| ") or stripped.startswith("avsnitt:"):
            continue  # evidence and the section it is in
        # the header's language code ("språk en") names the document's language
        yield QUOTED.sub("", re.sub(r"språk [a-z]{2}\b", "", line))


def page_text(html):
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]*>", " ", html)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    bin_path, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    problems = []

    def check(where, text):
        for w in bokmal_words(text):
            problems.append("%s: bokmål word '%s'" % (where, w))

    samples = sorted(f for f in os.listdir(os.path.join(src, "samples"))
                     if os.path.isfile(os.path.join(src, "samples", f)) and f != "README.md")
    if not samples:
        sys.exit("no samples found")
    for s in samples:
        path = os.path.join("samples", s)
        report = json.loads(run(bin_path, ["check", "--lang", "nn", "--format", "json", "--all",
                                           "--fail-on", "never", path], src))
        for doc in report["documents"]:
            if doc.get("report_language") != "nn":
                problems.append("%s: report language is %s, not nn" %
                                (path, doc.get("report_language")))
        for key, text in json_texts(report):
            check("%s (json %s)" % (path, key), text)
        text = run(bin_path, ["check", "--lang", "nn", "--no-color", "--all", "--fail-on",
                              "never", path], src)
        for line in text_report_lines(text):
            check("%s (text)" % path, line)

    packs = ["core", "catering", "cleaning", "construction", "furniture", "ict", "imaging",
             "textiles", "vehicles", "water-sewer"]
    for pack in packs:
        for fmt in ("text", "md", "html", "csv", "json"):
            out = run(bin_path, ["checklist", "--lang", "nn", "--pack", pack, "--level",
                                 "spearhead", "--format", fmt], src)
            check("checklist %s (%s)" % (pack, fmt), page_text(out) if fmt == "html" else out)

    ns = "{urn:circheck:rules:1}"
    rules_dir = os.path.join(src, "rules")
    for f in sorted(os.listdir(rules_dir)):
        if not f.endswith(".xml"):
            continue
        for el in ET.parse(os.path.join(rules_dir, f)).iter():
            if el.get("lang") == "nn" and el.tag in (ns + "name", ns + "message", ns + "text",
                                                     ns + "verify"):
                check("rules/%s (%s)" % (f, el.tag[len(ns):]), el.text or "")

    for p in problems:
        print(p)
    if problems:
        print("%d bokmål words in nynorsk output" % len(problems))
        return 1
    print("no bokmål-only word in the nynorsk reports of %d samples, the checklists of %d "
          "packs and the nynorsk texts of the rule files" % (len(samples), len(packs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
