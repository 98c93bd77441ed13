// Probe: kernel-mode C++, <wdm.h> + <portcls.h> (PortCls adapter order).
// portcls.h uses KSRTAUDIO_HWLATENCY / KSRTAUDIO_HWREGISTER, which
// mingw-w64's ksmedia.h lacks (supplied by include/ksmedia.h).
#include <wdm.h>
#include <portcls.h>

static_assert(sizeof(PCPROPERTY_ITEM) == 24, "PCPROPERTY_ITEM on x64");
static KSRTAUDIO_HWREGISTER kstidyProbeRegister;
