// signal.cpp - includes one more header than the others: it shares the
// preamble of tuner.h and parses <ksmedia.h> itself.
#include "tuner.h"
#include <ksmedia.h>

static const KSPROPERTY_ITEM SignalItems[] = {
    {4, {TunerGet}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
    {4, {TunerGet}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
};

const KSPROPERTY_ITEM *TunerSignal() { return SignalItems; }
