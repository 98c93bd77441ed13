//
// avscap.h - shared declarations of the AvsCap AVStream capture driver.
//
// AvsCap is a simulated camera: one filter with a video capture pin
// (YUY2, 320x240) and a kernel-only luma-histogram pin that supplies its own
// frame allocator. A private control channel rides on the KS property
// machinery: private IOCTLs sent to a filter handle are decoded with
// KsPropertyHandler(WithAllocator) / KsMethodHandlerWithAllocator against
// private property and method sets (see control.cpp).
//
#pragma once

#include <wdm.h>
#include <windef.h>
#include <ks.h>
#include <ksmedia.h>
#include <ntstrsafe.h>

#define AVSCAP_POOL_TAG 'pCvA'

#define AVSCAP_WIDTH 320
#define AVSCAP_HEIGHT 240
#define AVSCAP_BITS_PER_PIXEL 16
#define AVSCAP_FRAME_BYTES (AVSCAP_WIDTH * AVSCAP_HEIGHT * AVSCAP_BITS_PER_PIXEL / 8)
#define AVSCAP_FRAME_INTERVAL 333333 // 100 ns units: 30 frames per second

#define AVSCAP_HISTOGRAM_BINS 64

// Payload of one frame on the histogram pin.
typedef struct _AVSCAP_HISTOGRAM {
    ULONGLONG FrameNumber;
    ULONG Bins[AVSCAP_HISTOGRAM_BINS];
} AVSCAP_HISTOGRAM, *PAVSCAP_HISTOGRAM;

//
// Pin ids, in the order of the filter's pin descriptor table.
//
enum AVSCAP_PIN_ID {
    AvsCapPinCapture = 0,
    AvsCapPinHistogram = 1,
    AvsCapPinCount
};

//
// Per-device state (KSDEVICE.Context). Created in AvsCapDeviceAdd and freed
// through the device's object bag.
//
typedef struct _AVSCAP_DEVICE {
    PKSDEVICE KsDevice;

    // Sensor tuning, private set AVSCAP_PROPSETID_Tuning.
    ULONG ExposureMicroseconds;
    ULONG GainCentibels;

    // Video processing amplifier, PROPSETID_VIDCAP_VIDEOPROCAMP.
    LONG Brightness;
    LONG Contrast;

    // Statistics, private sets Status / Diagnostics / Legacy.
    volatile LONG FramesDelivered;
    volatile LONG FramesDropped;
    volatile LONG AllocationFailures;
    volatile LONG SensorResets;
} AVSCAP_DEVICE, *PAVSCAP_DEVICE;

#define AVSCAP_DEFAULT_EXPOSURE 10000
#define AVSCAP_MAX_EXPOSURE 100000

//
// Private control channel: IOCTLs carrying a KSPROPERTY / KSMETHOD request
// (METHOD_NEITHER, same buffer conventions as IOCTL_KS_PROPERTY).
//
#define IOCTL_AVSCAP_TUNING_PROPERTY CTL_CODE(FILE_DEVICE_KS, 0x800, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_AVSCAP_DIAG_PROPERTY CTL_CODE(FILE_DEVICE_KS, 0x801, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_AVSCAP_STATUS_PROPERTY CTL_CODE(FILE_DEVICE_KS, 0x802, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_AVSCAP_LEGACY_PROPERTY CTL_CODE(FILE_DEVICE_KS, 0x803, METHOD_NEITHER, FILE_ANY_ACCESS)
#define IOCTL_AVSCAP_MAINTENANCE_METHOD CTL_CODE(FILE_DEVICE_KS, 0x804, METHOD_NEITHER, FILE_ANY_ACCESS)

// Private property / method / event set identifiers (defined in device.cpp).
extern const GUID AVSCAP_PROPSETID_Tuning;
extern const GUID AVSCAP_PROPSETID_Diagnostics;
extern const GUID AVSCAP_PROPSETID_Status;
extern const GUID AVSCAP_PROPSETID_Legacy;
extern const GUID AVSCAP_PROPSETID_HistogramControl;
extern const GUID AVSCAP_METHODSETID_Maintenance;
extern const GUID AVSCAP_METHODSETID_ProcAmp;
extern const GUID AVSCAP_EVENTSETID_Sensor;
extern const GUID AVSCAP_SUBTYPE_LumaHistogram;

// Data ranges are initialized field by field, so the histogram subtype is
// also needed in its STATIC_ (comma-separated) form.
#define STATIC_AVSCAP_SUBTYPE_LumaHistogram \
    0x15ebf0e0, 0x320c, 0x4940, 0x8e, 0xd8, 0x09, 0x61, 0x3e, 0x57, 0x86, 0xf3

enum AVSCAP_TUNING_PROPERTY {
    AVSCAP_TUNING_EXPOSURE = 0,
    AVSCAP_TUNING_GAIN = 1,
};

enum AVSCAP_DIAG_PROPERTY {
    AVSCAP_DIAG_FRAMES_DELIVERED = 0,
    AVSCAP_DIAG_FRAMES_DROPPED = 1,
    AVSCAP_DIAG_ALLOCATION_FAILURES = 2,
};

enum AVSCAP_STATUS_PROPERTY {
    AVSCAP_STATUS_SUMMARY = 0,
    AVSCAP_STATUS_FIRMWARE_VERSION = 1,
};

enum AVSCAP_LEGACY_PROPERTY {
    AVSCAP_LEGACY_DROPPED_COUNT = 0,
};

enum AVSCAP_HISTOGRAM_CONTROL_PROPERTY {
    AVSCAP_HISTOGRAM_BIN_COUNT = 0,
    AVSCAP_HISTOGRAM_DECIMATION = 1,
};

enum AVSCAP_MAINTENANCE_METHOD {
    AVSCAP_MAINTENANCE_RESET_COUNTERS = 0,
    AVSCAP_MAINTENANCE_RESET_SENSOR = 1,
};

enum AVSCAP_PROCAMP_METHOD {
    AVSCAP_PROCAMP_RESTORE_DEFAULTS = 0,
};

enum AVSCAP_SENSOR_EVENT {
    AVSCAP_SENSOR_EVENT_OVERHEAT = 0,
};

// Output of AVSCAP_STATUS_SUMMARY.
typedef struct _AVSCAP_STATUS {
    ULONG FramesDelivered;
    ULONG FramesDropped;
    ULONG ExposureMicroseconds;
    ULONG GainCentibels;
} AVSCAP_STATUS, *PAVSCAP_STATUS;

//
// Extended property items. The KS runtime reads only the leading
// KSPROPERTY_ITEM of each entry and steps through a table by the
// PropertyItemSize it is given; when that is sizeof(the struct),
// KSPROPERTY_ITEM_IRP_STORAGE(Irp) points at the matched entry and its
// handler can read the private fields behind the KSPROPERTY_ITEM.
//

// Tuning item: a set request needs a handle opened with write access.
typedef struct _AVSCAP_TUNING_ITEM {
    KSPROPERTY_ITEM Item;
    BOOLEAN SetNeedsWriteAccess;
    ULONG MaximumValue;
} AVSCAP_TUNING_ITEM, *PAVSCAP_TUNING_ITEM; // 80 bytes on x64

// Diagnostics item: which device counter the property reports.
typedef struct _AVSCAP_DIAG_ITEM {
    KSPROPERTY_ITEM Item;
    ULONG CounterOffset; // FIELD_OFFSET into AVSCAP_DEVICE
} AVSCAP_DIAG_ITEM, *PAVSCAP_DIAG_ITEM; // 80 bytes on x64

// Histogram pin control item: highest pin state in which a set is allowed.
typedef struct _AVSCAP_PIN_CONTROL_ITEM {
    KSPROPERTY_ITEM Item;
    KSSTATE HighestSetState;
} AVSCAP_PIN_CONTROL_ITEM, *PAVSCAP_PIN_CONTROL_ITEM; // 80 bytes on x64

//
// Shared helpers and descriptors.
//
PAVSCAP_DEVICE AvsCapDeviceFromIrp(_In_ PIRP Irp);

// Size handshake for handlers whose items declare MinData == 0: the KS
// runtime does not check the output length for them, the handler must.
NTSTATUS AvsCapCheckOutputLength(_In_ PIRP Irp, _In_ ULONG Required);

NTSTATUS AvsCapInstallControlChannel(_In_ PDRIVER_OBJECT DriverObject);

extern const KSFILTER_DESCRIPTOR AvsCapFilterDescriptor;
extern const KSPIN_DESCRIPTOR_EX AvsCapPinDescriptors[AvsCapPinCount];
extern const KSALLOCATOR_DISPATCH AvsCapHistogramAllocatorDispatch;

//
// Sensor control sets (sensor.cpp): raw sensor state, per-pin readout
// settings and factory calibration. Requests arrive through
// AvsCapSensorDispatch (KsPropertyHandler) and AvsCapSensorFastDispatch.
//
extern const GUID AVSCAP_PROPSETID_Sensor;
extern const GUID AVSCAP_PROPSETID_SensorPin;
extern const GUID AVSCAP_PROPSETID_SensorCalibration;

enum AVSCAP_SENSOR_PROPERTY {
    AVSCAP_SENSOR_TEMPERATURE = 0,   // LONG, 1/100 degree Celsius
    AVSCAP_SENSOR_SERIAL_NUMBER = 1, // WCHAR[], variable size
    AVSCAP_SENSOR_INFO = 2,          // AVSCAP_SENSOR_DESCRIPTION
    AVSCAP_SENSOR_FRAME_TIMING = 3,  // AVSCAP_SENSOR_TIMING
    AVSCAP_SENSOR_TEST_PATTERN = 4,  // ULONG, set only
};

enum AVSCAP_SENSOR_PIN_PROPERTY {   // request: KSP_PIN
    AVSCAP_SENSOR_PIN_BINNING = 0,  // ULONG: 1, 2 or 4
    AVSCAP_SENSOR_PIN_CROP = 1,     // AVSCAP_SENSOR_CROP
};

enum AVSCAP_SENSOR_CALIBRATION_PROPERTY {
    AVSCAP_CALIBRATION_BLACK_LEVEL_EVEN = 0, // LONG
    AVSCAP_CALIBRATION_BLACK_LEVEL_ODD = 1,  // LONG
    AVSCAP_CALIBRATION_DEFECT_PIXELS = 2,    // KSMULTIPLE_ITEM + AVSCAP_DEFECT_PIXEL[]
    AVSCAP_CALIBRATION_LENS_SHADING = 3,     // reserved
};

typedef struct _AVSCAP_SENSOR_DESCRIPTION {
    ULONG ActiveWidth;
    ULONG ActiveHeight;
    ULONG PixelPitchNanometers;
    ULONG BitsPerPixel;
} AVSCAP_SENSOR_DESCRIPTION, *PAVSCAP_SENSOR_DESCRIPTION;

typedef struct _AVSCAP_SENSOR_TIMING {
    ULONG ExposureMicroseconds;
    ULONG ReadoutMicroseconds;
} AVSCAP_SENSOR_TIMING, *PAVSCAP_SENSOR_TIMING; // 8 bytes

typedef struct _AVSCAP_SENSOR_CROP {
    ULONG Left;
    ULONG Top;
    ULONG Width;
    ULONG Height;
} AVSCAP_SENSOR_CROP, *PAVSCAP_SENSOR_CROP;

typedef struct _AVSCAP_DEFECT_PIXEL {
    USHORT X;
    USHORT Y;
} AVSCAP_DEFECT_PIXEL, *PAVSCAP_DEFECT_PIXEL;

NTSTATUS AvsCapSensorDispatch(_In_ PIRP Irp);
BOOLEAN AvsCapSensorFastDispatch(_In_ PFILE_OBJECT FileObject, _In_ PKSPROPERTY Property, _In_ ULONG PropertyLength,
                                 _Inout_ PVOID Data, _In_ ULONG DataLength, _Out_ PIO_STATUS_BLOCK IoStatus);

//
// Metadata and statistics pins (allocator2.cpp). Each has its own one-entry
// descriptor array and its own KSALLOCATOR_DISPATCH; neither is in the
// filter's pin table (AvsCapPinDescriptors) yet.
//
// Metadata pin: one AVSCAP_METADATA_FRAME_BYTES frame per video frame, made
// of records that each start with an AVSCAP_METADATA_RECORD_HEADER.
#define AVSCAP_METADATA_FRAME_BYTES 4096
#define AVSCAP_METADATA_RECORD_BYTES 1024 // largest single record
#define AVSCAP_METADATA_FRAMES 4

enum AVSCAP_METADATA_RECORD_TYPE {
    AVSCAP_METADATA_RECORD_TIMING = 1,   // AVSCAP_SENSOR_TIMING
    AVSCAP_METADATA_RECORD_EXPOSURE = 2, // ULONG exposure, ULONG gain
};

typedef struct _AVSCAP_METADATA_RECORD_HEADER {
    ULONG RecordType;  // AVSCAP_METADATA_RECORD_TYPE
    ULONG RecordBytes; // header included
} AVSCAP_METADATA_RECORD_HEADER, *PAVSCAP_METADATA_RECORD_HEADER;

// Statistics pin: one AVSCAP_FRAME_STATISTICS per video frame.
typedef struct _AVSCAP_FRAME_STATISTICS {
    ULONGLONG FrameNumber;
    ULONG ExposureMicroseconds;
    ULONG GainCentibels;
    ULONG MeanLuma;
    ULONG ClippedPixels;
} AVSCAP_FRAME_STATISTICS, *PAVSCAP_FRAME_STATISTICS;

// Subtypes of the two streams, in STATIC_ form for the data ranges.
#define STATIC_AVSCAP_SUBTYPE_SensorMetadata \
    0xb81d8554, 0x91ae, 0x4790, 0xa1, 0x31, 0x3c, 0x50, 0x47, 0x69, 0x77, 0x63
#define STATIC_AVSCAP_SUBTYPE_FrameStatistics \
    0xd017ae3d, 0xf9f0, 0x481f, 0xbf, 0x25, 0x37, 0x77, 0x7b, 0x55, 0xd0, 0xf3

extern const KSALLOCATOR_DISPATCH AvsCapMetadataAllocatorDispatch;
extern const KSALLOCATOR_DISPATCH AvsCapStatisticsAllocatorDispatch;
extern const KSPIN_DESCRIPTOR_EX AvsCapMetadataPinDescriptors[1];
extern const KSPIN_DESCRIPTOR_EX AvsCapStatisticsPinDescriptors[1];
