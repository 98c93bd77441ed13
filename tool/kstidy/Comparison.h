//===- Comparison.h - Static findings beside what the runtime did ---------===//
//
// kstidy --compare: each static finding is paired with the runtime findings
// of the replay (Replay.h) that witness it, and each side's leftovers are
// listed: confirmed, static-only, runtime-only.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_COMPARISON_H
#define KSTIDY_TOOL_COMPARISON_H

#include "Findings.h"
#include "Replay.h"

#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace ks {

/// One row of the static/runtime comparison.
struct ComparisonRow {
  std::string Check;
  std::string Where;   ///< file:line
  std::string Static;  ///< the static message, or "-"
  std::string Runtime; ///< what the reference observed, or "-"
  std::string Verdict; ///< confirmed, static-only, runtime-only
};

/// Pairs static findings (paths made relative to \p BaseDir) with runtime
/// findings: same check, same file, the static line inside the runtime
/// finding's span.
std::vector<ComparisonRow>
compareFindings(const std::vector<Finding> &Static,
                const std::vector<RuntimeFinding> &Runtime,
                llvm::StringRef BaseDir);

void printComparison(llvm::raw_ostream &OS,
                     const std::vector<ComparisonRow> &Rows);
llvm::json::Value comparisonToJson(const std::vector<ComparisonRow> &Rows);

} // namespace ks

#endif
