//
// sensor.cpp - sensor control property sets.
//
// Three private sets describe the (simulated) image sensor: its live state
// (AVSCAP_PROPSETID_Sensor), per-pin readout settings addressed with a
// KSP_PIN (AVSCAP_PROPSETID_SensorPin) and the factory calibration
// (AVSCAP_PROPSETID_SensorCalibration). AvsCapSensorDispatch decodes them
// with KsPropertyHandler; the temperature also has a fast-I/O path.
//
// The sensor is one piece of hardware shared by every filter instance, so
// its state is global rather than per KSDEVICE.
//
#include "avscap.h"

const GUID AVSCAP_PROPSETID_Sensor =
    {0x8d74aaed, 0xed40, 0x4453, {0x83, 0x31, 0x5b, 0xe0, 0x0d, 0x52, 0x1b, 0xf2}};
const GUID AVSCAP_PROPSETID_SensorPin =
    {0x6bb5a25d, 0x8439, 0x494b, {0x89, 0x55, 0x3a, 0x55, 0xcf, 0x70, 0x7f, 0x35}};
const GUID AVSCAP_PROPSETID_SensorCalibration =
    {0x5db97afa, 0xa9a3, 0x497c, {0xba, 0x32, 0x47, 0xfd, 0xd2, 0xc0, 0xe6, 0xbc}};

#define AVSCAP_DEFECT_PIXEL_MAX 8

typedef struct _AVSCAP_SENSOR_STATE {
    LONG TemperatureOffset;             // calibration, 1/100 degree
    ULONG TestPattern;                  // 0: live image
    ULONG Binning[AvsCapPinCount];
    AVSCAP_SENSOR_CROP Crop[AvsCapPinCount];
    LONG BlackLevel[2];                 // even / odd columns
    ULONG DefectPixelCount;
    AVSCAP_DEFECT_PIXEL DefectPixels[AVSCAP_DEFECT_PIXEL_MAX];
} AVSCAP_SENSOR_STATE;

static AVSCAP_SENSOR_STATE AvsCapSensor = {
    0,      // TemperatureOffset
    0,      // TestPattern
    {1, 1}, // Binning
    {{0, 0, AVSCAP_WIDTH, AVSCAP_HEIGHT}, {0, 0, AVSCAP_WIDTH, AVSCAP_HEIGHT}},
    {64, 64},
    3,
    {{17, 40}, {203, 111}, {290, 7}},
};

// Die temperature of the simulated sensor: 35..45 degrees, following the
// interrupt time.
static LONG AvsCapSensorTemperature()
{
    ULONGLONG seconds = KeQueryInterruptTime() / 10000000;
    return 3500 + static_cast<LONG>(seconds % 1000) + AvsCapSensor.TemperatureOffset;
}

//
// AVSCAP_PROPSETID_Sensor
//

// MinData sizeof(LONG): the runtime guarantees the four bytes written here.
static NTSTATUS AvsCapSensorGetTemperature(_In_ PIRP Irp, _In_ PKSIDENTIFIER Request, _Out_ PVOID Data)
{
    UNREFERENCED_PARAMETER(Request);

    *(PLONG)Data = AvsCapSensorTemperature();
    Irp->IoStatus.Information = sizeof(LONG);
    return STATUS_SUCCESS;
}

static NTSTATUS AvsCapSensorSetTemperatureOffset(_In_ PIRP Irp, _In_ PKSIDENTIFIER Request, _In_ PVOID Data)
{
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(Request);

    LONG offset = *static_cast<const LONG *>(Data);
    if (offset < -500 || offset > 500) {
        return STATUS_INVALID_PARAMETER;
    }
    AvsCapSensor.TemperatureOffset = offset;
    return STATUS_SUCCESS;
}

// Variable-size result, MinData 0: the handler answers size queries and
// checks the output length itself.
static NTSTATUS AvsCapSensorGetSerialNumber(_In_ PIRP Irp, _In_ PKSIDENTIFIER Request, _Out_ PVOID Data)
{
    static const WCHAR serial[] = L"AVS-SIM-0042-7";
    UNREFERENCED_PARAMETER(Request);

    ULONG outputLength = IoGetCurrentIrpStackLocation(Irp)->Parameters.DeviceIoControl.OutputBufferLength;
    if (outputLength == 0) {
        Irp->IoStatus.Information = sizeof(serial);
        return STATUS_BUFFER_OVERFLOW;
    }
    if (outputLength < sizeof(serial)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(Data, serial, sizeof(serial));
    Irp->IoStatus.Information = sizeof(serial);
    return STATUS_SUCCESS;
}

static NTSTATUS AvsCapSensorGetInfo(_In_ PIRP Irp, _In_ PKSIDENTIFIER Request, _Out_ PVOID Data)
{
    UNREFERENCED_PARAMETER(Request);

    AVSCAP_SENSOR_DESCRIPTION info;
    info.ActiveWidth = AVSCAP_WIDTH;
    info.ActiveHeight = AVSCAP_HEIGHT;
    info.PixelPitchNanometers = 1400;
    info.BitsPerPixel = 10;
    RtlCopyMemory(Data, &info, sizeof(info));
    Irp->IoStatus.Information = sizeof(info);
    return STATUS_SUCCESS;
}

static NTSTATUS AvsCapSensorGetFrameTiming(_In_ PIRP Irp, _In_ PKSIDENTIFIER Request, _Out_ PVOID Data)
{
    UNREFERENCED_PARAMETER(Request);

    PAVSCAP_SENSOR_TIMING timing = (PAVSCAP_SENSOR_TIMING)Data;
    timing->ExposureMicroseconds = AVSCAP_DEFAULT_EXPOSURE;
    timing->ReadoutMicroseconds = AVSCAP_FRAME_INTERVAL / 10 - AVSCAP_DEFAULT_EXPOSURE;
    Irp->IoStatus.Information = sizeof(AVSCAP_SENSOR_TIMING);
    return STATUS_SUCCESS;
}

static NTSTATUS AvsCapSensorSetTestPattern(_In_ PIRP Irp, _In_ PKSIDENTIFIER Request, _In_ PVOID Data)
{
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(Request);

    ULONG pattern = *static_cast<const ULONG *>(Data);
    if (pattern > 3) {
        return STATUS_INVALID_PARAMETER;
    }
    AvsCapSensor.TestPattern = pattern;
    return STATUS_SUCCESS;
}

// Project wrappers around DEFINE_KSPROPERTY_ITEM: a read-only item and a
// write-only item whose data is exactly one Type.
#define AVSCAP_SENSOR_GET_ITEM(Id, Handler, Type) \
    DEFINE_KSPROPERTY_ITEM(Id, Handler, sizeof(KSPROPERTY), sizeof(Type), NULL, NULL, 0, NULL, NULL, 0)
#define AVSCAP_SENSOR_SET_ITEM(Id, Handler, Type) \
    DEFINE_KSPROPERTY_ITEM(Id, NULL, sizeof(KSPROPERTY), sizeof(Type), Handler, NULL, 0, NULL, NULL, 0)

static DEFINE_KSPROPERTY_TABLE(AvsCapSensorItems) {
    AVSCAP_SENSOR_GET_ITEM(AVSCAP_SENSOR_TEMPERATURE, AvsCapSensorGetTemperature, LONG),
    DEFINE_KSPROPERTY_ITEM(AVSCAP_SENSOR_SERIAL_NUMBER, AvsCapSensorGetSerialNumber, sizeof(KSPROPERTY), 0,
                           NULL, NULL, 0, NULL, NULL, 0),
    AVSCAP_SENSOR_GET_ITEM(AVSCAP_SENSOR_INFO, AvsCapSensorGetInfo, AVSCAP_SENSOR_DESCRIPTION),
    DEFINE_KSPROPERTY_ITEM(AVSCAP_SENSOR_FRAME_TIMING, AvsCapSensorGetFrameTiming, sizeof(KSPROPERTY),
                           // SEEDED DEFECT 8: ks-property-min-size — MinData sizeof(ULONG) (4), but AvsCapSensorGetFrameTiming writes an 8-byte AVSCAP_SENSOR_TIMING through Data and never checks the output length
                           sizeof(ULONG),
                           NULL, NULL, 0, NULL, NULL, 0),
    AVSCAP_SENSOR_SET_ITEM(AVSCAP_SENSOR_TEST_PATTERN, AvsCapSensorSetTestPattern, ULONG),
    // SEEDED DEFECT 6: ks-property-duplicate-id — AVSCAP_SENSOR_TEMPERATURE is already entry 0 of this table; KS matches the first, so this set handler never runs
    DEFINE_KSPROPERTY_ITEM(AVSCAP_SENSOR_TEMPERATURE, NULL, sizeof(KSPROPERTY), sizeof(LONG),
                           AvsCapSensorSetTemperatureOffset, NULL, 0, NULL, NULL, 0),
};

// Fast I/O: the temperature is polled often; no IRP needed. A fast handler
// gets the raw buffer lengths and checks them itself.
static BOOLEAN AvsCapSensorFastGetTemperature(_In_ PFILE_OBJECT FileObject, _In_ PKSIDENTIFIER Request,
                                              _In_ ULONG RequestLength, _Out_ PVOID Data, _In_ ULONG DataLength,
                                              _Out_ PIO_STATUS_BLOCK IoStatus)
{
    UNREFERENCED_PARAMETER(FileObject);
    UNREFERENCED_PARAMETER(Request);

    if (RequestLength < sizeof(KSPROPERTY) || DataLength < sizeof(LONG)) {
        return FALSE; // take the IRP path, which reports the error
    }
    *static_cast<PLONG>(Data) = AvsCapSensorTemperature();
    IoStatus->Status = STATUS_SUCCESS;
    IoStatus->Information = sizeof(LONG);
    return TRUE;
}

static const KSFASTPROPERTY_ITEM AvsCapSensorFastItems[] = {
    DEFINE_KSFASTPROPERTY_ITEM(AVSCAP_SENSOR_TEMPERATURE, AvsCapSensorFastGetTemperature, NULL),
};

//
// AVSCAP_PROPSETID_SensorPin: the request is a KSP_PIN naming the pin.
//

// The handler's Request parameter is declared as the KSP_PIN it is.
static NTSTATUS AvsCapSensorPinBinning(_In_ PIRP Irp, _In_ PKSP_PIN Request, _Inout_ PULONG Binning)
{
    if (Request->PinId >= AvsCapPinCount) {
        return STATUS_INVALID_PARAMETER;
    }
    if (Request->Property.Flags & KSPROPERTY_TYPE_GET) {
        *Binning = AvsCapSensor.Binning[Request->PinId];
        Irp->IoStatus.Information = sizeof(ULONG);
        return STATUS_SUCCESS;
    }
    if (*Binning != 1 && *Binning != 2 && *Binning != 4) {
        return STATUS_INVALID_PARAMETER;
    }
    AvsCapSensor.Binning[Request->PinId] = *Binning;
    return STATUS_SUCCESS;
}

static NTSTATUS AvsCapSensorGetPinCrop(_In_ PIRP Irp, _In_ PKSIDENTIFIER Request, _Out_ PVOID Data)
{
    PKSP_PIN Pin = (PKSP_PIN)Request;
    if (Pin->PinId >= AvsCapPinCount) {
        return STATUS_INVALID_PARAMETER;
    }
    *static_cast<PAVSCAP_SENSOR_CROP>(Data) = AvsCapSensor.Crop[Pin->PinId];
    Irp->IoStatus.Information = sizeof(AVSCAP_SENSOR_CROP);
    return STATUS_SUCCESS;
}

static DEFINE_KSPROPERTY_TABLE(AvsCapSensorPinItems) {
    DEFINE_KSPROPERTY_ITEM(AVSCAP_SENSOR_PIN_BINNING, AvsCapSensorPinBinning, sizeof(KSP_PIN), sizeof(ULONG),
                           AvsCapSensorPinBinning, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(AVSCAP_SENSOR_PIN_CROP, AvsCapSensorGetPinCrop,
                           // SEEDED DEFECT 9: ks-property-min-size — MinProperty sizeof(KSPROPERTY) (24), but AvsCapSensorGetPinCrop reads the request as a 32-byte KSP_PIN (PinId)
                           sizeof(KSPROPERTY),
                           sizeof(AVSCAP_SENSOR_CROP), NULL, NULL, 0, NULL, NULL, 0),
};

//
// AVSCAP_PROPSETID_SensorCalibration
//

// One handler per black-level column phase, instantiated from a template.
template <ULONG Phase>
static NTSTATUS AvsCapBlackLevelHandler(_In_ PIRP Irp, _In_ PKSPROPERTY Property, _Inout_ PLONG Level)
{
    static_assert(Phase < SIZEOF_ARRAY(AvsCapSensor.BlackLevel), "black level phase out of range");

    if (Property->Flags & KSPROPERTY_TYPE_GET) {
        *Level = AvsCapSensor.BlackLevel[Phase];
        Irp->IoStatus.Information = sizeof(LONG);
        return STATUS_SUCCESS;
    }
    if (*Level < 0 || *Level > 255) {
        return STATUS_INVALID_PARAMETER;
    }
    AvsCapSensor.BlackLevel[Phase] = *Level;
    return STATUS_SUCCESS;
}

#define AVSCAP_BLACK_LEVEL_ITEM(Id, Phase)                                                              \
    DEFINE_KSPROPERTY_ITEM(Id, AvsCapBlackLevelHandler<Phase>, sizeof(KSPROPERTY), sizeof(LONG),        \
                           AvsCapBlackLevelHandler<Phase>, NULL, 0, NULL, NULL, 0)

// KSMULTIPLE_ITEM header followed by the defect list; MinData 0, the
// shared helper does the size handshake.
static NTSTATUS AvsCapGetDefectPixels(_In_ PIRP Irp, _In_ PKSPROPERTY Property, _Out_ PVOID Data)
{
    UNREFERENCED_PARAMETER(Property);

    ULONG count = AvsCapSensor.DefectPixelCount;
    ULONG size = sizeof(KSMULTIPLE_ITEM) + count * sizeof(AVSCAP_DEFECT_PIXEL);
    NTSTATUS status = AvsCapCheckOutputLength(Irp, size);
    if (status != STATUS_SUCCESS) {
        return status;
    }

    PKSMULTIPLE_ITEM header = static_cast<PKSMULTIPLE_ITEM>(Data);
    header->Size = size;
    header->Count = count;
    RtlCopyMemory(header + 1, AvsCapSensor.DefectPixels, count * sizeof(AVSCAP_DEFECT_PIXEL));
    Irp->IoStatus.Information = size;
    return STATUS_SUCCESS;
}

static DEFINE_KSPROPERTY_TABLE(AvsCapSensorCalibrationItems) {
    AVSCAP_BLACK_LEVEL_ITEM(AVSCAP_CALIBRATION_BLACK_LEVEL_EVEN, 0),
    AVSCAP_BLACK_LEVEL_ITEM(AVSCAP_CALIBRATION_BLACK_LEVEL_ODD, 1),
    DEFINE_KSPROPERTY_ITEM(AVSCAP_CALIBRATION_DEFECT_PIXELS, AvsCapGetDefectPixels, sizeof(KSPROPERTY), 0, NULL,
                           NULL, 0, NULL, NULL, 0),
    // SEEDED DEFECT 10: ks-property-missing-handler — no get, set or support handler: KS matches the id and has nothing to call
    DEFINE_KSPROPERTY_ITEM(AVSCAP_CALIBRATION_LENS_SHADING, NULL, sizeof(KSPROPERTY), 0, NULL, NULL, 0, NULL, NULL, 0),
};

//
// The sets and their dispatch.
//
static DEFINE_KSPROPERTY_SET_TABLE(AvsCapSensorSets) {
    DEFINE_KSPROPERTY_SET(&AVSCAP_PROPSETID_Sensor, SIZEOF_ARRAY(AvsCapSensorItems), AvsCapSensorItems,
                          SIZEOF_ARRAY(AvsCapSensorFastItems), AvsCapSensorFastItems),
    DEFINE_KSPROPERTY_SET(&AVSCAP_PROPSETID_SensorPin, SIZEOF_ARRAY(AvsCapSensorPinItems), AvsCapSensorPinItems,
                          0, NULL),
    DEFINE_KSPROPERTY_SET(&AVSCAP_PROPSETID_SensorCalibration,
                          // SEEDED DEFECT 7: ks-property-set-count — PropertiesCount 5, but AvsCapSensorCalibrationItems has 4 entries; KS reads a fifth item past the end of the array
                          5,
                          AvsCapSensorCalibrationItems, 0, NULL),
};

NTSTATUS AvsCapSensorDispatch(_In_ PIRP Irp)
{
    return KsPropertyHandler(Irp, SIZEOF_ARRAY(AvsCapSensorSets), AvsCapSensorSets);
}

BOOLEAN AvsCapSensorFastDispatch(_In_ PFILE_OBJECT FileObject, _In_ PKSPROPERTY Property, _In_ ULONG PropertyLength,
                                 _Inout_ PVOID Data, _In_ ULONG DataLength, _Out_ PIO_STATUS_BLOCK IoStatus)
{
    return KsFastPropertyHandler(FileObject, Property, PropertyLength, Data, DataLength, IoStatus,
                                 SIZEOF_ARRAY(AvsCapSensorSets), AvsCapSensorSets);
}
