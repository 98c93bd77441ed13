// The handlers of tonetables.h and the dispatch that walks its sets.
#include "tonetables.h"

NTSTATUS GetToneLevel(PIRP, PKSPROPERTY, PVOID Data) {
  *static_cast<LONG *>(Data) = 0;
  return STATUS_SUCCESS;
}

NTSTATUS GetToneMute(PIRP, PKSPROPERTY, PVOID Data) {
  *static_cast<BOOL *>(Data) = FALSE;
  return STATUS_SUCCESS;
}

NTSTATUS ToneDispatch(PIRP Irp) {
  return KsPropertyHandler(Irp, SIZEOF_ARRAY(ToneSets), ToneSets);
}
