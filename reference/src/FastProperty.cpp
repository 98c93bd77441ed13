//===- FastProperty.cpp - KsFastPropertyHandler
//----------------------------===//
//
//  [FAST]  Microsoft, "KsFastPropertyHandler function"
//  [FITEM] Microsoft, "KSFASTPROPERTY_ITEM structure"
//  [ROS]   facts observed in ReactOS's ks.sys reimplementation (no code)
//
//===----------------------------------------------------------------------===//
#include "ksref/FastProperty.h"

#include "ksref/Layout.h"

#include "Text.h"

namespace ksref {

using detail::fmt;

FastOutcome fastPropertyHandler(const std::vector<PropertySet> &Sets,
                                uint32_t PropertySetsCount,
                                const PropertyRequest &Req) {
  FastOutcome Out;
  // [ROS] A property shorter than KSPROPERTY is not handled here (the IRP
  // path then fails it).
  if (Req.PropertyLength < KsPropertySize)
    return Out;
  // [FAST] "It responds to all property identifiers defined by the sets that
  // are also contained in the fast I/O list"; only GET and SET have fast
  // handlers ([FITEM]).
  if (Req.V != Verb::Get && Req.V != Verb::Set)
    return Out;
  for (uint32_t S = 0; S < PropertySetsCount; ++S) {
    if (S >= Sets.size()) {
      addViolation(Out.Violations, checks::PropertySetCount,
                   fmt("PropertySetsCount is %u but the set table holds %zu "
                       "entries: the fast path reads set entries past the "
                       "end of the table",
                       PropertySetsCount, Sets.size()));
      return Out;
    }
    const PropertySet &PS = Sets[S];
    if (PS.Guid != Req.Set || PS.FastIoCount == 0)
      continue; // [ROS] every set entry with the GUID is tried
    if (!PS.FastItems) {
      addViolation(Out.Violations, checks::PropertySetCount,
                   fmt("set entry %u (%s) counts %u fast items but its "
                       "FastIoTable is NULL: the runtime reads through a NULL "
                       "pointer",
                       S, PS.Guid.c_str(), PS.FastIoCount));
      Out.Faulted = true;
      return Out;
    }
    const std::vector<FastPropertyItem> &Items = *PS.FastItems;
    for (uint32_t I = 0; I < PS.FastIoCount; ++I) {
      if (I >= Items.size()) {
        addViolation(Out.Violations, checks::PropertySetCount,
                     fmt("FastIoCount of set %s is %u but its fast table has "
                         "%zu items: looking up id %u the runtime reads %u "
                         "item%s past the end",
                         PS.Guid.c_str(), PS.FastIoCount, Items.size(), Req.Id,
                         PS.FastIoCount - I,
                         PS.FastIoCount - I == 1 ? "" : "s"));
        break;
      }
      const FastPropertyItem &F = Items[I];
      if (F.Id != Req.Id)
        continue;
      if (!F.Get.present() && !F.Set.present())
        addViolation(Out.Violations, checks::PropertyMissingHandler,
                     fmt("fast item %u of set %s (id %u) has neither a get "
                         "nor a set handler: it can never be handled fast",
                         I, PS.Guid.c_str(), F.Id));
      const HandlerEffects &H = Req.V == Verb::Get ? F.Get : F.Set;
      if (!H.present())
        continue; // [ROS] the walk goes on; no fast handler: not handled
      Out.SetIndex = static_cast<int>(S);
      Out.ItemIndex = static_cast<int>(I);
      Out.Handled = true;
      Out.HandlerCalled = H.Name.empty() ? "<unnamed handler>" : H.Name;
      if (!H.Callable) {
        // [FITEM] GetSupported/SetSupported share the slot with the handler:
        // a BOOLEAN there is called as a function.
        addViolation(Out.Violations, checks::PropertyMissingHandler,
                     fmt("fast item %u of set %s holds a non-function value "
                         "where the fast %s handler belongs: the runtime "
                         "calls through it",
                         I, PS.Guid.c_str(), verbName(Req.V)));
        Out.Faulted = true;
        Out.St = Status::Unsuccessful;
        return Out;
      }
      // A fast handler gets the caller's lengths and no MinData check
      // ([FITEM] has no sizes): it must check them itself.
      if (H.DataAccess > Req.DataLength && !H.ChecksDataLength)
        addViolation(Out.Violations, checks::PropertyMinSize,
                     fmt("fast handler '%s' %s %u bytes %s a %u-byte Data "
                         "buffer",
                         Out.HandlerCalled.c_str(),
                         Req.V == Verb::Set ? "reads" : "writes", H.DataAccess,
                         Req.V == Verb::Set ? "from" : "into", Req.DataLength));
      if (H.DataAccess > Req.DataLength && H.ChecksDataLength) {
        Out.St = Req.DataLength == 0 ? Status::BufferOverflow
                                     : Status::BufferTooSmall;
        Out.Information = H.DataAccess;
        return Out;
      }
      Out.St = Status::Success;
      Out.Information = Req.V == Verb::Get ? H.DataAccess : 0;
      return Out;
    }
  }
  return Out;
}

} // namespace ksref
