/* Probe: kernel-mode C, <ntddk.h> + <ks.h> + <ksmedia.h>. */
#include <ntddk.h>
#include <ks.h>
#include <ksmedia.h>

typedef char kstidy_probe_item_size[sizeof(KSPROPERTY_ITEM) == 72 ? 1 : -1];
static KSRTAUDIO_HWLATENCY kstidy_probe_latency;
static TCHAR kstidy_probe_name[MAX_PATH];
