// audiotable.h - the audio property table; its handler is in
// audiohandlers.cpp.
#pragma once
#include "split.h"

static const PCPROPERTY_ITEM SplitAudioItems[] = {
    {&SplitAudioSet, SPLIT_AUDIO_LEVEL, KSPROPERTY_TYPE_GET, PcAudioHandler},
    {&SplitAudioSet, SPLIT_AUDIO_MUTE, KSPROPERTY_TYPE_GET, PcAudioHandler},
};

DEFINE_PCAUTOMATION_TABLE_PROP(SplitAudioAutomation, SplitAudioItems);
