#!/usr/bin/env python3
"""Rewrites golden files from what the built circheck prints now.

For a change that is meant to change reports: run it, then read the diff
(`git diff tests/golden`) before committing; every changed line should be
one the change explains.

    scripts/update_goldens.py [BUILD_DIR] [REGEX]

BUILD_DIR defaults to build; REGEX (a ctest -R pattern) limits the tests.
It asks ctest for the golden tests' commands, so it rewrites exactly the
files the tests compare against.
"""
import json
import os
import subprocess
import sys


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    regex = sys.argv[2] if len(sys.argv) > 2 else "."
    listing = subprocess.run(["ctest", "--test-dir", build, "--show-only=json-v1", "-R", regex],
                             check=True, capture_output=True, text=True).stdout
    changed = 0
    for test in json.loads(listing)["tests"]:
        defs = {}
        for arg in test.get("command", []):
            if arg.startswith("-D") and "=" in arg:
                key, value = arg[2:].split("=", 1)
                defs[key] = value
        if "GOLDEN" not in defs or "BIN" not in defs:
            continue
        stdin = open(defs["INPUT"], "rb") if defs.get("INPUT") else subprocess.DEVNULL
        out = subprocess.run([defs["BIN"]] + defs["ARGS"].split("|"), cwd=defs["WORKDIR"],
                             stdin=stdin, capture_output=True).stdout
        with open(defs["GOLDEN"], "rb") as f:
            old = f.read()
        if out != old:
            with open(defs["GOLDEN"], "wb") as f:
                f.write(out)
            print("updated", os.path.relpath(defs["GOLDEN"]))
            changed += 1
    print("%d golden files rewritten" % changed)


if __name__ == "__main__":
    main()
