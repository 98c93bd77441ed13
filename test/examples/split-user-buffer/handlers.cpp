// handlers.cpp - the tuner's SET handlers (its table is in table.cpp).
#include "tuner.h"

// Reads the level where the caller said it is, unprobed.
NTSTATUS SetLevel(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  TUNER_LEVEL *Level = (TUNER_LEVEL *)Irp->UserBuffer;
  return Level->Gain > 100 ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
}

// The same, probed inside __try over the whole struct.
NTSTATUS SetLevelProbed(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  ULONG Gain = 0;
  __try {
    ProbeForRead(Irp->UserBuffer, sizeof(TUNER_LEVEL), sizeof(ULONG));
    Gain = ((TUNER_LEVEL *)Irp->UserBuffer)->Gain;
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_ACCESS_VIOLATION;
  }
  return Gain > 100 ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
}

// Maps the window the request names, with KernelMode access.
NTSTATUS SetWindow(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  TUNER_WINDOW *Window = (TUNER_WINDOW *)Data;
  PMDL Mdl = IoAllocateMdl((PVOID)Window->Address, Window->Length, FALSE,
                           FALSE, NULL);
  if (!Mdl)
    return STATUS_INSUFFICIENT_RESOURCES;
  __try {
    MmProbeAndLockPages(Mdl, KernelMode, IoWriteAccess);
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    IoFreeMdl(Mdl);
    return STATUS_ACCESS_VIOLATION;
  }
  MmUnlockPages(Mdl);
  IoFreeMdl(Mdl);
  return STATUS_SUCCESS;
}

// The same with the requestor's mode.
NTSTATUS SetWindowUser(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  TUNER_WINDOW *Window = (TUNER_WINDOW *)Data;
  PMDL Mdl = IoAllocateMdl((PVOID)Window->Address, Window->Length, FALSE,
                           FALSE, NULL);
  if (!Mdl)
    return STATUS_INSUFFICIENT_RESOURCES;
  __try {
    MmProbeAndLockPages(Mdl, Irp->RequestorMode, IoWriteAccess);
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    IoFreeMdl(Mdl);
    return STATUS_ACCESS_VIOLATION;
  }
  MmUnlockPages(Mdl);
  IoFreeMdl(Mdl);
  return STATUS_SUCCESS;
}
