#!/usr/bin/env python3
"""The HTML page of circheck stats in Chromium: it renders without console messages or script
errors, its three SVG charts are in the rendered DOM, and a screenshot shows the bars in their
colours (pass dark green, partial light green, groups blue).

Usage: stats_browser.py CIRCHECK SOURCE_DIR     (exit 77 when chromium is not installed)
"""
import os, shutil, struct, subprocess, sys, tempfile, zlib

def png_pixels(path):
    """Decodes an 8-bit RGB or RGBA PNG (what Chromium writes) into rows of bytes."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, bpp = 8, b"", 0, 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise ValueError("not 8-bit RGB(A)")
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
    raw, stride, rows, prev, i = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows

def count_colour(image, rgb):
    width, height, bpp, rows = image
    want = bytes(rgb)
    return sum(1 for row in rows for x in range(width) if row[x * bpp:x * bpp + 3] == want)

def main():
    binary, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("skipped: chromium is not installed")
        sys.exit(77)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "stats.html")
        r = subprocess.run([binary, "stats", "--format", "html", "--by", "quarter",
                            "--compare", "2024-Q1", "--compare", "2024-Q2", "-o", page,
                            "tests/data/stats/portfolio.jsonl"], cwd=src, capture_output=True)
        if r.returncode != 0:
            print("FAIL: stats exited", r.returncode, r.stderr.decode())
            sys.exit(1)
        common = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--user-data-dir=" + os.path.join(tmp, "p"),
                  "--enable-logging=stderr", "--v=0"]
        p = subprocess.run(common + ["--dump-dom", "file://" + page], capture_output=True,
                           timeout=120)
        dom = p.stdout.decode("utf-8", "replace")
        for line in p.stderr.decode("utf-8", "replace").splitlines():
            if "CONSOLE" in line or "Uncaught" in line:
                failures.append("the page logged: " + line)
        if dom.count("<svg") != 3 or "<polyline" not in dom or 'id="comparison"' not in dom:
            failures.append("the rendered DOM lacks the three charts or the comparison")
        shot = os.path.join(tmp, "stats.png")
        p = subprocess.run(common + ["--window-size=1000,2600", "--screenshot=" + shot,
                                     "file://" + page], capture_output=True, timeout=120)
        if not os.path.exists(shot):
            failures.append("no screenshot (exit %d)" % p.returncode)
        else:
            image = png_pixels(shot)
            # bars: warranty 3 pass of 7 and take-back 2 of 8 in dark green, partial light
            # green, four quarters in blue; each bar is 14 pixels high
            for name, rgb, least in (("pass", (0x1b, 0x6b, 0x3a), 14 * 100),
                                     ("partial", (0x9a, 0xe6, 0xb4), 14 * 40),
                                     ("groups", (0x2b, 0x6c, 0xb0), 14 * 100)):
                n = count_colour(image, rgb)
                if n < least:
                    failures.append(f"{name} bars: {n} pixels of their colour, want {least}+")
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print("the statistics page renders in Chromium with its charts")

if __name__ == "__main__":
    main()
