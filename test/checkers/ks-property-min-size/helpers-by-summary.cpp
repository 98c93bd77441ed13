// The driver's own helpers, read through their bodies one or two calls
// deep: a helper that checks a buffer's length counts as that check (not as
// a check of the other buffer), a helper that writes through Data writes for
// the handler, at the call. A helper whose body is not in the TU still gets
// the benefit of the doubt (per-buffer-per-path.cpp, GetFocusHelperFirst).
// RUN: %check_ks ks-property-min-size %s
#include <ntddk.h>
#include <ks.h>
#include <portcls.h>

static const GUID IrisSet = {0x34, 0, 0, {0, 0, 0, 0, 0, 0, 0, 8}};

typedef struct {
  LONGLONG Aperture;
  ULONG Mode;
  ULONG Reserved;
} IRIS_STATE; // 16 bytes

#define DEVICE_IO(Irp) IoGetCurrentIrpStackLocation(Irp)->Parameters.DeviceIoControl

static NTSTATUS NeedOutput(PIRP Irp, ULONG Size) {
  if (DEVICE_IO(Irp).OutputBufferLength < Size)
    return STATUS_BUFFER_TOO_SMALL;
  return STATUS_SUCCESS;
}

static NTSTATUS NeedInput(PIRP Irp, ULONG Size) {
  if (DEVICE_IO(Irp).InputBufferLength < Size)
    return STATUS_INVALID_PARAMETER;
  return STATUS_SUCCESS;
}

static void FillIris(PVOID Buffer) {
  *(IRIS_STATE *)Buffer = IRIS_STATE();
}

static NTSTATUS FillIrisChecked(PIRP Irp, PVOID Buffer) {
  if (DEVICE_IO(Irp).OutputBufferLength < sizeof(IRIS_STATE))
    return STATUS_BUFFER_TOO_SMALL;
  *(IRIS_STATE *)Buffer = IRIS_STATE();
  return STATUS_SUCCESS;
}

static void FillIrisThroughMiddle(PIRP Irp, PVOID Buffer) {
  FillIris(Buffer);
}

// The helper checks the output length: silent.
static NTSTATUS GetIrisOutputHelper(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  NTSTATUS Status = NeedOutput(Irp, sizeof(IRIS_STATE));
  if (!NT_SUCCESS(Status))
    return Status;
  *(IRIS_STATE *)Data = IRIS_STATE();
  return STATUS_SUCCESS;
}

// The helper checks the input length only: the write to Data is unchecked.
static NTSTATUS GetIrisInputHelper(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  NTSTATUS Status = NeedInput(Irp, sizeof(KSPROPERTY));
  if (!NT_SUCCESS(Status))
    return Status;
  *(IRIS_STATE *)Data = IRIS_STATE();
  return STATUS_SUCCESS;
}

// Data handed to a helper that writes it, nothing checked.
static NTSTATUS GetIrisFill(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  FillIris(Data);
  return STATUS_SUCCESS;
}

// The same after the handler's own check: silent.
static NTSTATUS GetIrisCheckThenFill(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  if (DEVICE_IO(Irp).OutputBufferLength < sizeof(IRIS_STATE))
    return STATUS_BUFFER_TOO_SMALL;
  FillIris(Data);
  return STATUS_SUCCESS;
}

// The helper checks before it writes: silent.
static NTSTATUS GetIrisFillChecked(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  return FillIrisChecked(Irp, Data);
}

// Two calls deep, nothing checked.
static NTSTATUS GetIrisTwoDeep(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  FillIrisThroughMiddle(Irp, Data);
  return STATUS_SUCCESS;
}

static const KSPROPERTY_ITEM IrisItems[] = {
    DEFINE_KSPROPERTY_ITEM(0, GetIrisOutputHelper, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(1, GetIrisInputHelper, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:71: warning: MinData 4 of property IrisSet/1 (entry 1 of 'IrisItems') is smaller than the 16 bytes handler 'GetIrisInputHelper' writes through Data (as 'IRIS_STATE'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 12 bytes past its end [ks-property-min-size]
    // CHECK-MESSAGES: :62:4: note: 'GetIrisInputHelper' writes 16 bytes here (as 'IRIS_STATE')
    DEFINE_KSPROPERTY_ITEM(2, GetIrisFill, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:64: warning: MinData 4 of property IrisSet/2 (entry 2 of 'IrisItems') is smaller than the 16 bytes handler 'GetIrisFill' writes through Data (as 'IRIS_STATE'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 12 bytes past its end [ks-property-min-size]
    // CHECK-MESSAGES: :34:4: note: 'GetIrisFill' writes 16 bytes here (as 'IRIS_STATE')
    DEFINE_KSPROPERTY_ITEM(3, GetIrisCheckThenFill, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(4, GetIrisFillChecked, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(5, GetIrisTwoDeep, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:67: warning: MinData 4 of property IrisSet/5 (entry 5 of 'IrisItems') is smaller than the 16 bytes handler 'GetIrisTwoDeep' writes through Data (as 'IRIS_STATE'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 12 bytes past its end [ks-property-min-size]
    // CHECK-MESSAGES: :34:4: note: 'GetIrisTwoDeep' writes 16 bytes here (as 'IRIS_STATE')
};

static const KSPROPERTY_SET IrisSets[] = {
    DEFINE_KSPROPERTY_SET(&IrisSet, SIZEOF_ARRAY(IrisItems), IrisItems, 0, NULL),
};

NTSTATUS IrisDispatch(PIRP Irp) {
  return KsPropertyHandler(Irp, SIZEOF_ARRAY(IrisSets), IrisSets);
}

// PortCls: a validation helper given the request.
static NTSTATUS NeedValue(PPCPROPERTY_REQUEST Request, ULONG Size) {
  if (Request->ValueSize < Size)
    return STATUS_BUFFER_TOO_SMALL;
  return STATUS_SUCCESS;
}
static NTSTATUS NeedInstance(PPCPROPERTY_REQUEST Request, ULONG Size) {
  if (Request->InstanceSize < Size)
    return STATUS_INVALID_PARAMETER;
  return STATUS_SUCCESS;
}
static NTSTATUS NTAPI PcIrisValueHelper(PPCPROPERTY_REQUEST Request) {
  if (!NT_SUCCESS(NeedValue(Request, sizeof(LONG))))
    return STATUS_BUFFER_TOO_SMALL;
  *(PLONG)Request->Value = 0;
  return STATUS_SUCCESS;
}
static NTSTATUS NTAPI PcIrisInstanceHelper(PPCPROPERTY_REQUEST Request) {
  if (!NT_SUCCESS(NeedInstance(Request, sizeof(LONG))))
    return STATUS_INVALID_PARAMETER;
  *(PLONG)Request->Value = 0;
  return STATUS_SUCCESS;
}
// A helper that computes an address in Value, and checks ValueSize before
// it writes there: silent.
static NTSTATUS PcIrisTrailer(PPCPROPERTY_REQUEST Request, ULONG Offset) {
  PLONG Trailer = (PLONG)((PBYTE)Request->Value + Offset);
  if (Request->ValueSize < Offset + sizeof(LONG))
    return STATUS_BUFFER_TOO_SMALL;
  *Trailer = 0;
  return STATUS_SUCCESS;
}
static NTSTATUS NTAPI PcIrisAddressHelper(PPCPROPERTY_REQUEST Request) {
  return PcIrisTrailer(Request, 8);
}
static const PCPROPERTY_ITEM PcIrisItems[] = {
    {&IrisSet, 10, KSPROPERTY_TYPE_GET, PcIrisValueHelper},
    {&IrisSet, 12, KSPROPERTY_TYPE_GET, PcIrisAddressHelper},
    {&IrisSet, 11, KSPROPERTY_TYPE_GET, PcIrisInstanceHelper},
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property IrisSet/11 (entry 2 of 'PcIrisItems'): handler 'PcIrisInstanceHelper' accesses 4 bytes through PropertyRequest->Value (as 'LONG') without checking ValueSize first, and PortCls checks no buffer size for it: a smaller buffer from the caller is overrun [ks-property-min-size]
    // CHECK-MESSAGES: :134:4: note: 'PcIrisInstanceHelper' accesses 4 bytes here (as 'LONG')
};
DEFINE_PCAUTOMATION_TABLE_PROP(PcIrisAutomation, PcIrisItems);
