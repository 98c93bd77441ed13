//===- Reachability.cpp - sweep every entry of a property table
//------------===//
//
// The lookup rules are those of PropertyDispatch.cpp (observed in ReactOS:
// linear, the first match wins); this file only asks, entry by entry, whether
// the entry the driver wrote is the one that answers, and names why not.
//
//===----------------------------------------------------------------------===//
#include "ksref/Reachability.h"

#include "ksref/Layout.h"

#include "Text.h"

#include <algorithm>

namespace ksref {

using detail::fmt;

SweepReport sweepPropertyTables(const std::vector<PropertySet> &Sets,
                                uint32_t PropertySetsCount,
                                const DispatchOptions &Opt) {
  SweepReport R;
  DispatchOptions O = Opt;
  O.Allocator = nullptr; // the sweep observes tables, not the allocator
  auto Collect = [&](const std::vector<Violation> &Vs) {
    for (const Violation &V : Vs)
      addViolation(R.Violations, V.Check, V.What);
  };

  for (size_t S = 0; S < Sets.size(); ++S) {
    const PropertySet &PS = Sets[S];
    if (!PS.Items)
      continue;
    const ItemArray &A = *PS.Items;
    for (size_t J = 0; J < A.Items.size(); ++J) {
      const PropertyItem &It = A.Items[J];
      EntryReach E;
      E.SetEntry = static_cast<int>(S);
      E.Entry = static_cast<int>(J);
      E.Id = It.Id;
      const HandlerEffects *H = nullptr;
      if (It.Get.present()) {
        E.V = Verb::Get;
        H = &It.Get;
      } else if (It.Set.present()) {
        E.V = Verb::Set;
        H = &It.Set;
      } else if (It.Support.present()) {
        E.V = Verb::BasicSupport;
        H = &It.Support;
      }
      PropertyRequest Req;
      Req.Set = PS.Guid;
      Req.Id = It.Id;
      Req.V = E.V;
      // The smallest buffers the runtime lets through for this entry.
      Req.PropertyLength = std::max(KsPropertySize, It.MinProperty);
      Req.DataLength = It.MinData;
      if (E.V == Verb::BasicSupport)
        Req.DataLength = std::max<uint32_t>(Req.DataLength, 4);
      E.Outcome = dispatchProperty(Sets, PropertySetsCount, Req, O);
      const DispatchOutcome &Out = E.Outcome;
      E.Reached = Out.SetIndex == E.SetEntry && Out.EntryIndex == E.Entry &&
                  !Out.Faulted &&
                  (!H || H->Name.empty() || Out.HandlerCalled == H->Name);
      Collect(Out.Violations);
      if (!E.Reached) {
        const std::string What =
            H && !H->Name.empty()
                ? fmt("%s handler '%s'", verbName(E.V), H->Name.c_str())
                : std::string("its handlers");
        // Why: the first cause in lookup order.
        int ShadowSet = -1;
        for (size_t P = 0; P < S && P < PropertySetsCount; ++P)
          if (Sets[P].Guid == PS.Guid) {
            ShadowSet = static_cast<int>(P);
            break;
          }
        int ShadowItem = -1;
        for (size_t K = 0; K < J && K < PS.PropertiesCount; ++K)
          if (A.Items[K].Id == It.Id) {
            ShadowItem = static_cast<int>(K);
            break;
          }
        if (S >= PropertySetsCount)
          addViolation(R.Violations, checks::PropertySetCount,
                       fmt("set entry %zu (%s) lies beyond PropertySetsCount "
                           "%u: entry %zu of '%s' (id %u, %s) never runs",
                           S, PS.Guid.c_str(), PropertySetsCount, J,
                           A.Name.c_str(), It.Id, What.c_str()));
        else if (ShadowSet >= 0 && Out.SetIndex != E.SetEntry)
          addViolation(R.Violations, checks::PropertyDuplicateId,
                       fmt("set entry %zu repeats the GUID %s of set entry "
                           "%d: the runtime stops at the first, so entry %zu "
                           "of '%s' (id %u, %s) never runs",
                           S, PS.Guid.c_str(), ShadowSet, J, A.Name.c_str(),
                           It.Id, What.c_str()));
        else if (J >= PS.PropertiesCount)
          addViolation(R.Violations, checks::PropertySetCount,
                       fmt("entry %zu of '%s' (id %u, %s) lies beyond "
                           "PropertiesCount %u of set %s: it never runs",
                           J, A.Name.c_str(), It.Id, What.c_str(),
                           PS.PropertiesCount, PS.Guid.c_str()));
        else if (ShadowItem >= 0 &&
                 (Out.EntryIndex == ShadowItem || Out.EntryIndex < 0 ||
                  Out.SetIndex != E.SetEntry))
          addViolation(R.Violations, checks::PropertyDuplicateId,
                       fmt("entry %zu of '%s' repeats id %u of entry %d: the "
                           "runtime stops at the first, so %s never runs",
                           J, A.Name.c_str(), It.Id, ShadowItem, What.c_str()));
        else if (Out.Violations.empty())
          addViolation(R.Violations, checks::PropertyItemSize,
                       fmt("entry %zu of '%s' (id %u) never answers: the "
                           "request ends with %s",
                           J, A.Name.c_str(), It.Id, statusName(Out.St)));
        // Otherwise the outcome's own violations (a stride, a garbage
        // pointer, an item-size rejection) say why.
      }
      R.Entries.push_back(std::move(E));
    }
  }
  return R;
}

} // namespace ksref
