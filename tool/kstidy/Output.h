//===- Output.h - JSON and SARIF output, fingerprints, baselines ----------===//
//
// CI reads kstidy's findings as JSON (docs/output.md) or SARIF 2.1.0 (GitHub
// code scanning, Microsoft's SARIF tooling). Every finding carries a
// fingerprint that does not depend on its line number, so that baselines
// and code scanning keep recognising it when unrelated lines move.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_OUTPUT_H
#define KSTIDY_TOOL_OUTPUT_H

#include "Analyzer.h"
#include "Findings.h"
#include "Notices.h"

#include "llvm/Support/JSON.h"
#include <set>
#include <string>
#include <vector>

namespace ks {

constexpr int OutputSchemaVersion = 1;

/// Stable identity of a finding: its check, its file (relative to
/// \p BaseDir), the text of its source line and its message — not its line
/// number.
std::string fingerprint(const Finding &F, llvm::StringRef BaseDir);

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

/// Merges the runs of several SARIF logs made by kstidy (shards): rules
/// de-duplicated by id, results by fingerprint. Fails with a message when
/// an input is not a kstidy SARIF log.
/// Baselines: the fingerprints of accepted findings.
llvm::json::Value toBaseline(const std::vector<Finding> &Findings,
                             llvm::StringRef BaseDir);
llvm::Expected<std::set<std::string>>
readBaseline(const llvm::json::Value &Doc);

} // namespace ks

#endif
