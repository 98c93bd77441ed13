//===- Output.h - Findings written as text, JSON or SARIF -----------------===//
//
// kstidy writes its findings in one of three formats: text lines for people
// and editors, JSON for scripts (docs/output.md), SARIF 2.1.0 for GitHub
// code scanning and Microsoft's SARIF tooling. JSON and SARIF carry each
// finding's fingerprint (Findings.h), which does not depend on its line
// number.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_OUTPUT_H
#define KSTIDY_TOOL_OUTPUT_H

#include "Analyzer.h"
#include "Findings.h"
#include "Notices.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>
#include <vector>

namespace ks {

constexpr int OutputSchemaVersion = 1;

/// The formats of --format.
enum class OutputFormat { Text, Json, Sarif };

/// "text", "json" or "sarif"; none for anything else.
std::optional<OutputFormat> parseOutputFormat(llvm::StringRef Name);

/// What a report is made of.
struct Report {
  const std::vector<Finding> &Findings;
  const std::vector<TuResult> &Results;   ///< JSON's translationUnits
  const std::vector<std::string> &Checks; ///< the enabled checks (SARIF)
  const std::vector<Notice> &Notices;     ///< relative to BaseDir
  /// JSON and SARIF paths are relative to it.
  llvm::StringRef BaseDir;
  /// Text paths are relative to it (the current directory).
  llvm::StringRef TextDir;
};

/// Writes \p R in \p Format: text lines, or one JSON / SARIF document and a
/// line break.
void writeReport(llvm::raw_ostream &OS, OutputFormat Format, const Report &R);

/// Prints `file:line:col: warning: message [check]` lines, its notes and
/// fix-it suggestions. Paths under \p BaseDir are printed relative to it.
void printText(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               llvm::StringRef BaseDir);

/// docs/output.md.
llvm::json::Value toJson(const std::vector<Finding> &Findings,
                         const std::vector<TuResult> &Results,
                         const std::vector<Notice> &Notices,
                         llvm::StringRef BaseDir);

/// SARIF 2.1.0, one run; \p Checks are the enabled checks (rules[]).
llvm::json::Value toSarif(const std::vector<Finding> &Findings,
                          const std::vector<std::string> &Checks,
                          const std::vector<Notice> &Notices,
                          llvm::StringRef BaseDir);

} // namespace ks

#endif
