//
// pin.cpp - pin descriptors, framing, the capture pin and the histogram pin.
//
#include "pin.h"

//
// Capture pin.
//
NTSTATUS CapturePin::Create(_In_ PKSPIN Pin, _In_ PIRP Irp)
{
    UNREFERENCED_PARAMETER(Irp);

    PAVSCAP_CAPTURE_STATE state = static_cast<PAVSCAP_CAPTURE_STATE>(
        ExAllocatePoolZero(NonPagedPoolNx, sizeof(AVSCAP_CAPTURE_STATE), AVSCAP_POOL_TAG));
    if (!state) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    NTSTATUS status = KsAddItemToObjectBag(Pin->Bag, state, NULL);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(state, AVSCAP_POOL_TAG);
        return status;
    }

    state->Device = static_cast<PAVSCAP_DEVICE>(KsPinGetDevice(Pin)->Context);
    state->FrameBytes = AVSCAP_FRAME_BYTES;
    Pin->Context = state;
    return STATUS_SUCCESS;
}

NTSTATUS CapturePin::SetDeviceState(_In_ PKSPIN Pin, _In_ KSSTATE ToState, _In_ KSSTATE FromState)
{
    UNREFERENCED_PARAMETER(FromState);

    PAVSCAP_CAPTURE_STATE state = static_cast<PAVSCAP_CAPTURE_STATE>(Pin->Context);
    if (ToState == KSSTATE_STOP) {
        state->FrameNumber = 0;
    }
    return STATUS_SUCCESS;
}

void CapturePin::FillFrame(_Out_writes_bytes_(Length) PUCHAR Buffer, _In_ ULONG Length,
                           _In_ ULONGLONG FrameNumber)
{
    // YUY2 test pattern: a luma ramp that scrolls one column per frame,
    // neutral chroma.
    const ULONG stride = AVSCAP_WIDTH * 2;
    for (ULONG offset = 0; offset + 1 < Length; offset += 2) {
        ULONG column = (offset % stride) / 2;
        Buffer[offset] = static_cast<UCHAR>((column + FrameNumber) & 0xff);
        Buffer[offset + 1] = 0x80;
    }
}

NTSTATUS CapturePin::Process(_In_ PKSPIN Pin)
{
    PAVSCAP_CAPTURE_STATE state = static_cast<PAVSCAP_CAPTURE_STATE>(Pin->Context);

    for (PKSSTREAM_POINTER leading = KsPinGetLeadingEdgeStreamPointer(Pin, KSSTREAM_POINTER_STATE_LOCKED);
         leading != NULL;
         leading = KsPinGetLeadingEdgeStreamPointer(Pin, KSSTREAM_POINTER_STATE_LOCKED)) {
        PKSSTREAM_HEADER header = leading->StreamHeader;

        if (leading->OffsetOut.Remaining < state->FrameBytes) {
            // The frame cannot hold a picture: return it empty.
            InterlockedIncrement(&state->Device->FramesDropped);
            header->DataUsed = 0;
            KsStreamPointerAdvanceOffsetsAndUnlock(leading, 0, leading->OffsetOut.Remaining, TRUE);
            continue;
        }

        FillFrame(leading->OffsetOut.Data, state->FrameBytes, state->FrameNumber);

        header->PresentationTime.Time = static_cast<LONGLONG>(state->FrameNumber) * AVSCAP_FRAME_INTERVAL;
        header->PresentationTime.Numerator = 1;
        header->PresentationTime.Denominator = 1;
        header->Duration = AVSCAP_FRAME_INTERVAL;
        header->OptionsFlags |= KSSTREAM_HEADER_OPTIONSF_TIMEVALID | KSSTREAM_HEADER_OPTIONSF_DURATIONVALID;
        state->FrameNumber++;
        InterlockedIncrement(&state->Device->FramesDelivered);

        KsStreamPointerAdvanceOffsetsAndUnlock(leading, 0, state->FrameBytes, TRUE);
    }
    return STATUS_SUCCESS;
}

// The only data range of the capture pin: YUY2, 320x240, 30 fps.
static const KS_DATARANGE_VIDEO AvsCapFormatYuy2 = {
    {
        sizeof(KS_DATARANGE_VIDEO),                  // FormatSize
        0,                                           // Flags
        AVSCAP_FRAME_BYTES,                          // SampleSize
        0,                                           // Reserved
        STATICGUIDOF(KSDATAFORMAT_TYPE_VIDEO),       // MajorFormat
        0x32595559, 0x0000, 0x0010, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71, // SubFormat: YUY2
        STATICGUIDOF(KSDATAFORMAT_SPECIFIER_VIDEOINFO) // Specifier
    },
    TRUE,                   // bFixedSizeSamples
    FALSE,                  // bTemporalCompression
    KS_VIDEOSTREAM_CAPTURE, // StreamDescriptionFlags
    0,                      // MemoryAllocationFlags
    {
        STATICGUIDOF(KSDATAFORMAT_SPECIFIER_VIDEOINFO),
        KS_AnalogVideo_None,
        {AVSCAP_WIDTH, AVSCAP_HEIGHT}, // InputSize
        {AVSCAP_WIDTH, AVSCAP_HEIGHT}, // MinCroppingSize
        {AVSCAP_WIDTH, AVSCAP_HEIGHT}, // MaxCroppingSize
        1, 1,                          // CropGranularityX/Y
        1, 1,                          // CropAlignX/Y
        {AVSCAP_WIDTH, AVSCAP_HEIGHT}, // MinOutputSize
        {AVSCAP_WIDTH, AVSCAP_HEIGHT}, // MaxOutputSize
        8, 1,                          // OutputGranularityX/Y
        0, 0, 0, 0,                    // StretchTapsX/Y, ShrinkTapsX/Y
        AVSCAP_FRAME_INTERVAL,         // MinFrameInterval
        AVSCAP_FRAME_INTERVAL,         // MaxFrameInterval
        AVSCAP_FRAME_BYTES * 8 * 30,   // MinBitsPerSecond
        AVSCAP_FRAME_BYTES * 8 * 30    // MaxBitsPerSecond
    },
    {
        {0, 0, 0, 0},                // rcSource
        {0, 0, 0, 0},                // rcTarget
        AVSCAP_FRAME_BYTES * 8 * 30, // dwBitRate
        0,                           // dwBitErrorRate
        AVSCAP_FRAME_INTERVAL,       // AvgTimePerFrame
        {
            sizeof(KS_BITMAPINFOHEADER),
            AVSCAP_WIDTH,
            AVSCAP_HEIGHT,
            1,                     // biPlanes
            AVSCAP_BITS_PER_PIXEL, // biBitCount
            0x32595559,            // biCompression: 'YUY2'
            AVSCAP_FRAME_BYTES,    // biSizeImage
            0, 0, 0, 0
        }
    }
};

static const PKSDATARANGE AvsCapCaptureRanges[] = {
    (PKSDATARANGE)&AvsCapFormatYuy2,
};

NTSTATUS CapturePin::IntersectHandler(_In_ PVOID Context, _In_ PIRP Irp, _In_ PKSP_PIN PinInstance,
                                      _In_ PKSDATARANGE CallerDataRange,
                                      _In_ PKSDATARANGE DescriptorDataRange, _In_ ULONG DataBufferSize,
                                      _Out_opt_ PVOID Data, _Out_ PULONG DataSize)
{
    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(PinInstance);

    const ULONG formatSize = sizeof(KSDATAFORMAT) + sizeof(KS_VIDEOINFOHEADER);

    if (!IsEqualGUID(CallerDataRange->Specifier, KSDATAFORMAT_SPECIFIER_VIDEOINFO) ||
        CallerDataRange->FormatSize < sizeof(KS_DATARANGE_VIDEO)) {
        return STATUS_NO_MATCH;
    }
    if (DataBufferSize == 0) {
        *DataSize = formatSize;
        return STATUS_BUFFER_OVERFLOW;
    }
    if (DataBufferSize < formatSize || !Data) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    const KS_DATARANGE_VIDEO *ours = reinterpret_cast<const KS_DATARANGE_VIDEO *>(DescriptorDataRange);
    PKS_DATAFORMAT_VIDEOINFOHEADER format = static_cast<PKS_DATAFORMAT_VIDEOINFOHEADER>(Data);

    RtlCopyMemory(&format->DataFormat, &ours->DataRange, sizeof(KSDATAFORMAT));
    format->DataFormat.FormatSize = formatSize;
    RtlCopyMemory(&format->VideoInfoHeader, &ours->VideoInfoHeader, sizeof(KS_VIDEOINFOHEADER));
    *DataSize = formatSize;
    return STATUS_SUCCESS;
}

NTSTATUS CapturePin::GetDroppedFrames(_In_ PIRP Irp, _In_ PKSPROPERTY Property,
                                      _Inout_ PKSPROPERTY_DROPPEDFRAMES_CURRENT_S Data)
{
    UNREFERENCED_PARAMETER(Property);

    PKSPIN pin = KsGetPinFromIrp(Irp);
    PAVSCAP_CAPTURE_STATE state = pin ? static_cast<PAVSCAP_CAPTURE_STATE>(pin->Context) : NULL;
    if (!state) {
        return STATUS_INVALID_DEVICE_STATE;
    }

    Data->PictureNumber = static_cast<LONGLONG>(state->FrameNumber);
    Data->DropCount = state->Device->FramesDropped;
    Data->AverageFrameSize = state->FrameBytes;
    Irp->IoStatus.Information = sizeof(*Data);
    return STATUS_SUCCESS;
}

// Static class member table, items written with DEFINE_KSPROPERTY_ITEM.
const KSPROPERTY_ITEM CapturePin::DroppedFramesItems[] = {
    DEFINE_KSPROPERTY_ITEM(KSPROPERTY_DROPPEDFRAMES_CURRENT, CapturePin::GetDroppedFrames,
                           sizeof(KSPROPERTY_DROPPEDFRAMES_CURRENT_S),
                           sizeof(KSPROPERTY_DROPPEDFRAMES_CURRENT_S), NULL, NULL, 0, NULL, NULL, 0),
};

const KSPROPERTY_SET CapturePin::PropertySets[] = {
    DEFINE_KSPROPERTY_SET(&PROPSETID_VIDCAP_DROPPEDFRAMES, SIZEOF_ARRAY(CapturePin::DroppedFramesItems),
                          CapturePin::DroppedFramesItems, 0, NULL),
};

DEFINE_KSAUTOMATION_TABLE(CapturePin::AutomationTable) {
    DEFINE_KSAUTOMATION_PROPERTIES(CapturePin::PropertySets),
    DEFINE_KSAUTOMATION_METHODS_NULL,
    DEFINE_KSAUTOMATION_EVENTS_NULL
};

const KSPIN_DISPATCH CapturePin::Dispatch = {
    CapturePin::Create,         // Create
    NULL,                       // Close
    CapturePin::Process,        // Process
    NULL,                       // Reset
    NULL,                       // SetDataFormat
    CapturePin::SetDeviceState, // SetDeviceState
    NULL,                       // Connect
    NULL,                       // Disconnect
    NULL,                       // Clock
    NULL                        // Allocator: AVStream's default
};

DECLARE_SIMPLE_FRAMING_EX(AvsCapCaptureFraming, STATICGUIDOF(KSMEMORY_TYPE_KERNEL_NONPAGED),
                          KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY | KSALLOCATOR_REQUIREMENTF_PREFERENCES_ONLY,
                          2, 0, AVSCAP_FRAME_BYTES, AVSCAP_FRAME_BYTES);

//
// Histogram pin: kernel-mode consumers only, frames from the pin's own
// allocator (allocator.cpp).
//
static NTSTATUS AvsCapHistogramProcess(_In_ PKSPIN Pin)
{
    PAVSCAP_DEVICE device = static_cast<PAVSCAP_DEVICE>(KsPinGetDevice(Pin)->Context);

    for (PKSSTREAM_POINTER leading = KsPinGetLeadingEdgeStreamPointer(Pin, KSSTREAM_POINTER_STATE_LOCKED);
         leading != NULL;
         leading = KsPinGetLeadingEdgeStreamPointer(Pin, KSSTREAM_POINTER_STATE_LOCKED)) {
        if (leading->OffsetOut.Remaining < sizeof(AVSCAP_HISTOGRAM)) {
            KsStreamPointerAdvanceOffsetsAndUnlock(leading, 0, leading->OffsetOut.Remaining, TRUE);
            continue;
        }

        // The test pattern is a uniform ramp: every bin gets the same share.
        PAVSCAP_HISTOGRAM histogram = reinterpret_cast<PAVSCAP_HISTOGRAM>(leading->OffsetOut.Data);
        histogram->FrameNumber = static_cast<ULONGLONG>(device->FramesDelivered);
        for (ULONG bin = 0; bin < AVSCAP_HISTOGRAM_BINS; ++bin) {
            histogram->Bins[bin] = (AVSCAP_WIDTH * AVSCAP_HEIGHT) / AVSCAP_HISTOGRAM_BINS;
        }
        KsStreamPointerAdvanceOffsetsAndUnlock(leading, 0, sizeof(AVSCAP_HISTOGRAM), TRUE);
    }
    return STATUS_SUCCESS;
}

// AVSCAP_PROPSETID_HistogramControl: extended items whose private field says
// up to which pin state a set request is accepted.
static NTSTATUS AvsCapHistogramControlGet(_In_ PIRP Irp, _In_ PKSPROPERTY Property, _Out_ PULONG Value)
{
    *Value = (Property->Id == AVSCAP_HISTOGRAM_BIN_COUNT) ? AVSCAP_HISTOGRAM_BINS : 1;
    Irp->IoStatus.Information = sizeof(ULONG);
    return STATUS_SUCCESS;
}

static NTSTATUS AvsCapHistogramControlSet(_In_ PIRP Irp, _In_ PKSPROPERTY Property, _In_ PULONG Value)
{
    PKSPIN pin = KsGetPinFromIrp(Irp);
    const AVSCAP_PIN_CONTROL_ITEM *item = (const AVSCAP_PIN_CONTROL_ITEM *)KSPROPERTY_ITEM_IRP_STORAGE(Irp);

    if (!pin || pin->DeviceState > item->HighestSetState) {
        return STATUS_INVALID_DEVICE_STATE;
    }
    if (Property->Id == AVSCAP_HISTOGRAM_BIN_COUNT && *Value != AVSCAP_HISTOGRAM_BINS) {
        return STATUS_NOT_SUPPORTED;
    }
    return STATUS_SUCCESS;
}

static const AVSCAP_PIN_CONTROL_ITEM AvsCapHistogramControlItems[] = {
    {
        DEFINE_KSPROPERTY_ITEM(AVSCAP_HISTOGRAM_BIN_COUNT, AvsCapHistogramControlGet, sizeof(KSPROPERTY),
                               sizeof(ULONG), AvsCapHistogramControlSet, NULL, 0, NULL, NULL, 0),
        KSSTATE_STOP,
    },
    {
        DEFINE_KSPROPERTY_ITEM(AVSCAP_HISTOGRAM_DECIMATION, AvsCapHistogramControlGet, sizeof(KSPROPERTY),
                               sizeof(ULONG), AvsCapHistogramControlSet, NULL, 0, NULL, NULL, 0),
        KSSTATE_PAUSE,
    },
};

static const KSPROPERTY_SET AvsCapHistogramPropertySets[] = {
    DEFINE_KSPROPERTY_SET(&AVSCAP_PROPSETID_HistogramControl, SIZEOF_ARRAY(AvsCapHistogramControlItems),
                          (PKSPROPERTY_ITEM)AvsCapHistogramControlItems, 0, NULL),
};

static const KSAUTOMATION_TABLE AvsCapHistogramAutomation = {
    SIZEOF_ARRAY(AvsCapHistogramPropertySets), // PropertySetsCount
    // SEEDED DEFECT 2: ks-property-item-size — the sets point at AVSCAP_PIN_CONTROL_ITEM entries (80 bytes), the table says they are 72 apart
    sizeof(KSPROPERTY_ITEM),                   // PropertyItemSize
    AvsCapHistogramPropertySets,               // PropertySets
    0,                                         // MethodSetsCount
    sizeof(KSMETHOD_ITEM),                     // MethodItemSize
    NULL,                                      // MethodSets
    0,                                         // EventSetsCount
    sizeof(KSEVENT_ITEM),                      // EventItemSize
    NULL                                       // EventSets
};

static const KSPIN_DISPATCH AvsCapHistogramDispatch = {
    NULL,                               // Create
    NULL,                               // Close
    AvsCapHistogramProcess,             // Process
    NULL,                               // Reset
    NULL,                               // SetDataFormat
    NULL,                               // SetDeviceState
    NULL,                               // Connect
    NULL,                               // Disconnect
    NULL,                               // Clock
    &AvsCapHistogramAllocatorDispatch   // Allocator
};

DECLARE_SIMPLE_FRAMING_EX(AvsCapHistogramFraming, STATICGUIDOF(KSMEMORY_TYPE_KERNEL_NONPAGED),
                          KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY | KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE,
                          4, FILE_QUAD_ALIGNMENT, sizeof(AVSCAP_HISTOGRAM), sizeof(AVSCAP_HISTOGRAM));

static const KSDATARANGE AvsCapHistogramRange = {
    sizeof(KSDATARANGE),
    0,
    sizeof(AVSCAP_HISTOGRAM),
    0,
    STATICGUIDOF(KSDATAFORMAT_TYPE_STREAM),
    STATIC_AVSCAP_SUBTYPE_LumaHistogram,
    STATICGUIDOF(KSDATAFORMAT_SPECIFIER_NONE)
};

static const PKSDATARANGE AvsCapHistogramRanges[] = {
    (PKSDATARANGE)&AvsCapHistogramRange,
};

//
// Pin descriptor table of the filter (indexed by AVSCAP_PIN_ID).
//
const KSPIN_DESCRIPTOR_EX AvsCapPinDescriptors[AvsCapPinCount] = {
    // AvsCapPinCapture
    {
        &CapturePin::Dispatch,
        &CapturePin::AutomationTable,
        {
            DEFINE_KSPIN_DEFAULT_INTERFACES,
            DEFINE_KSPIN_DEFAULT_MEDIUMS,
            SIZEOF_ARRAY(AvsCapCaptureRanges),
            AvsCapCaptureRanges,
            KSPIN_DATAFLOW_OUT,
            KSPIN_COMMUNICATION_BOTH,
            &PINNAME_VIDEO_CAPTURE, // Category
            &PINNAME_VIDEO_CAPTURE, // Name
            0                       // Reserved
        },
        KSPIN_FLAG_PROCESS_IN_RUN_STATE_ONLY,
        1, // InstancesPossible
        1, // InstancesNecessary
        &AvsCapCaptureFraming,
        CapturePin::IntersectHandler
    },
    // AvsCapPinHistogram: frames come from a kernel-mode allocator, so the
    // pin is closed to user-mode clients.
    {
        &AvsCapHistogramDispatch,
        &AvsCapHistogramAutomation,
        {
            DEFINE_KSPIN_DEFAULT_INTERFACES,
            DEFINE_KSPIN_DEFAULT_MEDIUMS,
            SIZEOF_ARRAY(AvsCapHistogramRanges),
            AvsCapHistogramRanges,
            KSPIN_DATAFLOW_OUT,
            KSPIN_COMMUNICATION_BOTH,
            NULL, // Category
            NULL, // Name
            0
        },
        KSPIN_FLAG_PROCESS_IN_RUN_STATE_ONLY | KSPIN_FLAG_DENY_USERMODE_ACCESS,
        1, // InstancesPossible
        0, // InstancesNecessary
        &AvsCapHistogramFraming,
        NULL
    },
};
