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
