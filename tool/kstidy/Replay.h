//===- Replay.h - Replaying a model export against the runtime reference --===//
//
// kstidy's static findings say what the KS runtime will do with a driver's
// tables; the runtime reference (reference/, ksref) does it. The replay
// reads a model export (kstidy --export-model), builds ksref's tables and
// allocators from it, sends every item, verb and allocator path requests at
// boundary buffer lengths, and reports each failure it observes with the
// check name a static finding would carry and the place it concerns.
// Comparison.h pairs them with the static findings.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_REPLAY_H
#define KSTIDY_TOOL_REPLAY_H

#include "ModelSchema.h"

#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace ks {

/// A failure the runtime reference observed.
struct RuntimeFinding {
  std::string Check;
  std::string File; ///< as in the export (relative to its base directory)
  unsigned Line = 0;
  unsigned EndLine = 0; ///< the entity spans Line..EndLine
  std::string What;     ///< what happened
  std::string Request;  ///< the request or life-cycle step that showed it
};

/// Replays every translation unit of a model export document.
std::vector<RuntimeFinding> replayModel(const schema::Document &Document);
/// The same, read leniently from JSON (ModelSchema.h).
std::vector<RuntimeFinding> replayModel(const llvm::json::Value &Document);

void printRuntimeFindings(llvm::raw_ostream &OS,
                          const std::vector<RuntimeFinding> &Findings);

} // namespace ks

#endif
