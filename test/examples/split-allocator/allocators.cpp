// The allocators: one right, one that reports success with no buffer, one
// that hands its buffer to the I/O manager.
#include "mixer.h"

NTSTATUS AllocChecked(PIRP Irp, ULONG BufferSize, BOOLEAN InputOperation) {
  PVOID Buffer = ExAllocatePoolWithTag(NonPagedPool, BufferSize, MIXER_TAG);
  if (Buffer == NULL)
    return STATUS_INSUFFICIENT_RESOURCES;
  Irp->AssociatedIrp.SystemBuffer = Buffer;
  return STATUS_SUCCESS;
}

NTSTATUS AllocUnchecked(PIRP Irp, ULONG BufferSize, BOOLEAN InputOperation) {
  Irp->AssociatedIrp.SystemBuffer =
      ExAllocatePoolWithTag(NonPagedPool, BufferSize, MIXER_TAG);
  return STATUS_SUCCESS;
}

NTSTATUS AllocHandedToIo(PIRP Irp, ULONG BufferSize, BOOLEAN InputOperation) {
  PVOID Buffer = ExAllocatePoolWithTag(NonPagedPool, BufferSize, MIXER_TAG);
  if (!Buffer)
    return STATUS_INSUFFICIENT_RESOURCES;
  Irp->AssociatedIrp.SystemBuffer = Buffer;
  Irp->Flags |= IRP_DEALLOCATE_BUFFER;
  return STATUS_SUCCESS;
}
