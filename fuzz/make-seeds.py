#!/usr/bin/env python3
"""Seed corpora for the kstidy fuzz targets, from the project's own fixtures.

    fuzz/make-seeds.py [--kstidy build/bin/kstidy] [--out build-sanitize/seeds]

Writes <out>/<target>/ for every target of fuzz/CMakeLists.txt (removing what
was there): the hand-written seeds of fuzz/seeds/<target>/, plus seeds made
from test/ and, where a kstidy binary is at hand (build/bin/kstidy, made
by `make build`), from its outputs over test/examples: SARIF logs (whole
and sharded), baselines and model exports. Without the binary those are left
out (a warning says so); every target still gets seeds.

Seeds larger than the target's -max_len (fuzz/targets.txt) are still
written: libFuzzer reads their first max_len bytes.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FUZZ = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(FUZZ)
TESTDATA = os.path.join(ROOT, "test")
DRIVER_TREES = ["avs-capture", "pc-audio", "ks-proxy"]
# The WDK headers fuzz/ks_prelude.h stands in for.
WDK_HEADERS = re.compile(
    r'^\s*#\s*include\s*[<"](ntddk|wdm|ntifs|ks|ksmedia|portcls|stdunk|'
    r'unknown|punknown|windows|windef|ntstatus|initguid|devioctl|wdf|'
    r'ksproxy|ntstrsafe|intsafe|drmk|dmusicks|ksdebug|wchar|stddef)\.h[>"]',
    re.IGNORECASE)


def targets():
    names = []
    with open(os.path.join(FUZZ, "targets.txt")) as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if line:
                names.append(line[0])
    return names


class Seeds:
    def __init__(self, out):
        self.out = out
        self.count = {}

    def add(self, target, name, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        d = os.path.join(self.out, target)
        os.makedirs(d, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9._-]+", "_", name)
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
        self.count[target] = self.count.get(target, 0) + 1

    def add_file(self, target, path, name=None):
        with open(path, "rb") as f:
            self.add(target, name or os.path.relpath(path, ROOT), f.read())


def files(top, exts):
    for d, _, names in sorted(os.walk(top)):
        for n in sorted(names):
            if n.lower().endswith(exts):
                yield os.path.join(d, n)


def read(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def source_seed(path):
    """A fixture or driver source as the model-extraction target takes it:
    WDK #includes and lit RUN/CHECK comment lines removed, the driver's own
    header inlined in place of its #include when it is small."""
    out = []
    for line in read(path).splitlines():
        if WDK_HEADERS.match(line):
            continue
        if re.match(r"\s*//\s*(RUN|CHECK[A-Z0-9-]*)\s*:", line):
            continue
        m = re.match(r'\s*#\s*include\s*"([^"]+)"', line)
        if m:
            header = os.path.join(os.path.dirname(path), m.group(1))
            if os.path.isfile(header) and os.path.getsize(header) < 12000:
                out.append(source_seed(header))
                continue
        out.append(line)
    return "\n".join(out) + "\n"


def run(cmd):
    try:
        return subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, cwd=ROOT).returncode
    except OSError as e:  # a binary being rebuilt
        print("make-seeds: cannot run %s: %s" % (cmd[0], e), file=sys.stderr)
        return None


def kstidy_outputs(seeds, kstidy):
    """SARIF logs, baselines and model exports of kstidy over the drivers."""
    tmp = tempfile.mkdtemp(prefix="kstidy-seeds-")
    try:
        sarifs = {}
        for tree in DRIVER_TREES:
            srcs = sorted(f for f in files(os.path.join(TESTDATA, "drivers", tree),
                                           (".cpp", ".c")))
            base = os.path.join(tmp, tree)
            args = [kstidy, "--quiet", "-j", "2"] + srcs + ["--"]
            run(args[:1] + ["--format=sarif", "-o", base + ".sarif"] + args[1:])
            run(args[:1] + ["--write-baseline=" + base + ".baseline.json",
                            "--export-model=" + base + ".model.json"] + args[1:])
            for k in (1, 2):
                run(args[:1] + ["--format=sarif", "--shard=%d/2" % k,
                                "-o", "%s.shard%d.sarif" % (base, k)] + args[1:])
            for suffix in (".sarif", ".shard1.sarif", ".shard2.sarif"):
                if os.path.isfile(base + suffix):
                    with open(base + suffix) as f:
                        sarifs[tree + suffix] = small_sarif(json.load(f))
            if os.path.isfile(base + ".baseline.json"):
                seeds.add_file("fuzz-baseline", base + ".baseline.json",
                               tree + ".baseline.json")
            if os.path.isfile(base + ".model.json"):
                model_seeds(seeds, base + ".model.json", tree + ".export")
        for name, data in sarifs.items():
            seeds.add("fuzz-sarif-merge", name, data)
        for tree in DRIVER_TREES:
            s1 = sarifs.get(tree + ".shard1.sarif")
            s2 = sarifs.get(tree + ".shard2.sarif")
            whole = sarifs.get(tree + ".sarif")
            if s1 and s2:
                seeds.add("fuzz-sarif-merge", tree + ".shards", s1 + b"\0" + s2)
            if s1 and s2 and whole:
                seeds.add("fuzz-sarif-merge", tree + ".shards-and-whole",
                          s1 + b"\0" + s2 + b"\0" + whole)
        logs = [sarifs[t + ".sarif"] for t in DRIVER_TREES if t + ".sarif" in sarifs]
        if len(logs) >= 2:
            seeds.add("fuzz-sarif-merge", "drivers.all", b"\0".join(logs[:3]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def compact(doc):
    return json.dumps(doc, separators=(",", ":"), sort_keys=True).encode()


def small_sarif(log, keep=4):
    """A kstidy SARIF log, compact, with its first \p keep results per run
    (whole logs of the example drivers are larger than -max_len)."""
    for run in log.get("runs", []):
        run["results"] = run.get("results", [])[:keep]
    return compact(log)


def model_seeds(seeds, path, name):
    """A model export, and one document per translation unit of it (the
    whole export is larger than the target's -max_len)."""
    with open(path) as f:
        doc = json.load(f)
    for i, tu in enumerate(doc.get("translationUnits", [])):
        one = dict(doc)
        one["translationUnits"] = [tu]
        stem = os.path.splitext(os.path.basename(tu.get("file", "tu%d" % i)))[0]
        seeds.add("fuzz-model-reader", "%s.%d.%s.json" % (name, i, stem),
                  compact(one))


def compile_dbs(seeds):
    """compile_commands.json texts: GNU and cl.exe commands over the driver
    sources, "command" and "arguments" forms, and flags kstidy must drop."""
    for tree in DRIVER_TREES:
        d = os.path.join(TESTDATA, "drivers", tree)
        srcs = sorted(files(d, (".cpp", ".c")))
        gnu = [{"directory": d,
                "command": "clang++ -I. -DKS_DEMO=1 -std=c++17 -c %s -o %s.o"
                           % (os.path.basename(s), os.path.basename(s)),
                "file": os.path.basename(s)} for s in srcs]
        seeds.add("fuzz-compile-db", tree + ".gnu.json", json.dumps(gnu, indent=2))
        cl = [{"directory": d,
               "arguments": ["C:\\Program Files\\LLVM\\bin\\clang-cl.exe", "/nologo",
                             "/I", "inc", "/DKS_DEMO=1", "/std:c++17", "/Yustdafx.h",
                             "/FpRelease\\x.pch", "/Fo", "obj\\", "/TP", "/c",
                             os.path.basename(s)],
               "file": os.path.basename(s)} for s in srcs]
        seeds.add("fuzz-compile-db", tree + ".cl.json", json.dumps(cl, indent=2))
    writers = [{"directory": "/tmp",
                "arguments": ["clang", "-MJ", "frag.json", "-Xclang", "-dependency-file",
                              "-Xclang", "deps.d", "-Wp,-MD,x.d", "-ftime-trace=t.json",
                              "-fmodules", "-fmodules-cache-path=/tmp/m",
                              "-serialize-diagnostics", "d.dia", "-include-pch",
                              "p.pch", "-include", "stdafx.h.gch", "a.cpp"],
                "file": "a.cpp"}]
    seeds.add("fuzz-compile-db", "writers.json", json.dumps(writers, indent=2))
    own = os.path.join(ROOT, "build", "compile_commands.json")
    if os.path.isfile(own):
        with open(own) as f:
            entries = json.load(f)
        seeds.add("fuzz-compile-db", "kstidy-build.json",
                  json.dumps(entries[:3], indent=2))


def msbuild(seeds):
    top = os.path.join(TESTDATA, "msbuild")
    for p in files(top, (".vcxproj", ".props", ".targets")):
        seeds.add_file("fuzz-vcxproj", p)
    for p in files(top, (".sln",)):
        seeds.add_file("fuzz-sln", p)
    conditions = set()
    for p in files(top, (".vcxproj", ".props", ".targets")):
        text = read(p)
        for m in re.finditer(r'Condition\s*=\s*"([^"]*)"', text):
            conditions.add(m.group(1).replace("&quot;", '"').replace("&amp;", "&")
                           .replace("&lt;", "<").replace("&gt;", ">"))
        for m in re.finditer(r'Include\s*=\s*"([^"]*)"', text):
            conditions.add(m.group(1))
        for m in re.finditer(r"<(AdditionalIncludeDirectories|PreprocessorDefinitions)>"
                             r"([^<]*)<", text):
            conditions.add(m.group(2))
    for i, c in enumerate(sorted(conditions)):
        seeds.add("fuzz-msbuild-condition", "testdata.%03d" % i, c)


def tidy_configs(seeds):
    for p in [os.path.join(ROOT, ".clang-tidy")] + [
            os.path.join(d, n) for d, _, ns in os.walk(TESTDATA) for n in ns
            if n == ".clang-tidy"]:
        if os.path.isfile(p):
            seeds.add_file("fuzz-clang-tidy-config", p)
    found = set()
    for p in files(TESTDATA, (".cpp", ".c", ".test", ".py")):
        for m in re.finditer(r"--config=\"(\{[^\"]*\})\"", read(p)):
            found.add(m.group(1))
    for i, c in enumerate(sorted(found)):
        seeds.add("fuzz-clang-tidy-config", "testdata-config.%02d.yaml" % i, c)


def sources(seeds):
    for p in files(os.path.join(TESTDATA, "checkers"), (".cpp", ".c")):
        seeds.add("fuzz-model-extraction", os.path.relpath(p, TESTDATA), source_seed(p))
    for tree in DRIVER_TREES:
        for p in files(os.path.join(TESTDATA, "examples", tree), (".cpp", ".c")):
            seeds.add("fuzz-model-extraction", os.path.relpath(p, TESTDATA),
                      source_seed(p))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kstidy", default=os.path.join(ROOT, "build", "bin", "kstidy"))
    ap.add_argument("--out", default=os.path.join(ROOT, "build-sanitize", "seeds"))
    a = ap.parse_args()
    shutil.rmtree(a.out, ignore_errors=True)
    seeds = Seeds(a.out)
    names = targets()
    for t in names:
        os.makedirs(os.path.join(a.out, t), exist_ok=True)
        hand = os.path.join(FUZZ, "seeds", t)
        if os.path.isdir(hand):
            for p in sorted(os.listdir(hand)):
                seeds.add_file(t, os.path.join(hand, p), "hand." + p)
    for p in files(os.path.join(TESTDATA, "model"), (".json",)):
        model_seeds(seeds, p, os.path.basename(p)[:-5])
    compile_dbs(seeds)
    msbuild(seeds)
    tidy_configs(seeds)
    sources(seeds)
    if os.access(a.kstidy, os.X_OK):
        kstidy_outputs(seeds, a.kstidy)
    else:
        print("make-seeds: %s not built (make build): no SARIF, baseline or "
              "export seeds from it" % a.kstidy, file=sys.stderr)
    for t in names:
        print("  %-26s %4d seeds" % (t, seeds.count.get(t, 0)))
    missing = [t for t in names if not seeds.count.get(t)]
    if missing:
        sys.exit("make-seeds: no seeds for " + ", ".join(missing))


if __name__ == "__main__":
    main()
