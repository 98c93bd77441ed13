// Items the runtime finds but cannot serve.
// RUN: %check_ks ks-property-missing-handler %s
#include <wdm.h>
#include <ks.h>
#include <ksmedia.h>
#include <portcls.h>

static const GUID ZoomSet = {0x51, 0, 0, {0, 0, 0, 0, 0, 0, 0, 7}};

static NTSTATUS GetZoom(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }
static NTSTATUS SetZoom(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }
static NTSTATUS ZoomSupport(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }

static const KSPROPERTY_ITEM ZoomItems[] = {
    DEFINE_KSPROPERTY_ITEM(0, GetZoom, sizeof(KSPROPERTY), 4, SetZoom, NULL, 0, NULL, NULL, 0),
    // Negative: a write-only item, a support-only item.
    DEFINE_KSPROPERTY_ITEM(1, NULL, sizeof(KSPROPERTY), 4, SetZoom, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(2, NULL, sizeof(KSPROPERTY), 0, NULL, NULL, 0, NULL, ZoomSupport, 0),
    // A placeholder left behind.
    DEFINE_KSPROPERTY_ITEM(3, NULL, sizeof(KSPROPERTY), 4, NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property ZoomSet/3 (entry 3 of 'ZoomItems') has no get, set or support handler: the runtime finds the item and then has nothing to run for any request on it [ks-property-missing-handler]
    {4, {NULL}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0},
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property ZoomSet/4 (entry 4 of 'ZoomItems') has no get, set or support handler
};

static BOOLEAN NTAPI FastGetZoom(PFILE_OBJECT, PKSIDENTIFIER, ULONG, PVOID, ULONG, PIO_STATUS_BLOCK) { return TRUE; }
static const KSFASTPROPERTY_ITEM FastZoom[] = {
    DEFINE_KSFASTPROPERTY_ITEM(0, FastGetZoom, NULL),
    DEFINE_KSFASTPROPERTY_ITEM(1, NULL, NULL),
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: fast property ZoomSet/1 (entry 1 of 'FastZoom') supports neither get nor set: KsFastPropertyHandler finds the item and can do nothing with it
};

static const KSPROPERTY_SET ZoomSets[] = {
    DEFINE_KSPROPERTY_SET(&ZoomSet, SIZEOF_ARRAY(ZoomItems), ZoomItems, SIZEOF_ARRAY(FastZoom), FastZoom),
};

// PortCls: Flags promise verbs that only Handler can serve.
static NTSTATUS NTAPI PcVolume(PPCPROPERTY_REQUEST) { return STATUS_SUCCESS; }
static const PCPROPERTY_ITEM VolumeItems[] = {
    {&ZoomSet, 1, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET, PcVolume},
    {&ZoomSet, 2, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_BASICSUPPORT, NULL},
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property ZoomSet/2 (entry 1 of 'VolumeItems') promises GET|BASICSUPPORT in its Flags but its Handler is NULL: PortCls lists the item with these verbs, and every such request on it fails for want of a handler
    // Negative: no verb promised, no handler needed.
    {&ZoomSet, 3, 0, NULL},
};
DEFINE_PCAUTOMATION_TABLE_PROP(VolumeAutomation, VolumeItems);

// An extended PortCls item table walked by the plain item size.
typedef struct {
  PCPROPERTY_ITEM Item;
  ULONG MinProperty;
  ULONG MinData;
  PCPFNPROPERTY_HANDLER GetHandler;
  PCPFNPROPERTY_HANDLER SetHandler;
} EXT_ITEM;
static const EXT_ITEM ExtItems[] = {
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: the 2 extended PortCls items of 'ExtItems' (48 bytes each) are walked 24 bytes apart by PCAUTOMATION_TABLE 'WrongStride': from the second entry on, the handlers and sizes of each item's extension are read from the wrong entry
    {{&ZoomSet, 10, KSPROPERTY_TYPE_GET, PcVolume}, sizeof(KSPROPERTY), 4, PcVolume, NULL},
    {{&ZoomSet, 11, KSPROPERTY_TYPE_SET, PcVolume}, sizeof(KSPROPERTY), 4, NULL, PcVolume},
};
static const PCAUTOMATION_TABLE WrongStride = {
    sizeof(PCPROPERTY_ITEM), SIZEOF_ARRAY(ExtItems), (const PCPROPERTY_ITEM *)ExtItems,
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: PropertyItemSize 24 set here
    0, 0, NULL, 0, 0, NULL, 0};
// Negative: the same items walked by their own size.
DEFINE_PCAUTOMATION_TABLE_PROP(RightStride, ExtItems);
