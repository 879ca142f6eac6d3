#!/usr/bin/env python3
"""`circheck serve`: what is made from the rule packs alone.

usage: test_catalogue.py BIN SOURCE_DIR

GET /api/checklist gives, in every format, the bytes `circheck checklist`
writes for the same choices; the checklist page is the CLI's HTML checklist
with the server's bar after <body>, and its download links give the other
formats. GET /api/rules lists exactly the packs and rules `circheck rules
list` lists, with the same criteria, placements and figures. The guide shows
every criterion of /api/rules by category with its clause in both
languages; its search (?q=) narrows it, and what is typed is escaped.
Ctrl-C (SIGINT) stops the server with exit 0."""
import html
import json
import os
import re
import signal
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Server, cli, fail  # noqa: E402


def main():
    binary, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    srv = Server(binary)
    try:
        # the checklist API is the CLI's checklist, byte for byte
        choices = [
            ([], []),
            ([("pack", "furniture"), ("level", "advanced"), ("lang", "nb")],
             ["--pack", "furniture", "--level", "advanced", "--lang", "nb"]),
            ([("cpv", "30200000"), ("level", "spearhead")],
             ["--cpv", "30200000", "--level", "spearhead"]),
            ([("pack", "ict"), ("pack", "textiles"), ("lang", "en")],
             ["--pack", "ict", "--pack", "textiles", "--lang", "en"]),
            ([("cpv", "39130000, 30200000-1")], ["--cpv", "39130000, 30200000-1"]),
        ]
        for query, flags in choices:
            for fmt in ("json", "md", "csv", "html", "text"):
                q = urllib.parse.urlencode(query + [("format", fmt)])
                status, headers, got = srv.request("GET", "/api/checklist?" + q)
                _, want, _ = cli(binary, ["checklist", "--format", fmt] + flags, src)
                if status != 200 or got != want:
                    fail("/api/checklist?%s: status %d, not the CLI's checklist" % (q, status))
                if fmt != "json" and "attachment" not in headers.get("content-disposition", ""):
                    fail("/api/checklist?%s: not a download" % q)
        print("GET /api/checklist: the CLI's checklist in json, md, csv, html and text")
        status, _, got = srv.request("GET", "/api/checklist?pack=nosuch")
        if status != 400 or "unknown pack 'nosuch'" not in json.loads(got)["error"]:
            fail("an unknown pack: %d %r" % (status, got))
        status, _, got = srv.request("GET", "/api/checklist?cpv=12x")
        if status != 400 or "error" not in json.loads(got):
            fail("a malformed CPV code: %d %r" % (status, got))
        status, _, got = srv.request("GET", "/api/checklist?format=sarif")
        if status != 400:
            fail("a format without a checklist form: %d" % status)

        # the page: a form first, then the CLI's HTML checklist under the bar
        _, _, rules_json = srv.request("GET", "/api/rules")
        catalogue = json.loads(rules_json)
        status, _, form = srv.request("GET", "/checklist")
        for pack in catalogue["packs"]:
            box = ('name="pack" id="pack-%s"' % pack["id"]).encode()
            if (box in form) == pack["always"]:
                fail("checklist form: pack %s %s" % (pack["id"], "shown" if pack["always"] else "missing"))
        status, _, page = srv.request("GET", "/checklist?pack=furniture&level=advanced&lang=nb")
        _, want, _ = cli(binary, ["checklist", "--format", "html", "--pack", "furniture",
                                  "--level", "advanced", "--lang", "nb"], src)
        bar = re.search(rb'<body>\n(<div class="serve-bar">\n.*?</div>\n)', page, re.S)
        if status != 200 or not bar or page.replace(bar.group(1), b"", 1) != want:
            fail("checklist page: not the CLI's HTML checklist under the bar")
        links = re.findall(rb'href="(/api/checklist\?[^"]*)"', bar.group(1))
        if len(links) != 3:
            fail("checklist page: %d download links" % len(links))
        for link in links:
            url = html.unescape(link.decode())
            fmt = url.rsplit("format=", 1)[1]
            status, _, got = srv.request("GET", url)
            _, want, _ = cli(binary, ["checklist", "--format", fmt, "--pack", "furniture",
                                      "--level", "advanced", "--lang", "nb"], src)
            if status != 200 or got != want:
                fail("checklist download %s: not the CLI's" % url)
        print("GET /checklist: the form, the CLI's HTML checklist and three downloads")

        # /api/rules: the packs and rules `rules list` lists
        _, listing, _ = cli(binary, ["rules", "list"], src)
        listed = {}
        for line in listing.decode().splitlines():
            m = re.match(r"  (\S+)\s+(\S+)\s+(qualification|specification|award|contract)\s", line)
            if m:
                listed[m.group(1)] = (m.group(2), m.group(3))
        served = {}
        for pack in catalogue["packs"]:
            for rule in pack["rules"]:
                served[rule["id"]] = (rule["criterion"], rule["placement"])
                if rule["value"]:
                    levels = rule["value"]["levels"]
                    if not levels["basic"] <= levels["advanced"] <= levels["spearhead"] and \
                            rule["value"]["compare"] == "at-least":
                        fail("%s: figures not rising with the level: %s" % (rule["id"], levels))
                for lang in ("nb", "en"):
                    if not rule["clause"][lang]["basic"]:
                        fail("%s: no %s clause" % (rule["id"], lang))
        if served != listed or not served:
            fail("/api/rules and `rules list` differ: %s" %
                 sorted(set(served.items()) ^ set(listed.items()))[:5])
        if len(catalogue["criteria"]) < 20 or catalogue["levels"] != ["basic", "advanced", "spearhead"]:
            fail("/api/rules: criteria or levels missing")
        print("GET /api/rules: %d rules of %d packs, as `rules list` has them" %
              (len(served), len(catalogue["packs"])))

        # the guide: every criterion with rules, both languages' clauses
        status, headers, guide = srv.request("GET", "/guide")
        if status != 200:
            fail("/guide: %d" % status)
        sections = re.findall(rb'<section class="guide-criterion" id="([^"]+)"', guide)
        with_rules = {r["criterion"] for p in catalogue["packs"] for r in p["rules"]}
        if {s.decode() for s in sections} != with_rules:
            fail("/guide: criteria %s, rules name %s" % (sorted(sections), sorted(with_rules)))
        text = html.unescape(guide.decode())
        for pack in catalogue["packs"]:
            for rule in pack["rules"]:
                for lang in ("nb", "en"):
                    if rule["clause"][lang]["basic"] not in text:
                        fail("/guide: the %s clause of %s is missing" % (lang, rule["id"]))
                if rule["source"] and rule["source"] not in text:
                    fail("/guide: the source of %s is missing" % rule["id"])
        categories = re.findall(rb'<h2 id="cat-([a-z]+)"', guide)
        if len(categories) < 5:
            fail("/guide: categories %s" % categories)
        status, _, narrowed = srv.request("GET", "/guide?q=" + urllib.parse.quote("garanti"))
        shown = re.findall(rb'<section class="guide-criterion" id="([^"]+)"', narrowed)
        if not shown or len(shown) >= len(sections) or b"lifetime.warranty" not in shown:
            fail("/guide?q=garanti shows %s" % shown)
        status, _, none = srv.request("GET", "/guide?q=qqqzzzxxx")
        if b"No criterion matches" not in none:
            fail("/guide: a search without hits says nothing")
        status, _, nb = srv.request("GET", "/guide?lang=nb")
        if b"Veileder for sirkul" not in nb or len(re.findall(rb'class="guide-criterion"', nb)) \
                != len(sections):
            fail("/guide?lang=nb")
        evil = "<script>alert(1)</script>\"'"
        status, _, page = srv.request("GET", "/guide?q=" + urllib.parse.quote(evil))
        if evil.encode() in page or b"&lt;script&gt;alert(1)&lt;/script&gt;" not in page:
            fail("/guide: the search words are not escaped")
        status, _, page = srv.request("GET", "/checklist?pack=" + urllib.parse.quote(evil))
        if status != 400 or evil.encode() in page:
            fail("/checklist: a bad pack name is not escaped")
        print("GET /guide: %d criteria in %d categories, search, both languages, escaping" %
              (len(sections), len(categories)))
    finally:
        code = srv.stop(signal.SIGINT)
        srv.close()
    if code != 0:
        fail("SIGINT: exit %d" % code)
    print("stopped on SIGINT with exit 0")


if __name__ == "__main__":
    main()
