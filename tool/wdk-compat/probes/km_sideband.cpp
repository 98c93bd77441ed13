// Probe: a PortCls driver that talks to the Bluetooth HFP bypass and USB
// sideband audio interfaces (SYSVAD_BTH_BYPASS / SYSVAD_USB_SIDEBAND
// style): wdm.h, portcls.h, ksmedia.h, ntintsafe.h, then intsafe.h in
// kernel mode, bthhfpddi.h, usb.h, SidebandAudio.h, USBSidebandAudio.h.
// IOCTL codes in case labels, descriptor/parameter structures, SIOP
// request with a trailing payload, the documented controller GUID.
#include <initguid.h>
#include <wdm.h>
#include <portcls.h>
#include <ksmedia.h>
#include <ntintsafe.h>
#include <intsafe.h>
#include <bthhfpddi.h>
#include <usbspec.h>
#include <usb.h>
#include <SidebandAudio.h>
#include <USBSidebandAudio.h>

static_assert(IOCTL_SBAUD_STREAM_OPEN != IOCTL_SBAUD_STREAM_CLOSE,
              "distinct control codes");
static_assert(sizeof(HFP_BYPASS_CODEC_ID_V1) == 1, "one UCHAR codec id");

static ULONG ProbeKind(ULONG Ioctl) {
  switch (Ioctl) {
    case IOCTL_BTHHFP_DEVICE_GET_NRECDISABLE_STATUS_UPDATE: return 1;
    case IOCTL_BTHHFP_SPEAKER_GET_VOLUME_STATUS_UPDATE: return 2;
    case IOCTL_SBAUD_GET_VOLUME_STATUS_UPDATE: return 3;
    case IOCTL_SBAUD_GET_MUTE_STATUS_UPDATE: return 4;
    default: return 0;
  }
}

static BOOL ProbeHfp(PBTHHFP_DESCRIPTOR2 Descriptor, UCHAR *CodecId) {
  union {
    HFP_BYPASS_CODEC_ID_V1 V1;
    HFP_BYPASS_CODEC_ID_VERSION Version;
  } value;
  value.Version = REQ_HFP_BYPASS_CODEC_ID_V1;
  *CodecId = value.V1.CodecId;
  BTHHFP_AUDIO_DEVICE_CAPABILTIES caps = {0};
  BTHHFP_AUDIO_DEVICE_CAPABILTIES_INIT(&caps);
  caps.Supports16kHzSampling = TRUE;
  WCHAR name[BTHHFP_INTERFACE_REFSTRING_MAX_LENGTH];
  RtlZeroMemory(name, sizeof(name));
  return Descriptor->SupportsVolume && Descriptor->SupportsNREC &&
         IsEqualGUID(Descriptor->ContainerId, GUID_DEVINTERFACE_BLUETOOTH_HFP_SCO_HCIBYPASS);
}

static NTSTATUS ProbeUsb(PSIDEBANDAUDIO_ENDPOINT_DESCRIPTOR2 Ep,
                         PSIDEBANDAUDIO_SUPPORTED_FORMATS Formats,
                         PKSDATAFORMAT Format) {
  ULONG total = 0;
  if (!NT_SUCCESS(RtlULongMult(Formats->NumFormats, sizeof(PKSDATAFORMAT), &total)))
    return STATUS_INTEGER_OVERFLOW;
  if (FAILED(ULongAdd(total, sizeof(*Formats), &total)))
    return STATUS_INTEGER_OVERFLOW;
  SIZE_T bytes = 0;
  if (FAILED(SizeTMult(Ep->FilterInterfacePropertyCount, sizeof(DEVPROPERTY), &bytes)))
    return STATUS_INTEGER_OVERFLOW;

  SIDEBANDAUDIO_STREAM_OPEN_PARAMS open = {0};
  open.EpIndex = Formats->EpIndex;
  open.Format = Format;
  open.SiopCount = 0;

  struct {
    SIDEBANDAUDIO_SIOP_REQUEST_PARAM srp;
    ULONG resourceId;
  } siop = {};
  siop.srp.EpIndex = open.EpIndex;
  siop.srp.RequestedSiop.ParamSet = SIDEBANDAUDIO_PARAMS_SET_USBAUDIO;
  siop.srp.RequestedSiop.TypeId = SIOP_TYPE_USBAUD_EP_OFFLOAD_RESOURCE_ID;
  siop.srp.RequestedSiop.Size = sizeof(ULONG);
  siop.resourceId = 7;

  SIDEBANDAUDIO_VOLUME_PARAMS volume = {0};
  SIDEBANDAUDIO_MUTE_PARAMS mute = {0};
  SIDEBANDAUDIO_STREAM_STATUS_PARAMS status = {0};
  volume.Value = -96;
  mute.Value = Ep->Capabilities.Mute;
  status.Status = STATUS_DEVICE_FEATURE_NOT_SUPPORTED;
  PSIDEBANDAUDIO_EP_USBAUDIO_TRANSPORT_RESOURCES res = NULL;
  PUSBD_ENDPOINT_OFFLOAD_INFORMATION offload = NULL;
  (void)res; (void)offload; (void)volume;
  if (Ep->Capabilities.Feedback &&
      IsEqualGUID(siop.srp.RequestedSiop.ParamSet, SIDEBANDAUDIO_PARAMS_SET_USB_CONTROLLER))
    return STATUS_SUCCESS;
  return status.Status;
}

void ProbeSidebandUse(PBTHHFP_DESCRIPTOR2 d, PSIDEBANDAUDIO_ENDPOINT_DESCRIPTOR2 e,
                      PSIDEBANDAUDIO_SUPPORTED_FORMATS f, PKSDATAFORMAT k) {
  UCHAR codec = 0;
  (void)ProbeKind(0);
  (void)ProbeHfp(d, &codec);
  (void)ProbeUsb(e, f, k);
}
