/* Probe: kernel-mode C, <wdm.h> + <portcls.h>. */
#include <wdm.h>
#include <portcls.h>

static PCPROPERTY_ITEM kstidy_probe_items[1];

/* C view of the offloaded-audio helper interfaces (lpVtbl calls). */
static NTSTATUS kstidy_probe_engine(PMINIPORTAUDIOENGINENODE Node,
                                    PMINIPORTSTREAMAUDIOENGINENODE Stream,
                                    PADAPTERPOWERMANAGEMENT3 Power) {
  UINT32 Count = 0;
  ULONGLONG Pos = 0;
  eChannelTargetType Target = eMuteAttribute;
  NTSTATUS Status = Node->lpVtbl->GetDeviceChannelCount(Node, 0, Target, &Count);
  if (NT_SUCCESS(Status))
    Status = Stream->lpVtbl->GetStreamLinearBufferPosition(Stream, &Pos);
  Power->lpVtbl->PowerChangeState3(Power, PowerDeviceD0, PowerSystemWorking,
                                   PcExitLatencyFast);
  return Count == LODWORD(Pos) ? Status : STATUS_UNSUCCESSFUL;
}
