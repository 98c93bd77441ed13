// Handlers and dispatch routines that touch an address the caller chose
// (Irp->UserBuffer, Type3InputBuffer, a pointer inside the request's input)
// instead of the buffers the KS runtime captured, and the same handlers
// done right: probed inside __try over the bytes they touch, or locked with
// the requestor's mode.
// RUN: %check_ks ks-property-user-buffer %s --kstidy-stderr=NOTES
// The entry points left alone are said, not passed over as clean:
// NOTES: kstidy: note: {{.*}}ks-property-user-buffer.cpp:{{[0-9]+}}: 'SetTunerKernelOnly' touches an address the caller of the request chose, but it reads Irp->RequestorMode, which kstidy does not read path by path: its accesses were not judged (ks-property-user-buffer)
// NOTES: kstidy: note: {{.*}}ks-property-user-buffer.cpp:{{[0-9]+}}: 'DispatchTunerAny' touches an address the caller of the request chose, but it tests for IRP_MJ_INTERNAL_DEVICE_CONTROL
#include <ntddk.h>
#include <ks.h>
#include <portcls.h>

static const GUID TunerSet = {0x41, 0, 0, {0, 0, 0, 0, 0, 0, 0, 9}};

typedef struct {
  ULONG Gain;
  ULONG Flags;
  ULONGLONG Stamp;
} TUNER_STATE; // 16 bytes

#define DEVICE_IO(Irp) IoGetCurrentIrpStackLocation(Irp)->Parameters.DeviceIoControl

// --- Irp->UserBuffer in SET handlers -------------------------------------

static NTSTATUS SetTunerRaw(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  TUNER_STATE *In = (TUNER_STATE *)Irp->UserBuffer;
  return In->Gain > 100 ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'SetTunerRaw' reads 4 bytes at 'Irp->UserBuffer', an address the caller passed, without ProbeForRead inside __try: a caller in user mode can pass a kernel address, and the kernel reads it (kernel memory disclosed or corrupted, or a bugcheck) [ks-property-user-buffer]
}

static NTSTATUS SetTunerWrite(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  *(PULONG)Irp->UserBuffer = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SetTunerWrite' writes 4 bytes at 'Irp->UserBuffer', an address the caller passed, without ProbeForWrite inside __try
  return STATUS_SUCCESS;
}

// Probed inside __try, and the length it probes compared with the struct
// first: silent.
static NTSTATUS SetTunerProbed(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  ULONG Length = DEVICE_IO(Irp).OutputBufferLength;
  if (Length < sizeof(TUNER_STATE))
    return STATUS_BUFFER_TOO_SMALL;
  __try {
    ProbeForRead(Irp->UserBuffer, Length, 1);
    TUNER_STATE *In = (TUNER_STATE *)Irp->UserBuffer;
    if (In->Gain > 100)
      return STATUS_INVALID_PARAMETER;
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_ACCESS_VIOLATION;
  }
  return STATUS_SUCCESS;
}

// Probed over a constant that covers the access: silent.
static NTSTATUS SetTunerProbedSizeof(PIRP Irp, PKSPROPERTY Property,
                                     PVOID Data) {
  TUNER_STATE State;
  __try {
    ProbeForRead(Irp->UserBuffer, sizeof(TUNER_STATE), 4);
    State = *(TUNER_STATE *)Irp->UserBuffer;
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_ACCESS_VIOLATION;
  }
  return State.Gain ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

// Probed over exactly the length it copies, whatever that is: silent.
static NTSTATUS GetTunerCopy(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  static const UCHAR Table[64] = {0};
  ULONG Length = DEVICE_IO(Irp).OutputBufferLength;
  __try {
    ProbeForWrite(Irp->UserBuffer, Length, 1);
    RtlCopyMemory(Irp->UserBuffer, Table, Length > 64 ? 64 : Length);
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_ACCESS_VIOLATION;
  }
  return STATUS_SUCCESS;
}

static NTSTATUS SetTunerShortProbe(PIRP Irp, PKSPROPERTY Property,
                                   PVOID Data) {
  __try {
    ProbeForRead(Irp->UserBuffer, sizeof(ULONG), 4);
    TUNER_STATE State = *(TUNER_STATE *)Irp->UserBuffer;
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'SetTunerShortProbe' reads 16 bytes at 'Irp->UserBuffer', an address the caller passed, but probed only 4 bytes: the bytes past the probe may lie in kernel memory [ks-property-user-buffer]
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: probed here
    return State.Gain ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_ACCESS_VIOLATION;
  }
}

static NTSTATUS SetTunerCallerLength(PIRP Irp, PKSPROPERTY Property,
                                     PVOID Data) {
  __try {
    ProbeForWrite(Irp->UserBuffer, DEVICE_IO(Irp).OutputBufferLength, 4);
    ((TUNER_STATE *)Irp->UserBuffer)->Stamp = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'SetTunerCallerLength' writes 16 bytes at 'Irp->UserBuffer', an address the caller passed, after probing it with a length the caller chose, never compared with what it accesses: with a length of 0 ProbeForWrite checks nothing, and the access reaches any address [ks-property-user-buffer]
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: probed here
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_ACCESS_VIOLATION;
  }
  return STATUS_SUCCESS;
}

static NTSTATUS SetTunerNoTry(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  ProbeForRead(Irp->UserBuffer, sizeof(ULONG), 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SetTunerNoTry' probes 'Irp->UserBuffer', an address the caller passed, outside __try: ProbeForRead raises an exception for an address outside user memory, and an exception the driver does not handle is a bugcheck [ks-property-user-buffer]
  return *(PULONG)Irp->UserBuffer ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

static NTSTATUS SetTunerReadAfterTry(PIRP Irp, PKSPROPERTY Property,
                                     PVOID Data) {
  __try {
    ProbeForRead(Irp->UserBuffer, sizeof(ULONG), 4);
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_ACCESS_VIOLATION;
  }
  return *(PULONG)Irp->UserBuffer ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'SetTunerReadAfterTry' reads 4 bytes at 'Irp->UserBuffer', an address the caller passed, outside __try: the caller can free or protect its pages after the probe, and the fault is then a bugcheck [ks-property-user-buffer]
  // CHECK-MESSAGES: :[[@LINE-6]]:5: note: probed here
}

// Requests that only kernel-mode callers can send: the handler tests the
// requestor's mode first. kstidy does not judge a handler that reads it.
static NTSTATUS SetTunerKernelOnly(PIRP Irp, PKSPROPERTY Property,
                                   PVOID Data) {
  if (Irp->RequestorMode != KernelMode)
    return STATUS_ACCESS_DENIED;
  *(PULONG)Irp->UserBuffer = 1;
  return STATUS_SUCCESS;
}

// What the runtime captured is the handler's to use: silent.
static NTSTATUS SetTunerCaptured(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  TUNER_STATE *In = (TUNER_STATE *)Data;
  PVOID Where = &((TUNER_STATE *)Irp->UserBuffer)->Stamp; // no access
  (void)Where;
  return sizeof(*(TUNER_STATE *)Irp->UserBuffer) == 16 && In->Gain < 100
             ? STATUS_SUCCESS
             : STATUS_INVALID_PARAMETER;
}

// --- Pointers inside the request's input ---------------------------------

typedef struct {
  ULONGLONG Address; // the caller's buffer, as a 64-bit integer
  ULONG Length;
  ULONG Reserved;
} MAP_REQUEST;

typedef struct {
  PULONG Target;
  ULONG Value;
} POKE_REQUEST;

static NTSTATUS SetTunerMapKernel(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  MAP_REQUEST *Request = (MAP_REQUEST *)Data;
  PMDL Mdl = IoAllocateMdl((PVOID)Request->Address, Request->Length, FALSE,
                           FALSE, NULL);
  if (!Mdl)
    return STATUS_INSUFFICIENT_RESOURCES;
  __try {
    MmProbeAndLockPages(Mdl, KernelMode, IoWriteAccess);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'SetTunerMapKernel' locks 'Request->Address', an address the caller put in the request's input, with MmProbeAndLockPages(..., KernelMode, ...): KernelMode access skips the check that the pages are user memory, so any caller can make the driver read and write kernel memory; pass Irp->RequestorMode [ks-property-user-buffer]
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    IoFreeMdl(Mdl);
    return STATUS_ACCESS_VIOLATION;
  }
  return STATUS_SUCCESS;
}

// Locked with the requestor's mode: silent.
static NTSTATUS SetTunerMapUser(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  MAP_REQUEST *Request = (MAP_REQUEST *)Data;
  PMDL Mdl = IoAllocateMdl((PVOID)Request->Address, Request->Length, FALSE,
                           FALSE, NULL);
  if (!Mdl)
    return STATUS_INSUFFICIENT_RESOURCES;
  __try {
    MmProbeAndLockPages(Mdl, Irp->RequestorMode, IoWriteAccess);
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    IoFreeMdl(Mdl);
    return STATUS_ACCESS_VIOLATION;
  }
  return STATUS_SUCCESS;
}

static NTSTATUS SetTunerMapNonPaged(PIRP Irp, PKSPROPERTY Property,
                                    PVOID Data) {
  MAP_REQUEST *Request = (MAP_REQUEST *)Data;
  PMDL Mdl = IoAllocateMdl((PVOID)Request->Address, Request->Length, FALSE,
                           FALSE, NULL);
  if (!Mdl)
    return STATUS_INSUFFICIENT_RESOURCES;
  MmBuildMdlForNonPagedPool(Mdl);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SetTunerMapNonPaged' describes 'Request->Address', an address the caller put in the request's input, with MmBuildMdlForNonPagedPool, which is for nonpaged kernel memory only
  return STATUS_SUCCESS;
}

// The embedded pointer handed to a helper that writes through it: found in
// the helper, named with the handler that called it.
static void PokeValue(PULONG Target, ULONG Value) {
  *Target = Value;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PokeValue' (called from 'SetTunerPoke') writes 4 bytes at 'Request->Target', an address the caller put in the request's input, without ProbeForWrite inside __try
}

static NTSTATUS SetTunerPoke(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  POKE_REQUEST *Request = (POKE_REQUEST *)Data;
  PokeValue(Request->Target, Request->Value);
  return STATUS_SUCCESS;
}

// The same helper handed a buffer of the driver's own: silent.
static ULONG DriverCounter;
static NTSTATUS SetTunerPokeOwn(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  PokeValue(&DriverCounter, ((POKE_REQUEST *)Data)->Value);
  return STATUS_SUCCESS;
}

// A helper that no entry point calls may be called inside __try after a
// probe, from another file: not judged on its own.
void ClearUserWord(PIRP Irp) { *(PULONG)Irp->UserBuffer = 0; }

// --- A PortCls handler ---------------------------------------------------

static NTSTATUS PropertyHandlerPoke(PPCPROPERTY_REQUEST PropertyRequest) {
  POKE_REQUEST *Request = (POKE_REQUEST *)PropertyRequest->Value;
  Request->Target[0] = Request->Value;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'PropertyHandlerPoke' writes 4 bytes at 'Request->Target', an address the caller put in the request's input, without ProbeForWrite inside __try
  return STATUS_SUCCESS;
}

// --- A dispatch routine with METHOD_NEITHER ------------------------------

static NTSTATUS DispatchTunerControl(PDEVICE_OBJECT Device, PIRP Irp) {
  PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
  TUNER_STATE State;
  RtlCopyMemory(&State, Stack->Parameters.DeviceIoControl.Type3InputBuffer,
                sizeof(State));
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'DispatchTunerControl' reads 16 bytes at 'Stack->Parameters.DeviceIoControl.Type3InputBuffer', an address the caller passed, without ProbeForRead inside __try
  Irp->IoStatus.Status = State.Gain ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return STATUS_SUCCESS;
}

static const KSPROPERTY_ITEM TunerItems[] = {
    DEFINE_KSPROPERTY_ITEM(0, NULL, sizeof(KSPROPERTY), 0, SetTunerRaw, NULL,
                           0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(1, NULL, sizeof(KSPROPERTY), sizeof(MAP_REQUEST),
                           SetTunerMapKernel, NULL, 0, NULL, NULL, 0),
};

static const KSPROPERTY_SET TunerSets[] = {
    DEFINE_KSPROPERTY_SET(&TunerSet, SIZEOF_ARRAY(TunerItems), TunerItems, 0,
                          NULL),
};

// A dispatch routine that looks at the property before it hands the IRP to
// KsPropertyHandler: for IOCTL_KS_PROPERTY (METHOD_NEITHER) the property is
// still where the caller put it.
static NTSTATUS DispatchTunerProperty(PDEVICE_OBJECT Device, PIRP Irp) {
  PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
  PKSPROPERTY Property =
      (PKSPROPERTY)Stack->Parameters.DeviceIoControl.Type3InputBuffer;
  if (Stack->Parameters.DeviceIoControl.IoControlCode == IOCTL_KS_PROPERTY &&
      RtlCompareMemory(&Property->Set, &TunerSet, sizeof(GUID)) ==
          sizeof(GUID))
    // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'DispatchTunerProperty' reads 16 bytes at 'Stack->Parameters.DeviceIoControl.Type3InputBuffer', an address the caller passed, without ProbeForRead inside __try
    return KsPropertyHandler(Irp, SIZEOF_ARRAY(TunerSets), TunerSets);
  return KsDispatchIrp(Device, Irp);
}

// The same, probed over the whole KSPROPERTY first: silent. The address
// of a member is inside the probed range.
static NTSTATUS DispatchTunerPropertyProbed(PDEVICE_OBJECT Device, PIRP Irp) {
  PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
  PKSPROPERTY Property =
      (PKSPROPERTY)Stack->Parameters.DeviceIoControl.Type3InputBuffer;
  BOOLEAN Ours = FALSE;
  __try {
    ProbeForRead(Property, sizeof(KSPROPERTY), sizeof(ULONG));
    Ours = RtlCompareMemory(&Property->Set, &TunerSet, sizeof(GUID)) ==
           sizeof(GUID);
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_ACCESS_VIOLATION;
  }
  return Ours ? KsPropertyHandler(Irp, SIZEOF_ARRAY(TunerSets), TunerSets)
              : KsDispatchIrp(Device, Irp);
}

// Probed over the set only, then the id read past it.
static NTSTATUS DispatchTunerPropertyShort(PDEVICE_OBJECT Device, PIRP Irp) {
  PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
  PKSPROPERTY Property =
      (PKSPROPERTY)Stack->Parameters.DeviceIoControl.Type3InputBuffer;
  ULONG Id = 0;
  __try {
    ProbeForRead(Property, sizeof(GUID), sizeof(ULONG));
    RtlCopyMemory(&Id, &Property->Id, sizeof(ULONG));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'DispatchTunerPropertyShort' reads 20 bytes at 'Stack->Parameters.DeviceIoControl.Type3InputBuffer', an address the caller passed, but probed only 16 bytes
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: probed here
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_ACCESS_VIOLATION;
  }
  return Id == 0 ? KsDispatchIrp(Device, Irp) : STATUS_NOT_SUPPORTED;
}

// Internal device-control requests come from kernel-mode drivers only, and
// their UserBuffer is a kernel buffer (a HID minidriver's descriptors, for
// one): a routine installed only for IRP_MJ_INTERNAL_DEVICE_CONTROL, or a
// dispatch routine that tells that major function apart, is not judged.
static NTSTATUS DispatchTunerInternal(PDEVICE_OBJECT Device, PIRP Irp) {
  *(PULONG)Irp->UserBuffer = 0x1234;
  Irp->IoStatus.Information = sizeof(ULONG);
  return STATUS_SUCCESS;
}

static NTSTATUS DispatchTunerAny(PDEVICE_OBJECT Device, PIRP Irp) {
  PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
  if (Stack->MajorFunction == IRP_MJ_INTERNAL_DEVICE_CONTROL)
    *(PULONG)Irp->UserBuffer = 0x1234;
  return STATUS_SUCCESS;
}

// The one installed for IRP_MJ_DEVICE_CONTROL too is judged.
static NTSTATUS DispatchTunerBoth(PDEVICE_OBJECT Device, PIRP Irp) {
  *(PULONG)Irp->UserBuffer = 0x1234;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'DispatchTunerBoth' writes 4 bytes at 'Irp->UserBuffer', an address the caller passed, without ProbeForWrite inside __try
  return STATUS_SUCCESS;
}

extern "C" NTSTATUS DriverEntry(PDRIVER_OBJECT Driver, PUNICODE_STRING Path) {
  Driver->MajorFunction[IRP_MJ_INTERNAL_DEVICE_CONTROL] = DispatchTunerInternal;
  Driver->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchTunerAny;
  Driver->MajorFunction[IRP_MJ_INTERNAL_DEVICE_CONTROL] = DispatchTunerBoth;
  Driver->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchTunerBoth;
  return STATUS_SUCCESS;
}

// A template handler is judged through its instantiations, with their
// sizes: the 4-byte probe covers a ULONG, not a TUNER_STATE. A template
// that nothing instantiates says nothing.
template <class T>
static NTSTATUS SetTunerTyped(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  __try {
    ProbeForRead(Irp->UserBuffer, sizeof(ULONG), 4);
    T Value = *(T *)Irp->UserBuffer;
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'SetTunerTyped' reads 16 bytes at 'Irp->UserBuffer', an address the caller passed, but probed only 4 bytes
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: probed here
    return sizeof(Value) ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_ACCESS_VIOLATION;
  }
}

template <class T>
static NTSTATUS DispatchTunerTyped(PDEVICE_OBJECT Device, PIRP Irp) {
  return *(T *)Irp->UserBuffer == T() ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

static const KSPROPERTY_ITEM TunerTypedItems[] = {
    DEFINE_KSPROPERTY_ITEM(0, NULL, sizeof(KSPROPERTY), sizeof(ULONG),
                           SetTunerTyped<ULONG>, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(1, NULL, sizeof(KSPROPERTY), sizeof(TUNER_STATE),
                           SetTunerTyped<TUNER_STATE>, NULL, 0, NULL, NULL, 0),
};
