// tuner.h - shared declarations of a small tuner driver whose sources all
// start with this header: kstidy shares one precompiled preamble among them.
#pragma once

#include <ntddk.h>
#include <ks.h>

static NTSTATUS TunerGet(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }

// A table of the header, parsed in the shared preamble: its defect is
// reported once, at the header (ks-property-duplicate-id).
static const KSPROPERTY_ITEM TunerHeaderItems[] = {
    {0, {TunerGet}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
    {0, {TunerGet}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
};

// A table the build leaves out: named as a blind spot by every run.
#ifdef TUNER_VENDOR_EXTENSIONS
static const KSPROPERTY_ITEM TunerVendorItems[] = {
    {0, {TunerGet}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
};
#endif

// Two variants of one table: the compiled one is analysed, so the skipped
// one is no blind spot.
#ifdef TUNER_NARROW_RANGES
static const KSPROPERTY_ITEM TunerRangeItems[] = {
    {0, {TunerGet}, sizeof(KSPROPERTY), sizeof(USHORT), {NULL}, NULL, 0, NULL, NULL, 0},
};
#else
static const KSPROPERTY_ITEM TunerRangeItems[] = {
    {0, {TunerGet}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
};
#endif

#ifdef TUNER_WARN
#warning "tuner.h: built with TUNER_WARN"
#endif
