//===- ksref/FastProperty.h - KsFastPropertyHandler -------------*- C++ -*-===//
//
// The fast I/O path of property requests: KsFastPropertyHandler walks the
// KSFASTPROPERTY_ITEM tables (FastIoTable / FastIoCount of each
// KSPROPERTY_SET) and returns TRUE when a fast handler handled the request,
// FALSE when the request must go the IRP way (Microsoft, "KsFastPropertyHandler
// function": "If FALSE is returned, an IRP is generated").
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_FASTPROPERTY_H
#define KSREF_FASTPROPERTY_H

#include "ksref/PropertyTypes.h"

namespace ksref {

struct FastOutcome {
  bool Handled = false;              // KsFastPropertyHandler's BOOLEAN
  Status St = Status::Success;       // IoStatus->Status when handled
  uint64_t Information = 0;          // IoStatus->Information when handled
  int SetIndex = -1, ItemIndex = -1; // the fast item that matched
  std::string HandlerCalled;
  std::vector<Violation> Violations;
  bool Faulted = false; // a call through a NULL/non-function pointer
};

FastOutcome fastPropertyHandler(const std::vector<PropertySet> &Sets,
                                uint32_t PropertySetsCount,
                                const PropertyRequest &Req);

} // namespace ksref

#endif
