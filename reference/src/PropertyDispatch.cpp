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
  enum class Search { Found, NotHere, Stop };
  Search searchSet(size_t S);
  void afterMatch(size_t S, uint32_t I, uint64_t Offset, const ItemArray &A,
                  const TableImage &Img);
  void reportStride(const ItemArray &A, const TableImage &Img, int Matched,
                    uint64_t Offset, uint32_t Count);
  void callHandler(const HandlerEffects &H, uint64_t Offset,
                   const TableImage &Img);
  void defaultBasicSupport();
  void fail(Status St, uint64_t Information = 0) {
    Out.St = St;
    Out.Information = Information;
  }
  void fault(const char *Check, std::string What) {
    addViolation(Out.Violations, Check, std::move(What));
    Out.Faulted = true;
    fail(Status::Unsuccessful);
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
  if (Opt.Is64Bit && Opt.PropertyItemSize % 8 != 0) {
    violation(checks::PropertyItemSize,
              fmt("PropertyItemSize %u is not a multiple of 8: on 64-bit "
                  "Windows every request fails with "
                  "STATUS_INVALID_PARAMETER",
                  Opt.PropertyItemSize));
    fail(Status::InvalidParameter);
    return Out;
  }
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
  // by the sets". [ROS] Lookup is linear: set by GUID, then item by PropertyId;
  // the first match wins; no match -> STATUS_NOT_FOUND. [MODEL] Only the first
  // set entry with the GUID is searched unless ContinueToLaterSets.
  for (uint32_t S = 0; S < SetsCount; ++S) {
    if (S >= Sets.size()) {
      // The count says there are more set entries than the table holds:
      // the runtime compares GUIDs of whatever follows the table.
      violation(checks::PropertySetCount,
                fmt("PropertySetsCount is %u but the set table holds %zu "
                    "entries: looking up %s the runtime reads %u set "
                    "entr%s past the end of the table",
                    SetsCount, Sets.size(), itemName(Req).c_str(),
                    SetsCount - S, SetsCount - S == 1 ? "y" : "ies"));
      break; // unknown memory: taken as no match
    }
    if (Sets[S].Guid != Req.Set)
      continue;
    // SetIndex: the set entry the GUID matched (the last one searched).
    Out.SetIndex = static_cast<int>(S);
    const Search R = searchSet(S);
    if (R == Search::Found || R == Search::Stop)
      return Out;
    if (!Opt.ContinueToLaterSets)
      break;
  }
  fail(Status::NotFound);
  if (Out.SetIndex < 0) {
    // A set entry beyond the count that would have answered.
    for (size_t S = SetsCount; S < Sets.size(); ++S)
      if (Sets[S].Guid == Req.Set) {
        violation(checks::PropertySetCount,
                  fmt("set entry %zu (%s) lies beyond PropertySetsCount %u: "
                      "requests for it fail with STATUS_NOT_FOUND",
                      S, Req.Set.c_str(), SetsCount));
        break;
      }
  }
  return Out;
}

Dispatcher::Search Dispatcher::searchSet(size_t S) {
  const PropertySet &PS = Sets[S];
  if (PS.PropertiesCount == 0)
    return Search::NotHere;
  if (!PS.Items) {
    // PropertiesCount items at address 0.
    fault(checks::PropertySetCount,
          fmt("set entry %zu (%s) counts %u properties but its item array "
              "is NULL: the runtime reads item 0 through a NULL pointer",
              S, PS.Guid.c_str(), PS.PropertiesCount));
    Out.SetIndex = static_cast<int>(S);
    return Search::Stop;
  }
  const ItemArray &A = *PS.Items;
  std::optional<TableImage> Own;
  const TableImage &Img =
      Opt.Images
          ? Opt.Images->get(&A, reinterpret_cast<uintptr_t>(&L),
                            [&] { return detail::buildKsItemImage(A, L); })
          : Own.emplace(detail::buildKsItemImage(A, L));

  // Walk the items as the runtime does: item i at byte i * stride, the
  // PropertyId at the start of whatever lies there.
  for (uint32_t I = 0; I < PS.PropertiesCount; ++I) {
    const uint64_t Off = static_cast<uint64_t>(I) * Stride;
    if (!Img.contains(Off, L.Size)) {
      // Beyond the array: because the count is larger than the array (no
      // entry I exists) or because the stride is larger than the entries.
      const bool CountsTooMany = I >= A.Items.size();
      violation(CountsTooMany ? checks::PropertySetCount
                              : checks::PropertyItemSize,
                CountsTooMany
                    ? fmt("PropertiesCount of set %s is %u but '%s' has %zu "
                          "items: looking up id %u the runtime reads %u "
                          "item%s past the end of the array",
                          PS.Guid.c_str(), PS.PropertiesCount, A.Name.c_str(),
                          A.Items.size(), Req.Id, PS.PropertiesCount - I,
                          PS.PropertiesCount - I == 1 ? "" : "s")
                    : fmt("the runtime steps %u bytes through '%s' (entries "
                          "of %u bytes): looking up id %u it reads item %u "
                          "at offset %llu, past the end of '%s' (%llu "
                          "bytes): its %u bytes end %llu bytes beyond the "
                          "array",
                          Stride, A.Name.c_str(), Img.elementSize(), Req.Id, I,
                          static_cast<unsigned long long>(Off), A.Name.c_str(),
                          static_cast<unsigned long long>(Img.size()), L.Size,
                          static_cast<unsigned long long>(Off + L.Size -
                                                          Img.size())));
      break; // unknown memory: taken as no match
    }
    if (Img.read32(Off + L.PropertyId) == Req.Id) {
      Out.SetIndex = static_cast<int>(S);
      Out.ItemIndex = static_cast<int>(I);
      reportStride(A, Img, static_cast<int>(I), Off, PS.PropertiesCount);
      afterMatch(S, I, Off, A, Img);
      return Search::Found;
    }
  }
  reportStride(A, Img, -1, 0, PS.PropertiesCount);
  // An entry with the id that the count hides.
  const size_t Walked = std::min<size_t>(PS.PropertiesCount, A.Items.size());
  bool InWalked = false;
  for (size_t K = 0; K < Walked; ++K)
    InWalked |= A.Items[K].Id == Req.Id;
  if (!InWalked)
    for (size_t K = Walked; K < A.Items.size(); ++K)
      if (A.Items[K].Id == Req.Id) {
        violation(checks::PropertySetCount,
                  fmt("entry %zu of '%s' (id %u) lies beyond PropertiesCount "
                      "%u of set %s: the runtime never reaches it and the "
                      "request fails with STATUS_NOT_FOUND",
                      K, A.Name.c_str(), Req.Id, PS.PropertiesCount,
                      PS.Guid.c_str()));
        break;
      }
  return Search::NotHere;
}

/// Compares what the walk matched (\p Matched, -1 none) with the entry the
/// driver wrote for the id, and reports a stride that made them differ.
void Dispatcher::reportStride(const ItemArray &A, const TableImage &Img,
                              int Matched, uint64_t Offset, uint32_t Count) {
  int Intended = -1;
  const size_t Walked = std::min<size_t>(Count, A.Items.size());
  for (size_t K = 0; K < Walked && Intended < 0; ++K)
    if (A.Items[K].Id == Req.Id)
      Intended = static_cast<int>(K);
  const uint64_t E = Img.elementSize();
  if (Matched >= 0 && !Img.isEntryStart(Offset)) {
    violation(checks::PropertyItemSize,
              fmt("the runtime steps %u bytes through '%s' (entries of %llu "
                  "bytes): item %d is read at %s, and its bytes happen to "
                  "hold id %u: the request is served from the wrong bytes",
                  Stride, A.Name.c_str(), static_cast<unsigned long long>(E),
                  Matched, detail::describeKsOffset(Img, L, Offset).c_str(),
                  Req.Id));
    return;
  }
  const int MatchedEntry = Matched >= 0 ? static_cast<int>(Offset / E) : -1;
  if (Intended >= 0 && MatchedEntry != Intended)
    violation(
        checks::PropertyItemSize,
        fmt("the runtime steps %u bytes through '%s' (entries of %llu "
            "bytes): entry %d (id %u) is never read at its start, so "
            "%s",
            Stride, A.Name.c_str(), static_cast<unsigned long long>(E),
            Intended, Req.Id,
            MatchedEntry >= 0
                ? fmt("entry %d with the same id answers instead", MatchedEntry)
                      .c_str()
                : "the request fails with STATUS_NOT_FOUND"));
}

void Dispatcher::afterMatch(size_t S, uint32_t I, uint64_t Off,
                            const ItemArray &A, const TableImage &Img) {
  (void)S;
  (void)I;
  const bool AtEntry = Img.isEntryStart(Off);
  Out.EntryIndex = AtEntry ? static_cast<int>(Off / Img.elementSize()) : -1;

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
  const DecodedPointer P = Img.readPointer(Off + Slot, L.PointerSize);
  switch (P.K) {
  case DecodedPointer::PastEnd: // the walk checked the item is inside
  case DecodedPointer::Null: {
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
  case DecodedPointer::Garbage:
    fault(checks::PropertyItemSize,
          fmt("for a %s of %s the runtime calls the %s read at %s: "
              "0x%llx is not a function (a call through a garbage pointer)",
              verbName(Req.V), itemName(Req).c_str(), Field,
              detail::describeKsOffset(Img, L, Off + Slot).c_str(),
              static_cast<unsigned long long>(P.Value)));
    return;
  case DecodedPointer::Exact:
    break;
  }
  const PointerSlot &PS = *P.Slot;
  if (!PS.Callable) {
    fault(checks::PropertyMissingHandler,
          fmt("the %s of entry %d of '%s' holds a non-function value "
              "(0x%llx): the runtime calls through it for a %s of %s",
              PS.Field.c_str(), PS.Entry, A.Name.c_str(),
              static_cast<unsigned long long>(PS.Value), verbName(Req.V),
              itemName(Req).c_str()));
    return;
  }
  if (PS.Entry != Out.EntryIndex || PS.Field != Field)
    violation(checks::PropertyItemSize,
              fmt("for a %s of %s the runtime calls %s, the %s of entry %d "
                  "of '%s', through bytes read at %s",
                  verbName(Req.V), itemName(Req).c_str(),
                  quoted(PS.Name, "an unnamed handler").c_str(),
                  PS.Field.c_str(), PS.Entry, A.Name.c_str(),
                  detail::describeKsOffset(Img, L, Off + Slot).c_str()));
  const HandlerEffects *H = detail::handlerOfSlot(A, PS);
  if (!H) {
    fail(Status::Unsuccessful);
    return;
  }
  callHandler(*H, Off, Img);
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

void Dispatcher::callHandler(const HandlerEffects &H, uint64_t Off,
                             const TableImage &Img) {
  const std::string Name = H.Name.empty() ? "<unnamed handler>" : H.Name;
  Out.HandlerCalled = Name;

  // [KsPHWA] The runtime places a pointer to the matched item in
  // KSPROPERTY_ITEM_IRP_STORAGE(Irp); the item is PropertyItemSize bytes
  // (the plain item when that is 0). Reading more runs into what follows.
  if (H.ItemStorageRead > Stride) {
    const uint64_t From = Off + Stride;
    violation(
        checks::PropertyItemSize,
        fmt("handler '%s' reads %u bytes from "
            "KSPROPERTY_ITEM_IRP_STORAGE, but the runtime dispatches "
            "%u-byte items: bytes %u..%u of the item are %s",
            Name.c_str(), H.ItemStorageRead, Stride, Stride,
            H.ItemStorageRead - 1,
            Img.contains(From, 1)
                ? ("at " + detail::describeKsOffset(Img, L, From) +
                   ", another entry's bytes")
                      .c_str()
                : fmt("past the end of '%s'", Img.name().c_str()).c_str()));
  }

  // The property buffer is exactly PropertyLength bytes.
  if (H.PropertyRead > Req.PropertyLength) {
    if (H.ChecksPropertyLength) {
      fail(Status::BufferTooSmall);
      return;
    }
    violation(checks::PropertyMinSize,
              fmt("handler '%s' reads %u bytes of a %u-byte property buffer: "
                  "%u bytes past its end",
                  Name.c_str(), H.PropertyRead, Req.PropertyLength,
                  H.PropertyRead - Req.PropertyLength));
  }

  // The Data buffer is exactly DataLength bytes; [ROS] with an output length
  // of 0 the handler gets Data == NULL.
  if (H.DataAccess > Req.DataLength) {
    if (H.ChecksDataLength) {
      // [CODECAPI] A zero-length buffer asks for the size:
      // STATUS_BUFFER_OVERFLOW; a non-zero buffer that is too small:
      // STATUS_BUFFER_TOO_SMALL; Information is the size needed.
      fail(Req.DataLength == 0 ? Status::BufferOverflow
                               : Status::BufferTooSmall,
           H.DataAccess);
      if (Out.St == Status::BufferTooSmall && Opt.Allocator) {
        // [ROS] On STATUS_BUFFER_TOO_SMALL the runtime asks the allocator
        // for Information bytes (not as an input operation) and calls the
        // handler again; the IRP's lengths are unchanged, so the handler
        // fails the same way. An allocator failure there ends the request
        // with STATUS_INSUFFICIENT_RESOURCES.
        Out.AllocatorCalls.push_back(H.DataAccess);
        if (!ntSuccess(Opt.Allocator(H.DataAccess, false))) {
          fail(Status::InsufficientResources);
          return;
        }
        Out.FilterOwnedBuffer = true;
        fail(Status::BufferTooSmall, H.DataAccess);
      }
      return;
    }
    const char *Does = Req.V == Verb::Set ? "reads" : "writes";
    if (Req.DataLength == 0) {
      addViolation(Out.Violations, checks::PropertyMinSize,
                   fmt("handler '%s' %s %u bytes through Data, but the "
                       "request has no data buffer and the runtime passes "
                       "Data == NULL",
                       Name.c_str(), Does, H.DataAccess));
      Out.Faulted = true;
      fail(Status::Unsuccessful);
      return;
    }
    violation(checks::PropertyMinSize,
              fmt("handler '%s' %s %u bytes %s a %u-byte Data buffer: %u "
                  "bytes past its end",
                  Name.c_str(), Does, H.DataAccess,
                  Req.V == Verb::Set ? "from" : "into", Req.DataLength,
                  H.DataAccess - Req.DataLength));
  }
  // The handler sets Information: what it wrote, for GET.
  fail(Status::Success, Req.V == Verb::Get ? H.DataAccess : 0);
}

} // namespace

DispatchOutcome dispatchProperty(const std::vector<PropertySet> &Sets,
                                 uint32_t PropertySetsCount,
                                 const PropertyRequest &Req,
                                 const DispatchOptions &Opt) {
  return Dispatcher(Sets, PropertySetsCount, Req, Opt).run();
}

} // namespace ksref
