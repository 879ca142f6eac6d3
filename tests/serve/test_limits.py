#!/usr/bin/env python3
"""`circheck serve` under hostile requests: each case is answered or cut off
as documented, and the server stays healthy (GET /healthz and a real check
still work after each).

usage: test_limits.py BIN SOURCE_DIR

- hostile uploads (an entity bomb, deep nesting, malformed XML, a zip bomb in
  a Word file, binary bytes, an empty body, an image, a broken PDF, a file
  over the input cap): 4xx with the one line `circheck check` prints;
- the upload cap: a body that says it is larger is refused with 413 before it
  is read; one without a length is cut off when it passes the cap;
- the time limit: an upload that trickles in is cut off, and a check that
  waits for a turn longer than the limit gets 503;
- the cap on concurrent checks: beyond the queue, 503 with Retry-After;
  within it, every check is answered;
- the header limit: 431;
- SIGTERM during an upload: the answer is finished, new connections are
  refused, exit 0;
- nothing is written to disk: after uploads of every format, the server's
  working folder and its TMPDIR are still empty."""
import io
import json
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serverlib import Server, cli, fail  # noqa: E402


def healthy(srv, sample):
    status, _, _ = srv.request("GET", "/healthz", timeout=10)
    if status != 200:
        fail("the server is not healthy after the last case")
    status, _, _ = srv.request("POST", "/api/check?name=s.md", sample, timeout=30)
    if status != 200:
        fail("a normal check fails after the last case: %d" % status)


def docx_bomb():
    """A Word file whose document part inflates 2,000-fold."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Override PartName="/word/document.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.'
                   'wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", b"<w:document>" + b" " * (200 << 20) + b"</w:document>")
    return buf.getvalue()


def hostile_inputs(sample):
    laughs = ['<!ENTITY a0 "ha">'] + ['<!ENTITY a%d "%s">' % (i, ("&a%d;" % (i - 1)) * 10)
                                      for i in range(1, 10)]
    return [
        ("bomb.xml", ('<?xml version="1.0"?><!DOCTYPE t [%s]><t>&a9;</t>' %
                      "".join(laughs)).encode()),
        ("deep.xml", b"<a>" * 100000 + b"text" + b"</a>" * 100000),
        ("broken.xml", b"<tender><title>Tender</title><section>unclosed</tender>\n"),
        ("bomb.docx", docx_bomb()),
        ("binary.txt", bytes(range(256)) * 64),
        ("empty.txt", b""),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj <</Type/Catalog>> endobj\n%%EOF\n"),
        ("latin.txt", b"\xff\xfe" + b"\x00\xd8" * 8),  # UTF-16 with a lone surrogate
    ]


def raw_http(port, head, parts, pause=0.0):
    """Sends 'head' and then each of 'parts' (pausing between them); returns
    what comes back, or b'' when the connection is closed without an answer."""
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    try:
        s.sendall(head)
        for p in parts:
            time.sleep(pause)
            s.sendall(p)
        out = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
        return out
    except (BrokenPipeError, ConnectionResetError):
        return b""
    finally:
        s.close()


def main():
    binary, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(src, "samples", "furniture-en.md"), "rb") as f:
        sample = f.read()
    work = tempfile.mkdtemp(prefix="circheck-serve-limits-")

    # --- hostile uploads: the CLI's one line, 4xx, and the server lives on
    srv = Server(binary, ["--max-upload", "64M"])
    try:
        cases = hostile_inputs(sample)
        for name, data in cases:
            path = os.path.join(work, name)
            with open(path, "wb") as f:
                f.write(data)
            rc, _, err = cli(binary, ["check", name], work)
            os.unlink(path)
            if rc != 2 or len(err.strip().splitlines()) != 1:
                fail("%s: the CLI itself gives %d and %r" % (name, rc, err))
            t = time.time()
            status, _, body = srv.request("POST", "/api/check?name=" + name, data)
            if not 400 <= status < 500:
                fail("%s: status %d" % (name, status))
            got = json.loads(body)["error"]
            if got != err.strip():
                fail("%s: the API says %r, the CLI %r" % (name, got, err.strip()))
            healthy(srv, sample)
            print("%-11s %d in %.2fs: %s" % (name, status, time.time() - t, got))
        # the input cap of the library holds too (64 MiB) when the upload cap is larger
    finally:
        if srv.stop() != 0:
            fail("exit code after the hostile uploads")
        srv.close()
        shutil.rmtree(work, ignore_errors=True)

    # --- upload cap, time limit, header limit
    srv = Server(binary, ["--max-upload", "1000", "--timeout", "2"])
    try:
        status, headers, body = srv.request("POST", "/api/check?name=a.txt", b"a" * 5000)
        if status != 413 or "1000 bytes" not in json.loads(body)["error"]:
            fail("over the upload cap: %d %r" % (status, body))
        # without a length: cut off once past the cap, nothing checked
        got = raw_http(srv.port, b"POST /api/check?name=a.txt HTTP/1.1\r\nHost: x\r\n"
                                 b"Transfer-Encoding: chunked\r\n\r\n",
                       [b"400\r\n" + b"a" * 0x400 + b"\r\n"] * 3 + [b"0\r\n\r\n"])
        if b" 200 " in got.split(b"\r\n", 1)[0]:
            fail("a chunked upload past the cap was checked")
        healthy(srv, b"Leverand\xc3\xb8ren skal ta tilbake emballasjen.\n")
        # a trickle: 5 bytes every 0.3 s is cut off after the 2 s limit
        t = time.time()
        got = raw_http(srv.port, b"POST /api/check?name=a.txt HTTP/1.1\r\nHost: x\r\n"
                                 b"Content-Length: 500\r\n\r\n", [b"aaaaa"] * 30, pause=0.3)
        if got or time.time() - t > 6:
            fail("a trickling upload was not cut off at the time limit (%.1fs, %r)" %
                 (time.time() - t, got[:80]))
        # headers beyond --max-header-bytes (16384 by default)
        status, _, _ = srv.request("GET", "/healthz", headers={"X-Big": "a" * 40000})
        if status != 431:
            fail("a 40 kB header: %d" % status)
        healthy(srv, b"Leverand\xc3\xb8ren skal ta tilbake emballasjen.\n")
        log = srv.wait_log(lambda t: "POST /api/check 413 " in t and "too slow" in t)
        if "POST /api/check 413 " not in log or "too slow" not in log:
            fail("the log does not show the refusals:\n" + log)
        print("upload cap 413, chunked past the cap cut off, trickle cut off at 2 s, header 431")
    finally:
        if srv.stop() != 0:
            fail("exit code after the limits")
        srv.close()

    # --- the cap on concurrent checks: a slow check (a 30 MB tender) holds
    # the only turn; with no queue the next check is refused with Retry-After
    big = sample * (30_000_000 // len(sample))
    srv = Server(binary, ["--max-checks", "1", "--queue", "0", "--max-upload", "64M"])
    try:
        slow = {}
        th = threading.Thread(target=lambda: slow.update(
            r=srv.request("POST", "/api/check?name=big.md", big, timeout=120)))
        th.start()
        # ask only once the big check holds the turn: asked earlier, a small
        # check could take the turn first and the big one be the one refused
        deadline = time.time() + 60
        while th.is_alive() and time.time() < deadline:
            health = json.loads(srv.request("GET", "/healthz")[2])
            if health["checks_running"] == 1:
                break
            time.sleep(0.02)
        refused = None
        while th.is_alive() and time.time() < deadline and refused is None:
            status, headers, body = srv.request("POST", "/api/check?name=s.md", sample)
            if status == 503:
                refused = headers
            time.sleep(0.02)
        th.join()
        if refused is None or refused.get("retry-after") != "5":
            fail("no 503 with Retry-After while the only turn was taken: %r" % refused)
        if slow["r"][0] != 200:
            fail("the slow check itself: %d" % slow["r"][0])
        status, _, _ = srv.request("GET", "/", timeout=10)
        if status != 200:
            fail("pages must not wait for checks")
        print("one turn, no queue: 503 with Retry-After: 5 while it is taken")
    finally:
        srv.stop()
        srv.close()

    # a queue: checks wait for a turn and are all answered; one that would
    # wait past the time limit gets 503
    srv = Server(binary, ["--max-checks", "1", "--queue", "8", "--max-upload", "64M",
                          "--timeout", "1"])
    try:
        results = []
        lock = threading.Lock()

        def one(body, name):
            r = srv.request("POST", "/api/check?name=" + name, body, timeout=120)
            with lock:
                results.append((name, r[0]))
        slow = threading.Thread(target=one, args=(big, "big.md"))
        slow.start()
        deadline = time.time() + 60
        while time.time() < deadline:  # until the 30 MB upload is in and being checked
            health = json.loads(srv.request("GET", "/healthz")[2])
            if health["checks_running"] == 1:
                break
            time.sleep(0.02)
        waiting = [threading.Thread(target=one, args=(sample, "s%d.md" % i)) for i in range(3)]
        for t in waiting:
            t.start()
        for t in waiting + [slow]:
            t.join()
        statuses = dict(results)
        if statuses["big.md"] != 200 or any(statuses["s%d.md" % i] != 503 for i in range(3)):
            fail("waiting past the 1 s limit: %s" % results)
    finally:
        srv.stop()
        srv.close()
    srv = Server(binary, ["--max-checks", "1", "--queue", "8"])
    try:
        results = []
        threads = [threading.Thread(target=one, args=(sample, "q%d.md" % i)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if sorted(s for _, s in results) != [200] * 8:
            fail("eight checks within the queue: %s" % results)
        print("a queue of 8: all answered; waiting past the time limit: 503")
    finally:
        srv.stop()
        srv.close()

    # --- uploads are checked in memory: nothing appears in the working folder
    # or the temporary folder (TMPDIR) of the server
    home = tempfile.mkdtemp(prefix="circheck-serve-cwd-")
    tmp = tempfile.mkdtemp(prefix="circheck-serve-tmp-")
    env = dict(os.environ, TMPDIR=tmp)
    srv = Server(binary, cwd=home, env=env)
    try:
        office = os.path.join(src, "samples", "office")
        for name in ("furniture-en.docx", "cleaning-nb.odt", "ict-en.pdf", "canteen-nn.html"):
            with open(os.path.join(office, name), "rb") as f:
                data = f.read()
            if srv.upload("/check", [], [("file", name, data)])[0] != 200 or \
                    srv.upload("/api/check", [], [("file", name, data)])[0] != 200:
                fail("%s: not checked" % name)
        left = os.listdir(home) + os.listdir(tmp)
        if left:
            fail("files written while checking uploads: %s" % left)
        print("uploads of Word, OpenDocument, PDF and HTML files left nothing on disk")
    finally:
        srv.stop()
        srv.close()
        os.rmdir(home)
        os.rmdir(tmp)

    # --- SIGTERM during an upload: the answer is finished, exit 0
    srv = Server(binary, cwd=os.path.join(src, "samples"))
    try:
        _, want, _ = cli(binary, ["check", "--format", "json", "furniture-en.md"],
                         os.path.join(src, "samples"))
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=30)
        s.sendall(b"POST /api/check?name=furniture-en.md HTTP/1.1\r\nHost: x\r\n"
                  b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(sample))
        s.sendall(sample[:len(sample) // 2])
        time.sleep(0.3)
        srv.proc.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        try:
            socket.create_connection(("127.0.0.1", srv.port), timeout=2).close()
            fail("a new connection was accepted after SIGTERM")
        except OSError:
            pass
        if srv.proc.poll() is not None:
            fail("the server exited with an upload in flight")
        s.sendall(sample[len(sample) // 2:])
        answer = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
        s.close()
        head, _, body = answer.partition(b"\r\n\r\n")
        if b" 200 " not in head.split(b"\r\n")[0] or body != want:
            fail("the upload in flight at SIGTERM: %r" % head[:100])
        code = srv.proc.wait(30)
        if code != 0:
            fail("exit %d after SIGTERM" % code)
        if "SIGTERM: finishing 1 request(s) in flight" not in srv.wait_log(
                lambda t: "SIGTERM: finishing" in t):
            fail("the log does not say it finished the request in flight")
        print("SIGTERM during an upload: refused new connections, answered it, exit 0")
    finally:
        srv.close()


if __name__ == "__main__":
    main()
