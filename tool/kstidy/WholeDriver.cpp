//===- WholeDriver.cpp - Tables judged against handlers of other TUs ------===//
#include "WholeDriver.h"

#include "DescriptorCountCheck.h"
#include "ParameterAllocatorCheck.h"
#include "PropertyMinSizeCheck.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <set>
#include <tuple>

namespace ks {

using model::GuaranteeKind;
using model::HandlerBuffer;

namespace {

llvm::Expected<DeferredJudgement> malformed(const char *Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "malformed deferred judgement: %s", Why);
}

/// A position the check wrote ({file, offset, line, column}) or null.
bool readPosition(const llvm::json::Object &O, llvm::StringRef Key,
                  std::optional<Location> &Out) {
  const llvm::json::Value *V = O.get(Key);
  if (!V || V->getAsNull())
    return true;
  const llvm::json::Object *P = V->getAsObject();
  if (!P)
    return false;
  std::optional<llvm::StringRef> File = P->getString("file");
  std::optional<int64_t> Offset = P->getInteger("offset"),
                         Line = P->getInteger("line"),
                         Column = P->getInteger("column");
  if (!File || !Offset || !Line || !Column || *Offset < 0 || *Line < 0 ||
      *Column < 0)
    return false;
  Location L;
  L.File = File->str();
  L.Offset = static_cast<unsigned>(*Offset);
  L.Line = static_cast<unsigned>(*Line);
  L.Column = static_cast<unsigned>(*Column);
  Out = L;
  return true;
}

llvm::Expected<DeferredJudgement> readAllocatorCall(const llvm::json::Object &O,
                                                    DeferredJudgement D) {
  DeferredJudgement::AllocatorCall A;
  std::optional<llvm::StringRef> Usr = O.getString("usr"),
                                 Allocator = O.getString("allocator"),
                                 Api = O.getString("api"),
                                 Filter = O.getString("filter");
  std::optional<int64_t> Min = O.getInteger("minReleases"),
                         Max = O.getInteger("maxReleases");
  if (!Usr || !Allocator || !Api || !Filter || !Min || !Max || *Min < 0 ||
      *Max < *Min || *Max > 2)
    return malformed("a member is missing");
  if (!readPosition(O, "leakingExit", A.LeakingExit) ||
      !readPosition(O, "firstRelease", A.FirstRelease) ||
      !readPosition(O, "secondRelease", A.SecondRelease))
    return malformed("a position is not one");
  A.Usr = Usr->str();
  A.Allocator = Allocator->str();
  A.Api = Api->str();
  A.Filter = Filter->str();
  A.MinReleases = static_cast<unsigned>(*Min);
  A.MaxReleases = static_cast<unsigned>(*Max);
  D.Rule = "parameterAllocator";
  D.Allocator = std::move(A);
  return D;
}

llvm::Expected<DeferredJudgement>
readDescriptorCount(const llvm::json::Object &O, DeferredJudgement D) {
  DeferredJudgement::DescriptorCount C;
  std::optional<llvm::StringRef> Usr = O.getString("usr"),
                                 Array = O.getString("array"),
                                 CountField = O.getString("countField"),
                                 Owner = O.getString("owner"),
                                 Entry = O.getString("entry");
  std::optional<int64_t> Count = O.getInteger("count");
  if (!Usr || !Array || !CountField || !Owner || !Entry || !Count || *Count < 0)
    return malformed("a member is missing");
  C.Usr = Usr->str();
  C.Array = Array->str();
  C.CountField = CountField->str();
  C.Owner = Owner->str();
  C.Entry = Entry->str();
  C.Count = static_cast<uint64_t>(*Count);
  D.Rule = "descriptorCount";
  D.Item = C.CountField + " of " + C.Owner;
  D.Descriptor = std::move(C);
  return D;
}

} // namespace

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
  if (O->getString("rule") == llvm::StringRef("parameterAllocator"))
    return readAllocatorCall(*O, std::move(D));
  if (O->getString("rule") == llvm::StringRef("descriptorCount"))
    return readDescriptorCount(*O, std::move(D));
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
  return Rule == "minProperty" || Rule == "minMethod"
             ? GuaranteeKind::MinProperty
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

void judgeAllocatorCall(
    const DeferredJudgement &D, const DeferredJudgement::AllocatorCall &A,
    const llvm::StringMap<const model::ParameterAllocatorSummary *> &ByUsr,
    std::set<std::string> &CallbacksReported, JoinResult &Out) {
  using Check = ParameterAllocatorCheck;
  auto It = ByUsr.find(A.Usr);
  if (It == ByUsr.end()) {
    Out.Unjudged.push_back({A.Allocator,
                            "the call of " + A.Api + " in '" + A.Filter + "'",
                            D.Rule, D.Where});
    return;
  }
  const model::ParameterAllocatorSummary &S = *It->second;
  Check::Facts F;
  F.SuccessWithoutBuffer = S.SuccessWithoutBuffer.has_value();
  F.SuccessAfterFailedAllocation = S.SuccessAfterFailedAllocation.has_value();
  F.AllocatesFromPool = S.AllocatesFromPool;
  F.SetsDeallocateBuffer = S.SetsDeallocateBuffer.has_value();
  F.FilterJudged = true;
  F.MinReleases = A.MinReleases;
  F.MaxReleases = A.MaxReleases;
  F.HasFirstRelease = A.FirstRelease.has_value();
  F.HasSecondRelease = A.SecondRelease.has_value();
  const Check::Names N{"'" + S.Name + "'", "'" + A.Filter + "'", A.Api,
                       A.MaxReleases == 0};
  auto At = [](const std::optional<model::FilePosition> &P) {
    return P ? std::optional<Location>(locationOf(*P)) : std::nullopt;
  };
  for (Check::Defect Def : Check::defectsOf(F)) {
    std::optional<Location> Where, NoteAt;
    switch (Def) {
    case Check::Defect::SuccessAfterFailedAllocation:
    case Check::Defect::SuccessWithoutBuffer:
      // The callback's own defect: once, however many calls name it.
      if (!CallbacksReported.insert(S.Usr).second)
        continue;
      if (Def == Check::Defect::SuccessAfterFailedAllocation) {
        Where = At(S.SuccessAfterFailedAllocation);
        NoteAt = At(S.Allocation);
      } else {
        Where = At(S.SuccessWithoutBuffer);
        NoteAt = D.Where;
      }
      break;
    case Check::Defect::Leak:
      Where = D.Where;
      NoteAt = A.LeakingExit;
      break;
    case Check::Defect::DoubleFreeWithFlag:
      Where = A.FirstRelease;
      NoteAt = At(S.SetsDeallocateBuffer);
      break;
    case Check::Defect::DoubleFree:
      Where = A.SecondRelease;
      NoteAt = A.FirstRelease;
      break;
    }
    if (!Where)
      continue;
    Finding Found;
    Found.Check = D.Check;
    Found.Where = *Where;
    Found.Message = Check::message(Def, N);
    if (NoteAt)
      Found.Notes.push_back({*NoteAt, Check::note(Def, N)});
    Out.Findings.push_back(std::move(Found));
  }
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
  llvm::StringMap<const model::ParameterAllocatorSummary *> AllocatorByUsr;
  for (const TuFacts &F : Facts)
    for (const model::ParameterAllocatorSummary &A : F.Allocators)
      AllocatorByUsr.try_emplace(A.Usr, &A);
  // An array defined in a header is summarized by every TU including it.
  llvm::StringMap<const model::ArraySummary *> ArrayByUsr;
  for (const TuFacts &F : Facts)
    for (const model::ArraySummary &A : F.Arrays)
      ArrayByUsr.try_emplace(A.Usr, &A);
  std::set<std::string> CallbacksReported;
  std::set<std::tuple<std::string, unsigned, std::string, std::string>> Done;
  for (const DeferredJudgement &D : Deferred) {
    // The same table in a header, deferred by each TU that includes it
    // (the counts of one DEFINE_KSFILTER_DESCRIPTOR share a place).
    if (!Done.insert({D.Where.File, D.Where.Offset, D.Rule, D.Item}).second)
      continue;
    if (const auto &A = D.Allocator) {
      judgeAllocatorCall(D, *A, AllocatorByUsr, CallbacksReported, Out);
      continue;
    }
    if (const auto &C = D.Descriptor) {
      auto It = ArrayByUsr.find(C->Usr);
      if (It == ArrayByUsr.end()) {
        Out.Unjudged.push_back({C->Array, D.Item, D.Rule, D.Where});
        continue;
      }
      const model::ArraySummary &A = *It->second;
      if (A.Length == C->Count)
        continue;
      Finding F;
      F.Check = D.Check;
      F.Where = D.Where;
      F.Message = DescriptorCountCheck::mismatchMessage(
          C->CountField, C->Owner, C->Count, C->Array, A.Length, C->Entry);
      F.Notes.push_back(
          {locationOf(A.Where), "'" + A.Name + "' is defined here with " +
                                    std::to_string(A.Length) + " " +
                                    (A.Length == 1 ? "entry" : "entries")});
      Out.Findings.push_back(std::move(F));
      continue;
    }
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
