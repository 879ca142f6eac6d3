#!/usr/bin/env python3
"""The GitHub Action (action.yml) run step by step as the runner would run
it, without GitHub: each `run` step in bash with the environment its `env`
gives (the ${{ ... }} expressions the action uses filled in from the inputs
and the previous steps' outputs), GITHUB_OUTPUT, GITHUB_PATH and
GITHUB_STEP_SUMMARY as files, and circheck already on PATH (so the install
and build steps only say which circheck they use). The upload step is not run
(it needs GitHub); its inputs are checked to name the SARIF file written.

usage: action.py CIRCHECK SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAILED: " + what, file=sys.stderr)


def run_action(action, source, workspace, path_dir, inputs):
    """Runs the action's shell steps in 'workspace'; returns (exit code of
    the step that stopped it or 0, outputs by step id, the step summary)."""
    values = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    values.update(inputs)
    outputs = {}
    tmp = tempfile.mkdtemp()
    summary = os.path.join(tmp, "summary.md")
    open(summary, "w").close()

    def expand(text):
        def one(m):
            expr = m.group(1).strip()
            if expr.startswith("inputs."):
                return values[expr[len("inputs."):]]
            if expr == "github.action_path":
                return source
            sm = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
            if sm:
                return outputs.get(sm.group(1), {}).get(sm.group(2), "")
            raise ValueError("an expression this runner does not know: " + expr)
        return re.sub(r"\$\{\{(.*?)\}\}", one, str(text))

    for step in action["runs"]["steps"]:
        if "uses" in step:
            check(step["uses"].startswith("github/codeql-action/upload-sarif@"),
                  "the one action used uploads SARIF: " + step["uses"])
            check(expand(step["with"]["sarif_file"]) == values["sarif-file"],
                  "the upload takes the SARIF file written")
            check("always()" in step.get("if", ""), "the upload runs when the check failed too")
            continue
        check(step.get("shell") == "bash", "step '%s' runs in bash" % step.get("name"))
        check("${{" not in step["run"], "step '%s': no expression inside the script (inputs "
              "reach it through env, so they cannot inject shell code)" % step.get("name"))
        out_file = os.path.join(tmp, "output")
        open(out_file, "w").close()
        env = dict(os.environ)
        env.update({k: expand(v) for k, v in step.get("env", {}).items()})
        env.update({"PATH": path_dir + os.pathsep + os.environ["PATH"], "GITHUB_OUTPUT": out_file,
                    "GITHUB_PATH": os.path.join(tmp, "path"), "GITHUB_STEP_SUMMARY": summary,
                    "RUNNER_TEMP": tmp, "GITHUB_WORKSPACE": workspace})
        r = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=workspace, env=env,
                           capture_output=True, text=True)
        if "id" in step:
            outputs[step["id"]] = dict(line.split("=", 1) for line in
                                       open(out_file).read().splitlines() if "=" in line)
        if r.returncode != 0:
            return r.returncode, outputs, open(summary).read(), r.stdout + r.stderr
    text = open(summary).read()
    shutil.rmtree(tmp)
    return 0, outputs, text, ""


def main():
    circheck, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(source, "action.yml")) as f:
        action = yaml.safe_load(f)
    check(action["runs"]["using"] == "composite", "a composite action")
    for name in ("paths", "args", "fail-on", "sarif-file", "upload"):
        check(name in action["inputs"], "input " + name)

    with tempfile.TemporaryDirectory() as tmp:
        bin_dir = os.path.join(tmp, "bin")
        os.makedirs(bin_dir)
        os.symlink(circheck, os.path.join(bin_dir, "circheck"))
        ws = os.path.join(tmp, "workspace")
        os.makedirs(os.path.join(ws, "tenders"))
        shutil.copy(os.path.join(source, "samples/furniture-nb.txt"),
                    os.path.join(ws, "tenders/weak.txt"))

        # a weak tender: SARIF written, summary written, the last step fails
        rc, outputs, summary, log = run_action(action, source, ws, bin_dir, {"paths": "tenders"})
        check(rc == 1, "a weak tender fails the action (got %d: %s)" % (rc, log[-500:]))
        check(outputs.get("check", {}).get("exit-code") == "1",
              "exit-code output 1: %s" % outputs)
        sarif_path = os.path.join(ws, "circheck.sarif")
        try:
            sarif = json.load(open(sarif_path))
            results = sarif["runs"][0]["results"]
            check(sarif["version"] == "2.1.0" and results, "SARIF 2.1.0 with results")
            uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                    for res in results for loc in res.get("locations", [])}
            check(uris == {"tenders/weak.txt"}, "results point at the file, relative: %s" % uris)
        except (OSError, ValueError, KeyError, IndexError) as e:
            check(False, "the SARIF report: %s" % e)
        check("`core.lifecycle-cost`" in summary and "tenders/weak.txt" in summary,
              "the Markdown report in the job summary")

        # options reach circheck: never fail, another level, another file name
        rc, outputs, _, log = run_action(action, source, ws, bin_dir,
                                         {"paths": "tenders", "fail-on": "never",
                                          "args": "--level advanced", "sarif-file": "out.sarif"})
        check(rc == 0 and outputs["check"]["exit-code"] == "0",
              "fail-on never passes (got %d, %s: %s)" % (rc, outputs, log[-300:]))
        try:
            props = json.load(open(os.path.join(ws, "out.sarif")))["runs"][0]
            check("advanced" in json.dumps(props), "--level advanced reached circheck")
        except (OSError, ValueError, KeyError, IndexError) as e:
            check(False, "the SARIF report of the second run: %s" % e)

        # a good tender passes
        os.remove(os.path.join(ws, "tenders/weak.txt"))
        shutil.copy(os.path.join(source, "tests/data/precommit/good-tender-nb.txt"),
                    os.path.join(ws, "tenders/good.txt"))
        rc, outputs, _, log = run_action(action, source, ws, bin_dir, {"paths": "tenders"})
        check(rc == 0 and outputs["check"]["exit-code"] == "0",
              "a good tender passes (got %d: %s)" % (rc, log[-300:]))

        # a path that is not there: exit 2, and the step says so
        rc, outputs, _, log = run_action(action, source, ws, bin_dir, {"paths": "nowhere.txt"})
        check(rc == 2 and outputs["check"]["exit-code"] == "2" and "could not check" in log,
              "a missing path fails with 2 (got %d: %s)" % (rc, log[-300:]))

    if failures:
        print("%d failed" % len(failures), file=sys.stderr)
        return 1
    print("action checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
