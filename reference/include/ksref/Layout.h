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
// ULONG Flags, in a union with a LONGLONG) is 24 bytes on both platforms, and
// so are KSMETHOD and KSEVENT, which are the same KSIDENTIFIER.
//
// KSMETHOD_ITEM ("KSMETHOD_ITEM structure"): MethodId, MethodHandler,
// MinMethod, MinData, SupportHandler, Flags: 40 bytes on x64 (measured by
// the same test), 24 on x86. KSEVENT_ITEM ("KSEVENT_ITEM structure"):
// EventId, DataInput, ExtraEntryData, AddHandler, RemoveHandler,
// SupportHandler: 40 bytes on x64 (measured), 24 on x86.
//
// KSEVENTDATA ("KSEVENTDATA structure": a ULONG NotificationType and a union
// whose largest member is a pointer and two pointer-sized values) is 32 bytes
// on x64 and 16 on x86; KSEVENT_ENTRY ("KSEVENT_ENTRY structure"), which the
// runtime allocates per enabled event with ExtraEntryData bytes after it, is
// 88 bytes on x64 and 48 on x86 (measured on x64 by the same test).
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_LAYOUT_H
#define KSREF_LAYOUT_H

#include <cstdint>
#include <string>

namespace ksref {

/// sizeof(KSPROPERTY) (a KSIDENTIFIER: a 16-byte GUID and two ULONGs).
inline constexpr uint32_t KsPropertySize = 24;
/// sizeof(KSMETHOD) and sizeof(KSEVENT): the same KSIDENTIFIER.
inline constexpr uint32_t KsMethodSize = 24;
inline constexpr uint32_t KsEventSize = 24;
/// sizeof(KSEVENTDATA) and sizeof(KSEVENT_ENTRY) of the platform.
inline constexpr uint32_t ksEventDataSize(bool Is64Bit) {
  return Is64Bit ? 32 : 16;
}
inline constexpr uint32_t ksEventEntrySize(bool Is64Bit) {
  return Is64Bit ? 88 : 48;
}
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

/// KSMETHOD_ITEM and KSEVENT_ITEM: the item id at offset 0, as in
/// KSPROPERTY_ITEM, then the members of each (offsets below).
struct KsMethodItemLayout {
  uint32_t Size;        // sizeof(KSMETHOD_ITEM)
  uint32_t PointerSize; // sizeof(PVOID)
  uint32_t MethodId;
  uint32_t MethodHandler; // union with BOOLEAN MethodSupported
  uint32_t MinMethod;
  uint32_t MinData;
  uint32_t SupportHandler;
  uint32_t Flags;
};
struct KsEventItemLayout {
  uint32_t Size;        // sizeof(KSEVENT_ITEM)
  uint32_t PointerSize; // sizeof(PVOID)
  uint32_t EventId;
  uint32_t DataInput;
  uint32_t ExtraEntryData;
  uint32_t AddHandler;
  uint32_t RemoveHandler;
  uint32_t SupportHandler;
};

/// The KSMETHOD_ITEM layout of the platform (x64: 40 bytes; x86: 24).
const KsMethodItemLayout &ksMethodItemLayout(bool Is64Bit);
/// The KSEVENT_ITEM layout of the platform (x64: 40 bytes; x86: 24).
const KsEventItemLayout &ksEventItemLayout(bool Is64Bit);
/// The member of KSMETHOD_ITEM / KSEVENT_ITEM covering a byte of an element
/// ("MethodId", ..., "padding", "private data").
std::string ksMethodItemFieldAt(const KsMethodItemLayout &L,
                                uint32_t OffsetInItem);
std::string ksEventItemFieldAt(const KsEventItemLayout &L,
                               uint32_t OffsetInItem);

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
