// Counts beside KS and PortCls tables.
// RUN: %check_ks ks-property-set-count %s --fixes
#include <ntddk.h>
#include <ks.h>
#include <ksmedia.h>
#include <portcls.h>

static const GUID ExposureSet = {0x21, 0, 0, {0, 0, 0, 0, 0, 0, 0, 1}};
static const GUID FocusSet = {0x22, 0, 0, {0, 0, 0, 0, 0, 0, 0, 1}};

static NTSTATUS Get(PIRP Irp, PKSPROPERTY Property, PVOID Data) { return STATUS_SUCCESS; }
static BOOLEAN NTAPI FastGet(PFILE_OBJECT, PKSIDENTIFIER, ULONG, PVOID, ULONG, PIO_STATUS_BLOCK) { return TRUE; }

static const KSPROPERTY_ITEM ExposureItems[] = {
    {0, {Get}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0},
    {1, {Get}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0},
    {2, {Get}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0},
};
static const KSPROPERTY_ITEM FocusItems[] = {
    {0, {Get}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0},
    {1, {Get}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0},
};
static const KSFASTPROPERTY_ITEM FastExposure[] = {
    DEFINE_KSFASTPROPERTY_ITEM(0, FastGet, NULL),
};

static const KSPROPERTY_SET CameraSets[] = {
    {&ExposureSet, 4, ExposureItems, 1, FastExposure},
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: PropertiesCount of set 'ExposureSet' in 'CameraSets' is 4, but 'ExposureItems' has 3 property items: the runtime reads 1 property item past the end of the array [ks-property-set-count]
    // CHECK-FIXES: {{^}}    {&ExposureSet, SIZEOF_ARRAY(ExposureItems), ExposureItems, 1, FastExposure},
    DEFINE_KSPROPERTY_SET(&FocusSet, 1, FocusItems, 2, FastExposure),
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: PropertiesCount of set 'FocusSet' in 'CameraSets' is 1, but 'FocusItems' has 2 property items: the last property item is never found
    // CHECK-MESSAGES: :[[@LINE-2]]:53: warning: FastIoCount of set 'FocusSet' in 'CameraSets' is 2, but 'FastExposure' has 1 fast item: the runtime reads 1 fast item past the end of the array
    // CHECK-FIXES: {{^}}    DEFINE_KSPROPERTY_SET(&FocusSet, SIZEOF_ARRAY(FocusItems), FocusItems, SIZEOF_ARRAY(FastExposure), FastExposure),
};

// Negative: counts that match, written every way drivers write them.
#define ITEM_COUNT(a) (sizeof(a) / sizeof((a)[0]))
static const KSPROPERTY_SET GoodSets[] = {
    DEFINE_KSPROPERTY_SET(&ExposureSet, SIZEOF_ARRAY(ExposureItems), ExposureItems, SIZEOF_ARRAY(FastExposure), FastExposure),
    {&FocusSet, ITEM_COUNT(FocusItems), FocusItems, 0, NULL},
};

static const KSPROPERTY_SET NullItems[] = {
    {&FocusSet, 2, NULL, 0, NULL},
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: PropertiesCount of set 'FocusSet' in 'NullItems' is 2, but the table it counts is NULL: the runtime reads its entries from address 0
};

DEFINE_KSAUTOMATION_TABLE(GoodAutomation){
    DEFINE_KSAUTOMATION_PROPERTIES(GoodSets),
    DEFINE_KSAUTOMATION_METHODS_NULL,
    DEFINE_KSAUTOMATION_EVENTS_NULL,
};

static const KSAUTOMATION_TABLE BadAutomation = {
    3, sizeof(KSPROPERTY_ITEM), GoodSets,
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: PropertySetsCount of KSAUTOMATION_TABLE 'BadAutomation' is 3, but 'GoodSets' has 2 sets: the runtime reads 1 set past the end of the array
    // CHECK-FIXES: {{^}}    SIZEOF_ARRAY(GoodSets), sizeof(KSPROPERTY_ITEM), GoodSets,
    0, sizeof(KSMETHOD_ITEM), NULL, 0, sizeof(KSEVENT_ITEM), NULL};

NTSTATUS Dispatch(PIRP Irp, PFILE_OBJECT File, PKSPROPERTY P, PVOID D, PIO_STATUS_BLOCK Io) {
  NTSTATUS Status = KsPropertyHandler(Irp, 1, GoodSets);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: PropertySetsCount passed to KsPropertyHandler is 1, but 'GoodSets' has 2 sets: the last set is never found
  Status = KsPropertyHandler(Irp, SIZEOF_ARRAY(GoodSets), GoodSets);
  Status = KsPropertyHandlerWithAllocator(Irp, SIZEOF_ARRAY(CameraSets), CameraSets, NULL, 0);
  KsFastPropertyHandler(File, P, sizeof(KSPROPERTY), D, 4, Io, 3, GoodSets);
  // CHECK-MESSAGES: :[[@LINE-1]]:64: warning: PropertySetsCount passed to KsFastPropertyHandler is 3, but 'GoodSets' has 2 sets
  return Status;
}

// PortCls: PropertyCount counts PCPROPERTY_ITEMs.
static NTSTATUS NTAPI PcGet(PPCPROPERTY_REQUEST) { return STATUS_SUCCESS; }
static const PCPROPERTY_ITEM VolumeItems[] = {
    {&ExposureSet, 1, KSPROPERTY_TYPE_GET, PcGet},
    {&ExposureSet, 2, KSPROPERTY_TYPE_GET, PcGet},
};
static const PCAUTOMATION_TABLE VolumeAutomation = {
    sizeof(PCPROPERTY_ITEM), 3, VolumeItems,
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: PropertyCount of PCAUTOMATION_TABLE 'VolumeAutomation' is 3, but 'VolumeItems' has 2 property items
    0, 0, NULL, 0, 0, NULL, 0};
DEFINE_PCAUTOMATION_TABLE_PROP(GoodVolumeAutomation, VolumeItems);
static const PCAUTOMATION_TABLE EmptyAutomation = {0, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0};
