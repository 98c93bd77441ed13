#!/usr/bin/env python3
"""Runs kstidy over the same sources without the result cache, then with a
fresh cache directory (cold: every TU analysed and stored), then again
(warm: every TU replayed), and fails unless all three give the same exit
code, report, model export and notices in each format. Also fails unless
the warm runs replayed every translation unit the cold ones stored (and
analysed the others again).

usage: compare-cache.py [--formats=F,...] KSTIDY WORKDIR -- ARGS...
"""
import difflib
import os
import re
import shutil
import subprocess
import sys

CACHE = re.compile(r"^kstidy: result cache .*: (\d+) translation units? "
                   r"replayed, (\d+) analysed, (\d+) written")
PREAMBLES = re.compile(r"^kstidy: \d+ shared preambles? built")


def run(kstidy, workdir, mode, args, formats, cache):
    outputs = {}
    counts = []
    for fmt in formats:
        out = os.path.join(workdir, "%s.%s" % (mode, fmt))
        model = os.path.join(workdir, "%s.%s.model.json" % (mode, fmt))
        extra = (["--stats", "--cache-dir=" + cache] if cache
                 else ["--no-cache"])
        cmd = [kstidy, "--format=" + fmt, "-o", out,
               "--export-model=" + model] + extra
        env = dict(os.environ)
        env.pop("KSTIDY_CACHE_DIR", None)
        p = subprocess.run(cmd + args, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, env=env)
        if p.returncode not in (0, 1, 3):
            sys.exit("%s: kstidy exited %d:\n%s" % (mode, p.returncode,
                                                   p.stderr))
        notices = []
        for line in p.stderr.splitlines():
            m = CACHE.match(line)
            if m:
                counts.append(tuple(int(g) for g in m.groups()))
            elif not PREAMBLES.match(line):
                notices.append(line)
        outputs[fmt + " exit code"] = str(p.returncode)
        outputs[fmt + " notices"] = "\n".join(notices)
        with open(out) as f:
            outputs[fmt] = f.read()
        with open(model) as f:
            outputs[fmt + " model export"] = f.read()
    return outputs, counts


def differ(name, a, b, label_a, label_b):
    sys.stdout.write("DIFFERENT: %s\n" % name)
    sys.stdout.writelines(difflib.unified_diff(
        a.splitlines(True), b.splitlines(True), label_a, label_b))


def main(argv):
    formats = ["text", "json", "sarif"]
    if argv[:1] and argv[0].startswith("--formats="):
        formats = argv[0].split("=", 1)[1].split(",")
        argv = argv[1:]
    if len(argv) < 3 or argv[2] != "--":
        sys.exit(__doc__)
    kstidy, workdir, args = argv[0], argv[1], argv[3:]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    cache = os.path.join(workdir, "cache")
    plain, _ = run(kstidy, workdir, "plain", args, formats, None)
    cold, cold_counts = run(kstidy, workdir, "cold", args, formats, cache)
    warm, warm_counts = run(kstidy, workdir, "warm", args, formats, cache)
    if len(cold_counts) != len(formats) or len(warm_counts) != len(formats):
        sys.exit("--stats printed no result cache line")
    stored = cold_counts[0][2]
    print("cold: %d replayed, %d analysed, %d written" % cold_counts[0])
    print("warm: %s" % ", ".join("%d replayed, %d analysed" % c[:2]
                                 for c in warm_counts))
    ok = True
    for name in plain:
        for label, other in (("cold", cold), ("warm", warm)):
            if plain[name] != other[name]:
                differ(name, plain[name], other[name], "no cache", label)
                ok = False
    # What was not stored (a TU with a missing header) is analysed again.
    if any(c[0] != stored or c[1] != cold_counts[0][1] - stored
           for c in warm_counts):
        print("DIFFERENT: the warm runs did not replay the %d stored TUs"
              % stored)
        ok = False
    if ok:
        print("identical: no cache, cold and warm; %s" % ", ".join(plain))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
