//===- Baseline.cpp - Accepted findings, recorded and subtracted ----------===//
//
// The baseline document: {"tool": "kstidy-baseline", "version": 1,
// "findings": [{"fingerprint", "check", "file", "message"}, ...]}.
//
//===----------------------------------------------------------------------===//
#include "Baseline.h"
#include "Output.h"

#include "llvm/ADT/STLExtras.h"

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace ks {

Value toBaseline(const std::vector<Finding> &Findings,
                 llvm::StringRef BaseDir) {
  Array Entries;
  for (const Finding &F : Findings)
    if (!F.IsError)
      Entries.push_back(Object{{"fingerprint", fingerprint(F, BaseDir)},
                               {"check", F.Check},
                               {"file", displayPath(F.Where.File, BaseDir)},
                               {"message", F.Message}});
  return Object{{"tool", "kstidy-baseline"},
                {"version", OutputSchemaVersion},
                {"findings", std::move(Entries)}};
}

llvm::Expected<std::set<std::string>> readBaseline(const Value &Doc) {
  const Object *Root = Doc.getAsObject();
  const Array *Entries = Root ? Root->getArray("findings") : nullptr;
  if (!Root || Root->getString("tool") != llvm::StringRef("kstidy-baseline") ||
      !Entries)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a kstidy baseline");
  std::set<std::string> Out;
  for (const Value &E : *Entries)
    if (const Object *O = E.getAsObject())
      if (auto FP = O->getString("fingerprint"))
        Out.insert(FP->str());
  return Out;
}

BaselineMatch subtractBaseline(std::vector<Finding> &Findings,
                               const std::set<std::string> &Known,
                               llvm::StringRef BaseDir) {
  BaselineMatch M;
  std::set<std::string> Present;
  llvm::erase_if(Findings, [&](const Finding &F) {
    std::string FP = fingerprint(F, BaseDir);
    Present.insert(FP);
    if (F.IsError || !Known.count(FP))
      return false;
    ++M.Accepted;
    return true;
  });
  for (const std::string &FP : Known)
    if (!Present.count(FP))
      M.Gone.push_back(FP);
  return M;
}

} // namespace ks
