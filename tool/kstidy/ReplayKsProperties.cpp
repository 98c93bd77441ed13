//===- ReplayKsProperties.cpp - KS property requests at boundary lengths --===//
//
// Every item of every KS property set a dispatch site names is requested
// through ksref's KsPropertyHandler at the lengths where a table's promise
// and a handler's access part: the declared minimum, one byte less, nothing,
// and what the handler itself touches. A set table no dispatch of the TU
// names is replayed as its own site.
//
//===----------------------------------------------------------------------===//
#include "ReplayDomains.h"

#include "ksref/Layout.h"
#include "ksref/ksref.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <set>

namespace ks {
namespace replay {

std::string setName(const schema::Guid &G) {
  std::string Value = G.Value.value_or("");
  return Value.empty() ? G.Name : Value;
}

SetEntry
readSetEntry(const schema::SetEntry &S,
             llvm::function_ref<uint32_t(const std::string &)> ArrayLength) {
  SetEntry E;
  E.Where = span(S.Where, &S.End);
  E.ArrayName = S.Items.value_or("");
  E.ItemsNull = E.ArrayName.empty();
  E.Count = u32(S.ItemsCount, ArrayLength(E.ArrayName));
  E.FastArrayName = S.FastItems.value_or("");
  E.FastCount = u32(S.FastIoCount);
  if (S.Set)
    E.Guid = setName(*S.Set);
  return E;
}

KsPropertyTables::KsPropertyTables(const TuContext &C) {
  for (const schema::ItemArray &A : C.Tu.ItemArrays) {
    if (A.Framework != schema::FrameworkKs ||
        A.Family != schema::FamilyProperty || A.Fast)
      continue;
    Array Info;
    Info.Items.Name = A.Name;
    Info.Items.ElementSize = u32(A.ElementSize, ksItemSize());
    for (const schema::ItemEntry &I : A.Items) {
      ksref::PropertyItem P;
      P.Id = u32(I.Id);
      P.MinProperty = u32(I.MinProperty);
      P.MinData = u32(I.MinData);
      P.Get = C.handler(I.Get, I.Id);
      P.Set = C.handler(I.Set, I.Id);
      P.Support = C.handler(I.Support, I.Id);
      Info.Items.Items.push_back(P);
      Info.Entries.push_back(span(I.Where, &I.End));
      Info.Unknown.push_back(entryUnknown(A, I));
    }
    Arrays[A.Name] = std::move(Info);
  }
  for (const schema::ItemArray &A : C.Tu.ItemArrays) {
    if (!A.Fast)
      continue;
    FastArray Info;
    for (const schema::ItemEntry &I : A.Items) {
      ksref::FastPropertyItem F;
      F.Id = u32(I.Id);
      F.Get = C.handler(I.Get);
      F.Set = C.handler(I.Set);
      Info.Items.push_back(F);
      Info.Entries.push_back(span(I.Where, &I.End));
    }
    FastArrays[A.Name] = std::move(Info);
  }
  for (const schema::SetTable &T : C.Tu.SetTables) {
    if (T.Family != schema::FamilyProperty)
      continue;
    SetTable Info;
    for (const schema::SetEntry &S : T.Sets)
      Info.push_back(readSetEntry(S, lengthsOf(Arrays)));
    SetTables[T.Name] = std::move(Info);
  }
}

std::optional<uint32_t> opt32(const std::optional<int64_t> &V) {
  if (!V)
    return std::nullopt;
  return static_cast<uint32_t>(*V);
}

std::vector<DispatchSite>
dispatchSites(const TuContext &C, llvm::StringRef Family,
              const std::map<std::string, SetTableShape> &SetTables,
              uint32_t PlainSize) {
  std::vector<DispatchSite> Sites;
  std::set<std::string> Dispatched;
  auto Add = [&](const schema::SizeAndCount &O, const schema::Loc &Where,
                 std::string Description) {
    DispatchSite S;
    S.Description = std::move(Description);
    S.Table = O.Table.value_or("");
    S.TableNull = O.TableIsNull;
    S.ItemSize = opt32(O.ItemSize);
    S.Count = opt32(O.Count);
    S.Where = orElse(span(O.ItemSizeWhere), span(Where));
    S.CountWhere = orElse(span(O.CountWhere), S.Where);
    Dispatched.insert(S.Table);
    Sites.push_back(S);
  };
  // The fast handlers (KsFastPropertyHandler, ...) take no item size and
  // walk the sets' fast tables: replayed on their own.
  for (const schema::DispatchCall &D : C.Tu.DispatchCalls)
    if (D.Family == Family && !llvm::StringRef(D.Api).starts_with("KsFast"))
      Add(D, D.Where, D.Api);
  for (const schema::AutomationTable &A : C.Tu.AutomationTables) {
    if (A.Framework != schema::FrameworkKs)
      continue;
    const std::optional<schema::SizeAndCount> &Part =
        Family == schema::FamilyProperty ? A.Property
        : Family == schema::FamilyMethod ? A.Method
                                         : A.Event;
    if (Part)
      Add(*Part, A.Where, "KSAUTOMATION_TABLE '" + A.Name + "'");
  }
  // A set table no dispatch of this TU names (another file dispatches
  // it): replay it as its own, with the stride of its entries.
  for (const auto &[Name, Shape] : SetTables) {
    if (Dispatched.count(Name))
      continue;
    DispatchSite S;
    S.Description = "set table '" + Name + "' (dispatched elsewhere)";
    S.Table = Name;
    S.Synthetic = true;
    S.ItemSize = Shape.Stride == PlainSize ? 0 : Shape.Stride;
    S.Count = Shape.Entries;
    Sites.push_back(S);
  }
  return Sites;
}

std::string sizeNotMultipleOf8(uint32_t Size) {
  return llvm::formatv("every request fails with STATUS_INVALID_PARAMETER: "
                       "item size {0} is not a multiple of 8",
                       Size)
      .str();
}

void reportItemOutcome(
    TuContext &C, const ItemRequestPlace &P, const ksref::DispatchOutcome &O,
    const std::vector<const ksref::HandlerEffects *> &Handlers,
    const std::string &Set, uint32_t Id, const std::string &Req) {
  const DispatchSite &S = P.Site;
  const uint32_t ItemSize = S.ItemSize.value_or(0);
  if (O.St == ksref::Status::InvalidParameter && ItemSize % 8 != 0)
    C.report(Evidence::ItemSize, S.Where, sizeNotMultipleOf8(ItemSize), Req);
  for (const ksref::Violation &V : O.Violations) {
    Span Where = P.EntryWhere;
    if (is(V, Evidence::ItemSize) && S.Synthetic)
      continue; // the size used where it is dispatched is unknown
    if (is(V, Evidence::ItemSize)) {
      // A handler's extended read of the item storage is the handler's; a
      // wrong stride is the dispatch's.
      Where = S.Where;
      if (P.StrideOk)
        for (const ksref::HandlerEffects *H : Handlers)
          if (H->ItemStorageRead && V.What.find(H->Name) != std::string::npos)
            if (const Span *Read = C.storageRead(H->Name))
              Where = *Read;
    } else if (is(V, Evidence::SetCount)) {
      Where = P.SetIndex >= P.SetsCount ? S.CountWhere : P.SetWhere;
    } else if (!P.StrideOk) {
      continue; // read from the wrong entry: the stride speaks
    }
    C.report(V, Where, Req);
  }
  if (!P.StrideOk)
    return;
  if (O.St == ksref::Status::NotFound && O.SetIndex < 0 &&
      P.SetIndex >= P.SetsCount)
    C.report(Evidence::SetCount, S.CountWhere,
             llvm::formatv("set {0} is never found: the count passed covers "
                           "{1} of {2} sets",
                           Set, P.SetsCount, P.SetTableSize)
                 .str(),
             Req);
  else if (O.St == ksref::Status::NotFound && O.SetIndex >= 0 &&
           O.ItemIndex < 0 && P.Entry >= P.SetItems)
    C.report(Evidence::SetCount, P.SetWhere,
             llvm::formatv("item id {0} is never found: the set announces {1} "
                           "of its {2} items",
                           Id, P.SetItems, P.ArrayItems)
                 .str(),
             Req);
  if (O.SetIndex >= 0 && static_cast<size_t>(O.SetIndex) != P.SetIndex)
    C.report(Evidence::DuplicateId, P.SetWhere,
             llvm::formatv("a request for this set reaches set entry {0} "
                           "first; this entry's items are never reached",
                           O.SetIndex)
                 .str(),
             Req);
  else if (O.EntryIndex >= 0 && static_cast<size_t>(O.EntryIndex) != P.Entry)
    C.report(Evidence::DuplicateId, P.EntryWhere,
             llvm::formatv("a request for id {0} is served by entry {1}: this "
                           "entry's handler never runs",
                           Id, O.EntryIndex)
                 .str(),
             Req);
}

namespace {

using Site = DispatchSite;

std::vector<Site> ksSites(const TuContext &C, const KsPropertyTables &T) {
  std::map<std::string, SetTableShape> Shapes;
  for (const auto &[Name, Table] : T.SetTables) {
    SetTableShape &Shape = Shapes[Name];
    Shape.Entries = static_cast<uint32_t>(Table.size());
    for (const SetEntry &E : Table)
      if (auto It = T.Arrays.find(E.ArrayName); It != T.Arrays.end())
        Shape.Stride = It->second.Items.ElementSize;
  }
  return dispatchSites(C, schema::FamilyProperty, Shapes, ksItemSize());
}

std::string request(const ksref::PropertyRequest &R, const Site &S) {
  return llvm::formatv("{0} {1} id {2} (property {3} bytes, data {4} "
                       "bytes) through {5}",
                       ksref::verbName(R.V), R.Set, R.Id, R.PropertyLength,
                       R.DataLength, S.Description)
      .str();
}

/// A site whose table is not in this TU (NULL, or defined elsewhere): the
/// runtime still validates the item size first, and walks a NULL table's
/// count.
void replayWithoutTable(TuContext &C, const Site &S) {
  if (!S.ItemSize)
    return;
  ksref::DispatchOptions Opt;
  Opt.PropertyItemSize = *S.ItemSize;
  ksref::PropertyRequest R;
  R.Set = "{kstidy-replay-probe}";
  uint32_t Count = S.TableNull && S.Count ? *S.Count : 0;
  ksref::DispatchOutcome O = ksref::dispatchProperty({}, Count, R, Opt);
  if (O.St == ksref::Status::InvalidParameter && *S.ItemSize % 8 != 0)
    C.report(Evidence::ItemSize, S.Where, sizeNotMultipleOf8(*S.ItemSize),
             request(R, S));
  for (const ksref::Violation &V : O.Violations)
    C.report(V, is(V, Evidence::SetCount) ? S.CountWhere : S.Where,
             request(R, S));
  if (S.TableNull && Count) {
    // One fact at a time: with a valid size, the NULL table is walked.
    ksref::DispatchOptions Plain;
    ksref::DispatchOutcome N = ksref::dispatchProperty({}, Count, R, Plain);
    for (const ksref::Violation &V : N.Violations)
      if (is(V, Evidence::SetCount))
        C.report(V, S.CountWhere, request(R, S) + " (with a valid item size)");
  }
}

/// The requests for every item of set entry \p SI.
void replayItems(TuContext &C, const Site &S,
                 const std::vector<ksref::PropertySet> &Sets,
                 const ksref::DispatchOptions &Opt, size_t SI,
                 const SetEntry &E, const KsPropertyTables::Array &A) {
  // replaySite replays only sites whose size and count are known.
  const uint32_t ItemSize = S.ItemSize.value_or(0);
  const uint32_t Count = S.Count.value_or(0);
  const uint32_t Stride = ItemSize ? ItemSize : ksItemSize();
  const bool StrideOk = Stride == A.Items.ElementSize;
  if (SI < Count) {
    // An id no item has walks every item the set announces.
    ksref::PropertyRequest R;
    R.Set = Sets[SI].Guid;
    R.Id = 0xFFFFFFFF;
    ksref::DispatchOutcome O = ksref::dispatchProperty(Sets, Count, R, Opt);
    for (const ksref::Violation &V : O.Violations)
      if (is(V, Evidence::SetCount))
        C.report(V, E.Where, request(R, S));
  }
  for (size_t J = 0; J < A.Items.Items.size(); ++J) {
    if (J < A.Unknown.size() && A.Unknown[J])
      continue; // never replay a guess
    const ksref::PropertyItem &Item = A.Items.Items[J];
    const Span &EntryWhere = A.Entries[J];
    std::vector<ksref::Verb> Verbs;
    if (Item.Get.present())
      Verbs.push_back(ksref::Verb::Get);
    if (Item.Set.present())
      Verbs.push_back(ksref::Verb::Set);
    if (Verbs.empty())
      Verbs.push_back(ksref::Verb::Get);
    // Boundary lengths: exactly what the item declares first (the
    // request the runtime lets through), then one byte less, nothing,
    // and what the handler itself accesses.
    std::vector<uint32_t> Lengths = {Item.MinData};
    if (Item.MinData > 0)
      Lengths.push_back(Item.MinData - 1);
    Lengths.push_back(0);
    for (const ksref::HandlerEffects *H : {&Item.Get, &Item.Set})
      if (H->DataAccess)
        Lengths.push_back(H->DataAccess);
    for (ksref::Verb Verb : Verbs)
      for (uint32_t Length : Lengths) {
        ksref::PropertyRequest R;
        R.Set = Sets[SI].Guid;
        R.Id = Item.Id;
        R.V = Verb;
        R.PropertyLength =
            std::max<uint32_t>(Item.MinProperty, ksref::KsPropertySize);
        R.DataLength = Length;
        ksref::DispatchOutcome O = ksref::dispatchProperty(Sets, Count, R, Opt);
        reportItemOutcome(C,
                          {S, SI, Count, Sets.size(), E.Where, E.Count, J,
                           A.Items.Items.size(), EntryWhere, StrideOk},
                          O, {&Item.Get, &Item.Set}, R.Set, R.Id,
                          request(R, S));
      }
  }
}

void replaySite(TuContext &C, KsPropertyTables &T, const Site &S) {
  auto TableIt = T.SetTables.find(S.Table);
  if (TableIt == T.SetTables.end())
    return replayWithoutTable(C, S);
  if (!S.ItemSize || !S.Count)
    return;
  const KsPropertyTables::SetTable &Table = TableIt->second;
  std::vector<ksref::PropertySet> Sets;
  for (const SetEntry &E : Table) {
    ksref::PropertySet P;
    P.Guid = E.Guid;
    P.PropertiesCount = E.Count;
    auto It = T.Arrays.find(E.ArrayName);
    P.Items = It == T.Arrays.end() ? nullptr : &It->second.Items;
    Sets.push_back(P);
  }
  ksref::DispatchOptions Opt;
  Opt.PropertyItemSize = *S.ItemSize;
  Opt.Images = &T.Images; // one image per array, not one per request

  // The set table itself: a set no entry matches walks every entry the
  // count announces.
  {
    ksref::PropertyRequest R;
    R.Set = "{kstidy-replay-probe}";
    ksref::DispatchOutcome O = ksref::dispatchProperty(Sets, *S.Count, R, Opt);
    for (const ksref::Violation &V : O.Violations)
      C.report(V, is(V, Evidence::SetCount) ? S.CountWhere : S.Where,
               request(R, S));
  }

  for (size_t SI = 0; SI < Table.size(); ++SI) {
    const SetEntry &E = Table[SI];
    auto It = T.Arrays.find(E.ArrayName);
    if (It != T.Arrays.end()) {
      replayItems(C, S, Sets, Opt, SI, E, It->second);
    } else if (E.ItemsNull && E.Count > 0) {
      ksref::PropertyRequest R;
      R.Set = Sets[SI].Guid;
      ksref::DispatchOutcome O =
          ksref::dispatchProperty(Sets, *S.Count, R, Opt);
      for (const ksref::Violation &V : O.Violations)
        C.report(V, E.Where, request(R, S));
    }
  }
}

} // namespace

void replayKsProperties(TuContext &C, KsPropertyTables &T) {
  for (const Site &S : ksSites(C, T))
    replaySite(C, T, S);
}

} // namespace replay
} // namespace ks
