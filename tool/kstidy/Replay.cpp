//===- Replay.cpp - Replaying a model export, translation unit by unit ----===//
//
// Reads the export into schema structs and replays each translation unit
// domain by domain (ReplayDomains.h); then one finding per check and line.
//
//===----------------------------------------------------------------------===//
#include "Replay.h"

#include "ReplayDomains.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <tuple>

namespace ks {

std::vector<RuntimeFinding> replayModel(const schema::Document &Document) {
  std::vector<RuntimeFinding> Out;
  for (const schema::TranslationUnit &Tu : Document.TranslationUnits) {
    replay::TuContext C(Tu, Out);
    {
      replay::KsPropertyTables Tables(C);
      replay::replayKsProperties(C, Tables);
      replay::replayFastProperties(C, Tables);
    }
    replay::replayMethodAndEventStrides(C);
    replay::replayPortCls(C);
    replay::replayAllocators(C);
    replay::replayUserMode(C);
  }
  std::sort(Out.begin(), Out.end(),
            [](const RuntimeFinding &A, const RuntimeFinding &B) {
              return std::tie(A.File, A.Line, A.Check) <
                     std::tie(B.File, B.Line, B.Check);
            });
  Out.erase(std::unique(Out.begin(), Out.end(),
                        [](const RuntimeFinding &A, const RuntimeFinding &B) {
                          return std::tie(A.File, A.Line, A.Check) ==
                                 std::tie(B.File, B.Line, B.Check);
                        }),
            Out.end());
  return Out;
}

std::vector<RuntimeFinding> replayModel(const llvm::json::Value &Document) {
  return replayModel(schema::readDocument(Document));
}

void printRuntimeFindings(llvm::raw_ostream &OS,
                          const std::vector<RuntimeFinding> &Findings) {
  for (const RuntimeFinding &F : Findings)
    OS << F.File << ":" << F.Line << ": runtime: " << F.What << " [" << F.Check
       << "]\n    request: " << F.Request << "\n";
}

} // namespace ks
