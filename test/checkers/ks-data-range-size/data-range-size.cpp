// FormatSize of data ranges: ksmedia.h structs, arrays of them, a driver's
// own range struct.
// RUN: %check_ks ks-data-range-size %s --fixes
#include <ntddk.h>
#include <ks.h>
#include <portcls.h>
#include <ksmedia.h>

static KSDATARANGE_AUDIO ShortAudio = {
    // CHECK-MESSAGES: :[[@LINE+1]]:7: warning: FormatSize of data range 'ShortAudio' is {{[0-9]+}}, but it is a KSDATARANGE_AUDIO of {{[0-9]+}} bytes: the KSPROPERTY_PIN_DATARANGES answer and data intersection see only the first {{[0-9]+}} bytes of it [ks-data-range-size]
    {{sizeof(KSDATARANGE), 0, 0, 0,
      // CHECK-FIXES: {{[{][{]}}sizeof(KSDATARANGE_AUDIO), 0, 0, 0,
      {STATIC_KSDATAFORMAT_TYPE_AUDIO}, {STATIC_KSDATAFORMAT_SUBTYPE_PCM},
      {STATIC_KSDATAFORMAT_SPECIFIER_WAVEFORMATEX}}},
    2, 16, 16, 8000, 48000};

// A video range written with the audio struct's size: larger than a
// KSDATARANGE, so KS copies past the end of the object.
static KSDATARANGE PlainRange = {
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: FormatSize of data range 'PlainRange' is {{[0-9]+}}, but it is a KSDATARANGE of {{[0-9]+}} bytes: KS copies FormatSize bytes of it into the KSPROPERTY_PIN_DATARANGES answer, {{[0-9]+}} bytes past its end [ks-data-range-size]
    sizeof(KSDATARANGE_AUDIO), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_VIDEO},
    // CHECK-FIXES: sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_VIDEO},
    {STATIC_KSDATAFORMAT_SUBTYPE_NONE}, {STATIC_KSDATAFORMAT_SPECIFIER_NONE}};

static KSDATARANGE_AUDIO AudioRanges[] = {
    {{{sizeof(KSDATARANGE_AUDIO), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_AUDIO},
       {STATIC_KSDATAFORMAT_SUBTYPE_PCM},
       {STATIC_KSDATAFORMAT_SPECIFIER_WAVEFORMATEX}}},
     2, 16, 16, 44100, 44100},
    // CHECK-MESSAGES: :[[@LINE+1]]:8: warning: FormatSize of data range 'AudioRanges[1]' is 100, but it is a KSDATARANGE_AUDIO of {{[0-9]+}} bytes: KS copies FormatSize bytes of it into the KSPROPERTY_PIN_DATARANGES answer, {{[0-9]+}} bytes past its end [ks-data-range-size]
    {{{100, 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_AUDIO},
       {STATIC_KSDATAFORMAT_SUBTYPE_PCM},
       {STATIC_KSDATAFORMAT_SPECIFIER_WAVEFORMATEX}}},
     2, 16, 16, 48000, 48000},
};

// A driver's range: private fields after the KSDATARANGE_AUDIO it reports.
struct DRIVER_RANGE {
  KSDATARANGE_AUDIO Audio;
  ULONG PrivateCookie;
};
static DRIVER_RANGE OwnRange = {
    {{{sizeof(KSDATARANGE_AUDIO), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_AUDIO},
       {STATIC_KSDATAFORMAT_SUBTYPE_PCM},
       {STATIC_KSDATAFORMAT_SPECIFIER_WAVEFORMATEX}}},
     2, 16, 16, 8000, 8000},
    7};
static DRIVER_RANGE OwnTooLarge = {
    // CHECK-MESSAGES: :[[@LINE+1]]:8: warning: FormatSize of data range 'OwnTooLarge' is 200, but it is a DRIVER_RANGE of {{[0-9]+}} bytes: KS copies FormatSize bytes of it into the KSPROPERTY_PIN_DATARANGES answer, {{[0-9]+}} bytes past its end [ks-data-range-size]
    {{{200, 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_AUDIO},
       {STATIC_KSDATAFORMAT_SUBTYPE_PCM},
       {STATIC_KSDATAFORMAT_SPECIFIER_WAVEFORMATEX}}},
     2, 16, 16, 8000, 8000},
    7};

// Silent: the right sizes, a range filled in at run time, a local.
static KSDATARANGE GoodPlain = {
    sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_AUDIO},
    {STATIC_KSDATAFORMAT_SUBTYPE_ANALOG}, {STATIC_KSDATAFORMAT_SPECIFIER_NONE}};
static KSDATARANGE_AUDIO FilledLater = {0};
static KSDATARANGE_MUSIC MusicRange = {
    {sizeof(KSDATARANGE_MUSIC), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_MUSIC},
     {STATIC_KSDATAFORMAT_SUBTYPE_MIDI}, {STATIC_KSDATAFORMAT_SPECIFIER_NONE}},
    {STATIC_KSMUSIC_TECHNOLOGY_PORT}, 0, 0, 0xFFFF};
void UsesLocal() {
  KSDATARANGE Local = {sizeof(KSDATARANGE_AUDIO)};
  (void)Local;
}
