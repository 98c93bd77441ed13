// audiohandlers.cpp - one PortCls handler for the audio set, a case per
// item.
#include "split.h"

NTSTATUS NTAPI PcAudioHandler(PPCPROPERTY_REQUEST PropertyRequest) {
  switch (PropertyRequest->PropertyItem->Id) {
  case SPLIT_AUDIO_LEVEL:
    *(PLONG)PropertyRequest->Value = -96;
    PropertyRequest->ValueSize = sizeof(LONG);
    return STATUS_SUCCESS;
  case SPLIT_AUDIO_MUTE:
    if (PropertyRequest->ValueSize < sizeof(BOOL))
      return STATUS_BUFFER_TOO_SMALL;
    *(PBOOL)PropertyRequest->Value = FALSE;
    PropertyRequest->ValueSize = sizeof(BOOL);
    return STATUS_SUCCESS;
  }
  return STATUS_INVALID_DEVICE_REQUEST;
}

// The extended items' handlers: the generic one checks ValueSize against
// the extension's MinData; the extensions trust it.
NTSTATUS NTAPI PcExtGeneric(PPCPROPERTY_REQUEST PropertyRequest) {
  const SPLIT_EXT_ITEM *Item =
      (const SPLIT_EXT_ITEM *)PropertyRequest->PropertyItem;
  if (PropertyRequest->ValueSize < Item->MinData)
    return STATUS_BUFFER_TOO_SMALL;
  return Item->GetHandler ? Item->GetHandler(PropertyRequest)
                          : STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS NTAPI PcGetLatency(PPCPROPERTY_REQUEST PropertyRequest) {
  *(PLONGLONG)PropertyRequest->Value = 10000;
  return STATUS_SUCCESS;
}

NTSTATUS NTAPI PcGetDelay(PPCPROPERTY_REQUEST PropertyRequest) {
  *(PLONGLONG)PropertyRequest->Value = 20000;
  return STATUS_SUCCESS;
}
