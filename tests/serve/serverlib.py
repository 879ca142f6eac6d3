"""Starting `circheck serve` on a free loopback port for a test, and talking
to it with the standard library only (urllib, http.client, socket)."""
import http.client
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import uuid


class Server:
    """A `circheck serve --port 0` child; its log goes to a file so that a
    test can read the request lines."""

    def __init__(self, binary, args=(), cwd=None, env=None):
        self.log = tempfile.NamedTemporaryFile(prefix="circheck-serve-", suffix=".log",
                                               delete=False)
        self.proc = subprocess.Popen([binary, "serve", "--port", "0", *args], cwd=cwd,
                                     stdout=subprocess.DEVNULL, stderr=self.log, env=env)
        deadline = time.time() + 20
        self.port = None
        while time.time() < deadline and self.port is None:
            m = re.search(r"listening on http://[^ ]*:(\d+)/", self.log_text())
            if m:
                self.port = int(m.group(1))
            elif self.proc.poll() is not None:
                break
            else:
                time.sleep(0.05)
        if self.port is None:
            raise SystemExit("FAILED: the server did not start:\n" + self.log_text())

    def log_text(self):
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            return f.read()

    def wait_log(self, done, timeout=10):
        """The log once done(log) holds, or as it is after 'timeout' seconds:
        a request's line is written after its answer has gone out."""
        deadline = time.time() + timeout
        while True:
            log = self.log_text()
            if done(log) or time.time() > deadline:
                return log
            time.sleep(0.05)

    def request(self, method, path, body=None, headers=None, timeout=60):
        """Returns (status, headers as a dict with lower-case names, body bytes)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            data = resp.read()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data
        finally:
            conn.close()

    def upload(self, path, fields, files, timeout=60):
        """POSTs a multipart form: 'fields' a list of (name, value), 'files' a
        list of (name, filename, bytes)."""
        body, ctype = multipart(fields, files)
        return self.request("POST", path, body, {"Content-Type": ctype}, timeout)

    def stop(self, sig=signal.SIGTERM, timeout=30):
        """Sends 'sig' and returns the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise SystemExit("FAILED: the server did not stop within %ds" % timeout)

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.unlink(self.log.name)


def multipart(fields, files):
    boundary = "circheck-" + uuid.uuid4().hex
    out = bytearray()
    for name, value in fields:
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" %
                (boundary, name)).encode()
        out += value.encode() if isinstance(value, str) else value
        out += b"\r\n"
    for name, filename, data in files:
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n" %
                (boundary, name, filename)).encode()
        out += data + b"\r\n"
    out += ("--%s--\r\n" % boundary).encode()
    return bytes(out), "multipart/form-data; boundary=" + boundary


def cli(binary, args, cwd):
    """Runs the command line; returns (exit code, stdout bytes, stderr text)."""
    p = subprocess.run([binary, *args], cwd=cwd, capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def fail(msg):
    print("FAILED: " + msg)
    sys.exit(1)
