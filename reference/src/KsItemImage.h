//===- KsItemImage.h - KSPROPERTY_ITEM arrays as bytes (private) -*- C++
//-*-===//
#ifndef KSREF_SRC_KSITEMIMAGE_H
#define KSREF_SRC_KSITEMIMAGE_H

#include "ksref/EventDispatch.h"
#include "ksref/Layout.h"
#include "ksref/Memory.h"
#include "ksref/MethodDispatch.h"
#include "ksref/PropertyTypes.h"

#include <string>

namespace ksref {
namespace detail {

/// The element size the image uses: the array's, but never less than the
/// base item (an element's first member *is* the item, so a smaller element
/// cannot exist in C; a model that says so is taken as the base item).
uint32_t effectiveElementSize(const ItemArray &A, const KsItemLayout &L);

/// Lays \p A out as the compiler does (Layout.h), handlers as pointers.
TableImage buildKsItemImage(const ItemArray &A, const KsItemLayout &L);

/// The handler whose pointer the slot holds.
const HandlerEffects *handlerOfSlot(const ItemArray &A, const PointerSlot &S);

/// The same for KSMETHOD_ITEM and KSEVENT_ITEM arrays.
TableImage buildKsMethodImage(const MethodItemArray &A,
                              const KsMethodItemLayout &L);
TableImage buildKsEventImage(const EventItemArray &A,
                             const KsEventItemLayout &L);
const HandlerEffects *handlerOfSlot(const MethodItemArray &A,
                                    const PointerSlot &S);
const HandlerEffects *handlerOfSlot(const EventItemArray &A,
                                    const PointerSlot &S);

/// "offset 80 of 'Items' (byte 8 of entry 1: MinData)" for any item array,
/// with the member names \p FieldAt gives.
std::string describeOffset(const TableImage &Img, uint64_t Offset,
                           const std::function<std::string(uint32_t)> &FieldAt);

/// "offset 80 of 'Items' (entry 1, GetPropertyHandler)" / "... past the end
/// of 'Items' (216 bytes)".
std::string describeKsOffset(const TableImage &Img, const KsItemLayout &L,
                             uint64_t Offset);

} // namespace detail
} // namespace ksref

#endif
