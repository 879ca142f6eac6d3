#!/usr/bin/env bash
# circheck's office benchmark (not part of ctest): a 200-page Word file and a
# 100-page PDF, made in a temporary folder with LibreOffice from the furniture
# sample repeated, each checked with every pack forced (best of 5), beside the
# same document as plain text; the difference is the reader's share.
#   tests/bench/office.sh
#   BUILD_DIR=build   where circheck is built
# Needs LibreOffice (soffice), pdftotext (poppler-utils) and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${BUILD_DIR:-build}/circheck
for tool in soffice pdftotext python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 2; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/circheck-office.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# one HTML page of the sample, its body repeated N times
make_html() {
  python3 - "$1" "$2" <<'PY'
import re, sys
sys.path.insert(0, "scripts")
from office_samples import to_html
page = to_html("samples/furniture-nb.txt")
head, body = page.split("<body>", 1)
body = body.rsplit("</body>", 1)[0]
open(sys.argv[2], "w", encoding="utf-8").write(head + "<body>" + body * int(sys.argv[1]) + "</body></html>\n")
PY
}
make_html 86 "$tmp/big.html"
soffice --headless "--infilter=HTML (StarWriter)" --convert-to "docx:MS Word 2007 XML" \
  --outdir "$tmp" "$tmp/big.html" >/dev/null 2>&1
make_html 44 "$tmp/pdf.html"
soffice --headless "--infilter=HTML (StarWriter)" --convert-to "pdf:writer_pdf_Export" \
  --outdir "$tmp" "$tmp/pdf.html" >/dev/null 2>&1
pdftotext "$tmp/big.docx" /dev/null 2>/dev/null || true
soffice --headless --convert-to txt:Text --outdir "$tmp" "$tmp/big.docx" >/dev/null 2>&1
pdftotext "$tmp/pdf.pdf" "$tmp/pdf.txt"

packs=$("$bin" rules list | sed -n 's/^\([a-z0-9-]*\): .*/--pack \1/p' | tr '\n' ' ')
best() { # best of 5 wall-clock seconds of: circheck check FILE
  python3 - "$bin" "$1" $packs <<'PY'
import subprocess, sys, time
b, f, packs = sys.argv[1], sys.argv[2], sys.argv[3:]
ts = []
for _ in range(5):
    t = time.perf_counter()
    subprocess.run([b, "check", "--format", "json", "--fail-on", "never"] + packs + [f],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    ts.append(time.perf_counter() - t)
print("%.3f" % min(ts))
PY
}
pages() { python3 -c "import sys,re; d=open(sys.argv[1],'rb').read(); print(len(re.findall(rb'/Type\s*/Page[^s]', d)))" "$1"; }
docx=$(best "$tmp/big.docx"); docx_txt=$(best "$tmp/big.txt")
pdf=$(best "$tmp/pdf.pdf"); pdf_txt=$(best "$tmp/pdf.txt")
soffice --headless --convert-to "pdf:writer_pdf_Export" --outdir "$tmp" "$tmp/big.docx" >/dev/null 2>&1
echo "Word file: $(pages "$tmp/big.pdf") pages, $(stat -c %s "$tmp/big.docx") bytes"
echo "  check ${docx} s; the same text as .txt ${docx_txt} s; reader's share ~$(python3 -c "print('%.0f %%' % (100*max(0,$docx-$docx_txt)/$docx))")"
echo "PDF: $(pages "$tmp/pdf.pdf") pages, $(stat -c %s "$tmp/pdf.pdf") bytes"
echo "  check ${pdf} s; the same text as .txt ${pdf_txt} s; reader's share ~$(python3 -c "print('%.0f %%' % (100*max(0,$pdf-$pdf_txt)/$pdf))")"
echo "goal: each under 1 s"
