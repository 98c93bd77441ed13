// kstidy fixture: found by the wildcard "Pins\*.cpp" (another case on disk).
#include "KsDemoTables.h"

static NTSTATUS GetPinGain(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }

static const KSPROPERTY_ITEM PinItems[] = {
    {KSDEMO_GAIN_ANALOG, {GetPinGain}, sizeof(KSPROPERTY), sizeof(LONG), {NULL}, NULL, 0, NULL, NULL, 0},
};

static const KSPROPERTY_SET PinSets[] = {
    {&KsDemoGainSet, SIZEOF_ARRAY(PinItems), PinItems, 0, NULL},
};
