// Probe: a MIDI 2 (UMP) kernel-streaming driver (MinMidi style): ntifs.h,
// wdm.h, windef.h, ks.h, ksmedia.h; the looped-streaming property set and
// its structures, the UMP subformat in a static data range, and the
// WDK-style guards a driver's own fallback header tests.
#include <ntifs.h>
#include <wdm.h>
#include <windef.h>
#include <ks.h>
#include <ksmedia.h>

#if !defined(KSDATAFORMAT_SUBTYPE_UNIVERSALMIDIPACKET) || \
    !defined(KSPROPSETID_MidiLoopedStreaming) || !defined(MIDILOOPED_EVENT2)
#error "UMP names must be macros so drivers' #ifndef fallbacks are skipped"
#endif

static_assert(sizeof(KSMIDILOOPED_BUFFER) == 16, "layout");
static_assert(sizeof(KSMIDILOOPED_REGISTERS) == 16, "layout");
static_assert(sizeof(KSMIDILOOPED_EVENT) == 8, "layout");
static_assert(sizeof(KSMIDILOOPED_EVENT2) == 16, "layout");
static_assert(sizeof(KSMIDILOOPED_BUFFER_PROPERTY) == 32, "layout");
static_assert(sizeof(UMPDATAFORMAT) == 16, "layout");
static_assert(KSPROPERTY_MIDILOOPEDSTREAMING_NOTIFICATION_EVENT == 2, "ids");
static_assert(STATUS_ALREADY_INITIALIZED == (NTSTATUS)0xC0000510L, "value");

static const KSDATARANGE ProbeUmpRange = {
    {sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_MUSIC},
     {STATIC_KSDATAFORMAT_SUBTYPE_UNIVERSALMIDIPACKET},
     {STATIC_KSDATAFORMAT_SPECIFIER_NONE}}};

static NTSTATUS ProbeBuffer(PKSMIDILOOPED_BUFFER_PROPERTY Request, PKSMIDILOOPED_BUFFER Buffer,
                            PKSMIDILOOPED_EVENT2 Events, PRKPROCESS Process) {
  if (!IsEqualGUID(Request->Property.Set, KSPROPSETID_MidiLoopedStreaming))
    return STATUS_NOT_SUPPORTED;
  if (Request->Property.Id != KSPROPERTY_MIDILOOPEDSTREAMING_BUFFER)
    return STATUS_ALREADY_INITIALIZED;
  Buffer->ActualBufferSize = Request->RequestedBufferSize;
  Events->ReadEvent = Events->WriteEvent;
  (void)Process;
  return STATUS_SUCCESS;
}

void ProbeUseMidi() {
  (void)ProbeUmpRange;
  (void)ProbeBuffer;
}
