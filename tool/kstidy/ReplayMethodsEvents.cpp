//===- ReplayMethodsEvents.cpp - KS method and event requests -------------===//
//
// Every item of every KS method and event set a dispatch site names is
// requested through ksref's own dispatchers, KsMethodHandler and
// KsEnableEvent (with their item sizes and allocators): a method called with
// exactly its MinMethod and MinData, an event enabled with exactly its
// DataInput, which is the request each item promises to serve. The lookup
// those dispatchers share with the property handler witnesses strides,
// counts and duplicate ids; the calls witness handlers and sizes. A set
// table no dispatch of the TU names is replayed as its own site, and an
// array no set table of the TU holds as a set of its own.
//
//===----------------------------------------------------------------------===//
#include "ReplayDomains.h"

#include "ksref/ksref.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <set>

namespace ks {
namespace replay {

namespace {

/// What differs between the two families; the rest is one replay.
struct MethodFamily {
  using Item = ksref::MethodItem;
  using Array = ksref::MethodItemArray;
  using Set = ksref::MethodSet;
  using Request = ksref::MethodRequest;
  using Options = ksref::MethodOptions;
  static constexpr const char *Name = schema::FamilyMethod;
  static uint32_t plainSize() { return ksref::ksMethodItemLayout(true).Size; }
  static Item item(const TuContext &C, const schema::ItemEntry &E) {
    Item I;
    I.Id = u32(E.Id);
    I.MinMethod = u32(E.MinProperty);
    I.MinData = u32(E.MinData);
    I.Flags = u32(E.Flags);
    I.Handler = C.handler(E.Get, E.Id);
    I.Support = C.handler(E.Support, E.Id);
    return I;
  }
  static std::vector<const ksref::HandlerEffects *> handlers(const Item &I) {
    return {&I.Handler, &I.Support};
  }
  static Set set(std::string Guid, uint32_t Count, const Array *A) {
    Set S;
    S.Guid = std::move(Guid);
    S.MethodsCount = Count;
    S.Items = A;
    return S;
  }
  static Options options(uint32_t ItemSize, ksref::ImageCache *Images) {
    Options O;
    O.MethodItemSize = ItemSize;
    O.Images = Images;
    return O;
  }
  /// The call the item promises to serve: its own request type, with
  /// exactly MinMethod and MinData bytes.
  static Request request(const std::string &Set, uint32_t Id, const Item *I) {
    Request R;
    R.Set = Set;
    R.Id = Id;
    if (I) {
      R.Flags = I->Flags & ksref::method_type::Modify;
      R.MethodLength = std::max(I->MinMethod, ksref::KsMethodSize);
      R.DataLength = I->MinData;
    }
    return R;
  }
  static ksref::DispatchOutcome dispatch(const std::vector<Set> &Sets,
                                         uint32_t Count, const Request &R,
                                         const Options &O) {
    return ksref::dispatchMethod(Sets, Count, R, O);
  }
  static std::string text(const Request &R, const std::string &Through) {
    return llvm::formatv("method {0} id {1} (method {2} bytes, data {3} "
                         "bytes) through {4}",
                         R.Set, R.Id, R.MethodLength, R.DataLength, Through)
        .str();
  }
};

struct EventFamily {
  using Item = ksref::EventItem;
  using Array = ksref::EventItemArray;
  using Set = ksref::EventSet;
  using Request = ksref::EventRequest;
  using Options = ksref::EventOptions;
  static constexpr const char *Name = schema::FamilyEvent;
  static uint32_t plainSize() { return ksref::ksEventItemLayout(true).Size; }
  static Item item(const TuContext &C, const schema::ItemEntry &E) {
    Item I;
    I.Id = u32(E.Id);
    I.DataInput = u32(E.MinData);
    I.ExtraEntryData = u32(E.ExtraEntryData);
    I.Add = C.handler(E.Get, E.Id);
    I.Remove = C.handler(E.Set, E.Id);
    I.Support = C.handler(E.Support, E.Id);
    return I;
  }
  static std::vector<const ksref::HandlerEffects *> handlers(const Item &I) {
    return {&I.Add, &I.Remove, &I.Support};
  }
  static Set set(std::string Guid, uint32_t Count, const Array *A) {
    Set S;
    S.Guid = std::move(Guid);
    S.EventsCount = Count;
    S.Items = A;
    return S;
  }
  static Options options(uint32_t ItemSize, ksref::ImageCache *Images) {
    Options O;
    O.EventItemSize = ItemSize;
    O.Images = Images;
    // The list a dispatch passes is not in the model: taken as given.
    O.EventsList = true;
    return O;
  }
  /// The enable request the item promises to serve: exactly DataInput bytes
  /// of event data.
  static Request request(const std::string &Set, uint32_t Id, const Item *I) {
    Request R;
    R.Set = Set;
    R.Id = Id;
    if (I)
      R.DataLength = I->DataInput;
    return R;
  }
  static ksref::DispatchOutcome dispatch(const std::vector<Set> &Sets,
                                         uint32_t Count, const Request &R,
                                         const Options &O) {
    return ksref::enableEvent(Sets, Count, R, O);
  }
  static std::string text(const Request &R, const std::string &Through) {
    return llvm::formatv("enable event {0} id {1} (event data {2} bytes) "
                         "through {3}",
                         R.Set, R.Id, R.DataLength, Through)
        .str();
  }
};

template <typename F> class FamilyReplay {
public:
  explicit FamilyReplay(TuContext &C);
  void run();

private:
  struct Array {
    typename F::Array Items;
    std::vector<Span> Entries;
    std::vector<bool> Unknown; // id or sizes did not compile: not replayed
  };
  void replaySite(const DispatchSite &S);
  void replayWithoutTable(const DispatchSite &S);
  void replayItems(const DispatchSite &S,
                   const std::vector<typename F::Set> &Sets,
                   const typename F::Options &Opt, size_t SI, const SetEntry &E,
                   const Array &A);
  /// Reports the count violations of a request that finds nothing.
  void probe(const std::vector<typename F::Set> &Sets, uint32_t Count,
             const typename F::Options &Opt, const std::string &Set,
             const Span &Where, const DispatchSite &S);

  TuContext &C;
  std::map<std::string, Array> Arrays;
  std::map<std::string, std::vector<SetEntry>> SetTables;
  /// The set tables made for arrays no set table holds, and their arrays.
  std::map<std::string, std::string> OwnSets;
  ksref::ImageCache Images;
};

template <typename F> FamilyReplay<F>::FamilyReplay(TuContext &C) : C(C) {
  for (const schema::ItemArray &A : C.Tu.ItemArrays) {
    if (A.Framework != schema::FrameworkKs || A.Family != F::Name || A.Fast)
      continue;
    Array Info;
    Info.Items.Name = A.Name;
    Info.Items.ElementSize = u32(A.ElementSize, F::plainSize());
    for (const schema::ItemEntry &I : A.Items) {
      Info.Items.Items.push_back(F::item(C, I));
      Info.Entries.push_back(span(I.Where, &I.End));
      Info.Unknown.push_back(entryUnknown(A, I));
    }
    Arrays[A.Name] = std::move(Info);
  }
  std::set<std::string> Held;
  for (const schema::SetTable &T : C.Tu.SetTables) {
    if (T.Family != F::Name)
      continue;
    std::vector<SetEntry> Table;
    for (const schema::SetEntry &S : T.Sets) {
      Table.push_back(readSetEntry(S, lengthsOf(Arrays)));
      Held.insert(Table.back().ArrayName);
    }
    SetTables[T.Name] = std::move(Table);
  }
  // An array no set table of this TU holds (a table another file builds,
  // or one filled at run time): a set of its own, for what its ids alone
  // decide.
  for (const auto &[Name, A] : Arrays)
    if (!Held.count(Name)) {
      SetEntry E;
      E.ArrayName = Name;
      E.Count = static_cast<uint32_t>(A.Items.Items.size());
      E.Guid = "{" + Name + "}";
      // A name no C identifier has, so no set table of the export (whose
      // names are the driver's) can take it.
      const std::string Table = "<" + Name + ">";
      SetTables[Table] = {E};
      OwnSets[Table] = Name;
    }
}

template <typename F> void FamilyReplay<F>::run() {
  std::map<std::string, SetTableShape> Shapes;
  for (const auto &[Name, Table] : SetTables) {
    SetTableShape &Shape = Shapes[Name];
    Shape.Entries = static_cast<uint32_t>(Table.size());
    for (const SetEntry &E : Table)
      if (auto It = Arrays.find(E.ArrayName); It != Arrays.end())
        Shape.Stride = It->second.Items.ElementSize;
  }
  for (DispatchSite &S : dispatchSites(C, F::Name, Shapes, F::plainSize())) {
    if (auto Own = OwnSets.find(S.Table); S.Synthetic && Own != OwnSets.end())
      S.Description = "'" + Own->second + "' (dispatched elsewhere)";
    replaySite(S);
  }
}

template <typename F>
void FamilyReplay<F>::probe(const std::vector<typename F::Set> &Sets,
                            uint32_t Count, const typename F::Options &Opt,
                            const std::string &Set, const Span &Where,
                            const DispatchSite &S) {
  typename F::Request R = F::request(Set, 0xFFFFFFFF, nullptr);
  ksref::DispatchOutcome O = F::dispatch(Sets, Count, R, Opt);
  for (const ksref::Violation &V : O.Violations)
    if (is(V, Evidence::SetCount))
      C.report(V, Where, F::text(R, S.Description));
}

/// A site whose table is not in this TU (NULL, or defined elsewhere): the
/// runtime still validates the item size first, and walks a NULL table's
/// count.
template <typename F>
void FamilyReplay<F>::replayWithoutTable(const DispatchSite &S) {
  if (!S.ItemSize)
    return;
  typename F::Request R = F::request("{kstidy-replay-probe}", 0, nullptr);
  ksref::DispatchOutcome O =
      F::dispatch({}, 0, R, F::options(*S.ItemSize, nullptr));
  if (O.St == ksref::Status::InvalidParameter && *S.ItemSize % 8 != 0)
    C.report(Evidence::ItemSize, S.Where, sizeNotMultipleOf8(*S.ItemSize),
             F::text(R, S.Description));
  if (S.TableNull && S.Count && *S.Count) {
    // With a valid size, the NULL table's count is walked.
    ksref::DispatchOutcome N =
        F::dispatch({}, *S.Count, R, F::options(0, nullptr));
    for (const ksref::Violation &V : N.Violations)
      if (is(V, Evidence::SetCount))
        C.report(V, S.CountWhere, F::text(R, S.Description));
  }
}

template <typename F> void FamilyReplay<F>::replaySite(const DispatchSite &S) {
  auto TableIt = SetTables.find(S.Table);
  if (TableIt == SetTables.end())
    return replayWithoutTable(S);
  if (!S.ItemSize || !S.Count)
    return;
  const std::vector<SetEntry> &Table = TableIt->second;
  std::vector<typename F::Set> Sets;
  for (const SetEntry &E : Table) {
    auto It = Arrays.find(E.ArrayName);
    Sets.push_back(F::set(E.Guid, E.Count,
                          It == Arrays.end() ? nullptr : &It->second.Items));
  }
  const typename F::Options Opt = F::options(*S.ItemSize, &Images);
  // A set no entry matches walks every set entry the count announces.
  probe(Sets, *S.Count, Opt, "{kstidy-replay-probe}", S.CountWhere, S);
  for (size_t SI = 0; SI < Table.size(); ++SI) {
    const SetEntry &E = Table[SI];
    auto It = Arrays.find(E.ArrayName);
    if (It != Arrays.end())
      replayItems(S, Sets, Opt, SI, E, It->second);
    else if (E.ItemsNull && E.Count > 0) {
      typename F::Request R = F::request(Sets[SI].Guid, 0, nullptr);
      ksref::DispatchOutcome O = F::dispatch(Sets, *S.Count, R, Opt);
      for (const ksref::Violation &V : O.Violations)
        C.report(V, E.Where, F::text(R, S.Description));
    }
  }
}

template <typename F>
void FamilyReplay<F>::replayItems(const DispatchSite &S,
                                  const std::vector<typename F::Set> &Sets,
                                  const typename F::Options &Opt, size_t SI,
                                  const SetEntry &E, const Array &A) {
  const uint32_t Count = *S.Count;
  const uint32_t Stride = *S.ItemSize ? *S.ItemSize : F::plainSize();
  const bool StrideOk = Stride == A.Items.ElementSize;
  // An id no item has walks every item the set announces.
  if (SI < Count)
    probe(Sets, Count, Opt, Sets[SI].Guid, E.Where, S);
  for (size_t J = 0; J < A.Items.Items.size(); ++J) {
    if (A.Unknown[J])
      continue; // never replay a guess
    const typename F::Item &Item = A.Items.Items[J];
    typename F::Request R = F::request(Sets[SI].Guid, Item.Id, &Item);
    ksref::DispatchOutcome O = F::dispatch(Sets, Count, R, Opt);
    reportItemOutcome(C,
                      {S, SI, Count, Sets.size(), E.Where, E.Count, J,
                       A.Items.Items.size(), A.Entries[J], StrideOk},
                      O, F::handlers(Item), R.Set, R.Id,
                      F::text(R, S.Description));
  }
}

} // namespace

void replayMethodsAndEvents(TuContext &C) {
  FamilyReplay<MethodFamily>(C).run();
  FamilyReplay<EventFamily>(C).run();
}

} // namespace replay
} // namespace ks
