#!/usr/bin/env python3
"""Writes docs/rules.md from the rule packs in rules/: every pack, rule,
criterion, level figure and source. With --check, exits 1 when the file on
disk is not what the packs say (so CI notices a pack changed without its
documentation)."""
import csv
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"r": "urn:circheck:rules:1"}
ROOT = Path(__file__).resolve().parent.parent
LEVELS = ["basic", "advanced", "spearhead"]


def text(el, tag, lang):
    for child in el.findall(f"r:{tag}", NS):
        if child.get("lang") == lang:
            return " ".join((child.text or "").split())
    return ""


def figures(rule):
    value = rule.find("r:value", NS)
    if value is None:
        return ""
    found = {lv.get("name"): lv.text.strip() for lv in value.findall("r:level", NS)}
    out, last = [], None
    for level in LEVELS:
        last = found.get(level, last)
        out.append(last)
    sign = ">=" if value.get("compare", "at-least") == "at-least" else "<="
    unit = {"year": "years", "percent": "%"}.get(value.get("unit"), value.get("unit"))
    return f"{sign} {' / '.join(out)} {unit}"


def render():
    criteria = {}
    with open(ROOT / "rules" / "criteria.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            criteria[row["id"]] = row
    packs = []
    for path in sorted((ROOT / "rules").glob("*.xml")):
        packs.append((path, ET.parse(path).getroot()))
    served = {c: [] for c in criteria}
    lines = [
        "# Rule packs",
        "",
        "Generated from `rules/*.xml` by `scripts/rules_doc.py`; do not edit by hand.",
        "Figures are given per level as basic / advanced / spearhead.",
        "",
    ]
    for path, pack in packs:
        select = pack.find("r:select", NS)
        cpv = [c.text.strip() for c in select.findall("r:cpv", NS)] if select is not None else []
        always = select is not None and select.get("always") == "true"
        lines += [f"## {pack.get('id')}: {text(pack, 'name', 'en')} ({text(pack, 'name', 'nb')})", ""]
        lines.append("Applies to every purchase." if always else
                     f"Chosen by CPV {', '.join(cpv) or '(none)'} or by its subject words.")
        lines += ["", "| rule | criterion | placement | figures | source |", "|---|---|---|---|---|"]
        for rule in pack.findall("r:rule", NS):
            crit = rule.get("criterion")
            served.setdefault(crit, []).append(rule.get("id"))
            clause = rule.find("r:clause", NS)
            source = " ".join((rule.find("r:source", NS).text or "").split()).replace("|", "/")
            # the anchor SARIF reports link to (helpUri ...docs/rules.md#<rule id>)
            lines.append(f"| <a id=\"{rule.get('id')}\"></a>`{rule.get('id')}` "
                         f"{text(rule, 'name', 'en')} | `{crit}` | "
                         f"{clause.get('placement') if clause is not None else ''} | "
                         f"{figures(rule)} | {source} |")
        lines.append("")
    lines += ["## Criteria and the rules that serve them", "",
              "| criterion | name | rules |", "|---|---|---|"]
    for cid, row in criteria.items():
        rules = ", ".join(f"`{r}`" for r in served.get(cid, [])) or "**none**"
        lines.append(f"| `{cid}` | {row['name_en']} | {rules} |")
    lines.append("")
    return "\n".join(lines)


def main():
    out = ROOT / "docs" / "rules.md"
    doc = render()
    if "--check" in sys.argv[1:]:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != doc:
            print("docs/rules.md is out of date: run scripts/rules_doc.py", file=sys.stderr)
            return 1
        print("docs/rules.md matches rules/*.xml")
        return 0
    out.write_text(doc, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
