/*
 * Part of kstidy's kstidy-ksmedia-camera.h stand-in, included from it at this point;
 * not meant to be included on its own.
 *
 * Camera profiles, the older per-control property sets (Windows 8), image
 * pin formats and MIDI 2 looped streaming.
 */

/* ------------------------------------------------------------------ */
/* Camera profiles (KSDEVICE_PROFILE_INFO, KsPublishDeviceProfile)     */
/* ------------------------------------------------------------------ */
#define KSCameraProfileSensorType_RGB               0x00000001
#define KSCameraProfileSensorType_Infrared          0x00000002
#define KSCameraProfileSensorType_Depth             0x00000004
#define KSCameraProfileSensorType_PoseTracking      0x00000008
#define KSCameraProfileSensorType_ImageSegmentation 0x00000010
#define KSCameraProfileSensorType_Custom            0x00000080

typedef struct tagKSCAMERA_PROFILE_MEDIAINFO {
  struct {
    UINT32 X;
    UINT32 Y;
  } Resolution;
  struct {
    UINT32 Numerator;
    UINT32 Denominator;
  } MaxFrameRate;
  ULONGLONG Flags;
  UINT32 Data0;
  UINT32 Data1;
  UINT32 Data2;
  UINT32 Data3;
} KSCAMERA_PROFILE_MEDIAINFO, *PKSCAMERA_PROFILE_MEDIAINFO;

typedef struct tagKSCAMERA_PROFILE_PININFO {
  GUID PinCategory;
  union {
    struct {
      USHORT PinIndex;
      USHORT ProfileSensorType;
    };
    ULONG Reserved;
  };
  ULONG MediaInfoCount;
  PKSCAMERA_PROFILE_MEDIAINFO MediaInfos;
} KSCAMERA_PROFILE_PININFO, *PKSCAMERA_PROFILE_PININFO;

typedef struct tagKSCAMERA_PROFILE_INFO {
  GUID ProfileId;
  UINT32 Index;
  UINT32 PinCount;
  PKSCAMERA_PROFILE_PININFO Pins;
} KSCAMERA_PROFILE_INFO, *PKSCAMERA_PROFILE_INFO;

typedef struct tagKSCAMERA_PROFILE_CONCURRENCYINFO {
  GUID ReferenceGuid;
  UINT32 Reserved;
  UINT32 ProfileCount;
  PKSCAMERA_PROFILE_INFO Profiles;
} KSCAMERA_PROFILE_CONCURRENCYINFO, *PKSCAMERA_PROFILE_CONCURRENCYINFO;

#define KSDEVICE_PROFILE_TYPE_UNKNOWN 0x00000000
#define KSDEVICE_PROFILE_TYPE_CAMERA  0x00000001

typedef struct tagKSDEVICE_PROFILE_INFO {
  UINT32 Type;
  UINT32 Size;
  union {
    struct {
      KSCAMERA_PROFILE_INFO Info;
      UINT32 Reserved;
      UINT32 ConcurrencyCount;
      PKSCAMERA_PROFILE_CONCURRENCYINFO Concurrency;
    } Camera;
  };
} KSDEVICE_PROFILE_INFO, *PKSDEVICE_PROFILE_INFO;

/* ------------------------------------------------------------------ */
/* Older per-control property sets (Windows 8)                         */
/* ------------------------------------------------------------------ */
typedef enum {
  KSPROPERTY_CAMERACONTROL_FLASH_PROPERTY_ID = 0
} KSPROPERTY_CAMERACONTROL_FLASH;
#define KSPROPERTY_CAMERACONTROL_FLASH_OFF          0x00000000
#define KSPROPERTY_CAMERACONTROL_FLASH_ON           0x00000001
#define KSPROPERTY_CAMERACONTROL_FLASH_AUTO         0x00000002
#define KSPROPERTY_CAMERACONTROL_FLASH_FLAGS_AUTO   0x00000001
#define KSPROPERTY_CAMERACONTROL_FLASH_FLAGS_MANUAL 0x00000002
typedef struct {
  ULONG Flash;
  ULONG Capabilities;
} KSPROPERTY_CAMERACONTROL_FLASH_S, *PKSPROPERTY_CAMERACONTROL_FLASH_S;

typedef enum {
  KSPROPERTY_CAMERACONTROL_VIDEO_STABILIZATION_MODE_PROPERTY_ID = 0
} KSPROPERTY_CAMERACONTROL_VIDEO_STABILIZATION_MODE;
#define KSPROPERTY_CAMERACONTROL_VIDEOSTABILIZATION_MODE_OFF          0x00000000
#define KSPROPERTY_CAMERACONTROL_VIDEOSTABILIZATION_MODE_HIGH         0x00000001
#define KSPROPERTY_CAMERACONTROL_VIDEOSTABILIZATION_MODE_MEDIUM       0x00000002
#define KSPROPERTY_CAMERACONTROL_VIDEOSTABILIZATION_MODE_LOW          0x00000003
#define KSPROPERTY_CAMERACONTROL_VIDEOSTABILIZATION_MODE_AUTO         0x00000004
#define KSPROPERTY_CAMERACONTROL_VIDEOSTABILIZATION_MODE_FLAGS_AUTO   0x00000001
#define KSPROPERTY_CAMERACONTROL_VIDEOSTABILIZATION_MODE_FLAGS_MANUAL 0x00000002
typedef struct {
  ULONG VideoStabilizationMode;
  ULONG Capabilities;
} KSPROPERTY_CAMERACONTROL_VIDEOSTABILIZATION_MODE_S,
    *PKSPROPERTY_CAMERACONTROL_VIDEOSTABILIZATION_MODE_S;

typedef enum {
  KSPROPERTY_CAMERACONTROL_REGION_OF_INTEREST_PROPERTY_ID = 0
} KSPROPERTY_CAMERACONTROL_REGION_OF_INTEREST;
#define KSPROPERTY_CAMERACONTROL_REGION_OF_INTEREST_FLAGS_AUTO    0x00000001
#define KSPROPERTY_CAMERACONTROL_REGION_OF_INTEREST_FLAGS_MANUAL  0x00000002
#define KSPROPERTY_CAMERACONTROL_REGION_OF_INTEREST_FLAGS_ASYNC   0x80000000
#define KSPROPERTY_CAMERACONTROL_REGION_OF_INTEREST_CONFIG_FOCUS    0x00000100
#define KSPROPERTY_CAMERACONTROL_REGION_OF_INTEREST_CONFIG_EXPOSURE 0x00000200
#define KSPROPERTY_CAMERACONTROL_REGION_OF_INTEREST_CONFIG_WB       0x00000400
#define KSPROPERTY_CAMERACONTROL_REGION_OF_INTEREST_CONVERGEMODE    0x40000000
typedef struct {
  RECT FocusRect;
  BOOL AutoFocusLock;
  BOOL AutoExposureLock;
  BOOL AutoWhitebalanceLock;
  union {
    ULONG Capabilities;
    ULONG Configuration;
  };
} KSPROPERTY_CAMERACONTROL_REGION_OF_INTEREST_S,
    *PKSPROPERTY_CAMERACONTROL_REGION_OF_INTEREST_S;

typedef enum {
  KSPROPERTY_CAMERACONTROL_IMAGE_PIN_CAPABILITY_PROPERTY_ID = 0
} KSPROPERTY_CAMERACONTROL_IMAGE_PIN_CAPABILITY;
#define KSPROPERTY_CAMERACONTROL_IMAGE_PIN_CAPABILITY_EXCLUSIVE_WITH_RECORD          0x00000001
#define KSPROPERTY_CAMERACONTROL_IMAGE_PIN_CAPABILITY_SEQUENCE_EXCLUSIVE_WITH_RECORD 0x00000002
typedef struct {
  ULONG Capabilities;
  ULONG Reserved0;
} KSPROPERTY_CAMERACONTROL_IMAGE_PIN_CAPABILITY_S,
    *PKSPROPERTY_CAMERACONTROL_IMAGE_PIN_CAPABILITY_S;

typedef enum {
  KSPROPERTY_CAMERA_PHOTOTRIGGERTIME_CLEAR = 0,
  KSPROPERTY_CAMERA_PHOTOTRIGGERTIME_SET = 1
} KSPROPERTY_CAMERA_PHOTOTRIGGERTIME_FLAGS;

/* KS_VideoControlFlags members added after mingw-w64's list (Windows 8 /
   8.1). 0x10/0x20 are the obsolete trigger flags. */
#define KS_Obsolete_VideoControlFlag_ExternalTriggerEnable 0x0010
#define KS_Obsolete_VideoControlFlag_Trigger               0x0020
#define KS_VideoControlFlag_IndependentImagePin            0x0040
#define KS_VideoControlFlag_StillCapturePreviewFrame       0x0080
#define KS_VideoControlFlag_StartPhotoSequenceCapture      0x0100
#define KS_VideoControlFlag_StopPhotoSequenceCapture       0x0200

/* Image pin formats (KSDATAFORMAT_SPECIFIER_IMAGE). */
typedef struct tagKS_DATAFORMAT_IMAGEINFO {
  KSDATAFORMAT DataFormat;
  KS_BITMAPINFOHEADER ImageInfoHeader;
} KS_DATAFORMAT_IMAGEINFO, *PKS_DATAFORMAT_IMAGEINFO;

typedef struct tagKS_DATARANGE_IMAGE {
  KSDATARANGE DataRange;
  KS_VIDEO_STREAM_CONFIG_CAPS ConfigCaps;
  KS_BITMAPINFOHEADER ImageInfoHeader;
} KS_DATARANGE_IMAGE, *PKS_DATARANGE_IMAGE;

/* ------------------------------------------------------------------ */
/* MIDI 2 / UMP looped streaming (Windows 11 24H2 SDK)                 */
/* ------------------------------------------------------------------ */
/* The WDK spelling: the names are macros, so code that supplies its own
   fallbacks under #ifndef KSDATAFORMAT_SUBTYPE_UNIVERSALMIDIPACKET /
   KSPROPSETID_MidiLoopedStreaming / MIDILOOPED_EVENT2 skips them. */
#ifndef KSDATAFORMAT_SUBTYPE_UNIVERSALMIDIPACKET
#define STATIC_KSDATAFORMAT_SUBTYPE_UNIVERSALMIDIPACKET \
  0xfbffd49e, 0xce26, 0x464a, 0x9d, 0xfc, 0xfe, 0xe4, 0x24, 0x56, 0xc8, 0x1c
KSTIDY_KSGUID(KSDATAFORMAT_SUBTYPE_UNIVERSALMIDIPACKET, "FBFFD49E-CE26-464A-9DFC-FEE42456C81C");
#define KSDATAFORMAT_SUBTYPE_UNIVERSALMIDIPACKET DEFINE_GUIDNAMED(KSDATAFORMAT_SUBTYPE_UNIVERSALMIDIPACKET)
#endif

#ifndef KSPROPSETID_MidiLoopedStreaming
#define STATIC_KSPROPSETID_MidiLoopedStreaming \
  0x1f306ba6, 0xfd9b, 0x427a, 0xbc, 0xb3, 0x27, 0xcb, 0xcf, 0x0e, 0x0f, 0x19
KSTIDY_KSGUID(KSPROPSETID_MidiLoopedStreaming, "1F306BA6-FD9B-427A-BCB3-27CBCF0E0F19");
#define KSPROPSETID_MidiLoopedStreaming DEFINE_GUIDNAMED(KSPROPSETID_MidiLoopedStreaming)

typedef enum {
  KSPROPERTY_MIDILOOPEDSTREAMING_BUFFER = 0,
  KSPROPERTY_MIDILOOPEDSTREAMING_REGISTERS = 1,
  KSPROPERTY_MIDILOOPEDSTREAMING_NOTIFICATION_EVENT = 2
} KSPROPERTY_MIDILOOPEDSTREAMING;

typedef struct {
  PVOID BufferAddress;
  ULONG ActualBufferSize;
} KSMIDILOOPED_BUFFER, *PKSMIDILOOPED_BUFFER;

typedef struct {
  PVOID WritePosition;
  PVOID ReadPosition;
} KSMIDILOOPED_REGISTERS, *PKSMIDILOOPED_REGISTERS;

typedef struct {
  HANDLE WriteEvent;
} KSMIDILOOPED_EVENT, *PKSMIDILOOPED_EVENT;

typedef struct {
  KSPROPERTY Property;
  ULONG RequestedBufferSize;
} KSMIDILOOPED_BUFFER_PROPERTY, *PKSMIDILOOPED_BUFFER_PROPERTY;

/* One UMP message in a looped buffer. */
typedef struct {
  LONGLONG Position;
  ULONG ByteCount;
} UMPDATAFORMAT, *PUMPDATAFORMAT;
#endif /* KSPROPSETID_MidiLoopedStreaming */

#ifndef MIDILOOPED_EVENT2
#define MIDILOOPED_EVENT2
typedef struct {
  HANDLE WriteEvent;
  HANDLE ReadEvent;
} KSMIDILOOPED_EVENT2, *PKSMIDILOOPED_EVENT2;
#endif
