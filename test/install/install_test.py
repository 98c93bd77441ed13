#!/usr/bin/env python3
"""The installed kstidy: `cmake --install` to a prefix, and the Debian package.

  install_test.py prefix  BUILD_DIR SRC_DIR CLANG_TIDY
  install_test.py package BUILD_DIR SRC_DIR CLANG_TIDY

prefix:  `cmake --install BUILD_DIR --prefix T/prefix`, then the installed
         layout is moved elsewhere (relocatable), and the moved kstidy runs
         from an unrelated working directory over a copy of an example tree.
package: CPack makes the .deb; its control fields name Debian's LLVM/Clang
         runtime packages; apt-get resolves its Depends (simulated, as root);
         it is unpacked into an empty root and the kstidy in it runs as above.

Both compare the installed kstidy's report with the build tree's kstidy's
report over the same files (same findings, same exit code 1), check that the
WDK profile it applies is the installed one, and that the installed plugin
loads in stock clang-tidy and lists the ks checks. Exit 0 on success, 1 with
the first difference.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

TREE = "pc-audio"


def fail(message):
    print("install_test: FAIL: " + message)
    sys.exit(1)


def run(cmd, cwd=None, env=None):
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    return proc


def findings_of(kstidy, tree, cwd):
    """kstidy's exit code and its warnings, paths relative to the tree."""
    sources = sorted(os.path.basename(p) for p in glob.glob(tree + "/*.cpp"))
    env = dict(os.environ)
    env.pop("KSTIDY_WDK_COMPAT_DIR", None)
    env.pop("KSTIDY_CACHE_DIR", None)
    proc = run([kstidy] + [os.path.join(tree, s) for s in sources] + ["--"],
               cwd=cwd, env=env)
    warnings = sorted(
        line.replace(tree + os.sep, "")
        for line in proc.stdout.splitlines() if ": warning: " in line)
    return proc.returncode, warnings, proc.stderr


def check_installed(root, bindir, libdir, sharedir, build, src, clang_tidy,
                    scratch):
    kstidy = os.path.join(bindir, "kstidy")
    for path in (kstidy, os.path.join(bindir, "kstidy-clangd"),
                 os.path.join(libdir, "KsTidy.so"),
                 os.path.join(libdir, "KsTidyChecks.so"),
                 os.path.join(sharedir, "wdk-compat", "kstidy-wdk-compat.h")):
        if not os.path.exists(path):
            fail("%s is not installed" % os.path.relpath(path, root))

    tree = os.path.join(scratch, "driver", TREE)
    shutil.copytree(os.path.join(src, "test", "examples", TREE), tree)
    elsewhere = os.path.join(scratch, "elsewhere")
    os.makedirs(elsewhere)

    # The profile is the installed one, found from the executable's place.
    env = dict(os.environ)
    env.pop("KSTIDY_WDK_COMPAT_DIR", None)
    flags = run([kstidy, "--print-wdk-flags"], cwd=elsewhere, env=env)
    compat = os.path.join(os.path.realpath(sharedir), "wdk-compat")
    if flags.returncode != 0 or compat not in flags.stdout:
        fail("the installed kstidy does not use its installed WDK profile "
             "%s: %s%s" % (compat, flags.stdout, flags.stderr))
    if os.path.join(src, "tool", "wdk-compat") in flags.stdout:
        fail("the installed kstidy uses the source tree's WDK profile")

    got = findings_of(kstidy, tree, elsewhere)
    want = findings_of(os.path.join(build, "bin", "kstidy"), tree, src)
    if got[0] != 1 or got[1] != want[1] or not got[1]:
        fail("installed kstidy (exit %d) differs from the build tree's "
             "(exit %d):\n%s\n---\n%s\n%s" % (got[0], want[0],
                                              "\n".join(got[1]),
                                              "\n".join(want[1]), got[2]))
    print("installed kstidy: exit 1, the build tree's %d findings over %s"
          % (len(got[1]), TREE))

    version = run([os.path.join(bindir, "kstidy-clangd"), "--version"])
    if version.returncode != 0 or "kstidy" not in version.stdout + version.stderr:
        fail("installed kstidy-clangd --version: %s%s"
             % (version.stdout, version.stderr))

    plugin = run([clang_tidy, "--load=" + os.path.join(libdir, "KsTidy.so"),
                  "--checks=-*,ks-*", "--list-checks"], cwd=elsewhere)
    listed = re.findall(r"^\s+(ks-[a-z0-9-]+)$", plugin.stdout, re.M)
    if plugin.returncode != 0 or len(listed) < 5:
        fail("the installed plugin does not load in %s: %s%s"
             % (clang_tidy, plugin.stdout, plugin.stderr))
    print("installed plugin: %s lists %d ks checks" % (clang_tidy, len(listed)))


def test_prefix(build, src, clang_tidy, scratch):
    prefix = os.path.join(scratch, "prefix")
    proc = run(["cmake", "--install", build, "--prefix", prefix])
    if proc.returncode != 0:
        fail("cmake --install: " + proc.stdout + proc.stderr)
    # Relocatable: the whole prefix moved after installation.
    moved = os.path.join(scratch, "moved", "opt", "kstidy")
    os.makedirs(os.path.dirname(moved))
    shutil.move(prefix, moved)
    if not os.path.exists(os.path.join(moved, "share", "doc", "kstidy",
                                       "README.md")):
        fail("the docs are not installed under share/doc/kstidy")
    check_installed(moved, os.path.join(moved, "bin"),
                    os.path.join(moved, "lib", "kstidy"),
                    os.path.join(moved, "share", "kstidy"), build, src,
                    clang_tidy, scratch)


def test_package(build, src, clang_tidy, scratch):
    out = os.path.join(scratch, "pkg")
    proc = run(["cpack", "--config", os.path.join(build, "CPackConfig.cmake"),
                "-G", "DEB", "-B", out], cwd=build)
    if proc.returncode != 0:
        fail("cpack: " + proc.stdout + proc.stderr)
    debs = glob.glob(os.path.join(out, "kstidy_*_*.deb"))
    if len(debs) != 1:
        fail("cpack made %s, not one kstidy_<version>_<arch>.deb" % debs)
    deb = debs[0]
    print("package: " + os.path.basename(deb))

    fields = run(["dpkg-deb", "-f", deb, "Package", "Version", "Depends"])
    depends = [d.strip().split(" ")[0] for d in
               re.search(r"^Depends: (.*)$", fields.stdout, re.M)[1].split(",")]
    major = re.search(r"clang-tidy-(\d+)", clang_tidy)[1]
    for needed in ("libllvm" + major, "libclang-cpp" + major,
                   "libclang-common-%s-dev" % major, "mingw-w64-common",
                   "libfmt9", "libtinyxml2-9"):
        if needed not in depends:
            fail("Depends lacks %s: %s" % (needed, ", ".join(depends)))
    print("Depends: " + ", ".join(depends))

    # Every dependency resolvable from the distribution (simulated: nothing
    # is installed). Needs root for apt-get's lock, as CI has.
    if os.geteuid() == 0 and shutil.which("apt-get"):
        sim = run(["apt-get", "install", "--simulate", "--no-install-recommends",
                   deb])
        if sim.returncode != 0:
            fail("apt-get cannot install the package: " + sim.stdout + sim.stderr)
        print("apt-get install --simulate: the Depends resolve")
    else:
        print("apt-get install --simulate: not run (needs root and apt-get)")

    root = os.path.join(scratch, "root")
    os.makedirs(root)
    proc = run(["dpkg-deb", "-x", deb, root])
    if proc.returncode != 0:
        fail("dpkg-deb -x: " + proc.stderr)
    usr = os.path.join(root, "usr")
    check_installed(root, os.path.join(usr, "bin"),
                    os.path.join(usr, "lib", "kstidy"),
                    os.path.join(usr, "share", "kstidy"), build, src,
                    clang_tidy, scratch)


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("prefix", "package"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    mode, build, src, clang_tidy = sys.argv[1:]
    build, src = os.path.abspath(build), os.path.abspath(src)
    with tempfile.TemporaryDirectory(prefix="kstidy-install-") as scratch:
        if mode == "prefix":
            test_prefix(build, src, clang_tidy, scratch)
        else:
            test_package(build, src, clang_tidy, scratch)
    print("install_test %s: ok" % mode)
    return 0


if __name__ == "__main__":
    sys.exit(main())
