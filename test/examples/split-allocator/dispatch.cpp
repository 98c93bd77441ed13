// The dispatch routines, each with the allocator of another file.
#include "mixer.h"

static NTSTATUS GetMixerLevel(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  *(PULONG)Data = 0;
  return STATUS_SUCCESS;
}

static const GUID MixerSet = {0x61, 0, 0, {0, 0, 0, 0, 0, 0, 0, 5}};

static const KSPROPERTY_ITEM MixerItems[] = {
    {1, {GetMixerLevel}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0,
     NULL, NULL, 0},
};

const KSPROPERTY_SET MixerSets[1] = {
    {&MixerSet, SIZEOF_ARRAY(MixerItems), MixerItems, 0, NULL},
};

static NTSTATUS Complete(PIRP Irp, NTSTATUS Status) {
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// Right: frees the buffer whatever the outcome.
NTSTATUS DispatchChecked(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status =
      KsPropertyHandlerWithAllocator(Irp, 1, MixerSets, AllocChecked, 0);
  if (Irp->AssociatedIrp.SystemBuffer)
    ExFreePoolWithTag(Irp->AssociatedIrp.SystemBuffer, MIXER_TAG);
  return Complete(Irp, Status);
}

// Wrong: never frees it.
NTSTATUS DispatchLeaky(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status =
      KsPropertyHandlerWithAllocator(Irp, 1, MixerSets, AllocChecked, 0);
  return Complete(Irp, Status);
}

// Right here; its allocator is wrong.
NTSTATUS DispatchUnchecked(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status =
      KsPropertyHandlerWithAllocator(Irp, 1, MixerSets, AllocUnchecked, 0);
  if (Irp->AssociatedIrp.SystemBuffer)
    ExFreePoolWithTag(Irp->AssociatedIrp.SystemBuffer, MIXER_TAG);
  return Complete(Irp, Status);
}

// Right: the I/O manager frees it.
NTSTATUS DispatchHandedToIo(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status =
      KsPropertyHandlerWithAllocator(Irp, 1, MixerSets, AllocHandedToIo, 0);
  return Complete(Irp, Status);
}

// Wrong: frees what the I/O manager frees too.
NTSTATUS DispatchFreesIoBuffer(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status =
      KsPropertyHandlerWithAllocator(Irp, 1, MixerSets, AllocHandedToIo, 0);
  if (Irp->AssociatedIrp.SystemBuffer)
    ExFreePool(Irp->AssociatedIrp.SystemBuffer);
  return Complete(Irp, Status);
}

// Not judged: no file of the run defines its allocator.
NTSTATUS DispatchMissing(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status =
      KsPropertyHandlerWithAllocator(Irp, 1, MixerSets, AllocMissing, 0);
  return Complete(Irp, Status);
}
