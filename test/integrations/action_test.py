#!/usr/bin/env python3
"""The GitHub action (action.yml, tool/ci/, docs/ci.md).

  action_test.py schema --validator-dir DIR --source-root DIR
  action_test.py run --kstidy-bin-dir DIR --source-root DIR

schema: action-validator (npm @action-validator/cli, installed by
        tool/install-deps.sh in build/action-validator) accepts action.yml
        and every GitHub workflow of docs/ci.md, and rejects a broken action
        and a broken workflow (so that it is known to check). The examples
        give only inputs that action.yml declares and read only outputs it
        has; action.yml's expressions name only its own inputs and the
        outputs its run script writes; the scripts it runs exist. A missing
        validator is a failure, not a skip.
run:    tool/ci/action-run.sh, as the action's run step runs it (fake
        GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE), over a copy
        of test/examples/avs-capture: the SARIF it writes (the same findings
        as kstidy's text output, paths relative to the workspace), its
        outputs and exit codes with and without a baseline, with a compile
        database, a new defect, fail-on-findings false, an input error,
        compile errors and bad inputs of the action. Then
        tool/ci/action-install.sh in its dry run: the commands for a .deb
        path, a .deb URL and a build from the action's checkout.

Exit 0 when every check passes.
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

FAILURES = []


def check(cond, what, detail=None):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)
        if detail:
            print("     " + str(detail).replace("\n", "\n     "))
    return cond


def run(cmd, cwd=None, env=None):
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stdout, p.stderr


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# --- schema -----------------------------------------------------------------

def workflow_blocks(ci_md):
    """The ```yaml blocks of docs/ci.md that are GitHub workflows."""
    blocks = re.findall(r"```yaml\n(.*?)```", ci_md, re.S)
    return [b for b in blocks
            if re.search(r"^on:", b, re.M) and re.search(r"^jobs:", b, re.M)]


def schema(a):
    root = os.path.abspath(a.source_root)
    cli = os.path.join(os.path.abspath(a.validator_dir), "node_modules",
                       "@action-validator", "cli", "cli.mjs")
    if not check(os.path.exists(cli), "action-validator installed at " + cli
                 + " (tool/install-deps.sh)"):
        return
    if not check(shutil.which("node") is not None, "node on PATH"):
        return
    with open(os.path.join(os.path.dirname(cli), "package.json")) as f:
        print("     @action-validator/cli " + json.load(f)["version"])
    tmp = tempfile.mkdtemp(prefix="kstidy-action-schema-")
    try:
        def validate(path):
            # The validator tells an action from a workflow by the file
            # name: action.yml / action.yaml, or anything else.
            rc, out, err = run(["node", cli, path])
            return rc, (out + err).strip()

        action_path = os.path.join(root, "action.yml")
        with open(action_path, encoding="utf-8") as f:
            action_text = f.read()
        rc, out = validate(action_path)
        check(rc == 0, "action.yml validates as an action", out)

        # Negative cases: the validator must reject them.
        broken = action_text.replace("      shell: bash\n", "", 1)
        check(broken != action_text, "a broken action.yml: a run step "
              "without shell")
        path = os.path.join(tmp, "broken", "action.yml")
        write(path, broken)
        rc, out = validate(path)
        check(rc != 0 and "shell" in out,
              "  action-validator rejects it (exit %d, names shell)" % rc, out)
        typo = action_text.replace("    required: false", "    requird: false", 1)
        path = os.path.join(tmp, "typo", "action.yml")
        write(path, typo)
        rc, out = validate(path)
        check(rc != 0, "  and an input with a misspelt key (exit %d)" % rc)

        action = yaml.safe_load(action_text)
        inputs = set(action["inputs"])
        outputs = set(action["outputs"])
        steps = action["runs"]["steps"]
        check(action["runs"]["using"] == "composite", "a composite action")
        used = set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", action_text))
        check(used <= inputs, "action.yml reads only declared inputs (%s)"
              % ", ".join(sorted(used - inputs) or ["all declared"]))
        with open(os.path.join(root, "tool", "ci", "action-run.sh")) as f:
            run_script = f.read()
        written = set(re.findall(r"^\s*output ([a-z-]+) ", run_script, re.M))
        read = set(re.findall(r"steps\.run\.outputs\.([a-z-]+)", action_text))
        check(read <= written, "the step outputs action.yml reads are written "
              "by tool/ci/action-run.sh (%s)" % ", ".join(sorted(read)))
        scripts = re.findall(r'"\$GITHUB_ACTION_PATH/([^"]+)"', action_text)
        check(scripts and all(os.path.isfile(os.path.join(root, s))
                              for s in scripts),
              "the scripts action.yml runs exist (%s)" % ", ".join(scripts))
        uploads = [s for s in steps
                   if s.get("uses", "").startswith(
                       "github/codeql-action/upload-sarif@v3")]
        check(len(uploads) == 1 and "!cancelled()" in uploads[0].get("if", ""),
              "upload-sarif@v3 runs also after the run step failed")

        with open(os.path.join(root, "docs", "ci.md"), encoding="utf-8") as f:
            blocks = workflow_blocks(f.read())
        check(len(blocks) >= 3, "docs/ci.md has GitHub workflows (%d)"
              % len(blocks))
        uses_action = 0
        for i, block in enumerate(blocks, 1):
            path = os.path.join(tmp, "docs-workflow-%d.yml" % i)
            write(path, block)
            rc, out = validate(path)
            check(rc == 0, "docs/ci.md workflow %d validates as a workflow"
                  % i, out)
            doc = yaml.safe_load(block)
            for job in doc["jobs"].values():
                for step in job.get("steps", []):
                    if not step.get("uses", "").startswith("kstidy/kstidy@"):
                        continue
                    uses_action += 1
                    given = set(step.get("with", {}))
                    check(given <= inputs, "  workflow %d gives the action "
                          "only its inputs (%s)" % (i, ", ".join(sorted(given))))
                    if "id" in step:
                        read = set(re.findall(
                            r"steps\.%s\.outputs\.([a-z-]+)" % step["id"],
                            block))
                        check(read <= outputs, "  workflow %d reads only the "
                              "action's outputs (%s)"
                              % (i, ", ".join(sorted(read))))
        check(uses_action >= 2, "docs/ci.md uses the action in %d workflows"
              % uses_action)
        broken = blocks[0].replace("runs-on:", "run-on:", 1)
        path = os.path.join(tmp, "broken-workflow.yml")
        write(path, broken)
        rc, out = validate(path)
        check(rc != 0, "action-validator rejects a docs workflow with "
              "run-on for runs-on (exit %d)" % rc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# --- run --------------------------------------------------------------------

class Step:
    """tool/ci/action-run.sh as the action's run step: a workspace, fake
    GITHUB_* files, the inputs as INPUT_* variables."""

    def __init__(self, root, bindir, ws, tmp):
        self.script = os.path.join(root, "tool", "ci", "action-run.sh")
        self.ws, self.tmp, self.n = ws, tmp, 0
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("INPUT_", "GITHUB_", "KSTIDY_"))}
        self.env["PATH"] = bindir + os.pathsep + self.env.get("PATH", "")
        self.env["GITHUB_WORKSPACE"] = ws

    def __call__(self, cwd=None, **inputs):
        self.n += 1
        out_file = os.path.join(self.tmp, "output-%d" % self.n)
        summary = os.path.join(self.tmp, "summary-%d" % self.n)
        env = dict(self.env, GITHUB_OUTPUT=out_file,
                   GITHUB_STEP_SUMMARY=summary)
        for k, v in inputs.items():
            env["INPUT_" + k.upper()] = v
        rc, out, err = run(["bash", self.script], cwd or self.ws, env)
        outputs = {}
        if os.path.exists(out_file):
            with open(out_file) as f:
                for line in f:
                    k, _, v = line.rstrip("\n").partition("=")
                    outputs[k] = v
        text = ""
        if os.path.exists(summary):
            with open(summary) as f:
                text = f.read()
        return rc, outputs, out + err, text


def sarif_results(path):
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    out = set()
    for r in log["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        out.add((loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                 loc["region"]["startColumn"], r["ruleId"]))
    return log, out


def text_findings(kstidy, sources, cwd, prefix):
    rc, out, err = run([kstidy] + sources, cwd)
    found = set()
    for m in re.finditer(r"^(\S+?):(\d+):(\d+): warning: .* \[([a-z-]+)\]$",
                         out, re.M):
        found.add((prefix + m.group(1), int(m.group(2)), int(m.group(3)),
                   m.group(4)))
    return rc, found


def run_mode(a):
    root = os.path.abspath(a.source_root)
    bindir = os.path.abspath(a.kstidy_bin_dir)
    kstidy = os.path.join(bindir, "kstidy")
    if not check(os.access(kstidy, os.X_OK), "kstidy at " + kstidy):
        return
    tmp = tempfile.mkdtemp(prefix="kstidy-action-run-")
    try:
        ws = os.path.join(tmp, "workspace")
        drv = os.path.join(ws, "driver")
        shutil.copytree(os.path.join(root, "test", "examples", "avs-capture"),
                        drv)
        sources = sorted(os.path.basename(p)
                         for p in glob.glob(os.path.join(drv, "*.cpp")))
        step = Step(root, bindir, ws, os.path.join(tmp, "gh"))
        os.makedirs(os.path.join(tmp, "gh"))
        sarif = os.path.join(ws, "kstidy.sarif")

        # The oracle: kstidy's own text output over the same sources.
        rc, expected = text_findings(kstidy, ["driver/" + s for s in sources],
                                     ws, "")
        check(rc == 1 and len(expected) > 4,
              "kstidy's text output over avs-capture: %d findings"
              % len(expected))
        seeded = {("driver/control.cpp", 331, 49, "ks-property-item-size"),
                  ("driver/pin.cpp", 298, 5, "ks-property-item-size")}

        # 1. Sources by glob, no baseline: findings fail the step.
        rc, outs, log, summary = step(paths="driver/*.cpp")
        check(rc == 1, "paths driver/*.cpp: the step exits 1 (findings)", log)
        check(outs.get("exit-code") == "1" and outs.get("sarif-file") == sarif
              and outs.get("complete") == "true"
              and outs.get("findings") == str(len(expected)),
              "  outputs exit-code 1, findings %d, sarif-file, complete"
              % len(expected), outs)
        if check(os.path.exists(sarif), "  the SARIF is written"):
            doc, got = sarif_results(sarif)
            check(doc["version"] == "2.1.0", "  SARIF 2.1.0")
            check(got == expected,
                  "  the SARIF's results are kstidy's findings, paths "
                  "relative to the workspace", sorted(got ^ expected))
            check(seeded <= got, "  among them the seeded control.cpp:331 "
                  "and pin.cpp:298")
            base = doc["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"]
            check(base.rstrip("/").endswith(ws),
                  "  SRCROOT is the workspace (%s)" % base)
        check("--format=sarif -o kstidy.sarif --sarif-base " + ws in log
              and "driver/control.cpp" in log,
              "  the log shows the command, globs expanded", log)
        check("exit code 1 (findings reported)" in summary,
              "  the job summary says so", summary)

        # 2. fail-on-findings false.
        rc, outs, log, _ = step(paths="driver/*.cpp",
                                fail_on_findings="false")
        check(rc == 0 and outs.get("exit-code") == "1"
              and outs.get("complete") == "true",
              "fail-on-findings false: the step passes, exit-code 1, "
              "the SARIF is uploaded", log)

        # 3. A baseline, written as docs/ci.md says (the repository root as
        # --sarif-base): nothing new, the step passes.
        rc, out, err = run([kstidy, "--sarif-base", ".",
                            "--write-baseline", "kstidy-baseline.json"]
                           + ["driver/" + s for s in sources], ws)
        check(rc == 1, "baseline written at the workspace root")
        rc, outs, log, _ = step(paths="driver/*.cpp",
                                baseline="kstidy-baseline.json")
        check(rc == 0 and outs.get("exit-code") == "0"
              and outs.get("findings") == "0",
              "with the baseline: the step passes, 0 findings", log)
        check(os.path.exists(sarif) and not sarif_results(sarif)[1],
              "  the SARIF holds no results")
        check("%d known findings not reported" % len(expected) in log,
              "  kstidy counts the known findings", log)

        # 4. A new defect with the baseline: only it is reported, and fails.
        write(os.path.join(drv, "newdefect.cpp"),
              "#include <ntddk.h>\n#include <ks.h>\n"
              "NTSTATUS NewDispatch(PIRP Irp) {\n"
              "  return KsPropertyHandlerWithAllocator(Irp, 0, NULL, NULL, 12);"
              "\n}\n")
        rc, outs, log, _ = step(paths="driver/**/*.cpp",
                                baseline="kstidy-baseline.json")
        got = sarif_results(sarif)[1] if os.path.exists(sarif) else set()
        check(rc == 1 and outs.get("findings") == "1" and len(got) == 1
              and next(iter(got))[0] == "driver/newdefect.cpp",
              "a new defect with the baseline: exit 1, the SARIF holds it "
              "alone", (log, got))

        # 5. A compile database, no paths; with and without the baseline.
        db = [{"directory": drv, "file": s, "arguments": ["clang++", "-c", s]}
              for s in sources]
        write(os.path.join(ws, "build", "compile_commands.json"),
              json.dumps(db))
        rc, outs, log, _ = step(compile_commands="build",
                                baseline="kstidy-baseline.json")
        check(rc == 0 and outs.get("findings") == "0",
              "compile-commands build with the baseline: passes (paths "
              "relative to the workspace, as the baseline's)", log)
        rc, outs, log, _ = step(compile_commands="build", args="-j 1")
        got = sarif_results(sarif)[1] if os.path.exists(sarif) else set()
        check(rc == 1 and got == expected and "-p build -j 1" in log,
              "compile-commands build, args -j 1: the same findings", log)

        # 6. working-directory and sarif-file in a subdirectory.
        os.remove(os.path.join(drv, "newdefect.cpp"))
        rc, outs, log, _ = step(cwd=drv, paths="*.cpp",
                                sarif_file="out/kstidy.sarif")
        nested = os.path.join(drv, "out", "kstidy.sarif")
        got = sarif_results(nested)[1] if os.path.exists(nested) else set()
        check(rc == 1 and outs.get("sarif-file") == nested and got == expected,
              "working-directory driver, sarif-file out/kstidy.sarif: "
              "written there, paths still relative to the workspace",
              (log, sorted(got ^ expected)))

        # 7. An input error fails whatever fail-on-findings says, and its
        # SARIF is not for uploading.
        rc, outs, log, _ = step(paths="driver/missing.cpp",
                                fail_on_findings="false")
        check(rc == 2 and outs.get("exit-code") == "2"
              and outs.get("complete") == "false",
              "a missing source: exit 2 even with fail-on-findings false, "
              "complete false (not uploaded)", (log, outs))
        rc, outs, log, _ = step(paths="driver/*.cpp",
                                baseline="no-such-baseline.json")
        check(rc == 2 and outs.get("complete") == "false",
              "a baseline that does not exist: exit 2", log)

        # 8. Compile errors without findings: 3; --allow-parse-errors: 0.
        write(os.path.join(ws, "broken", "broken.cpp"),
              "#include <ntddk.h>\nULONG Broken(void) { return undeclared; }\n")
        rc, outs, log, _ = step(paths="broken/broken.cpp",
                                fail_on_findings="false")
        check(rc == 3 and outs.get("exit-code") == "3"
              and outs.get("complete") == "false",
              "compile errors, no findings: exit 3, not uploaded", log)
        rc, outs, log, _ = step(paths="broken/broken.cpp",
                                args="--allow-parse-errors")
        check(rc == 0 and outs.get("complete") == "true",
              "  args --allow-parse-errors: exit 0", log)

        # 9. Bad inputs of the action itself.
        rc, outs, log, _ = step()
        check(rc == 2 and "nothing to analyse" in log and not outs,
              "neither paths nor compile-commands: exit 2, kstidy not run",
              log)
        rc, outs, log, _ = step(paths="driver/*.cpp", fail_on_findings="yes")
        check(rc == 2 and "fail-on-findings must be true or false" in log,
              "fail-on-findings yes: exit 2", log)

        install_dry_run(root, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def install_dry_run(root, tmp):
    script = os.path.join(root, "tool", "ci", "action-install.sh")
    runner_temp = os.path.join(tmp, "runner-temp")
    os.makedirs(runner_temp)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GITHUB_", "KSTIDY_"))}
    env.update(KSTIDY_ACTION_DRY_RUN="1", RUNNER_TEMP=runner_temp)
    sudo = "" if os.getuid() == 0 else "sudo "

    deb = os.path.join(tmp, "debs", "kstidy_0.1.0_amd64.deb")
    write(deb, "")
    rc, out, err = run(["bash", script], os.path.join(tmp, "debs"),
                       dict(env, KSTIDY_DEB="kstidy_0.1.0_amd64.deb"))
    check(rc == 0 and sudo + "apt-get update" in out and re.search(
        r"^\+ %senv DEBIAN_FRONTEND=noninteractive apt-get install -y -q %s$"
        % (re.escape(sudo), re.escape(deb)), out, re.M),
        "install, kstidy-deb a relative path: apt-get install -y <its "
        "absolute path>", out + err)
    rc, out, err = run(["bash", script], tmp,
                       dict(env, KSTIDY_DEB="debs/missing.deb"))
    check(rc == 2 and "no such file" in err,
          "install, kstidy-deb a missing file: exit 2", out + err)
    url = "https://downloads.example.com/kstidy/kstidy_0.1.0_amd64.deb?x=1"
    rc, out, err = run(["bash", script], tmp, dict(env, KSTIDY_DEB=url))
    fetched = os.path.join(runner_temp, "kstidy-deb", "kstidy_0.1.0_amd64.deb")
    check(rc == 0 and "+ curl -fsSL --retry 3 -o %s %s" % (fetched, url) in out
          and out.rstrip().endswith("apt-get install -y -q " + fetched),
          "install, kstidy-deb a URL: curl to RUNNER_TEMP, then apt-get "
          "install that file", out + err)
    gh_path = os.path.join(tmp, "github-path")
    rc, out, err = run(["bash", script], tmp,
                       dict(env, GITHUB_ACTION_PATH=root, GITHUB_PATH=gh_path))
    prefix = os.path.join(runner_temp, "kstidy")
    with open(gh_path) if os.path.exists(gh_path) else open(os.devnull) as f:
        path_lines = f.read().split()
    check(rc == 0 and "+ make -C %s build\n" % root in out
          and "+ cmake --install %s/build --prefix %s\n" % (root, prefix) in out
          and path_lines == [prefix + "/bin"],
          "install, no kstidy-deb: make -C <action path> build, cmake "
          "--install to RUNNER_TEMP/kstidy, its bin on GITHUB_PATH",
          out + err)
    rc, out, err = run(["bash", script], tmp, env)
    check(rc == 2 and "GITHUB_ACTION_PATH" in err,
          "install, no kstidy-deb and no action checkout: exit 2", out + err)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("schema")
    s.add_argument("--validator-dir", required=True)
    s.add_argument("--source-root", required=True)
    r = sub.add_parser("run")
    r.add_argument("--kstidy-bin-dir", required=True)
    r.add_argument("--source-root", required=True)
    a = ap.parse_args()
    if a.mode == "schema":
        schema(a)
    else:
        run_mode(a)
    print("action %s: %d failures" % (a.mode, len(FAILURES)))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
