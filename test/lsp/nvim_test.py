#!/usr/bin/env python3
"""Neovim (headless, no configuration) with kstidy-clangd on a fresh copy of
a driver tree: every finding the kstidy CLI reports there must appear in the
editor at the same line, column and check, and nothing else of ks-*; a
finding in a header also at the #include of each open source that brings
the header in (one per check).

  nvim_test.py --nvim NVIM --server KSTIDY_CLANGD --kstidy KSTIDY \\
               --tree DIR [--fix] [--open FILE ...] [--setup NAME]

The tree is copied alone into a temporary directory: no .clangd, no
compile_flags.txt, no compile database, no editor configuration (nvim
--clean, HOME and the XDG directories inside the temporary directory).
Every source (.c/.cpp) and header (.h) of the tree is opened, unless --open
names the files. With --fix, the first ks diagnostic with a fix-it gets its
code action applied: its diagnostic must clear and no error may appear.

--setup writes what a user plausibly set up by hand before kstidy-clangd
needed none; each must still give every finding:
  flags-only       compile_flags.txt from `kstidy --print-wdk-flags`
  clangd-strict    a .clangd adding ks-* without FastCheckFilter: Loose
  clang-tidy       .clang-tidy `Checks: '-*,ks-*'` and compile_flags.txt
  plain-db         compile_commands.json, clang++ without the WDK flags
  msbuild-db       compile_commands.json of MSBuild's cl.exe commands, and
                   docs/editor/.clangd filled in (its -isystem flags)

Exit status: 0 pass, 1 expectation failed, 2 error (nvim or kstidy failed).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cli_findings(kstidy, tree, sources):
    out = subprocess.run([kstidy, "--quiet", "--format=json"] + sources,
                         cwd=tree, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise RuntimeError("kstidy failed (%d): %s" % (out.returncode, out.stderr))
    doc = json.loads(out.stdout)
    found = set()
    for f in doc["findings"]:
        if f.get("severity") == "error" or not f["check"].startswith("ks-"):
            continue
        loc = f["location"]
        found.add((loc["file"], loc["line"], loc["column"], f["check"]))
    return found


INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def include_pointers(tree, opened, found):
    """Where kstidy-clangd points at a header's findings from an open
    source: for each source, each #include line of it through which
    (directly or via other headers of the tree) a header with a finding is
    reached gets one diagnostic per check, at the file name's quote."""
    def includes(rel):
        for no, text in enumerate((tree / rel).read_text(
                errors="replace").splitlines(), 1):
            m = INCLUDE.match(text)
            if m:
                target = (tree / rel).parent / m.group(1)
                if target.exists():
                    yield no, text.index('"') + 1, str(
                        target.resolve().relative_to(tree))

    def reach(rel, seen):
        for _, _, inc in includes(rel):
            if inc not in seen:
                seen.add(inc)
                reach(inc, seen)
        return seen

    pointers = set()
    in_headers = [f for f in found if f[0].endswith(".h")]
    for src in opened:
        if src.endswith(".h"):
            continue
        for line, col, inc in includes(src):
            behind = reach(inc, {inc})
            for file, _, _, check in in_headers:
                if file in behind:
                    pointers.add((src, line, col, check))
    return pointers


def write_setup(name, tree, sources, kstidy, source_dir):
    def db(commands):
        (tree / "compile_commands.json").write_text(json.dumps(
            [{"directory": str(tree), "file": f, "arguments": a + [f]}
             for f, a in commands], indent=1))

    if name == "flags-only" or name == "clang-tidy":
        flags = subprocess.run([kstidy, "--print-wdk-flags"], check=True,
                               capture_output=True, text=True).stdout
        (tree / "compile_flags.txt").write_text(flags)
        if name == "clang-tidy":
            (tree / ".clang-tidy").write_text("Checks: '-*,ks-*'\n")
    elif name == "clangd-strict":
        (tree / ".clangd").write_text(
            "Diagnostics:\n  ClangTidy:\n    Add: [ks-*]\n")
    elif name == "plain-db":
        db([(f, ["clang++", "-std=c++17", "-DUNICODE", "-c"])
            for f in sources])
    elif name == "msbuild-db":
        db([(f, ["cl.exe", "/nologo", "/c", "/W4", "/DUNICODE", "/D_UNICODE",
                 "/I" + str(tree), "/kernel", "/GS-"]) for f in sources])
        template = (source_dir / "docs/editor/.clangd").read_text()
        (tree / ".clangd").write_text(
            template.replace("<kstidy>", str(source_dir)))
    elif name != "none":
        raise ValueError("unknown set-up " + name)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--nvim", required=True)
    p.add_argument("--server", required=True)
    p.add_argument("--kstidy", required=True)
    p.add_argument("--tree", required=True)
    p.add_argument("--open", nargs="*", help="files to open (default: all)")
    p.add_argument("--fix", action="store_true")
    p.add_argument("--setup", default="none",
                   choices=["none", "flags-only", "clangd-strict",
                            "clang-tidy", "plain-db", "msbuild-db"])
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--keep-temp", action="store_true")
    args = p.parse_args()
    # The CLI runs inside the copy: a relative path is the caller's.
    if os.sep in args.kstidy:
        args.kstidy = str(Path(args.kstidy).resolve())

    tmp = Path(tempfile.mkdtemp(prefix="kstidy-nvim-")).resolve()
    try:
        tree = tmp / Path(args.tree).name
        shutil.copytree(args.tree, tree,
                        ignore=shutil.ignore_patterns(".clangd", ".clang-tidy",
                                                      "compile_flags.txt",
                                                      "compile_commands.json"))
        files = sorted(str(f.relative_to(tree)) for f in tree.rglob("*")
                       if f.suffix in (".c", ".cpp", ".h"))
        sources = [f for f in files if not f.endswith(".h")]
        expected = cli_findings(args.kstidy, tree, sources)
        write_setup(args.setup, tree, sources, args.kstidy, HERE.parent.parent)
        before = sorted(str(f.relative_to(tree)) for f in tree.rglob("*"))
        expected |= include_pointers(tree, args.open or files, expected)

        env = dict(os.environ)
        env.update({
            "HOME": str(tmp / "home"),
            "XDG_CONFIG_HOME": str(tmp / "home/.config"),
            "XDG_CACHE_HOME": str(tmp / "home/.cache"),
            "XDG_DATA_HOME": str(tmp / "home/.local/share"),
            "XDG_STATE_HOME": str(tmp / "home/.local/state"),
            "KSTIDY_NVIM_SERVER": str(Path(args.server).resolve()),
            "KSTIDY_NVIM_ROOT": str(tree),
            "KSTIDY_NVIM_FILES": "\n".join(args.open or files),
            "KSTIDY_NVIM_FIX": "1" if args.fix else "0",
            "KSTIDY_NVIM_OUT": str(tmp / "report.json"),
            "KSTIDY_NVIM_TIMEOUT": str(args.timeout),
        })
        (tmp / "home").mkdir()
        run = subprocess.run(
            [args.nvim, "--headless", "--clean", "-c",
             "luafile " + str(HERE / "nvim_client.lua")],
            cwd=tree, env=env, stdin=subprocess.DEVNULL, capture_output=True,
            text=True, timeout=args.timeout * (len(files) + 2))
        report_file = tmp / "report.json"
        if not report_file.exists():
            print("ERROR: nvim wrote no report (exit %d): %s %s"
                  % (run.returncode, run.stdout[-2000:], run.stderr[-2000:]))
            return 2
        report = json.loads(report_file.read_text())
        if report.get("error"):
            print("ERROR: the Neovim client failed: " + report["error"])
            return 2

        # clangd's background index and kstidy-clangd's database live in
        # the cache directory: nothing is written into the driver tree.
        written = sorted(set(str(f.relative_to(tree)) for f in tree.rglob("*"))
                         - set(before))

        shown = set()
        errors = []
        for file, r in report["files"].items():
            for d in r["diagnostics"]:
                start = d["range"]["start"]
                code = d.get("code")
                if isinstance(code, str) and code.startswith("ks-"):
                    shown.add((file, start["line"] + 1,
                               start["character"] + 1, code))
                if d.get("severity") == 1:
                    errors.append("%s:%d: %s" % (file, start["line"] + 1,
                                                 d.get("message")))
        failed = False
        for m in sorted(expected - shown):
            print("MISSING in the editor: %s:%d:%d %s" % m)
            failed = True
        for m in sorted(shown - expected):
            print("EXTRA in the editor (the CLI does not report it): "
                  "%s:%d:%d %s" % m)
            failed = True
        for e in errors:
            print("ERROR diagnostic in the editor: " + e)
            failed = True
        for w in written:
            print("WRITTEN into the driver tree: " + w)
            failed = True
        if args.fix:
            fix = report.get("fix") or {}
            if not fix.get("applied"):
                print("FAIL: no ks fix-it was offered as a code action")
                failed = True
            else:
                d = fix["diagnostic"]
                still = [a for a in fix.get("after", [])
                         if a.get("code") == d.get("code")
                         and a["range"]["start"]["line"] == d["range"]["start"]["line"]]
                errs = [a for a in fix.get("after", []) if a.get("severity") == 1]
                if still:
                    print("FAIL: after '%s' the diagnostic is still there: %s"
                          % (fix.get("title"), still[0]["message"]))
                    failed = True
                if errs:
                    print("FAIL: after '%s' the file has errors: %s"
                          % (fix.get("title"), errs[0]["message"]))
                    failed = True
                if not still and not errs:
                    print("fix-it '%s' in %s applied; its diagnostic cleared"
                          % (fix.get("title"), fix.get("file")))
        print("%s: %d CLI findings, %d shown by Neovim in %d files"
              % (Path(args.tree).name, len(expected), len(shown & expected),
                 len(report["files"])))
        return 1 if failed else 0
    finally:
        if args.keep_temp:
            print("kept " + str(tmp))
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
