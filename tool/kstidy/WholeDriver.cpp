//===- WholeDriver.cpp - Tables judged against handlers of other TUs ------===//
#include "WholeDriver.h"

#include "PropertyMinSizeCheck.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <set>
#include <tuple>

namespace ks {

using model::GuaranteeKind;
using model::HandlerBuffer;

std::optional<llvm::Expected<DeferredJudgement>>
readDeferred(const Finding &F) {
  llvm::StringRef Message = F.Message;
  if (!Message.consume_front(PropertyMinSizeCheck::DeferredMarker))
    return std::nullopt;
  auto Fail = [&](const char *Why) -> llvm::Expected<DeferredJudgement> {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "malformed deferred judgement: %s", Why);
  };
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Message);
  if (!V) {
    llvm::consumeError(V.takeError());
    return Fail("not JSON");
  }
  const llvm::json::Object *O = V->getAsObject();
  if (!O)
    return Fail("not an object");
  DeferredJudgement D;
  D.Check = F.Check;
  D.Where = F.Where;
  std::optional<llvm::StringRef> Rule = O->getString("rule"),
                                 Item = O->getString("item");
  std::optional<int64_t> Own = O->getInteger("own");
  const llvm::json::Array *Handlers = O->getArray("handlers");
  if (!Rule || !Item || !Own || *Own < 0 || !Handlers)
    return Fail("a member is missing");
  D.Rule = Rule->str();
  D.Item = Item->str();
  D.Own = static_cast<uint64_t>(*Own);
  D.Id = O->getInteger("id");
  for (const llvm::json::Value &H : *Handlers) {
    const llvm::json::Object *HO = H.getAsObject();
    if (!HO)
      return Fail("a handler is not an object");
    std::optional<llvm::StringRef> Usr = HO->getString("usr"),
                                   Name = HO->getString("name"),
                                   Verb = HO->getString("verb");
    if (!Verb)
      Verb = HO->getString("field");
    if (!Usr || !Name || !Verb)
      return Fail("a handler member is missing");
    D.Handlers.push_back({Usr->str(), Name->str(), Verb->str()});
  }
  return D;
}

namespace {

GuaranteeKind kindOf(llvm::StringRef Rule) {
  return Rule == "minProperty"  ? GuaranteeKind::MinProperty
         : Rule == "extMinData" ? GuaranteeKind::ExtMinData
                                : GuaranteeKind::MinData;
}

Location locationOf(const model::FilePosition &P) {
  Location L;
  L.File = P.File;
  L.Offset = P.Offset;
  L.Line = P.Line;
  L.Column = P.Column;
  return L;
}

} // namespace

JoinResult joinWholeDriver(const std::vector<DeferredJudgement> &Deferred,
                           const std::vector<TuFacts> &Facts) {
  JoinResult Out;
  if (Deferred.empty())
    return Out;
  // A handler defined in a header is summarized by every TU that includes
  // it: the first summary stands for all.
  llvm::StringMap<const model::HandlerSummary *> ByUsr;
  // The items sharing each handler, over every table of the run; a table
  // in a header shared by several TUs counts once.
  using Key = std::tuple<int, std::optional<int64_t>, std::optional<uint64_t>>;
  llvm::StringMap<std::set<Key>> Sharing;
  for (const TuFacts &F : Facts) {
    for (const model::HandlerSummary &H : F.Handlers)
      ByUsr.try_emplace(H.Usr, &H);
    for (const model::HandlerUse &U : F.Uses)
      Sharing[U.Usr].insert(
          Key{static_cast<int>(U.Kind), U.Item.Id, U.Item.Size});
  }
  std::set<std::tuple<std::string, unsigned, std::string>> Done;
  for (const DeferredJudgement &D : Deferred) {
    // The same table in a header, deferred by each TU that includes it.
    if (!Done.insert({D.Where.File, D.Where.Offset, D.Rule}).second)
      continue;
    const GuaranteeKind Kind = kindOf(D.Rule);
    for (const DeferredJudgement::Handler &H : D.Handlers) {
      auto It = ByUsr.find(H.Usr);
      if (It == ByUsr.end()) {
        Out.Unjudged.push_back({H.Name, D.Item, D.Rule, D.Where});
        continue;
      }
      const model::HandlerSummary &S = *It->second;
      std::vector<model::AccessFact> Accesses;
      Accesses.reserve(S.Accesses.size());
      for (const model::HandlerSummary::Access &A : S.Accesses)
        Accesses.push_back(A.Fact);
      std::vector<model::Sharer> Sharers;
      if (auto Sh = Sharing.find(H.Usr); Sh != Sharing.end())
        for (const Key &K : Sh->second)
          if (std::get<0>(K) == static_cast<int>(Kind))
            Sharers.push_back({std::get<1>(K), std::get<2>(K)});
      const HandlerBuffer Of = Kind == GuaranteeKind::MinProperty
                                   ? HandlerBuffer::Property
                                   : HandlerBuffer::Data;
      std::optional<size_t> I = model::overrunningAccess(
          Accesses, S.NamedIds, Of, D.Id, D.Own, Sharers);
      if (!I)
        continue;
      const model::HandlerSummary::Access &A = S.Accesses[*I];
      const uint64_t Size = A.Fact.Size;
      Finding F;
      F.Check = D.Check;
      F.Where = D.Where;
      F.Message = PropertyMinSizeCheck::ruleMessage(D.Rule, D.Own, D.Item, Size,
                                                    H.Name, H.Verb, A.Type);
      F.Notes.push_back({locationOf(A.Where),
                         PropertyMinSizeCheck::ruleNote(D.Rule, H.Name, H.Verb,
                                                        Size, A.Type)});
      Out.Findings.push_back(std::move(F));
      break; // the first handler that overruns, as the check reports
    }
  }
  return Out;
}

} // namespace ks
