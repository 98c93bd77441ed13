//===- Baseline.h - Accepted findings, recorded and subtracted ------------===//
//
// A baseline is the fingerprints of the findings a project has accepted
// (--write-baseline); a later run with --baseline reports only the others,
// so that CI fails on new findings alone (docs/output.md).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_BASELINE_H
#define KSTIDY_TOOL_BASELINE_H

#include "Findings.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <set>
#include <string>
#include <vector>

namespace ks {

/// The baseline document of \p Findings (compile errors are never
/// accepted); files relative to \p BaseDir.
llvm::json::Value toBaseline(const std::vector<Finding> &Findings,
                             llvm::StringRef BaseDir);

/// The fingerprints of a baseline document; fails when \p Doc is not one.
llvm::Expected<std::set<std::string>>
readBaseline(const llvm::json::Value &Doc);

/// What subtracting a baseline left out.
struct BaselineMatch {
  size_t Accepted = 0;           ///< findings dropped as known
  std::vector<std::string> Gone; ///< baseline entries no finding matches
};

/// Drops from \p Findings those whose fingerprint (relative to \p BaseDir)
/// is in \p Known; compile errors always stay.
BaselineMatch subtractBaseline(std::vector<Finding> &Findings,
                               const std::set<std::string> &Known,
                               llvm::StringRef BaseDir);

} // namespace ks

#endif
