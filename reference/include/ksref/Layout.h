//===- ksref/Layout.h - the in-memory layout of the KS tables ---*- C++ -*-===//
//
// The runtime never sees a driver's C types: it sees a pointer and a size and
// reads fields at fixed offsets. These are those offsets.
//
// KSPROPERTY_ITEM (ks.h; Microsoft's "KSPROPERTY_ITEM structure" page lists
// the members in this order): PropertyId, GetPropertyHandler, MinProperty,
// MinData, SetPropertyHandler, Values, RelationsCount, Relations,
// SupportHandler, SerializedSize. With natural alignment that is 72 bytes on
// x64 (measured: sizeof(KSPROPERTY_ITEM) is 72 with the WDK profile's
// headers on x64; the test KsTypes.SizesOfTheBaseItemsMatchTheWdkOnX64 in
// unittests/ModelTest.cpp checks it) and 40 bytes on x86 (4-byte pointers, no
// padding).
//
// PCPROPERTY_ITEM (portcls.h; Microsoft's "PCPROPERTY_ITEM structure" page):
// Set (const GUID *), Id, Flags, Handler: 24 bytes on x64 (measured by the
// same test).
//
// KSPROPERTY (Microsoft's "KSIDENTIFIER structure" page: GUID Set, ULONG Id,
// ULONG Flags, in a union with a LONGLONG) is 24 bytes on both platforms.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_LAYOUT_H
#define KSREF_LAYOUT_H

#include <cstdint>
#include <string>

namespace ksref {

/// sizeof(KSPROPERTY) (a KSIDENTIFIER: a 16-byte GUID and two ULONGs).
inline constexpr uint32_t KsPropertySize = 24;
/// PAGE_SIZE on x86 and x64.
inline constexpr uint32_t PageSize = 4096;

struct KsItemLayout {
  uint32_t Size;        // sizeof(KSPROPERTY_ITEM)
  uint32_t PointerSize; // sizeof(PVOID)
  uint32_t PropertyId;  // offsets of the members
  uint32_t GetHandler;
  uint32_t MinProperty;
  uint32_t MinData;
  uint32_t SetHandler;
  uint32_t Values;
  uint32_t RelationsCount;
  uint32_t Relations;
  uint32_t SupportHandler;
  uint32_t SerializedSize;
};

/// The KSPROPERTY_ITEM layout of the platform (x64: 72 bytes; x86: 40).
const KsItemLayout &ksPropertyItemLayout(bool Is64Bit);

/// The member of KSPROPERTY_ITEM that covers byte \p OffsetInItem of an
/// element: "PropertyId", "GetPropertyHandler", ..., "padding", or
/// "private data" (bytes after the base item in an extended element).
std::string ksItemFieldAt(const KsItemLayout &L, uint32_t OffsetInItem);

struct PcItemLayout {
  uint32_t Size = 24;    // sizeof(PCPROPERTY_ITEM) on x64
  uint32_t Set = 0;      // const GUID *
  uint32_t Id = 8;       // ULONG
  uint32_t Flags = 12;   // ULONG
  uint32_t Handler = 16; // PCPFNPROPERTY_HANDLER
  // An extended PortCls item (docs/checks/ks-property-min-size.md: "a struct
  // whose first member is the PCPROPERTY_ITEM, followed by MinProperty /
  // MinData and handler pointers") as ksref lays it out:
  uint32_t ExtMinProperty = 24;
  uint32_t ExtMinData = 28;
  uint32_t ExtHandlers = 32; // one pointer each, in the order of the struct
};

/// The PCPROPERTY_ITEM layout (x64; PortCls replays are x64 only).
const PcItemLayout &pcPropertyItemLayout();

/// The member of an (extended) PCPROPERTY_ITEM element covering a byte.
std::string pcItemFieldAt(uint32_t OffsetInItem, bool Extended);

} // namespace ksref

#endif
