// Probe: an AVStream camera driver's extended controls (avscamera style):
// wdm.h, windef.h, ks.h, ksmedia.h, then kstidy-ksmedia-camera.h's
// declarations: extended-property payloads, per-frame settings, frame
// metadata, profiles, the Windows 8 per-control property sets, image pin
// formats, and the property/event-set GUIDs in static initializers.
#include <wdm.h>
#include <windef.h>
#include <ks.h>
#include <ksmedia.h>

// x64 sizes of the documented layouts.
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_VIDEOPROCSETTING) == 32, "layout");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_EVCOMPENSATION) == 24, "layout");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_FIELDOFVIEW) == 16, "layout");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_CAMERAOFFSET) == 16, "layout");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_PHOTOMODE) == 16, "layout");
static_assert(sizeof(KSCAMERA_MAXVIDEOFPS_FORPHOTORES) == 24, "layout");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_METADATAINFO) == 8, "layout");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_PROFILE) == 24, "layout");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_ROI_INFO) == 32, "layout");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_ROI_FOCUS) == 40, "layout");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_ROI_CONFIGCAPSHEADER) == 16, "layout");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_ROI_CONFIGCAPS) == 16, "layout");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_ROI_ISPCONTROLHEADER) == 16, "layout");
static_assert(sizeof(KSCAMERA_EXTENDEDPROP_ROI_ISPCONTROL) == 16, "layout");
static_assert(sizeof(KSCAMERA_PERFRAMESETTING_HEADER) == 40, "layout");
static_assert(sizeof(KSCAMERA_PERFRAMESETTING_ITEM_HEADER) == 16, "layout");
static_assert(sizeof(KSCAMERA_PERFRAMESETTING_CAP_HEADER) == 16, "layout");
static_assert(sizeof(KSCAMERA_PERFRAMESETTING_FRAME_HEADER) == 16, "layout");
static_assert(sizeof(KSCAMERA_PERFRAMESETTING_CUSTOM_ITEM) == 24, "layout");
static_assert(sizeof(KSCAMERA_METADATA_ITEMHEADER) == 8, "layout");
static_assert(sizeof(KSCAMERA_METADATA_PHOTOCONFIRMATION) == 16, "layout");
static_assert(sizeof(KSCAMERA_METADATA_FRAMEILLUMINATION) == 16, "layout");
static_assert(sizeof(KSCAMERA_METADATA_CAPTURESTATS) == 80, "layout");
static_assert(sizeof(KSSTREAM_METADATA_INFO) == 32, "layout");
static_assert(sizeof(KSCAMERA_PROFILE_MEDIAINFO) == 40, "layout");
static_assert(sizeof(KSCAMERA_PROFILE_PININFO) == 32, "layout");
static_assert(sizeof(KSCAMERA_PROFILE_INFO) == 32, "layout");
static_assert(sizeof(KSCAMERA_PROFILE_CONCURRENCYINFO) == 32, "layout");
static_assert(sizeof(KSDEVICE_PROFILE_INFO) == 56, "layout");
static_assert(sizeof(KSPROPERTY_CAMERACONTROL_FLASH_S) == 8, "layout");
static_assert(sizeof(KSPROPERTY_CAMERACONTROL_VIDEOSTABILIZATION_MODE_S) == 8, "layout");
static_assert(sizeof(KSPROPERTY_CAMERACONTROL_REGION_OF_INTEREST_S) == 32, "layout");
static_assert(sizeof(KSPROPERTY_CAMERACONTROL_IMAGE_PIN_CAPABILITY_S) == 8, "layout");
static_assert(sizeof(KS_DATAFORMAT_IMAGEINFO) == 64 + 40, "layout");

// Documented values.
static_assert(KSPROPERTY_CAMERACONTROL_EXTENDED_FOCUSMODE == 13 &&
              KSPROPERTY_CAMERACONTROL_EXTENDED_PROFILE == 34 &&
              KSPROPERTY_CAMERACONTROL_EXTENDED_END == 44, "ids");
static_assert(KSCAMERA_EXTENDEDPROP_ISO_MANUAL == 0x0080000000000000ULL, "flag");
static_assert(KSCAMERA_PERFRAMESETTING_MANUAL == 0x200000000ULL, "flag");
static_assert(MetadataId_CaptureStats == 3 && MetadataId_Standard_End == 8, "ids");
static_assert(KS_VideoControlFlag_StartPhotoSequenceCapture == 0x100, "flag");

static const GUID ProbeImagePinName = {STATIC_PINNAME_IMAGE};
static const GUID ProbeImageSpecifier = {STATICGUIDOF(KSDATAFORMAT_SPECIFIER_IMAGE)};
static const GUID ProbeExtSet = {STATIC_KSPROPERTYSETID_ExtendedCameraControl};

static NTSTATUS ProbeFocus(KSCAMERA_EXTENDEDPROP_HEADER *Header) {
  auto *Setting = reinterpret_cast<KSCAMERA_EXTENDEDPROP_VIDEOPROCSETTING *>(Header + 1);
  if (Header->Size < sizeof(*Header) + sizeof(*Setting)) return STATUS_BUFFER_TOO_SMALL;
  if ((Header->Flags & KSCAMERA_EXTENDEDPROP_FOCUS_MODE_MASK) == KSCAMERA_EXTENDEDPROP_FOCUS_CONTINUOUS)
    Setting->VideoProc.Value.ul = KSCAMERA_EXTENDEDPROP_FOCUSSTATE_SEARCHING;
  Header->Capability = KSCAMERA_EXTENDEDPROP_VIDEOPROCFLAG_AUTO |
                       KSCAMERA_EXTENDEDPROP_CAPS_ASYNCCONTROL;
  return STATUS_SUCCESS;
}

static void ProbeMetadata(PKSSTREAM_METADATA_INFO Info) {
  auto *Stats = static_cast<PKSCAMERA_METADATA_CAPTURESTATS>(Info->SystemVa);
  Stats->Header.MetadataId = MetadataId_CaptureStats;
  Stats->Header.Size = sizeof(*Stats);
  Stats->Flags = KSCAMERA_METADATA_CAPTURESTATS_FLAG_EXPOSURETIME;
  Info->UsedSize = Stats->Header.Size;
}

static KSCAMERA_PROFILE_MEDIAINFO ProbeMedia[] = {{{1920, 1080}, {30, 1}, 0, 0, 0, 0, 0}};
static KSCAMERA_PROFILE_PININFO ProbePins[] = {
    {STATIC_PINNAME_VIDEO_CAPTURE, {{0, KSCameraProfileSensorType_RGB}}, 1, ProbeMedia}};

static BOOLEAN ProbeIsExtended(const GUID *Set) {
  return IsEqualGUID(*Set, KSPROPERTYSETID_ExtendedCameraControl) ||
         IsEqualGUID(*Set, KSPROPERTYSETID_PerFrameSettingControl) ||
         IsEqualGUID(*Set, PROPSETID_VIDCAP_CAMERACONTROL_REGION_OF_INTEREST) ||
         IsEqualGUID(*Set, KSCAMERAPROFILE_Legacy) ||
         IsEqualGUID(*Set, KSCATEGORY_SENSOR_CAMERA) ||
         IsEqualGUID(*Set, ProbeImagePinName) || IsEqualGUID(*Set, ProbeImageSpecifier) ||
         IsEqualGUID(*Set, ProbeExtSet);
}

void ProbeUse() {
  (void)ProbeFocus;
  (void)ProbeMetadata;
  (void)ProbeIsExtended;
  (void)ProbePins;
}
