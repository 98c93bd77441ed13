//===- ReplayContext.cpp - Spans, check names and the report of a replay --===//
#include "ReplayContext.h"

#include "ksref/Layout.h"
#include "ksref/Violation.h"

#include <algorithm>

namespace ks {
namespace replay {

Span span(const schema::Loc &Where, const schema::Loc *End) {
  Span S;
  if (!Where)
    return S;
  S.File = Where->File;
  S.Line = static_cast<unsigned>(Where->Line.value_or(0));
  S.EndLine = S.Line;
  if (End && *End)
    S.EndLine = static_cast<unsigned>((*End)->Line.value_or(S.Line));
  return S;
}

Span span(const schema::Field<schema::Location> &Where) {
  return span(Where.Value);
}

Span orElse(const Span &Where, const Span &Fallback) {
  return Where.known() ? Where : Fallback;
}

uint32_t u32(const std::optional<int64_t> &V, uint32_t Default) {
  return static_cast<uint32_t>(V.value_or(Default));
}

uint32_t u32(const schema::Field<int64_t> &V, uint32_t Default) {
  return u32(V.Value, Default);
}

const char *checkName(Evidence E) {
  static const struct {
    Evidence E;
    const char *Check;
  } Table[] = {
      {Evidence::ItemSize, ksref::checks::PropertyItemSize},
      {Evidence::DuplicateId, ksref::checks::PropertyDuplicateId},
      {Evidence::SetCount, ksref::checks::PropertySetCount},
      {Evidence::MinSize, ksref::checks::PropertyMinSize},
      {Evidence::MissingHandler, ksref::checks::PropertyMissingHandler},
      {Evidence::AllocatorCallbacks, ksref::checks::AllocatorDispatchCallbacks},
      {Evidence::AllocatorContext, ksref::checks::AllocatorContext},
      {Evidence::AllocateNullOnFailure, ksref::checks::AllocateNullOnFailure},
      {Evidence::UserModeFrames, ksref::checks::AllocatorUserModeFrames},
  };
  for (const auto &Row : Table)
    if (Row.E == E)
      return Row.Check;
  return "";
}

bool is(const ksref::Violation &V, Evidence E) {
  return V.Check == checkName(E);
}

bool entryUnknown(const schema::ItemArray &A, const schema::ItemEntry &E) {
  for (const std::string &F : E.Unresolved)
    if (F == "id" || F == "minProperty" || F == "minData" || F == "flags" ||
        F == "extraEntryData")
      return true;
  if (!E.Id)
    return true;
  // An event item has no MinProperty (the export's null there is no
  // unknown value).
  const bool Event = A.Family == schema::FamilyEvent;
  for (const schema::Field<int64_t> *F :
       {Event ? nullptr : &E.MinProperty, &E.MinData, &E.Flags,
        &E.ExtraEntryData})
    if (F && F->Present && !F->Value)
      return true;
  return false;
}

uint32_t ksItemSize() {
  return ksref::ksPropertyItemLayout(/*Is64Bit=*/true).Size;
}

uint32_t pcItemSize() { return ksref::pcPropertyItemLayout().Size; }

namespace {

ksref::HandlerEffects effectsOf(const schema::HandlerFacts &H) {
  ksref::HandlerEffects E;
  E.Name = H.Name;
  E.Present = true;
  E.PropertyRead = u32(H.PropertyRead);
  E.DataAccess = u32(H.DataAccess);
  E.ChecksPropertyLength = H.ChecksPropertyLength;
  E.ChecksDataLength = H.ChecksDataLength;
  E.ItemStorageRead = u32(H.ItemStorageRead);
  return E;
}

} // namespace

TuContext::TuContext(const schema::TranslationUnit &Tu,
                     std::vector<RuntimeFinding> &Out, const RunHandlers *Run)
    : Tu(Tu), Findings(Out), Run(Run) {
  for (const schema::HandlerFacts &H : Tu.Handlers) {
    HandlerInfo I;
    I.Effects = effectsOf(H);
    I.StorageRead = span(H.ItemStorageReadWhere, &H.ItemStorageReadEnd);
    I.Facts = &H;
    Handlers[I.Effects.Name] = I;
  }
}

namespace {

/// The handler's effects on the paths item \p Id reaches: per buffer the
/// largest unguarded access it reaches, else the largest guarded one.
void effectsFor(const schema::HandlerFacts &H, int64_t Id,
                ksref::HandlerEffects &E) {
  auto Reaches = [&](const schema::HandlerFacts::Access &A) {
    if (std::find(H.NamedIds.begin(), H.NamedIds.end(), Id) == H.NamedIds.end())
      return A.OtherIds;
    return std::find(A.Ids.begin(), A.Ids.end(), Id) != A.Ids.end();
  };
  for (const char *Buffer : {"property", "data"}) {
    const schema::HandlerFacts::Access *Unguarded = nullptr, *Largest = nullptr;
    for (const schema::HandlerFacts::Access &A : H.Accesses) {
      if (A.Buffer != Buffer || !Reaches(A))
        continue;
      if (!Largest || A.Size > Largest->Size)
        Largest = &A;
      if (!A.Guarded && (!Unguarded || A.Size > Unguarded->Size))
        Unguarded = &A;
    }
    const auto *Shown = Unguarded ? Unguarded : Largest;
    uint32_t Size = Shown ? static_cast<uint32_t>(Shown->Size) : 0;
    bool Checks = Shown && !Unguarded;
    if (llvm::StringRef(Buffer) == "property") {
      E.PropertyRead = Size;
      E.ChecksPropertyLength = Checks;
    } else {
      E.DataAccess = Size;
      E.ChecksDataLength = Checks;
    }
  }
}

} // namespace

ksref::HandlerEffects TuContext::handler(const schema::Handler *H,
                                         std::optional<int64_t> ItemId) const {
  ksref::HandlerEffects E;
  if (!H)
    return E; // NULL
  auto It = Handlers.find(H->Name);
  if (It != Handlers.end()) {
    E = It->second.Effects;
    if (ItemId && It->second.Facts && !It->second.Facts->NamedIds.empty())
      effectsFor(*It->second.Facts, *ItemId, E);
    return E;
  }
  // Defined in another TU of the run (one definition by that name).
  if (Run)
    if (auto R = Run->find(H->Name); R != Run->end() && R->second) {
      E = effectsOf(*R->second);
      if (ItemId && !R->second->NamedIds.empty())
        effectsFor(*R->second, *ItemId, E);
      return E;
    }
  E.Present = true;
  E.Callable = H->Name != "<expression>";
  if (E.Callable)
    E.Name = H->Name;
  return E;
}

const Span *TuContext::storageRead(const std::string &Handler) const {
  auto It = Handlers.find(Handler);
  return It == Handlers.end() ? nullptr : &It->second.StorageRead;
}

void TuContext::report(const char *Check, const Span &Where, std::string What,
                       std::string Request) {
  if (!Where.known())
    return;
  auto Key = std::make_tuple(std::string(Check), Where.File, Where.Line);
  if (!Seen.insert(Key).second)
    return;
  Findings.push_back({Check, Where.File, Where.Line,
                      std::max(Where.Line, Where.EndLine), std::move(What),
                      std::move(Request)});
}

} // namespace replay
} // namespace ks
