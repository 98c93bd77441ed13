#!/usr/bin/env python3
"""make demo: run kstidy over example driver trees and hold it to their READMEs.

Each tree's README.md lists its seeded defects in Markdown tables whose
header has a "Location" column (`file.cpp:LINE`, the first one in the cell)
and a "Check" column (`ks-...`). kstidy runs over the tree's sources as a
user would run it (`kstidy TREE/*.cpp --`), its report is shown unchanged,
and then the findings (file, line, check) are compared with the README's
rows. Exit 0 when every tree's findings are exactly its README's list,
1 with the difference otherwise, 2 when a tree or its list cannot be read.
"""

import argparse
import collections
import glob
import os
import re
import subprocess
import sys

FINDING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): warning: .*\[(?P<checks>[^\[\]]+)\]$")
LOCATION = re.compile(r"`(?P<file>[^`:]+):(?P<line>\d+)`")
CHECK = re.compile(r"`(?P<check>ks-[a-z0-9-]+)`")


def cells(row):
    """The cells of a Markdown table row, or None for a line that is none."""
    row = row.strip()
    if not (row.startswith("|") and row.endswith("|")) or len(row) < 2:
        return None
    # A "|" inside a cell is written "\\|" (GitHub Flavored Markdown).
    return [c.strip() for c in re.split(r"(?<!\\)\|", row[1:-1])]


def listed_defects(readme):
    """(file, line, check) rows of the README's defect tables, as a Counter."""
    expected = collections.Counter()
    header = None
    with open(readme, encoding="utf-8") as f:
        for number, text in enumerate(f, 1):
            row = cells(text)
            if row is None:
                header = None
                continue
            if header is None:
                header = row
                continue
            if all(set(c) <= set("-: ") for c in row):
                continue  # the separator row
            if "Location" not in header or "Check" not in header:
                continue
            if len(row) != len(header):
                raise ValueError("%s:%d: the row has %d cells, its header %d"
                                 % (readme, number, len(row), len(header)))
            where = LOCATION.search(row[header.index("Location")])
            check = CHECK.search(row[header.index("Check")])
            if not where or not check:
                raise ValueError("%s:%d: no `file:line` Location or `ks-...` "
                                 "Check in the row" % (readme, number))
            expected[(where["file"], int(where["line"]), check["check"])] += 1
    return expected


def found_defects(output, tree):
    """(file, line, check) of each warning in kstidy's text report."""
    found = collections.Counter()
    for text in output.splitlines():
        m = FINDING.match(text)
        if not m:
            continue
        path = os.path.relpath(os.path.abspath(m["path"]), os.path.abspath(tree))
        for check in m["checks"].split(","):
            found[(path, int(m["line"]), check.strip())] += 1
    return found


def describe(rows):
    return ["    %s:%d  %s" % row for row in sorted(rows.elements())]


def run_tree(kstidy, tree, extra):
    name = os.path.basename(os.path.normpath(tree))
    readme = os.path.join(tree, "README.md")
    sources = sorted(glob.glob(os.path.join(tree, "*.cpp")))
    if not sources:
        raise ValueError("%s: no .cpp sources" % tree)
    expected = listed_defects(readme)
    if not expected:
        raise ValueError("%s lists no seeded defects (no table with Location "
                         "and Check columns)" % readme)
    print("== kstidy over %s" % tree, flush=True)
    proc = subprocess.run([kstidy] + extra + sources + ["--"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    sys.stdout.write(proc.stdout)
    sys.stdout.write(proc.stderr)
    print(flush=True)
    found = found_defects(proc.stdout, tree)
    problems = []
    if proc.returncode != 1:
        problems.append("  kstidy exited %d; a tree with seeded defects gives 1"
                        % proc.returncode)
    missing = expected - found
    unlisted = found - expected
    if missing:
        problems.append("  listed in README.md, not found by kstidy:")
        problems += describe(missing)
    if unlisted:
        problems.append("  found by kstidy, not listed in README.md:")
        problems += describe(unlisted)
    return name, sum(expected.values()), problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kstidy", required=True, help="the kstidy binary")
    parser.add_argument("--kstidy-arg", action="append", default=[],
                        help="an extra kstidy option (repeatable)")
    parser.add_argument("trees", nargs="+", help="example driver directories")
    args = parser.parse_args()

    summary = []
    failed = False
    for tree in args.trees:
        try:
            name, count, problems = run_tree(args.kstidy, tree, args.kstidy_arg)
        except (OSError, ValueError, UnicodeDecodeError) as e:
            print("demo: error: %s" % e, file=sys.stderr)
            return 2
        if problems:
            failed = True
            summary.append("%s: kstidy's findings differ from its README.md:"
                           % name)
            summary += problems
        else:
            summary.append("%s: kstidy found exactly the %d seeded defects "
                           "its README.md lists" % (name, count))
    print("== demo")
    print("\n".join(summary))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
