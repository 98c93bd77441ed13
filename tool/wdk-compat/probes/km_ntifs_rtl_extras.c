/* Probe: ntifs.h (+ntddk.h, wdm.h) and ntstrsafe.h declarations mingw-w64
   lacks: generic/AVL table callback types, DRIVER_REINITIALIZE,
   DRIVER_DISPATCH_PAGED, reader/writer spin locks, MemoryBarrier,
   RtlUnicodeString*, STATUS_INVALID_STATE_TRANSITION. */
#include <ntifs.h>
#include <ntstrsafe.h>

RTL_GENERIC_COMPARE_ROUTINE ProbeCompare;
RTL_GENERIC_ALLOCATE_ROUTINE ProbeAllocate;
RTL_GENERIC_FREE_ROUTINE ProbeFree;
RTL_AVL_COMPARE_ROUTINE ProbeAvlCompare;
DRIVER_REINITIALIZE ProbeReinit;
DRIVER_DISPATCH_PAGED ProbeCreate;
ALLOCATE_FUNCTION ProbeLookasideAllocate;

RTL_GENERIC_COMPARE_RESULTS NTAPI ProbeCompare(PRTL_GENERIC_TABLE Table,
                                               PVOID First, PVOID Second) {
  (void)Table;
  return First < Second ? GenericLessThan : GenericEqual;
}

static EX_SPIN_LOCK ProbeLock;

NTSTATUS ProbeStrings(PUNICODE_STRING Out, ULONG N) {
  KIRQL irql = ExAcquireSpinLockShared(&ProbeLock);
  ExReleaseSpinLockShared(&ProbeLock, irql);
  irql = ExAcquireSpinLockExclusive(&ProbeLock);
  ExReleaseSpinLockExclusive(&ProbeLock, irql);
  MemoryBarrier();
  LARGE_INTEGER now;
  KeQuerySystemTimePrecise(&now);
  NTSTATUS status = RtlUnicodeStringPrintf(Out, L"probe-%u", N);
  if (!NT_SUCCESS(status)) return STATUS_INVALID_STATE_TRANSITION;
  return RtlUnicodeStringCatString(Out, L"!");
}
