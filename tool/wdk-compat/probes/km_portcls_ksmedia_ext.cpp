// Probe: newer PortCls/ksmedia names from include/portcls.h and
// include/ksmedia.h (WaveRT packet streams, stream resources, ETW helper,
// notifications, jack/RtAudio/audio-module/signal-processing ids, camera
// extended-property header). Sizes are the x64 layouts.
#include <wdm.h>
#include <portcls.h>
#include <ksmedia.h>

static_assert(sizeof(KSDATAFORMAT_WAVEFORMATEXTENSIBLE) == 104, "KSDATAFORMAT + WAVEFORMATEXTENSIBLE");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_HEADER) == 32, "camera extended header");
static_assert(sizeof(KSJACK_DESCRIPTION2) == 8, "jack description 2");
static_assert(sizeof(PCSTREAMRESOURCE_DESCRIPTOR) == 40, "stream resource descriptor");
static_assert(KSPROPERTY_RTAUDIO_PACKETVREGISTER == 13, "RtAudio id order");
static_assert(KSPROPERTY_JACK_DESCRIPTION2 == 2, "jack ids");

static const PCCONNECTION_DESCRIPTOR kConnections[] = {{0, 0, 1, 0}};
static PPCCONNECTION_DESCRIPTOR FirstConnection() {
  return const_cast<PPCCONNECTION_DESCRIPTOR>(&kConnections[0]);
}

static NTSTATUS Report(PPORTCLSETWHELPER Etw) {
  return Etw->MiniportWriteEtwEvent(eMINIPORT_GLITCH_REPORT, 0, 0, 0, 0);
}

static NTSTATUS AddThread(PDEVICE_OBJECT Pdo, PETHREAD Thread, PCSTREAMRESOURCE *Handle) {
  PCSTREAMRESOURCE_DESCRIPTOR Desc = {};
  Desc.Size = sizeof(Desc);
  Desc.Pdo = Pdo;
  Desc.Type = ePcStreamResourceThread;
  Desc.Resource.Thread = Thread;
  return PcAddStreamResource(Pdo, NULL, &Desc, Handle);
}

static NTSTATUS Packets(PMINIPORTWAVERTOUTPUTSTREAM Out, PMINIPORTAUDIOSIGNALPROCESSING Sp) {
  KSAUDIO_PRESENTATION_POSITION Pos;
  ULONG Count = 0;
  GUID Modes[2];
  ULONG ModeCount = 2;
  (void)FirstConnection();
  NTSTATUS Status = Out->GetOutputStreamPresentationPosition(&Pos);
  if (NT_SUCCESS(Status)) Status = Out->GetPacketCount(&Count);
  if (NT_SUCCESS(Status)) Status = Sp->GetModes(0, Modes, &ModeCount);
  return Status;
}

static BOOLEAN IsJack(const GUID *Set) { return IsEqualGUID(*Set, KSPROPSETID_Jack); }

extern "C" NTSTATUS KstidyProbe(PPORTCLSETWHELPER E, PDEVICE_OBJECT P, PETHREAD T,
                                PMINIPORTWAVERTOUTPUTSTREAM O,
                                PMINIPORTAUDIOSIGNALPROCESSING S) {
  PCSTREAMRESOURCE H;
  (void)IsJack(&KSPROPSETID_AudioModule);
  NTSTATUS St = Report(E);
  if (NT_SUCCESS(St)) St = AddThread(P, T, &H);
  if (NT_SUCCESS(St)) St = Packets(O, S);
  return St;
}
