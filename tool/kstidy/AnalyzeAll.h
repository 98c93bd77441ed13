//===- AnalyzeAll.h - Every source of a run, several at a time ------------===//
#ifndef KSTIDY_TOOL_ANALYZEALL_H
#define KSTIDY_TOOL_ANALYZEALL_H

#include "Analyzer.h"
#include "Findings.h"
#include "Inputs.h"
#include "Options.h"
#include "WdkProfile.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/JSON.h"

#include <memory>
#include <string>
#include <vector>

namespace ks {

class ResultCache;

/// What analyzing every source produced.
struct RunOutput {
  std::vector<std::string> Checks; ///< enabled for the first source
  std::vector<Finding> Findings;   ///< sorted, de-duplicated
  std::vector<TuResult> Results;   ///< in source order
  llvm::json::Array Exported;      ///< in source order (--export-model)
  std::string Error;
};

/// Analyzes every source, \p O.Jobs at a time, each worker with an analyzer
/// (clang-tidy context and diagnostics engine) of its own; \p First is the
/// first worker's. Results come back in source order whatever the
/// scheduling. A progress line goes to stderr when it is a terminal. With
/// \p Cache, an unchanged TU is replayed from it and every TU analysed is
/// stored in it (ResultCache.h).
RunOutput analyzeAll(const clang::tooling::CompilationDatabase &DB,
                     const CliOptions &O, const WdkProfile &Profile,
                     const SourceChecks &Checks,
                     std::unique_ptr<Analyzer> First, llvm::StringRef Cwd,
                     ResultCache *Cache = nullptr);

} // namespace ks

#endif
