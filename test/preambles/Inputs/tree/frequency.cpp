/*
 * frequency.cpp - the frequency property set of the tuner. Its opening
 * comment differs from the other sources', its #include block does not.
 */
#include "tuner.h"   // shared declarations

static const KSPROPERTY_ITEM FrequencyItems[] = {
    {2, {TunerGet}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
    {3, {TunerGet}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
};

const KSPROPERTY_ITEM *TunerFrequencies() { return FrequencyItems; }
