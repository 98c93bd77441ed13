// handlers.cpp - the camera property handlers.
#include "split.h"

#define DEVICE_IO(Irp) \
  IoGetCurrentIrpStackLocation(Irp)->Parameters.DeviceIoControl

NTSTATUS GetZoom(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  ZOOM_STATE *State = (ZOOM_STATE *)Data;
  State->Position = 0;
  State->Speed = 1;
  State->Flags = 0;
  Irp->IoStatus.Information = sizeof(ZOOM_STATE);
  return STATUS_SUCCESS;
}

NTSTATUS GetFocus(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  if (DEVICE_IO(Irp).OutputBufferLength < sizeof(ZOOM_STATE))
    return STATUS_BUFFER_TOO_SMALL;
  *(ZOOM_STATE *)Data = ZOOM_STATE();
  Irp->IoStatus.Information = sizeof(ZOOM_STATE);
  return STATUS_SUCCESS;
}

NTSTATUS GetPinMode(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  if (DEVICE_IO(Irp).OutputBufferLength < sizeof(ULONG))
    return STATUS_BUFFER_TOO_SMALL;
  const KSP_PIN *Pin = (const KSP_PIN *)Property;
  *(PULONG)Data = Pin->PinId;
  return STATUS_SUCCESS;
}

NTSTATUS GetPinRate(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  if (DEVICE_IO(Irp).InputBufferLength < sizeof(KSP_PIN))
    return STATUS_INVALID_PARAMETER;
  const KSP_PIN *Pin = (const KSP_PIN *)Property;
  *(PULONG)Data = Pin->PinId * 30;
  return STATUS_SUCCESS;
}
