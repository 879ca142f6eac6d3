#!/usr/bin/env python3
"""Runs circheck over the 834 real Norwegian notices of ../shared/data/doffin-2020
and prints what it found: packs chosen, statuses per criterion, and the
pass/partial findings with their evidence for spot checks.

    scripts/doffin_run.py [--bin build/circheck] [--data PATH] [--findings N]

Each notice becomes a small text document: its title as the heading, a
"CPV:" line with the main and additional codes, and its description
paragraphs. Nothing is written into the repository."""
import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_notices(data, folder):
    count = 0
    with open(data, encoding="utf-8") as f:
        for line in f:
            n = json.loads(line)
            codes = " ".join([n["cpv"]] + n.get("cpv_additional", []))
            body = "\n\n".join(n.get("description", []))
            text = f"# {n['title']}\n\nCPV: {codes}\n\n{body}\n"
            (folder / f"notice-{n['index']:04d}.txt").write_text(text, encoding="utf-8")
            count += 1
    return count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "build" / "circheck"))
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "doffin-2020" /
                                          "notices-dev.jsonl"))
    ap.add_argument("--findings", type=int, default=0,
                    help="print this many pass/partial findings with their evidence")
    args = ap.parse_args()
    if not Path(args.data).exists():
        print(f"skipped: {args.data} not found")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n = write_notices(args.data, folder)
        run = subprocess.run([args.bin, "check", "--format", "json", "-j", "2", str(folder)],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            print(run.stderr, file=sys.stderr)
            return 2
        report = json.loads(run.stdout)
    packs = collections.Counter()
    by_criterion = collections.defaultdict(collections.Counter)
    findings = []
    for doc in report["documents"]:
        for p in doc["packs"]:
            packs[p] += 1
        for c in doc["criteria"]:
            by_criterion[c["id"]][c["status"]] += 1
        for r in doc["results"]:
            if r["status"] in ("pass", "partial") and r["evidence"]:
                findings.append((Path(doc["path"]).name, r))
    print(f"{n} notices, {len(report['documents'])} checked")
    print("\npacks chosen:")
    for p, k in sorted(packs.items()):
        print(f"  {p:14} {k}")
    print("\nper criterion (documents where it applies):")
    print(f"  {'criterion':28} {'pass':>5} {'partial':>7} {'fail':>5} {'n/a':>5}")
    for cid in sorted(by_criterion):
        c = by_criterion[cid]
        print(f"  {cid:28} {c['pass']:5} {c['partial']:7} {c['fail']:5} {c['not-applicable']:5}")
    print(f"\n{len(findings)} pass/partial findings with evidence")
    for name, r in findings[: args.findings]:
        e = r["evidence"][0]
        print(f"\n{name}:{e['line']}: {r['status']} {r['criterion']} [{r['rule']}] ({r['reason']})")
        print(f"  {e['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
