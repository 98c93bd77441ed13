// first.cpp - its #include block names a header that is nowhere: the
// preamble's build fails, and both sources are parsed whole, with the
// same compile errors and findings as without sharing.
#include <ntddk.h>
#include <ks.h>
#include "tuner-private.h"

static NTSTATUS Get(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }
static const KSPROPERTY_ITEM FirstItems[] = {
    {5, {Get}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
    {5, {Get}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
};
const KSPROPERTY_ITEM *First() { return FirstItems; }
