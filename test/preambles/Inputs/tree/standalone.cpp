// standalone.cpp - starts with the WDK headers, not with tuner.h: no other
// source starts like it, so it is parsed whole.
#include <ntddk.h>
#include <ks.h>

static NTSTATUS StandaloneGet(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }

static const KSPROPERTY_ITEM StandaloneItems[] = {
    {7, {StandaloneGet}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
    {8, {StandaloneGet}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
};

const KSPROPERTY_ITEM *Standalone() { return StandaloneItems; }
