#!/usr/bin/env python3
"""Pulls the regular expressions out of circheck rule packs, for the baselines
of tests/bench/run.sh.

    rulepatterns.py regexes  RULE.xml... > patterns.txt   one PCRE2 pattern a line
    rulepatterns.py literals RULE.xml... > words.txt      the literal words they need

'literals' gives, for every top-level alternative of every pattern, the
longest run of characters that any match of that alternative must contain
(lower case, trimmed). A text without any of these words cannot match any
pattern, so `grep -F -i -f words.txt` is the least work a scan for the rules
can do: the scan limit. Alternatives without such a run (pure \\d+, say)
are counted on standard error and left out.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:circheck:rules:1}"
# Every element whose text is a pattern (docs/rule-language.md).
PATTERN_ELEMENTS = ("any", "all", "none", "contradict", "when", "qualifier", "subject")
# Escapes that stand for one literal character.
LITERAL_ESCAPES = set(".-'\"/\\()[]{}|?*+^$&,:;!#%<>=@~` ")
SIMPLE_ESCAPES = {"t": "\t", "n": "\n"}
ZERO_WIDTH_ESCAPES = set("bBAzZGK")


def patterns(paths):
    """Yields the text of every pattern element of the rule files."""
    for path in paths:
        root = ET.parse(path).getroot()
        for el in root.iter():
            tag = el.tag[len(NS):] if el.tag.startswith(NS) else el.tag
            if tag in PATTERN_ELEMENTS and el.text and el.text.strip():
                yield el.text.strip()


def group_end(p, i):
    """Index just past the group that opens at p[i] == '('."""
    depth, j = 0, i
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = class_end(p, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return len(p)


def class_end(p, i):
    """Index just past the character class that opens at p[i] == '['."""
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1
    while j < len(p) and p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    return j + 1


def split_top(p):
    """Splits a pattern at its top-level '|'."""
    parts, depth, start, j = [], 0, 0, 0
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = class_end(p, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(p[start:j])
            start = j + 1
        j += 1
    parts.append(p[start:])
    return parts


def quantifier(p, j):
    """(length, may be zero, may repeat) of a quantifier at p[j], or None."""
    if j >= len(p):
        return None
    c = p[j]
    if c in "?*+":
        n = 1
        if j + 1 < len(p) and p[j + 1] in "?+":
            n = 2  # lazy or possessive
        return n, c != "+", c != "?"
    if c == "{":
        k = p.find("}", j)
        body = p[j + 1:k] if k > 0 else ""
        lo, _, hi = body.partition(",")
        if k > 0 and lo.strip().isdigit():
            n = k - j + 1
            if k + 1 < len(p) and p[k + 1] in "?+":
                n += 1
            return n, int(lo) == 0, hi != lo
    return None


def runs(alt, groups=None):
    """The runs of literal text every match of the alternative 'alt' contains.
    Required groups of alternatives, such as (?:ta|tar), are appended to
    'groups' (their inner text) when it is a list."""
    out, cur, j = [], "", 0

    def cut():
        nonlocal cur
        if cur:
            out.append(cur)
        cur = ""

    while j < len(alt):
        c = alt[j]
        atom_chars, consumed = None, 1
        if c == "\\":
            e = alt[j + 1] if j + 1 < len(alt) else ""
            consumed = 2
            if e in ZERO_WIDTH_ESCAPES:
                j += 2
                continue  # \b and friends consume nothing
            if e in LITERAL_ESCAPES:
                atom_chars = e
            elif e in SIMPLE_ESCAPES:
                atom_chars = SIMPLE_ESCAPES[e]
            elif e in "pPx" and j + 2 < len(alt) and alt[j + 2] == "{":
                consumed = alt.find("}", j) - j + 1
        elif c == "[":
            consumed = class_end(alt, j) - j
        elif c == "(":
            end = group_end(alt, j)
            inner = alt[j + 1:end - 1]
            q = quantifier(alt, end)
            if inner[:2] in ("?=", "?!") or inner[:3] in ("?<=", "?<!"):
                j = end + (q[0] if q else 0)
                continue  # lookaround: consumes nothing
            named = re.match(r"\?P?<[A-Za-z_]\w*>|\?'[A-Za-z_]\w*'", inner)
            if named:
                inner = "?:" + inner[named.end():]
            flags = re.match(r"\?[a-zA-Z^-]*(?::|$)", inner)
            if flags and not inner[flags.end() - 1:].startswith(":") and flags.end() == len(inner):
                j = end
                continue  # an option setting such as (?i) consumes nothing
            if flags:
                inner = inner[flags.end():]  # (?:...) or (?-i:...)
            alts = split_top(inner)
            if q and q[1]:
                cut()  # optional group: nothing in it is required
            elif len(alts) == 1:
                # A required group without alternatives reads as if inline.
                sub = runs(inner, groups)
                whole = len(sub) == 1 and sub[0] == literal_text(inner)
                if whole:
                    cur += sub[0]
                else:
                    if sub:
                        cur += sub[0]
                        cut()
                        out.extend(sub[1:-1])
                        cur = sub[-1] if len(sub) > 1 else ""
                    else:
                        cut()
                if q and q[2]:
                    cut()
            else:
                cut()  # alternatives: no single run is required, but one of them is
                if groups is not None and not (q and q[1]):
                    groups.append(inner)
            j = end + (q[0] if q else 0)
            continue
        elif c in ".^$":
            if c == ".":
                cut()
            j += 1
            continue
        else:
            atom_chars = c
        q = quantifier(alt, j + consumed)
        if atom_chars is None:
            cut()
        elif q is None:
            cur += atom_chars
        elif q[1]:
            cut()  # may be absent
        else:
            cur += atom_chars  # at least once, then maybe more
            cut()
        j += consumed + (q[0] if q else 0)
    cut()
    return out


def literal_text(p):
    """The text 'p' matches when it is a plain literal, else None."""
    return None if any(ch in "\\[](){}?*+|.^$" for ch in p) else p


def needed(alt):
    """A set of words one of which every match of 'alt' contains (the set
    whose shortest word is longest), or None when there is none."""
    groups = []
    candidates = [{r.strip()} for r in runs(alt, groups) if r.strip()]
    for g in groups:
        sets = [needed(b) for b in split_top(g)]
        if all(sets):
            candidates.append(set().union(*sets))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def literals(paths):
    words, missing = set(), 0
    for pat in patterns(paths):
        for alt in split_top(pat):
            found = needed(alt)
            if found:
                words.update(w.lower() for w in found)
            else:
                missing += 1
    if missing:
        print(f"rulepatterns: {missing} alternatives have no required literal", file=sys.stderr)
    return sorted(words)


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("regexes", "literals"):
        sys.exit(__doc__)
    paths = sys.argv[2:]
    if sys.argv[1] == "regexes":
        for p in patterns(paths):
            # (*UCP): circheck compiles with PCRE2_UCP, so \w and \b know æøå.
            print("(*UCP)" + p)
    else:
        for w in literals(paths):
            print(w)


if __name__ == "__main__":
    main()
