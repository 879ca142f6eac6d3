#!/usr/bin/env python3
"""Builds a plain-text benchmark corpus from Doffin notices (JSON lines).

    corpus.py NOTICES.jsonl OUT.txt BYTES     one file of at least BYTES bytes
    corpus.py NOTICES.jsonl OUT_DIR --split   one file per notice, each once
    corpus.py NOTICES.jsonl OUT_DIR --split=N N files: every notice once, then
                                              the first ones again, under new
                                              names, until there are N

Each notice becomes its title, a blank line, and its description paragraphs
separated by blank lines; the notices are repeated in order until the file
holds BYTES bytes (stopping at a notice boundary).
"""
import json
import os
import sys


def notices(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                n = json.loads(line)
                text = n["title"] + "\n\n" + "\n\n".join(n["description"]) + "\n\n"
                yield n["index"], text.encode("utf-8")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, out, size = sys.argv[1:]
    items = list(notices(src))
    if size == "--split" or size.startswith("--split="):
        count = int(size.split("=")[1]) if "=" in size else len(items)
        os.makedirs(out, exist_ok=True)
        for k in range(count):
            index, text = items[k % len(items)]
            name = f"notice-{index:04d}.txt" if k < len(items) else f"notice-{index:04d}-{k // len(items)}.txt"
            with open(os.path.join(out, name), "wb") as f:
                f.write(text)
        return
    want, done = int(size), 0
    with open(out, "wb") as f:
        while done < want:
            for _, text in items:
                f.write(text)
                done += len(text)
                if done >= want:
                    break


if __name__ == "__main__":
    main()
