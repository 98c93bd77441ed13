// A handler shared by several items and branching on the item id: each item
// is judged by the accesses its own id reaches (a switch on the id, with
// fallthrough and default; `==`/`!=` tests, also through a local copy of
// the id; an early return for other ids). Without such branches a shared
// handler is judged against the largest size its items declare.
// RUN: %check_ks ks-property-min-size %s
#include <ntddk.h>
#include <ks.h>
#include <portcls.h>

static const GUID LensSet = {0x33, 0, 0, {0, 0, 0, 0, 0, 0, 0, 7}};

typedef struct {
  LONGLONG Position;
  ULONG Flags;
  ULONG Reserved;
} LENS_STATE; // 16 bytes

static NTSTATUS GetLensBySwitch(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  switch (Property->Id) {
  case 0:
    *(PULONG)Data = 1;
    break;
  case 1:
    *(LENS_STATE *)Data = LENS_STATE();
    break;
  case 5:
  case 6:
    *(LENS_STATE *)Data = LENS_STATE();
    break;
  default:
    return STATUS_NOT_FOUND;
  }
  return STATUS_SUCCESS;
}

static NTSTATUS GetLensByCopy(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  const ULONG Id = Property->Id;
  if (Id == 3)
    *(LENS_STATE *)Data = LENS_STATE();
  else
    *(PULONG)Data = 0;
  return STATUS_SUCCESS;
}

static NTSTATUS GetLensDefault(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  switch (((PKSP_PIN)Property)->Property.Id) {
  case 7:
    *(PULONG)Data = 0;
    break;
  default:
    *(LENS_STATE *)Data = LENS_STATE();
    break;
  }
  return STATUS_SUCCESS;
}

static NTSTATUS GetLensEarlyReturn(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  if (Property->Id != 9)
    return STATUS_NOT_FOUND;
  *(LENS_STATE *)Data = LENS_STATE();
  return STATUS_SUCCESS;
}

// Branches on something else than the id: which item a write belongs to is
// unknown, so the largest MinData of its items covers it.
static NTSTATUS GetLensByFlags(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  if (Property->Flags & KSPROPERTY_TYPE_TOPOLOGY)
    *(LENS_STATE *)Data = LENS_STATE();
  else
    *(PULONG)Data = 0;
  return STATUS_SUCCESS;
}

// A local that holds the id but changes is not the id.
static NTSTATUS GetLensChangedCopy(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  ULONG Id = Property->Id;
  Id += 1;
  if (Id == 13)
    *(LENS_STATE *)Data = LENS_STATE();
  return STATUS_SUCCESS;
}

static const KSPROPERTY_ITEM LensItems[] = {
    DEFINE_KSPROPERTY_ITEM(0, GetLensBySwitch, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(1, GetLensBySwitch, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:68: warning: MinData 4 of property LensSet/1 (entry 1 of 'LensItems') is smaller than the 16 bytes handler 'GetLensBySwitch' writes through Data (as 'LENS_STATE'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 12 bytes past its end [ks-property-min-size]
    // CHECK-MESSAGES: :25:6: note: 'GetLensBySwitch' writes 16 bytes here (as 'LENS_STATE')
    DEFINE_KSPROPERTY_ITEM(5, GetLensBySwitch, sizeof(KSPROPERTY), sizeof(LENS_STATE), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(6, GetLensBySwitch, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:68: warning: MinData 4 of property LensSet/6 (entry 3 of 'LensItems') is smaller than the 16 bytes handler 'GetLensBySwitch' writes through Data (as 'LENS_STATE'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 12 bytes past its end [ks-property-min-size]
    // CHECK-MESSAGES: :29:6: note: 'GetLensBySwitch' writes 16 bytes here (as 'LENS_STATE')
    DEFINE_KSPROPERTY_ITEM(3, GetLensByCopy, sizeof(KSPROPERTY), sizeof(LENS_STATE), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(4, GetLensByCopy, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(7, GetLensDefault, sizeof(KSP_PIN), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(8, GetLensDefault, sizeof(KSP_PIN), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:64: warning: MinData 4 of property LensSet/8 (entry 7 of 'LensItems') is smaller than the 16 bytes handler 'GetLensDefault' writes through Data (as 'LENS_STATE'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 12 bytes past its end [ks-property-min-size]
    // CHECK-MESSAGES: :52:6: note: 'GetLensDefault' writes 16 bytes here (as 'LENS_STATE')
    DEFINE_KSPROPERTY_ITEM(9, GetLensEarlyReturn, sizeof(KSPROPERTY), sizeof(LENS_STATE), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(10, GetLensEarlyReturn, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // KSREF-EXPECT: runtime-only ks-property-min-size: a handler shared by items of different MinData that branches on something else than the id: statically the largest MinData of its items covers it
    DEFINE_KSPROPERTY_ITEM(11, GetLensByFlags, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(12, GetLensByFlags, sizeof(KSPROPERTY), sizeof(LENS_STATE), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(13, GetLensChangedCopy, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:72: warning: MinData 4 of property LensSet/13 (entry 12 of 'LensItems') is smaller than the 16 bytes handler 'GetLensChangedCopy' writes through Data (as 'LENS_STATE'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 12 bytes past its end [ks-property-min-size]
    // CHECK-MESSAGES: :80:6: note: 'GetLensChangedCopy' writes 16 bytes here (as 'LENS_STATE')
};

static const KSPROPERTY_SET LensSets[] = {
    DEFINE_KSPROPERTY_SET(&LensSet, SIZEOF_ARRAY(LensItems), LensItems, 0, NULL),
};

NTSTATUS LensDispatch(PIRP Irp) {
  return KsPropertyHandler(Irp, SIZEOF_ARRAY(LensSets), LensSets);
}

// PortCls: one handler per set, a case per item.
static NTSTATUS NTAPI PcLensHandler(PPCPROPERTY_REQUEST PropertyRequest) {
  switch (PropertyRequest->PropertyItem->Id) {
  case 20:
    if (PropertyRequest->ValueSize < sizeof(LENS_STATE))
      return STATUS_BUFFER_TOO_SMALL;
    *(LENS_STATE *)PropertyRequest->Value = LENS_STATE();
    return STATUS_SUCCESS;
  case 21:
    *(PLONG)PropertyRequest->Value = 0;
    return STATUS_SUCCESS;
  }
  return STATUS_INVALID_DEVICE_REQUEST;
}
static const PCPROPERTY_ITEM PcLensItems[] = {
    {&LensSet, 20, KSPROPERTY_TYPE_GET, PcLensHandler},
    {&LensSet, 21, KSPROPERTY_TYPE_GET, PcLensHandler},
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property LensSet/21 (entry 1 of 'PcLensItems'): handler 'PcLensHandler' accesses 4 bytes through PropertyRequest->Value (as 'LONG') without checking ValueSize first, and PortCls checks no buffer size for it: a smaller buffer from the caller is overrun [ks-property-min-size]
    // CHECK-MESSAGES: :126:6: note: 'PcLensHandler' accesses 4 bytes here (as 'LONG')
    {&LensSet, 22, KSPROPERTY_TYPE_GET, PcLensHandler},
};
DEFINE_PCAUTOMATION_TABLE_PROP(PcLensAutomation, PcLensItems);
