// kstidy fixture: excluded from the Release|x64 build (ExcludedFromBuild),
// built in Debug|x64. Its set table counts one set too many.
#include "KsDemoTables.h"

#if !defined(DBG) || !defined(KSDEMO_CHECKED_BUILD)
#error "Debug|x64 definitions not applied"
#endif

static NTSTATUS GetLegacy(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }

static const KSPROPERTY_ITEM LegacyItems[] = {
    {KSDEMO_GAIN_ANALOG, {GetLegacy}, sizeof(KSPROPERTY), sizeof(LONG), {NULL}, NULL, 0, NULL, NULL, 0},
};

static const KSPROPERTY_SET LegacySets[] = {
    {&KsDemoGainSet, 2, LegacyItems, 0, NULL},
};
