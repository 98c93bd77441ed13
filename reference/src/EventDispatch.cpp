//===- EventDispatch.cpp - KsEnableEvent(WithAllocator) -------------------===//
//
// Each rule below cites where it comes from (URLs in docs/sources.md):
//  [KsEE]    Microsoft, "KsEnableEvent function"
//  [KsEEWA]  Microsoft, "KsEnableEventWithAllocator function"
//  [EITEM]   Microsoft, "KSEVENT_ITEM structure"
//  [ENABLE]  Microsoft, "IOCTL_KS_ENABLE_EVENT IOCTL": a KSEVENT in the
//            input buffer, a KSEVENTDATA in the output buffer
//  [ADD]     Microsoft, "PFNKSADDEVENT callback function" (AVStrMiniAddEvent)
//  [ROS]     facts observed in ReactOS's reimplementation of ks.sys
//            (drivers/ksfilter/ks/event.c): behaviour only, no code.
//  [MODEL]   kstidy's modelling decision where the sources are silent or
//            disagree (reference/README.md, "Methods and events")
//
//===----------------------------------------------------------------------===//
#include "ksref/EventDispatch.h"

#include "HandlerCall.h"
#include "ItemWalk.h"
#include "KsItemImage.h"
#include "Text.h"

#include <optional>

namespace ksref {

using detail::fmt;

namespace {

class EventDispatcher {
public:
  EventDispatcher(const std::vector<EventSet> &Sets, uint32_t SetsCount,
                  const EventRequest &Req, const EventOptions &Opt)
      : Sets(Sets), SetsCount(SetsCount), Req(Req), Opt(Opt),
        L(ksEventItemLayout(Opt.Is64Bit)) {}

  EventOutcome run();

private:
  void afterMatch(uint64_t Off, const EventItemArray &A, const TableImage &Img);
  void fail(Status St) {
    // [KsEE] [KsEEWA] The function "always sets the
    // IO_STATUS_BLOCK.Information field ... to zero".
    Out.St = St;
    Out.Information = 0;
  }
  bool isSupport() const {
    return Req.Flags & (event_type::SetSupport | event_type::BasicSupport |
                        event_type::QueryBuffer);
  }
  std::string item() const {
    return fmt("event %s/%u", Req.Set.c_str(), Req.Id);
  }

  const std::vector<EventSet> &Sets;
  const uint32_t SetsCount;
  const EventRequest &Req;
  const EventOptions &Opt;
  const KsEventItemLayout &L;
  uint32_t Stride = 0;
  EventOutcome Out;
};

EventOutcome EventDispatcher::run() {
  // [KsEEWA] "On 64-bit platforms, this parameter must be a multiple of 8".
  // [MODEL] Otherwise every request fails with STATUS_INVALID_PARAMETER, the
  // status the property and method pages give for the same rule.
  if (detail::refusesItemSize("EventItemSize", Opt.EventItemSize, Opt.Is64Bit,
                              "event ", Out))
    return Out;
  // [KsEEWA] "If this parameter is zero, the structure size is assumed to
  // be normal".
  Stride = Opt.EventItemSize ? Opt.EventItemSize : L.Size;

  // [ENABLE] The input buffer holds a KSEVENT. [MODEL] A shorter one fails
  // with STATUS_INVALID_BUFFER_SIZE, as a short KSPROPERTY or KSMETHOD does
  // (ReactOS answers STATUS_NOT_SUPPORTED here).
  if (Req.EventLength < KsEventSize) {
    fail(Status::InvalidBufferSize);
    return Out;
  }

  // [KsEE] It "responds to all event identifiers defined by the sets": the
  // lookup every KS handler shares (ItemWalk.h).
  std::optional<TableImage> Own; // the image when Opt.Images is not given
  const detail::WalkMatch M = detail::lookUp(
      Sets, &EventSet::EventsCount, &EventSet::Items, SetsCount, Req.Set,
      Req.Id, Stride, L, Opt.ContinueToLaterSets, detail::EventNames,
      Opt.Images, Own, detail::buildKsEventImage, ksEventItemFieldAt, Out);
  Out.Information = 0;
  if (M.Found)
    afterMatch(M.Offset, *Sets[M.Set].Items, *M.Image);
  return Out;
}

void EventDispatcher::afterMatch(uint64_t Off, const EventItemArray &A,
                                 const TableImage &Img) {
  const auto Describe = [&](uint64_t At) {
    return detail::describeOffset(
        Img, At, [&](uint32_t In) { return ksEventItemFieldAt(L, In); });
  };
  const auto Call = [&](const char *Field, uint32_t Slot) {
    return detail::readHandlerSlot(
        Img, Off + Slot, L.PointerSize,
        fmt("%s %s", isSupport() ? "a support query of" : "enabling",
            item().c_str()),
        Field, Out.EntryIndex, A.Name, Describe, Out);
  };
  const auto StorageRead = [&](const HandlerEffects &H) {
    // [KsEEWA] KSEVENT_ITEM_IRP_STORAGE points at the matched item, which
    // is EventItemSize bytes (the plain item when that is 0).
    if (H.ItemStorageRead > Stride)
      addViolation(Out.Violations, checks::PropertyItemSize,
                   fmt("handler '%s' reads %u bytes from "
                       "KSEVENT_ITEM_IRP_STORAGE, but the runtime dispatches "
                       "%u-byte items",
                       H.Name.c_str(), H.ItemStorageRead, Stride));
  };

  if (isSupport()) {
    // [EITEM] SupportHandler. [MODEL] Without one, the found event is
    // supported: STATUS_SUCCESS.
    const detail::SlotRead R = Call("SupportHandler", L.SupportHandler);
    if (R.K == detail::SlotRead::Faulted)
      return;
    if (R.K == detail::SlotRead::Call) {
      if (const HandlerEffects *H = detail::handlerOfSlot(A, *R.Slot)) {
        Out.HandlerCalled = H->Name;
        StorageRead(*H);
      }
    }
    fail(Status::Success);
    return;
  }

  // [EITEM] DataInput is "the size in bytes of event data", a KSEVENTDATA
  // and the event's own parameters. [MODEL] A shorter event data buffer
  // fails with STATUS_BUFFER_TOO_SMALL (ReactOS answers STATUS_SUCCESS
  // without enabling anything).
  const uint32_t DataInput = Img.read32(Off + L.DataInput);
  if (Req.DataLength < DataInput) {
    fail(Status::BufferTooSmall);
    return;
  }
  // [EITEM] DataInput "Must be at least sizeof(KSEVENTDATA)": the runtime
  // reads the KSEVENTDATA (how to notify) from the buffer. An item below
  // that lets a buffer through that does not hold one.
  const uint32_t EventData = ksEventDataSize(Opt.Is64Bit);
  if (DataInput < EventData && Req.DataLength < EventData)
    addViolation(Out.Violations, checks::PropertyMinSize,
                 fmt("%s (entry %d of '%s') has DataInput %u, less than "
                     "sizeof(KSEVENTDATA) (%u): a %u-byte event data buffer "
                     "passes the check, and the runtime reads the "
                     "KSEVENTDATA %u bytes past its end",
                     item().c_str(), Out.EntryIndex, A.Name.c_str(), DataInput,
                     EventData, Req.DataLength, EventData - Req.DataLength));

  // [EITEM] ExtraEntryData: "additional memory that the system should
  // allocate for each enable request ... directly after the event enable
  // request's KSEVENT_ENTRY structure". [ROS] With an allocator, the
  // runtime asks it for that entry (not as an input operation) and its
  // failure ends the request; [KsEEWA] the filter then owns the buffer.
  const uint32_t Extra = Img.read32(Off + L.ExtraEntryData);
  Out.EntrySize = ksEventEntrySize(Opt.Is64Bit) + Extra;
  if (Opt.Allocator) {
    Out.AllocatorCalls.push_back(Out.EntrySize);
    const Status St = Opt.Allocator(Out.EntrySize, false);
    if (!ntSuccess(St)) {
      Out.EntrySize = 0;
      fail(St);
      return;
    }
    Out.FilterOwnedBuffer = true;
  }

  // [ADD] "If you do not provide an add event handler, AVStream adds the
  // event to the object list"; [KsEE] EventsList "must point to the head of
  // the list" when AddHandler is NULL.
  const detail::SlotRead R = Call("AddHandler", L.AddHandler);
  if (R.K == detail::SlotRead::Faulted)
    return;
  if (R.K == detail::SlotRead::Null) {
    if (!Opt.EventsList) {
      addViolation(Out.Violations, checks::PropertyMissingHandler,
                   fmt("%s (entry %d of '%s') has no AddHandler and the "
                       "runtime was given no EventsList: it adds the entry "
                       "to a list through a NULL pointer",
                       item().c_str(), Out.EntryIndex, A.Name.c_str()));
      Out.Faulted = true;
      fail(Status::Unsuccessful);
      return;
    }
    Out.AddedToList = true;
    fail(Status::Success);
    return;
  }
  const HandlerEffects *H = detail::handlerOfSlot(A, *R.Slot);
  if (!H) {
    fail(Status::Unsuccessful);
    return;
  }
  // [ADD] The handler gets the KSEVENTDATA (the event data buffer, DataLength
  // bytes) and the runtime's KSEVENT_ENTRY, ExtraEntryData bytes after it.
  Out.HandlerCalled = H->Name.empty() ? "<unnamed handler>" : H->Name;
  StorageRead(*H);
  if (H->DataAccess > Req.DataLength)
    addViolation(Out.Violations, checks::PropertyMinSize,
                 fmt("handler '%s' reads %u bytes of a %u-byte event data "
                     "buffer: %u bytes past its end",
                     Out.HandlerCalled.c_str(), H->DataAccess, Req.DataLength,
                     H->DataAccess - Req.DataLength));
  if (H->EntryExtraAccess > Extra)
    addViolation(Out.Violations, checks::PropertyMinSize,
                 fmt("handler '%s' accesses %u bytes after the KSEVENT_ENTRY, "
                     "but ExtraEntryData %u has the runtime allocate only "
                     "that many: %u bytes past the allocation",
                     Out.HandlerCalled.c_str(), H->EntryExtraAccess, Extra,
                     H->EntryExtraAccess - Extra));
  fail(Status::Success);
}

} // namespace

EventOutcome enableEvent(const std::vector<EventSet> &Sets,
                         uint32_t EventSetsCount, const EventRequest &Req,
                         const EventOptions &Opt) {
  return EventDispatcher(Sets, EventSetsCount, Req, Opt).run();
}

} // namespace ksref
