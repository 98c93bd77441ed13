//===- HandlerCall.cpp - a property or method handler's call --------------===//
//
// Sources (URLs in docs/sources.md):
//  [KsPHWA]  Microsoft, "KsPropertyHandlerWithAllocator function" and
//  [KsMHWA]  "KsMethodHandlerWithAllocator function": the item storage holds
//            the matched item, PropertyItemSize / MethodItemSize bytes.
//  [CODECAPI] Microsoft, "CODECAPI_ALLSETTINGS": the size-query convention.
//  [ROS]     facts observed in ReactOS's reimplementation of ks.sys
//            (drivers/ksfilter/ks/): behaviour only, no code.
//
//===----------------------------------------------------------------------===//
#include "HandlerCall.h"

#include "Text.h"

namespace ksref {
namespace detail {

SlotRead readHandlerSlot(const TableImage &Img, uint64_t SlotOffset,
                         uint32_t PointerSize, const std::string &What,
                         const char *Field, int Entry, const std::string &Array,
                         const std::function<std::string(uint64_t)> &Describe,
                         DispatchOutcome &Out) {
  auto Fault = [&](const char *Check, std::string Message) {
    addViolation(Out.Violations, Check, std::move(Message));
    Out.Faulted = true;
    Out.St = Status::Unsuccessful;
    Out.Information = 0;
    return SlotRead{SlotRead::Faulted, nullptr};
  };
  const DecodedPointer P = Img.readPointer(SlotOffset, PointerSize);
  switch (P.K) {
  case DecodedPointer::PastEnd: // the walk checked the item is inside
  case DecodedPointer::Null:
    return SlotRead();
  case DecodedPointer::Garbage:
    return Fault(checks::PropertyItemSize,
                 fmt("for %s the runtime calls the %s read at %s: 0x%llx is "
                     "not a function (a call through a garbage pointer)",
                     What.c_str(), Field, Describe(SlotOffset).c_str(),
                     static_cast<unsigned long long>(P.Value)));
  case DecodedPointer::Exact:
    break;
  }
  const PointerSlot &PS = *P.Slot;
  if (!PS.Callable)
    return Fault(checks::PropertyMissingHandler,
                 fmt("the %s of entry %d of '%s' holds a non-function value "
                     "(0x%llx): the runtime calls through it for %s",
                     PS.Field.c_str(), PS.Entry, Array.c_str(),
                     static_cast<unsigned long long>(PS.Value), What.c_str()));
  if (PS.Entry != Entry || PS.Field != Field)
    addViolation(Out.Violations, checks::PropertyItemSize,
                 fmt("for %s the runtime calls %s, the %s of entry %d of "
                     "'%s', through bytes read at %s",
                     What.c_str(),
                     quoted(PS.Name, "an unnamed handler").c_str(),
                     PS.Field.c_str(), PS.Entry, Array.c_str(),
                     Describe(SlotOffset).c_str()));
  return SlotRead{SlotRead::Call, &PS};
}

void callHandler(const HandlerCall &C, DispatchOutcome &Out) {
  const HandlerEffects &H = C.H;
  const std::string Name = H.Name.empty() ? "<unnamed handler>" : H.Name;
  Out.HandlerCalled = Name;
  auto Fail = [&](Status St, uint64_t Information = 0) {
    Out.St = St;
    Out.Information = Information;
  };

  // [KsPHWA] [KsMHWA] The runtime places a pointer to the matched item in
  // the IRP's item storage; the item is the item size dispatched (the plain
  // item when that is 0). Reading more runs into what follows.
  if (H.ItemStorageRead > C.Stride) {
    const uint64_t From = C.Offset + C.Stride;
    addViolation(
        Out.Violations, checks::PropertyItemSize,
        fmt("handler '%s' reads %u bytes from %s, but the runtime dispatches "
            "%u-byte items: bytes %u..%u of the item are %s",
            Name.c_str(), H.ItemStorageRead, C.Storage, C.Stride, C.Stride,
            H.ItemStorageRead - 1,
            C.Img.contains(From, 1)
                ? ("at " + C.Describe(From) + ", another entry's bytes").c_str()
                : fmt("past the end of '%s'", C.Img.name().c_str()).c_str()));
  }

  // The request buffer is exactly InputLength bytes.
  if (H.PropertyRead > C.InputLength) {
    if (H.ChecksPropertyLength) {
      Fail(Status::BufferTooSmall);
      return;
    }
    addViolation(Out.Violations, checks::PropertyMinSize,
                 fmt("handler '%s' reads %u bytes of a %u-byte %s buffer: "
                     "%u bytes past its end",
                     Name.c_str(), H.PropertyRead, C.InputLength, C.Input,
                     H.PropertyRead - C.InputLength));
  }

  // The Data buffer is exactly DataLength bytes; [ROS] with an output length
  // of 0 the handler gets Data == NULL.
  if (H.DataAccess > C.DataLength) {
    if (H.ChecksDataLength) {
      // [CODECAPI] A zero-length buffer asks for the size:
      // STATUS_BUFFER_OVERFLOW; a non-zero buffer that is too small:
      // STATUS_BUFFER_TOO_SMALL; Information is the size needed.
      Fail(C.DataLength == 0 ? Status::BufferOverflow : Status::BufferTooSmall,
           H.DataAccess);
      if (Out.St == Status::BufferTooSmall && C.Allocator) {
        // [ROS] On STATUS_BUFFER_TOO_SMALL the runtime asks the allocator
        // for Information bytes (not as an input operation) and calls the
        // handler again; the IRP's lengths are unchanged, so the handler
        // fails the same way. An allocator failure there ends the request
        // with STATUS_INSUFFICIENT_RESOURCES.
        Out.AllocatorCalls.push_back(H.DataAccess);
        if (!ntSuccess(C.Allocator(H.DataAccess, false))) {
          Fail(Status::InsufficientResources);
          return;
        }
        Out.FilterOwnedBuffer = true;
        Fail(Status::BufferTooSmall, H.DataAccess);
      }
      return;
    }
    const char *Does = C.DataIn && C.DataOut ? "reads and writes"
                       : C.DataIn            ? "reads"
                                             : "writes";
    if (C.DataLength == 0) {
      addViolation(Out.Violations, checks::PropertyMinSize,
                   fmt("handler '%s' %s %u bytes through Data, but the "
                       "request has no data buffer and the runtime passes "
                       "Data == NULL",
                       Name.c_str(), Does, H.DataAccess));
      Out.Faulted = true;
      Fail(Status::Unsuccessful);
      return;
    }
    addViolation(Out.Violations, checks::PropertyMinSize,
                 fmt("handler '%s' %s %u bytes %s a %u-byte Data buffer: %u "
                     "bytes past its end",
                     Name.c_str(), Does, H.DataAccess,
                     C.DataIn && !C.DataOut ? "from" : "into", C.DataLength,
                     H.DataAccess - C.DataLength));
  }
  // The handler sets Information: what it wrote, for a request that
  // returns data.
  Fail(Status::Success, C.InformationIsAccess ? H.DataAccess : 0);
}

} // namespace detail
} // namespace ksref
