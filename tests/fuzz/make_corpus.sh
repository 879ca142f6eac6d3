#!/bin/sh
# Assembles the seed corpora of the fuzz targets into OUT/{text,xml,rules,office}
# from files of the repository (samples/, tests/, rules/), the regression
# inputs in tests/fuzz/regressions/ (by prefix: text-, xml-, rules-, office-), and,
# when the shared data is there, the eForms examples and a few Doffin
# notices. Nothing is copied into the repository itself.
#   make_corpus.sh SOURCE_DIR OUT_DIR
set -eu
src=$1
out=$2
shared=$src/../shared/data
mkdir -p "$out/text" "$out/xml" "$out/rules" "$out/office"

# put DIR FILE...: copies each existing file under a name that keeps its origin.
put() {
  dir=$1
  shift
  for f in "$@"; do
    [ -f "$f" ] || continue
    name=$(printf '%s' "${f#"$src"/}" | tr '/' '_')
    cp "$f" "$out/$dir/$name"
  done
}

put text "$src"/samples/* "$src"/tests/errors/*.txt "$src"/tests/errors/*.bin \
  "$src"/tests/data/rules/dir/README.txt "$src"/docs/*.md
put xml "$src"/tests/data/xml/*.xml "$src"/tests/errors/*.xml "$src"/rules/*.xml
put office "$src"/samples/office/* "$src"/tests/data/office/*.docx "$src"/tests/data/office/*.odt \
  "$src"/tests/data/office/*.zip "$src"/tests/data/office/*.pdf
put rules "$src"/rules/*.xml "$src"/tests/data/rules/*.xml "$src"/tests/data/rules/dir/*.xml \
  "$src"/tests/errors/rules-*.xml "$src"/tests/data/rules/entity.xml "$src"/tests/hostile/*.xml

# An element with many attributes, elements with a few each, and a flood of
# empty elements: the XML caps (small in the fuzz targets) are a byte away.
{
  printf '<?xml version="1.0"?>\n<tender'
  i=0
  while [ $i -lt 60 ]; do printf ' a%d="%d"' $i $i; i=$((i + 1)); done
  printf '>\n<p>Leverandøren skal gi 5 års garanti.</p>\n</tender>\n'
} >"$out/xml/made_many-attributes.xml"
{
  printf '<?xml version="1.0"?>\n<tender>\n'
  i=0
  while [ $i -lt 2100 ]; do printf '<a/>'; i=$((i + 1)); done
  printf '\n</tender>\n'
} >"$out/xml/made_empty-elements.xml"
# Many sentences for a backtracking rule pack to spend its time budget on
# (tests/hostile/pattern-limit.xml is in the rules corpus).
{
  printf 'Requirements\n\n'
  i=0
  while [ $i -lt 300 ]; do printf 'The supplier shall deliver aaaaaaaaaaaaaaaaaaaaaaaaaaa now.\n\n'; i=$((i + 1)); done
} >"$out/text/made_many-sentences.txt"

for f in "$src"/tests/fuzz/regressions/*; do
  [ -f "$f" ] || continue
  case ${f##*/} in
  text-*) put text "$f" ;;
  xml-*) put xml "$f" ;;
  rules-*) put rules "$f" ;;
  office-*) put office "$f" ;;
  esac
done

# The eForms examples below 64 KiB (the fuzz runs cap inputs there anyway).
if [ -d "$shared/eforms-sdk" ]; then
  for f in "$shared"/eforms-sdk/*.xml; do
    [ "$(wc -c <"$f")" -le 65536 ] && cp "$f" "$out/xml/shared_${f##*/}"
  done
fi
# Thirty Doffin notices as plain text: title, a blank line, the description.
if [ -f "$shared/doffin-2020/notices-dev.jsonl" ] && command -v python3 >/dev/null; then
  python3 - "$shared/doffin-2020/notices-dev.jsonl" "$out/text" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i % 28:
            continue
        n = json.loads(line)
        body = n["title"] + "\n\nCPV " + n["cpv"] + "\n\n" + "\n\n".join(n["description"]) + "\n"
        with open(f"{sys.argv[2]}/doffin_{n['index']}.txt", "w", encoding="utf-8") as o:
            o.write(body)
PY
fi
echo "seed corpora in $out: $(ls "$out/text" | wc -l) text, $(ls "$out/xml" | wc -l) xml, $(ls "$out/rules" | wc -l) rules"
