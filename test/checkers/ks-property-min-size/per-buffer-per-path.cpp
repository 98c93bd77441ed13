// Each buffer by its own length, and a length check only where it runs
// before the access on every path: the property argument by
// InputBufferLength, Data by OutputBufferLength, PortCls's Value by
// ValueSize.
// RUN: %check_ks ks-property-min-size %s
#include <ntddk.h>
#include <ks.h>
#include <portcls.h>

static const GUID CameraSet = {0x32, 0, 0, {0, 0, 0, 0, 0, 0, 0, 6}};

typedef struct {
  LONGLONG Position;
  ULONG Flags;
  ULONG Reserved;
} FOCUS_STATE; // 16 bytes

#define DEVICE_IO(Irp) IoGetCurrentIrpStackLocation(Irp)->Parameters.DeviceIoControl

// Checks the output length, then reads a KSP_PIN: the input is unchecked.
static NTSTATUS GetPinFocusOutputOnly(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  if (DEVICE_IO(Irp).OutputBufferLength < sizeof(ULONG))
    return STATUS_BUFFER_TOO_SMALL;
  PKSP_PIN Pin = (PKSP_PIN)Property;
  *(PULONG)Data = Pin->PinId;
  return STATUS_SUCCESS;
}

// Checks the input length first: silent.
static NTSTATUS GetPinFocusInputFirst(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  if (DEVICE_IO(Irp).InputBufferLength < sizeof(KSP_PIN))
    return STATUS_BUFFER_TOO_SMALL;
  PKSP_PIN Pin = (PKSP_PIN)Property;
  *(PULONG)Data = Pin->PinId;
  return STATUS_SUCCESS;
}

// Writes, then checks: the write already overran.
static NTSTATUS GetFocusCheckAfter(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  *(FOCUS_STATE *)Data = FOCUS_STATE();
  if (DEVICE_IO(Irp).OutputBufferLength < sizeof(FOCUS_STATE))
    return STATUS_BUFFER_TOO_SMALL;
  return STATUS_SUCCESS;
}

// The check is on the other branch than the write.
static NTSTATUS GetFocusOtherBranch(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  if (Property->Flags & KSPROPERTY_TYPE_TOPOLOGY) {
    if (DEVICE_IO(Irp).OutputBufferLength < sizeof(FOCUS_STATE))
      return STATUS_BUFFER_TOO_SMALL;
  } else {
    *(FOCUS_STATE *)Data = FOCUS_STATE();
  }
  return STATUS_SUCCESS;
}

// A check on each branch, both before the write: silent.
static NTSTATUS GetFocusEachBranch(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  if (Property->Flags & KSPROPERTY_TYPE_TOPOLOGY) {
    if (DEVICE_IO(Irp).OutputBufferLength < sizeof(FOCUS_STATE))
      return STATUS_BUFFER_TOO_SMALL;
  } else if (DEVICE_IO(Irp).OutputBufferLength == 0) {
    Irp->IoStatus.Information = sizeof(FOCUS_STATE);
    return STATUS_BUFFER_OVERFLOW;
  } else if (DEVICE_IO(Irp).OutputBufferLength < sizeof(FOCUS_STATE)) {
    return STATUS_BUFFER_TOO_SMALL;
  }
  *(FOCUS_STATE *)Data = FOCUS_STATE();
  return STATUS_SUCCESS;
}

// Hands the IRP to a helper only after the write: no excuse.
NTSTATUS CompleteFocusRequest(PIRP Irp);
static NTSTATUS GetFocusHelperAfter(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  *(FOCUS_STATE *)Data = FOCUS_STATE();
  return CompleteFocusRequest(Irp);
}

// A helper that may validate, called before the write: silent.
NTSTATUS ValidateFocusRequest(PIRP Irp);
static NTSTATUS GetFocusHelperFirst(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  NTSTATUS Status = ValidateFocusRequest(Irp);
  if (!NT_SUCCESS(Status))
    return Status;
  *(FOCUS_STATE *)Data = FOCUS_STATE();
  return STATUS_SUCCESS;
}

// Casts Data to its struct first, checks, then writes through the local:
// the write is where the local is used, after the check: silent.
static NTSTATUS GetFocusCastFirst(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  FOCUS_STATE *State = (FOCUS_STATE *)Data;
  ULONG Length = DEVICE_IO(Irp).OutputBufferLength;
  if (Length < sizeof(FOCUS_STATE))
    return STATUS_BUFFER_TOO_SMALL;
  State->Position = 0;
  State->Flags = 0;
  return STATUS_SUCCESS;
}

// The same, but one use of the local comes before the check.
static NTSTATUS GetFocusCastUseFirst(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  FOCUS_STATE *State = (FOCUS_STATE *)Data;
  State->Flags = 0;
  if (DEVICE_IO(Irp).OutputBufferLength < sizeof(FOCUS_STATE))
    return STATUS_BUFFER_TOO_SMALL;
  State->Position = 0;
  return STATUS_SUCCESS;
}

static const KSPROPERTY_ITEM FocusItems[] = {
    DEFINE_KSPROPERTY_ITEM(0, GetPinFocusOutputOnly, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: MinProperty 24 of property CameraSet/0 (entry 0 of 'FocusItems') is smaller than the 32 bytes handler 'GetPinFocusOutputOnly' reads its property argument as 'KSP_PIN', and the handler does not check the input length before that read: a 24-byte request passes the runtime's check and the handler reads 8 bytes past it [ks-property-min-size]
    // CHECK-MESSAGES: :24:18: note: 'GetPinFocusOutputOnly' reads 32 bytes here (as 'KSP_PIN')
    DEFINE_KSPROPERTY_ITEM(1, GetPinFocusInputFirst, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(2, GetFocusCheckAfter, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:71: warning: MinData 4 of property CameraSet/2 (entry 2 of 'FocusItems') is smaller than the 16 bytes handler 'GetFocusCheckAfter' writes through Data (as 'FOCUS_STATE'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 12 bytes past its end [ks-property-min-size]
    // CHECK-MESSAGES: :40:4: note: 'GetFocusCheckAfter' writes 16 bytes here (as 'FOCUS_STATE')
    DEFINE_KSPROPERTY_ITEM(3, GetFocusOtherBranch, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:72: warning: MinData 4 of property CameraSet/3 (entry 3 of 'FocusItems') is smaller than the 16 bytes handler 'GetFocusOtherBranch' writes through Data (as 'FOCUS_STATE'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 12 bytes past its end [ks-property-min-size]
    // CHECK-MESSAGES: :52:6: note: 'GetFocusOtherBranch' writes 16 bytes here (as 'FOCUS_STATE')
    DEFINE_KSPROPERTY_ITEM(4, GetFocusEachBranch, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(5, GetFocusHelperAfter, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:72: warning: MinData 4 of property CameraSet/5 (entry 5 of 'FocusItems') is smaller than the 16 bytes handler 'GetFocusHelperAfter' writes through Data (as 'FOCUS_STATE'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 12 bytes past its end [ks-property-min-size]
    // CHECK-MESSAGES: :75:4: note: 'GetFocusHelperAfter' writes 16 bytes here (as 'FOCUS_STATE')
    DEFINE_KSPROPERTY_ITEM(6, GetFocusHelperFirst, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(7, GetFocusCastFirst, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(8, GetFocusCastUseFirst, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:73: warning: MinData 4 of property CameraSet/8 (entry 8 of 'FocusItems') is smaller than the 16 bytes handler 'GetFocusCastUseFirst' writes through Data (as 'FOCUS_STATE'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 12 bytes past its end [ks-property-min-size]
    // CHECK-MESSAGES: :103:24: note: 'GetFocusCastUseFirst' writes 16 bytes here (as 'FOCUS_STATE')
};

static const KSPROPERTY_SET CameraSets[] = {
    DEFINE_KSPROPERTY_SET(&CameraSet, SIZEOF_ARRAY(FocusItems), FocusItems, 0, NULL),
};

NTSTATUS CameraDispatch(PIRP Irp) {
  return KsPropertyHandler(Irp, SIZEOF_ARRAY(CameraSets), CameraSets);
}

// PortCls: ValueSize only counts before the access.
static NTSTATUS NTAPI PcGetLevelCheckAfter(PPCPROPERTY_REQUEST Request) {
  *(PLONG)Request->Value = 0;
  if (Request->ValueSize < sizeof(LONG))
    return STATUS_BUFFER_TOO_SMALL;
  Request->ValueSize = sizeof(LONG);
  return STATUS_SUCCESS;
}
static NTSTATUS NTAPI PcGetLevelCheckFirst(PPCPROPERTY_REQUEST Request) {
  if (Request->ValueSize < sizeof(LONG))
    return STATUS_BUFFER_TOO_SMALL;
  *(PLONG)Request->Value = 0;
  Request->ValueSize = sizeof(LONG);
  return STATUS_SUCCESS;
}
static const PCPROPERTY_ITEM LevelItems[] = {
    {&CameraSet, 1, KSPROPERTY_TYPE_GET, PcGetLevelCheckAfter},
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property CameraSet/1 (entry 0 of 'LevelItems'): handler 'PcGetLevelCheckAfter' accesses 4 bytes through PropertyRequest->Value (as 'LONG') without checking ValueSize first, and PortCls checks no buffer size for it: a smaller buffer from the caller is overrun [ks-property-min-size]
    // CHECK-MESSAGES: :143:4: note: 'PcGetLevelCheckAfter' accesses 4 bytes here (as 'LONG')
    {&CameraSet, 2, KSPROPERTY_TYPE_GET, PcGetLevelCheckFirst},
};
DEFINE_PCAUTOMATION_TABLE_PROP(LevelAutomation, LevelItems);
