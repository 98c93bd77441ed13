// Item sizes passed to the KS dispatch functions.
// RUN: %check_ks ks-property-item-size %s --fixes
// Line numbers matter: test/model/fixtures.json snapshots its model,
// and the LSP test (test/CMakeLists.txt) expects the finding on line 68.
#include <ntddk.h>
#include <ks.h>

// A private extension of the property item, found again in the handler
// through KSPROPERTY_ITEM_IRP_STORAGE.
typedef struct {
  KSPROPERTY_ITEM Item;
  ULONG RegisterOffset;
} FIXTURE_PROPERTY_ITEM;

typedef struct {
  KSMETHOD_ITEM Item;
  ULONG Cookie;
} FIXTURE_METHOD_ITEM;

static const GUID FixtureSetGuid = {0x1, 0x2, 0x3, {4, 5, 6, 7, 8, 9, 10, 11}};

static NTSTATUS GetRegister(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  const FIXTURE_PROPERTY_ITEM *Item = // KSREF-EXPECT: runtime-only ks-property-item-size: the handler is also reached through the extended table, and the static rule speaks only when every path hands it plain items
      (const FIXTURE_PROPERTY_ITEM *)KSPROPERTY_ITEM_IRP_STORAGE(Irp);
  *(PULONG)Data = Item->RegisterOffset;
  return STATUS_SUCCESS;
}

static const FIXTURE_PROPERTY_ITEM ExtendedItems[] = {
    {{1, {GetRegister}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0,
      NULL, NULL, 0},
     0x10},
    {{2, {GetRegister}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0,
      NULL, NULL, 0},
     0x14},
};

static const KSPROPERTY_SET ExtendedSets[] = {
    {&FixtureSetGuid, SIZEOF_ARRAY(ExtendedItems),
     (const KSPROPERTY_ITEM *)ExtendedItems, 0, NULL},
};

static const KSPROPERTY_ITEM PlainItems[] = {
    {1, {GetRegister}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0,
     NULL, NULL, 0},
    {2, {GetRegister}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0,
     NULL, NULL, 0},
};

static const KSPROPERTY_SET PlainSets[] = {
    {&FixtureSetGuid, SIZEOF_ARRAY(PlainItems), PlainItems, 0, NULL},
};

static const FIXTURE_METHOD_ITEM ExtendedMethods[] = {
    {{1, {NULL}, sizeof(KSMETHOD), 0, NULL, KSMETHOD_TYPE_NONE}, 7},
    {{2, {NULL}, sizeof(KSMETHOD), 0, NULL, KSMETHOD_TYPE_NONE}, 8},
};

static const KSMETHOD_SET MethodSets[] = {
    {&FixtureSetGuid, SIZEOF_ARRAY(ExtendedMethods),
     (const KSMETHOD_ITEM *)ExtendedMethods, 0, NULL},
};

NTSTATUS DispatchPositive(PIRP Irp) {
  NTSTATUS Status;
  Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(ExtendedSets), ExtendedSets, NULL,
      sizeof(KSPROPERTY_ITEM) + sizeof(ULONG));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: PropertyItemSize 76 passed to KsPropertyHandlerWithAllocator is not a multiple of 8; on 64-bit Windows KsPropertyHandlerWithAllocator fails every request with STATUS_INVALID_PARAMETER [ks-property-item-size]
  // CHECK-FIXES: {{^}}      sizeof(FIXTURE_PROPERTY_ITEM));

  // The plain item size over extended entries: the stride is wrong.
  Status = KsPropertyHandlerWithAllocator(Irp, 1, ExtendedSets, NULL,
                                          sizeof(KSPROPERTY_ITEM));
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: PropertyItemSize 72 passed to KsPropertyHandlerWithAllocator does not match the 80-byte 'FIXTURE_PROPERTY_ITEM' entries of 'ExtendedItems' that set table 'ExtendedSets' points at; the runtime steps through the items 72 bytes at a time
  // CHECK-FIXES: {{^}}                                          sizeof(FIXTURE_PROPERTY_ITEM));

  // Zero means plain items to ks.sys: just as wrong for extended entries.
  Status = KsPropertyHandlerWithAllocator(Irp, 1, ExtendedSets, NULL, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:71: warning: PropertyItemSize 0 (plain KSPROPERTY_ITEM, 72 bytes) passed to KsPropertyHandlerWithAllocator does not match the 80-byte

  // KsPropertyHandler has no size at all.
  Status = KsPropertyHandler(Irp, 1, ExtendedSets);
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: KsPropertyHandler walks plain 72-byte KSPROPERTY_ITEM entries, but set table 'ExtendedSets' points at 80-byte 'FIXTURE_PROPERTY_ITEM' entries of 'ExtendedItems'

  // The extended size over plain entries.
  Status = KsPropertyHandlerWithAllocator(Irp, 1, PlainSets, NULL,
                                          sizeof(FIXTURE_PROPERTY_ITEM));
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: PropertyItemSize 80 passed to KsPropertyHandlerWithAllocator does not match the 72-byte 'KSPROPERTY_ITEM' entries of 'PlainItems'

  // Smaller than the item itself (and a multiple of 8).
  Status = KsMethodHandlerWithAllocator(Irp, 1, MethodSets, NULL, 24);
  // CHECK-MESSAGES: :[[@LINE-1]]:67: warning: MethodItemSize 24 passed to KsMethodHandlerWithAllocator is smaller than sizeof(KSMETHOD_ITEM) (40); the runtime steps through the items by this size

  Status = KsEnableEventWithAllocator(Irp, 0, NULL, NULL, KSEVENTS_NONE,
                                      NULL, NULL, 50);
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: EventItemSize 50 passed to KsEnableEventWithAllocator is not a multiple of 8
  return Status;
}

NTSTATUS DispatchNegative(PIRP Irp, ULONG SizeFromRegistry) {
  NTSTATUS Status;
  // The right sizes.
  Status = KsPropertyHandlerWithAllocator(Irp, SIZEOF_ARRAY(ExtendedSets),
                                          ExtendedSets, NULL,
                                          sizeof(FIXTURE_PROPERTY_ITEM));
  Status = KsPropertyHandlerWithAllocator(Irp, 1, PlainSets, NULL, 0);
  Status = KsPropertyHandlerWithAllocator(Irp, 1, PlainSets, NULL,
                                          sizeof(KSPROPERTY_ITEM));
  Status = KsPropertyHandler(Irp, 1, PlainSets);
  Status = KsMethodHandlerWithAllocator(Irp, 1, MethodSets, NULL,
                                        sizeof(FIXTURE_METHOD_ITEM));
  Status = KsEnableEventWithAllocator(Irp, 0, NULL, NULL, KSEVENTS_NONE,
                                      NULL, NULL, 0);
  // Not a constant: nothing certain to say.
  Status = KsPropertyHandlerWithAllocator(Irp, 1, ExtendedSets, NULL,
                                          SizeFromRegistry);
  return Status;
}

// A set table the analysis cannot see into stays silent.
extern const KSPROPERTY_SET ForeignSets[];
NTSTATUS DispatchForeign(PIRP Irp) {
  return KsPropertyHandlerWithAllocator(Irp, 1, ForeignSets, NULL,
                                        sizeof(FIXTURE_PROPERTY_ITEM));
}
