#!/usr/bin/env python3
"""The Debian package end to end: cpack builds the .deb from the build folder,
dpkg installs it into a scratch root whose package database is a copy of this
machine's (so dpkg checks Depends against what is really installed, and the
machine itself is not touched), the installed circheck checks a sample, and
dpkg -L lists the man page and the completion.

Also: Depends names the package of every library the binary links, and of
those it opens with dlopen() (poppler-glib on the first PDF, libzip on the first
Word or OpenDocument file, libmicrohttpd for `serve`), which the installed binary
finds by their names; an empty database (a machine with none of them) makes dpkg
refuse the package.

usage: package.py BUILD_DIR SAMPLES_DIR
Exit 77 (skipped) where there is no dpkg, dpkg-shlibdeps or cpack.
"""
import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAILED: " + what, file=sys.stderr)


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, text=True, **kw)


def scratch_root(base, with_status):
    """A root folder and a dpkg database for it; the database starts as a
    copy of this machine's status file, or empty."""
    admin = os.path.join(base, "admin")
    for sub in ("info", "updates", "triggers"):
        os.makedirs(os.path.join(admin, sub))
    if with_status:
        shutil.copy("/var/lib/dpkg/status", os.path.join(admin, "status"))
    else:
        open(os.path.join(admin, "status"), "w").close()
    open(os.path.join(admin, "available"), "w").close()
    root = os.path.join(base, "root")
    os.makedirs(root)
    # --path-include undoes the path-exclude lines that slim images (Docker's
    # debian:*-slim) put in /etc/dpkg/dpkg.cfg.d to drop man pages and docs
    dpkg = ["dpkg", "--admindir=" + admin, "--instdir=" + root, "--path-include=/*"]
    if os.geteuid() != 0:
        dpkg.append("--force-not-root")
    return root, dpkg


def owner_package(path):
    """The Debian package that holds 'path' (a library), or None."""
    candidates = {path, os.path.realpath(path)}
    for p in list(candidates):  # merged /usr: dpkg may know either spelling
        candidates.add(p[4:] if p.startswith("/usr/") else "/usr" + p)
    for p in candidates:
        r = run(["dpkg", "-S", p])
        if r.returncode == 0:
            return r.stdout.split(":")[0].strip()
    return None


def main():
    build, samples = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    for tool in ("dpkg", "dpkg-deb", "dpkg-shlibdeps", "cpack"):
        if not shutil.which(tool):
            print("skipped: no %s here" % tool)
            return 77
    version = run([os.path.join(build, "circheck"), "--version"]).stdout.split()[1]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        r = run(["cpack", "-G", "DEB", "-B", out, "--config",
                 os.path.join(build, "CPackConfig.cmake")], cwd=build)
        check(r.returncode == 0, "cpack: %s%s" % (r.stdout[-2000:], r.stderr[-2000:]))
        debs = [f for f in os.listdir(out) if f.endswith(".deb")] if r.returncode == 0 else []
        check(len(debs) == 1, "one .deb made: %s" % debs)
        if len(debs) != 1:
            return 1
        deb = os.path.join(out, debs[0])
        check(debs[0].startswith("circheck_%s_" % version), "named by version: " + debs[0])

        # the control fields
        fields = run(["dpkg-deb", "-f", deb, "Package", "Version", "Depends", "Description"]).stdout
        check("Package: circheck" in fields and "Version: %s" % version in fields,
              "package and version: " + fields)
        depends = re.search(r"^Depends: (.*)$", fields, re.M)
        depends = depends.group(1) if depends else ""
        dep_names = {d.strip().split()[0] for alt in depends.split(",") for d in alt.split("|")
                     if d.strip()}
        check("GPL-3.0-or-later" in fields, "the description states the licence")
        # every library the binary links itself (its NEEDED entries; what
        # they link in turn is their packages' business) comes from a package
        # in Depends
        binary_built = os.path.join(build, "circheck")
        needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.*?)\]",
                            run(["readelf", "-d", binary_built]).stdout)
        where = dict(re.findall(r"^\s*(\S+) => (/\S+)", run(["ldd", binary_built]).stdout, re.M))
        check(len(needed) >= 6 and all(n in where for n in needed),
              "the libraries linked: %s, found at %s" % (needed, where))
        for lib in (where[n] for n in needed if n in where):
            pkg = owner_package(lib)
            if pkg is None:
                continue  # not from a package (a local build of a library): nothing to name
            check(pkg in dep_names, "Depends names %s (for %s): %s" % (pkg, lib, depends))
        for want in ("libpoppler-glib8", "libmicrohttpd12", "libglib2.0-0", "libxml2", "libcsv3",
                     "libzip4", "libpcre2-8-0", "libc6"):
            check(want in dep_names, "Depends has %s: %s" % (want, depends))
        # the libraries opened with dlopen() are not linked, yet depended on
        # with the version their functions need (from the symbols files)
        for lib in ("libpoppler-glib", "libmicrohttpd", "libglib-2.0", "libgobject-2.0", "libzip"):
            check(not any(n.startswith(lib + ".so") for n in needed),
                  "%s is opened, not linked: %s" % (lib, needed))
        for want in ("libpoppler-glib8", "libmicrohttpd12", "libzip4"):
            check(re.search(r"(^|, )%s \(>= [0-9][^)]*\)" % re.escape(want), depends),
                  "Depends has %s with a version: %s" % (want, depends))

        # a machine with none of the libraries: dpkg refuses it
        bare_root, bare_dpkg = scratch_root(os.path.join(tmp, "bare"), with_status=False)
        r = run(bare_dpkg + ["-i", deb])
        check(r.returncode != 0 and "libpoppler-glib8" in r.stderr
              and "dependency problems" in r.stderr,
              "an empty system refuses it for its Depends: %s" % r.stderr[-1500:])

        # this machine's packages: it installs and runs
        root, dpkg = scratch_root(os.path.join(tmp, "sys"), with_status=True)
        r = run(dpkg + ["-i", deb])
        check(r.returncode == 0, "dpkg -i: %s" % r.stderr[-1500:])
        status = run(dpkg + ["-s", "circheck"]).stdout
        check("Status: install ok installed" in status, "installed: " + status[:300])
        listed = run(dpkg + ["-L", "circheck"]).stdout.split("\n")
        for path in ("/usr/bin/circheck", "/usr/share/man/man1/circheck.1.gz",
                     "/usr/share/bash-completion/completions/circheck",
                     "/usr/share/doc/circheck/copyright", "/usr/share/doc/circheck/LICENSE",
                     "/usr/share/doc/circheck/README.md",
                     "/usr/share/doc/circheck/docs/usage.md",
                     "/usr/share/doc/circheck/docs/ci.md"):
            check(path in listed, "dpkg -L lists %s" % path)

        binary = os.path.join(root, "usr/bin/circheck")
        r = run([binary, "-V"])
        check(r.stdout == "circheck %s\n" % version, "installed -V: %r" % r.stdout)
        sample = os.path.join(samples, "furniture-nb.txt")
        r = run([binary, "check", "--format", "json", sample])
        check(r.returncode == 1, "the sample misses criteria: exit 1 (got %d: %s)"
              % (r.returncode, r.stderr))
        try:
            report = json.loads(r.stdout)
            doc = report["documents"][0]
            check(report["tool"]["version"] == version, "the report's version")
            check(doc["language"] == "nb" and "furniture" in doc["packs"],
                  "the sample read as a Norwegian furniture tender: %s" % doc["packs"])
            check(doc["summary"]["fail"] > 0 and doc["summary"]["pass"] > 0,
                  "passes and fails: %s" % doc["summary"])
        except (ValueError, KeyError, IndexError) as e:
            check(False, "the installed circheck's JSON report: %s" % e)
        r = run([binary, "check", "--fail-on", "never", sample])
        check(r.returncode == 0 and "lifetime.warranty" in r.stdout, "text report, exit 0")
        # a PDF and a Word file: the installed binary opens poppler-glib and
        # libzip by the names it was built with, and writes a Word file
        for kind in ("pdf", "docx"):
            office = os.path.join(samples, "office", "furniture-nb." + kind)
            r = run([binary, "check", "--format", "json", office])
            try:
                doc = json.loads(r.stdout)["documents"][0]
                check(r.returncode == 1 and doc["format"] == kind and doc["summary"]["pass"] > 0,
                      "the installed circheck reads a %s file: exit %d, %s"
                      % (kind, r.returncode, r.stderr))
            except (ValueError, KeyError, IndexError) as e:
                check(False, "the installed circheck's report of a %s file: %s %s"
                      % (kind, e, r.stderr))
        word = os.path.join(tmp, "checklist.docx")
        r = run([binary, "checklist", "--pack", "furniture", "--format", "docx", "-o", word])
        with open(word, "rb") if os.path.exists(word) else open(os.devnull, "rb") as f:
            head = f.read(4)
        check(r.returncode == 0 and head == b"PK\x03\x04",
              "the installed circheck writes a Word file: exit %d, %s" % (r.returncode, r.stderr))
        # serve: it opens libmicrohttpd, listens, and stops on SIGTERM
        server = subprocess.Popen([binary, "serve", "--port", "0"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True)
        first = server.stderr.readline()
        server.send_signal(signal.SIGTERM)
        try:
            rest = server.communicate(timeout=30)[1]
        except subprocess.TimeoutExpired:
            server.kill()
            rest = server.communicate()[1]
        check("listening on http://127.0.0.1:" in first and server.returncode == 0,
              "the installed circheck serves: exit %s, %r" % (server.returncode, first + rest))

        # the installed man page renders without warnings and is the built one
        man = os.path.join(root, "usr/share/man/man1/circheck.1.gz")
        if os.path.exists(man):
            r = run(["man", "--warnings", "-l", man], env=dict(os.environ, MANWIDTH="80"))
            check(r.returncode == 0 and r.stderr == "", "man -l: %s" % r.stderr)
            check("--color" in r.stdout and "EXIT STATUS" in r.stdout, "the man page's text")
            with gzip.open(man) as f, open(os.path.join(build, "circheck.1"), "rb") as built:
                check(f.read() == built.read(), "the installed man page is the built one")
        # the installed completion loads and completes
        comp = os.path.join(root, "usr/share/bash-completion/completions/circheck")
        r = run(["bash", "-c", 'source "$1"; COMP_WORDS=(circheck check --format s); '
                 'COMP_CWORD=3; _circheck; echo "${COMPREPLY[*]}"', "-", comp])
        check(r.stdout.strip() == "sarif", "installed completion: %r %r" % (r.stdout, r.stderr))

    if failures:
        print("%d failed" % len(failures), file=sys.stderr)
        return 1
    print("package checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
