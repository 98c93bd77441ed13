// Probe: kernel-mode C++, <wdm.h> + <ksmedia.h> before <portcls.h>.
#include <wdm.h>
#include <ksmedia.h>
#include <portcls.h>

static KSRTAUDIO_HWLATENCY kstidyProbeLatency;
