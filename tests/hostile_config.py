#!/usr/bin/env python3
"""Damaged configuration files never crash or hang circheck.

usage: hostile_config.py BIN SOURCE_DIR WORK_DIR

Starts from a configuration that uses every key, and makes variants of it:
bytes flipped, cut short, YAML's special characters inserted, anchors and
aliases, tabs, a very long scalar, deep nesting, invalid UTF-8. Each run must
end within 20 s with exit 0, 1 or 2, never a signal, and standard error
holds only diagnostics ("file:line:col: warning: ..."); when it exits 2, the
last is an error at the configuration. The variants come from a fixed seed, so a failure can be
replayed.
"""
import os
import random
import re
import subprocess
import sys

BASE = b"""# every key
level: advanced
lang: nb
doc-lang: nb
packs: [furniture]
fail-on: partial
exclude: ["*.draft.txt", arkiv]
waivers:
  - criterion: reuse.disassembly
    reason: "Stolene er limt"
    paths: ["stoler/*"]
    expires: 2099-12-31
  - rule: core.ecolabel
    reason: gammel
    expires: 2020-01-01
overrides:
  - paths: ["stoler/*"]
    packs: [furniture, ict]
    level: spearhead
"""

SPECIAL = [b"&a ", b"*a", b"!!binary ", b"? ", b": ", b"- ", b"[", b"]", b"{", b"}", b"|",
           b">", b"%YAML 1.1\n", b"---\n", b"...\n", b"\t", b"\"", b"'", b"#", b"\xff\xfe",
           b"\xc3", b"\x00", b"\n  ", b"<<: *a\n", b"~", b"null", b"2027-02-30", b"-1"]

LINE = re.compile(r"^[^\n]*: (error|warning): [^\n]+$")


def variants(rng):
    yield BASE
    yield b""
    yield b"level: " + b"x" * 200000 + b"\n"
    yield b"a: &a [" + b"*a, " * 1000 + b"]\n"
    yield b"- " * 5000 + b"x\n"
    yield b"{" * 3000
    for _ in range(160):
        data = bytearray(BASE)
        for _ in range(rng.randint(1, 4)):
            kind = rng.randrange(4)
            at = rng.randrange(len(data) + 1)
            if kind == 0 and data:
                data[min(at, len(data) - 1)] = rng.randrange(256)
            elif kind == 1:
                data[at:at] = rng.choice(SPECIAL)
            elif kind == 2:
                del data[at:at + rng.randint(1, 12)]
            else:
                data = data[:at]
        yield bytes(data)


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    binary, src, work = sys.argv[1:]
    os.makedirs(work, exist_ok=True)
    doc = os.path.join(src, "tests", "data", "config", "walk", "bord.txt")
    rng = random.Random(14)
    for i, data in enumerate(variants(rng)):
        path = os.path.join(work, "case-%03d.yml" % i)
        with open(path, "wb") as f:
            f.write(data)
        try:
            p = subprocess.run([binary, "check", "--config", path, "--format", "json", doc],
                               capture_output=True, timeout=20)
        except subprocess.TimeoutExpired:
            print("FAILED: %s hangs" % path)
            return 1
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode not in (0, 1, 2):
            print("FAILED: %s: exit %d\n%s" % (path, p.returncode, err))
            return 1
        lines = err.splitlines()
        if not all(LINE.match(x) for x in lines):
            print("FAILED: %s: exit %d, standard error is not diagnostics:\n%s"
                  % (path, p.returncode, err))
            return 1
        if p.returncode == 2 and (not lines or not lines[-1].startswith(path)):
            print("FAILED: %s: exit 2 without a clear error:\n%s" % (path, err))
            return 1
        os.unlink(path)
    print("%d damaged configurations: no crash, no hang, clear errors" % (i + 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
