// audiotable.h - the audio property table; its handler is in
// audiohandlers.cpp.
#pragma once
#include "split.h"

static const PCPROPERTY_ITEM SplitAudioItems[] = {
    {&SplitAudioSet, SPLIT_AUDIO_LEVEL, KSPROPERTY_TYPE_GET, PcAudioHandler},
    {&SplitAudioSet, SPLIT_AUDIO_MUTE, KSPROPERTY_TYPE_GET, PcAudioHandler},
};

DEFINE_PCAUTOMATION_TABLE_PROP(SplitAudioAutomation, SplitAudioItems);

// Extended items: the extension's MinData is what the generic handler
// checks ValueSize against before it calls the extension.
static const SPLIT_EXT_ITEM SplitExtItems[] = {
    {{&SplitAudioSet, SPLIT_AUDIO_LATENCY, KSPROPERTY_TYPE_GET, PcExtGeneric},
     sizeof(KSPROPERTY), sizeof(ULONG), PcGetLatency, NULL},
    {{&SplitAudioSet, SPLIT_AUDIO_DELAY, KSPROPERTY_TYPE_GET, PcExtGeneric},
     sizeof(KSPROPERTY), sizeof(LONGLONG), PcGetDelay, NULL},
};

DEFINE_PCAUTOMATION_TABLE_PROP(SplitExtAutomation, SplitExtItems);
