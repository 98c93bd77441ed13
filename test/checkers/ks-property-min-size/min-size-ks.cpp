// MinProperty / MinData of KS property items against what their handlers
// read and write.
// RUN: %check_ks ks-property-min-size %s
#include <ntddk.h>
#include <ks.h>

static const GUID SensorSet = {0x31, 0, 0, {0, 0, 0, 0, 0, 0, 0, 5}};

typedef struct {
  LONGLONG Exposure;
  ULONG Flags;
  ULONG Reserved;
} EXPOSURE_STATE; // 16 bytes

// Writes 16 bytes, never looks at the buffer length.
static NTSTATUS GetExposure(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  EXPOSURE_STATE *State = (EXPOSURE_STATE *)Data;
  State->Exposure = 100;
  State->Flags = 0;
  return STATUS_SUCCESS;
}

// Reads a KSP_PIN, never looks at the input length.
static NTSTATUS GetPinGain(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  PKSP_PIN Pin = (PKSP_PIN)Property;
  *(PULONG)Data = Pin->PinId;
  return STATUS_SUCCESS;
}

// Checks the output length itself: any MinData is fine.
static NTSTATUS GetExposureChecked(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
  if (Stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(EXPOSURE_STATE)) {
    Irp->IoStatus.Information = sizeof(EXPOSURE_STATE);
    return STATUS_BUFFER_OVERFLOW;
  }
  *(EXPOSURE_STATE *)Data = EXPOSURE_STATE();
  return STATUS_SUCCESS;
}

// Hands the IRP to a helper of its own, which may check: silent.
NTSTATUS ValidateOutput(PIRP Irp, ULONG Size);
static NTSTATUS GetExposureViaHelper(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  NTSTATUS Status = ValidateOutput(Irp, sizeof(EXPOSURE_STATE));
  if (NT_SUCCESS(Status))
    *(EXPOSURE_STATE *)Data = EXPOSURE_STATE();
  return Status;
}

// Copies with RtlCopyMemory; a typed Data parameter in the signature.
static NTSTATUS GetSerial(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  static const UCHAR Serial[12] = {1, 2, 3};
  RtlCopyMemory(Data, Serial, sizeof(Serial));
  return STATUS_SUCCESS;
}
static NTSTATUS SetFlags(PIRP Irp, PKSPROPERTY Property, PULONGLONG Flags) {
  return *Flags ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

// A template handler, instantiated for two sizes.
template <typename T>
static NTSTATUS GetValue(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  *(T *)Data = T();
  return STATUS_SUCCESS;
}

struct SensorPin {
  // A static member handler that writes exactly what its item declares.
  static NTSTATUS GetState(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
    *(PULONG)Data = 1;
    return STATUS_SUCCESS;
  }
  static NTSTATUS GetMode(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
    *(PULONG)Data = 2;
    return STATUS_SUCCESS;
  }
};

// The property struct as the parameter's own type.
static NTSTATUS GetPinTyped(PIRP Irp, PKSP_PIN Pin, PVOID Data) {
  *(PULONG)Data = Pin->PinId;
  return STATUS_SUCCESS;
}

// One handler per set, switching on the id: each item declares what its own
// case writes. Each item is judged by its own case: silent.
static NTSTATUS GetById(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  switch (Property->Id) {
  case 20:
    *(PULONG)Data = 1;
    break;
  case 21:
    *(PLONGLONG)Data = 2;
    break;
  }
  return STATUS_SUCCESS;
}

// Shared too: the 16-byte write runs for item 22 alone, whose MinData has
// no room for it; item 23 only reaches the 4-byte write.
static NTSTATUS GetByIdTooLarge(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  if (Property->Id == 22)
    *(EXPOSURE_STATE *)Data = EXPOSURE_STATE();
  else
    *(PULONG)Data = 0;
  return STATUS_SUCCESS;
}

static const KSPROPERTY_ITEM SensorItems[] = {
    DEFINE_KSPROPERTY_ITEM(0, GetExposure, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:64: warning: MinData 4 of property SensorSet/0 (entry 0 of 'SensorItems') is smaller than the 16 bytes handler 'GetExposure' writes through Data (as 'EXPOSURE_STATE'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 12 bytes past its end [ks-property-min-size]
    DEFINE_KSPROPERTY_ITEM(1, GetExposureChecked, sizeof(KSPROPERTY), sizeof(EXPOSURE_STATE), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(2, GetPinGain, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: MinProperty 24 of property SensorSet/2 (entry 2 of 'SensorItems') is smaller than the 32 bytes handler 'GetPinGain' reads its property argument as 'KSP_PIN', and the handler does not check the input length
    DEFINE_KSPROPERTY_ITEM(3, GetPinTyped, sizeof(KSP_PIN), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(4, GetExposureChecked, sizeof(KSPROPERTY), 0, NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(5, GetExposureViaHelper, sizeof(KSPROPERTY), 0, NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(6, GetSerial, sizeof(KSPROPERTY), 8, NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: MinData 8 of property SensorSet/6 (entry 6 of 'SensorItems') is smaller than the 12 bytes handler 'GetSerial' writes through Data, and the handler does not check the buffer length
    DEFINE_KSPROPERTY_ITEM(7, NULL, sizeof(KSPROPERTY), sizeof(ULONG), SetFlags, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: MinData 4 of property SensorSet/7 (entry 7 of 'SensorItems') is smaller than the 8 bytes handler 'SetFlags' reads through Data (as 'unsigned long long')
    DEFINE_KSPROPERTY_ITEM(8, GetValue<ULONG>, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(9, GetValue<LONGLONG>, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:71: warning: MinData 4 of property SensorSet/9 (entry 9 of 'SensorItems') is smaller than the 8 bytes handler 'GetValue<long long>' writes through Data
    DEFINE_KSPROPERTY_ITEM(10, SensorPin::GetState, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // MinData 0 and no check at all: the runtime checks nothing either.
    DEFINE_KSPROPERTY_ITEM(11, SensorPin::GetMode, sizeof(KSPROPERTY), 0, NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:72: warning: MinData 0 of property SensorSet/11 (entry 11 of 'SensorItems') makes the runtime check no buffer size, but handler 'SensorPin::GetMode' writes 4 bytes through Data (as 'unsigned long') without checking the buffer length itself first: any smaller buffer is overrun
    // MinProperty below the KSPROPERTY every request carries. KSREF-EXPECT: static-only ks-property-min-size: the runtime rejects any request shorter than a KSPROPERTY itself, so a smaller MinProperty has no effect of its own
    DEFINE_KSPROPERTY_ITEM(12, SensorPin::GetState, 16, sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:53: warning: MinProperty 16 of property SensorSet/12 (entry 12 of 'SensorItems') is smaller than sizeof(KSPROPERTY) (24)
    DEFINE_KSPROPERTY_ITEM(20, GetById, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(21, GetById, sizeof(KSPROPERTY), sizeof(LONGLONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(22, GetByIdTooLarge, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:69: warning: MinData 4 of property SensorSet/22 (entry 15 of 'SensorItems') is smaller than the 16 bytes handler 'GetByIdTooLarge' writes through Data
    DEFINE_KSPROPERTY_ITEM(23, GetByIdTooLarge, sizeof(KSPROPERTY), sizeof(LONGLONG), NULL, NULL, 0, NULL, NULL, 0),
};

// A handler whose definition is not in this TU: nothing to judge.
NTSTATUS GetElsewhere(PIRP Irp, PKSPROPERTY Property, PVOID Data);
static const KSPROPERTY_ITEM ForeignItems[] = {
    DEFINE_KSPROPERTY_ITEM(0, GetElsewhere, sizeof(KSPROPERTY), 0, NULL, NULL, 0, NULL, NULL, 0),
};

static const KSPROPERTY_SET SensorSets[] = {
    DEFINE_KSPROPERTY_SET(&SensorSet, SIZEOF_ARRAY(SensorItems), SensorItems, 0, NULL),
};
