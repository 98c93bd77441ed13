/*
 * kstidy WDK profile: bthhfpddi.h (Bluetooth Hands-Free Profile bypass DDI).
 * Not in mingw-w64. Declarations written for kstidy from the public
 * reference pages under
 *   https://learn.microsoft.com/windows-hardware/drivers/ddi/bthhfpddi/
 * Only for parsing driver code; nothing here is compiled into a driver.
 *
 * Values: the reference pages give no numeric IOCTL codes, no GUID value
 * for GUID_DEVINTERFACE_BLUETOOTH_HFP_SCO_HCIBYPASS and no value for the
 * reference-string names/length. GUIDs are declared without a value. The
 * IOCTL codes must be integer constants (drivers use them as case labels),
 * so they get kstidy placeholder codes (device type 0xFB7F, function
 * 0x800 + n): distinct, but NOT the WDK values. Same for
 * BTHHFP_INTERFACE_REFSTRING_MAX_LENGTH (an array bound in drivers).
 * A real bthhfpddi.h later on the include path wins.
 */
#if defined(__has_include_next) && __has_include_next(<bthhfpddi.h>) && !defined(KSTIDY_WDK_FORCE_OWN_BTHHFPDDI)
#include_next <bthhfpddi.h>
#else
#ifndef KSTIDY_WDK_BTHHFPDDI_H
#define KSTIDY_WDK_BTHHFPDDI_H
#define __BTHHFPDDI_H__

#ifndef CTL_CODE
#include <devioctl.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Device interface class of the HFP driver's bypass interface (value not
   published; declared only). */
extern const GUID GUID_DEVINTERFACE_BLUETOOTH_HFP_SCO_HCIBYPASS;

/* kstidy placeholder control codes (see header comment). */
#define KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(n) \
    CTL_CODE(0xFB7FUL, 0x800 + (n), METHOD_BUFFERED, FILE_ANY_ACCESS)

#define IOCTL_BTHHFP_DEVICE_GET_DESCRIPTOR                  KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(0)
#define IOCTL_BTHHFP_DEVICE_GET_VOLUMEPROPERTYVALUES        KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(1)
#define IOCTL_BTHHFP_DEVICE_GET_KSNODETYPES                 KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(2)
#define IOCTL_BTHHFP_DEVICE_GET_CONTAINERID                 KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(3)
#define IOCTL_BTHHFP_DEVICE_REQUEST_CONNECT                 KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(4)
#define IOCTL_BTHHFP_DEVICE_REQUEST_DISCONNECT              KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(5)
#define IOCTL_BTHHFP_DEVICE_GET_CONNECTION_STATUS_UPDATE    KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(6)
#define IOCTL_BTHHFP_SPEAKER_SET_VOLUME                     KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(7)
#define IOCTL_BTHHFP_SPEAKER_GET_VOLUME_STATUS_UPDATE       KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(8)
#define IOCTL_BTHHFP_MIC_SET_VOLUME                         KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(9)
#define IOCTL_BTHHFP_MIC_GET_VOLUME_STATUS_UPDATE           KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(10)
#define IOCTL_BTHHFP_STREAM_OPEN                            KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(11)
#define IOCTL_BTHHFP_STREAM_CLOSE                           KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(12)
#define IOCTL_BTHHFP_STREAM_GET_STATUS_UPDATE               KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(13)
#define IOCTL_BTHHFP_DEVICE_GET_DESCRIPTOR2                 KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(14)
#define IOCTL_BTHHFP_DEVICE_GET_NRECDISABLE_STATUS_UPDATE   KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(15)
#define IOCTL_BTHHFP_DEVICE_GET_CODEC_ID                    KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(16)
#define IOCTL_BTHHFP_DEVICE_INDICATE_AUDIO_DEVICE_CAPABILITIES KSTIDY_BTHHFP_PLACEHOLDER_IOCTL(17)

/* Reference strings of the KS filters an HFP bypass driver registers
   (names used by the WDK audio sample; values not published). */
#define BTHHFP_INTERFACE_REFSTRING_MAX_LENGTH 64 /* kstidy placeholder */
extern const WCHAR BTHHFP_SPEAKER_WAVE_NAME[];
extern const WCHAR BTHHFP_SPEAKER_TOPO_NAME[];
extern const WCHAR BTHHFP_MIC_WAVE_NAME[];
extern const WCHAR BTHHFP_MIC_TOPO_NAME[];

/* Output of IOCTL_BTHHFP_DEVICE_GET_DESCRIPTOR (Windows 8). */
typedef struct _BTHHFP_DESCRIPTOR {
    GUID           InputPinCategory;
    GUID           OutputPinCategory;
    GUID           ContainerId;
    BOOL           SupportsVolume;
    ULONG          VolumePropertyValuesSize;
    UNICODE_STRING FriendlyName;
} BTHHFP_DESCRIPTOR, *PBTHHFP_DESCRIPTOR;

/* Output of IOCTL_BTHHFP_DEVICE_GET_DESCRIPTOR2 (Windows 8.1). */
typedef struct _BTHHFP_DESCRIPTOR2 {
    GUID           InputPinCategory;
    GUID           OutputPinCategory;
    GUID           ContainerId;
    BOOL           SupportsVolume;
    ULONG          VolumePropertyValuesSize;
    UNICODE_STRING FriendlyName;
    BOOL           SupportsNREC;
} BTHHFP_DESCRIPTOR2, *PBTHHFP_DESCRIPTOR2;

/* IOCTL_BTHHFP_DEVICE_GET_CODEC_ID: the caller passes the requested
   structure version, the HFP driver returns the codec ID
   (0 undefined, 1 CVSD, 2 mSBC). */
typedef enum _HFP_BYPASS_CODEC_ID_VERSION {
    REQ_HFP_BYPASS_CODEC_ID_V1 = 1 /* value not published; kstidy's */
} HFP_BYPASS_CODEC_ID_VERSION, *PHFP_BYPASS_CODEC_ID_VERSION;

typedef struct _HFP_BYPASS_CODEC_ID_V1 {
    UCHAR CodecId;
} HFP_BYPASS_CODEC_ID_V1, *PHFP_BYPASS_CODEC_ID_V1;

/* Input of IOCTL_BTHHFP_DEVICE_INDICATE_AUDIO_DEVICE_CAPABILITIES
   (the "CAPABILTIES" spelling is the documented one). */
typedef struct _BTHHFP_AUDIO_DEVICE_CAPABILTIES {
    ULONG Version;
    BOOL  Supports16kHzSampling;
} BTHHFP_AUDIO_DEVICE_CAPABILTIES, *PBTHHFP_AUDIO_DEVICE_CAPABILTIES;

/* Documented as initializing the structure; kstidy zeroes it and sets
   Version to 1 (the version value is not published). */
static __inline void
BTHHFP_AUDIO_DEVICE_CAPABILTIES_INIT(PBTHHFP_AUDIO_DEVICE_CAPABILTIES Caps)
{
    RtlZeroMemory(Caps, sizeof(*Caps));
    Caps->Version = 1;
}

#ifdef __cplusplus
}
#endif

#endif /* KSTIDY_WDK_BTHHFPDDI_H */
#endif
