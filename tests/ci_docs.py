#!/usr/bin/env python3
"""The files docs/ci.md gives as exact, tried: each is the fenced block after
a '<!-- file: NAME -->' line. The GitHub workflow must use the action with
inputs it has; the circheck commands of the GitLab job and the Jenkinsfile
are run on a weak tender and must write the reports those files collect; the
packages the GitLab job installs must be the ones circheck builds with; both
pre-commit configurations are run by pre-commit on scratch repositories (the
remote one pointed at a scratch copy of the hooks repository), failing on a
weak tender and passing on a good one.

usage: ci_docs.py CIRCHECK SOURCE_DIR
Exit 77 (skipped) without pre-commit or git.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAILED: " + what, file=sys.stderr)


def exact_files(text):
    files = {}
    for m in re.finditer(r"<!-- file: (.+?) -->\n```\w*\n(.*?)\n```", text, re.S):
        files[m.group(1)] = m.group(2) + "\n"
    return files


def workspace(base, source, tender):
    """A folder with tenders/anbud.txt: the sample furniture tender (weak) or
    the good one."""
    ws = os.path.join(base, "ws-" + tender)
    os.makedirs(os.path.join(ws, "tenders"))
    src = {"weak": "samples/furniture-nb.txt",
           "good": "tests/data/precommit/good-tender-nb.txt"}[tender]
    shutil.copy(os.path.join(source, src), os.path.join(ws, "tenders/anbud.txt"))
    return ws


def run_commands(commands, ws, env):
    """Runs each shell command in 'ws'; returns their exit codes."""
    return [subprocess.run(["bash", "-c", c], cwd=ws, env=env, capture_output=True).returncode
            for c in commands]


def git(args, cwd, env):
    subprocess.run(["git"] + args, cwd=cwd, env=env, check=True, capture_output=True)


def main():
    circheck, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    for tool in ("pre-commit", "git"):
        if not shutil.which(tool):
            print("skipped: no %s here" % tool)
            return 77
    files = exact_files(open(os.path.join(source, "docs/ci.md")).read())
    for name in (".github/workflows/circheck.yml", ".gitlab-ci.yml", "Jenkinsfile",
                 ".pre-commit-config.yaml", ".pre-commit-config.yaml (local)"):
        check(name in files, "docs/ci.md gives " + name)
    action = yaml.safe_load(open(os.path.join(source, "action.yml")))
    hooks = yaml.safe_load(open(os.path.join(source, ".pre-commit-hooks.yaml")))

    # the build packages: the first line of scripts/setup.sh's list
    setup = open(os.path.join(source, "scripts/setup.sh")).read()
    build_packages = re.search(r"packages=\(([^\n)]*)", setup).group(1).split()

    # GitHub: the workflow uses this action, with inputs it has
    wf = yaml.safe_load(files.get(".github/workflows/circheck.yml", "{}")) or {}
    steps = [s for job in wf.get("jobs", {}).values() for s in job.get("steps", [])]
    uses = [s for s in steps if re.fullmatch(r"[\w.-]+/circheck@[\w.-]+", s.get("uses", ""))]
    check(len(uses) == 1, "the workflow uses the circheck action once")
    for s in uses:
        check(set(s.get("with", {})) <= set(action["inputs"]),
              "the workflow's inputs are the action's: %s" % s.get("with"))
    check(wf.get("permissions", {}).get("security-events") == "write",
          "the workflow may upload to code scanning")
    check(any(s.get("uses", "").startswith("actions/checkout@") for s in steps),
          "the workflow checks out the repository")

    with tempfile.TemporaryDirectory() as tmp:
        bin_dir = os.path.join(tmp, "bin")
        os.makedirs(bin_dir)
        os.symlink(circheck, os.path.join(bin_dir, "circheck"))
        env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"], HOME=tmp,
                   PRE_COMMIT_HOME=os.path.join(tmp, "cache"), GIT_CONFIG_NOSYSTEM="1",
                   GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")

        # GitLab: the job's commands write the reports it collects; the job
        # fails on a weak tender; it installs what circheck builds with
        gl = yaml.safe_load(files.get(".gitlab-ci.yml", "{}")) or {}
        job = gl.get("circheck", {})
        before = " ".join(job.get("before_script", []))
        for p in build_packages:
            if p.endswith("-dev") or p in ("cmake", "pkg-config", "scdoc"):
                check(p in before, "the GitLab job installs %s" % p)
        ws = workspace(os.path.join(tmp, "gitlab"), source, "weak")
        codes = run_commands(job.get("script", []), ws, env)
        check(codes == [0, 1], "GitLab script: the SARIF run passes, the JUnit run fails the job "
              "on a weak tender: %s" % codes)
        junit = job.get("artifacts", {}).get("reports", {}).get("junit", "")
        try:
            root = ET.parse(os.path.join(ws, junit)).getroot()
            check(root.find(".//testsuite") is not None or root.tag == "testsuite",
                  "GitLab: the JUnit report has test suites")
            check(root.find(".//failure") is not None, "GitLab: the JUnit report has failures")
        except (OSError, ET.ParseError) as e:
            check(False, "GitLab: the JUnit report %r: %s" % (junit, e))
        for path in job.get("artifacts", {}).get("paths", []):
            check(os.path.exists(os.path.join(ws, path)), "GitLab: the artifact %s is written" % path)

        # Jenkins: the sh steps write the files the junit and archive steps take
        jf = files.get("Jenkinsfile", "")
        commands = re.findall(r"sh '(circheck [^']*)'", jf)
        check(len(commands) == 2, "the Jenkinsfile runs circheck twice: %s" % commands)
        ws = workspace(os.path.join(tmp, "jenkins"), source, "weak")
        codes = run_commands(commands, ws, env)
        check(codes == [0, 0], "Jenkins: the stage passes; the junit step judges: %s" % codes)
        junit = re.search(r"junit testResults: '([^']+)'", jf)
        check(junit is not None and os.path.exists(os.path.join(ws, junit.group(1))),
              "Jenkins: the junit step's file is written")
        archived = re.search(r"archiveArtifacts artifacts: '([^']+)'", jf)
        for path in (archived.group(1).split(", ") if archived else []):
            check(os.path.exists(os.path.join(ws, path)), "Jenkins: %s is written" % path)

        # pre-commit: a scratch hooks repository stands in for the remote one
        hooks_repo = os.path.join(tmp, "hooks")
        os.makedirs(hooks_repo)
        shutil.copy(os.path.join(source, ".pre-commit-hooks.yaml"), hooks_repo)
        git(["init", "-q"], hooks_repo, env)
        git(["add", "."], hooks_repo, env)
        git(["commit", "-qm", "hooks"], hooks_repo, env)
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks_repo, env=env,
                              capture_output=True, text=True).stdout.strip()
        remote = yaml.safe_load(files.get(".pre-commit-config.yaml", "{}")) or {}
        for repo in remote.get("repos", []):
            check(re.fullmatch(r"https://[\w./-]+/circheck", repo.get("repo", "")),
                  "the remote config names a circheck repository: %s" % repo.get("repo"))
            repo["repo"], repo["rev"] = hooks_repo, head
        local = yaml.safe_load(files.get(".pre-commit-config.yaml (local)", "{}")) or {}
        local_hook = local.get("repos", [{}])[0].get("hooks", [{}])[0]
        check(local_hook.get("files") == hooks[0]["files"] and
              local_hook.get("entry") == hooks[0]["entry"],
              "the local hook is the published one")
        for name, config in (("remote", remote), ("local", local)):
            for tender, want in (("weak", 1), ("good", 0)):
                ws = workspace(os.path.join(tmp, name), source, tender)
                with open(os.path.join(ws, ".pre-commit-config.yaml"), "w") as f:
                    yaml.safe_dump(config, f)
                git(["init", "-q"], ws, env)
                git(["add", "-A"], ws, env)
                r = subprocess.run(["pre-commit", "run", "--all-files", "--color", "never"],
                                   cwd=ws, env=env, capture_output=True, text=True)
                check(r.returncode == want, "pre-commit (%s config) on a %s tender: exit %d, "
                      "want %d: %s" % (name, tender, r.returncode, want, r.stdout[-800:]))

    if failures:
        print("%d failed" % len(failures), file=sys.stderr)
        return 1
    print("CI documentation checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
