// Ids that did not compile are unknown: never duplicates of anything. The
// tables around them are still read and judged.
// With typo correction clang would turn GAIN_DIGITL into GAIN_DIGITAL and
// invent a duplicate; kstidy must not depend on that guess, so these runs
// turn it off.
// RUN: %check_ks ks-property-duplicate-id %s --compile-errors -- -fno-spell-checking
#include <ntddk.h>
#include <ks.h>

static const GUID GainSet = {0x70, 0x20, 0x30, {1, 2, 3, 4, 5, 6, 7, 8}};
enum GAIN_PROPERTY { GAIN_ANALOG = 0, GAIN_DIGITAL = 1 };

static NTSTATUS GetGain(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }
// A handler whose prototype names a type this host does not have.
NTSTATUS GetBoost(PIRP, PKSPROPERTY, HOST_MISSING_TYPE *);
// An id helper called with the wrong number of arguments.
ULONG GainId(ULONG Bank, ULONG Index);

// Negative: an undeclared id spelled like a declared one. Clang drops the
// whole initializer; nothing is judged, nothing is guessed.
DEFINE_KSPROPERTY_TABLE(MisspelledItems){
    DEFINE_KSPROPERTY_ITEM(GAIN_DIGITAL, GetGain, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(GAIN_DIGITL, GetGain, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
};

// Negative: two ids that did not resolve are not the same id.
DEFINE_KSPROPERTY_TABLE(UnresolvedItems){
    DEFINE_KSPROPERTY_ITEM(GainId(1), GetGain, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(GainId(1), GetGain, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(GAIN_ANALOG, GetGain, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
};

// Positive: a handler that did not compile leaves the rest of its table
// readable, and a real duplicate in it is still found.
DEFINE_KSPROPERTY_TABLE(BrokenHandlerItems){
    DEFINE_KSPROPERTY_ITEM(GAIN_ANALOG, GetGain, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(GAIN_DIGITAL, GetBoost, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(GAIN_ANALOG, GetGain, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property BoostSet/GAIN_ANALOG (entry 2 of 'BrokenHandlerItems') repeats the id of entry 0: the KS runtime stops at the first item with this id, so this entry (get 'GetGain') never runs [ks-property-duplicate-id]
};

// A function with errors next to the tables changes nothing about them.
NTSTATUS Broken(PIRP Irp) {
  return NotDeclaredAnywhere(Irp);
}

// Positive: a table after the errors, with a single item object a set
// points at by address.
static const KSPROPERTY_ITEM LoneItem =
    DEFINE_KSPROPERTY_ITEM(GAIN_ANALOG, GetGain, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0);
static const KSPROPERTY_ITEM AfterItems[] = {
    DEFINE_KSPROPERTY_ITEM(GAIN_DIGITAL, GetGain, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(GAIN_DIGITAL, GetGain, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property GainSet/GAIN_DIGITAL (entry 1 of 'AfterItems') repeats the id of entry 0
};
DEFINE_KSPROPERTY_SET_TABLE(AfterSets){
    DEFINE_KSPROPERTY_SET(&GainSet, 1, &LoneItem, 0, NULL),
};

DEFINE_KSPROPERTY_SET_TABLE(GainSets){
    DEFINE_KSPROPERTY_SET(&GainSet, SIZEOF_ARRAY(AfterItems), AfterItems, 0, NULL),
};
static const GUID BoostSet = {0x72, 0x20, 0x30, {1, 2, 3, 4, 5, 6, 7, 8}};
DEFINE_KSPROPERTY_SET_TABLE(BoostSets){
    DEFINE_KSPROPERTY_SET(&BoostSet, 3, BrokenHandlerItems, 0, NULL),
};

NTSTATUS Dispatch(PIRP Irp) {
  NTSTATUS Status = KsPropertyHandler(Irp, SIZEOF_ARRAY(GainSets), GainSets);
  if (Status == STATUS_NOT_FOUND)
    Status = KsPropertyHandler(Irp, SIZEOF_ARRAY(BoostSets), BoostSets);
  return Status;
}
