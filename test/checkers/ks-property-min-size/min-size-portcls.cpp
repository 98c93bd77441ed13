// PortCls checks no buffer size: handlers must look at ValueSize.
// RUN: %check_ks ks-property-min-size %s
#include <wdm.h>
#include <ks.h>
#include <ksmedia.h>
#include <portcls.h>

static const GUID LevelSet = {0x41, 0, 0, {0, 0, 0, 0, 0, 0, 0, 6}};

// Writes a LONG, never reads ValueSize (storing it is no check).
static NTSTATUS NTAPI GetLevelUnchecked(PPCPROPERTY_REQUEST PropertyRequest) {
  *(PLONG)PropertyRequest->Value = -96;
  PropertyRequest->ValueSize = sizeof(LONG);
  return STATUS_SUCCESS;
}

static NTSTATUS NTAPI GetMuteUnchecked(PPCPROPERTY_REQUEST Request) {
  PBOOL Mute = (PBOOL)Request->Value;
  *Mute = FALSE;
  return STATUS_SUCCESS;
}

static NTSTATUS NTAPI GetMuteChecked(PPCPROPERTY_REQUEST Request) {
  if (Request->ValueSize < sizeof(BOOL)) {
    Request->ValueSize = sizeof(BOOL);
    return STATUS_BUFFER_OVERFLOW;
  }
  *(PBOOL)Request->Value = FALSE;
  return STATUS_SUCCESS;
}

NTSTATUS ValidatePropertyRequest(PPCPROPERTY_REQUEST Request, ULONG Size);
static NTSTATUS NTAPI GetPeakViaHelper(PPCPROPERTY_REQUEST Request) {
  NTSTATUS Status = ValidatePropertyRequest(Request, sizeof(LONG));
  if (NT_SUCCESS(Status))
    *(PLONG)Request->Value = 0;
  return Status;
}

static const PCPROPERTY_ITEM NodeItems[] = {
    {&LevelSet, 1, KSPROPERTY_TYPE_GET, GetLevelUnchecked},
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property LevelSet/1 (entry 0 of 'NodeItems'): handler 'GetLevelUnchecked' accesses 4 bytes through PropertyRequest->Value (as 'LONG') without checking ValueSize
    {&LevelSet, 2, KSPROPERTY_TYPE_GET, GetMuteUnchecked},
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property LevelSet/2 (entry 1 of 'NodeItems'): handler 'GetMuteUnchecked' accesses 4 bytes through PropertyRequest->Value (as 'WINBOOL') without checking ValueSize first, and PortCls checks no buffer size for it: a smaller buffer from the caller is overrun [ks-property-min-size]
    {&LevelSet, 3, KSPROPERTY_TYPE_GET, GetMuteChecked},
    {&LevelSet, 4, KSPROPERTY_TYPE_GET, GetPeakViaHelper},
};
DEFINE_PCAUTOMATION_TABLE_PROP(NodeAutomation, NodeItems);

// The extended item shape of real audio drivers: one generic handler checks
// ValueSize against the extension's MinData, then calls the extension.
typedef struct {
  PCPROPERTY_ITEM Item;
  ULONG MinProperty;
  ULONG MinData;
  PCPFNPROPERTY_HANDLER GetHandler;
  PCPFNPROPERTY_HANDLER SetHandler;
} EXT_PC_ITEM;

NTSTATUS NTAPI GenericHandler(PPCPROPERTY_REQUEST Request);

static NTSTATUS NTAPI GetLatency(PPCPROPERTY_REQUEST Request) {
  *(PLONGLONG)Request->Value = 10000;
  return STATUS_SUCCESS;
}
static NTSTATUS NTAPI GetDelay(PPCPROPERTY_REQUEST Request) {
  *(PLONGLONG)Request->Value = 20000;
  return STATUS_SUCCESS;
}
static NTSTATUS NTAPI SetChannels(PPCPROPERTY_REQUEST Request) {
  return *(PULONG)Request->Value == 2 ? STATUS_SUCCESS : STATUS_NOT_SUPPORTED;
}

static const EXT_PC_ITEM ExtItems[] = {
    {{&LevelSet, 10, KSPROPERTY_TYPE_GET, GenericHandler}, sizeof(KSPROPERTY), sizeof(ULONG), GetLatency, NULL},
    // CHECK-MESSAGES: :[[@LINE-1]]:80: warning: MinData 4 of property LevelSet/10 (entry 0 of 'ExtItems') is smaller than the 8 bytes its GetHandler 'GetLatency' accesses through PropertyRequest->Value (as 'long long'): a 4-byte value passes the driver's MinData check and the handler overruns it by 4 bytes
    {{&LevelSet, 11, KSPROPERTY_TYPE_GET, GenericHandler}, sizeof(KSPROPERTY), sizeof(LONGLONG), GetDelay, NULL},
    {{&LevelSet, 12, KSPROPERTY_TYPE_SET, GenericHandler}, sizeof(KSPROPERTY), sizeof(ULONG), NULL, SetChannels},
};
DEFINE_PCAUTOMATION_TABLE_PROP(ExtAutomation, ExtItems);
