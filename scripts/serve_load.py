#!/usr/bin/env python3
"""A load test of `circheck serve` that stops by itself.

usage: serve_load.py BIN SOURCE_DIR [--checks 2000] [--clients 16]

Starts the server on a free loopback port and sends CHECKS checks of the
samples (samples/ and samples/office/, in turn) from CLIENTS concurrent
clients, each on its own keep-alive connection, as raw bodies to POST
/api/check?name=NAME. Every answer must be 200 and byte for byte the JSON
`circheck check --format json NAME` writes; the server's resident memory
after the run must be within 10 % of what it was after the first 100
checks (no leak). Both are read with no request in flight: the first 100
checks are sent by the same clients as the rest, and all wait there. Prints the figures docs/serve.md quotes; exits 1 on any
error or mismatch."""
import argparse
import http.client
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                "serve"))
from serverlib import Server, cli, fail  # noqa: E402


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("src")
    ap.add_argument("--checks", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=16)
    a = ap.parse_args()
    binary, src = os.path.abspath(a.bin), os.path.abspath(a.src)
    docs = []
    for folder in ("samples", "samples/office"):
        d = os.path.join(src, folder)
        for name in sorted(os.listdir(d)):
            p = os.path.join(d, name)
            if os.path.isfile(p) and name != "README.md":
                with open(p, "rb") as f:
                    data = f.read()
                _, want, _ = cli(binary, ["check", "--format", "json", name], d)
                docs.append((name, data, want))

    srv = Server(binary, ["--max-checks", "4", "--queue", "64"])
    lock = threading.Lock()
    state = {"next": 0, "done": 0, "errors": [], "latencies": []}
    rss = {}
    conns = {}

    def client(k, upto):
        conn = conns.get(k) or http.client.HTTPConnection("127.0.0.1", srv.port, timeout=120)
        while True:
            with lock:
                i = state["next"]
                if i >= upto or state["errors"]:
                    break
                state["next"] += 1
            name, data, want = docs[i % len(docs)]
            t = time.time()
            try:
                conn.request("POST", "/api/check?name=" + name, body=data)
                resp = conn.getresponse()
                got = resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException) as e:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=120)
                got, status = str(e).encode(), 0
            ms = (time.time() - t) * 1000
            with lock:
                state["latencies"].append(ms)
                if status != 200 or got != want:
                    state["errors"].append("%s: status %d, %s" % (
                        name, status, "same bytes" if got == want else "not the CLI's JSON"))
                state["done"] += 1
        conns[k] = conn  # kept open: the same connections go on after the pause

    def run(upto):
        threads = [threading.Thread(target=client, args=(k, upto)) for k in range(a.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    try:
        start = time.time()
        run(min(100, a.checks))
        time.sleep(0.2)
        rss["after_100"] = rss_kib(srv.proc.pid)
        run(a.checks)
        elapsed = time.time() - start
        time.sleep(0.2)
        rss["after"] = rss_kib(srv.proc.pid)
        for conn in conns.values():
            conn.close()
    finally:
        code = srv.stop()
        srv.close()
    if state["errors"]:
        fail("%d errors; the first: %s" % (len(state["errors"]), state["errors"][0]))
    if state["done"] != a.checks:
        fail("%d of %d checks done" % (state["done"], a.checks))
    lat = sorted(state["latencies"])
    growth = (rss["after"] - rss["after_100"]) / rss["after_100"] * 100
    print("%d checks of %d samples from %d clients in %.1f s: %.0f checks/s" %
          (a.checks, len(docs), a.clients, elapsed, a.checks / elapsed))
    print("every answer 200 and byte for byte the CLI's JSON")
    print("latency ms: median %.0f, 95th %.0f, max %.0f" %
          (lat[len(lat) // 2], lat[int(len(lat) * 0.95)], lat[-1]))
    print("resident memory: %.1f MiB after 100 checks, %.1f MiB after %d (%+.1f %%)" %
          (rss["after_100"] / 1024, rss["after"] / 1024, a.checks, growth))
    if abs(growth) > 10:
        fail("resident memory grew by %.1f %% (more than 10 %%)" % growth)
    if code != 0:
        fail("exit %d after SIGTERM" % code)


if __name__ == "__main__":
    main()
