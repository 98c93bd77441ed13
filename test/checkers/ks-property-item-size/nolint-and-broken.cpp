// NOLINT works, and the check still runs when the TU has compile errors.
// RUN: %check_ks ks-property-item-size %s --compile-errors --kstidy-stderr=CHECK-SUMMARY
#include <ntddk.h>
#include <ks.h>

static const GUID S = {0x9, 0, 0, {0, 0, 0, 0, 0, 0, 0, 3}};
static const KSPROPERTY_ITEM Items[] = { // KSREF-EXPECT: static-only ks-property-missing-handler: every dispatch of this table fails on its item size first, so the runtime never reaches the item
    {1, {NULL}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0},
};
static const KSPROPERTY_SET Sets[] = {{&S, 1, Items, 0, NULL}};

// A header this host does not have, as in real trees: a (non-fatal) error.
UNKNOWN_WDK_TYPE DeviceState;

NTSTATUS Dispatch(PIRP Irp) {
  NTSTATUS Status; // KSREF-EXPECT: runtime-only ks-property-item-size: the next line is NOLINTed; the runtime still fails
  Status = KsPropertyHandlerWithAllocator(Irp, 1, Sets, NULL, 76); // NOLINT(ks-property-item-size)
  // NOLINTNEXTLINE(ks-property-item-size) KSREF-EXPECT: runtime-only ks-property-item-size: NOLINTed; the runtime still fails
  Status = KsPropertyHandlerWithAllocator(Irp, 1, Sets, NULL, 76);
  Status = KsPropertyHandlerWithAllocator(Irp, 1, Sets, NULL, 76);
  // CHECK-MESSAGES: :[[@LINE-1]]:63: warning: PropertyItemSize 76 passed to KsPropertyHandlerWithAllocator is not a multiple of 8
  Status = NotDeclaredAnywhere(Irp);
  return Status;
}

const KSAUTOMATION_TABLE AfterTheErrors = {1, 12, Sets, 0, 0, NULL, 0, 0, NULL};
// CHECK-MESSAGES: :[[@LINE-1]]:47: warning: PropertyItemSize 12 of KSAUTOMATION_TABLE 'AfterTheErrors' is not a multiple of 8

// CHECK-SUMMARY: nolint-and-broken.cpp: 2 compile errors; checks ran on what parsed
// CHECK-SUMMARY: kstidy: 1 translation unit analyzed, 2 findings (ks-property-item-size: 2), 1 translation unit with compile errors
