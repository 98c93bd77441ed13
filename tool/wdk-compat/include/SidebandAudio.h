/*
 * kstidy WDK profile: SidebandAudio.h (sideband audio DDI, Windows 10
 * 1809+). Not in mingw-w64. Declarations written for kstidy from the
 * public reference pages under
 *   https://learn.microsoft.com/windows-hardware/drivers/ddi/sidebandaudio/
 * Only for parsing driver code; nothing here is compiled into a driver.
 *
 * The pages name the members but often not their C types; where a type
 * is not given, kstidy chose one that matches the documented meaning
 * (ULONG indexes/sizes, BOOL flags, LONG levels, NTSTATUS statuses).
 * The three "unnamed union" structures (IO_PARAM_HEADER, SIOP_REQUEST_PARAM,
 * STREAM_OPEN_PARAMS) are unions of the documented members with an
 * 8-byte Alignment member.
 *
 * Values: no IOCTL code or parameter-set GUID value is published, so the
 * GUIDs are declared without a value and the IOCTL codes are kstidy
 * placeholders (device type 0xFB7E, function 0x800 + n): distinct integer
 * constants so case labels parse, NOT the WDK values.
 * A real SidebandAudio.h later on the include path wins.
 */
#if defined(__has_include_next) && __has_include_next(<SidebandAudio.h>) && !defined(KSTIDY_WDK_FORCE_OWN_SIDEBANDAUDIO)
#include_next <SidebandAudio.h>
#else
#ifndef KSTIDY_WDK_SIDEBANDAUDIO_H
#define KSTIDY_WDK_SIDEBANDAUDIO_H

#ifndef CTL_CODE
#include <devioctl.h>
#endif
#include <ks.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KSTIDY_SBAUD_PLACEHOLDER_IOCTL(n) \
    CTL_CODE(0xFB7EUL, 0x800 + (n), METHOD_BUFFERED, FILE_ANY_ACCESS)

#define IOCTL_SBAUD_GET_DEVICE_DESCRIPTOR               KSTIDY_SBAUD_PLACEHOLDER_IOCTL(0)
#define IOCTL_SBAUD_GET_ENDPOINT_DESCRIPTOR             KSTIDY_SBAUD_PLACEHOLDER_IOCTL(1)
#define IOCTL_SBAUD_GET_ENDPOINT_DESCRIPTOR2            KSTIDY_SBAUD_PLACEHOLDER_IOCTL(2)
#define IOCTL_SBAUD_GET_SUPPORTED_FORMATS               KSTIDY_SBAUD_PLACEHOLDER_IOCTL(3)
#define IOCTL_SBAUD_GET_VOLUMEPROPERTYVALUES            KSTIDY_SBAUD_PLACEHOLDER_IOCTL(4)
#define IOCTL_SBAUD_GET_MUTEPROPERTYVALUES              KSTIDY_SBAUD_PLACEHOLDER_IOCTL(5)
#define IOCTL_SBAUD_GET_SIDETONE_VOLUMEPROPERTYVALUES   KSTIDY_SBAUD_PLACEHOLDER_IOCTL(6)
#define IOCTL_SBAUD_SET_VOLUME                          KSTIDY_SBAUD_PLACEHOLDER_IOCTL(7)
#define IOCTL_SBAUD_GET_VOLUME_STATUS_UPDATE            KSTIDY_SBAUD_PLACEHOLDER_IOCTL(8)
#define IOCTL_SBAUD_SET_MUTE                            KSTIDY_SBAUD_PLACEHOLDER_IOCTL(9)
#define IOCTL_SBAUD_GET_MUTE_STATUS_UPDATE              KSTIDY_SBAUD_PLACEHOLDER_IOCTL(10)
#define IOCTL_SBAUD_SET_SIDETONE_PROPERTY               KSTIDY_SBAUD_PLACEHOLDER_IOCTL(11)
#define IOCTL_SBAUD_GET_SIDETONE_STATUS_UPDATE          KSTIDY_SBAUD_PLACEHOLDER_IOCTL(12)
#define IOCTL_SBAUD_GET_CONNECTION_STATUS_UPDATE        KSTIDY_SBAUD_PLACEHOLDER_IOCTL(13)
#define IOCTL_SBAUD_GET_ERROR_STATUS_UPDATE             KSTIDY_SBAUD_PLACEHOLDER_IOCTL(14)
#define IOCTL_SBAUD_GET_STREAM_STATUS_UPDATE            KSTIDY_SBAUD_PLACEHOLDER_IOCTL(15)
#define IOCTL_SBAUD_SET_DEVICE_CLAIMED                  KSTIDY_SBAUD_PLACEHOLDER_IOCTL(16)
#define IOCTL_SBAUD_STREAM_OPEN                         KSTIDY_SBAUD_PLACEHOLDER_IOCTL(17)
#define IOCTL_SBAUD_STREAM_CLOSE                        KSTIDY_SBAUD_PLACEHOLDER_IOCTL(18)
#define IOCTL_SBAUD_STREAM_START                        KSTIDY_SBAUD_PLACEHOLDER_IOCTL(19)
#define IOCTL_SBAUD_STREAM_SUSPEND                      KSTIDY_SBAUD_PLACEHOLDER_IOCTL(20)
#define IOCTL_SBAUD_GET_SIOP                            KSTIDY_SBAUD_PLACEHOLDER_IOCTL(21)
#define IOCTL_SBAUD_SET_SIOP                            KSTIDY_SBAUD_PLACEHOLDER_IOCTL(22)
#define IOCTL_SBAUD_GET_SIOP_UPDATE                     KSTIDY_SBAUD_PLACEHOLDER_IOCTL(23)

/* Microsoft-defined parameter type ids. */
typedef enum _SIDEBANDAUDIO_PARAMS_MSFT_TYPE_ID {
    SBAUD_PARAMS_TYPE_RESERVED
} SIDEBANDAUDIO_PARAMS_MSFT_TYPE_ID;

/* Device properties for SIDEBANDAUDIO_ENDPOINT_DESCRIPTOR2 (devpropdef.h
   in the Windows SDK; mingw-w64 10 has DEVPROPKEY/DEVPROPTYPE only). */
#ifndef KSTIDY_WDK_HAVE_DEVPROPERTY
#define KSTIDY_WDK_HAVE_DEVPROPERTY
#include <devpropdef.h>
typedef enum _DEVPROPSTORE {
    DEVPROP_STORE_SYSTEM,
    DEVPROP_STORE_USER
} DEVPROPSTORE, *PDEVPROPSTORE;
typedef struct _DEVPROPCOMPKEY {
    DEVPROPKEY   Key;
    DEVPROPSTORE Store;
    PCWSTR       LocaleName;
} DEVPROPCOMPKEY, *PDEVPROPCOMPKEY;
typedef struct _DEVPROPERTY {
    DEVPROPCOMPKEY CompKey;
    DEVPROPTYPE    Type;
    ULONG          BufferSize;
    PVOID          Buffer;
} DEVPROPERTY, *PDEVPROPERTY;
#endif

/* Output of IOCTL_SBAUD_GET_DEVICE_DESCRIPTOR. */
typedef struct _SIDEBANDAUDIO_DEVICE_DESCRIPTOR {
    ULONG NumberOfEndpoints;
} SIDEBANDAUDIO_DEVICE_DESCRIPTOR, *PSIDEBANDAUDIO_DEVICE_DESCRIPTOR;

typedef struct _SIDEBANDAUDIO_ENDPOINT_CAPABILITIES {
    BOOL Volume;
    BOOL Mute;
    BOOL Sidetone;
    BOOL Feedback;
} SIDEBANDAUDIO_ENDPOINT_CAPABILITIES, *PSIDEBANDAUDIO_ENDPOINT_CAPABILITIES;

/* Output of IOCTL_SBAUD_GET_ENDPOINT_DESCRIPTOR. */
typedef struct _SIDEBANDAUDIO_ENDPOINT_DESCRIPTOR {
    ULONG                               CbSize;
    GUID                                ContainerId;
    GUID                                Category;
    KSPIN_DATAFLOW                      Direction;
    SIDEBANDAUDIO_ENDPOINT_CAPABILITIES Capabilities;
    UNICODE_STRING                      FriendlyName;
    ULONG                               VolumePropertyValuesSize;
    ULONG                               SidetoneVolumePropertyValueSize;
    ULONG                               MutePropertyValuesSize;
} SIDEBANDAUDIO_ENDPOINT_DESCRIPTOR, *PSIDEBANDAUDIO_ENDPOINT_DESCRIPTOR;

/* Output of IOCTL_SBAUD_GET_ENDPOINT_DESCRIPTOR2: version 1 plus the
   device properties to add to the filter's interface. */
typedef struct _SIDEBANDAUDIO_ENDPOINT_DESCRIPTOR2 {
    ULONG                               CbSize;
    GUID                                ContainerId;
    GUID                                Category;
    KSPIN_DATAFLOW                      Direction;
    SIDEBANDAUDIO_ENDPOINT_CAPABILITIES Capabilities;
    UNICODE_STRING                      FriendlyName;
    ULONG                               VolumePropertyValuesSize;
    ULONG                               SidetoneVolumePropertyValueSize;
    ULONG                               MutePropertyValuesSize;
    ULONG                               FilterInterfacePropertyCount;
    DEVPROPERTY                        *FilterInterfaceProperties;
} SIDEBANDAUDIO_ENDPOINT_DESCRIPTOR2, *PSIDEBANDAUDIO_ENDPOINT_DESCRIPTOR2;

/* Output of IOCTL_SBAUD_GET_SUPPORTED_FORMATS; the pointer array is
   stored after the structure. */
typedef struct _SIDEBANDAUDIO_SUPPORTED_FORMATS {
    ULONG          CbSize;
    ULONG          EpIndex;
    ULONG          NumFormats;
    PKSDATAFORMAT *Formats;
} SIDEBANDAUDIO_SUPPORTED_FORMATS, *PSIDEBANDAUDIO_SUPPORTED_FORMATS;

typedef struct _SIDEBANDAUDIO_VOLUME_PARAMS {
    ULONG EpIndex;
    BOOL  Immediate;
    ULONG Channel;
    LONG  Value;
} SIDEBANDAUDIO_VOLUME_PARAMS, *PSIDEBANDAUDIO_VOLUME_PARAMS;

typedef struct _SIDEBANDAUDIO_MUTE_PARAMS {
    ULONG EpIndex;
    BOOL  Immediate;
    ULONG Channel;
    BOOL  Value;
} SIDEBANDAUDIO_MUTE_PARAMS, *PSIDEBANDAUDIO_MUTE_PARAMS;

typedef struct _SIDEBANDAUDIO_SIDETONE_PARAMS {
    ULONG EpIndex;
    BOOL  Immediate;
    ULONG Channel;   /* ULONG(-1): not channel specific */
    LONG  Sidetone;  /* documented "TBD"; type is kstidy's */
} SIDEBANDAUDIO_SIDETONE_PARAMS, *PSIDEBANDAUDIO_SIDETONE_PARAMS;

typedef struct _SIDEBANDAUDIO_CONNECTION_PARAMS {
    ULONG EpIndex;
    BOOL  Immediate;
    BOOL  Connected;
} SIDEBANDAUDIO_CONNECTION_PARAMS, *PSIDEBANDAUDIO_CONNECTION_PARAMS;

typedef struct _SIDEBANDAUDIO_STREAM_STATUS_PARAMS {
    ULONG    EpIndex;
    BOOL     Immediate;
    NTSTATUS Status;
} SIDEBANDAUDIO_STREAM_STATUS_PARAMS, *PSIDEBANDAUDIO_STREAM_STATUS_PARAMS;

/* Size and type of a variable I/O parameter (SIOP). */
typedef union {
    struct {
        GUID  ParamSet;
        ULONG TypeId;
        ULONG Size;
    };
    LONGLONG Alignment;
} SIDEBANDAUDIO_IO_PARAM_HEADER, *PSIDEBANDAUDIO_IO_PARAM_HEADER;

/* Input of IOCTL_SBAUD_GET_SIOP / _SET_SIOP / _GET_SIOP_UPDATE. */
typedef union {
    struct {
        ULONG                         EpIndex;
        SIDEBANDAUDIO_IO_PARAM_HEADER RequestedSiop;
    };
    LONGLONG Alignment;
} SIDEBANDAUDIO_SIOP_REQUEST_PARAM, *PSIDEBANDAUDIO_SIOP_REQUEST_PARAM;

/* Input of IOCTL_SBAUD_STREAM_OPEN. */
typedef union {
    struct {
        ULONG         EpIndex;
        PKSDATAFORMAT Format;
        ULONG         SiopCount;
    };
    LONGLONG Alignment;
} SIDEBANDAUDIO_STREAM_OPEN_PARAMS, *PSIDEBANDAUDIO_STREAM_OPEN_PARAMS;

#ifdef __cplusplus
}
#endif

#endif /* KSTIDY_WDK_SIDEBANDAUDIO_H */
#endif
