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
  // A table's handler may be defined in another TU (the whole-driver join
  // of the static side): by name, when one definition has it.
  replay::TuContext::RunHandlers Run;
  for (const schema::TranslationUnit &Tu : Document.TranslationUnits)
    for (const schema::HandlerFacts &H : Tu.Handlers) {
      auto [It, New] = Run.try_emplace(H.Name, &H);
      auto Same = [](const schema::Loc &A, const schema::Loc &B) {
        return A && B && A->File == B->File && A->Line == B->Line;
      };
      if (!New && It->second && !Same(It->second->Where, H.Where))
        It->second = nullptr; // two functions by one name: unknown
    }
  replay::RunCallbacks Callbacks;
  for (const schema::TranslationUnit &Tu : Document.TranslationUnits)
    for (const schema::ParameterAllocatorCallback &A :
         Tu.ParameterAllocatorCallbacks) {
      auto [It, New] = Callbacks.try_emplace(A.Name, &A);
      auto Same = [](const schema::Loc &X, const schema::Loc &Y) {
        return X && Y && X->File == Y->File && X->Line == Y->Line;
      };
      if (!New && It->second && !Same(A.Where, It->second->Where))
        It->second = nullptr; // two functions by one name: unknown
    }
  // An array another TU declares without a bound (the static side's join
  // by USR): by name, when one definition has it.
  replay::TuContext::RunArrays Arrays;
  std::map<std::string, schema::Loc> ArrayWhere;
  for (const schema::TranslationUnit &Tu : Document.TranslationUnits)
    for (const schema::ArrayDefinition &A : Tu.Arrays) {
      auto [It, New] = Arrays.try_emplace(A.Name, A.Length);
      auto Same = [](const schema::Loc &X, const schema::Loc &Y) {
        return X && Y && X->File == Y->File && X->Line == Y->Line;
      };
      if (New)
        ArrayWhere[A.Name] = A.Where;
      else if (!Same(ArrayWhere[A.Name], A.Where))
        It->second = std::nullopt; // two arrays by one name: unknown
    }
  for (const schema::TranslationUnit &Tu : Document.TranslationUnits) {
    replay::TuContext C(Tu, Out, &Run);
    C.Arrays = &Arrays;
    {
      replay::KsPropertyTables Tables(C);
      replay::replayKsProperties(C, Tables);
      replay::replayFastProperties(C, Tables);
    }
    replay::replayMethodsAndEvents(C);
    replay::replayPortCls(C);
    replay::replayAllocators(C);
    replay::replayUserMode(C);
    replay::replayRequests(C);
    replay::replayDescriptors(C);
    replay::replayParameterAllocators(C, Callbacks);
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
