// Tables in the other forms drivers write them: a single item object a set
// points at by address, PortCls automation tables declared as an array.
// RUN: %check_ks ks-property-set-count %s
#include <ntddk.h>
#include <ks.h>
#include <portcls.h>

static const GUID NotifySet = {0x71, 0x20, 0x30, {1, 2, 3, 4, 5, 6, 7, 8}};
static NTSTATUS AddNotify(PIRP, PKSEVENTDATA, struct _KSEVENT_ENTRY *) { return STATUS_SUCCESS; }

// One event item, not an array: the runtime reads EventsCount items from it.
static const KSEVENT_ITEM NotifyItem = {
    1, sizeof(KSEVENTDATA), 0, (PFNKSADDEVENT)AddNotify, NULL, NULL};
static const GUID OtherNotifySet = {0x74, 0x20, 0x30, {1, 2, 3, 4, 5, 6, 7, 8}};
static const KSEVENT_SET NotifySets[] = {
    {&OtherNotifySet, 1, &NotifyItem},
    {&NotifySet, 2, &NotifyItem},
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: EventsCount of set 'NotifySet' in 'NotifySets' is 2, but 'NotifyItem' has 1 event item: the runtime reads 1 event item past the end of the array
};

static NTSTATUS NTAPI PcVolume(PPCPROPERTY_REQUEST) { return STATUS_SUCCESS; }
static const PCPROPERTY_ITEM VolumeItems[] = {
    {&NotifySet, 1, KSPROPERTY_TYPE_GET, PcVolume},
    {&NotifySet, 2, KSPROPERTY_TYPE_GET, PcVolume},
};
// One automation table per node, as an array the node descriptors index.
static const PCAUTOMATION_TABLE NodeTables[] = {
    {sizeof(PCPROPERTY_ITEM), SIZEOF_ARRAY(VolumeItems), VolumeItems, 0, 0, NULL, 0, 0, NULL},
    {sizeof(PCPROPERTY_ITEM), 3, VolumeItems, 0, 0, NULL, 0, 0, NULL},
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: PropertyCount of PCAUTOMATION_TABLE 'NodeTables[1]' is 3, but 'VolumeItems' has 2 property items: the runtime reads 1 property item past the end of the array
};

NTSTATUS EnableNotify(PIRP Irp, PLIST_ENTRY Events, PKSPIN_LOCK Lock) {
  return KsEnableEvent(Irp, SIZEOF_ARRAY(NotifySets), NotifySets, Events,
                       KSEVENTS_SPINLOCK, Lock);
}

// Methods: the runtime walks MethodsCount items of each method set.
static const GUID StreamMethodSet = {0x72, 0x20, 0x30, {1, 2, 3, 4, 5, 6, 7, 8}};
static NTSTATUS Allocate(PIRP, PKSMETHOD, PVOID) { return STATUS_SUCCESS; }
static const KSMETHOD_ITEM StreamMethodItems[] = {
    DEFINE_KSMETHOD_ITEM(0, KSMETHOD_TYPE_WRITE, Allocate, sizeof(KSMETHOD),
                         sizeof(PVOID), NULL),
    DEFINE_KSMETHOD_ITEM(1, KSMETHOD_TYPE_NONE, Allocate, sizeof(KSMETHOD), 0,
                         NULL),
};
static const KSMETHOD_SET StreamMethodSets[] = {
    {&StreamMethodSet, 3, StreamMethodItems},
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: MethodsCount of set 'StreamMethodSet' in 'StreamMethodSets' is 3, but 'StreamMethodItems' has 2 method items: the runtime reads 1 method item past the end of the array
    {&NotifySet, SIZEOF_ARRAY(StreamMethodItems), StreamMethodItems},
};

NTSTATUS CallStreamMethod(PIRP Irp) {
  return KsMethodHandler(Irp, SIZEOF_ARRAY(StreamMethodSets), StreamMethodSets);
}

