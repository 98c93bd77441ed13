# lit configuration for kstidy's fixtures. Every fixture drives the real
# tools: the kstidy CLI and stock clang-tidy-N (the build's LLVM) with the
# KsTidy plugin.
import os
import shlex
import subprocess
import sys

import lit.formats

config.name = "kstidy"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.kstidy_obj_root, "test")
# Model snapshots are inputs, not tests (the example driver trees are
# excluded by examples/lit.local.cfg); the directories of the script-driven
# tests (test/CMakeLists.txt runs them) hold sources that are not fixtures.
config.excludes = ["Inputs", "update-snapshots.sh", "ci", "catalogue",
                   "differential", "faults", "lsp", "sanitizer"]

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# A user's own clang-tidy configuration must not leak into fixtures.
config.environment["HOME"] = config.test_exec_root

wdk_flags = subprocess.run([config.kstidy, "--print-wdk-flags"], check=True,
                           capture_output=True, text=True).stdout.split("\n")
config.substitutions.append(
    ("%wdk_flags", " ".join(shlex.quote(f) for f in wdk_flags if f)))
config.substitutions.append(("%kstidy_plugin", config.kstidy_plugin))
# Sanitizer builds (docs/reliability.md): stock clang-tidy is not
# instrumented, so the instrumented plugin it loads needs the sanitizer
# runtime preloaded. test/CMakeLists.txt names that runtime in
# KSTIDY_PLUGIN_HOST_PRELOAD (lit itself must not run with it preloaded).
plugin_host_preload = os.environ.get("KSTIDY_PLUGIN_HOST_PRELOAD")
if plugin_host_preload:
    # Tests whose point is the same result on more inputs, not new code
    # paths, skip the several-times-slower sanitizer build.
    config.available_features.add("sanitizer-build")
    config.substitutions.append(("%clang_tidy", "env LD_PRELOAD=%s %s" % (
        shlex.quote(plugin_host_preload), config.clang_tidy)))
else:
    config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%kstidy", config.kstidy))
# A check fixture through both deliveries, FileChecked against the same
# CHECK lines: test/check_ks.py says how.
check_ks = [
    sys.executable, os.path.join(config.test_source_root, "check_ks.py"),
    "--kstidy", config.kstidy, "--clang-tidy", config.clang_tidy,
    "--plugin", config.kstidy_plugin,
    "--filecheck", os.path.join(config.llvm_tools_dir, "FileCheck")]
if plugin_host_preload:
    check_ks += ["--plugin-host-preload", plugin_host_preload]
config.substitutions.append(
    ("%check_ks", " ".join(shlex.quote(a) for a in check_ks) + " --temp %t"))
config.substitutions.append(
    ("%validate_model", "%s %s %s" % (
        config.system_python,
        os.path.join(config.kstidy_src_root, "test", "model", "validate_model.py"),
        os.path.join(config.kstidy_src_root, "docs", "model.schema.json"))))
config.substitutions.append(("%python", config.system_python))
config.substitutions.append(("%src_root", config.kstidy_src_root))
config.substitutions.append(("%examples", os.path.join(config.test_source_root, "examples")))
