#!/usr/bin/env python3
"""kstidy's differential suite: static findings against the runtime reference.

For every check fixture (test/checkers/*/*.c*) and every example driver
tree (test/examples/*), runs `kstidy --compare`, which analyzes the code,
exports its KS model, replays the model against ksref and pairs each static
finding with what the runtime reference observed. Every row must read
`confirmed`, unless the source declares the disagreement on the line above
the reported line:

    // KSREF-EXPECT: static-only ks-allocator-ex-application-use: a documentation contract, no runtime effect

or for a whole file:

    // KSREF-EXPECT-FILE: static-only ks-allocator-ex-application-use: ...

`KSREF-ARGS: <kstidy args>` in a fixture gives the arguments its compile
needs (e.g. `--wdk-profile=none -- --target=i686-w64-windows-gnu`).

usage: run_differential.py KSTIDY SOURCE_ROOT
Exit 0 when every disagreement is declared (and every declaration is used).
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

EXPECT = re.compile(r"KSREF-EXPECT:\s*(static-only|runtime-only)\s+(\S+?):\s*(.+)$")
EXPECT_FILE = re.compile(r"KSREF-EXPECT-FILE:\s*(static-only|runtime-only)\s+(\S+?):\s*(.+)$")
ARGS = re.compile(r"KSREF-ARGS:\s*(.+)$")


def declarations(paths, root):
    """(file relative to root, line or None, verdict, check) -> reason."""
    out = {}
    args = []
    for path in paths:
        rel = os.path.relpath(path, root)
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, text in enumerate(f, start=1):
                m = EXPECT.search(text)
                if m:
                    out[(rel, number + 1, m.group(1), m.group(2))] = m.group(3)
                m = EXPECT_FILE.search(text)
                if m:
                    out[(rel, None, m.group(1), m.group(2))] = m.group(3)
                m = ARGS.search(text)
                if m:
                    args = shlex.split(m.group(1))
    return out, args


def compare(kstidy, root, label, paths):
    declared, args = declarations(paths, root)
    if "--" not in args:
        args = args + ["--"]
    split = args.index("--")
    with tempfile.TemporaryDirectory() as tmp:
        rows_file = os.path.join(tmp, "rows.json")
        cmd = ([kstidy, "--quiet", "--compare", "--compare-json", rows_file]
               + args[:split] + [os.path.relpath(p, root) for p in paths]
               + args[split:])
        proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
        if proc.returncode not in (0, 1) or not os.path.exists(rows_file):
            print("ERROR %s: kstidy exited %d\n%s" % (label, proc.returncode,
                                                     proc.stderr.strip()))
            return 1, 0, 0
        with open(rows_file, encoding="utf-8") as f:
            rows = json.load(f)
    failures = 0
    used = set()
    confirmed = 0
    for row in rows:
        if row["verdict"] == "confirmed":
            confirmed += 1
            continue
        where_file, _, where_line = row["where"].rpartition(":")
        key = (where_file, int(where_line), row["verdict"], row["check"])
        file_key = (where_file, None, row["verdict"], row["check"])
        if key in declared:
            used.add(key)
        elif file_key in declared:
            used.add(file_key)
        else:
            failures += 1
            print("UNEXPECTED %s: %s %s at %s\n    static:  %s\n    runtime: %s"
                  % (label, row["verdict"], row["check"], row["where"],
                     row["static"], row["runtime"]))
    for key, reason in declared.items():
        if key not in used:
            failures += 1
            print("STALE %s: declared %s %s at %s:%s did not occur (%s)"
                  % (label, key[2], key[3], key[0], key[1] or "*", reason))
    print("%s %s: %d rows, %d confirmed, %d declared exceptions"
          % ("FAIL" if failures else "ok  ", label, len(rows), confirmed,
             len(used)))
    return failures, len(used), len(rows)


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    kstidy, root = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    suites = []
    checks = os.path.join(root, "test", "checkers")
    for check in sorted(os.listdir(checks)):
        for name in sorted(os.listdir(os.path.join(checks, check))):
            if name.endswith((".c", ".cpp")):
                suites.append(("checkers/%s/%s" % (check, name),
                               [os.path.join(checks, check, name)]))
    drivers = os.path.join(root, "test", "examples")
    for tree in sorted(os.listdir(drivers)):
        if not os.path.isdir(os.path.join(drivers, tree)):
            continue
        files = sorted(os.path.join(drivers, tree, f)
                       for f in os.listdir(os.path.join(drivers, tree))
                       if f.endswith((".c", ".cpp")))
        if files:
            suites.append(("examples/%s" % tree, files))
    total_failures = total_exceptions = total_rows = 0
    for label, paths in suites:
        failures, exceptions, rows = compare(kstidy, root, label, paths)
        total_failures += failures
        total_exceptions += exceptions
        total_rows += rows
    print("differential: %d suites, %d rows, %d declared exceptions, "
          "%d unexplained disagreements"
          % (len(suites), total_rows, total_exceptions, total_failures))
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
