#!/usr/bin/env python3
"""circheck stats on a hand-made portfolio with answers worked out by hand, and merges of shards.

Usage: stats_check.py CIRCHECK SOURCE_DIR [--shared]

tests/data/stats/portfolio.jsonl is a JSON Lines report written by hand: eight documents,
three criteria with chosen statuses (the rest not named, so not-applicable), two buyers (one
written with extra spaces), months January to July 2024 and one without a date. The counts,
shares, intervals (Wilson; Newcombe's for the change, computed here by their formulas), groups
and most-missing lists below follow from that file alone.

With --shared: the development notices split into two shards give, merged, the bytes of one
run over all of them (exit 77 when ../shared is absent).
"""
import csv, io, json, math, os, subprocess, sys, tempfile

Z = 1.959963984540054
W, T, E = "lifetime.warranty", "reuse.take-back", "award.environment-weight"

def wilson(x, n):
    p = x / n
    d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d
    h = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return p, max(0.0, c - h), min(1.0, c + h)

def newcombe(xa, na, xb, nb):
    pa, la, ua = wilson(xa, na)
    pb, lb, ub = wilson(xb, nb)
    d = pb - pa
    return d, d - math.sqrt((pb - lb) ** 2 + (ua - pa) ** 2), d + math.sqrt((ub - pb) ** 2 + (pa - la) ** 2)

failures = []

def check(cond, what):
    if not cond:
        failures.append(what)

def near(a, b):
    return a is not None and abs(a - round(b, 4)) < 1e-9

def stats(binary, args, cwd, rc=0):
    r = subprocess.run([binary, "stats", *args], capture_output=True, cwd=cwd)
    if r.returncode != rc:
        print(f"stats {' '.join(args)}: exit {r.returncode}, expected {rc}\n{r.stderr.decode()}")
        sys.exit(1)
    return r.stdout

def groups(doc, by):
    return {g["key"]: g for g in doc["statistics"]["groups"][by]}

def portfolio(binary, src):
    p = "tests/data/stats/portfolio.jsonl"
    out = stats(binary, ["--format", "json", "--by", "quarter", "--compare", "2024-Q1",
                         "--compare", "2024-Q2", p], src)
    doc = json.loads(out)
    allg = groups(doc, "all")["all"]
    check(allg["documents"] == 8, "8 documents")
    check(allg["counts"][W] == [3, 1, 3, 0, 1], f"warranty counts {allg['counts'][W]}")
    check(allg["counts"][T] == [2, 1, 5, 0, 0], f"take-back counts {allg['counts'][T]}")
    check(allg["counts"][E] == [3, 0, 4, 1, 0], f"environment counts {allg['counts'][E]}")
    others = [c for c in allg["counts"] if c not in (W, T, E)]
    check(len(others) == 24 and all(allg["counts"][c] == [0, 0, 0, 0, 8] for c in others),
          "criteria not named are not-applicable")
    want_docs = {
        "pack": {"cleaning": 1, "construction": 2, "core": 8, "furniture": 4},
        "cpv": {"39": 4, "45": 2, "90": 1, "none": 1},
        "buyer": {"Aurland kommune": 3, "Bremanger kommune": 4, "unknown": 1},
        "month": {"2024-01": 1, "2024-02": 1, "2024-03": 1, "2024-04": 1, "2024-05": 1,
                  "2024-06": 1, "2024-07": 1, "unknown": 1},
    }
    for by, want in want_docs.items():
        got = {k: g["documents"] for k, g in groups(doc, by).items()}
        check(got == want, f"{by} groups: {got}")
    check(groups(doc, "pack")["furniture"]["counts"][T] == [1, 0, 3, 0, 0],
          "furniture take-back counts")

    ind = doc["indicators"]
    check(ind["by"] == "quarter" and ind["min_group"] == 30, "indicator settings")
    a = ind["all"]
    comp = a["compliance"]
    p_, lo, hi = wilson(3, 7)
    check(comp["compliant"] == 3 and comp["applicable"] == 7 and near(comp["share"], p_)
          and near(comp["low"], lo) and near(comp["high"], hi), f"§ 7-9 compliance {comp}")
    crit = {c["id"]: c for c in a["criteria"]}
    p_, lo, hi = wilson(4, 7)
    w = crit[W]
    check(w["applicable"] == 7 and w["found"] == 4 and w["missing"] == 3 and near(w["share"], p_)
          and near(w["low"], lo) and near(w["high"], hi), f"warranty share {w}")
    check(crit["waste.food"]["share"] is None, "a criterion that never applies has no share")
    q = {g["key"]: g for g in ind["groups"]}
    check(list(q) == ["2024-Q1", "2024-Q2", "2024-Q3", "unknown"], f"quarters {list(q)}")
    check([q[k]["documents"] for k in q] == [3, 3, 1, 1], "documents per quarter")
    check(all(g["small"] for g in q.values()), "every quarter is a small group")
    check(q["2024-Q1"]["most_missing"] == [T, E, W], f"Q1 most missing {q['2024-Q1']['most_missing']}")
    check(q["unknown"]["compliance"]["share"] is None, "no § 7-9 share where it could not be judged")

    cmp = doc["comparison"]
    check(cmp["a"] == "2024-Q1" and cmp["b"] == "2024-Q2", "compared groups")
    env = cmp["compliance"]
    d, lo, hi = newcombe(1, 3, 2, 3)
    check(env["a"]["found"] == 1 and env["a"]["applicable"] == 3 and env["b"]["found"] == 2
          and env["b"]["applicable"] == 3, f"compared compliance counts {env}")
    check(near(env["change"]["estimate"], d) and near(env["change"]["low"], lo)
          and near(env["change"]["high"], hi), f"change and its interval {env['change']}")
    check(env["small"] and not env["clear"], "small groups, no clear change")
    cw = {c["id"]: c for c in cmp["criteria"]}[W]
    check(cw["a"]["found"] == 2 and cw["a"]["applicable"] == 3 and cw["b"]["found"] == 1
          and cw["b"]["applicable"] == 2, f"compared warranty {cw}")

    # most missing by pack and by buyer
    doc = json.loads(stats(binary, ["--format", "json", "--by", "pack", p], src))
    mm = {g["key"]: g["most_missing"] for g in doc["indicators"]["groups"]}
    check(mm["furniture"] == [T, E], f"furniture most missing {mm['furniture']}")
    check(mm["cleaning"] == [T], f"cleaning most missing {mm['cleaning']}")
    doc = json.loads(stats(binary, ["--format", "json", "--by", "buyer", "--min-group", "4", p], src))
    g = {x["key"]: x for x in doc["indicators"]["groups"]}
    check(g["Bremanger kommune"]["most_missing"] == [W, T, E], "Bremanger most missing")
    check(not g["Bremanger kommune"]["small"] and g["Aurland kommune"]["small"], "--min-group 4")
    doc = json.loads(stats(binary, ["--format", "json", "--by", "year", p], src))
    check([(x["key"], x["documents"]) for x in doc["indicators"]["groups"]]
          == [("2024", 7), ("unknown", 1)], "years")

    # CSV: the all row of warranty, counts then shares
    text = stats(binary, ["--format", "csv", "--by", "cpv", p], src).decode()
    lines = [",".join(row) for row in csv.reader(io.StringIO(text, newline=""))]
    check(lines[0].startswith("by,group,documents,small,criterion,category,pass,partial,fail"),
          "CSV header")
    p_, lo, hi = wilson(4, 7)
    want = f"all,all,8,yes,{W},lifetime,3,1,3,0,1,7,4,3,{p_:.4f},{lo:.4f},{hi:.4f}"
    check(want in lines, f"CSV row {want}")
    check(f"cpv,none,1,yes,{T},reuse,0,1,0,0,0,1,1,0,1.0000,{wilson(1, 1)[1]:.4f},1.0000" in lines,
          "CSV row of CPV none")

    # merges: shards as a JSON Lines and a JSON report, counted apart and merged,
    # give the bytes of one run over the whole portfolio and of one run over both shards
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")
        opts = ["--format", "json", "--by", "month"]
        stats(binary, [*opts, "-o", a, "tests/data/stats/shard-a.jsonl"], src)
        stats(binary, [*opts, "-o", b, "tests/data/stats/shard-b.json"], src)
        merged = stats(binary, [*opts, "--merge", a, b], src)
        whole = stats(binary, [*opts, p], src)
        both = stats(binary, [*opts, "tests/data/stats/shard-a.jsonl",
                              "tests/data/stats/shard-b.json"], src)
        check(merged == whole, "merged shards equal one run")
        check(both == whole, "the two shards read together equal the portfolio")
        check(stats(binary, ["--merge", "--format", "html", a, b], src)
              == stats(binary, ["--format", "html", p], src), "merged HTML equals one run")
        stats(binary, ["--merge", p], src, rc=2)

def shared(binary, src):
    path = os.path.join(src, "..", "shared", "data", "doffin-2020", "notices-dev.jsonl")
    if not os.path.exists(path):
        print("skipped:", path, "not found")
        sys.exit(77)
    lines = open(path, encoding="utf-8").readlines()
    with tempfile.TemporaryDirectory() as tmp:
        halves = []
        for k, part in enumerate((lines[: len(lines) // 3], lines[len(lines) // 3:])):
            notices = os.path.join(tmp, f"part{k}.jsonl")
            open(notices, "w", encoding="utf-8").writelines(part)
            out = os.path.join(tmp, f"part{k}.json")
            stats(binary, ["--format", "json", "--by", "quarter", "-o", out, notices], src)
            halves.append(out)
        merged = stats(binary, ["--format", "json", "--by", "quarter", "--merge", *halves], src)
        whole = stats(binary, ["--format", "json", "--by", "quarter", "-j", "2", path], src)
        check(json.loads(whole)["statistics"]["groups"]["all"][0]["documents"] == len(lines),
              "every notice counted")
        check(merged == whole, "two shards of the notices merged equal one run")
        # a JSON Lines report of the notices, recounted, gives the same counts
        report = os.path.join(tmp, "report.jsonl")
        r = subprocess.run([binary, "check", "--format", "jsonl", "--fail-on", "never", "-o", report,
                            path], capture_output=True, cwd=src)
        check(r.returncode == 0, f"check --format jsonl: {r.stderr[:200]}")
        recount = stats(binary, ["--format", "json", "--by", "quarter", report], src)
        check(recount == whole, "recounting a JSON Lines report gives the counts of checking again")
    print(f"{len(lines)} notices: shards merge to the bytes of one run")

def main():
    binary, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    if "--shared" in sys.argv:
        shared(binary, src)
    else:
        portfolio(binary, src)
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print("all as worked out by hand")

if __name__ == "__main__":
    main()
