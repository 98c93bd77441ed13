// Probe: SAL / driverspecs annotations that KS drivers put on dispatch
// routines, allocators and lock helpers. Those mingw-w64 lacks come from
// kstidy-wdk-compat.h as empty macros.
#include <ntddk.h>
#include <ks.h>
#include <ksmedia.h>

_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) DRIVER_DISPATCH KstidyProbeDeviceControl;

#pragma code_seg("PAGE")
_Use_decl_annotations_
_IRQL_requires_max_(PASSIVE_LEVEL)
_Must_inspect_result_
NTSTATUS KstidyProbePaged(_In_ PIRP Irp, _Inout_updates_bytes_(Length) PVOID Buffer, _In_ ULONG Length) {
  PAGED_CODE();
  UNREFERENCED_PARAMETER(Irp);
  UNREFERENCED_PARAMETER(Buffer);
  UNREFERENCED_PARAMETER(Length);
  return STATUS_SUCCESS;
}
#pragma code_seg()

_Kernel_float_used_ void KstidyProbeFloat(void);
void KstidyProbeFree(_Frees_ptr_opt_ PVOID Block);
_IRQL_requires_(DISPATCH_LEVEL) _Requires_lock_held_(*Lock) void KstidyProbeLocked(PKSPIN_LOCK Lock);
_Kernel_requires_resource_held_(KeCriticalRegion) void KstidyProbeCritical(void);
_Ret_maybenull_ _When_(1, __drv_allocatesMem(Mem)) PVOID KstidyProbeAlloc(SIZE_T Size);
_Kernel_clear_do_init_(__yes) DRIVER_ADD_DEVICE KstidyProbeAddDevice;
_IRQL_always_function_max_(DISPATCH_LEVEL) void KstidyProbeDispatchLevel(void);
_Success_(return >= 0) NTSTATUS KstidyProbeQuery(_Out_writes_bytes_to_(Length, *Written) PVOID Buffer, ULONG Length, _Out_ PULONG Written);
void KstidyProbeItems(_In_reads_(Count) const KSPROPERTY_ITEM *Items, SIZE_T Count);
