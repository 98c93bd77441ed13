//===- Findings.h - Diagnostics as kstidy reports them --------------------===//
//
// A Finding is one diagnostic of a run, independent of how it is written
// (Output.h writes it as text, JSON or SARIF).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_FINDINGS_H
#define KSTIDY_TOOL_FINDINGS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace clang {
namespace tidy {
struct ClangTidyError;
}
} // namespace clang

namespace ks {

struct Location {
  std::string File; ///< absolute path, empty when the diagnostic has none
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
};

struct FixIt {
  Location Where;
  unsigned Length = 0;
  std::string Original; ///< the text being replaced
  std::string Replacement;
};

struct Note {
  Location Where;
  std::string Message;
};

struct Finding {
  std::string Check; ///< "ks-property-item-size", "clang-diagnostic-error"
  bool IsError = false;
  Location Where;
  std::string Message;
  std::vector<Note> Notes;
  std::vector<FixIt> Fixes;
};

/// Converts the engine's diagnostics, resolving paths and line/columns.
std::vector<Finding>
toFindings(const std::vector<clang::tidy::ClangTidyError> &Errors);

/// Sorts by file, offset and check; drops exact duplicates (a finding in a
/// header shared by several TUs is reported once).
void sortAndDeduplicate(std::vector<Finding> &Findings);

/// Stable identity of a finding: its check, its file (relative to
/// \p BaseDir), the text of its source line and its message — not its line
/// number.
std::string fingerprint(const Finding &F, llvm::StringRef BaseDir);

/// The text of line \p Line (1-based) of \p File, without its line break;
/// empty when there is no such line. Each file is read once per thread.
llvm::StringRef sourceLine(const std::string &File, unsigned Line);

/// Forgets the files sourceLine read on this thread, so that the next call
/// reads them again: for a process that writes the outputs of one file more
/// than once while the file changes (the fuzz targets).
void forgetSourceLines();

/// \p Text as valid UTF-8 (invalid bytes become U+FFFD), for JSON and SARIF.
std::string utf8(llvm::StringRef Text);

/// \p Path relative to \p BaseDir when it lies under it, as UTF-8;
/// "<command line>" for no path.
std::string displayPath(llvm::StringRef Path, llvm::StringRef BaseDir);

/// "1 finding", "3 findings".
std::string plural(size_t N, llvm::StringRef One, llvm::StringRef Many);

} // namespace ks

#endif
