// Item tables kept as fields of a driver struct and filled from one
// aggregate initializer (a local object copied into the filter at run time):
// the runtime walks them like any other table.
// RUN: %check_ks ks-property-duplicate-id %s
// RUN: %kstidy --checks='-*,ks-property-duplicate-id' --export-model=%t.json %s -- || true
// RUN: FileCheck %s --check-prefix=MODEL --input-file=%t.json
#include <ntddk.h>
#include <ks.h>
#include <ksmedia.h>

static NTSTATUS ReadLevel(PIRP, PKSIDENTIFIER, PVOID) { return STATUS_SUCCESS; }
static NTSTATUS ReadRange(PIRP, PKSIDENTIFIER, PVOID) { return STATUS_SUCCESS; }

struct MixerTables {
    KSPROPERTY_ITEM levelItems[2];
    KSPROPERTY_SET levelSets[1];
    KSPROPERTY_ITEM rangeItems[2];
    NTSTATUS fill();
};

NTSTATUS MixerTables::fill() {
    const MixerTables built = {
        { DEFINE_KSPROPERTY_ITEM(3, ReadLevel, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
          // The range getter was pasted under the level's id.
          // KSREF-EXPECT: static-only ks-property-duplicate-id: the set pointing at this table is a field of the same struct, which the model reads only as item arrays; ksref replays tables through their sets
          DEFINE_KSPROPERTY_ITEM(3, ReadRange, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0) },
          // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: property 3 (entry 1 of 'levelItems') repeats the id of entry 0: the KS runtime stops at the first item with this id, so this entry (get 'ReadRange') never runs [ks-property-duplicate-id]
        { DEFINE_KSPROPERTY_SET(&KSPROPSETID_Pin, SIZEOF_ARRAY(levelItems), levelItems, 0, NULL) },
        // Negative: distinct ids in the struct's other table.
        { DEFINE_KSPROPERTY_ITEM(1, ReadLevel, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
          DEFINE_KSPROPERTY_ITEM(2, ReadRange, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0) },
    };
    *this = built;
    return STATUS_SUCCESS;
}

// MODEL-DAG: "name": "levelItems",
// MODEL-DAG: "owner": "built",
// MODEL-DAG: "name": "rangeItems",
