#!/usr/bin/env python3
"""tool/add-check.py on a copy of the tree: `new` scaffolds a check whose
class, registration and catalogue entry compile, puts every piece where the
catalogue's readers find it, keeps the catalogue sorted, and refuses bad
names and duplicates with exit 2; `check` sees a stale table.

  add_check_test.py <source dir> <clang++> <compile flags file>

The flags file holds the include and define flags of the checks' objects
(written by CMake), so the generated sources compile as the real ones do.
"""
import os
import shutil
import subprocess
import sys
import tempfile

SRC, CXX, FLAGS = sys.argv[1:4]
COPY = ["checks", "docs", "README.md", "tool/add-check.py",
        "tool/check-template"]
failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: " + what)


def run(tree, *args):
    return subprocess.run([sys.executable,
                           os.path.join(tree, "tool", "add-check.py")] +
                          list(args), capture_output=True, text=True)


def read(tree, rel):
    with open(os.path.join(tree, rel), encoding="utf-8") as f:
        return f.read()


with tempfile.TemporaryDirectory(prefix="kstidy-add-check-") as tree:
    for rel in COPY:
        src, dst = os.path.join(SRC, rel), os.path.join(tree, rel)
        if os.path.isdir(src):
            shutil.copytree(src, dst)
        else:
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy(src, dst)
    os.makedirs(os.path.join(tree, "test", "checkers"))
    before = run(tree, "list").stdout.split()

    r = run(tree, "new", "ks-event-data-size", "--title",
            "Event DataInput smaller than the handler reads",
            "--summary", "A KSEVENT_ITEM whose DataInput is smaller than "
            "what its AddHandler reads from the event data.")
    expect(r.returncode == 0, "new exits 0: " + r.stderr)
    for rel in ["checks/EventDataSizeCheck.h", "checks/EventDataSizeCheck.cpp",
                "docs/checks/ks-event-data-size.md",
                "test/checkers/ks-event-data-size/ks-event-data-size.cpp"]:
        expect(os.path.isfile(os.path.join(tree, rel)), rel + " created")
    after = run(tree, "list").stdout.split()
    expect(after == sorted(before + ["ks-event-data-size"]),
           "the catalogue lists the new check in name order")
    expect('#include "EventDataSizeCheck.h"' in read(tree, "checks/"
                                                    "KsTidyModule.cpp"),
           "the module includes the class")
    expect("  EventDataSizeCheck.cpp" in read(tree, "checks/CMakeLists.txt"),
           "checks/CMakeLists.txt builds the class")
    expect("`ks-event-data-size`" in read(tree, "README.md"),
           "the README table has the check")
    expect("ks-event-data-size.md" in read(tree, "docs/checks/README.md"),
           "the docs index has the check")
    expect(run(tree, "check").returncode == 0, "tables in step after new")
    fixture = read(tree, "test/checkers/ks-event-data-size/"
                   "ks-event-data-size.cpp")
    expect("// RUN: %check_ks ks-event-data-size %s" in fixture,
           "the fixture runs the new check")
    for f in ["EventDataSizeCheck.cpp", "KsTidyModule.cpp"]:
        c = subprocess.run([CXX, "-fsyntax-only", "-std=c++17",
                            "@" + FLAGS, os.path.join(tree, "checks", f)],
                           capture_output=True, text=True)
        expect(c.returncode == 0, "%s compiles: %s" % (f, c.stderr[:2000]))

    r = run(tree, "new", "ks-event-data-size", "--title", "t",
            "--summary", "s.")
    expect(r.returncode == 2 and "already" in r.stderr,
           "a second new of the same name is refused with exit 2")
    r = run(tree, "new", "EventDataSize", "--title", "t", "--summary", "s.")
    expect(r.returncode == 2 and "lower-case" in r.stderr,
           "a name that is not ks-lower-case is refused with exit 2")

    readme = os.path.join(tree, "README.md")
    with open(readme, "a", encoding="utf-8") as f:
        f.write("")
    text = read(tree, "README.md").replace("`ks-event-data-size`",
                                           "`ks-event-size`")
    with open(readme, "w", encoding="utf-8") as f:
        f.write(text)
    r = run(tree, "check")
    expect(r.returncode == 1 and "README.md" in r.stderr,
           "check names the stale README with exit 1")

print("add-check: %d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
