#!/usr/bin/env python3
"""kstidy's benchmark (make bench): what the ks checks cost over the parse
floor, kstidy -j 2 against run-clang-tidy with the plugin, and how the cost
grows with items and translation units. Prints the results and writes them
to bench/results.md with the machine and the commands.

usage: run_bench.py KSTIDY PLUGIN SOURCE_ROOT
"""
import datetime
import glob
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# The LLVM kstidy was built against (make bench KSTIDY_LLVM=22): its clang
# is the parse floor and its run-clang-tidy the comparison.
LLVM = os.environ.get("KSTIDY_LLVM") or "19"
CLANG = "clang-" + LLVM
RUN_CLANG_TIDY = "run-clang-tidy-" + LLVM


def timed(cmd, cwd=None):
    """(wall s, cpu s, peak RSS MB) of one command, children included."""
    with tempfile.NamedTemporaryFile(mode="r", suffix=".time") as t:
        subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %U %S %M"] + cmd,
                       cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall, user, sys_, rss = t.read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024.0


def timed_many(cmds, cwd=None):
    wall = cpu = rss = 0.0
    for c in cmds:
        w, u, r = timed(c, cwd)
        wall, cpu, rss = wall + w, cpu + u, max(rss, r)
    return wall, cpu, rss


def instructions(cmd, cwd=None):
    """Instructions counted by callgrind (children too), or None."""
    if not shutil.which("valgrind"):
        return None
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "cg.%p")
        subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes",
                        "--callgrind-out-file=" + out] + cmd, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        total = 0
        for f in glob.glob(os.path.join(d, "cg.*")):
            with open(f, errors="replace") as fh:
                for line in fh:
                    if line.startswith(("summary:", "totals:")):
                        total += int(line.split()[1])
                        break
        return total or None


def generate(kstidy, out, tus, tables, items):
    subprocess.run([sys.executable, os.path.join(HERE, "gen_driver.py"), out,
                    str(tus), str(tables), str(items), kstidy], check=True,
                   stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "compile_commands.json")) as f:
        return json.load(f)


def clang_commands(db):
    # The same flags the compile database gives kstidy and clang-tidy.
    return [[CLANG, "-fsyntax-only"] + e["arguments"][1:-2] + [e["file"]]
            for e in db]


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    kstidy, plugin, root = (os.path.abspath(a) for a in argv[1:])
    work = tempfile.mkdtemp(prefix="kstidy-bench-")
    lines = []

    def say(s=""):
        print(s, flush=True)
        lines.append(s)

    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for l in f:
            if l.startswith("model name"):
                cpu = l.split(":", 1)[1].strip()
                break
    say("# kstidy benchmark")
    say()
    say("- date: %s" % datetime.datetime.now().strftime("%Y-%m-%d %H:%M"))
    say("- machine: %s, %d cores, %s" % (cpu, os.cpu_count(), platform.platform()))
    say("- command: `make bench` (bench/run_bench.py %s %s %s)" % tuple(
        os.path.relpath(a, root) for a in (kstidy, plugin, root)))
    say()

    # 1. The ks checks against the parse floor.
    examples = sorted(glob.glob(os.path.join(root, "test/examples/*/*.cpp")))
    flags = subprocess.run([kstidy, "--print-wdk-flags"], check=True,
                           capture_output=True, text=True).stdout.split()
    large_dir = os.path.join(work, "large")
    large = generate(kstidy, large_dir, 40, 4, 25)
    say("## 1. kstidy (ks-*) against the parse floor (%s -fsyntax-only, same flags)"
        % CLANG)
    say()
    say("Cold runs, no cache. kstidy shares one precompiled preamble among the "
        "TUs of a run that start with the same #include block (the default; "
        "docs/performance.md); --no-shared-preambles parses every TU whole, "
        "as the parse floor does.")
    say()
    say("| corpus | parse floor wall / CPU / peak RSS | kstidy -j 1 wall / CPU / peak RSS | ratio (CPU) | kstidy -j 1 --no-shared-preambles wall / CPU / peak RSS | ratio (CPU) |")
    say("|---|---|---|---|---|---|")
    corpora = [
        ("example trees (%d TUs)" % len(examples),
         [[CLANG, "-fsyntax-only"] + flags + [f] for f in examples], None,
         [kstidy, "-j", "1", "--quiet"] + examples + ["--"], None),
        ("generated driver (40 TUs, 4000 items)", clang_commands(large), large_dir,
         [kstidy, "-j", "1", "--quiet", "-p", large_dir], None),
    ]
    floors, floor_cpus = [], []
    for name, floor_cmds, floor_cwd, tidy_cmd, tidy_cwd in corpora:
        fw, fc, fr = timed_many(floor_cmds, floor_cwd)
        floors.append(fw)
        floor_cpus.append(fc)
        kw, kc, kr = timed(tidy_cmd, tidy_cwd)
        ww, wc, wr = timed(tidy_cmd[:3] + ["--no-shared-preambles"] + tidy_cmd[3:],
                           tidy_cwd)
        say("| %s | %.2f s / %.2f s / %.0f MB | %.2f s / %.2f s / %.0f MB | **%.3f** | %.2f s / %.2f s / %.0f MB | %.3f |"
            % (name, fw, fc, fr, kw, kc, kr, kc / fc, ww, wc, wr, wc / fc))
    one = large[0]
    floor_i = instructions(clang_commands([one])[0], large_dir)
    tidy_i = instructions([kstidy, "-j", "1", "--quiet", "-p", large_dir,
                           os.path.join(large_dir, one["file"])])
    say()
    if floor_i and tidy_i:
        say("Instructions (valgrind --tool=callgrind, one generated TU of 100 items): "
            "parse floor %d, kstidy %d, ratio **%.3f** (target: at most 1.05)."
            % (floor_i, tidy_i, tidy_i / floor_i))
    else:
        say("Instructions: valgrind not available.")
    say()

    # 2. kstidy -j 2 against run-clang-tidy -j 2 with the plugin.
    say("## 2. kstidy -j 2 against %s -j 2 with KsTidy.so" % RUN_CLANG_TIDY)
    say()
    say("Both read the same compile database (for the example trees, one "
        "written with the WDK profile's flags). Targets (cold, shared "
        "preambles): CPU at most 0.35x the parse floor's, wall at least 2.5x "
        "faster than run-clang-tidy.")
    say()
    examples_db = os.path.join(work, "examples-db")
    os.makedirs(examples_db)
    with open(os.path.join(examples_db, "compile_commands.json"), "w") as f:
        json.dump([{"directory": os.path.dirname(e), "file": e,
                    "arguments": [CLANG] + flags + ["-c", e]}
                   for e in examples], f, indent=1)
    rct = shutil.which(RUN_CLANG_TIDY)
    say("| corpus | tool | wall | CPU | peak RSS | CPU / parse floor CPU | run-clang-tidy wall / this wall |")
    say("|---|---|---|---|---|---|---|")
    for (name, db_dir), floor_cpu in zip(
            (("example trees", examples_db), ("generated driver", large_dir)),
            floor_cpus):
        rows = [("kstidy -j 2", [kstidy, "-j", "2", "--quiet", "-p", db_dir]),
                ("kstidy -j 2 --no-shared-preambles",
                 [kstidy, "-j", "2", "--quiet", "--no-shared-preambles",
                  "-p", db_dir])]
        if rct:
            rows.append((RUN_CLANG_TIDY + " -j 2 -load KsTidy.so",
                         [rct, "-quiet", "-load", plugin, "-checks=-*,ks-*",
                          "-j", "2", "-p", db_dir]))
        measured = [(label, timed(cmd)) for label, cmd in rows]
        rw = measured[-1][1][0] if rct else None
        for label, (w, c, r) in measured:
            say("| %s | %s | %.2f s | %.2f s | %.0f MB | %s | %s |"
                % (name, label, w, c, r,
                   ("**%.3f**" if label == "kstidy -j 2" else "%.3f") % (c / floor_cpu),
                   ("**%.2fx**" % (rw / w)) if rw and label == "kstidy -j 2"
                   else ("%.2fx" % (rw / w) if rw else "n/a")))
    if not rct:
        say()
        say(RUN_CLANG_TIDY + " not found.")
    say()

    # 3. The result cache: cold, warm, one source changed.
    say("## 3. The result cache (--cache-dir), kstidy -j 2")
    say()
    say("Each corpus in a copy of its own: a cold run into an empty cache "
        "directory, a warm run with nothing changed, and a warm run after "
        "one source was edited (a comment appended), against the parse "
        "floor's wall time (section 1) and the cold run without a cache "
        "(`kstidy -j 2 --no-cache`). Targets: warm at most 0.05x the parse "
        "floor, one source changed at most (1/N + 0.05)x, N the TUs.")
    say()
    say("| corpus | no cache wall / CPU / peak RSS | cold wall / CPU / peak RSS | warm wall / CPU / peak RSS | ratio to floor (target) | one changed wall / CPU / peak RSS | ratio to floor (target) |")
    say("|---|---|---|---|---|---|---|")
    examples_copy = os.path.join(work, "examples-copy")
    shutil.copytree(os.path.join(root, "test/examples"), examples_copy,
                    ignore=shutil.ignore_patterns("*.test", "*.cfg"))
    copied = sorted(glob.glob(os.path.join(examples_copy, "*/*.cpp")))
    cached = [
        ("example trees (%d TUs)" % len(copied),
         [kstidy, "-j", "2", "--quiet"] + copied + ["--"], copied, floors[0]),
        ("generated driver (40 TUs)", [kstidy, "-j", "2", "--quiet", "-p", large_dir],
         [os.path.join(large_dir, e["file"]) for e in large], floors[1]),
    ]
    for name, cmd, sources, floor_wall in cached:
        cache = os.path.join(work, "cache-" + str(len(sources)))
        nw, nc, nr = timed(cmd[:4] + ["--no-cache"] + cmd[4:])
        with_cache = cmd[:4] + ["--cache-dir=" + cache] + cmd[4:]
        cw, cc, cr = timed(with_cache)
        ww, wc, wr = timed(with_cache)
        with open(sources[len(sources) // 2], "a") as f:
            f.write("// edited\n")
        ow, oc, orr = timed(with_cache)
        n = len(sources)
        say("| %s | %.2f s / %.2f s / %.0f MB | %.2f s / %.2f s / %.0f MB | %.2f s / %.2f s / %.0f MB | **%.3f** (0.05) | %.2f s / %.2f s / %.0f MB | **%.3f** (%.3f) |"
            % (name, nw, nc, nr, cw, cc, cr, ww, wc, wr, ww / floor_wall,
               ow, oc, orr, ow / floor_wall, 1.0 / n + 0.05))
    say()

    # 4. Growth with items per table and with translation units.
    say("## 4. How the cost grows (kstidy -j 1 --no-shared-preambles, CPU seconds)")
    say()
    say("Every TU parsed whole, so that the checks' own cost shows; the last "
        "column is the same run with shared preambles.")
    say()
    say("| TUs | items per table (4 tables) | items | kstidy CPU | parse floor CPU | kstidy - floor per 1000 items | shared preambles CPU |")
    say("|---|---|---|---|---|---|---|")
    for tus, items in ((10, 25), (10, 100), (10, 400), (20, 100), (40, 100)):
        d = os.path.join(work, "g%d_%d" % (tus, items))
        db = generate(kstidy, d, tus, 4, items)
        _, fc, _ = timed_many(clang_commands(db), d)
        _, kc, _ = timed([kstidy, "-j", "1", "--quiet", "--no-shared-preambles",
                          "-p", d])
        _, sc, _ = timed([kstidy, "-j", "1", "--quiet", "-p", d])
        total = tus * 4 * items
        say("| %d | %d | %d | %.2f s | %.2f s | %.3f s | %.2f s |"
            % (tus, items, total, kc, fc, (kc - fc) / total * 1000, sc))
    say()
    say("Linear growth shows as a CPU time proportional to TUs at a fixed item "
        "count, and as a roughly constant extra cost per 1000 items.")
    shutil.rmtree(work, ignore_errors=True)
    with open(os.path.join(HERE, "results.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\nwritten to bench/results.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
