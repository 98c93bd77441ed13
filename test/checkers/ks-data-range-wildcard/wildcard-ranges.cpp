// Data ranges whose MajorFormat is KSDATAFORMAT_TYPE_WILDCARD: SubFormat and
// Specifier must be wildcards too.
// RUN: %check_ks ks-data-range-wildcard %s
#include <ntddk.h>
#include <ks.h>
#include <portcls.h>
#include <ksmedia.h>

// A wildcard major format with a specific subformat: a video or MIDI
// client range whose subformat is PCM is handed to the intersect handler.
static KSDATARANGE_AUDIO AnyMajorPcm = {
    {{sizeof(KSDATARANGE_AUDIO), 0, 0, 0,
      {STATICGUIDOF(KSDATAFORMAT_TYPE_WILDCARD)},
      // CHECK-MESSAGES: :[[@LINE+1]]:7: warning: data range 'AnyMajorPcm' matches every major format (KSDATAFORMAT_TYPE_WILDCARD) but names SubFormat KSDATAFORMAT_SUBTYPE_PCM: with a wildcard MajorFormat, SubFormat and Specifier must be wildcards too; KS matches ranges member by member, so the pin's intersect handler is handed client ranges of any major format with this SubFormat [ks-data-range-wildcard]
      {STATICGUIDOF(KSDATAFORMAT_SUBTYPE_PCM)},
      {STATICGUIDOF(KSDATAFORMAT_SPECIFIER_WILDCARD)}}},
    2, 16, 16, 8000, 48000};

// Only the specifier is specific; written with the STATIC_ names.
static KSDATARANGE AnyMajorWaveFormat = {
    sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_WILDCARD},
    {STATIC_KSDATAFORMAT_SUBTYPE_WILDCARD},
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: data range 'AnyMajorWaveFormat' matches every major format (KSDATAFORMAT_TYPE_WILDCARD) but names Specifier KSDATAFORMAT_SPECIFIER_WAVEFORMATEX: {{.*}} of any major format with this Specifier [ks-data-range-wildcard]
    {STATIC_KSDATAFORMAT_SPECIFIER_WAVEFORMATEX}};

// Both, in an array of ranges; through a driver macro around STATICGUIDOF.
#define FORMAT(g) {STATICGUIDOF(g)}
static KSDATARANGE Ranges[] = {
    {sizeof(KSDATARANGE), 0, 0, 0, FORMAT(KSDATAFORMAT_TYPE_STREAM),
     FORMAT(KSDATAFORMAT_SUBTYPE_NONE), FORMAT(KSDATAFORMAT_SPECIFIER_NONE)},
    {sizeof(KSDATARANGE), 0, 0, 0, FORMAT(KSDATAFORMAT_TYPE_WILDCARD),
     // CHECK-MESSAGES: :[[@LINE+1]]:6: warning: data range 'Ranges[1]' matches every major format (KSDATAFORMAT_TYPE_WILDCARD) but names SubFormat KSDATAFORMAT_SUBTYPE_NONE and Specifier KSDATAFORMAT_SPECIFIER_NONE: {{.*}} with this SubFormat and Specifier [ks-data-range-wildcard]
     FORMAT(KSDATAFORMAT_SUBTYPE_NONE), FORMAT(KSDATAFORMAT_SPECIFIER_NONE)},
};

// A GUID written as numbers: named by its value.
static KSDATARANGE AnyMajorNumbered = {
    sizeof(KSDATARANGE), 0, 0, 0, {0, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}},
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: data range 'AnyMajorNumbered' matches every major format (KSDATAFORMAT_TYPE_WILDCARD) but names SubFormat {00000001-0000-0010-8000-00aa00389b71}: {{.*}} [ks-data-range-wildcard]
    {0x00000001, 0x0000, 0x0010, {0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71}},
    {STATIC_KSDATAFORMAT_SPECIFIER_WILDCARD}};

// Silent: every member the wildcard (a system filter's range).
static KSDATARANGE AllWildcards = {
    sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_WILDCARD},
    {STATIC_KSDATAFORMAT_SUBTYPE_WILDCARD},
    {STATIC_KSDATAFORMAT_SPECIFIER_WILDCARD}};

// Silent: a specific major format with a wildcard subformat and a specific
// specifier is allowed (only a wildcard MajorFormat forces the others).
static KSDATARANGE AudioAnySub = {
    sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_AUDIO},
    {STATIC_KSDATAFORMAT_SUBTYPE_WILDCARD},
    {STATIC_KSDATAFORMAT_SPECIFIER_WAVEFORMATEX}};

// Silent: an ordinary range.
static KSDATARANGE_AUDIO Pcm = {
    {{sizeof(KSDATARANGE_AUDIO), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_AUDIO},
      {STATIC_KSDATAFORMAT_SUBTYPE_PCM},
      {STATIC_KSDATAFORMAT_SPECIFIER_WAVEFORMATEX}}},
    2, 16, 16, 8000, 48000};

// Silent: a range filled in at run time (every member zero, all wildcards).
static KSDATARANGE_AUDIO FilledLater = {0};

// Silent: the major format is not a constant the compiler can see.
extern GUID RuntimeMajor;
static KSDATARANGE UnknownMajor = {
    sizeof(KSDATARANGE), 0, 0, 0, RuntimeMajor,
    {STATIC_KSDATAFORMAT_SUBTYPE_PCM}, {STATIC_KSDATAFORMAT_SPECIFIER_NONE}};
