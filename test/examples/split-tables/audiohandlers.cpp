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
