//===- Notices.h - What kstidy could not look at, and why
//------------------===//
//
// A run over a real driver tree meets headers that are not there, tables
// whose initializers did not compile, files that are not source. None of
// that may read as "clean": each becomes a notice, said once per run in
// every output (stderr lines in text mode, "notices" in JSON, SARIF's
// toolExecutionNotifications).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_NOTICES_H
#define KSTIDY_TOOL_NOTICES_H

#include "Analyzer.h"

#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace ks {

struct Notice {
  enum class Level { Note, Warning, Error };
  Level Severity = Level::Note;
  /// Stable identifier of the kind: "missing-header", "tables-not-analysed",
  /// "compile-errors", "input-skipped", "input-read", "msvc-default-int",
  /// "handler-not-analysed", "entry-not-judged",
  /// "pch-dropped", "cl-command".
  std::string Kind;
  std::string Message; ///< one line, paths relative to the base directory
  Location Where;      ///< empty File when the notice has no place
};

/// The notices of a run, in a stable order: per-TU ones in source order,
/// then the run-wide ones (each missing header once, however many TUs
/// include it). \p ShowParseErrors drops the hint to use it.
std::vector<Notice> collectNotices(const std::vector<TuResult> &Results,
                                   llvm::StringRef BaseDir,
                                   bool ShowParseErrors);

/// `kstidy: note: <message>` lines.
void printNotices(llvm::raw_ostream &OS, const std::vector<Notice> &Notices);

llvm::json::Value noticesToJson(const std::vector<Notice> &Notices,
                                llvm::StringRef BaseDir);

} // namespace ks

#endif
