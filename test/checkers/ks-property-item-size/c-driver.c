// The check in C, where most KS drivers are written.
// RUN: %check_ks ks-property-item-size %s --kstidy-prefixes=CHECK-KSTIDY
#include <ntddk.h>
#include <ks.h>

typedef struct _C_ITEM {
  KSPROPERTY_ITEM Item;
  USHORT Flags;
} C_ITEM, *PC_ITEM;

static const GUID CSet = {0x7, 0, 0, {0, 0, 0, 0, 0, 0, 0, 2}};

static const C_ITEM CItems[] = {
    {{1, {NULL}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0}, 1},
};
static const KSPROPERTY_SET CSets[] = {
    {&CSet, 1, (const KSPROPERTY_ITEM *)CItems, 0, NULL},
};

const KSAUTOMATION_TABLE CAutomation = {
    1, sizeof(KSPROPERTY_ITEM) + sizeof(USHORT), CSets,
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: PropertyItemSize 74 of KSAUTOMATION_TABLE 'CAutomation' is not a multiple of 8
    0, sizeof(KSMETHOD_ITEM), NULL, 0, sizeof(KSEVENT_ITEM), NULL};

const KSAUTOMATION_TABLE CAutomationGood = {
    1, sizeof(C_ITEM), CSets,
    0, sizeof(KSMETHOD_ITEM), NULL, 0, sizeof(KSEVENT_ITEM), NULL};

NTSTATUS CDispatch(PIRP Irp) {
  // No table visible: the fix-it comes from the one struct that is exactly
  // KSPROPERTY_ITEM + USHORT.
  return KsPropertyHandlerWithAllocator(Irp, 1, NULL, NULL,
                                        sizeof(KSPROPERTY_ITEM) + sizeof(USHORT));
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: PropertyItemSize 74 passed to KsPropertyHandlerWithAllocator is not a multiple of 8
  // CHECK-KSTIDY: note: fix-it: replace 'sizeof(KSPROPERTY_ITEM) + sizeof(USHORT)' with 'sizeof(struct _C_ITEM)'
}
