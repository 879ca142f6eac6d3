#!/usr/bin/env python3
"""`circheck serve`: checking a draft (POST /check, POST /api/check).

usage: test_check.py BIN SOURCE_DIR

Every sample (text, Markdown, XML, HTML, Word, OpenDocument, PDF), sent as a
raw body with ?name= and as a multipart upload, gives byte for byte the JSON
report `circheck check --format json NAME` writes in the sample's folder. The
page's answer is the HTML report `check --format html` writes with the
server's bar put in after <body>, and its downloads are the JSON, SARIF, CSV
and Markdown reports of the command line. A document that cannot be read is
a 4xx with the command line's one line. Every answer carries the security
headers, the CSP's hashes are those of the page's inline scripts, there is
no CORS, and each request is one log line."""
import base64
import hashlib
import html
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Server, cli, fail  # noqa: E402


def samples(src):
    out = []
    for folder in ("samples", "samples/office"):
        d = os.path.join(src, folder)
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            if os.path.isfile(path) and name != "README.md":
                out.append(path)
    return out


def check_headers(what, headers):
    csp = headers.get("content-security-policy", "")
    for need in ("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"):
        if need not in csp:
            fail("%s: CSP lacks %s: %s" % (what, need, csp))
    if "unsafe-inline" in csp.split("script-src")[1].split(";")[0]:
        fail("%s: inline scripts allowed wholesale" % what)
    if headers.get("x-content-type-options") != "nosniff":
        fail("%s: no X-Content-Type-Options: nosniff" % what)
    if any(k.startswith("access-control-") for k in headers):
        fail("%s: a CORS header" % what)


def script_hashes_match(what, headers, page):
    """Each inline script's SHA-256 is in the CSP, so the browser runs it."""
    csp = headers["content-security-policy"]
    scripts = re.findall(rb"<script>(.*?)</script>", page, re.S)
    for s in scripts:
        h = "'sha256-%s'" % base64.b64encode(hashlib.sha256(s).digest()).decode()
        if h not in csp:
            fail("%s: the inline script's hash %s is not in the CSP" % (what, h))
    return len(scripts)


def bad_options(binary):
    """A bad option, value or address is one usage line and exit 2, as for
    the other commands."""
    for args, words in ((["--port", "abc"], "bad value 'abc' for --port"),
                        (["--port", "70000"], "bad value '70000' for --port"),
                        (["--bind", "nowhere"], "--bind needs an IPv4 or IPv6 address"),
                        (["--max-upload", "-1"], "bad value '-1' for --max-upload"),
                        (["--max-checks", "0"], "bad value '0' for --max-checks"),
                        (["--frob"], "unknown option '--frob'"),
                        (["--port"], "option '--port' needs a value")):
        rc, _, err = cli(binary, ["serve"] + args, "/")
        if rc != 2 or len(err.strip().splitlines()) != 1 or words not in err:
            fail("serve %s: exit %d, %r" % (" ".join(args), rc, err))
    rc, out, _ = cli(binary, ["help", "serve"], "/")
    if rc != 0 or b"--max-upload" not in out:
        fail("circheck help serve")


def main():
    binary, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    bad_options(binary)
    srv = Server(binary, cwd=src)
    try:
        n = 0
        for path in samples(src):
            folder, name = os.path.split(path)
            with open(path, "rb") as f:
                data = f.read()
            _, want, _ = cli(binary, ["check", "--format", "json", "--fail-on", "never", name],
                             folder)
            status, headers, got = srv.request("POST", "/api/check?name=" + name, data)
            if status != 200 or got != want:
                fail("%s: raw body: status %d, %s the CLI's JSON" %
                     (name, status, "same as" if got == want else "not"))
            if headers.get("content-type") != "application/json":
                fail("%s: Content-Type %s" % (name, headers.get("content-type")))
            check_headers(name, headers)
            status, _, got = srv.upload("/api/check", [], [("file", name, data)])
            if status != 200 or got != want:
                fail("%s: multipart: status %d, not the CLI's JSON" % (name, status))
            n += 1
        print("%d samples: the API's JSON is the CLI's, byte for byte" % n)

        # options travel as query arguments, as the CLI's flags do
        name = "furniture-nb.txt"
        with open(os.path.join(src, "samples", name), "rb") as f:
            data = f.read()
        _, want, _ = cli(binary, ["check", "--format", "json", "--level", "spearhead", "--lang",
                                  "en", "--pack", "ict", name], os.path.join(src, "samples"))
        status, _, got = srv.request(
            "POST", "/api/check?name=%s&level=spearhead&lang=en&pack=ict" % name, data)
        if status != 200 or got != want:
            fail("level, lang and pack: not the CLI's JSON (status %d)" % status)
        status, _, got = srv.request("POST", "/api/check?name=x.txt&level=extreme", data)
        if status != 400 or b"unknown level 'extreme'" not in got:
            fail("a bad level: %d %r" % (status, got))
        status, _, got = srv.request("POST", "/api/check?name=x.txt&pack=nosuch", data)
        if status != 400 or b"unknown pack 'nosuch'" not in got:
            fail("an unknown pack: %d %r" % (status, got))

        # the page: the CLI's HTML report, with the bar put in after <body>
        name = "furniture-en.md"
        folder = os.path.join(src, "samples")
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read()
        status, headers, page = srv.upload("/check", [("level", "basic"), ("lang", "auto")],
                                           [("file", "C:\\Users\\officer\\" + name, data)])
        if status != 200:
            fail("POST /check: status %d" % status)
        check_headers("POST /check", headers)
        if script_hashes_match("POST /check", headers, page) != 1:
            fail("POST /check: the report's one inline script is not there")
        _, want_html, _ = cli(binary, ["check", "--format", "html", name], folder)
        bar = re.search(rb'<body>\n(<div class="serve-bar">\n.*?</div>\n)', page, re.S)
        if not bar:
            fail("POST /check: no bar after <body>")
        if page.replace(bar.group(1), b"", 1) != want_html:
            fail("POST /check: the page without its bar is not the CLI's HTML report")
        links = re.findall(rb'download="([^"]*)" href="data:([^;]*);base64,([^"]*)"', bar.group(1))
        formats = {"json": "json", "sarif": "sarif", "csv": "csv", "md": "md"}
        seen = set()
        for filename, _, b64 in links:
            ext = filename.decode().rsplit(".", 1)[1]
            _, want_fmt, _ = cli(binary, ["check", "--format", formats[ext], name], folder)
            if base64.b64decode(b64) != want_fmt:
                fail("download %s is not the CLI's %s report" % (filename.decode(), ext))
            if filename.decode() != "furniture-en." + ext:
                fail("download named %s" % filename.decode())
            seen.add(ext)
        if seen != set(formats):
            fail("downloads: %s" % sorted(seen))
        print("POST /check: the CLI's HTML report and its four downloads")

        # pasted text is checked as a text file
        text = "# Kontraktsvilkår\n\nLeverandøren skal ta tilbake emballasjen.\n"
        status, _, page = srv.upload("/check", [("text", text)], [])
        if status != 200 or b"pasted.txt" not in page:
            fail("pasted text: status %d" % status)
        status, _, page = srv.upload("/check", [("text", "")], [])
        if status != 400 or b"choose a file or paste" not in page:
            fail("an empty form: status %d" % status)

        # a document that cannot be read: the CLI's one line, 4xx
        bad = b"<tender><a>unclosed</tender>\n"
        with open("/tmp/circheck-serve-bad.xml", "wb") as f:
            f.write(bad)
        _, _, err = cli(binary, ["check", "circheck-serve-bad.xml"], "/tmp")
        os.unlink("/tmp/circheck-serve-bad.xml")
        status, _, got = srv.request("POST", "/api/check?name=circheck-serve-bad.xml", bad)
        if status != 422 or json.loads(got)["error"] != err.strip():
            fail("malformed XML: %d %r, CLI said %r" % (status, got, err))
        status, headers, page = srv.upload("/check", [], [("file", "circheck-serve-bad.xml", bad)])
        if status != 422 or html.escape(err.strip(), quote=False).encode() not in page:
            fail("malformed XML on the page: %d" % status)
        check_headers("an error page", headers)

        # the log: one line per request with method, path, status, bytes, ms
        pattern = re.compile(r"^(GET|POST) (\S+) (\d{3}) (\d+) (\d+)ms$", re.M)
        log = srv.wait_log(lambda t: len(pattern.findall(t)) >= 2 * n + 8)
        lines = pattern.findall(log)
        if len(lines) < 2 * n + 8:
            fail("%d log lines for %d requests:\n%s" % (len(lines), 2 * n + 8, log))
        if ("POST", "/api/check", "422") not in [l[:3] for l in lines]:
            fail("no log line for the 422")
        # no path a client names is ever opened: the label is only a label
        status, _, got = srv.request("POST", "/api/check?name=../../../../etc/passwd",
                                     b"Leverand\xc3\xb8ren skal ta tilbake emballasjen.\n")
        if status != 200 or json.loads(got)["documents"][0]["path"] != "passwd":
            fail("a path as name: %d %r" % (status, got[:200]))
        # a port already taken: one clear line, exit 2
        rc, _, err = cli(binary, ["serve", "--port", str(srv.port)], "/")
        if rc != 2 or len(err.strip().splitlines()) != 1 or \
                "cannot listen on 127.0.0.1 port %d" % srv.port not in err:
            fail("a port in use: exit %d, %r" % (rc, err))
    finally:
        code = srv.stop()
        srv.close()
    if code != 0:
        fail("SIGTERM: exit %d" % code)
    print("bad options and a port in use: exit 2; stopped on SIGTERM with exit 0")


if __name__ == "__main__":
    main()
