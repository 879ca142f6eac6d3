#!/usr/bin/env python3
"""docs/openapi.json against real answers of `circheck serve`.

usage: test_openapi.py BIN SOURCE_DIR

The file is OpenAPI 3.1 (its schemas are JSON Schema 2020-12, checked as
such); every API path the server answers is in it; and every answer below,
good and bad, has a status and content type the file lists for its
operation and a body that validates against the schema it gives. Exits 77
(skipped) without python3-jsonschema, unless CI is set."""
import json
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Server, fail  # noqa: E402

try:
    import jsonschema
except ImportError:
    if os.environ.get("CI"):
        fail("python3-jsonschema is missing")
    print("python3-jsonschema is missing: skipped")
    sys.exit(77)


def resolve(spec, node):
    while isinstance(node, dict) and "$ref" in node:
        path = node["$ref"].lstrip("#/").split("/")
        node = spec
        for p in path:
            node = node[p]
    return node


def main():
    binary, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(src, "docs", "openapi.json"), encoding="utf-8") as f:
        spec = json.load(f)
    if not spec.get("openapi", "").startswith("3.1"):
        fail("not OpenAPI 3.1: %s" % spec.get("openapi"))
    for name, schema in spec["components"]["schemas"].items():
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as e:
            fail("schema %s: %s" % (name, e.message))
    with open(os.path.join(src, "src", "serve", "routes.c"), encoding="utf-8") as f:
        routes = set(re.findall(r'\{"(GET|POST)", "(/api/[^"]*)"', f.read()))
    documented = {(m.upper(), p) for p, ops in spec["paths"].items() for m in ops}
    if not routes or not routes <= documented:
        fail("API routes not in docs/openapi.json: %s" % sorted(routes - documented))

    checked = {}

    def validate(method, path, status, headers, body):
        op = spec["paths"][path.split("?")[0]][method.lower()]
        responses = op["responses"]
        if str(status) not in responses:
            fail("%s %s: status %d is not documented" % (method, path, status))
        response = resolve(spec, responses[str(status)])
        ctype = headers.get("content-type", "").split(";")[0].strip()
        content = response.get("content", {})
        if ctype not in content:
            fail("%s %s: %d %s is not documented" % (method, path, status, ctype))
        schema = content[ctype]["schema"]
        if ctype == "application/json":
            root = dict(schema)
            root["components"] = spec["components"]
            try:
                jsonschema.Draft202012Validator(root).validate(json.loads(body))
            except jsonschema.ValidationError as e:
                fail("%s %s: %d answer does not match the schema: %s at %s" %
                     (method, path, status, e.message, list(e.absolute_path)))
        for h in resolve(spec, response).get("headers", {}):
            if h.lower() not in headers:
                fail("%s %s: header %s missing" % (method, path, h))
        key = "%s %s %d %s" % (method, path.split("?")[0], status, ctype)
        checked[key] = checked.get(key, 0) + 1

    srv = Server(binary)
    small = Server(binary, ["--max-upload", "100"])
    try:
        samples = [os.path.join(src, "samples", n) for n in
                   ("furniture-nb.txt", "ict-nb.xml", "cleaning-nb.md", "office/ict-en.docx",
                    "office/canteen-nn.pdf", "office/construction-en.odt")]
        for path in samples:
            with open(path, "rb") as f:
                data = f.read()
            name = os.path.basename(path)
            for q in ("", "&level=advanced&lang=en", "&pack=furniture&pack=ict"):
                url = "/api/check?name=" + urllib.parse.quote(name) + q
                validate("POST", url, *srv.request("POST", url, data))
            validate("POST", "/api/check", *srv.upload("/api/check", [], [("file", name, data)]))
        for url, body in (("/api/check?name=x.xml", b"<a><b></a>"),
                          ("/api/check?name=x.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32),
                          ("/api/check?name=x.txt&level=high", b"text"),
                          ("/api/check?name=x.txt&pack=none", b"text")):
            validate("POST", url, *srv.request("POST", url, body))
        validate("POST", "/api/check", *small.request("POST", "/api/check?name=x", b"a" * 200))
        validate("GET", "/api/rules", *srv.request("GET", "/api/rules"))
        for q in ("", "pack=furniture&level=spearhead", "cpv=34100000&lang=nb",
                  "format=md", "format=csv", "format=html", "format=text", "pack=nosuch",
                  "format=sarif", "cpv=1x"):
            url = "/api/checklist?" + q
            validate("GET", url, *srv.request("GET", url))
        validate("GET", "/healthz", *srv.request("GET", "/healthz"))
    finally:
        srv.stop()
        srv.close()
        small.stop()
        small.close()
    for key in sorted(checked):
        print("%4d  %s" % (checked[key], key))


if __name__ == "__main__":
    main()
