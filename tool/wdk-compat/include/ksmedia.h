/*
 * kstidy WDK-profile overlay for <ksmedia.h>.
 *
 * 1. Kernel mode: mingw-w64's ksmedia.h uses Win32 types (DWORD, WORD, BYTE,
 *    FLOAT, RECT, SIZE, COLORREF, MAX_PATH) that wdm.h/ntddk.h do not
 *    declare. WDK drivers get them from <windef.h> (portcls.h includes it
 *    itself); do the same when a kernel-mode TU has not.
 * 2. Kernel mode: ksmedia.h uses TCHAR, which only winnt.h (user mode) and
 *    tchar.h declare. Declare it under the same _TCHAR_DEFINED guard they
 *    use, so whichever comes first wins and nothing is declared twice. User
 *    mode is left alone: winnt.h always provides TCHAR there.
 * 3. mingw-w64's ksmedia.h lacks the WaveRT latency/register structures that
 *    its own portcls.h (IMiniportWaveRTStream) uses. The WDK's ksmedia.h
 *    declares them, so they are declared here, after the real header.
 */
#ifndef KSTIDY_WDK_KSMEDIA_H
#define KSTIDY_WDK_KSMEDIA_H

#if defined(_DDK_DRIVER_) && !defined(_WINDEF_)
#include <windef.h>
#endif

#if defined(_DDK_DRIVER_) && !defined(_TCHAR_DEFINED)
#define _TCHAR_DEFINED
#if defined(UNICODE) || defined(_UNICODE)
typedef WCHAR TCHAR, *PTCHAR;
typedef WCHAR TBYTE, *PTBYTE;
typedef LPWSTR PTSTR, LPTSTR;
typedef LPCWSTR PCTSTR, LPCTSTR;
#else
typedef char TCHAR, *PTCHAR;
typedef unsigned char TBYTE, *PTBYTE;
typedef LPSTR PTSTR, LPTSTR;
typedef LPCSTR PCTSTR, LPCTSTR;
#endif
#endif /* _DDK_DRIVER_ && !_TCHAR_DEFINED */

#include_next <ksmedia.h>

/* mingw-w64's ksmedia.h declares KSDATAFORMAT_WAVEFORMATEX only when mmreg.h
   (or mmsystem.h) was read first; remember whether it did (see the end of
   this file). */
#if defined(_INC_MMSYSTEM) || defined(_INC_MMREG)
#define KSTIDY_WDK_HAVE_KSDATAFORMAT_WAVEFORMATEX
#endif

/* WaveRT (KSPROPSETID_RtAudio) structures, documented layouts. The guard is
   kstidy's own: define it before including ksmedia.h if a newer mingw-w64
   (or the driver) already declares these. */
#ifndef KSTIDY_WDK_HAVE_KSRTAUDIO_TYPES
#define KSTIDY_WDK_HAVE_KSRTAUDIO_TYPES

/* KSPROPERTY_RTAUDIO_HWLATENCY output. */
typedef struct {
  ULONG FifoSize;
  ULONG ChipsetDelay;
  ULONG CodecDelay;
} KSRTAUDIO_HWLATENCY, *PKSRTAUDIO_HWLATENCY;

/* KSPROPERTY_RTAUDIO_POSITIONREGISTER / _CLOCKREGISTER output. */
typedef struct {
  PVOID Register;
  ULONG Width;
  ULONGLONG Numerator;
  ULONGLONG Denominator;
  ULONG Accuracy;
} KSRTAUDIO_HWREGISTER, *PKSRTAUDIO_HWREGISTER;

/* KSPROPERTY_RTAUDIO_POSITIONREGISTER / _CLOCKREGISTER request. */
typedef struct {
  KSPROPERTY Property;
  PVOID BaseAddress;
} KSRTAUDIO_HWREGISTER_PROPERTY, *PKSRTAUDIO_HWREGISTER_PROPERTY;

#endif /* KSTIDY_WDK_HAVE_KSRTAUDIO_TYPES */


/* ------------------------------------------------------------------------ */
/* Newer ksmedia.h names (Windows 7 .. Windows 10) that mingw-w64 lacks.     */
/* Layouts and values from learn.microsoft.com (see README, "Sources").      */
/* GUIDs whose value could not be checked against a public page are only    */
/* declared (DEFINE_GUIDEX: extern, no value, no STATIC_ form): tables take  */
/* their address and IsEqualGUID compares them, which is all a parse needs. */
/* Guard: define KSTIDY_WDK_HAVE_KSMEDIA_EXT if the headers already have    */
/* them.                                                                    */
/* ------------------------------------------------------------------------ */
#if !defined(KSTIDY_WDK_HAVE_KSMEDIA_EXT) && defined(_KSMEDIA_)
#define KSTIDY_WDK_HAVE_KSMEDIA_EXT

#ifdef __cplusplus
extern "C" {
#endif

#include "kstidy-ksmedia-guids.h"

/* KSPROPSETID_Jack (Windows 7+; DESCRIPTION3 Windows 11 22H2). */
enum {
  KSPROPERTY_JACK_DESCRIPTION = 1,
  KSPROPERTY_JACK_DESCRIPTION2 = 2,
  KSPROPERTY_JACK_SINK_INFO = 3,
  KSPROPERTY_JACK_CONTAINERID = 4,
  KSPROPERTY_JACK_DESCRIPTION3 = 5
};
#define JACKDESC2_PRESENCE_DETECT_CAPABILITY       0x00000001
#define JACKDESC2_DYNAMIC_FORMAT_CHANGE_CAPABILITY 0x00000002
typedef KSJACK_SINK_INFORMATION *PKSJACK_SINK_INFORMATION;
typedef struct _tagKSJACK_DESCRIPTION3 {
  ULONG ConfigId;
} KSJACK_DESCRIPTION3, *PKSJACK_DESCRIPTION3;

/* EPcxGeoLocation: mingw-w64 calls 14 eGeoLocReserved5; the WDK name is
   eGeoLocNotApplicable (same value). */
#ifndef eGeoLocNotApplicable
#define eGeoLocNotApplicable eGeoLocReserved5
#endif

/* KSPROPSETID_Audio ids after KSPROPERTY_AUDIO_PREFERRED_STATUS (40), where
   mingw-w64's KSPROPERTY_AUDIO stops. */
enum {
  KSPROPERTY_AUDIO_PEQ_MAX_BANDS = 41,
  KSPROPERTY_AUDIO_PEQ_NUM_BANDS = 42,
  KSPROPERTY_AUDIO_PEQ_BAND_CENTER_FREQ = 43,
  KSPROPERTY_AUDIO_PEQ_BAND_Q_FACTOR = 44,
  KSPROPERTY_AUDIO_PEQ_BAND_LEVEL = 45,
  KSPROPERTY_AUDIO_CHORUS_MODULATION_RATE = 46,
  KSPROPERTY_AUDIO_CHORUS_MODULATION_DEPTH = 47,
  KSPROPERTY_AUDIO_REVERB_TIME = 48,
  KSPROPERTY_AUDIO_REVERB_DELAY_FEEDBACK = 49,
  KSPROPERTY_AUDIO_POSITIONEX = 50,
  KSPROPERTY_AUDIO_MIC_ARRAY_GEOMETRY = 51,
  KSPROPERTY_AUDIO_PRESENTATION_POSITION = 52,
  KSPROPERTY_AUDIO_WAVERT_CURRENT_WRITE_POSITION = 53,
  KSPROPERTY_AUDIO_LINEAR_BUFFER_POSITION = 54,
  KSPROPERTY_AUDIO_PEAKMETER2 = 55,
  KSPROPERTY_AUDIO_WAVERT_CURRENT_WRITE_LASTBUFFER_POSITION = 56,
  KSPROPERTY_AUDIO_VOLUMELIMIT_ENGAGED = 57,
  KSPROPERTY_AUDIO_MIC_SENSITIVITY = 58,
  KSPROPERTY_AUDIO_MIC_SNR = 59,
  KSPROPERTY_AUDIO_MIC_SENSITIVITY2 = 60
};

/* KSPROPSETID_Pin ids after KSPROPERTY_PIN_PROPOSEDATAFORMAT (14). */
enum {
  KSPROPERTY_PIN_PROPOSEDATAFORMAT2 = 15,
  KSPROPERTY_PIN_MODEDATAFORMATS = 16
};

/* Microphone arrays (KSPROPERTY_AUDIO_MIC_ARRAY_GEOMETRY). */
typedef enum {
  KSMICARRAY_MICTYPE_OMNIDIRECTIONAL = 0,
  KSMICARRAY_MICTYPE_SUBCARDIOID = 1,
  KSMICARRAY_MICTYPE_CARDIOID = 2,
  KSMICARRAY_MICTYPE_SUPERCARDIOID = 3,
  KSMICARRAY_MICTYPE_HYPERCARDIOID = 4,
  KSMICARRAY_MICTYPE_8SHAPED = 5,
  KSMICARRAY_MICTYPE_VENDORDEFINED = 0x0F
} KSMICARRAY_MICTYPE;
typedef enum {
  KSMICARRAY_MICARRAYTYPE_LINEAR = 0,
  KSMICARRAY_MICARRAYTYPE_PLANAR = 1,
  KSMICARRAY_MICARRAYTYPE_3D = 2
} KSMICARRAY_MICARRAYTYPE;
typedef struct {
  USHORT usType;
  SHORT wXCoord;
  SHORT wYCoord;
  SHORT wZCoord;
  SHORT wVerticalAngle;
  SHORT wHorizontalAngle;
} KSAUDIO_MICROPHONE_COORDINATES, *PKSAUDIO_MICROPHONE_COORDINATES;
typedef struct {
  USHORT usVersion;
  USHORT usMicArrayType;
  SHORT wVerticalAngleBegin;
  SHORT wVerticalAngleEnd;
  SHORT wHorizontalAngleBegin;
  SHORT wHorizontalAngleEnd;
  USHORT usFrequencyBandLo;
  USHORT usFrequencyBandHi;
  USHORT usNumberOfMicrophones;
  KSAUDIO_MICROPHONE_COORDINATES KsMicCoord[1];
} KSAUDIO_MIC_ARRAY_GEOMETRY, *PKSAUDIO_MIC_ARRAY_GEOMETRY;

/* KSPROPSETID_RtAudio: mingw-w64's KSPROPERTY_RTAUDIO stops at
   GETPOSITIONFUNCTION (0); the rest follow in the documented order. */
enum {
  KSPROPERTY_RTAUDIO_BUFFER = 1,
  KSPROPERTY_RTAUDIO_HWLATENCY,
  KSPROPERTY_RTAUDIO_POSITIONREGISTER,
  KSPROPERTY_RTAUDIO_CLOCKREGISTER,
  KSPROPERTY_RTAUDIO_BUFFER_WITH_NOTIFICATION,
  KSPROPERTY_RTAUDIO_REGISTER_NOTIFICATION_EVENT,
  KSPROPERTY_RTAUDIO_UNREGISTER_NOTIFICATION_EVENT,
  KSPROPERTY_RTAUDIO_QUERY_NOTIFICATION_SUPPORT,
  KSPROPERTY_RTAUDIO_PACKETCOUNT,
  KSPROPERTY_RTAUDIO_PRESENTATION_POSITION,
  KSPROPERTY_RTAUDIO_GETREADPACKET,
  KSPROPERTY_RTAUDIO_SETWRITEPACKET,
  KSPROPERTY_RTAUDIO_PACKETVREGISTER
};
typedef struct {
  KSPROPERTY Property;
  PVOID BaseAddress;
  ULONG RequestedBufferSize;
} KSRTAUDIO_BUFFER_PROPERTY, *PKSRTAUDIO_BUFFER_PROPERTY;
typedef struct {
  KSPROPERTY Property;
  PVOID BaseAddress;
  ULONG RequestedBufferSize;
  ULONG NotificationCount;
} KSRTAUDIO_BUFFER_PROPERTY_WITH_NOTIFICATION,
    *PKSRTAUDIO_BUFFER_PROPERTY_WITH_NOTIFICATION;
typedef struct {
  PVOID BufferAddress;
  ULONG ActualBufferSize;
  BOOL CallMemoryBarrier;
} KSRTAUDIO_BUFFER, *PKSRTAUDIO_BUFFER;
typedef struct {
  KSPROPERTY Property;
  HANDLE NotificationEvent;
} KSRTAUDIO_NOTIFICATION_EVENT_PROPERTY, *PKSRTAUDIO_NOTIFICATION_EVENT_PROPERTY;
typedef struct {
  UINT64 u64PositionInBlocks;
  UINT64 u64QPCPosition;
} KSAUDIO_PRESENTATION_POSITION, *PKSAUDIO_PRESENTATION_POSITION;

/* KSEVENTSETID_PinCapsChange (Windows 7+). */
typedef enum {
  KSEVENT_PINCAPS_FORMATCHANGE,
  KSEVENT_PINCAPS_JACKINFOCHANGE
} KSEVENT_PINCAPS_CHANGENOTIFICATIONS;

/* Audio signal processing modes (Windows 8.1 / 10). */
enum { KSPROPERTY_AUDIOSIGNALPROCESSING_MODES = 0 };
typedef struct {
  KSATTRIBUTE AttributeHeader;
  GUID SignalProcessingMode;
} KSATTRIBUTE_AUDIOSIGNALPROCESSING_MODE,
    *PKSATTRIBUTE_AUDIOSIGNALPROCESSING_MODE;

/* Packet-size constraints (DEVPKEY_KsAudio_PacketSize_Constraints(2)). */
typedef struct _KSAUDIO_PACKETSIZE_SIGNALPROCESSINGMODE_CONSTRAINT {
  GUID ProcessingMode;
  ULONG SamplesPerProcessingPacket;
  ULONG ProcessingPacketDurationInHns;
} KSAUDIO_PACKETSIZE_PROCESSINGMODE_CONSTRAINT;
typedef struct _KSAUDIO_PACKETSIZE_CONSTRAINTS {
  ULONG MinPacketPeriodInHns;
  ULONG PacketSizeFileAlignment;
  ULONG Reserved;
  ULONG NumProcessingModeConstraints;
  KSAUDIO_PACKETSIZE_PROCESSINGMODE_CONSTRAINT ProcessingModeConstraints[1];
} KSAUDIO_PACKETSIZE_CONSTRAINTS;
typedef struct _KSAUDIO_PACKETSIZE_CONSTRAINTS2 {
  ULONG MinPacketPeriodInHns;
  ULONG PacketSizeFileAlignment;
  ULONG MaxPacketSizeInBytes;
  ULONG NumProcessingModeConstraints;
  KSAUDIO_PACKETSIZE_PROCESSINGMODE_CONSTRAINT ProcessingModeConstraints[1];
} KSAUDIO_PACKETSIZE_CONSTRAINTS2;

/* KSPROPSETID_AudioModule (Windows 10 1703). */
enum {
  KSPROPERTY_AUDIOMODULE_DESCRIPTORS = 1,
  KSPROPERTY_AUDIOMODULE_COMMAND = 2,
  KSPROPERTY_AUDIOMODULE_NOTIFICATION_DEVICE_ID = 3
};
#define AUDIOMODULE_MAX_DATA_SIZE 64000
#define AUDIOMODULE_MAX_NAME_CCH_SIZE 128
typedef struct {
  KSPROPERTY Property;
  GUID ClassId;
  ULONG InstanceId;
} KSAUDIOMODULE_PROPERTY, *PKSAUDIOMODULE_PROPERTY;
typedef struct {
  GUID ClassId;
  ULONG InstanceId;
  ULONG VersionMajor;
  ULONG VersionMinor;
  WCHAR Name[AUDIOMODULE_MAX_NAME_CCH_SIZE];
} KSAUDIOMODULE_DESCRIPTOR, *PKSAUDIOMODULE_DESCRIPTOR;
typedef struct {
  union {
    struct {
      GUID DeviceId;
      GUID ClassId;
      ULONG InstanceId;
      ULONG Reserved;
    } ProviderId;
    LONGLONG Alignment;
  };
} KSAUDIOMODULE_NOTIFICATION, *PKSAUDIOMODULE_NOTIFICATION;

/* KSPROPSETID_AudioEngine (Windows 8, hardware-offloaded audio). */
typedef enum {
  KSPROPERTY_AUDIOENGINE_LFXENABLE = 0,
  KSPROPERTY_AUDIOENGINE_GFXENABLE = 1,
  KSPROPERTY_AUDIOENGINE_MIXFORMAT = 2,
  KSPROPERTY_AUDIOENGINE_DEVICEFORMAT = 4,
  KSPROPERTY_AUDIOENGINE_SUPPORTEDDEVICEFORMATS = 5,
  KSPROPERTY_AUDIOENGINE_DESCRIPTOR = 6,
  KSPROPERTY_AUDIOENGINE_BUFFER_SIZE_RANGE = 7,
  KSPROPERTY_AUDIOENGINE_LOOPBACK_PROTECTION = 8,
  KSPROPERTY_AUDIOENGINE_VOLUMELEVEL = 9
} KSPROPERTY_AUDIOENGINE;
typedef struct _tagKSAUDIOENGINE_DESCRIPTOR {
  UINT nHostPinId;
  UINT nOffloadPinId;
  UINT nLoopbackPinId;
} KSAUDIOENGINE_DESCRIPTOR, *PKSAUDIOENGINE_DESCRIPTOR;
typedef struct _tagKSAUDIOENGINE_BUFFER_SIZE_RANGE {
  ULONG MinBufferBytes;
  ULONG MaxBufferBytes;
} KSAUDIOENGINE_BUFFER_SIZE_RANGE, *PKSAUDIOENGINE_BUFFER_SIZE_RANGE;
typedef enum {
  AUDIO_CURVE_TYPE_NONE = 0,
  AUDIO_CURVE_TYPE_WINDOWS_FADE = 1
} AUDIO_CURVE_TYPE;
typedef struct _tagKSAUDIOENGINE_VOLUMELEVEL {
  LONG TargetVolume;
  AUDIO_CURVE_TYPE CurveType;
  ULONGLONG CurveDuration;
} KSAUDIOENGINE_VOLUMELEVEL, *PKSAUDIOENGINE_VOLUMELEVEL;
typedef enum {
  CONSTRICTOR_OPTION_DISABLE = 0,
  CONSTRICTOR_OPTION_MUTE = 1
} CONSTRICTOR_OPTION;

/* KSPROPSETID_AudioPosture / AudioResourceManagement / BtAudio /
   InterleavedAudio. */
typedef enum { KSPROPERTY_AUDIOPOSTURE_ORIENTATION = 1 } KSPROPERTY_AUDIOPOSTURE;
typedef enum {
  AUDIOPOSTURE_ORIENTATION_NOTROTATED = 0,
  AUDIOPOSTURE_ORIENTATION_ROTATED90DEGREESCOUNTERCLOCKWISE = 1,
  AUDIOPOSTURE_ORIENTATION_ROTATED180DEGREESCOUNTERCLOCKWISE = 2,
  AUDIOPOSTURE_ORIENTATION_ROTATED270DEGREESCOUNTERCLOCKWISE = 3
} AUDIOPOSTURE_ORIENTATION;
typedef enum {
  KSPROPERTY_AUDIORESOURCEMANAGEMENT_RESOURCEGROUP = 0
} KSPROPERTY_AUDIORESOURCEMANAGEMENT;
typedef struct _tagAUDIORESOURCEMANAGEMENT_RESOURCEGROUP {
  BOOL ResourceGroupAcquired;
  WCHAR ResourceGroupName[256];
} AUDIORESOURCEMANAGEMENT_RESOURCEGROUP, *PAUDIORESOURCEMANAGEMENT_RESOURCEGROUP;
typedef enum {
  KSPROPERTY_ONESHOT_RECONNECT = 0,
  KSPROPERTY_ONESHOT_DISCONNECT = 1
} KSPROPERTY_BTAUDIO;
typedef enum {
  KSPROPERTY_INTERLEAVEDAUDIO_FORMATINFORMATION = 1
} KSPROPERTY_INTERLEAVEDAUDIO;
typedef struct _tagINTERLEAVED_AUDIO_FORMAT_INFORMATION {
  ULONG Size;
  ULONG PrimaryChannelCount;
  ULONG PrimaryChannelStartPosition;
  ULONG PrimaryChannelMask;
  ULONG InterleavedChannelCount;
  ULONG InterleavedChannelStartPosition;
  ULONG InterleavedChannelMask;
} INTERLEAVED_AUDIO_FORMAT_INFORMATION, *PINTERLEAVED_AUDIO_FORMAT_INFORMATION;

/* Packet-size constraint device properties (DEVPKEY_KsAudio_*); need
   devpropdef.h's DEFINE_DEVPROPKEY (wdm.h and windows.h bring it). */
#if defined(DEFINE_DEVPROPKEY) && !defined(KSTIDY_WDK_HAVE_KSAUDIO_DEVPKEYS)
#define KSTIDY_WDK_HAVE_KSAUDIO_DEVPKEYS
DEFINE_DEVPROPKEY(DEVPKEY_KsAudio_PacketSize_Constraints, 0x13e004d6, 0xb066,
    0x43bd, 0x91, 0x3b, 0xa4, 0x15, 0xcd, 0x13, 0xda, 0x87, 2);
DEFINE_DEVPROPKEY(DEVPKEY_KsAudio_Controller_DeviceInterface_Path, 0x13e004d6,
    0xb066, 0x43bd, 0x91, 0x3b, 0xa4, 0x15, 0xcd, 0x13, 0xda, 0x87, 3);
DEFINE_DEVPROPKEY(DEVPKEY_KsAudio_PacketSize_Constraints2, 0x9404f781,
    0x7191, 0x409b, 0x8b, 0x0b, 0x80, 0xbf, 0x6e, 0xc2, 0x29, 0xae, 2);
#endif

/* Length of KSJACK_SINK_INFORMATION.SinkDescription (32 WCHARs). */
#ifndef MAX_SINK_DESCRIPTION_NAME_LENGTH
#define MAX_SINK_DESCRIPTION_NAME_LENGTH 32
#endif

/* Sound detector (voice activation; Windows 10, SoundDetector2 1903). */
typedef enum {
  KSPROPERTY_SOUNDDETECTOR_SUPPORTEDPATTERNS = 1,
  KSPROPERTY_SOUNDDETECTOR_PATTERNS = 2,
  KSPROPERTY_SOUNDDETECTOR_ARMED = 3,
  KSPROPERTY_SOUNDDETECTOR_MATCHRESULT = 4,
  KSPROPERTY_SOUNDDETECTOR_RESET = 5,
  KSPROPERTY_SOUNDDETECTOR_STREAMINGSUPPORT = 6
} KSPROPERTY_SOUNDDETECTOR;
typedef enum {
  KSEVENT_SOUNDDETECTOR_MATCHDETECTED = 1
} KSEVENT_SOUNDDETECTOR;
typedef struct {
  KSPROPERTY Property;
  GUID EventId;
} KSSOUNDDETECTORPROPERTY, *PKSSOUNDDETECTORPROPERTY;
typedef struct {
  ULONG Size;
  GUID PatternType;
} SOUNDDETECTOR_PATTERNHEADER;

/* Camera extended controls (Windows 8.1+): the payload header/value and the
   standard capability/flag bits; property ids are KSPROPERTY_CAMERACONTROL_
   EXTENDED_PROPERTY values in documented order. */
DEFINE_GUIDEX(KSPROPERTYSETID_ExtendedCameraControl);
DEFINE_GUIDEX(KSEVENTSETID_ExtendedCameraControl);
typedef struct tagKSCAMERA_EXTENDEDPROP_HEADER {
  ULONG Version;
  ULONG PinId;
  ULONG Size;
  ULONG Result;
  ULONGLONG Flags;
  ULONGLONG Capability;
} KSCAMERA_EXTENDEDPROP_HEADER, *PKSCAMERA_EXTENDEDPROP_HEADER;
typedef struct tagKSCAMERA_EXTENDEDPROP_VALUE {
  union {
    double dbl;
    ULONGLONG ull;
    ULONG ul;
    ULARGE_INTEGER ratio;
    LONG l;
    LONGLONG ll;
  } Value;
} KSCAMERA_EXTENDEDPROP_VALUE, *PKSCAMERA_EXTENDEDPROP_VALUE;
#define KSCAMERA_EXTENDEDPROP_VERSION            1
#define KSCAMERA_EXTENDEDPROP_FILTERSCOPE        0xFFFFFFFF
#define KSCAMERA_EXTENDEDPROP_CAPS_ASYNCCONTROL  0x8000000000000000ULL
#define KSCAMERA_EXTENDEDPROP_CAPS_CANCELLABLE   0x4000000000000000ULL
#define KSCAMERA_EXTENDEDPROP_FLAG_CANCELOPERATION 0x8000000000000000ULL

#ifdef __cplusplus
}
#endif

/* Headset endpoint node types (Bluetooth HFP / USB headset audio). No public
   page gives their GUID values, so they are declared without one (like the
   PortCls IIDs): taking their address parses, the value is unknown. */
#ifndef KSNODETYPE_HEADSET_MICROPHONE
DEFINE_GUIDEX(KSNODETYPE_HEADSET_MICROPHONE);
#define KSNODETYPE_HEADSET_MICROPHONE KSNODETYPE_HEADSET_MICROPHONE
#endif
#ifndef KSNODETYPE_HEADSET_SPEAKERS
DEFINE_GUIDEX(KSNODETYPE_HEADSET_SPEAKERS);
#define KSNODETYPE_HEADSET_SPEAKERS KSNODETYPE_HEADSET_SPEAKERS
#endif

#include "kstidy-ksmedia-camera.h"

#endif /* !KSTIDY_WDK_HAVE_KSMEDIA_EXT && _KSMEDIA_ */

#endif /* KSTIDY_WDK_KSMEDIA_H */

/* KSDATAFORMAT header + WAVEFORMATEXTENSIBLE (KS audio pin formats). Like
   KSDATAFORMAT_WAVEFORMATEX it needs mmreg.h's WAVEFORMATEXTENSIBLE, so it is
   outside the include guard: it appears on the first inclusion of this
   header after <mmreg.h> (portcls.h includes mmreg.h before ksmedia.h). */
#if defined(_KSMEDIA_) && defined(_WAVEFORMATEXTENSIBLE_) && \
    !defined(KSTIDY_WDK_HAVE_KSDATAFORMAT_WAVEFORMATEXTENSIBLE)
#define KSTIDY_WDK_HAVE_KSDATAFORMAT_WAVEFORMATEXTENSIBLE
typedef struct {
  KSDATAFORMAT DataFormat;
  WAVEFORMATEXTENSIBLE WaveFormatExt;
} KSDATAFORMAT_WAVEFORMATEXTENSIBLE, *PKSDATAFORMAT_WAVEFORMATEXTENSIBLE;
#endif

/* KSDATAFORMAT_WAVEFORMATEX for a TU that read ksmedia.h before mmreg.h
   (wdm.h + ksmedia.h + portcls.h): the WDK's ksmedia.h adds it on a later
   inclusion once WAVEFORMATEX exists; mingw-w64's include guard skips it.
   Same layout as mingw-w64's (packed header + WAVEFORMATEX); portcls.h
   includes mmreg.h and then ksmedia.h again, which lands here. */
#if defined(_KSMEDIA_) && (defined(_INC_MMSYSTEM) || defined(_INC_MMREG)) && \
    !defined(KSTIDY_WDK_HAVE_KSDATAFORMAT_WAVEFORMATEX)
#define KSTIDY_WDK_HAVE_KSDATAFORMAT_WAVEFORMATEX
#include <pshpack1.h>
typedef struct {
  KSDATAFORMAT DataFormat;
  WAVEFORMATEX WaveFormatEx;
} KSDATAFORMAT_WAVEFORMATEX, *PKSDATAFORMAT_WAVEFORMATEX;
#include <poppack.h>
#endif
