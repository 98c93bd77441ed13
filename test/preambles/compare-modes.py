#!/usr/bin/env python3
"""Runs kstidy twice over the same sources, with shared preambles (the
default) and with --no-shared-preambles, and fails unless both runs give
the same exit code, text report, JSON report, SARIF log, model export and
notices. With --expect-shared N, also fails unless at least N translation
units used a shared preamble (so that the comparison compares something);
--formats=json compares the JSON report (with the model export and the
notices) only.

usage: compare-modes.py [--formats=F,...] [--expect-shared N] KSTIDY WORKDIR -- ARGS...
"""
import difflib
import os
import re
import subprocess
import sys

STATS = re.compile(r"^kstidy: (\d+) shared preambles? built, used by (\d+) "
                   r"translation units?; (\d+) translation units? parsed whole$")


def run(kstidy, workdir, mode, args, formats):
    outputs = {}
    stats = None
    for fmt in formats:
        out = os.path.join(workdir, "%s.%s" % (mode, fmt))
        model = os.path.join(workdir, "%s.model.json" % mode)
        extra = ["--stats"] if mode == "shared" else ["--no-shared-preambles"]
        cmd = [kstidy, "--format=" + fmt, "-o", out] + extra
        if fmt == "json":
            cmd.append("--export-model=" + model)
        p = subprocess.run(cmd + args, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        if p.returncode not in (0, 1, 3):
            sys.exit("%s: kstidy exited %d:\n%s" % (mode, p.returncode,
                                                   p.stderr))
        notices = []
        for line in p.stderr.splitlines():
            m = STATS.match(line)
            if m:
                stats = tuple(int(g) for g in m.groups())
            else:
                notices.append(line)
        outputs[fmt + " exit code"] = str(p.returncode)
        outputs[fmt + " notices"] = "\n".join(notices)
        with open(out) as f:
            outputs[fmt] = f.read()
        if fmt == "json":
            with open(model) as f:
                outputs["model export"] = f.read()
    return outputs, stats


def main(argv):
    expect = 0
    formats = ["text", "json", "sarif"]
    if argv[:1] and argv[0].startswith("--formats="):
        formats = argv[0].split("=", 1)[1].split(",")
        argv = argv[1:]
    if argv[:1] == ["--expect-shared"]:
        expect = int(argv[1])
        argv = argv[2:]
    if len(argv) < 3 or argv[2] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    kstidy, workdir, args = argv[0], argv[1], argv[3:]
    os.makedirs(workdir, exist_ok=True)
    shared, stats = run(kstidy, workdir, "shared", args, formats)
    whole, _ = run(kstidy, workdir, "whole", args, formats)
    if stats is None:
        print("no --stats line in the shared run", file=sys.stderr)
        return 1
    built, used, parsed = stats
    print("shared preambles: %d built, used by %d TUs, %d parsed whole"
          % (built, used, parsed))
    failed = False
    for key in shared:
        if shared[key] != whole[key]:
            failed = True
            print("DIFFERENT %s:" % key)
            sys.stdout.writelines(difflib.unified_diff(
                whole[key].splitlines(True), shared[key].splitlines(True),
                "without shared preambles", "with shared preambles"))
            print()
    if used < expect:
        print("only %d TUs used a shared preamble, %d expected" % (used, expect))
        failed = True
    if not failed:
        print("identical: exit codes, %s, notices" % ", ".join(
            {"text": "text", "json": "JSON, model export",
             "sarif": "SARIF"}[f] for f in formats))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
