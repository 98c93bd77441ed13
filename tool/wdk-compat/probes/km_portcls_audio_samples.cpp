// Probe: kernel-mode audio miniport in the style of the WDK SYSVAD /
// SimpleAudioSample drivers: wdm.h + portcls.h + stdunk.h + ksmedia.h +
// MsApoFxProxy.h, the newer ksmedia.h sets/ids/structures with their values,
// static KSATTRIBUTE tables from STATIC_ GUIDs, IMP_IMiniportTopology,
// IPortClsRuntimePower, x64 KeSaveFloatingPointState, std::align_val_t.
#include <wdm.h>
#include <portcls.h>
#include <stdunk.h>
#include <ksmedia.h>
#include <MsApoFxProxy.h>

static_assert(sizeof(KSAUDIO_MICROPHONE_COORDINATES) == 12, "mic coordinates");
static_assert(sizeof(KSAUDIO_MIC_ARRAY_GEOMETRY) == 30, "mic array geometry");
static_assert(sizeof(KSSOUNDDETECTORPROPERTY) == 40, "sound detector property");
static_assert(sizeof(SOUNDDETECTOR_PATTERNHEADER) == 20, "pattern header");
static_assert(sizeof(KSAUDIOENGINE_DESCRIPTOR) == 12, "engine descriptor");
static_assert(sizeof(KSAUDIOENGINE_VOLUMELEVEL) == 16, "engine volume level");
static_assert(sizeof(KSAUDIO_PACKETSIZE_CONSTRAINTS2) == 40, "packet constraints");
static_assert(sizeof(INTERLEAVED_AUDIO_FORMAT_INFORMATION) == 28, "interleaved");
static_assert(sizeof(AUDIORESOURCEMANAGEMENT_RESOURCEGROUP) == 516, "resource group");
static_assert(sizeof(KSP_PINMODE) == 48, "KSP_PINMODE");
static_assert(sizeof(KSJACK_DESCRIPTION3) == 4, "jack description 3");
static_assert(KSPROPERTY_AUDIO_MIC_ARRAY_GEOMETRY == 51 && KSPROPERTY_AUDIO_PEAKMETER2 == 55 &&
              KSPROPERTY_AUDIO_MIC_SENSITIVITY2 == 60, "audio ids");
static_assert(KSPROPERTY_PIN_PROPOSEDATAFORMAT2 == 15, "pin id");
static_assert(KSPROPERTY_JACK_DESCRIPTION3 == 5, "jack id");
static_assert(KSPROPERTY_SOUNDDETECTOR_STREAMINGSUPPORT == 6, "sound detector id");
static_assert(KSPROPERTY_AUDIOENGINE_VOLUMELEVEL == 9, "audio engine id");
static_assert(KSPROPERTY_AUDIOEFFECTSDISCOVERY_EFFECTSLIST == 1, "effects list id");
static_assert(RTL_QUERY_REGISTRY_TYPECHECK == 0x100 && RTL_QUERY_REGISTRY_TYPECHECK_SHIFT == 24, "typecheck");
static_assert(UINT32_MAX == 0xffffffffU, "UINT32_MAX");

// Static attribute list as in the samples' wave tables.
static KSATTRIBUTE_AUDIOSIGNALPROCESSING_MODE ModeAttribute = {
    {sizeof(KSATTRIBUTE_AUDIOSIGNALPROCESSING_MODE), 0,
     STATICGUIDOF(KSATTRIBUTEID_AUDIOSIGNALPROCESSING_MODE)},
    STATIC_AUDIO_SIGNALPROCESSINGMODE_RAW};
static const GUID Subtypes[] = {
    {STATIC_KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_MLP},
    {STATIC_KSDATAFORMAT_SUBTYPE_IEC61937_DTS_HD},
    {STATIC_KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_MAT21}};

static PCPROPERTY_ITEM Properties[] = {
    {&KSPROPSETID_Jack, KSPROPERTY_JACK_DESCRIPTION3, KSPROPERTY_TYPE_GET, NULL},
    {&KSPROPSETID_SoundDetector2, KSPROPERTY_SOUNDDETECTOR_ARMED, KSPROPERTY_TYPE_GET, NULL},
    {&KSPROPSETID_AudioEffectsDiscovery, KSPROPERTY_AUDIOEFFECTSDISCOVERY_EFFECTSLIST,
     KSPROPERTY_TYPE_GET, NULL},
    {&KSPROPSETID_AudioPosture, KSPROPERTY_AUDIOPOSTURE_ORIENTATION, KSPROPERTY_TYPE_SET, NULL},
};
DEFINE_PCAUTOMATION_TABLE_PROP(AutomationTable, Properties);

class CProbeTopology : public IMiniportTopology, public CUnknown {
public:
  DECLARE_STD_UNKNOWN();
  CProbeTopology(PUNKNOWN Outer) : CUnknown(Outer) {}
  IMP_IMiniportTopology;
};

static NTSTATUS NTAPI PowerControl(LPCGUID, PVOID, SIZE_T, PVOID, SIZE_T, PSIZE_T, PVOID) {
  return STATUS_SUCCESS;
}

NTSTATUS ProbeRuntimePower(PUNKNOWN Port, PDEVICE_OBJECT Fdo) {
  PPORTCLSRUNTIMEPOWER Power = NULL;
  PDEVICE_OBJECT Pdo = NULL;
  PCSTREAMRESOURCE_DESCRIPTOR Res;
  KFLOATING_SAVE Fp;
  NTSTATUS Status = Port->QueryInterface(IID_IPortClsRuntimePower, (PVOID *)&Power);
  if (NT_SUCCESS(Status)) {
    Status = Power->RegisterPowerControlCallback(Fdo, &PowerControl, NULL);
    Power->Release();
  }
  PcGetPhysicalDeviceObject(Fdo, &Pdo);
  PCSTREAMRESOURCE_DESCRIPTOR_INIT(&Res);
  if (NT_SUCCESS(KeSaveFloatingPointState(&Fp)))
    KeRestoreFloatingPointState(&Fp);
  KSAUDIO_MIC_ARRAY_GEOMETRY Geometry = {};
  Geometry.usMicArrayType = KSMICARRAY_MICARRAYTYPE_LINEAR;
  Geometry.KsMicCoord[0].usType = KSMICARRAY_MICTYPE_CARDIOID;
  (void)ModeAttribute; (void)Subtypes; (void)AutomationTable;
  return IsEqualGUID(AUDIO_EFFECT_TYPE_ACOUSTIC_ECHO_CANCELLATION, KSNODETYPE_AUDIO_ENGINE)
             ? STATUS_UNSUCCESSFUL : Status;
}

// Aligned delete declared the way the samples' NewDelete.h does (MSVC names
// std::align_val_t without <new>).
void __cdecl operator delete(PVOID p, size_t cb, std::align_val_t a);

// Offloaded-audio helper interfaces: a WaveRT miniport and stream implementing
// IMiniportAudioEngineNode / IMiniportStreamAudioEngineNode(2) with the IMP_
// macros, out-of-line definitions with the documented parameter types, and an
// adapter implementing IAdapterPowerManagement3.
class ProbeEngineMiniport : public IMiniportAudioEngineNode {
public:
  STDMETHODIMP_(NTSTATUS) QueryInterface(REFIID, PVOID *) { return STATUS_NOT_IMPLEMENTED; }
  STDMETHODIMP_(ULONG) AddRef() { return 1; }
  STDMETHODIMP_(ULONG) Release() { return 1; }
  IMP_IMiniportAudioEngineNode;
};
NTSTATUS ProbeEngineMiniport::GetDeviceChannelCount(ULONG, eChannelTargetType targetType,
                                                    UINT32 *pulChannelCount) {
  *pulChannelCount = (targetType == ePeakMeterAttribute) ? 2 : 1;
  return STATUS_SUCCESS;
}
NTSTATUS ProbeEngineMiniport::GetEngineFormatSize(ULONG, eEngineFormatType formatType,
                                                  ULONG *pulFormatSize) {
  *pulFormatSize = formatType == eSupportedDeviceFormats
                       ? (ULONG)(sizeof(KSMULTIPLE_ITEM) + sizeof(KSDATAFORMAT_WAVEFORMATEX))
                       : (ULONG)sizeof(KSDATAFORMAT_WAVEFORMATEX);
  return STATUS_SUCCESS;
}
NTSTATUS ProbeEngineMiniport::GetGfxState(ULONG, BOOL *pbEnable) {
  *pbEnable = FALSE;
  return STATUS_SUCCESS;
}

class ProbeEngineStream : public IMiniportStreamAudioEngineNode,
                          public IMiniportStreamAudioEngineNode2 {
public:
  STDMETHODIMP_(NTSTATUS) QueryInterface(REFIID, PVOID *) { return STATUS_NOT_IMPLEMENTED; }
  STDMETHODIMP_(ULONG) AddRef() { return 1; }
  STDMETHODIMP_(ULONG) Release() { return 1; }
  IMP_IMiniportStreamAudioEngineNode;
  IMP_IMiniportStreamAudioEngineNode2;
  ULONGLONG Packets;
};
NTSTATUS ProbeEngineStream::GetStreamLinearBufferPosition(ULONGLONG *pullLinearBufferPosition) {
  *pullLinearBufferPosition = ((ULONGLONG)HIDWORD(Packets) << 32) | LODWORD(Packets);
  return STATUS_SUCCESS;
}
NTSTATUS ProbeEngineStream::SetStreamChannelVolume(UINT32, LONG, AUDIO_CURVE_TYPE CurveType,
                                                   ULONGLONG) {
  return CurveType == AUDIO_CURVE_TYPE_NONE ? STATUS_SUCCESS : STATUS_NOT_SUPPORTED;
}
NTSTATUS ProbeEngineStream::SetStreamLoopbackProtection(CONSTRICTOR_OPTION) {
  return STATUS_SUCCESS;
}
NTSTATUS ProbeEngineStream::SetStreamCurrentWritePositionForLastBuffer(ULONG) {
  return STATUS_SUCCESS;
}

class ProbePower3 : public IAdapterPowerManagement3 {
public:
  STDMETHODIMP_(NTSTATUS) QueryInterface(REFIID, PVOID *) { return STATUS_NOT_IMPLEMENTED; }
  STDMETHODIMP_(ULONG) AddRef() { return 1; }
  STDMETHODIMP_(ULONG) Release() { return 1; }
  IMP_IAdapterPowerManagement3;
};
void ProbePower3::PowerChangeState3(DEVICE_POWER_STATE, SYSTEM_POWER_STATE, PC_EXIT_LATENCY) {}

NTSTATUS ProbeEngineQuery(PUNKNOWN Miniport, PPORTCLSNOTIFICATIONS Notify,
                          PPCNOTIFICATION_BUFFER Buffer) {
  PMINIPORTAUDIOENGINENODE Node = NULL;
  PMINIPORTSTREAMAUDIOENGINENODE2 Node2 = NULL;
  static const GUID *const HeadsetTypes[] = {&KSNODETYPE_HEADSET_MICROPHONE,
                                             &KSNODETYPE_HEADSET_SPEAKERS};
  (void)HeadsetTypes;
  Notify->SendNotification(&KSNOTIFICATIONID_AudioModule, Buffer);
  NTSTATUS Status = Miniport->QueryInterface(IID_IMiniportAudioEngineNode, (PVOID *)&Node);
  if (NT_SUCCESS(Status))
    Status = Miniport->QueryInterface(IID_IMiniportStreamAudioEngineNode2, (PVOID *)&Node2);
  return Status;
}
static_assert(eVolumeAttribute == 0 && ePeakMeterAttribute == 2, "eChannelTargetType");
static_assert(eMixFormat == 0 && eSupportedDeviceFormats == 2, "eEngineFormatType");
static_assert(PcExitLatencyInstant == 0 && PcExitLatencyResponsive == 2, "PC_EXIT_LATENCY");
static_assert(LODWORD(0x123456789ULL) == 0x23456789UL && HIDWORD(0x123456789ULL) == 1, "LODWORD");
