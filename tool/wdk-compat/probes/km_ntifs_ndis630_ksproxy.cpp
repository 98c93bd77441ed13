// Probe: a kernel-mode audio router (SynchronousAudioRouter style):
// ntifs.h, ntddk.h, ntstrsafe.h, windef.h, ks.h, mmreg.h, ksmedia.h,
// ksproxy.h in kernel mode, ndis.h with NDIS630, all inside extern "C" as
// that driver does. Uses NDIS_REQUEST_TYPE (defined by both ntddndis.h and
// ndis.h in mingw-w64), TYPE_ALIGNMENT in C++, LOCALE_NEUTRAL.
extern "C" {
#include <ntifs.h>
#include <ntddk.h>
#include <ntstrsafe.h>
#include <windef.h>
#include <ks.h>
#define NOBITMAP
#include <mmreg.h>
#include <ksmedia.h>
#include <ksproxy.h>
#define NDIS630
#include <ndis.h>
}

static NDIS_REQUEST_TYPE ProbeRequestType = NdisRequestQueryInformation;
static_assert(TYPE_ALIGNMENT(ULONG) == 4, "alignment");
static_assert(LOCALE_NEUTRAL == 0, "documented LCID");

static void ProbeProbe(const volatile void *User, SIZE_T Length) {
  __try {
    ProbeForRead(const_cast<void *>(User), Length, TYPE_ALIGNMENT(ULONG));
  } __except (EXCEPTION_EXECUTE_HANDLER) {
  }
}

void ProbeUseSar() {
  (void)ProbeRequestType;
  (void)ProbeProbe;
  (void)KSPROPERTY_SUPPORT_GET;
}
