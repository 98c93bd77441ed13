#!/usr/bin/env python3
# ===- check_ks.py - one fixture through both deliveries -----------------===#
#
# A check fixture (test/checkers/<check>/*.c|cpp) states what one ks-*
# check reports, in CHECK lines under the code they speak of. The check
# ships twice, as the kstidy CLI and as the KsTidy plugin of stock
# clang-tidy, and both must report exactly the same. This script is lit's
# %check_ks (test/lit.cfg.py): it runs the fixture through each
# delivery, feeds each one's standard output to FileCheck against the same
# CHECK lines, and fails when either delivery exits unexpectedly or does not
# match. Every delivery runs and is reported even when the other failed.
#
#   %check_ks <check-name> %s [options] [-- <extra compiler arguments>]
#
# Fixture options:
#   --prefixes=P[,Q]         CHECK prefixes both deliveries must match
#                            (default CHECK-MESSAGES)
#   --kstidy-prefixes=P[,Q]  further prefixes for kstidy's output alone
#                            (it prints fix-its as notes; clang-tidy not)
#   --config=YAML            a clang-tidy configuration, given to both
#   --no-wdk-profile         kstidy --wdk-profile=none, and clang-tidy
#                            without kstidy's WDK flags
#   --expect-silence         no finding: kstidy exits 0 and FileCheck
#                            allows empty output
#   --compile-errors         the file does not compile: clang-tidy exits
#                            non-zero too
#   --kstidy-stderr=P        FileCheck kstidy's standard error against the
#                            prefix P as well (its summary)
#   --fixes                  apply clang-tidy --fix to a copy of the file
#                            without its CHECK- lines, and FileCheck the
#                            copy against CHECK-FIXES
#
# Stock clang-tidy reports the main file's findings only (--header-filter
# matching no header, its default before LLVM 22); kstidy reports headers.
#
# Every finding that no CHECK line expects fails the test
# (--implicit-check-not='warning:'). kstidy must exit non-zero when it
# reports findings; a delivery killed by a signal always fails.
#
# ===---------------------------------------------------------------------===#
import argparse
import os
import shlex
import subprocess
import sys


def parse_arguments(argv):
    if "--" in argv:
        split = argv.index("--")
        argv, extra = argv[:split], argv[split + 1:]
    else:
        extra = []
    parser = argparse.ArgumentParser(
        prog="check_ks.py", allow_abbrev=False,
        description="Run a kstidy check fixture through the kstidy CLI and "
        "the clang-tidy plugin, and FileCheck both.")
    # Set by the lit configuration.
    parser.add_argument("--kstidy", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--filecheck", default="FileCheck")
    parser.add_argument("--temp", required=True,
                        help="prefix of the files this test may write")
    parser.add_argument("--plugin-host-preload", default="",
                        help="LD_PRELOAD for clang-tidy alone (sanitizers)")
    # Set by the fixture.
    parser.add_argument("check")
    parser.add_argument("source")
    parser.add_argument("--prefixes", default="CHECK-MESSAGES")
    parser.add_argument("--kstidy-prefixes", default="")
    parser.add_argument("--config")
    parser.add_argument("--no-wdk-profile", action="store_true")
    parser.add_argument("--expect-silence", action="store_true")
    parser.add_argument("--compile-errors", action="store_true")
    parser.add_argument("--kstidy-stderr", metavar="PREFIX")
    parser.add_argument("--fixes", action="store_true")
    args = parser.parse_args(argv)
    args.extra = extra
    return args


def split_prefixes(text):
    return [p for p in text.split(",") if p]


def quoted(command):
    return " ".join(shlex.quote(a) for a in command)


class Report:
    """Collects the outcome of every step; prints the failures in full."""

    def __init__(self):
        self.failures = 0

    def step(self, name, ok, details):
        print("%s: %s" % ("PASS" if ok else "FAIL", name))
        if not ok:
            self.failures += 1
            for line in details:
                print("  " + line.rstrip("\n").replace("\n", "\n  "))
        sys.stdout.flush()


def run(command, env=None, stdin=None):
    return subprocess.run(command, env=env, input=stdin, capture_output=True,
                          text=True, errors="replace")


def exit_problem(code, want_failure):
    """Why an exit code is not the one the fixture expects, or None."""
    if code < 0:
        return "killed by signal %d" % -code
    if want_failure and code == 0:
        return "exited 0, expected a non-zero exit"
    if not want_failure and code != 0:
        return "exited %d, expected 0" % code
    return None


def filecheck(args, prefixes, text, allow_empty, implicit_not=True):
    command = [args.filecheck, args.source,
               "--check-prefixes=" + ",".join(prefixes)]
    if implicit_not:
        command.append("--implicit-check-not=warning:")
    if allow_empty:
        command.append("--allow-empty")
    result = run(command, stdin=text)
    return result.returncode == 0, command, result


def check_delivery(report, args, name, command, env, want_failure,
                   prefixes):
    result = run(command, env=env)
    with open("%s.%s.out" % (args.temp, name), "w") as out:
        out.write(result.stdout)
    problem = exit_problem(result.returncode, want_failure)
    ok, fc_command, fc = filecheck(args, prefixes, result.stdout,
                                   args.expect_silence)
    details = ["command: " + quoted(command)]
    if problem:
        details.append("exit: " + problem)
    if not ok:
        details.append("FileCheck: " + quoted(fc_command))
        details.append(fc.stderr)
    if problem or not ok:
        details.append("stdout:\n" + result.stdout)
        details.append("stderr:\n" + result.stderr)
    report.step("%s %s" % (name, ", ".join(prefixes)), ok and not problem,
                details)
    return result


def main():
    args = parse_arguments(sys.argv[1:])
    report = Report()
    checks = "--checks=-*," + args.check
    config = ["--config=" + args.config] if args.config else []
    host_env = None
    if args.plugin_host_preload:
        host_env = dict(os.environ, LD_PRELOAD=args.plugin_host_preload)

    wdk_flags = []
    if not args.no_wdk_profile:
        flags = run([args.kstidy, "--print-wdk-flags"])
        if flags.returncode != 0:
            print("kstidy --print-wdk-flags failed:\n" + flags.stderr)
            return 1
        wdk_flags = [f for f in flags.stdout.split("\n") if f]

    # The kstidy CLI applies its WDK profile itself.
    kstidy = [args.kstidy, checks]
    if args.no_wdk_profile:
        kstidy.append("--wdk-profile=none")
    kstidy += config + [args.source, "--"] + args.extra
    prefixes = split_prefixes(args.prefixes)
    result = check_delivery(
        report, args, "kstidy", kstidy, None, not args.expect_silence,
        prefixes + split_prefixes(args.kstidy_prefixes))
    if args.kstidy_stderr:
        ok, command, fc = filecheck(args, [args.kstidy_stderr],
                                    result.stderr, False, implicit_not=False)
        report.step("kstidy stderr " + args.kstidy_stderr, ok,
                    ["FileCheck: " + quoted(command), fc.stderr,
                     "stderr:\n" + result.stderr])

    # The plugin in stock clang-tidy gets the WDK profile as flags, and
    # reports the main file's findings only: LLVM 19's clang-tidy does so by
    # default, LLVM 22's (header filter '.*') is told to.
    plugin = [args.clang_tidy, "--load=" + args.plugin, checks,
              "--header-filter=^$"] + config
    check_delivery(report, args, "clang-tidy",
                   plugin + [args.source, "--"] + wdk_flags + args.extra,
                   host_env, args.compile_errors, prefixes)

    if args.fixes:
        # The fix-its, applied by the plugin to a copy that keeps no
        # CHECK- line (they would match themselves).
        copy = args.temp + os.path.splitext(args.source)[1]
        with open(args.source, "rb") as src, open(copy, "wb") as dst:
            dst.writelines(l for l in src if b"CHECK-" not in l)
        command = plugin + ["--fix", copy, "--"] + wdk_flags + args.extra
        fixed = run(command, env=host_env)
        problem = exit_problem(fixed.returncode, False)
        with open(copy, errors="replace") as text:
            ok, fc_command, fc = filecheck(args, ["CHECK-FIXES"], text.read(),
                                           False, implicit_not=False)
        details = ["command: " + quoted(command)]
        if problem:
            details += ["exit: " + problem, "stdout:\n" + fixed.stdout,
                        "stderr:\n" + fixed.stderr]
        if not ok:
            details += ["FileCheck: " + quoted(fc_command), fc.stderr]
        report.step("clang-tidy --fix CHECK-FIXES", ok and not problem,
                    details)

    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
