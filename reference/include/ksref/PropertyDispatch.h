//===- ksref/PropertyDispatch.h - KsPropertyHandler(WithAllocator) -*- C++
//-*-===//
//
// An executable model of what ks.sys does with a driver's KSPROPERTY_SET
// table when a property request (IOCTL_KS_PROPERTY) arrives:
// KsPropertyHandler, and KsPropertyHandlerWithAllocator with its Allocator
// and PropertyItemSize. See reference/README.md for the rules, their sources
// and what is not modelled.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_PROPERTYDISPATCH_H
#define KSREF_PROPERTYDISPATCH_H

#include "ksref/PropertyTypes.h"

namespace ksref {

/// Replays \p Req against the first \p PropertySetsCount entries of \p Sets
/// (KsPropertyHandlerWithAllocator(Irp, PropertySetsCount, Sets, Allocator,
/// PropertyItemSize) with the options of \p Opt).
DispatchOutcome dispatchProperty(const std::vector<PropertySet> &Sets,
                                 uint32_t PropertySetsCount,
                                 const PropertyRequest &Req,
                                 const DispatchOptions &Opt);

/// The buffer size the runtime asks a custom allocator for: the property
/// (input) length plus the data (output) length rounded up to 8 bytes
/// (PFNKSALLOCATOR: "This size covers all parameters in the request";
/// the rounding is observed in ReactOS's ks.sys reimplementation).
uint32_t allocatorRequestSize(const PropertyRequest &Req);

} // namespace ksref

#endif
