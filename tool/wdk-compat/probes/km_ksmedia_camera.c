/* Probe (C): ntddk.h + ks.h + ksmedia.h, camera payloads and MIDI looped
   streaming structures from kstidy-ksmedia-camera.h; C11 static asserts. */
#include <ntddk.h>
#include <windef.h>
#include <ks.h>
#include <ksmedia.h>

_Static_assert(sizeof(KSCAMERA_EXTENDEDPROP_VIDEOPROCSETTING) == 32, "layout");
_Static_assert(sizeof(KSCAMERA_EXTENDEDPROP_ROI_INFO) == 32, "layout");
_Static_assert(sizeof(KSDEVICE_PROFILE_INFO) == 56, "layout");
_Static_assert(sizeof(KSMIDILOOPED_BUFFER_PROPERTY) == 32, "layout");

static ULONGLONG ProbeFlashMode(const KSCAMERA_EXTENDEDPROP_HEADER *h) {
  return h->Flags & KSCAMERA_EXTENDEDPROP_FLASH_MODE_MASK;
}

static const GUID ProbeUmp = {STATIC_KSDATAFORMAT_SUBTYPE_UNIVERSALMIDIPACKET};

void ProbeUseC(void) {
  (void)ProbeFlashMode;
  (void)ProbeUmp;
}
