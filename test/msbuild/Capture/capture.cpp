// kstidy fixture: the capture filter's property table. With
// KSDEMO_SEED_DEFECT (set for Release|x64 in Capture.vcxproj) the boost item
// repeats the digital item's id.
#include "KsDemoTables.h"

#ifndef KSDEMO_FORCED
#error "ForcedIncludeFiles from KsDemo.props not applied"
#endif
#if !defined(KSDEMO_SHARED) || !defined(POOL_NX_OPTIN)
#error "PreprocessorDefinitions not applied"
#endif
#ifdef KSDEMO_NOT_WANTED
#error "UndefinePreprocessorDefinitions not applied"
#endif
static_assert(__cplusplus == 201703L, "LanguageStandard stdcpp17 not applied");

static NTSTATUS GetAnalog(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }
static NTSTATUS GetDigital(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }
static NTSTATUS GetBoost(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }

#ifdef KSDEMO_SEED_DEFECT
#define KSDEMO_BOOST_ID KSDEMO_GAIN_DIGITAL
#else
#define KSDEMO_BOOST_ID KSDEMO_GAIN_BOOST
#endif

DEFINE_KSPROPERTY_TABLE(CaptureGainItems){
    DEFINE_KSPROPERTY_ITEM(KSDEMO_GAIN_ANALOG, GetAnalog, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(KSDEMO_GAIN_DIGITAL, GetDigital, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(KSDEMO_BOOST_ID, GetBoost, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
};

DEFINE_KSPROPERTY_SET_TABLE(CaptureSets){
    DEFINE_KSPROPERTY_SET(&KsDemoGainSet, SIZEOF_ARRAY(CaptureGainItems), CaptureGainItems, 0, NULL),
};
