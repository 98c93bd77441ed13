// Duplicate item ids and duplicate set GUIDs.
// RUN: %check_ks ks-property-duplicate-id %s
#include <ntddk.h>
#include <ks.h>
#include <ksmedia.h>
#include <portcls.h>

static const GUID GainSet = {0x10, 0x20, 0x30, {1, 2, 3, 4, 5, 6, 7, 8}};
static const GUID TimingSet = {0x11, 0x20, 0x30, {1, 2, 3, 4, 5, 6, 7, 8}};
// The same value as GainSet under another name.
static const GUID GainSetAlias = {0x10, 0x20, 0x30, {1, 2, 3, 4, 5, 6, 7, 8}};

enum GAIN_PROPERTY { GAIN_ANALOG = 0, GAIN_DIGITAL = 1, GAIN_BOOST = 2 };

static NTSTATUS GetAnalog(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }
static NTSTATUS GetDigital(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }
static NTSTATUS GetBoost(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }

DEFINE_KSPROPERTY_TABLE(GainItems){
    DEFINE_KSPROPERTY_ITEM(GAIN_ANALOG, GetAnalog, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(GAIN_DIGITAL, GetDigital, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    // Copy-paste: the boost item kept the digital id.
    DEFINE_KSPROPERTY_ITEM(GAIN_DIGITAL, GetBoost, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property GainSet/GAIN_DIGITAL (entry 2 of 'GainItems') repeats the id of entry 1: the KS runtime stops at the first item with this id, so this entry (get 'GetBoost') never runs [ks-property-duplicate-id]
};

// Negative: distinct ids, written as plain aggregates.
static const KSPROPERTY_ITEM TimingItems[] = {
    {0, {GetAnalog}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0},
    {1, {GetDigital}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0},
    {2, {GetBoost}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0},
};

DEFINE_KSPROPERTY_SET_TABLE(FilterSets){
    DEFINE_KSPROPERTY_SET(&GainSet, SIZEOF_ARRAY(GainItems), GainItems, 0, NULL),
    DEFINE_KSPROPERTY_SET(&TimingSet, SIZEOF_ARRAY(TimingItems), TimingItems, 0, NULL),
    DEFINE_KSPROPERTY_SET(&GainSetAlias, SIZEOF_ARRAY(TimingItems), TimingItems, 0, NULL),
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: set 'GainSetAlias' (the GUID of 'GainSet') appears twice in set table 'FilterSets' (entries 0 and 2): the runtime matches the first, so the 3 property items of 'TimingItems' in entry 2 are never reached [ks-property-duplicate-id]
};

// Negative: two tables, each with its own sets.
static const KSPROPERTY_SET PinSets[] = {
    {&TimingSet, SIZEOF_ARRAY(TimingItems), TimingItems, 0, NULL},
};

// Fast items: the same rule.
static BOOLEAN NTAPI FastGet(PFILE_OBJECT, PKSIDENTIFIER, ULONG, PVOID, ULONG, PIO_STATUS_BLOCK) { return TRUE; }
static const KSFASTPROPERTY_ITEM FastItems[] = {
    DEFINE_KSFASTPROPERTY_ITEM(4, FastGet, NULL),
    DEFINE_KSFASTPROPERTY_ITEM(4, FastGet, NULL),
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: fast property 4 (entry 1 of 'FastItems') repeats the id of entry 0
};

// Methods: the lookup is the same.
static NTSTATUS Reset(PIRP, PKSIDENTIFIER, PVOID) { return STATUS_SUCCESS; }
static const KSMETHOD_ITEM MethodItems[] = {
    {7, {Reset}, sizeof(KSMETHOD), 0, NULL, KSMETHOD_TYPE_NONE},
    {7, {Reset}, sizeof(KSMETHOD), 0, NULL, KSMETHOD_TYPE_NONE},
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: method 7 (entry 1 of 'MethodItems') repeats the id of entry 0
};

// PortCls: each item names its set; the same id in two sets is fine.
static NTSTATUS NTAPI PcLevel(PPCPROPERTY_REQUEST) { return STATUS_SUCCESS; }
static NTSTATUS NTAPI PcMute(PPCPROPERTY_REQUEST) { return STATUS_SUCCESS; }
static const PCPROPERTY_ITEM NodeItems[] = {
    {&GainSet, 1, KSPROPERTY_TYPE_GET, PcLevel},
    {&TimingSet, 1, KSPROPERTY_TYPE_GET, PcLevel},
    {&GainSet, 2, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET, PcMute},
    {&GainSet, 1, KSPROPERTY_TYPE_SET, PcMute},
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property GainSet/1 (entry 3 of 'NodeItems') repeats the id of entry 0: the PortCls runtime stops at the first item with this id, so this entry (handler 'PcMute') never runs
};
DEFINE_PCAUTOMATION_TABLE_PROP(NodeAutomation, NodeItems);

NTSTATUS Dispatch(PIRP Irp) {
  NTSTATUS Status = KsPropertyHandler(Irp, SIZEOF_ARRAY(FilterSets), FilterSets);
  if (Status == STATUS_NOT_FOUND)
    Status = KsPropertyHandler(Irp, SIZEOF_ARRAY(PinSets), PinSets);
  return Status;
}
