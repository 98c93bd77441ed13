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
#else
typedef char TCHAR, *PTCHAR;
typedef unsigned char TBYTE, *PTBYTE;
#endif
#endif /* _DDK_DRIVER_ && !_TCHAR_DEFINED */

#include_next <ksmedia.h>

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

/* KSDATAFORMAT_SUBTYPE_IEC61937_* (page "Subformat GUIDs for Compressed
   Audio Formats"; only the rows shown there). */
#ifndef STATIC_KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL
#define STATIC_KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL \
  0x00000092, 0x0000, 0x0010, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71
DEFINE_GUIDSTRUCT("00000092-0000-0010-8000-00aa00389b71", KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL);
#define KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL DEFINE_GUIDNAMED(KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL)
#endif
#ifndef STATIC_KSDATAFORMAT_SUBTYPE_IEC61937_DTS
#define STATIC_KSDATAFORMAT_SUBTYPE_IEC61937_DTS \
  0x00000008, 0x0000, 0x0010, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71
DEFINE_GUIDSTRUCT("00000008-0000-0010-8000-00aa00389b71", KSDATAFORMAT_SUBTYPE_IEC61937_DTS);
#define KSDATAFORMAT_SUBTYPE_IEC61937_DTS DEFINE_GUIDNAMED(KSDATAFORMAT_SUBTYPE_IEC61937_DTS)
#endif
#ifndef STATIC_KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL_PLUS
#define STATIC_KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL_PLUS \
  0x0000000a, 0x0cea, 0x0010, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71
DEFINE_GUIDSTRUCT("0000000a-0cea-0010-8000-00aa00389b71", KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL_PLUS);
#define KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL_PLUS DEFINE_GUIDNAMED(KSDATAFORMAT_SUBTYPE_IEC61937_DOLBY_DIGITAL_PLUS)
#endif

/* KSPROPSETID_Jack (Windows 7+). */
DEFINE_GUIDEX(KSPROPSETID_Jack);
enum {
  KSPROPERTY_JACK_DESCRIPTION = 1,
  KSPROPERTY_JACK_DESCRIPTION2 = 2,
  KSPROPERTY_JACK_SINK_INFO = 3,
  KSPROPERTY_JACK_CONTAINERID = 4
};
#define JACKDESC2_PRESENCE_DETECT_CAPABILITY       0x00000001
#define JACKDESC2_DYNAMIC_FORMAT_CHANGE_CAPABILITY 0x00000002
typedef KSJACK_SINK_INFORMATION *PKSJACK_SINK_INFORMATION;
typedef struct {
  ULONG ConfigId;
} KSJACK_DESCRIPTION3, *PKSJACK_DESCRIPTION3;

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
DEFINE_GUIDEX(KSEVENTSETID_PinCapsChange);
typedef enum {
  KSEVENT_PINCAPS_FORMATCHANGE,
  KSEVENT_PINCAPS_JACKINFOCHANGE
} KSEVENT_PINCAPS_CHANGENOTIFICATIONS;

/* Audio signal processing modes (Windows 8.1 / 10). */
DEFINE_GUIDEX(KSPROPSETID_AudioSignalProcessing);
enum { KSPROPERTY_AUDIOSIGNALPROCESSING_MODES = 0 };
DEFINE_GUIDEX(KSATTRIBUTEID_AUDIOSIGNALPROCESSING_MODE);
DEFINE_GUIDEX(AUDIO_SIGNALPROCESSINGMODE_DEFAULT);
DEFINE_GUIDEX(AUDIO_SIGNALPROCESSINGMODE_RAW);
DEFINE_GUIDEX(AUDIO_SIGNALPROCESSINGMODE_COMMUNICATIONS);
DEFINE_GUIDEX(AUDIO_SIGNALPROCESSINGMODE_SPEECH);
DEFINE_GUIDEX(AUDIO_SIGNALPROCESSINGMODE_MEDIA);
DEFINE_GUIDEX(AUDIO_SIGNALPROCESSINGMODE_MOVIE);
DEFINE_GUIDEX(AUDIO_SIGNALPROCESSINGMODE_NOTIFICATION);
typedef struct {
  KSATTRIBUTE AttributeHeader;
  GUID SignalProcessingMode;
} KSATTRIBUTE_AUDIOSIGNALPROCESSING_MODE,
    *PKSATTRIBUTE_AUDIOSIGNALPROCESSING_MODE;

/* KSPROPSETID_AudioModule (Windows 10 1703). */
DEFINE_GUIDEX(KSPROPSETID_AudioModule);
DEFINE_GUIDEX(KSNOTIFICATIONID_AudioModule);
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
