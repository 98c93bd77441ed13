#!/usr/bin/env python3
"""kstidy's pre-commit hooks (.pre-commit-hooks.yaml, docs/pre-commit.md)
run by the real pre-commit, offline, in throwaway git repositories.

usage: pre_commit_test.py --kstidy-bin-dir DIR --source-root DIR

A hooks repository is made from the source tree's .pre-commit-hooks.yaml
(the source tree need not be a git repository), and driver repositories
from copies of test/examples/ point their .pre-commit-config.yaml at it.
`git commit` runs the hooks as pre-commit installs them. Checked:

  - the manifest and the docs' .pre-commit-config.yaml snippets validate,
    and the docs name only hooks the manifest has;
  - hook kstidy, no args (WDK profile): a clean staged source passes, a
    staged source with a seeded defect fails the commit with kstidy's
    finding, a defective source the commit does not change is not analysed,
    a commit of a header alone skips the hook;
  - the staged sources go to one kstidy run (require_serial), so tables and
    handlers in different files are joined; without require_serial
    pre-commit splits them over several runs (the control);
  - hook kstidy-project with -p and a baseline: a header-only change is
    analysed through the database's sources, a new defect in a header fails,
    the baseline's findings pass.

pre-commit missing is a failure, not a skip (tool/install-deps.sh installs
Debian's). Exit 0 when every check passes.
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

FAILURES = []


def check(cond, what, detail=None):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)
        if detail:
            print("     " + detail.replace("\n", "\n     "))
    return cond


def run(cmd, cwd, env):
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    return p.returncode, p.stdout


def git(repo, env, *args):
    rc, out = run(["git"] + list(args), repo, env)
    if rc != 0:
        raise RuntimeError("git %s: %s" % (" ".join(args), out))
    return out.strip()


def new_repo(path, env):
    os.makedirs(path, exist_ok=True)
    git(path, env, "-c", "init.defaultBranch=main", "init", "-q")
    git(path, env, "config", "user.name", "kstidy test")
    git(path, env, "config", "user.email", "kstidy-test@example.invalid")
    git(path, env, "config", "commit.gpgsign", "false")


def hook_sections(output):
    """{hook name: (status, text)} from pre-commit's report."""
    sections = {}
    current = None
    for line in output.splitlines():
        m = re.match(r"^(\S.*?)\.{3,}(\(no files to check\))?"
                     r"(Passed|Failed|Skipped)$", line)
        if m:
            current = m.group(1)
            sections[current] = [m.group(3), ""]
        elif current:
            sections[current][1] += line + "\n"
    return {k: tuple(v) for k, v in sections.items()}


def summaries(text):
    return re.findall(r"^kstidy: (\d+) translation units? analyzed", text,
                      re.M)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def config(hooks_repo, rev, hooks):
    lines = ["repos:", "  - repo: " + hooks_repo, "    rev: " + rev,
             "    hooks:"]
    for hook_id, args in hooks:
        lines.append("      - id: " + hook_id)
        lines.append("        verbose: true")
        if args:
            lines.append("        args: " + json.dumps(args))
    return "\n".join(lines) + "\n"


def head(repo, env):
    return run(["git", "rev-parse", "-q", "--verify", "HEAD"], repo, env)[1]


def commit(repo, env, message):
    """git commit, as a developer runs it: its exit code and output, and
    whether a commit was made."""
    before = head(repo, env)
    rc, out = run(["git", "commit", "-m", message], repo, env)
    return rc, out, head(repo, env) != before


def make_hooks_repo(path, manifest_text, env):
    new_repo(path, env)
    write(os.path.join(path, ".pre-commit-hooks.yaml"), manifest_text)
    git(path, env, "add", ".pre-commit-hooks.yaml")
    git(path, env, "commit", "-q", "-m", "hooks")
    return git(path, env, "rev-parse", "HEAD")


def docs_snippets(root, tmp, env, manifest_ids):
    with open(os.path.join(root, "docs", "pre-commit.md"),
              encoding="utf-8") as f:
        doc = f.read()
    blocks = [b for b in re.findall(r"```ya?ml\n(.*?)```", doc, re.S)
              if re.search(r"^repos:", b, re.M)]
    check(len(blocks) >= 2, "docs/pre-commit.md has .pre-commit-config.yaml "
          "snippets (%d)" % len(blocks))
    for i, block in enumerate(blocks):
        path = os.path.join(tmp, "doc-config-%d.yaml" % i)
        write(path, block)
        rc, out = run(["pre-commit", "validate-config", path], tmp, env)
        check(rc == 0, "docs snippet %d: pre-commit validate-config" % (i + 1),
              out)
        ids = re.findall(r"^\s*-\s*id:\s*(\S+)", block, re.M)
        check(ids and all(i in manifest_ids for i in ids),
              "docs snippet %d names hooks of the manifest (%s)"
              % (i + 1, ", ".join(ids)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kstidy-bin-dir", required=True)
    ap.add_argument("--source-root", required=True)
    a = ap.parse_args()
    root = os.path.abspath(a.source_root)
    bindir = os.path.abspath(a.kstidy_bin_dir)
    if not os.access(os.path.join(bindir, "kstidy"), os.X_OK):
        print("FAIL no kstidy in " + bindir)
        return 1
    if not shutil.which("pre-commit"):
        print("FAIL pre-commit not found on PATH: install Debian's pre-commit "
              "(tool/install-deps.sh does)")
        return 1

    tmp = tempfile.mkdtemp(prefix="kstidy-pre-commit-")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT", "KSTIDY_"))
           and k not in ("TRAVIS",)}
    os.makedirs(os.path.join(tmp, "home"))
    env.update({
        "HOME": os.path.join(tmp, "home"),
        "PRE_COMMIT_HOME": os.path.join(tmp, "pre-commit-cache"),
        "PRE_COMMIT_COLOR": "never",
        "GIT_CONFIG_NOSYSTEM": "1",
        "PATH": bindir + os.pathsep + env.get("PATH", "/usr/bin:/bin"),
    })
    try:
        rc, out = run(["pre-commit", "--version"], tmp, env)
        print("     " + out.strip())

        # --- The hooks repository, from the source tree's manifest ---------
        with open(os.path.join(root, ".pre-commit-hooks.yaml"),
                  encoding="utf-8") as f:
            manifest = f.read()
        hooks = os.path.join(tmp, "hooks")
        rev = make_hooks_repo(hooks, manifest, env)
        rc, out = run(["pre-commit", "validate-manifest",
                       os.path.join(hooks, ".pre-commit-hooks.yaml")], tmp, env)
        check(rc == 0, "pre-commit validate-manifest .pre-commit-hooks.yaml",
              out)
        manifest_ids = re.findall(r"^- id: (\S+)", manifest, re.M)
        check(manifest_ids == ["kstidy", "kstidy-project"],
              "the manifest has hooks kstidy, kstidy-project (%s)"
              % manifest_ids)
        check(manifest.count("require_serial: true") == 2,
              "both hooks are require_serial")
        docs_snippets(root, tmp, env, manifest_ids)

        # --- Hook kstidy, zero configuration, changed files only ----------
        avs = os.path.join(root, "test", "examples", "avs-capture")
        drv = os.path.join(tmp, "avs")
        new_repo(drv, env)
        for name in ("avscap.h", "control.cpp", "device.cpp"):
            shutil.copy(os.path.join(avs, name), drv)
        write(os.path.join(drv, ".pre-commit-config.yaml"),
              config(hooks, rev, [("kstidy", None)]))
        git(drv, env, "add", "-A")
        git(drv, env, "commit", "-q", "-m", "driver with control.cpp's defects")
        rc, out = run(["pre-commit", "install"], drv, env)
        check(rc == 0, "pre-commit install", out)

        with open(os.path.join(drv, "device.cpp"), "a") as f:
            f.write("\n// Revision 2 of the device dispatch.\n")
        git(drv, env, "add", "device.cpp")
        rc, out, moved = commit(drv, env, "clean change")
        sec = hook_sections(out).get("kstidy", ("missing", ""))
        check(rc == 0 and moved and sec[0] == "Passed",
              "a clean staged source: the commit passes", out)
        check(summaries(sec[1]) == ["1"] and "0 findings" in sec[1],
              "  kstidy analysed the one staged source, 0 findings", sec[1])
        check("control.cpp" not in out,
              "  control.cpp (defective, not in the commit) is not analysed",
              out)

        with open(os.path.join(drv, "avscap.h"), "a") as f:
            f.write("\n// Shared declarations end here.\n")
        git(drv, env, "add", "avscap.h")
        rc, out, moved = commit(drv, env, "header only")
        sec = hook_sections(out).get("kstidy", ("missing", ""))
        check(rc == 0 and moved and sec[0] == "Skipped",
              "a commit of a header alone: hook kstidy skipped", out)

        for name in ("pin.cpp", "pin.h"):
            shutil.copy(os.path.join(avs, name), drv)
        git(drv, env, "add", "pin.cpp", "pin.h")
        rc, out, moved = commit(drv, env, "the histogram pin")
        sec = hook_sections(out).get("kstidy", ("missing", ""))
        check(rc != 0 and not moved and sec[0] == "Failed",
              "a staged source with a seeded defect fails the commit", out)
        check("pin.cpp:298:5: warning: PropertyItemSize 72 of KSAUTOMATION_TABLE "
              "'AvsCapHistogramAutomation'" in sec[1]
              and "[ks-property-item-size]" in sec[1]
              and "- exit code: 1" in sec[1],
              "  with kstidy's finding (pin.cpp:298, ks-property-item-size) "
              "and exit code 1", sec[1])
        check(summaries(sec[1]) == ["1"],
              "  one translation unit: pin.cpp, not the staged header pin.h",
              sec[1])
        check("control.cpp" not in out,
              "  control.cpp is still not analysed", out)

        # --- One kstidy run for all staged sources; kstidy-project ---------
        split = os.path.join(root, "test", "examples", "split-tables")
        drv = os.path.join(tmp, "split")
        new_repo(drv, env)
        for path in glob.glob(os.path.join(split, "*")):
            shutil.copy(path, drv)
        for i in range(1, 6):
            write(os.path.join(drv, "util%d.cpp" % i),
                  "#include <ntddk.h>\nULONG SplitUtil%d(void) { return %d; }\n"
                  % (i, i))
        sources = sorted(os.path.basename(p)
                         for p in glob.glob(os.path.join(drv, "*.cpp")))
        os.makedirs(os.path.join(drv, "build"))
        with open(os.path.join(drv, "build", "compile_commands.json"),
                  "w") as f:
            json.dump([{"directory": drv, "file": s,
                        "arguments": ["clang++", "-c", s]} for s in sources],
                      f, indent=1)
        write(os.path.join(drv, ".gitignore"), "build/\n")
        project_args = ["-p", "build", "--sarif-base=.",
                        "--baseline=kstidy-baseline.json"]
        rc, out = run([os.path.join(bindir, "kstidy"), "-p", "build",
                       "--sarif-base=.",
                       "--write-baseline=kstidy-baseline.json"], drv, env)
        check(rc == 1, "the split-tables baseline holds its findings", out)
        write(os.path.join(drv, ".pre-commit-config.yaml"),
              config(hooks, rev, [("kstidy", None),
                                  ("kstidy-project", project_args)]))
        rc, out = run(["pre-commit", "install"], drv, env)
        check(rc == 0, "pre-commit install (second repository)", out)
        git(drv, env, "add", "-A")
        rc, out, moved = commit(drv, env, "split tables")
        secs = hook_sections(out)
        sec = secs.get("kstidy", ("missing", ""))
        check(rc != 0 and not moved and sec[0] == "Failed",
              "%d staged sources whose tables and handlers are in different "
              "files: the commit fails" % len(sources), out)
        check(summaries(sec[1]) == [str(len(sources))],
              "  hook kstidy ran kstidy once over all %d sources"
              % len(sources), sec[1])
        joined = ["cameratable.h:8:28: warning: MinData 4",
                  "cameratable.h:12:28: warning: MinProperty 24",
                  "audiotable.h:7:5: warning:",
                  "audiotable.h:17:26: warning: MinData 4"]
        check(all(j in sec[1] for j in joined),
              "  with the 4 ks-property-min-size findings that join a table "
              "and a handler of another file", sec[1])
        proj = secs.get("kstidy (whole project)", ("missing", ""))
        check(proj[0] == "Passed"
              and "4 known findings not reported" in proj[1],
              "  hook kstidy-project passes: the baseline holds those 4",
              proj[1])
        git(drv, env, "commit", "-q", "--no-verify", "-m", "split tables")

        # The control: without require_serial, pre-commit 3.0.4 splits the
        # files over as many runs as it has jobs (2 under TRAVIS, whatever
        # the cores), and kstidy cannot join what it does not see together.
        parallel = os.path.join(tmp, "hooks-parallel")
        make_hooks_repo(parallel, manifest.replace("require_serial: true",
                                                   "require_serial: false"),
                        env)
        control_env = dict(env, TRAVIS="1")
        rc, out = run(["pre-commit", "try-repo", parallel, "kstidy",
                       "--verbose", "--files"] + sources, drv, control_env)
        runs = summaries(out)
        check(len(runs) >= 2,
              "control: without require_serial the same sources go to %d "
              "kstidy runs (%s TUs) and %d of the 4 joined findings are "
              "reported" % (len(runs), "+".join(runs),
                            sum(j in out for j in joined)), out)

        # kstidy-project: a header-only change is analysed.
        table = os.path.join(drv, "cameratable.h")
        with open(table) as f:
            original = f.read()
        write(table, original.replace("SIZEOF_ARRAY(SplitCameraItems)", "6"))
        git(drv, env, "add", "cameratable.h")
        rc, out, moved = commit(drv, env, "six camera properties")
        secs = hook_sections(out)
        sec = secs.get("kstidy", ("missing", ""))
        proj = secs.get("kstidy (whole project)", ("missing", ""))
        check(rc != 0 and not moved and sec[0] == "Skipped"
              and proj[0] == "Failed",
              "a new defect in a header alone: kstidy skipped, kstidy-project "
              "fails the commit", out)
        check(re.search(r"cameratable\.h:\d+:\d+: warning: PropertiesCount "
                        r"[^\n]*\[ks-property-set-count\]", proj[1])
              and summaries(proj[1]) == [str(len(sources))]
              and "4 known findings not reported" in proj[1],
              "  with the new finding only, over the database's %d sources"
              % len(sources), proj[1])
        write(table, original + "\n// Camera properties end here.\n")
        git(drv, env, "add", "cameratable.h")
        rc, out, moved = commit(drv, env, "a comment in a header")
        secs = hook_sections(out)
        check(rc == 0 and moved
              and secs.get("kstidy", ("",))[0] == "Skipped"
              and secs.get("kstidy (whole project)", ("",))[0] == "Passed",
              "a harmless header change: kstidy-project passes (baseline)",
              out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print("pre-commit hooks: %d failures" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
