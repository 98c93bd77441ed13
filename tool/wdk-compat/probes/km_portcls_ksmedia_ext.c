/* Probe (C): the portcls.h/ksmedia.h additions parse in kernel C too. */
#include <wdm.h>
#include <portcls.h>
#include <ksmedia.h>

_Static_assert(sizeof(KSDATAFORMAT_WAVEFORMATEXTENSIBLE) == 104, "KSDATAFORMAT + WAVEFORMATEXTENSIBLE");
_Static_assert(sizeof(KSRTAUDIO_BUFFER_PROPERTY_WITH_NOTIFICATION) == 40, "buffer property");

NTSTATUS KstidyProbeC(PPORTCLSETWHELPER Etw, PPORTCLSNOTIFICATIONS Notify) {
  PPCNOTIFICATION_BUFFER Buffer = NULL;
  NTSTATUS Status = Etw->lpVtbl->MiniportWriteEtwEvent(Etw, eMINIPORT_IHV_DEFINED, 0, 0, 0, 0);
  if (NT_SUCCESS(Status))
    Status = Notify->lpVtbl->AllocNotificationBuffer(Notify, NonPagedPoolNx, 64, &Buffer);
  if (NT_SUCCESS(Status))
    Notify->lpVtbl->FreeNotificationBuffer(Notify, Buffer);
  return Status;
}
