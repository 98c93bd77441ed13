//===- SafeIO.h - reading and writing kstidy's files without surprises ----===//
//
// Every file kstidy reads that a user, another tool or a pull request may
// have written (model exports, SARIF logs, baselines, compile databases,
// clang-tidy configurations) and every file it writes goes through here:
//
//  - readers refuse nesting deeper than MaxNesting before a recursive parser
//    (LLVM's JSON and YAML parsers have no depth limit) can run out of stack;
//  - writers replace a regular file atomically (a temporary file and a
//    rename, removed again if the process is interrupted), write straight
//    into a device, FIFO or socket (`-o /dev/stdout`, `-o /dev/null`), and
//    replace a symbolic link's target rather than the link;
//  - every failure is one line with the operating system's reason.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_SAFEIO_H
#define KSTIDY_TOOL_SAFEIO_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <optional>
#include <string>
#include <system_error>

namespace ks {

/// The deepest nesting of arrays, objects, sequences or mappings kstidy
/// reads. Its own files nest fewer than 16 levels; a compile database or a
/// clang-tidy configuration fewer than 8.
constexpr unsigned MaxNesting = 256;

enum class TextSyntax { Json, Yaml };

/// "nested deeper than N levels (line L)", or nothing when \p Text stays
/// within \p Limit. For YAML, block nesting is bounded by the indentation
/// and the sequence/key indicators on a line, flow nesting by brackets.
std::optional<std::string> nestingProblem(llvm::StringRef Text,
                                          TextSyntax Syntax,
                                          unsigned Limit = MaxNesting);

/// Parses JSON text named \p Name, refusing too deep nesting.
llvm::Expected<llvm::json::Value> parseJsonText(llvm::StringRef Text,
                                                llvm::StringRef Name);

/// Reads and parses a JSON file; the error is one line naming the file.
llvm::Expected<llvm::json::Value> readJsonFile(llvm::StringRef Path);

/// The reason a path cannot be read as a file, as the OS gives it: "no such
/// file", "too many levels of symbolic links", "permission denied", "is a
/// directory". Empty when it can be read.
std::string unreadableReason(llvm::StringRef Path);

/// Writes \p Path: atomically when it is (or will be) a regular file,
/// directly when it is a device, FIFO or socket. A symbolic link keeps
/// pointing where it did; its target is replaced. Returns the one-line
/// problem ("cannot write X: No space left on device") on failure, with
/// no temporary file left behind.
std::optional<std::string>
writeAtomically(llvm::StringRef Path,
                llvm::function_ref<void(llvm::raw_ostream &)> Write);

/// A source file's text as the analysis reads it: its bytes, or their
/// UTF-8 transcoding when it starts with a UTF-16 byte order mark (Visual
/// Studio saves some sources that way). Null when it cannot be read or is
/// not valid UTF-16 after such a mark.
std::unique_ptr<llvm::MemoryBuffer> readSourceText(llvm::StringRef Path);

/// Whether \p Bytes begin with a UTF-16 byte order mark.
bool isUtf16(llvm::StringRef Bytes);

/// Flushes standard output; the one-line problem when what was written to
/// it is lost (a closed pipe, a full disk).
std::optional<std::string> flushStdout();

} // namespace ks

#endif
