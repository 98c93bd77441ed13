//===- ksref/EventDispatch.h - KsEnableEvent(WithAllocator) -----*- C++ -*-===//
//
// What ks.sys does with a driver's KSEVENT_SET table when a client enables
// an event (IOCTL_KS_ENABLE_EVENT: a KSEVENT in, the KSEVENTDATA that says
// how to notify it in the Data buffer): KsEnableEvent, and
// KsEnableEventWithAllocator with its Allocator and EventItemSize. The
// lookup is the property handler's; then the item's DataInput bounds the
// event data, the runtime allocates a KSEVENT_ENTRY with ExtraEntryData
// bytes after it and hands both to the item's AddHandler, or adds the entry
// to the list it was given. See reference/README.md for the rules, their
// sources and what is not modelled.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_EVENTDISPATCH_H
#define KSREF_EVENTDISPATCH_H

#include "ksref/PropertyTypes.h"

namespace ksref {

/// KSEVENT_TYPE_* (ks.h; Microsoft's "KSEVENT structure" page): the request
/// in KSEVENT.Flags.
namespace event_type {
inline constexpr uint32_t Enable = 0x1;
inline constexpr uint32_t OneShot = 0x2;
inline constexpr uint32_t EnableBuffered = 0x4;
inline constexpr uint32_t SetSupport = 0x100;
inline constexpr uint32_t BasicSupport = 0x200;
inline constexpr uint32_t QueryBuffer = 0x400;
} // namespace event_type

struct EventItem { // one KSEVENT_ITEM
  uint32_t Id = 0;
  uint32_t DataInput = 0;      // bytes of event data (KSEVENTDATA and more)
  uint32_t ExtraEntryData = 0; // bytes allocated after the KSEVENT_ENTRY
  HandlerEffects Add, Remove, Support;
};

struct EventItemArray {
  std::string Name;
  uint32_t ElementSize = 40; // x64 KSEVENT_ITEM: 40; x86: 24
  std::vector<EventItem> Items;
};

struct EventSet { // one KSEVENT_SET
  std::string Guid;
  uint32_t EventsCount = 0;
  const EventItemArray *Items = nullptr; // nullptr = NULL pointer
};

struct EventRequest {
  std::string Set;
  uint32_t Id = 0;
  uint32_t Flags = event_type::Enable; // KSEVENT.Flags
  uint32_t EventLength = 24;           // input buffer (KSEVENT: 24 bytes)
  uint32_t DataLength = 32; // the event data (KSEVENTDATA: 32 on x64)
};

struct EventOptions {
  uint32_t EventItemSize = 0; // 0 = sizeof(KSEVENT_ITEM)
  bool Is64Bit = true;
  /// Allocator (KsEnableEventWithAllocator): nullptr = none.
  std::function<Status(uint32_t Size, bool IsInput)> Allocator;
  /// EventsList is not NULL: the runtime can add an entry itself.
  bool EventsList = true;
  bool ContinueToLaterSets = false; // as DispatchOptions
  class ImageCache *Images = nullptr;
};

struct EventOutcome : DispatchOutcome {
  /// Bytes of the KSEVENT_ENTRY allocation (sizeof(KSEVENT_ENTRY) +
  /// ExtraEntryData; 0 when none was made).
  uint32_t EntrySize = 0;
  /// The runtime added the entry to EventsList (no AddHandler).
  bool AddedToList = false;
};

/// Replays \p Req against the first \p EventSetsCount entries of \p Sets
/// (KsEnableEventWithAllocator(Irp, EventSetsCount, Sets, EventsList,
/// EventsFlags, EventsLock, Allocator, EventItemSize)).
EventOutcome enableEvent(const std::vector<EventSet> &Sets,
                         uint32_t EventSetsCount, const EventRequest &Req,
                         const EventOptions &Opt);

} // namespace ksref

#endif
