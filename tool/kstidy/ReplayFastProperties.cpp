//===- ReplayFastProperties.cpp - KsFastPropertyHandler over FastIoTables -===//
//
// Every fast item of a set's FastIoTable is requested through ksref's
// KsFastPropertyHandler, with the count a KsFastPropertyHandler call passes;
// set tables no call of the TU names, and fast arrays no set holds, are
// replayed as their own.
//
//===----------------------------------------------------------------------===//
#include "ReplayDomains.h"

#include "ksref/ksref.h"

#include "llvm/Support/FormatVariadic.h"

#include <set>

namespace ks {
namespace replay {

namespace {

/// Replays the fast items of one set table through one call.
class FastReplay {
public:
  FastReplay(TuContext &C, KsPropertyTables &T) : C(C), T(T) {}

  void run(const std::string &Table, uint32_t Count, const Span &CountWhere,
           const std::string &Description);
  std::set<std::string> Dispatched;

private:
  TuContext &C;
  KsPropertyTables &T;
};

void FastReplay::run(const std::string &Table, uint32_t Count,
                     const Span &CountWhere, const std::string &Description) {
  auto It = T.SetTables.find(Table);
  if (It == T.SetTables.end())
    return;
  Dispatched.insert(Table);
  std::vector<ksref::PropertySet> Sets;
  for (const SetEntry &E : It->second) {
    ksref::PropertySet P;
    P.Guid = E.Guid;
    P.PropertiesCount = E.Count;
    auto A = T.Arrays.find(E.ArrayName);
    P.Items = A == T.Arrays.end() ? nullptr : &A->second.Items;
    auto F = T.FastArrays.find(E.FastArrayName);
    P.FastItems = F == T.FastArrays.end() ? nullptr : &F->second.Items;
    P.FastIoCount = E.FastCount;
    Sets.push_back(P);
  }
  ksref::PropertyRequest Probe;
  Probe.Set = "{kstidy-replay-probe}";
  for (const ksref::Violation &V :
       ksref::fastPropertyHandler(Sets, Count, Probe).Violations)
    if (is(V, Evidence::SetCount))
      C.report(V, CountWhere,
               "fast request for an unknown set through " + Description);
  for (size_t SI = 0; SI < It->second.size(); ++SI) {
    const SetEntry &E = It->second[SI];
    auto F = T.FastArrays.find(E.FastArrayName);
    if (F == T.FastArrays.end())
      continue;
    for (size_t J = 0; J < F->second.Items.size(); ++J) {
      const ksref::FastPropertyItem &Item = F->second.Items[J];
      const Span &EntryWhere = F->second.Entries[J];
      ksref::PropertyRequest R;
      R.Set = E.Guid;
      R.Id = Item.Id;
      R.V = Item.Get.present() || !Item.Set.present() ? ksref::Verb::Get
                                                      : ksref::Verb::Set;
      R.DataLength = 4;
      ksref::FastOutcome O = ksref::fastPropertyHandler(Sets, Count, R);
      std::string Req =
          llvm::formatv("fast {0} {1} id {2} through {3}", ksref::verbName(R.V),
                        R.Set, R.Id, Description)
              .str();
      for (const ksref::Violation &V : O.Violations)
        C.report(V, is(V, Evidence::SetCount) ? E.Where : EntryWhere, Req);
      if (O.ItemIndex >= 0 && static_cast<size_t>(O.ItemIndex) != J &&
          O.SetIndex == static_cast<int>(SI))
        C.report(Evidence::DuplicateId, EntryWhere,
                 llvm::formatv("a fast request for id {0} is served by "
                               "fast item {1}: this entry never runs",
                               R.Id, O.ItemIndex)
                     .str(),
                 Req);
      if (!Item.Get.present() && !Item.Set.present() && !O.Handled)
        C.report(Evidence::MissingHandler, EntryWhere,
                 "KsFastPropertyHandler finds the item and has no handler "
                 "for any verb: the request falls back to the IRP path",
                 Req);
    }
  }
}

} // namespace

void replayFastProperties(TuContext &C, KsPropertyTables &T) {
  FastReplay Replay(C, T);
  for (const schema::DispatchCall &D : C.Tu.DispatchCalls)
    if (D.Api == "KsFastPropertyHandler" && D.Count)
      Replay.run(D.Table.value_or(""), static_cast<uint32_t>(*D.Count),
                 orElse(span(D.CountWhere), span(D.Where)),
                 "KsFastPropertyHandler");
  for (const auto &[Name, Table] : T.SetTables)
    if (!Replay.Dispatched.count(Name))
      Replay.run(Name, static_cast<uint32_t>(Table.size()), Span(),
                 "set table '" + Name + "' (dispatched elsewhere)");
  // Fast arrays no set of this TU holds: a set of their own.
  std::set<std::string> Held;
  for (const auto &[Name, Table] : T.SetTables)
    for (const SetEntry &E : Table)
      Held.insert(E.FastArrayName);
  for (const auto &[Name, A] : T.FastArrays) {
    if (Held.count(Name))
      continue;
    SetEntry E;
    E.Guid = "{" + Name + "}";
    E.FastArrayName = Name;
    E.FastCount = static_cast<uint32_t>(A.Items.size());
    T.SetTables["<" + Name + ">"] = {E};
    Replay.run("<" + Name + ">", 1, Span(),
               "'" + Name + "' (dispatched elsewhere)");
    T.SetTables.erase("<" + Name + ">");
  }
}

} // namespace replay
} // namespace ks
