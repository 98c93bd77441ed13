#!/usr/bin/env python3
"""kstidy as CI runs it: SARIF validated by Microsoft's SARIF Multitool,
shards merged back into one run, baselines, JSON, and a generated compile
database of 200+ translation units analyzed in parallel.

usage: ci_roundtrip.py KSTIDY SOURCE_ROOT SARIF_TOOL_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

FAILURES = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def results(sarif):
    with open(sarif, encoding="utf-8") as f:
        log = json.load(f)
    out = set()
    for r in log["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        out.add((r["ruleId"], loc["artifactLocation"]["uri"],
                 loc["region"]["startLine"], r["message"]["text"],
                 r["partialFingerprints"]["kstidyFingerprint/v1"]))
    return out, log


def main(argv):
    kstidy, root, tool = argv[1], argv[2], argv[3]
    with open(os.path.join(root, "checks", "KsChecks.def"),
              encoding="utf-8") as f:
        catalogued = sum(1 for line in f if line.startswith("KS_CHECK("))
    sources = []
    for tree in ("avs-capture", "pc-audio", "ks-proxy"):
        d = os.path.join(root, "test", "examples", tree)
        sources += sorted(os.path.join(d, f) for f in os.listdir(d)
                          if f.endswith(".cpp"))
    tmp = tempfile.mkdtemp(prefix="kstidy-ci-")
    full = os.path.join(tmp, "full.sarif")

    # SARIF of the example trees, validated by Microsoft's tool.
    p = run([kstidy, "--quiet", "--format=sarif", "-o", full,
             "--sarif-base", root] + sources + ["--"])
    check(p.returncode == 1, "kstidy --format=sarif exits 1 with findings")
    full_results, log = results(full)
    check(len(full_results) == 23, "23 results in the SARIF (%d)" % len(full_results))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    check(len(rules) == catalogued and all(r["helpUri"] and
                                           r["help"]["markdown"]
                                           for r in rules),
          "%d rules (the catalogue's), each with helpUri and help.markdown"
          % catalogued)
    multitool = os.path.join(tool, "node_modules", "@microsoft",
                             "sarif-multitool", "bin.js")
    check(os.path.exists(multitool), "SARIF Multitool installed at " + multitool)
    if os.path.exists(multitool):
        v = run(["node", multitool, "validate", full])
        errors = [l for l in v.stdout.splitlines() if ": error " in l]
        check(v.returncode == 0 and not errors,
              "SARIF Multitool validates with zero errors (exit %d, %d errors)"
              % (v.returncode, len(errors)))
        for l in errors[:5]:
            print("    " + l)

    # Shards merged == one full run.
    shards = []
    for k in (1, 2, 3):
        out = os.path.join(tmp, "shard%d.sarif" % k)
        run([kstidy, "--quiet", "--format=sarif", "-o", out, "--sarif-base",
             root, "--shard=%d/3" % k] + sources + ["--"])
        shards.append(out)
    merged = os.path.join(tmp, "merged.sarif")
    m = run([kstidy, "merge-sarif"] + shards + ["-o", merged])
    check(m.returncode == 0, "kstidy merge-sarif exits 0")
    merged_results, merged_log = results(merged)
    check(merged_results == full_results, "3 shards merged == the full run")
    check(len(merged_log["runs"][0]["tool"]["driver"]["rules"]) == catalogued,
          "merged rules de-duplicated")
    bad = run([kstidy, "merge-sarif", os.path.join(tmp, "none.sarif"), "-o",
               os.path.join(tmp, "x.sarif")])
    check(bad.returncode == 2, "merge-sarif of a missing file exits 2")

    # Baselines: accepted findings stay quiet, new ones fail the build.
    baseline = os.path.join(tmp, "baseline.json")
    run([kstidy, "--quiet", "--write-baseline", baseline] + sources + ["--"])
    b = run([kstidy, "--baseline", baseline] + sources + ["--"])
    check(b.returncode == 0 and b.stdout == "",
          "with its own baseline: exit 0, nothing reported")
    check("23 known findings not reported, 0 baseline entries gone" in b.stderr,
          "the baseline summary counts the known findings")
    extra = os.path.join(tmp, "new_defect.cpp")
    with open(extra, "w") as f:
        f.write("#include <ntddk.h>\n#include <ks.h>\nNTSTATUS D(PIRP Irp) {\n"
                "  return KsPropertyHandlerWithAllocator(Irp, 0, NULL, NULL, 12);\n}\n")
    n = run([kstidy, "--baseline", baseline] + sources + [extra, "--"])
    check(n.returncode == 1 and n.stdout.count("warning:") == 1
          and "new_defect.cpp" in n.stdout,
          "a new finding is the only one reported, exit 1")
    fewer = [s for s in sources if not s.endswith("allocator2.cpp")]
    g = run([kstidy, "--baseline", baseline] + fewer + ["--"])
    check("0 known findings not reported" not in g.stderr
          and "6 baseline entries gone" in g.stderr
          and g.stderr.count("is gone") == 6,
          "the 6 findings of a file left out are listed as gone")

    # JSON output.
    j = run([kstidy, "--quiet", "--format=json"] + sources + ["--"])
    doc = json.loads(j.stdout)
    check(doc["tool"] == "kstidy" and len(doc["findings"]) == 23
          and all(f["fingerprint"] for f in doc["findings"]),
          "--format=json: 23 findings with fingerprints")

    # A generated database of 201 TUs sharing one header with a defect.
    gen = os.path.join(tmp, "gen")
    os.makedirs(gen)
    with open(os.path.join(gen, "shared.h"), "w") as f:
        f.write("typedef unsigned long ULONG;\ntypedef long NTSTATUS;\n"
                "typedef struct { ULONG Id; void *H[5]; ULONG M[2]; } KSPROPERTY_ITEM;\n"
                "NTSTATUS KsPropertyHandlerWithAllocator(void *Irp, ULONG C, "
                "const void *S, void *A, ULONG PropertyItemSize);\n"
                "static inline NTSTATUS Shared(void *Irp) {\n"
                "  return KsPropertyHandlerWithAllocator(Irp, 0, 0, 0, 12);\n}\n")
    db = []
    for i in range(201):
        name = "tu%03d.c" % i
        with open(os.path.join(gen, name), "w") as f:
            f.write('#include "shared.h"\nint value%d(void) { return %d; }\n' % (i, i))
        db.append({"directory": gen, "file": name,
                   "arguments": ["clang", "--target=x86_64-w64-windows-gnu",
                                 "-c", name]})
    with open(os.path.join(gen, "compile_commands.json"), "w") as f:
        json.dump(db, f)
    r = run([kstidy, "-p", gen, "-j", "2"])
    check(r.returncode == 1, "201 TUs: exit 1")
    check("201 translation units analyzed, 1 finding" in r.stderr,
          "201 TUs: the header's finding is reported once")
    check(r.stdout.count("warning:") == 1 and "shared.h:6:" in r.stdout,
          "201 TUs: one warning, in shared.h")
    if r.stdout.count("warning:") != 1:
        print("     stderr:", r.stderr.strip().splitlines()[-3:])
        print("     stdout:", r.stdout.strip().splitlines()[:6])
    check("\r" not in r.stderr, "no progress line when stderr is not a terminal")
    f = run([kstidy, "-p", gen, "--source-filter", "tu00[0-4]"])
    check("5 translation units analyzed" in f.stderr, "--source-filter narrows the database")

    print("ci roundtrip: %d failures" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
