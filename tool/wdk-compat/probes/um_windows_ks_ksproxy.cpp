// Probe: user-mode C++, <windows.h> + <ks.h> + <ksproxy.h> (KS proxy code).
// include/ksproxy.h pulls <strmif.h> and defines __STREAMS__ around
// ksproxy.h so its COM interfaces are declared (see README).
#include <windows.h>
#include <ks.h>
#include <ksproxy.h>

KSALLOCATORMODE KstidyProbeMode(IKsAllocatorEx *Allocator) {
  return Allocator->KsGetAllocatorMode();
}
