// A GUID member that does not compile is unknown, never the wildcard and
// never a finding; the ranges beside it are still judged.
// RUN: %check_ks ks-data-range-wildcard %s --compile-errors -- -fno-spell-checking
#include <ntddk.h>
#include <ks.h>
#include <portcls.h>
#include <ksmedia.h>

// The subformat names a GUID no header defines.
static KSDATARANGE BrokenSub = {
    sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_WILDCARD},
    {STATIC_KSDATAFORMAT_SUBTYPE_NOT_DECLARED},
    {STATIC_KSDATAFORMAT_SPECIFIER_WILDCARD}};

// The major format does not compile: the specific subformat is not judged.
static KSDATARANGE BrokenMajor = {
    sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_NOT_DECLARED},
    {STATIC_KSDATAFORMAT_SUBTYPE_PCM}, {STATIC_KSDATAFORMAT_SPECIFIER_NONE}};

// Beside them, a range that compiles is judged.
static KSDATARANGE StillJudged = {
    sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_WILDCARD},
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: data range 'StillJudged' matches every major format (KSDATAFORMAT_TYPE_WILDCARD) but names SubFormat KSDATAFORMAT_SUBTYPE_PCM: {{.*}} [ks-data-range-wildcard]
    {STATIC_KSDATAFORMAT_SUBTYPE_PCM}, {STATIC_KSDATAFORMAT_SPECIFIER_WILDCARD}};
