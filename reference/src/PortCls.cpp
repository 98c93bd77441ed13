//===- PortCls.cpp - PortCls property dispatch
//-----------------------------===//
//
// Each rule cites its source (URLs in docs/sources.md):
//  [PCAUTO] Microsoft, "PCAUTOMATION_TABLE structure": PropertyItemSize is
//           sizeof(PCPROPERTY_ITEM) or greater, private data following the
//           item; "PCPROPERTY_REQUEST structure": the handler gets Value /
//           ValueSize and Instance / InstanceSize.
//  [ROSPC]  facts observed in ReactOS's PortCls reimplementation
//           (drivers/wdm/audio/backpln/portcls/; behaviour only, no code):
//           PortCls builds KSPROPERTY_ITEMs from PCPROPERTY_ITEMs with
//           MinProperty = sizeof(KSPROPERTY) and MinData = 0, so PortCls
//           handlers must validate ValueSize / InstanceSize themselves;
//           node property items are walked by the automation table's
//           PropertyItemSize; a KS handler per verb in Flags (GET, SET,
//           BASICSUPPORT); the
//           request's PCPROPERTY_ITEM is found by a linear walk comparing
//           *Set and Id (first match); a NULL Handler -> STATUS_NOT_FOUND;
//           ValueSize = output length, Value = NULL when it is 0;
//           Information = ValueSize after the handler; an input shorter than
//           KSPROPERTY -> STATUS_INVALID_PARAMETER.
//  [MINSZ]  docs/checks/ks-property-min-size.md and
//           docs/checks/ks-property-missing-handler.md: the shape of an
//           extended PortCls item and of the driver's generic handler (it
//           checks ValueSize against the extension's MinData, then calls the
//           extension's handler).
//  [CODECAPI] Microsoft, "CODECAPI_ALLSETTINGS": size queries.
//
//===----------------------------------------------------------------------===//
#include "ksref/PortCls.h"

#include <optional>

#include "ksref/Layout.h"
#include "ksref/Memory.h"

#include "Text.h"

#include <algorithm>
#include <map>

namespace ksref {

using detail::fmt;

namespace {

constexpr uint32_t PointerSize = 8; // PortCls replays are x64

std::string describePc(const TableImage &Img, uint64_t Off, bool Extended) {
  if (Off >= Img.size())
    return fmt("offset %llu, past the end of the %zu-entry PCPROPERTY_ITEM "
               "array (%llu bytes)",
               static_cast<unsigned long long>(Off), Img.count(),
               static_cast<unsigned long long>(Img.size()));
  const uint32_t In = Img.offsetInEntry(Off);
  return fmt("offset %llu (byte %u of entry %d: %s)",
             static_cast<unsigned long long>(Off), In, Img.entryAt(Off),
             pcItemFieldAt(In, Extended).c_str());
}

TableImage buildPcImage(const std::vector<PcItem> &Items, uint32_t E) {
  const PcItemLayout &L = pcPropertyItemLayout();
  TableImage Img("Properties", E, Items.size());
  std::map<std::string, unsigned> Guids, Functions;
  auto Fn = [&](const HandlerEffects &H, const std::string &Anon) -> uint64_t {
    if (!H.present())
      return 0;
    if (!H.Callable)
      return pointers::NonFunction;
    const std::string Key = H.Name.empty() ? Anon : H.Name;
    auto It =
        Functions.emplace(Key, static_cast<unsigned>(Functions.size())).first;
    return pointers::function(It->second, PointerSize);
  };
  for (size_t K = 0; K < Items.size(); ++K) {
    const PcItem &I = Items[K];
    const uint64_t B = static_cast<uint64_t>(K) * E;
    const int Entry = static_cast<int>(K);
    auto G = Guids.emplace(I.Set, static_cast<unsigned>(Guids.size())).first;
    Img.writePointer(B + L.Set, PointerSize,
                     pointers::guid(G->second, PointerSize), Entry, "Set",
                     I.Set);
    Img.write32(B + L.Id, I.Id);
    Img.write32(B + L.Flags, I.Flags);
    Img.writePointer(B + L.Handler, PointerSize,
                     Fn(I.Handler, fmt("<unnamed %zu>", K)), Entry, "Handler",
                     I.Handler.Name, I.Handler.Callable);
    if (!I.Extended)
      continue;
    Img.write32(B + L.ExtMinProperty, I.ExtMinProperty);
    Img.write32(B + L.ExtMinData, I.ExtMinData);
    for (size_t H = 0; H < I.ExtHandlers.size(); ++H)
      Img.writePointer(B + L.ExtHandlers + 8 * H, PointerSize,
                       Fn(I.ExtHandlers[H], fmt("<unnamed %zu.%zu>", K, H)),
                       Entry, fmt("handler %zu (extension)", H),
                       I.ExtHandlers[H].Name, I.ExtHandlers[H].Callable);
  }
  return Img;
}

uint32_t verbFlag(Verb V) {
  switch (V) {
  case Verb::Get:
    return PcItemFlagGet;
  case Verb::Set:
    return PcItemFlagSet;
  case Verb::BasicSupport:
    return PcItemFlagBasicSupport;
  case Verb::SetSupport:
    return 0; // not a PCPROPERTY_ITEM flag
  }
  return 0;
}

class PcDispatcher {
public:
  PcDispatcher(const std::vector<PcItem> &Items, uint32_t ItemSize,
               uint32_t ElementSize, const PropertyRequest &Req,
               ImageCache *Images)
      : Items(Items), Req(Req), L(pcPropertyItemLayout()),
        Stride(ItemSize ? ItemSize : L.Size),
        E(std::max(ElementSize ? ElementSize : L.Size, L.Size)),
        Img(Images
                ? Images->get(&Items, E, [&] { return buildPcImage(Items, E); })
                : Own.emplace(buildPcImage(Items, E))) {
    for (const PcItem &I : Items)
      AnyExtended |= I.Extended;
  }

  DispatchOutcome run();

private:
  void fail(Status St, uint64_t Information = 0) {
    Out.St = St;
    Out.Information = Information;
  }
  void violation(const char *Check, std::string What) {
    addViolation(Out.Violations, Check, std::move(What));
  }
  void fault(const char *Check, std::string What) {
    violation(Check, std::move(What));
    Out.Faulted = true;
    fail(Status::Unsuccessful);
  }
  std::string itemName() const { return fmt("%s/%u", Req.Set.c_str(), Req.Id); }
  void reportUnreached(int Intended, int MatchedEntry);
  void callBase(const HandlerEffects &H);
  void callExtended(uint64_t Off, int Entry);
  void applyEffects(const HandlerEffects &H, const std::string &Name,
                    const char *Role, uint32_t Promised);

  const std::vector<PcItem> &Items;
  const PropertyRequest &Req;
  const PcItemLayout &L;
  const uint32_t Stride;
  const uint32_t E;
  std::optional<TableImage> Own; // without a cache: built for this request
  const TableImage &Img;
  bool AnyExtended = false;
  DispatchOutcome Out;
};

DispatchOutcome PcDispatcher::run() {
  // [ROSPC] An input shorter than KSPROPERTY is rejected before KS sees it.
  if (Req.PropertyLength < KsPropertySize) {
    fail(Status::InvalidParameter);
    return Out;
  }
  // The first entry the driver wrote for (Set, Id): what the request means.
  int Intended = -1;
  for (size_t K = 0; K < Items.size() && Intended < 0; ++K)
    if (Items[K].Set == Req.Set && Items[K].Id == Req.Id)
      Intended = static_cast<int>(K);

  // [PCAUTO]/[ROSPC] Walk the items by PropertyItemSize; each item's Set is
  // a pointer PortCls dereferences to compare the GUID; first match wins.
  for (size_t I = 0; I < Items.size(); ++I) {
    const uint64_t Off = static_cast<uint64_t>(I) * Stride;
    if (!Img.contains(Off, L.Size)) {
      violation(checks::PropertyItemSize,
                fmt("PortCls steps %u bytes through %zu PCPROPERTY_ITEM "
                    "entries of %u bytes: item %zu lies at %s",
                    Stride, Items.size(), E, I,
                    describePc(Img, Off, AnyExtended).c_str()));
      break; // unknown memory: taken as no match
    }
    const DecodedPointer SetPtr = Img.readPointer(Off + L.Set, PointerSize);
    if (SetPtr.K != DecodedPointer::Exact) {
      fault(checks::PropertyItemSize,
            fmt("PortCls steps %u bytes through PCPROPERTY_ITEM entries of "
                "%u bytes: looking up %s it reads the Set pointer of item "
                "%zu at %s and dereferences %s",
                Stride, E, itemName().c_str(), I,
                describePc(Img, Off, AnyExtended).c_str(),
                SetPtr.K == DecodedPointer::Null
                    ? "NULL"
                    : fmt("0x%llx, which is not a GUID's address",
                          static_cast<unsigned long long>(SetPtr.Value))
                          .c_str()));
      if (AnyExtended)
        violation(checks::PropertyMissingHandler,
                  fmt("the extended PCPROPERTY_ITEM entries are %u bytes but "
                      "PortCls walks them %u bytes apart: from item %zu on it "
                      "reads items (and the generic handler their "
                      "extensions) from the wrong bytes",
                      E, Stride, I));
      return Out;
    }
    if (SetPtr.Slot->Name != Req.Set || Img.read32(Off + L.Id) != Req.Id)
      continue;
    const int Entry = static_cast<int>(Off / E); // a Set slot: an entry start
    Out.SetIndex = 0;
    Out.ItemIndex = static_cast<int>(I);
    Out.EntryIndex = Entry;
    if (Entry != Intended)
      reportUnreached(Intended, Entry);

    // [ROSPC] The KS item PortCls builds has a handler only for the verbs
    // in Flags; MinProperty = sizeof(KSPROPERTY) (the length check
    // above), MinData = 0: no data size check at all.
    const uint32_t Flags = Img.read32(Off + L.Flags);
    const uint32_t Bit = verbFlag(Req.V);
    if (!(Flags & Bit)) {
      fail(Status::NotFound);
      return Out;
    }
    const DecodedPointer H = Img.readPointer(Off + L.Handler, PointerSize);
    if (H.K == DecodedPointer::Null) {
      // docs/checks/ks-property-missing-handler.md; [ROSPC] NOT_FOUND.
      violation(checks::PropertyMissingHandler,
                fmt("PCPROPERTY_ITEM %s (entry %d) promises %s in its Flags "
                    "(0x%x) but its Handler is NULL: every such request "
                    "fails with STATUS_NOT_FOUND",
                    itemName().c_str(), Entry, verbName(Req.V), Flags));
      fail(Status::NotFound);
      return Out;
    }
    if (H.K != DecodedPointer::Exact) {
      fault(checks::PropertyItemSize,
            fmt("PortCls calls the Handler of %s read at %s: 0x%llx is not "
                "a function",
                itemName().c_str(),
                describePc(Img, Off + L.Handler, AnyExtended).c_str(),
                static_cast<unsigned long long>(H.Value)));
      return Out;
    }
    if (!H.Slot->Callable) {
      fault(checks::PropertyMissingHandler,
            fmt("the Handler of PCPROPERTY_ITEM %s (entry %d) holds a "
                "non-function value: PortCls calls through it",
                itemName().c_str(), Entry));
      return Out;
    }
    const PcItem &Item = Items[static_cast<size_t>(Entry)];
    Out.HandlerCalled =
        Item.Handler.Name.empty() ? "<unnamed handler>" : Item.Handler.Name;
    if (Item.Extended)
      callExtended(Off, Entry);
    else
      callBase(Item.Handler);
    return Out;
  }
  if (Intended >= 0)
    reportUnreached(Intended, -1);
  fail(Status::NotFound);
  return Out;
}

void PcDispatcher::reportUnreached(int Intended, int MatchedEntry) {
  if (Intended < 0)
    return;
  const std::string Tail =
      MatchedEntry >= 0
          ? fmt("entry %d with the same set and id answers instead",
                MatchedEntry)
          : std::string("the request fails with STATUS_NOT_FOUND");
  violation(checks::PropertyItemSize,
            fmt("PortCls steps %u bytes through PCPROPERTY_ITEM entries of "
                "%u bytes: entry %d (%s) is never read at its start, so %s",
                Stride, E, Intended, itemName().c_str(), Tail.c_str()));
  if (Items[static_cast<size_t>(Intended)].Extended)
    violation(checks::PropertyMissingHandler,
              fmt("the extended PCPROPERTY_ITEM entries are %u bytes but "
                  "PortCls walks them %u bytes apart: entry %d (%s) and its "
                  "extension handlers are never reached",
                  E, Stride, Intended, itemName().c_str()));
}

/// A PCPROPERTY_ITEM handler gets PropertyRequest->Value / ValueSize (the
/// data buffer) and Instance / InstanceSize (the property after the
/// KSPROPERTY) ([PCAUTO]): [ROSPC] nothing was checked for it.
void PcDispatcher::applyEffects(const HandlerEffects &H,
                                const std::string &Name, const char *Role,
                                uint32_t Promised) {
  if (H.PropertyRead > Req.PropertyLength && !H.ChecksPropertyLength)
    violation(checks::PropertyMinSize,
              fmt("%s '%s' reads %u bytes of a %u-byte property buffer "
                  "(InstanceSize %u): %u bytes past its end",
                  Role, Name.c_str(), H.PropertyRead, Req.PropertyLength,
                  Req.PropertyLength - KsPropertySize,
                  H.PropertyRead - Req.PropertyLength));
  if (H.PropertyRead > Req.PropertyLength && H.ChecksPropertyLength) {
    fail(Status::BufferTooSmall);
    return;
  }
  const bool Data = Req.V == Verb::Get || Req.V == Verb::Set;
  if (Data && H.DataAccess > Req.DataLength) {
    if (H.ChecksDataLength) {
      fail(Req.DataLength == 0 ? Status::BufferOverflow
                               : Status::BufferTooSmall,
           H.DataAccess); // [CODECAPI]
      return;
    }
    const char *Does = Req.V == Verb::Set ? "reads" : "writes";
    if (Req.DataLength == 0) {
      violation(checks::PropertyMinSize,
                fmt("%s '%s' %s %u bytes through PropertyRequest->Value "
                    "without checking ValueSize; the request has no data "
                    "buffer and Value is NULL",
                    Role, Name.c_str(), Does, H.DataAccess));
      Out.Faulted = true;
      fail(Status::Unsuccessful);
      return;
    }
    violation(checks::PropertyMinSize,
              Promised
                  ? fmt("%s '%s' %s %u bytes through PropertyRequest->Value "
                        "but the generic handler only checks ValueSize >= "
                        "%u: a %u-byte Value passes and the handler runs %u "
                        "bytes past its end",
                        Role, Name.c_str(), Does, H.DataAccess, Promised,
                        Req.DataLength, H.DataAccess - Req.DataLength)
                  : fmt("%s '%s' %s %u bytes through PropertyRequest->Value "
                        "without checking ValueSize (%u): PortCls checks no "
                        "size (MinData 0), so it runs %u bytes past the end",
                        Role, Name.c_str(), Does, H.DataAccess, Req.DataLength,
                        H.DataAccess - Req.DataLength));
  }
  // [ROSPC] Information = ValueSize after the handler: what a GET handler
  // reports it wrote, else the size it was given.
  fail(Status::Success,
       Req.V == Verb::Get && H.DataAccess ? H.DataAccess : Req.DataLength);
}

void PcDispatcher::callBase(const HandlerEffects &H) {
  applyEffects(H, Out.HandlerCalled, "handler", 0);
}

void PcDispatcher::callExtended(uint64_t Off, int Entry) {
  const PcItem &Item = Items[static_cast<size_t>(Entry)];
  // [MINSZ] The generic handler finds the extension behind the item PortCls
  // passed it and checks ValueSize against the extension's MinData.
  const uint32_t MinData =
      Img.contains(Off + L.ExtMinData, 4) ? Img.read32(Off + L.ExtMinData) : 0;
  if ((Req.V == Verb::Get || Req.V == Verb::Set) && Req.DataLength < MinData) {
    fail(Status::BufferTooSmall, MinData);
    return;
  }
  // Which extension handler serves the verb: [0] get, [1] set, [2] support;
  // one handler alone serves every verb.
  const size_t N = Item.ExtHandlers.size();
  size_t Index = 0;
  if (N > 1)
    Index = Req.V == Verb::Get ? 0 : Req.V == Verb::Set ? 1 : 2;
  if (N == 0 || Index >= N) {
    // The driver's own answer for a verb it has no handler for is not in
    // the model; STATUS_INVALID_DEVICE_REQUEST stands for it.
    fail(Status::InvalidDeviceRequest);
    return;
  }
  const DecodedPointer P =
      Img.readPointer(Off + L.ExtHandlers + 8 * Index, PointerSize);
  if (P.K == DecodedPointer::Null) {
    violation(checks::PropertyMissingHandler,
              fmt("the extension of PCPROPERTY_ITEM %s (entry %d) has no %s "
                  "handler: the generic handler has nothing to call",
                  itemName().c_str(), Entry, verbName(Req.V)));
    fail(Status::InvalidDeviceRequest);
    return;
  }
  if (P.K != DecodedPointer::Exact || !P.Slot->Callable) {
    fault(checks::PropertyItemSize,
          fmt("the generic handler calls extension handler %zu of %s read "
              "at %s: 0x%llx is not a function",
              Index, itemName().c_str(),
              describePc(Img, Off + L.ExtHandlers + 8 * Index, true).c_str(),
              static_cast<unsigned long long>(P.Value)));
    return;
  }
  const HandlerEffects &H = Item.ExtHandlers[Index];
  Out.ExtHandlerCalled = H.Name.empty() ? "<unnamed handler>" : H.Name;
  applyEffects(H, Out.ExtHandlerCalled, "extension handler", MinData);
}

} // namespace

DispatchOutcome dispatchPortClsProperty(const std::vector<PcItem> &Items,
                                        uint32_t ItemSize, uint32_t ElementSize,
                                        const PropertyRequest &Req,
                                        ImageCache *Images) {
  return PcDispatcher(Items, ItemSize, ElementSize, Req, Images).run();
}

} // namespace ksref
