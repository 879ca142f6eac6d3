#!/usr/bin/env python3
"""JSON Lines in and out of circheck check.

Usage: jsonl_check.py CIRCHECK SOURCE_DIR [--shared]

- check --format jsonl writes, for the notices of tests/data/notices/notices.jsonl, one
  line per document whose object is the document of check --format json, on one thread
  and on two;
- the notices are named FILE#ID (the id, else the index field) and carry buyer and date;
- with --shared: ../shared/data/doffin-2020/notices-dev.jsonl is read with no options,
  one document per line, every one with its buyer and date (exit 77 when absent).
"""
import json, os, subprocess, sys

def run(binary, args, cwd):
    r = subprocess.run([binary, "check", *args], capture_output=True, text=True, cwd=cwd)
    return r.returncode, r.stdout, r.stderr

def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)

def main():
    binary, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    if "--shared" in sys.argv:
        path = os.path.join(src, "..", "shared", "data", "doffin-2020", "notices-dev.jsonl")
        if not os.path.exists(path):
            print("skipped:", path, "not found")
            sys.exit(77)
        want = [json.loads(l) for l in open(path, encoding="utf-8")]
        rc, out, err = run(binary, ["--format", "jsonl", "--fail-on", "never", "-j", "2", path], src)
        if rc != 0 or err:
            fail(f"exit {rc}: {err[:300]}")
        docs = [json.loads(l) for l in out.splitlines()]
        if len(docs) != len(want):
            fail(f"{len(docs)} documents for {len(want)} notices")
        for d, w in zip(docs, want):
            if d["path"] != f"{path}#{w['index']}" or d.get("buyer") != w["buyer"] \
                    or d.get("date") != w["published"] or d["title"] != w["title"]:
                fail(f"{d['path']}: not the notice of index {w['index']}")
        print(f"{len(docs)} notices read out of the box")
        return
    notices = "tests/data/notices/notices.jsonl"
    rc, whole, err = run(binary, ["--format", "json", notices], src)
    if rc != 1 or err:
        fail(f"json: exit {rc}: {err}")
    documents = json.loads(whole)["documents"]
    for jobs in ("1", "2"):
        rc, lines, err = run(binary, ["--format", "jsonl", "-j", jobs, notices], src)
        if rc != 1 or err:
            fail(f"jsonl -j {jobs}: exit {rc}: {err}")
        if not lines.endswith("\n") or len(lines.splitlines()) != len(documents):
            fail(f"jsonl -j {jobs}: not one line per document")
        for line, doc in zip(lines.splitlines(), documents):
            if json.loads(line) != doc:
                fail(f"jsonl -j {jobs}: {doc['path']} differs from the JSON report")
    names = [(d["path"], d.get("buyer"), d.get("date")) for d in documents]
    if names != [(notices + "#N-1", "Aurland kommune", "2024-02-12"),
                 (notices + "#7", "Bremanger kommune", "2024-05-03")]:
        fail(f"names, buyers, dates: {names}")
    warranty = [c["status"] for c in documents[0]["criteria"] if c["id"] == "lifetime.warranty"]
    if warranty != ["pass"] or documents[0]["cpv"] != ["39130000"]:
        fail(f"N-1: warranty {warranty}, cpv {documents[0]['cpv']}")
    print(f"{len(documents)} notices: jsonl equals the JSON report on 1 and 2 threads")

if __name__ == "__main__":
    main()
