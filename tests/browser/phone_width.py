#!/usr/bin/env python3
"""The HTML report and checklist fit a phone: loaded at 360, 375, 414 and
585 px wide in headless Chromium, the page does not scroll sideways and no
element runs past the right edge of the screen (what sits inside a box that
scrolls or clips on its own is that box's business, and the box is checked).

usage: phone_width.py CIRCHECK SOURCE_DIR

The report allows no script of another origin, so it is loaded into
iframes of a small page of the test's own, which measures each frame once
it has loaded (Chromium with --allow-file-access-from-files lets a local
page read a local frame) and writes what it found into its DOM;
--dump-dom prints that. Exit 77 when Chromium is not installed.
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

WIDTHS = (360, 375, 414, 585)

# Runs in the test page: for each frame, the elements wider than the frame's
# viewport or reaching past its right edge, skipping those inside an element
# that scrolls or clips sideways and what is hidden off-screen on purpose.
MEASURE = r"""
function clipped(el, win) {
  for (var a = el.parentElement; a; a = a.parentElement) {
    var o = win.getComputedStyle(a).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
  }
  return false;
}
function describe(el) {
  var s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  if (el.className && typeof el.className === 'string') s += '.' + el.className.split(' ').join('.');
  return s;
}
function measure(frame) {
  var win = frame.contentWindow, doc = frame.contentDocument, vw = doc.documentElement.clientWidth;
  var out = [];
  if (doc.documentElement.scrollWidth > vw)
    out.push('page scrolls sideways: ' + doc.documentElement.scrollWidth + ' > ' + vw);
  var all = doc.body.getElementsByTagName('*');
  for (var i = 0; i < all.length; i++) {
    var el = all[i], r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= 0 || clipped(el, win)) continue;
    if (r.right > vw + 0.5 || r.width > vw + 0.5)
      out.push(describe(el) + ' right=' + Math.round(r.right) + ' width=' + Math.round(r.width));
  }
  return 'width ' + frame.width + ': ' + (out.length ? out.slice(0, 20).join('; ') : 'fits');
}
var pending = document.getElementsByTagName('iframe').length;
function loaded() {
  if (--pending > 0) return;
  var lines = [];
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) lines.push(measure(frames[i]));
  var pre = document.createElement('pre');
  pre.id = 'result';
  pre.textContent = lines.join('\n');
  document.body.appendChild(pre);
}
"""


def browser():
    for b in ("chromium", "chromium-browser"):
        if shutil.which(b):
            return b
    return None


def measure(chromium, tmp, page):
    frames = "".join(
        f'<iframe width="{w}" height="900" style="border:0;display:block" '
        f'onload="loaded()" src="{html.escape(os.path.basename(page))}"></iframe>'
        for w in WIDTHS)
    test_page = os.path.join(tmp, "measure.html")
    with open(test_page, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>" + MEASURE +
                "</script></head><body style=\"margin:0\">" + frames + "</body></html>")
    r = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--user-data-dir=" + os.path.join(tmp, "profile"),
         "--allow-file-access-from-files", "--window-size=1280,4000",
         "--virtual-time-budget=10000", "--dump-dom", "file://" + test_page],
        capture_output=True, timeout=180)
    m = re.search(r'<pre id="result">(.*?)</pre>', r.stdout.decode(), re.S)
    if not m:
        print(r.stderr.decode()[-2000:], file=sys.stderr)
        return None
    return html.unescape(m.group(1)).splitlines()


def main():
    circheck, src = sys.argv[1], sys.argv[2]
    chromium = browser()
    if not chromium:
        print("chromium is not installed: skipped")
        return 77
    samples = os.path.join(src, "samples")
    pages = {
        "report of one tender": ["check", "--format", "html", "--fail-on", "never",
                                 os.path.join(samples, "furniture-nb.txt")],
        "report of a notice with lots": [
            "check", "--format", "html", "--fail-on", "never",
            os.path.join(src, "tests", "data", "eforms", "two-lots-cpv.xml")],
        "report of every sample": ["check", "--format", "html", "--fail-on", "never", samples],
        "checklist": ["checklist", "--pack", "furniture", "--pack", "ict", "--lang", "en",
                      "--level", "advanced", "--format", "html"],
    }
    failed = 0
    for name, args in pages.items():
        with tempfile.TemporaryDirectory() as tmp:
            page = os.path.join(tmp, "page.html")
            r = subprocess.run([circheck] + args + ["-o", page], capture_output=True,
                               timeout=120)
            if r.returncode not in (0, 1) or not os.path.exists(page):
                print(f"FAILED: {name}: circheck exit {r.returncode}: {r.stderr.decode()}",
                      file=sys.stderr)
                failed += 1
                continue
            lines = measure(chromium, tmp, page)
            if lines is None or len(lines) != len(WIDTHS):
                print(f"FAILED: {name}: no measurement from Chromium: {lines}", file=sys.stderr)
                failed += 1
                continue
            for line in lines:
                ok = line.endswith(": fits")
                print(("ok: " if ok else "FAILED: ") + f"{name}, {line}", flush=True)
                failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
