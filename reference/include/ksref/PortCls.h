//===- ksref/PortCls.h - PortCls property dispatch ---------------*- C++
//-*-===//
//
// What PortCls does with a miniport's PCPROPERTY_ITEM array (a
// PCAUTOMATION_TABLE's Properties, walked by its PropertyItemSize) when a
// property request arrives. See reference/README.md.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_PORTCLS_H
#define KSREF_PORTCLS_H

#include "ksref/PropertyTypes.h"

namespace ksref {

// PCPROPERTY_ITEM Flags (portcls.h): the verbs an item serves. They have
// the values of the KSPROPERTY_TYPE_* verbs (ks.h).
inline constexpr uint32_t PcItemFlagGet = 0x00000001;
inline constexpr uint32_t PcItemFlagSet = 0x00000002;
inline constexpr uint32_t PcItemFlagBasicSupport = 0x00000200;

struct PcItem {
  std::string Set; // the item's property set (name or value)
  uint32_t Id = 0;
  uint32_t Flags = 0;     // PCPROPERTY_ITEM_FLAG_*
  HandlerEffects Handler; // the PCPFNPROPERTY_HANDLER (for an extended item:
                          // the driver's generic handler)
  uint32_t ExtMinData =
      0; // extended item: the MinData its generic handler checks
  bool Extended =
      false; // the element is a driver struct: PCPROPERTY_ITEM + extension
  std::vector<HandlerEffects>
      ExtHandlers; // the extension's handlers, in struct order:
                   // [0] get, [1] set, [2] support; a single
                   // handler serves every verb
  // --- ksref additions ---
  uint32_t ExtMinProperty = 0; // extended item: the extension's MinProperty
};

/// Replays \p Req against \p Items (PCAUTOMATION_TABLE Properties /
/// PropertyCount = Items.size()), walked with stride \p ItemSize
/// (PropertyItemSize; 0 taken as sizeof(PCPROPERTY_ITEM) = 24) over elements
/// of \p ElementSize bytes (0: 24). \p Images, when given, keeps the
/// table's image across the requests of one replay.
DispatchOutcome dispatchPortClsProperty(const std::vector<PcItem> &Items,
                                        uint32_t ItemSize, uint32_t ElementSize,
                                        const PropertyRequest &Req,
                                        class ImageCache *Images = nullptr);

} // namespace ksref

#endif
