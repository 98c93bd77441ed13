// Probe: the names kstidy-wdk-compat.h and include/wdm.h add, used the way
// drivers use them. Values are checked against the documented WDK values.
#include <ntddk.h>
#include <ks.h>

static_assert(POOL_FLAG_NON_PAGED == 0x40, "POOL_FLAG_NON_PAGED");
static_assert(POOL_NX_ALLOCATION == NonPagedPoolNx, "POOL_NX_ALLOCATION");
static_assert(KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY_CUSTOM_ALLOCATION == 0x10, "");
static_assert(KSFILTER_FLAG_PRIORITIZE_REFERENCEGUID == 0x10, "");

extern "C" NTSTATUS KstidyProbeAllocate(PVOID *Out) {
  ExInitializeDriverRuntime(DrvRtPoolNxOptIn);
  PVOID a = ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_UNINITIALIZED, 64, 'pbsK');
  PVOID b = ExAllocatePoolZero(NonPagedPoolNx, 64, 'pbsK');
  PVOID c = ExAllocatePoolUninitialized(ExDefaultNonPagedPoolType, 64, 'pbsK');
  PVOID d = ExAllocatePoolWithTag((POOL_TYPE)(NonPagedPool | POOL_NX_ALLOCATION), 64, 'pbsK');
  if (b) ExFreePoolWithTag(b, 'pbsK');
  if (c) ExFreePoolWithTag(c, 'pbsK');
  if (d) ExFreePoolWithTag(d, 'pbsK');
  *Out = a;
  ULONG opts = KSSTREAM_HEADER_OPTIONSF_FRAMEINFO | KSSTREAM_HEADER_OPTIONSF_METADATA;
  ULONG prio = NormalPagePriority | MdlMappingNoExecute;
  return (a && opts && prio) ? STATUS_SUCCESS : STATUS_INSUFFICIENT_RESOURCES;
}
