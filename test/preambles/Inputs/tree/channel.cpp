// channel.cpp - the channel property set of the tuner.
#include "tuner.h"
#define TUNER_CHANNELS 4

static const KSPROPERTY_ITEM ChannelItems[] = {
    {1, {TunerGet}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
    {1, {TunerGet}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
};

const KSPROPERTY_ITEM *TunerRanges() { return TunerRangeItems; }
const KSPROPERTY_ITEM *TunerChannels() { return ChannelItems; }
