/* Probe: the compat pool API from C. */
#include <wdm.h>

PVOID kstidy_probe_alloc(SIZE_T n) {
  POOL_FLAGS flags = POOL_FLAG_NON_PAGED;
  return ExAllocatePool2(flags, n, 'pbsK');
}
