//
// allocator.cpp - the histogram pin's frame allocator (KSALLOCATOR_DISPATCH).
//
// AVStream calls InitializeAllocator when the pin becomes the allocator of
// its connection, Allocate/Free for every frame, and DeleteAllocator when
// the connection goes away. Only InitializeAllocator sees the pin: the
// context it returns carries everything the other three need.
//
#include "avscap.h"

typedef struct _AVSCAP_ALLOCATOR {
    PKSPIN Pin;               // the pin the allocator serves
    POOL_FLAGS PoolFlags;     // from the negotiated framing
    ULONG FrameSize;          // from the negotiated framing
    ULONG FrameLimit;         // most frames outstanding at once
    volatile LONG Outstanding;
} AVSCAP_ALLOCATOR, *PAVSCAP_ALLOCATOR;

static NTSTATUS AvsCapInitializeAllocator(_In_ PKSPIN Pin, _In_ PKSALLOCATOR_FRAMING AllocatorFraming,
                                          _Out_ PVOID *Context)
{
    PAGED_CODE();

    if (AllocatorFraming->FrameSize < sizeof(AVSCAP_HISTOGRAM) || AllocatorFraming->Frames == 0) {
        return STATUS_INVALID_PARAMETER;
    }

    PAVSCAP_ALLOCATOR allocator = static_cast<PAVSCAP_ALLOCATOR>(
        ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(AVSCAP_ALLOCATOR), AVSCAP_POOL_TAG));
    if (!allocator) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    allocator->Pin = Pin;
    // Frames stay in non-paged pool whatever the framing asks for: the
    // consumer touches them at DISPATCH_LEVEL.
    allocator->PoolFlags = POOL_FLAG_NON_PAGED | POOL_FLAG_UNINITIALIZED;
    allocator->FrameSize = AllocatorFraming->FrameSize;
    allocator->FrameLimit = AllocatorFraming->Frames;
    allocator->Outstanding = 0;

    *Context = allocator;
    return STATUS_SUCCESS;
}

static VOID AvsCapDeleteAllocator(_In_ PVOID Context)
{
    PAVSCAP_ALLOCATOR allocator = static_cast<PAVSCAP_ALLOCATOR>(Context);

    NT_ASSERT(allocator->Outstanding == 0);
    ExFreePoolWithTag(allocator, AVSCAP_POOL_TAG);
}

static PVOID AvsCapAllocateFrame(_In_ PVOID Context)
{
    PAVSCAP_ALLOCATOR allocator = static_cast<PAVSCAP_ALLOCATOR>(Context);

    if (InterlockedIncrement(&allocator->Outstanding) > static_cast<LONG>(allocator->FrameLimit)) {
        InterlockedDecrement(&allocator->Outstanding);
        return NULL;
    }

    PVOID frame = ExAllocatePool2(allocator->PoolFlags, allocator->FrameSize, AVSCAP_POOL_TAG);
    if (!frame) {
        InterlockedDecrement(&allocator->Outstanding);
        PAVSCAP_DEVICE device = static_cast<PAVSCAP_DEVICE>(KsPinGetDevice(allocator->Pin)->Context);
        InterlockedIncrement(&device->AllocationFailures);
        return NULL;
    }
    return frame;
}

static VOID AvsCapFreeFrame(_In_ PVOID Context, _In_ PVOID Buffer)
{
    PAVSCAP_ALLOCATOR allocator = static_cast<PAVSCAP_ALLOCATOR>(Context);

    ExFreePoolWithTag(Buffer, AVSCAP_POOL_TAG);
    InterlockedDecrement(&allocator->Outstanding);
}

const KSALLOCATOR_DISPATCH AvsCapHistogramAllocatorDispatch = {
    AvsCapInitializeAllocator, // InitializeAllocator
    AvsCapDeleteAllocator,     // DeleteAllocator
    AvsCapAllocateFrame,       // Allocate
    AvsCapFreeFrame            // Free
};
