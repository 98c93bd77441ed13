#!/usr/bin/env python3
"""Scaffolds a new ks-* check and keeps the places derived from the catalogue
in step (docs/adding-a-check.md).

The check catalogue is checks/KsChecks.def: one KS_CHECK(name, class, title,
summary) entry per check. The module registration (checks/KsTidyModule.cpp),
the SARIF rules (tool/kstidy/Output.cpp) and the tests' list of checks
(test/CMakeLists.txt) read it when they are compiled or configured; the two
Markdown tables (the README's check table and docs/checks/README.md) are
written from it by this script.

  tool/add-check.py new ks-event-data-size --title "..." --summary "..."
      creates the check's class, docs page and fixture, adds the catalogue
      entry, the source to checks/CMakeLists.txt and the include to
      checks/KsTidyModule.cpp, then rewrites the tables
  tool/add-check.py sync     rewrites the tables from the catalogue
  tool/add-check.py check    exits 1 when a table differs from the catalogue
                             (a ctest: catalogue-tables-in-step)
  tool/add-check.py list     prints the check names, one per line

Exit status: 0 done, 1 tables out of step (check), 2 bad usage or input.
"""
import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOGUE = os.path.join("checks", "KsChecks.def")
MODULE = os.path.join("checks", "KsTidyModule.cpp")
CHECKS_CMAKE = os.path.join("checks", "CMakeLists.txt")
README = "README.md"
DOCS_INDEX = os.path.join("docs", "checks", "README.md")
BEGIN = "<!-- catalogue:begin (tool/add-check.py sync writes this table) -->"
END = "<!-- catalogue:end -->"

STRING = r'"(?:[^"\\]|\\.)*"'
ENTRY = re.compile(r'KS_CHECK\(\s*"([^"]+)",\s*(\w+),\s*((?:%s\s*)+),'
                   r'\s*((?:%s\s*)+)\)' % (STRING, STRING))


class UsageError(Exception):
    pass


def path(rel):
    return os.path.join(ROOT, rel)


def read(rel):
    with open(path(rel), encoding="utf-8") as f:
        return f.read()


def write(rel, text):
    """Writes atomically: a temporary file renamed over the target."""
    full = path(rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    tmp = full + ".tmp-add-check"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, full)


def unquote(literals):
    """The text of adjacent C string literals."""
    parts = re.findall(STRING, literals)
    return "".join(p[1:-1].replace('\\"', '"').replace("\\\\", "\\")
                   for p in parts)


def quote(text, indent, width=80):
    """C string literals of at most `width` columns, broken after spaces."""
    room = width - indent - 2
    pieces, line = [], ""
    for word in re.findall(r"\S+\s*", text):
        if line and len(line) + len(word.rstrip()) > room:
            pieces.append(line)
            line = ""
        line += word
    pieces.append(line)
    esc = [p.replace("\\", "\\\\").replace('"', '\\"') for p in pieces]
    return ("\n" + " " * indent).join('"%s"' % p for p in esc)


def catalogue():
    """The entries of checks/KsChecks.def: (name, class, title, summary)."""
    text = read(CATALOGUE)
    body = "\n".join(l for l in text.splitlines()
                     if not l.lstrip().startswith(("//", "#")))
    entries = [(m.group(1), m.group(2), unquote(m.group(3)),
                unquote(m.group(4))) for m in ENTRY.finditer(body)]
    if body.count("KS_CHECK(") != len(entries):
        raise UsageError("%s: an entry is not of the form KS_CHECK(\"name\", "
                         "Class, \"title\", \"summary\")" % CATALOGUE)
    names = [e[0] for e in entries]
    if names != sorted(names) or len(set(names)) != len(names):
        raise UsageError("%s: entries must be sorted by name and unique"
                         % CATALOGUE)
    return entries


def format_entry(name, cls, title, summary):
    head = 'KS_CHECK("%s", %s,' % (name, cls)
    return "%s\n         %s,\n         %s)\n" % (head, quote(title, 9),
                                                quote(summary, 9))


def readme_table(entries):
    rows = ["| Check | What it finds | Docs |", "|---|---|---|"]
    for name, _, _, summary in entries:
        rows.append("| `%s` | %s | [docs/checks/%s.md](docs/checks/%s.md) |"
                    % (name, summary, name, name))
    return "\n".join(rows)


def index_table(entries):
    rows = ["| Check | Finds |", "|---|---|"]
    for name, _, title, _ in entries:
        rows.append("| [`%s`](%s.md) | %s |" % (name, name, title))
    return "\n".join(rows)


def replace_block(text, table, rel):
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise UsageError("%s has no %s ... %s block" % (rel, BEGIN, END))
    return text[:start + len(BEGIN)] + "\n" + table + "\n" + text[end:]


def index_page(entries):
    return ("# The ks checks\n\n"
            "Every check of the `ks` module, from the catalogue "
            "`checks/KsChecks.def`.\nEach page says what the check finds, "
            "the runtime consequence and its source,\nwhen it stays silent, "
            "its fix-its and its options.\n\n%s\n%s\n%s\n"
            % (BEGIN, index_table(entries), END))


def synced(entries):
    """{file: text} as the catalogue wants the generated files."""
    out = {README: replace_block(read(README), readme_table(entries), README)}
    out[DOCS_INDEX] = index_page(entries)
    return out


def sync():
    for rel, text in synced(catalogue()).items():
        if not os.path.exists(path(rel)) or read(rel) != text:
            write(rel, text)
            print("add-check: wrote %s" % rel)


def check():
    stale = [rel for rel, text in synced(catalogue()).items()
             if not os.path.exists(path(rel)) or read(rel) != text]
    for rel in stale:
        print("add-check: %s is out of step with %s; run tool/add-check.py "
              "sync" % (rel, CATALOGUE), file=sys.stderr)
    return 1 if stale else 0


def class_name(name):
    return "".join(w.capitalize() for w in name[len("ks-"):].split("-")) + \
        "Check"


def insert_sorted(lines, new, keep):
    """Inserts `new` among the lines for which keep(line) holds, in order."""
    idx = [i for i, l in enumerate(lines) if keep(l)]
    if not idx:
        raise UsageError("no place to insert %r" % new)
    pos = next((i for i in idx if lines[i].strip() > new.strip()),
               idx[-1] + 1)
    lines.insert(pos, new)


def render(template, **subst):
    with open(os.path.join(ROOT, "tool", "check-template", template),
              encoding="utf-8") as f:
        text = f.read()
    for key, value in subst.items():
        text = text.replace("@%s@" % key, value)
    return text


def banner(file, what):
    """An LLVM file banner, //===- file - what ---...===//, 80 columns."""
    head = "//===- %s - %s " % (file, what)
    return head + "-" * max(3, 80 - len(head) - 5) + "===//"


def new(args):
    name = args.name
    if not re.fullmatch(r"ks-[a-z0-9]+(-[a-z0-9]+)*", name):
        raise UsageError("%s: a check name is ks- and lower-case words "
                         "joined by '-'" % name)
    entries = catalogue()
    if name in [e[0] for e in entries]:
        raise UsageError("%s is in the catalogue already" % name)
    cls = args.cls or class_name(name)
    if not re.fullmatch(r"[A-Z]\w*Check", cls):
        raise UsageError("%s: a check class is CamelCase ending in Check" % cls)
    files = {
        os.path.join("checks", cls + ".h"): render(
            "Check.h", CLASS=cls, NAME=name, GUARD=cls.upper(),
            BANNER=banner(cls + ".h", name), TITLE=args.title),
        os.path.join("checks", cls + ".cpp"): render(
            "Check.cpp", CLASS=cls, NAME=name,
            BANNER=banner(cls + ".cpp", name)),
        os.path.join("docs", "checks", name + ".md"): render(
            "check.md", NAME=name, TITLE=args.title, SUMMARY=args.summary),
        os.path.join("test", "checkers", name, name + ".cpp"): render(
            "fixture.cpp", NAME=name, TITLE=args.title),
    }
    for rel in files:
        if os.path.exists(path(rel)):
            raise UsageError("%s exists already" % rel)

    # The catalogue entry, in name order.
    text = read(CATALOGUE)
    entry = format_entry(name, cls, args.title, args.summary)
    matches = list(ENTRY.finditer(text))
    later = [m for m in matches if m.group(1) > name]
    if later:
        catalogue_text = text[:later[0].start()] + entry + \
            text[later[0].start():]
    elif matches:  # the last entry: after the others, before the #undef
        pos = matches[-1].end()
        catalogue_text = text[:pos] + "\n" + entry.rstrip("\n") + text[pos:]
    else:
        raise UsageError("%s holds no entry to put the new one beside"
                         % CATALOGUE)

    module = read(MODULE).split("\n")
    insert_sorted(module, '#include "%s.h"' % cls,
                  lambda l: re.fullmatch(r'#include "\w+Check\.h"', l))
    cmake = read(CHECKS_CMAKE).split("\n")
    insert_sorted(cmake, "  %s.cpp" % cls,
                  lambda l: re.fullmatch(r"  \w+Check\.cpp", l))

    for rel, body in files.items():
        write(rel, body)
        print("add-check: created %s" % rel)
    write(CATALOGUE, catalogue_text)
    write(MODULE, "\n".join(module))
    write(CHECKS_CMAKE, "\n".join(cmake))
    print("add-check: added %s to %s, %s and %s"
          % (name, CATALOGUE, MODULE, CHECKS_CMAKE))
    sync()
    print("add-check: now write the rule in checks/%s.cpp, its fixtures in "
          "test/checkers/%s/ and its docs page; docs/adding-a-check.md "
          "lists the rest" % (cls, name))


def main(argv):
    parser = argparse.ArgumentParser(
        description="Scaffold a ks-* check; keep the catalogue's tables in "
        "step.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("new", help="scaffold a new check")
    p.add_argument("name", help="the check name, e.g. ks-event-data-size")
    p.add_argument("--title", required=True,
                   help="one line: what it finds (SARIF shortDescription)")
    p.add_argument("--summary", required=True,
                   help="a few sentences (SARIF fullDescription, README)")
    p.add_argument("--class", dest="cls",
                   help="the class name (default from the check name)")
    sub.add_parser("sync", help="rewrite the tables from the catalogue")
    sub.add_parser("check", help="exit 1 when a table is out of step")
    sub.add_parser("list", help="print the check names")
    args = parser.parse_args(argv)
    try:
        if args.command == "new":
            new(args)
        elif args.command == "sync":
            sync()
        elif args.command == "check":
            return check()
        else:
            for e in catalogue():
                print(e[0])
    except (UsageError, OSError) as e:
        print("add-check: error: %s" % e, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
