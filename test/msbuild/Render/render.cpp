// kstidy fixture: the render filter's property set counts two property
// items where its table has one.
#include "KsDemoTables.h"

#if !defined(KSDEMO_RENDER) || !defined(KSDEMO_SHARED)
#error "PreprocessorDefinitions not applied"
#endif
static_assert(__cplusplus >= 202002L, "LanguageStandard stdcpp20 not applied");

static NTSTATUS GetVolume(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }

static const KSPROPERTY_ITEM RenderItems[] = {
    {KSDEMO_GAIN_ANALOG, {GetVolume}, sizeof(KSPROPERTY), sizeof(LONG), {NULL}, NULL, 0, NULL, NULL, 0},
};

static const KSPROPERTY_SET RenderSets[] = {
    {&KsDemoGainSet, 2, RenderItems, 0, NULL},
};
