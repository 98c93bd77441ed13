//===- HandlerCall.h - a property or method handler's call (private) -*- C++
//-*-===//
//
// KsPropertyHandler and KsMethodHandler call the matched item's handler the
// same way (PFNKSHANDLER: Irp, the request, Data): the item in the IRP's
// item storage, the request buffer of the length the client passed, and the
// Data buffer of the length it passed. What the handler does with them, as
// the static model recorded it (HandlerEffects), decides the outcome.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_SRC_HANDLERCALL_H
#define KSREF_SRC_HANDLERCALL_H

#include "ksref/Memory.h"
#include "ksref/PropertyTypes.h"

#include <functional>
#include <string>

namespace ksref {
namespace detail {

struct HandlerCall {
  const HandlerEffects &H;
  const char *Storage; // "KSPROPERTY_ITEM_IRP_STORAGE", ...
  const char *Input;   // "property", "method": the request buffer's name
  uint32_t InputLength, DataLength;
  uint32_t Stride;          // the item size dispatched
  bool DataIn, DataOut;     // the handler reads / writes Data
  bool InformationIsAccess; // success sets Information to the bytes written
  const std::function<Status(uint32_t Size, bool IsInput)> &Allocator;
  const TableImage &Img;
  uint64_t Offset; // of the item in Img
  std::function<std::string(uint64_t)> Describe;
};

/// What the runtime finds in the handler slot it calls through.
struct SlotRead {
  enum Kind {
    Null,    // nothing to call
    Faulted, // a garbage or non-function value: Out is a fault
    Call     // Slot is one of the driver's functions
  } K = Null;
  const PointerSlot *Slot = nullptr;
};

/// Reads the pointer at \p SlotOffset of \p Img for the request \p What
/// ("a GET of {set}/3") through field \p Field of the item matched at entry
/// \p Entry (-1: decoded from the middle of an entry) of array \p Array. A
/// call through a pointer of another entry or field is observed as a
/// stride's doing.
SlotRead readHandlerSlot(const TableImage &Img, uint64_t SlotOffset,
                         uint32_t PointerSize, const std::string &What,
                         const char *Field, int Entry, const std::string &Array,
                         const std::function<std::string(uint64_t)> &Describe,
                         DispatchOutcome &Out);

/// Calls the handler: sets Out.HandlerCalled, the status and Information,
/// and adds what the call observes (reads past the item, the request
/// buffer or the Data buffer).
void callHandler(const HandlerCall &C, DispatchOutcome &Out);

} // namespace detail
} // namespace ksref

#endif
