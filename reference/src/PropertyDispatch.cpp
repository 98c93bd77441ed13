//===- PropertyDispatch.cpp - KsPropertyHandler(WithAllocator)
//-------------===//
//
// Each rule below cites where it comes from (URLs in docs/sources.md):
//  [KsPHWA]  Microsoft, "KsPropertyHandlerWithAllocator function"
//  [KsPH]    Microsoft, "KsPropertyHandler function"
//  [PFNKSA]  Microsoft, "PFNKSALLOCATOR callback function"
//  [ITEM]    Microsoft, "KSPROPERTY_ITEM structure"
//  [ROS]     facts observed in ReactOS's reimplementation of ks.sys
//            (drivers/ksfilter/ks/property.c): behaviour only, no code.
//            Microsoft's pages do not state the order of the checks, their
//            statuses or how the lookup walks the tables.
//  [MODEL]   kstidy's modelling decision where the sources are silent or
//            disagree (reference/README.md, "Where the sources disagree")
//  [CODECAPI] Microsoft, "CODECAPI_ALLSETTINGS" (the size-query convention
//            of KS property handlers)
//  [KSCONTROL] Microsoft, "IKsControl::KsProperty method" (Remarks: a
//            request with no data buffer returns ERROR_MORE_DATA and the
//            size needed)
//
//===----------------------------------------------------------------------===//
#include "ksref/PropertyDispatch.h"
#include "ksref/Memory.h"

#include <optional>

#include "HandlerCall.h"
#include "ItemWalk.h"
#include "KsItemImage.h"
#include "Text.h"

#include <algorithm>

namespace ksref {

using detail::fmt;
using detail::quoted;

const char *verbName(Verb V) {
  switch (V) {
  case Verb::Get:
    return "GET";
  case Verb::Set:
    return "SET";
  case Verb::SetSupport:
    return "SETSUPPORT";
  case Verb::BasicSupport:
    return "BASICSUPPORT";
  }
  return "?";
}

uint32_t allocatorRequestSize(const PropertyRequest &Req) {
  // [PFNKSA] BufferSize "covers all parameters in the request"; [ROS] the
  // output length is rounded up to a multiple of 8 and the property follows
  // it in the same buffer.
  const uint32_t Data = (Req.DataLength + 7u) & ~7u;
  return Req.PropertyLength + Data;
}

namespace {

// sizeof(KSPROPERTY_DESCRIPTION): AccessFlags, DescriptionSize, a
// KSIDENTIFIER PropTypeSet (24), MembersListCount, Reserved.
constexpr uint32_t KsPropertyDescriptionSize = 40;

bool isDataVerb(Verb V) { return V == Verb::Get || V == Verb::Set; }

std::string itemName(const PropertyRequest &Req) {
  return fmt("%s/%u", Req.Set.c_str(), Req.Id);
}

class Dispatcher {
public:
  Dispatcher(const std::vector<PropertySet> &Sets, uint32_t SetsCount,
             const PropertyRequest &Req, const DispatchOptions &Opt)
      : Sets(Sets), SetsCount(SetsCount), Req(Req), Opt(Opt),
        L(ksPropertyItemLayout(Opt.Is64Bit)) {}

  DispatchOutcome run();

private:
  void afterMatch(uint64_t Offset, const ItemArray &A, const TableImage &Img);
  void defaultBasicSupport();
  void fail(Status St, uint64_t Information = 0) {
    Out.St = St;
    Out.Information = Information;
  }
  void violation(const char *Check, std::string What) {
    addViolation(Out.Violations, Check, std::move(What));
  }

  const std::vector<PropertySet> &Sets;
  const uint32_t SetsCount;
  const PropertyRequest &Req;
  const DispatchOptions &Opt;
  const KsItemLayout &L;
  uint32_t Stride = 0;
  DispatchOutcome Out;
};

DispatchOutcome Dispatcher::run() {
  // [KsPHWA] "On 64-bit platforms, if the PropertyItemSize parameter is not
  // a multiple of 8, STATUS_INVALID_PARAMETER is returned, and the call
  // fails" -- before the request is looked at, so for every request.
  if (detail::refusesItemSize("PropertyItemSize", Opt.PropertyItemSize,
                              Opt.Is64Bit, "", Out))
    return Out;
  // [KsPHWA] "If this parameter is zero, the structure size is assumed to be
  // normal": sizeof(KSPROPERTY_ITEM) of the platform.
  Stride = Opt.PropertyItemSize ? Opt.PropertyItemSize : L.Size;

  // [ROS] Input shorter than sizeof(KSPROPERTY) -> STATUS_INVALID_BUFFER_SIZE.
  if (Req.PropertyLength < KsPropertySize) {
    fail(Status::InvalidBufferSize);
    return Out;
  }

  // [ROS] With an allocator the runtime calls Allocator(Irp, size,
  // isGet) for GET/SET and returns its failure unchanged. It does so
  // when it captures the parameters, before the lookup: the buffer holds the
  // property the lookup reads. [KsPHWA] IRP_BUFFERED_IO and
  // IRP_DEALLOCATE_BUFFER are then not set: the filter frees the buffer.
  if (Opt.Allocator && isDataVerb(Req.V)) {
    const uint32_t Size = allocatorRequestSize(Req);
    Out.AllocatorCalls.push_back(Size);
    const Status St = Opt.Allocator(Size, Req.V == Verb::Get);
    if (!ntSuccess(St)) {
      fail(St);
      return Out;
    }
    Out.FilterOwnedBuffer = true;
  }

  // [KsPH] KsPropertyHandler "responds to all property identifiers defined
  // by the sets": the shared lookup (ItemWalk.h).
  std::optional<TableImage> Own; // the image when Opt.Images is not given
  const detail::WalkMatch M =
      detail::lookUp(Sets, &PropertySet::PropertiesCount, &PropertySet::Items,
                     SetsCount, Req.Set, Req.Id, Stride, L,
                     Opt.ContinueToLaterSets, detail::PropertyNames, Opt.Images,
                     Own, detail::buildKsItemImage, ksItemFieldAt, Out);
  if (M.Found)
    afterMatch(M.Offset, *Sets[M.Set].Items, *M.Image);
  return Out;
}

void Dispatcher::afterMatch(uint64_t Off, const ItemArray &A,
                            const TableImage &Img) {
  const bool AtEntry = Out.EntryIndex >= 0;

  // [ITEM] MinProperty is "the minimum buffer length to hold the property
  // identifier". [ROS] MinProperty > input length -> STATUS_INVALID_PARAMETER
  // (Information = MinProperty). The sizes come from the bytes the walk
  // matched, whatever they are.
  const uint32_t MinProperty = Img.read32(Off + L.MinProperty);
  if (MinProperty > Req.PropertyLength) {
    fail(Status::InvalidParameter, MinProperty);
    return;
  }
  // [ITEM] MinData is "the minimum buffer length to hold the data". [ROS]
  // MinData > output length -> error with Information = MinData; MinData 0
  // means no check at all. For GET and SET (the data verbs), against the
  // exact length: [CODECAPI] a buffer that is too small ->
  // STATUS_BUFFER_TOO_SMALL; a GET with no output buffer is the size query
  // -> STATUS_BUFFER_OVERFLOW ([KSCONTROL]: the client sees
  // ERROR_MORE_DATA with the size needed).
  const uint32_t MinData = Img.read32(Off + L.MinData);
  if (isDataVerb(Req.V) && MinData > Req.DataLength) {
    fail(Req.V == Verb::Get && Req.DataLength == 0 ? Status::BufferOverflow
                                                   : Status::BufferTooSmall,
         MinData);
    return;
  }

  // [ITEM] The handler of the verb: GetPropertyHandler ("If NULL, the
  // property cannot be read"), SetPropertyHandler ("If NULL, the property
  // cannot be set"), SupportHandler for the support queries.
  uint32_t Slot = L.SupportHandler;
  const char *Field = "SupportHandler";
  if (Req.V == Verb::Get) {
    Slot = L.GetHandler;
    Field = "GetPropertyHandler";
  } else if (Req.V == Verb::Set) {
    Slot = L.SetHandler;
    Field = "SetPropertyHandler";
  }
  const auto Describe = [&](uint64_t At) {
    return detail::describeKsOffset(Img, L, At);
  };
  const detail::SlotRead R = detail::readHandlerSlot(
      Img, Off + Slot, L.PointerSize,
      fmt("a %s of %s", verbName(Req.V), itemName(Req).c_str()), Field,
      Out.EntryIndex, A.Name, Describe, Out);
  if (R.K == detail::SlotRead::Faulted)
    return;
  if (R.K == detail::SlotRead::Null) {
    const bool NoHandlerAtAll =
        Img.readPointer(Off + L.GetHandler, L.PointerSize).K ==
            DecodedPointer::Null &&
        Img.readPointer(Off + L.SetHandler, L.PointerSize).K ==
            DecodedPointer::Null &&
        Img.readPointer(Off + L.SupportHandler, L.PointerSize).K ==
            DecodedPointer::Null;
    if (NoHandlerAtAll) {
      if (AtEntry)
        violation(checks::PropertyMissingHandler,
                  fmt("property %s (entry %d of '%s') has no get, set or "
                      "support handler: the runtime finds the item and has "
                      "nothing to run for any request on it",
                      itemName(Req).c_str(), Out.EntryIndex, A.Name.c_str()));
      fail(Status::NotFound);
      return;
    }
    if (Req.V == Verb::BasicSupport) {
      defaultBasicSupport();
      return;
    }
    // A verb the item does not serve.
    fail(Status::NotFound);
    return;
  }
  const PointerSlot &PS = *R.Slot;
  const HandlerEffects *H = detail::handlerOfSlot(A, PS);
  if (!H) {
    fail(Status::Unsuccessful);
    return;
  }
  detail::callHandler({*H, "KSPROPERTY_ITEM_IRP_STORAGE", "property",
                       Req.PropertyLength, Req.DataLength, Stride,
                       Req.V == Verb::Set, Req.V != Verb::Set,
                       Req.V == Verb::Get, Opt.Allocator, Img, Off, Describe},
                      Out);
}

/// [ROS] BASICSUPPORT on an item without a SupportHandler is answered by the
/// runtime itself: the access flags (a ULONG; an output shorter than that
/// fails with STATUS_INVALID_PARAMETER) and, given room for it, a
/// KSPROPERTY_DESCRIPTION. [ITEM] The Values member holds what "the driver
/// reports in response to ... KSPROPERTY_TYPE_BASICSUPPORT".
void Dispatcher::defaultBasicSupport() {
  if (Req.DataLength < 4) {
    fail(Status::InvalidParameter);
    return;
  }
  fail(Status::Success, Req.DataLength >= KsPropertyDescriptionSize
                            ? KsPropertyDescriptionSize
                            : 4);
}

} // namespace

DispatchOutcome dispatchProperty(const std::vector<PropertySet> &Sets,
                                 uint32_t PropertySetsCount,
                                 const PropertyRequest &Req,
                                 const DispatchOptions &Opt) {
  return Dispatcher(Sets, PropertySetsCount, Req, Opt).run();
}

} // namespace ksref
