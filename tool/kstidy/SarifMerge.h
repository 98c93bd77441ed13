//===- SarifMerge.h - one SARIF log from the shards of a sharded run ------===//
//
// `kstidy --shard=K/N --format=sarif` runs write one log per shard;
// `kstidy merge-sarif` makes the log a code-scanning upload takes. A whole
// repository can give hundreds of thousands of results, so the merger never
// holds a log as a JSON tree: it walks each log's text, parses one result at
// a time, validates it, keeps it as compact JSON text with its sort key, and
// parses only the small rest of each run (tool, rules, invocations) whole.
// Memory is about the size of the results' text.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_SARIFMERGE_H
#define KSTIDY_TOOL_SARIFMERGE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ks {

class SarifMerger {
public:
  /// Adds the runs of one SARIF 2.1.0 log made by kstidy. \p Name names it
  /// in errors: a malformed result is an error naming the log, the run and
  /// the result, never dropped in silence.
  llvm::Error add(llvm::StringRef Text, llvm::StringRef Name);

  /// Writes the merged log: one run, rules united, results de-duplicated by
  /// fingerprint and sorted by location and rule, notices of every shard.
  /// An error when nothing was added.
  llvm::Error write(llvm::raw_ostream &OS);

  size_t results() const { return Results.size(); }

private:
  /// A result as kept until the merged log is written: its compact text
  /// and what it sorts by. File and rule names are shared (interned).
  struct Result {
    const std::string *Uri;
    int64_t Line, Column;
    const std::string *RuleId;
    uint64_t MessageHash; ///< orders results that tie on all the above
    std::string Json;     ///< the result, compact, without ruleIndex
  };
  const std::string *intern(llvm::StringRef S);
  llvm::Error addRun(llvm::StringRef RunText, llvm::StringRef Where);
  llvm::Error addResult(llvm::StringRef Text, llvm::StringRef Where);

  std::optional<llvm::json::Object> Run; ///< the first run, without results
  llvm::json::Array Rules, Notifications;
  llvm::StringMap<int64_t> RuleIndex;
  bool Successful = true;
  std::set<std::string> Fingerprints;
  std::set<std::string, std::less<>> Strings; ///< interned names
  std::vector<Result> Results;
};

} // namespace ks

#endif
