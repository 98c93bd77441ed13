// A driver file whose own header is not on the include path: clang stops at
// it, so the property table below is never seen. kstidy-clangd says so,
// rather than showing an editor without a single ks finding.
#include <ntddk.h>
#include <ks.h>
#include "vendor_private_defs.h"

static NTSTATUS GetLevel(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }

DEFINE_KSPROPERTY_TABLE(LevelItems){
    DEFINE_KSPROPERTY_ITEM(0, GetLevel, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(0, GetLevel, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
};
