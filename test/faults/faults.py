#!/usr/bin/env python3
"""Fault tests for kstidy's outputs, run as a real process (ctest: faults).

Usage: faults.py KSTIDY

Each case asserts the exit code and the one-line message:
  - SIGINT / SIGTERM while `--export-model` / `-o` is being written leave no
    temporary file, and the previous output whole (never a truncated one);
  - special files as outputs: a character device (a null device made with
    mknod when root, /dev/null otherwise) stays a device, /dev/stdout
    reaches standard output, a FIFO gets the bytes, a full device
    (/dev/full) is an error naming ENOSPC;
  - a compile database whose directories do not exist is reported per TU.
"""
import json, os, signal, stat, subprocess, sys, tempfile, time

KSTIDY = os.path.abspath(sys.argv[1])
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def big_table(path, n=8000):
    rows = ["#include <ntddk.h>", "#include <ks.h>",
            "NTSTATUS H(PIRP, PKSIDENTIFIER, PVOID);",
            "const KSPROPERTY_ITEM Items[] = {"]
    rows += ["  {%d, (PFNKSHANDLER)H, sizeof(KSPROPERTY), 4, 0, 0, 0, 0, 0, 0}," % i
             for i in range(n)]
    rows += ["};", "static const GUID G = {1,2,3,{4,5,6,7,8,9,10,11}};",
             "const KSPROPERTY_SET Sets[] = {{&G, %d, Items, 0, 0}};" % n]
    with open(path, "w") as f:
        f.write("\n".join(rows) + "\n")


def temps(d):
    return [n for n in os.listdir(d) if ".tmp-" in n]


def interrupted_writes(tmp):
    src = os.path.join(tmp, "big.cpp")
    big_table(src)
    out = os.path.join(tmp, "model.json")
    # A complete previous output, which an interrupted run must leave whole.
    subprocess.run([KSTIDY, "--quiet", "--export-model=" + out, src, "--"],
                   capture_output=True)
    with open(out) as f:
        previous = f.read()
    json.loads(previous)
    caught = 0
    for sig in (signal.SIGINT, signal.SIGTERM) * 4:
        p = subprocess.Popen([KSTIDY, "--quiet", "--export-model=" + out, src,
                              "--"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        while p.poll() is None and time.time() < deadline:
            if temps(tmp):
                p.send_signal(sig)
                caught += 1
                break
        p.wait()
        check(not temps(tmp), "no temporary file left after %s (%s)"
              % (signal.Signals(sig).name, "during the write" if p.returncode < 0
                 else "the run had finished"))
        with open(out) as f:
            text = f.read()
        try:
            whole = text == previous or isinstance(json.loads(text), dict)
        except ValueError:
            whole = False
        check(whole, "the output is the previous one or a complete new one")
    # The signal must have landed inside the write at least once, or the
    # test proved nothing.
    check(caught > 0, "a signal arrived while the output was being written "
          "(%d of 8 runs)" % caught)


def special_outputs(tmp):
    src = os.path.join(tmp, "bad.cpp")
    with open(src, "w") as f:
        f.write("#include <ntddk.h>\n#include <ks.h>\nNTSTATUS D(PIRP Irp) {\n"
                "  return KsPropertyHandlerWithAllocator(Irp, 0, NULL, NULL, 76);\n}\n")
    if os.geteuid() == 0:
        dev = os.path.join(tmp, "null")
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    else:
        dev = "/dev/null"
    r = subprocess.run([KSTIDY, "-o", dev, src, "--"], capture_output=True,
                       text=True)
    check(r.returncode == 1, "-o to a character device exits 1 (findings)")
    check(stat.S_ISCHR(os.stat(dev).st_mode),
          "the character device is still a device after -o")
    r = subprocess.run([KSTIDY, "-o", "/dev/stdout", src, "--"],
                       capture_output=True, text=True)
    check(r.returncode == 1 and "PropertyItemSize 76" in r.stdout,
          "-o /dev/stdout writes the report to standard output")
    fifo = os.path.join(tmp, "out.fifo")
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE, text=True)
    r = subprocess.run([KSTIDY, "-o", fifo, src, "--"], capture_output=True,
                       text=True, timeout=120)
    got = reader.communicate(timeout=60)[0]
    check(r.returncode == 1 and "PropertyItemSize 76" in got,
          "-o FIFO: the reader gets the report")
    check(stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO is still a FIFO")
    for args, what in ((["-o", "/dev/full"], "-o /dev/full"),
                       (["--export-model=/dev/full"], "--export-model=/dev/full")):
        r = subprocess.run([KSTIDY] + args + [src, "--"], capture_output=True,
                           text=True)
        lines = r.stderr.strip().splitlines()
        check(r.returncode == 2 and any(
            "cannot write /dev/full: No space left on device" in l for l in lines),
              what + " exits 2 naming ENOSPC")
    with open("/dev/full", "w") as full:
        r = subprocess.run([KSTIDY, src, "--"], stdout=full,
                           stderr=subprocess.PIPE, text=True)
    check(r.returncode == 2 and
          "cannot write standard output: No space left on device" in r.stderr,
          "a full standard output exits 2")
    r = subprocess.run([KSTIDY, "-o", tmp, src, "--"], capture_output=True,
                       text=True)
    check(r.returncode == 2 and "it is a directory" in r.stderr,
          "-o DIRECTORY exits 2")


def missing_directories(tmp):
    src = os.path.join(tmp, "bad.cpp")
    db = os.path.join(tmp, "db")
    os.makedirs(db, exist_ok=True)
    with open(os.path.join(db, "compile_commands.json"), "w") as f:
        json.dump([{"directory": "C:\\\\agent\\\\_work\\\\1\\\\s", "file": src,
                    "arguments": ["cl.exe", src]}], f)
    r = subprocess.run([KSTIDY, "-p", db, src], capture_output=True, text=True)
    check(r.returncode == 2 and "does not exist here" in r.stderr
          and "Stack dump" not in r.stderr,
          "a database from another machine: the TU is reported, no abort")


def main():
    with tempfile.TemporaryDirectory(prefix="kstidy-faults") as tmp:
        interrupted_writes(tmp)
        special_outputs(tmp)
        missing_directories(tmp)
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
