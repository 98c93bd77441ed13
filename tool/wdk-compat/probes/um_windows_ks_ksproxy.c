/* Probe: user-mode C, <windows.h> + <ks.h> + <ksmedia.h> + <ksproxy.h>.
   In C only IKsPropertySet/IKsControl/IKsTopology are declared (the others
   use C++ references), exactly as with the Windows SDK. */
#include <windows.h>
#include <ks.h>
#include <ksmedia.h>
#include <ksproxy.h>

static KSALLOCATORMODE kstidy_probe_mode = KsAllocatorMode_Kernel;
