// Item sizes in KSAUTOMATION_TABLE and PCAUTOMATION_TABLE initializers.
// RUN: %check_ks ks-property-item-size %s
// Line numbers matter: test/model/fixtures.json snapshots its model.
#include <ntddk.h>
#include <ks.h>
#include <ksmedia.h>
#include <portcls.h>

static const GUID FixtureSet = {0x11, 0x22, 0x33, {1, 2, 3, 4, 5, 6, 7, 8}};

typedef struct {
  KSPROPERTY_ITEM Item;
  PVOID Context;
} CONTEXT_PROPERTY_ITEM;

static NTSTATUS GetLevel(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  return STATUS_SUCCESS;
}

// The project's own wrapper around DEFINE_KSPROPERTY_ITEM.
#define FIXTURE_READONLY_ITEM(Id, Handler, Size)                               \
  DEFINE_KSPROPERTY_ITEM(Id, Handler, sizeof(KSPROPERTY), Size, NULL, NULL, 0, \
                         NULL, NULL, 0)

DEFINE_KSPROPERTY_TABLE(LevelItems){
    FIXTURE_READONLY_ITEM(1, GetLevel, sizeof(LONG)),
    FIXTURE_READONLY_ITEM(2, GetLevel, sizeof(LONG)),
};

DEFINE_KSPROPERTY_SET_TABLE(LevelSets){
    DEFINE_KSPROPERTY_SET(&FixtureSet, SIZEOF_ARRAY(LevelItems), LevelItems, 0,
                          NULL),
};

static const CONTEXT_PROPERTY_ITEM ContextItems[] = {
    {{1, {GetLevel}, sizeof(KSPROPERTY), sizeof(LONG), {NULL}, NULL, 0, NULL,
      NULL, 0},
     NULL},
    {{2, {GetLevel}, sizeof(KSPROPERTY), sizeof(LONG), {NULL}, NULL, 0, NULL,
      NULL, 0},
     NULL},
};

static const KSPROPERTY_SET ContextSets[] = {
    {&FixtureSet, SIZEOF_ARRAY(ContextItems), (PKSPROPERTY_ITEM)ContextItems, 0, NULL},
};

// Negative: the ks.h macros write sizeof(KSPROPERTY_ITEM) for plain items.
DEFINE_KSAUTOMATION_TABLE(FilterAutomation){
    DEFINE_KSAUTOMATION_PROPERTIES(LevelSets),
    DEFINE_KSAUTOMATION_METHODS_NULL,
    DEFINE_KSAUTOMATION_EVENTS_NULL,
};

// Negative: extended items with their own size.
static const KSAUTOMATION_TABLE ContextAutomation = {
    SIZEOF_ARRAY(ContextSets), sizeof(CONTEXT_PROPERTY_ITEM), ContextSets,
    0, sizeof(KSMETHOD_ITEM), NULL, 0, sizeof(KSEVENT_ITEM), NULL};

// Positive: the macros' plain size over extended entries.
DEFINE_KSAUTOMATION_TABLE(PinAutomation){
    DEFINE_KSAUTOMATION_PROPERTIES(ContextSets),
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: PropertyItemSize 72 of KSAUTOMATION_TABLE 'PinAutomation' does not match the 80-byte 'CONTEXT_PROPERTY_ITEM' entries of 'ContextItems' that set table 'ContextSets' points at
    DEFINE_KSAUTOMATION_METHODS_NULL,
    DEFINE_KSAUTOMATION_EVENTS_NULL,
};

// Positive: a hand-written odd size, as a designated initializer.
static const KSAUTOMATION_TABLE NodeAutomation = {
    .PropertySetsCount = 1,
    .PropertyItemSize = sizeof(KSPROPERTY_ITEM) + sizeof(ULONG),
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: PropertyItemSize 76 of KSAUTOMATION_TABLE 'NodeAutomation' is not a multiple of 8; on 64-bit Windows the KS runtime fails every property request on this object with STATUS_INVALID_PARAMETER
    .PropertySets = LevelSets,
};

// Static member tables in a class, as C++ drivers write them.
class FixtureFilter {
public:
  static const KSAUTOMATION_TABLE Automation;
  static const KSAUTOMATION_TABLE BadAutomation;
};
const KSAUTOMATION_TABLE FixtureFilter::Automation = {
    DEFINE_KSAUTOMATION_PROPERTIES(LevelSets),
    DEFINE_KSAUTOMATION_METHODS_NULL,
    DEFINE_KSAUTOMATION_EVENTS_NULL,
};
const KSAUTOMATION_TABLE FixtureFilter::BadAutomation = {
    SIZEOF_ARRAY(LevelSets), 36, LevelSets,
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: PropertyItemSize 36 of KSAUTOMATION_TABLE 'FixtureFilter::BadAutomation' is not a multiple of 8
    DEFINE_KSAUTOMATION_METHODS_NULL,
    DEFINE_KSAUTOMATION_EVENTS_NULL,
};

// PortCls: the audio samples' extended item, walked by PropertyItemSize.
typedef struct {
  PCPROPERTY_ITEM Item;
  ULONG MinProperty;
  ULONG MinData;
} FIXTURE_PC_ITEM;

static NTSTATUS NTAPI PcHandler(PPCPROPERTY_REQUEST Request) {
  return STATUS_SUCCESS;
}

static const PCPROPERTY_ITEM PcItems[] = {
    {&FixtureSet, 1, KSPROPERTY_TYPE_GET, PcHandler},
};

static const FIXTURE_PC_ITEM PcExtendedItems[] = {
    {{&FixtureSet, 1, KSPROPERTY_TYPE_GET, PcHandler}, sizeof(KSPROPERTY), 4},
    {{&FixtureSet, 2, KSPROPERTY_TYPE_GET, PcHandler}, sizeof(KSPROPERTY), 4},
};

// Negative: the portcls.h macro and the extended item with its own size.
DEFINE_PCAUTOMATION_TABLE_PROP(PcAutomation, PcItems);
DEFINE_PCAUTOMATION_TABLE_PROP(PcExtendedAutomation, PcExtendedItems);
static const PCAUTOMATION_TABLE PcEmpty = {0, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0};

// Positive: the plain PortCls size over extended entries.
static const PCAUTOMATION_TABLE PcWrongStride = {
    sizeof(PCPROPERTY_ITEM), SIZEOF_ARRAY(PcExtendedItems),
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: PropertyItemSize 24 of PCAUTOMATION_TABLE 'PcWrongStride' does not match the 32-byte 'FIXTURE_PC_ITEM' entries of 'PcExtendedItems'
    (const PCPROPERTY_ITEM *)PcExtendedItems, 0, 0, NULL, 0, 0, NULL, 0};

void LocalTables() {
  // A local table is a table too.
  static const KSAUTOMATION_TABLE Local = {1, 20, LevelSets, 0, 0, NULL, 0, 0, NULL};
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: PropertyItemSize 20 of KSAUTOMATION_TABLE 'Local' is not a multiple of 8
}
