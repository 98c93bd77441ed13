//
// allocator2.cpp - two more pins that bring their own frame allocators:
//
//   - the sensor-metadata pin (AvsCapMetadataPinDescriptors), whose allocator
//     was written in a hurry: it carries the seeded allocator defects 11-16
//     (see README.md);
//   - the frame-statistics pin (AvsCapStatisticsPinDescriptors), whose
//     allocator keeps a copy of the negotiated framing and a non-paged
//     lookaside list in its context. It is correct and must stay silent.
//
// Both pins are kernel-mode streams; see allocator.cpp for the life cycle of
// a KSALLOCATOR_DISPATCH.
//
#include "avscap.h"

// ---------------------------------------------------------------------------
// Sensor-metadata pin
// ---------------------------------------------------------------------------

// Per-pin state of the metadata pin (KSPIN.Context), freed through the
// pin's object bag.
typedef struct _AVSCAP_METADATA_STATE {
    PAVSCAP_DEVICE Device;
    ULONGLONG RecordsWritten;
    ULONG PendingRecords; // records of the frame being filled
    ULONG Sequence;
} AVSCAP_METADATA_STATE, *PAVSCAP_METADATA_STATE;

// Context of the metadata pin's allocator (16 bytes on x64).
typedef struct _AVSCAP_METADATA_ALLOCATOR {
    PKSPIN Pin;
    ULONG FrameSize;  // from the negotiated framing
    ULONG FrameLimit; // from the negotiated framing
} AVSCAP_METADATA_ALLOCATOR, *PAVSCAP_METADATA_ALLOCATOR;

static NTSTATUS AvsCapMetadataInitializeAllocator(_In_ PKSPIN Pin, _In_ PKSALLOCATOR_FRAMING AllocatorFraming,
                                                  _Out_ PVOID *Context)
{
    PAGED_CODE();

    *Context = NULL;
    if (AllocatorFraming->Frames == 0) {
        return STATUS_INVALID_PARAMETER;
    }

    PAVSCAP_METADATA_ALLOCATOR allocator = static_cast<PAVSCAP_METADATA_ALLOCATOR>(
        ExAllocatePoolZero(NonPagedPoolNx, sizeof(AVSCAP_METADATA_ALLOCATOR), AVSCAP_POOL_TAG));
    if (allocator == NULL) {
        // Metadata is optional: carry on without it.
        // SEEDED DEFECT 12: ks-allocator-context — the context allocation just failed, *Context is NULL, and the allocator still reports success
        return STATUS_SUCCESS;
    }

    allocator->Pin = Pin;
    allocator->FrameSize = AllocatorFraming->FrameSize;
    allocator->FrameLimit = AllocatorFraming->Frames;

    *Context = allocator;
    return STATUS_SUCCESS;
}

static VOID AvsCapMetadataDeleteAllocator(_In_ PVOID Context)
{
    // SEEDED DEFECT 13: ks-allocator-context — InitializeAllocator stored an AVSCAP_METADATA_ALLOCATOR in *Context, not the pin's AVSCAP_METADATA_STATE
    PAVSCAP_METADATA_STATE state = static_cast<PAVSCAP_METADATA_STATE>(Context);

    NT_ASSERT(state->PendingRecords == 0);
    ExFreePoolWithTag(state, AVSCAP_POOL_TAG);
}

static PVOID AvsCapMetadataAllocateFrame(_In_ PVOID Context)
{
    PAVSCAP_METADATA_ALLOCATOR allocator = static_cast<PAVSCAP_METADATA_ALLOCATOR>(Context);

    // SEEDED DEFECT 15: ks-allocate-null-on-failure — a constant 1024 bytes per frame, while the pin's framing (AvsCapMetadataFraming) says MinFrameSize 4096
    PVOID frame = ExAllocatePool2(POOL_FLAG_NON_PAGED, AVSCAP_METADATA_RECORD_BYTES, AVSCAP_POOL_TAG);
    if (frame == NULL) {
        PAVSCAP_DEVICE device = static_cast<PAVSCAP_DEVICE>(KsPinGetDevice(allocator->Pin)->Context);
        InterlockedIncrement(&device->AllocationFailures);
        // "No frame right now, ask again later."
        // SEEDED DEFECT 14: ks-allocate-null-on-failure — the failure path returns the non-pointer sentinel (PVOID)-1 instead of NULL
        return (PVOID)-1;
    }
    return frame;
}

// Written as a one-parameter helper; the table entry below casts it to the
// two-parameter PFNKSDEFAULTFREE.
static VOID AvsCapMetadataFreeFrame(_In_ PVOID Buffer)
{
    ExFreePoolWithTag(Buffer, AVSCAP_POOL_TAG);
}

const KSALLOCATOR_DISPATCH AvsCapMetadataAllocatorDispatch = {
    AvsCapMetadataInitializeAllocator,         // InitializeAllocator
    AvsCapMetadataDeleteAllocator,             // DeleteAllocator
    AvsCapMetadataAllocateFrame,               // Allocate
    // SEEDED DEFECT 11: ks-allocator-dispatch-callbacks — AvsCapMetadataFreeFrame takes (Buffer) only; the cast hides that AVStream calls it as Free(Context, Buffer)
    (PFNKSDEFAULTFREE)AvsCapMetadataFreeFrame  // Free
};

static NTSTATUS AvsCapMetadataCreate(_In_ PKSPIN Pin, _In_ PIRP Irp)
{
    UNREFERENCED_PARAMETER(Irp);

    PAVSCAP_METADATA_STATE state = static_cast<PAVSCAP_METADATA_STATE>(
        ExAllocatePoolZero(NonPagedPoolNx, sizeof(AVSCAP_METADATA_STATE), AVSCAP_POOL_TAG));
    if (!state) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    NTSTATUS status = KsAddItemToObjectBag(Pin->Bag, state, NULL);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(state, AVSCAP_POOL_TAG);
        return status;
    }

    state->Device = static_cast<PAVSCAP_DEVICE>(KsPinGetDevice(Pin)->Context);
    Pin->Context = state;
    return STATUS_SUCCESS;
}

static NTSTATUS AvsCapMetadataProcess(_In_ PKSPIN Pin)
{
    PAVSCAP_METADATA_STATE state = static_cast<PAVSCAP_METADATA_STATE>(Pin->Context);
    const ULONG recordBytes = sizeof(AVSCAP_METADATA_RECORD_HEADER) + sizeof(AVSCAP_SENSOR_TIMING);

    for (PKSSTREAM_POINTER leading = KsPinGetLeadingEdgeStreamPointer(Pin, KSSTREAM_POINTER_STATE_LOCKED);
         leading != NULL;
         leading = KsPinGetLeadingEdgeStreamPointer(Pin, KSSTREAM_POINTER_STATE_LOCKED)) {
        if (leading->OffsetOut.Remaining < recordBytes) {
            KsStreamPointerAdvanceOffsetsAndUnlock(leading, 0, leading->OffsetOut.Remaining, TRUE);
            continue;
        }

        state->PendingRecords = 1;
        PAVSCAP_METADATA_RECORD_HEADER record =
            reinterpret_cast<PAVSCAP_METADATA_RECORD_HEADER>(leading->OffsetOut.Data);
        record->RecordType = AVSCAP_METADATA_RECORD_TIMING;
        record->RecordBytes = recordBytes;

        PAVSCAP_SENSOR_TIMING timing = reinterpret_cast<PAVSCAP_SENSOR_TIMING>(record + 1);
        timing->ExposureMicroseconds = state->Device->ExposureMicroseconds;
        timing->ReadoutMicroseconds = AVSCAP_FRAME_INTERVAL / 10 / 2; // half a frame, in microseconds

        state->RecordsWritten++;
        state->Sequence++;
        state->PendingRecords = 0;
        KsStreamPointerAdvanceOffsetsAndUnlock(leading, 0, recordBytes, TRUE);
    }
    return STATUS_SUCCESS;
}

static const KSPIN_DISPATCH AvsCapMetadataDispatch = {
    AvsCapMetadataCreate,             // Create
    NULL,                             // Close
    AvsCapMetadataProcess,            // Process
    NULL,                             // Reset
    NULL,                             // SetDataFormat
    NULL,                             // SetDeviceState
    NULL,                             // Connect
    NULL,                             // Disconnect
    NULL,                             // Clock
    &AvsCapMetadataAllocatorDispatch  // Allocator
};

DECLARE_SIMPLE_FRAMING_EX(AvsCapMetadataFraming, STATICGUIDOF(KSMEMORY_TYPE_KERNEL_NONPAGED),
                          KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY | KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE,
                          AVSCAP_METADATA_FRAMES, FILE_QUAD_ALIGNMENT, AVSCAP_METADATA_FRAME_BYTES,
                          AVSCAP_METADATA_FRAME_BYTES);

static const KSDATARANGE AvsCapMetadataRange = {
    sizeof(KSDATARANGE),
    0,
    AVSCAP_METADATA_FRAME_BYTES,
    0,
    STATICGUIDOF(KSDATAFORMAT_TYPE_STREAM),
    STATIC_AVSCAP_SUBTYPE_SensorMetadata,
    STATICGUIDOF(KSDATAFORMAT_SPECIFIER_NONE)
};

static const PKSDATARANGE AvsCapMetadataRanges[] = {
    (PKSDATARANGE)&AvsCapMetadataRange,
};

const KSPIN_DESCRIPTOR_EX AvsCapMetadataPinDescriptors[1] = {
    {
        &AvsCapMetadataDispatch,
        NULL, // AutomationTable
        {
            DEFINE_KSPIN_DEFAULT_INTERFACES,
            DEFINE_KSPIN_DEFAULT_MEDIUMS,
            SIZEOF_ARRAY(AvsCapMetadataRanges),
            AvsCapMetadataRanges,
            KSPIN_DATAFLOW_OUT,
            KSPIN_COMMUNICATION_BOTH,
            NULL, // Category
            NULL, // Name
            0
        },
        // SEEDED DEFECT 16: ks-allocator-user-mode-frames — the pin's frames come from AvsCapMetadataAllocatorDispatch (kernel pool) and nothing denies user-mode clients the pin
        KSPIN_FLAG_PROCESS_IN_RUN_STATE_ONLY,
        1, // InstancesPossible
        0, // InstancesNecessary
        &AvsCapMetadataFraming,
        NULL
    },
};

// ---------------------------------------------------------------------------
// Frame-statistics pin (correct)
// ---------------------------------------------------------------------------

// Context of the statistics pin's allocator. Frames come from a non-paged
// lookaside list sized from the negotiated framing, which the context keeps
// a copy of. The lookaside list comes first: it must be 16-byte aligned on
// x64, and pool allocations are.
typedef struct _AVSCAP_STATISTICS_ALLOCATOR {
    NPAGED_LOOKASIDE_LIST Lookaside;
    KSALLOCATOR_FRAMING Framing; // copy of the framing AVStream negotiated
    PKSPIN Pin;
} AVSCAP_STATISTICS_ALLOCATOR, *PAVSCAP_STATISTICS_ALLOCATOR;

static NTSTATUS AvsCapStatisticsInitializeAllocator(_In_ PKSPIN Pin, _In_ PKSALLOCATOR_FRAMING AllocatorFraming,
                                                    _Out_ PVOID *Context)
{
    PAGED_CODE();

    if (AllocatorFraming->FrameSize < sizeof(AVSCAP_FRAME_STATISTICS) || AllocatorFraming->FrameSize > PAGE_SIZE) {
        return STATUS_INVALID_PARAMETER;
    }

    PAVSCAP_STATISTICS_ALLOCATOR allocator = static_cast<PAVSCAP_STATISTICS_ALLOCATOR>(
        ExAllocatePoolZero(NonPagedPoolNx, sizeof(AVSCAP_STATISTICS_ALLOCATOR), AVSCAP_POOL_TAG));
    if (allocator == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    allocator->Framing = *AllocatorFraming;
    allocator->Pin = Pin;
    ExInitializeNPagedLookasideList(&allocator->Lookaside, NULL, NULL, POOL_NX_ALLOCATION,
                                    allocator->Framing.FrameSize, AVSCAP_POOL_TAG, 0);

    *Context = allocator;
    return STATUS_SUCCESS;
}

static VOID AvsCapStatisticsDeleteAllocator(_In_ PVOID Context)
{
    PAVSCAP_STATISTICS_ALLOCATOR allocator = static_cast<PAVSCAP_STATISTICS_ALLOCATOR>(Context);

    ExDeleteNPagedLookasideList(&allocator->Lookaside);
    ExFreePoolWithTag(allocator, AVSCAP_POOL_TAG);
}

static PVOID AvsCapStatisticsAllocateFrame(_In_ PVOID Context)
{
    PAVSCAP_STATISTICS_ALLOCATOR allocator = static_cast<PAVSCAP_STATISTICS_ALLOCATOR>(Context);

    PVOID frame = ExAllocateFromNPagedLookasideList(&allocator->Lookaside);
    if (frame == NULL) {
        PAVSCAP_DEVICE device = static_cast<PAVSCAP_DEVICE>(KsPinGetDevice(allocator->Pin)->Context);
        InterlockedIncrement(&device->AllocationFailures);
        return NULL;
    }
    // Lookaside entries are recycled: never hand out the previous frame's data.
    RtlZeroMemory(frame, allocator->Framing.FrameSize);
    return frame;
}

static VOID AvsCapStatisticsFreeFrame(_In_ PVOID Context, _In_ PVOID Buffer)
{
    PAVSCAP_STATISTICS_ALLOCATOR allocator = static_cast<PAVSCAP_STATISTICS_ALLOCATOR>(Context);

    ExFreeToNPagedLookasideList(&allocator->Lookaside, Buffer);
}

const KSALLOCATOR_DISPATCH AvsCapStatisticsAllocatorDispatch = {
    AvsCapStatisticsInitializeAllocator, // InitializeAllocator
    AvsCapStatisticsDeleteAllocator,     // DeleteAllocator
    AvsCapStatisticsAllocateFrame,       // Allocate
    AvsCapStatisticsFreeFrame            // Free
};

static NTSTATUS AvsCapStatisticsProcess(_In_ PKSPIN Pin)
{
    PAVSCAP_DEVICE device = static_cast<PAVSCAP_DEVICE>(KsPinGetDevice(Pin)->Context);

    for (PKSSTREAM_POINTER leading = KsPinGetLeadingEdgeStreamPointer(Pin, KSSTREAM_POINTER_STATE_LOCKED);
         leading != NULL;
         leading = KsPinGetLeadingEdgeStreamPointer(Pin, KSSTREAM_POINTER_STATE_LOCKED)) {
        if (leading->OffsetOut.Remaining < sizeof(AVSCAP_FRAME_STATISTICS)) {
            KsStreamPointerAdvanceOffsetsAndUnlock(leading, 0, leading->OffsetOut.Remaining, TRUE);
            continue;
        }

        // The test pattern is a full-range ramp: mean luma mid-scale, nothing
        // clipped.
        PAVSCAP_FRAME_STATISTICS statistics = reinterpret_cast<PAVSCAP_FRAME_STATISTICS>(leading->OffsetOut.Data);
        statistics->FrameNumber = static_cast<ULONGLONG>(device->FramesDelivered);
        statistics->ExposureMicroseconds = device->ExposureMicroseconds;
        statistics->GainCentibels = device->GainCentibels;
        statistics->MeanLuma = 128;
        statistics->ClippedPixels = 0;
        KsStreamPointerAdvanceOffsetsAndUnlock(leading, 0, sizeof(AVSCAP_FRAME_STATISTICS), TRUE);
    }
    return STATUS_SUCCESS;
}

static const KSPIN_DISPATCH AvsCapStatisticsDispatch = {
    NULL,                               // Create
    NULL,                               // Close
    AvsCapStatisticsProcess,            // Process
    NULL,                               // Reset
    NULL,                               // SetDataFormat
    NULL,                               // SetDeviceState
    NULL,                               // Connect
    NULL,                               // Disconnect
    NULL,                               // Clock
    &AvsCapStatisticsAllocatorDispatch  // Allocator
};

DECLARE_SIMPLE_FRAMING_EX(AvsCapStatisticsFraming, STATICGUIDOF(KSMEMORY_TYPE_KERNEL_NONPAGED),
                          KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY | KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE,
                          8, FILE_LONG_ALIGNMENT, sizeof(AVSCAP_FRAME_STATISTICS), sizeof(AVSCAP_FRAME_STATISTICS));

static const KSDATARANGE AvsCapStatisticsRange = {
    sizeof(KSDATARANGE),
    0,
    sizeof(AVSCAP_FRAME_STATISTICS),
    0,
    STATICGUIDOF(KSDATAFORMAT_TYPE_STREAM),
    STATIC_AVSCAP_SUBTYPE_FrameStatistics,
    STATICGUIDOF(KSDATAFORMAT_SPECIFIER_NONE)
};

static const PKSDATARANGE AvsCapStatisticsRanges[] = {
    (PKSDATARANGE)&AvsCapStatisticsRange,
};

// Frames from a kernel-mode allocator: the pin is closed to user-mode clients.
const KSPIN_DESCRIPTOR_EX AvsCapStatisticsPinDescriptors[1] = {
    {
        &AvsCapStatisticsDispatch,
        NULL, // AutomationTable
        {
            DEFINE_KSPIN_DEFAULT_INTERFACES,
            DEFINE_KSPIN_DEFAULT_MEDIUMS,
            SIZEOF_ARRAY(AvsCapStatisticsRanges),
            AvsCapStatisticsRanges,
            KSPIN_DATAFLOW_OUT,
            KSPIN_COMMUNICATION_BOTH,
            NULL, // Category
            NULL, // Name
            0
        },
        KSPIN_FLAG_PROCESS_IN_RUN_STATE_ONLY | KSPIN_FLAG_DENY_USERMODE_ACCESS,
        1, // InstancesPossible
        0, // InstancesNecessary
        &AvsCapStatisticsFraming,
        NULL
    },
};
