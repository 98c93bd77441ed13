#!/usr/bin/env python3
"""Minimal LSP client that checks a clangd build publishes a clang-tidy diagnostic.

Used by ctest to prove that kstidy-clangd (clangd with the kstidy clang-tidy
module linked in) reports a given check through the language server.  Only the
Python 3 standard library is used: JSON-RPC 2.0 over stdio with
Content-Length framing is implemented below.

Exit codes: 0 = pass, 1 = expectation failed (or timed out), 2 = usage or
server start/protocol error.
"""

import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

EXIT_PASS, EXIT_FAIL, EXIT_ERROR = 0, 1, 2


class ServerError(Exception):
    """The server could not be started or broke the protocol."""


class LspConnection:
    """JSON-RPC 2.0 over the stdio of a child process."""

    def __init__(self, proc):
        self.proc = proc
        self.next_id = 0
        self.messages = queue.Queue()
        self.reader = threading.Thread(target=self._read_loop, daemon=True)
        self.reader.start()

    # -- framing ---------------------------------------------------------
    def _read_one(self):
        stream = self.proc.stdout
        length = None
        while True:
            line = stream.readline()
            if not line:
                return None  # EOF
            line = line.rstrip(b"\r\n")
            if not line:
                break  # end of headers
            name, _, value = line.decode("ascii", "replace").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        if length is None:
            raise ServerError("message without Content-Length header")
        body = stream.read(length)
        if len(body) < length:
            return None
        return json.loads(body.decode("utf-8"))

    def _read_loop(self):
        try:
            while True:
                msg = self._read_one()
                if msg is None:
                    break
                self.messages.put(msg)
        except Exception as exc:  # surfaced to the main thread
            self.messages.put(exc)
        self.messages.put(None)  # EOF marker

    def _write(self, payload):
        data = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        header = "Content-Length: %d\r\n\r\n" % len(data)
        try:
            self.proc.stdin.write(header.encode("ascii") + data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise ServerError("cannot write to server: %s" % exc)

    # -- JSON-RPC --------------------------------------------------------
    def request(self, method, params):
        self.next_id += 1
        self._write({"jsonrpc": "2.0", "id": self.next_id,
                     "method": method, "params": params})
        return self.next_id

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self._write(msg)

    def respond(self, msg_id, result=None):
        self._write({"jsonrpc": "2.0", "id": msg_id, "result": result})

    def receive(self, deadline):
        """Next message, or raise TimeoutError / ServerError.

        Server->client requests are answered with a null result here so the
        server never stalls waiting on us.
        """
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError()
            try:
                msg = self.messages.get(timeout=remaining)
            except queue.Empty:
                raise TimeoutError()
            if msg is None:
                raise ServerError("server closed its stdout (exit code %s)"
                                  % self.proc.poll())
            if isinstance(msg, Exception):
                raise ServerError("protocol error: %s" % msg)
            if "method" in msg and "id" in msg:
                # e.g. window/workDoneProgress/create, workspace/configuration
                result = None
                if msg["method"] == "workspace/configuration":
                    items = msg.get("params", {}).get("items", [])
                    result = [None] * len(items)
                self.respond(msg["id"], result)
                continue
            return msg

    def wait_response(self, msg_id, deadline, on_other=None):
        while True:
            msg = self.receive(deadline)
            if msg.get("id") == msg_id and "method" not in msg:
                if "error" in msg:
                    raise ServerError("request %d failed: %s"
                                      % (msg_id, msg["error"]))
                return msg.get("result")
            if on_other is not None:
                on_other(msg)


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Check that an LSP server (clangd) publishes a clang-tidy "
                    "diagnostic for a fixture file.")
    p.add_argument("--server", required=True, help="path to the clangd binary")
    p.add_argument("--fixture", required=True, help="C++ source to open")
    p.add_argument("--expect-code", required=True,
                   help="clang-tidy check name expected in Diagnostic.code")
    p.add_argument("--expect-line", type=int,
                   help="1-based line the diagnostic must start on")
    p.add_argument("--expect-message-substring",
                   help="substring the diagnostic message must contain")
    p.add_argument("--expect-absent", action="store_true",
                   help="assert the code is NOT published (negative test)")
    p.add_argument("--allow-errors", action="store_true",
                   help="with --expect-absent, accept a fixture that has "
                        "error diagnostics (by default that fails, since a "
                        "broken parse makes an absent finding meaningless)")
    p.add_argument("--flag", action="append", default=[],
                   help="compile flag for compile_flags.txt (repeatable; "
                        "may contain spaces)")
    p.add_argument("--wdk-flags-from", metavar="KSTIDY",
                   help="append the flags `KSTIDY --print-wdk-flags` prints "
                        "(kstidy's WDK profile) to compile_flags.txt")
    p.add_argument("--clang-tidy-add", action="append", default=[],
                   help="value(s) for .clangd Diagnostics.ClangTidy.Add "
                        "(repeatable, globs allowed; default: --expect-code)")
    p.add_argument("--bare", action="store_true",
                   help="write the fixture alone: no compile_flags.txt, no "
                        ".clangd (kstidy-clangd sets the workspace up)")
    p.add_argument("--clang-tidy-checks",
                   help="write a .clang-tidy with this Checks value beside "
                        "the fixture")
    p.add_argument("--expect-related-line", type=int,
                   help="the matching diagnostic has a note "
                        "(relatedInformation) at this line of the fixture")
    p.add_argument("--expect-href",
                   help="the matching diagnostic's codeDescription.href")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="overall seconds to wait for diagnostics (default 120)")
    p.add_argument("--keep-temp", action="store_true",
                   help="do not delete the temporary project directory")
    p.add_argument("--verbose", action="store_true",
                   help="print every diagnostic publish received")
    args = p.parse_args(argv)
    if args.wdk_flags_from:
        try:
            out = subprocess.run([args.wdk_flags_from, "--print-wdk-flags"],
                                 check=True, capture_output=True, text=True,
                                 timeout=60).stdout
        except (OSError, subprocess.SubprocessError) as e:
            p.error("--wdk-flags-from: %s" % e)
        args.flag.extend(line for line in out.splitlines() if line)
    if args.expect_line is not None and args.expect_line < 1:
        p.error("--expect-line is 1-based and must be >= 1")
    if args.timeout <= 0:
        p.error("--timeout must be positive")
    return args


def yaml_quote(s):
    # A double-quoted YAML scalar; JSON string escaping is a subset of it.
    return json.dumps(s)


def write_project(tmp, fixture_path, args):
    dest = tmp / fixture_path.name
    shutil.copyfile(fixture_path, dest)
    if args.clang_tidy_checks is not None:
        (tmp / ".clang-tidy").write_text(
            "Checks: %s\n" % yaml_quote(args.clang_tidy_checks),
            encoding="utf-8")
    if args.bare:
        return dest
    (tmp / "compile_flags.txt").write_text(
        "".join(flag + "\n" for flag in args.flag), encoding="utf-8")
    adds = args.clang_tidy_add or [args.expect_code]
    (tmp / ".clangd").write_text(
        "Diagnostics:\n"
        "  ClangTidy:\n"
        "    Add: [%s]\n"
        "    FastCheckFilter: Loose\n"
        # No stdlib/background indexing: irrelevant to diagnostics, and the
        # stdlib index build otherwise delays clangd's exit by ~1.5 s.
        "Index:\n"
        "  StandardLibrary: No\n"
        "  Background: Skip\n" % ", ".join(yaml_quote(a) for a in adds),
        encoding="utf-8")
    return dest


def fmt_diag(d):
    start = d.get("range", {}).get("start", {})
    return "%s@%d:%d %r (%s)" % (d.get("code"), start.get("line", -1) + 1,
                                  start.get("character", -1) + 1,
                                  d.get("message", ""), d.get("source"))


def matches(d, args):
    if d.get("code") != args.expect_code:
        return False
    if args.expect_line is not None:
        if d.get("range", {}).get("start", {}).get("line", -1) + 1 != args.expect_line:
            return False
    if args.expect_message_substring is not None:
        if args.expect_message_substring not in d.get("message", ""):
            return False
    if args.expect_related_line is not None:
        lines = [r.get("location", {}).get("range", {}).get("start", {})
                 .get("line", -2) + 1
                 for r in d.get("relatedInformation", [])]
        if args.expect_related_line not in lines:
            return False
    if args.expect_href is not None:
        if d.get("codeDescription", {}).get("href") != args.expect_href:
            return False
    return True


def run(args):
    server = shutil.which(args.server) or args.server
    if not (os.path.isfile(server) and os.access(server, os.X_OK)):
        print("ERROR: server %r is not an executable file" % args.server)
        return EXIT_ERROR
    fixture = Path(args.fixture)
    if not fixture.is_file():
        print("ERROR: fixture %r not found" % args.fixture)
        return EXIT_ERROR

    tmp = Path(tempfile.mkdtemp(prefix="kstidy-lsp-")).resolve()
    stderr_file = tempfile.TemporaryFile(prefix="kstidy-lsp-stderr-")
    started = time.monotonic()
    proc = None
    conn = None
    result = EXIT_ERROR
    summary = ""
    failure_details = []
    other_publishes = {}
    publishes = []
    try:
        src = write_project(tmp, fixture, args)
        uri = src.as_uri()
        root_uri = tmp.as_uri()

        # Isolate from the user's clangd config (~/.config/clangd/config.yaml)
        # so only our project .clangd applies.
        env = dict(os.environ)
        env["XDG_CONFIG_HOME"] = str(tmp / ".xdg-config")
        env["HOME"] = str(tmp)  # macOS-style fallback lookups, cache dirs
        env["XDG_CACHE_HOME"] = str(tmp / ".xdg-cache")
        try:
            proc = subprocess.Popen(
                [server, "--log=error", "--pch-storage=memory"],
                cwd=str(tmp), env=env, stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=stderr_file)
        except OSError as exc:
            raise ServerError("cannot start server: %s" % exc)
        conn = LspConnection(proc)
        deadline = started + args.timeout

        # `publishes`: every publishDiagnostics for our URI, in arrival order.
        # `other_publishes`: latest publish per other URI.  clangd reports
        # problems in the .clangd file itself this way (e.g. an unknown
        # clang-tidy check name when the module is not linked in); these are
        # shown on failure.

        def on_other(msg):
            if msg.get("method") == "textDocument/publishDiagnostics":
                params = msg.get("params", {})
                if params.get("uri") == uri:
                    publishes.append(params)
                else:
                    other_publishes[params.get("uri")] = params.get("diagnostics", [])
                if args.verbose:
                    print("publish %s (version %s): %s" % (
                        params.get("uri"), params.get("version"),
                        [fmt_diag(d) for d in params.get("diagnostics", [])]))

        init_id = conn.request("initialize", {
            "processId": os.getpid(),
            "rootUri": root_uri,
            "rootPath": str(tmp),
            "workspaceFolders": [{"uri": root_uri, "name": tmp.name}],
            "capabilities": {
                "textDocument": {
                    "publishDiagnostics": {
                        "relatedInformation": True,
                        "versionSupport": True,
                        "codeDescriptionSupport": True,
                    },
                    "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
                },
                "window": {"workDoneProgress": True},
                "workspace": {"configuration": True},
            },
            "initializationOptions": {},
        })
        conn.wait_response(init_id, deadline, on_other)
        conn.notify("initialized", {})
        conn.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1,
            "text": src.read_text(encoding="utf-8", errors="surrogateescape"),
        }})

        # Deciding when diagnostics are final (deterministic, no sleeps):
        # clangd runs clang-tidy inside the main-file AST build and publishes
        # that build's diagnostics once per document version, tagged with
        # "version" (we advertise versionSupport).  We never edit the
        # document, so the publish carrying version 1 is the final one for
        # the file; publishes for other URIs (clangd reports .clangd config
        # problems as diagnostics of the .clangd file) are kept apart.
        # As an extra barrier we also send textDocument/documentSymbol,
        # which clangd serves from the file's ASTWorker only after the
        # version-1 preamble/AST is ready -- so a server that crashes or
        # rejects the file surfaces as an error instead of a silent wait.
        # We require BOTH the documentSymbol response and the version-1
        # publish (in whichever order they arrive) and evaluate the latest
        # version-1 publish.  (A server that omits "version" is accepted.)
        sym_id = conn.request("textDocument/documentSymbol",
                              {"textDocument": {"uri": uri}})
        conn.wait_response(sym_id, deadline, on_other)

        def final_publish():
            for p in reversed(publishes):
                if p.get("version") in (1, None):
                    return p
            return None

        while final_publish() is None:
            on_other(conn.receive(deadline))

        diags = final_publish().get("diagnostics", [])
        found = [d for d in diags if matches(d, args)]
        elapsed = time.monotonic() - started
        desc = args.expect_code
        if args.expect_line is not None:
            desc += " at line %d" % args.expect_line
        if args.expect_message_substring is not None:
            desc += " with message containing %r" % args.expect_message_substring
        if args.expect_absent:
            errors = [d for d in diags if d.get("severity") == 1]
            if found:
                result = EXIT_FAIL
                summary = "FAIL: %s was published but expected absent" % desc
                failure_details = found
            elif errors and not args.allow_errors:
                result = EXIT_FAIL
                summary = ("FAIL: %s absent, but the fixture has %d error(s), "
                           "so that proves nothing (use --allow-errors to "
                           "accept)" % (desc, len(errors)))
                failure_details = diags
            else:
                result = EXIT_PASS
                summary = "PASS: %s absent (%d other diagnostics)" % (desc, len(diags))
        else:
            if found:
                result = EXIT_PASS
                summary = "PASS: %s published: %s" % (desc, fmt_diag(found[0]))
            else:
                result = EXIT_FAIL
                summary = "FAIL: %s not published" % desc
                failure_details = diags
        summary += " [%s, %.2fs]" % (fixture.name, elapsed)
    except TimeoutError:
        result = EXIT_FAIL
        summary = "FAIL: timed out after %.0fs waiting for diagnostics of %s" % (
            args.timeout, fixture.name)
        failure_details = publishes[-1].get("diagnostics", []) if publishes else []
    except ServerError as exc:
        result = EXIT_ERROR
        summary = "ERROR: %s" % exc
    finally:
        if proc is not None:
            shutdown(proc, conn)

    print(summary)
    if result != EXIT_PASS:
        if failure_details:
            print("diagnostics:")
            for d in failure_details:
                print("  " + fmt_diag(d))
        elif result == EXIT_FAIL:
            print("diagnostics: (none)")
        for other_uri, other_diags in sorted(other_publishes.items()):
            if other_diags:
                print("diagnostics for %s:" % other_uri)
                for d in other_diags:
                    print("  " + fmt_diag(d))
        stderr_file.seek(0)
        err = stderr_file.read().decode("utf-8", "replace")
        if err.strip():
            print("---- server stderr ----")
            print(err.rstrip())
            print("-----------------------")
    stderr_file.close()
    if args.keep_temp:
        print("temp project kept at %s" % tmp)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def shutdown(proc, conn):
    """shutdown + exit; kill the server if it is not gone within 10 s."""
    deadline = time.monotonic() + 10
    if conn is not None and proc.poll() is None:
        try:
            sid = conn.request("shutdown", None)
            try:
                conn.wait_response(sid, deadline)
            except (TimeoutError, ServerError):
                pass
            conn.notify("exit")
        except ServerError:
            pass
    try:
        proc.stdin.close()
    except OSError:
        pass
    try:
        proc.wait(timeout=max(0.1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# Options whose value may itself start with '-' (compile flags such as
# "-std=c++17"); argparse would take "--flag -std=c++17" for two options.
VALUE_OPTIONS = ("--flag", "--expect-message-substring", "--clang-tidy-add")


def join_option_values(argv):
    """Rewrite "--flag VALUE" to "--flag=VALUE" so VALUE may begin with '-'."""
    out, i = [], 0
    while i < len(argv):
        if argv[i] in VALUE_OPTIONS and i + 1 < len(argv):
            out.append(argv[i] + "=" + argv[i + 1])
            i += 2
        else:
            out.append(argv[i])
            i += 1
    return out


def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    args = parse_args(join_option_values(argv))  # argparse exits with 2 on usage errors
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
