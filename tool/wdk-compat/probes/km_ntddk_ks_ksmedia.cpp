// Probe: kernel-mode C++, <ntddk.h> + <ks.h> + <ksmedia.h> (AVStream minidriver order).
// ksmedia.h needs windef.h types and TCHAR in kernel mode (include/ksmedia.h).
#include <ntddk.h>
#include <ks.h>
#include <ksmedia.h>

static_assert(sizeof(KSPROPERTY_ITEM) == 72, "KSPROPERTY_ITEM on x64");
static_assert(sizeof(KSMETHOD_ITEM) == 40, "KSMETHOD_ITEM on x64");
static_assert(sizeof(KSEVENT_ITEM) == 40, "KSEVENT_ITEM on x64");
static_assert(sizeof(TCHAR) == sizeof(char) || sizeof(TCHAR) == sizeof(WCHAR), "TCHAR");

static KS_VIDEOINFOHEADER kstidyProbeVideoInfo;
static DWORD kstidyProbeDword = sizeof(kstidyProbeVideoInfo);
