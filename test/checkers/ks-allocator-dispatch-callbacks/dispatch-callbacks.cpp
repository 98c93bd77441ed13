// KSALLOCATOR_DISPATCH tables: every callback present, with its own type.
// RUN: %check_ks ks-allocator-dispatch-callbacks %s
#include <ntddk.h>
#include <ks.h>

typedef struct _FRAME_POOL { PKSPIN Pin; ULONG FrameSize; } FRAME_POOL, *PFRAME_POOL;

static NTSTATUS InitPool(PKSPIN Pin, PKSALLOCATOR_FRAMING Framing, PVOID *Context) {
  PFRAME_POOL Pool = (PFRAME_POOL)ExAllocatePoolZero(NonPagedPoolNx, sizeof(FRAME_POOL), 'lpsK');
  if (!Pool)
    return STATUS_INSUFFICIENT_RESOURCES;
  Pool->Pin = Pin;
  Pool->FrameSize = Framing->FrameSize;
  *Context = Pool;
  return STATUS_SUCCESS;
}
static VOID DeletePool(PVOID Context) { ExFreePoolWithTag(Context, 'lpsK'); }
static PVOID AllocateFrame(PVOID Context) {
  return ExAllocatePoolZero(NonPagedPoolNx, ((PFRAME_POOL)Context)->FrameSize, 'rfsK');
}
static VOID FreeFrame(PVOID Context, PVOID Frame) { ExFreePoolWithTag(Frame, 'rfsK'); }

// Negative: all four, exact types; a context pointer typed as the driver's
// struct is compatible with PVOID.
static PVOID AllocateTyped(PFRAME_POOL Pool) {
  return ExAllocatePoolZero(NonPagedPoolNx, Pool->FrameSize, 'rfsK');
}
const KSALLOCATOR_DISPATCH GoodAllocator = {InitPool, DeletePool, AllocateFrame, FreeFrame};
const KSALLOCATOR_DISPATCH TypedAllocator = {InitPool, DeletePool, (PFNKSDEFAULTALLOCATE)AllocateTyped, FreeFrame};

// Allocate without Free: every frame leaks.
const KSALLOCATOR_DISPATCH NoFree = {InitPool, DeletePool, AllocateFrame, NULL};
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: KSALLOCATOR_DISPATCH 'NoFree' has Allocate 'AllocateFrame' but no Free: AVStream returns every frame through Free, so each frame is leaked (or AVStream calls a NULL function) [ks-allocator-dispatch-callbacks]

// InitializeAllocator without DeleteAllocator, written as designated fields.
const KSALLOCATOR_DISPATCH NoDelete = {
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: KSALLOCATOR_DISPATCH 'NoDelete' has InitializeAllocator 'InitPool' but no DeleteAllocator: the context it creates is never freed
    .InitializeAllocator = InitPool,
    .Allocate = AllocateFrame,
    .Free = FreeFrame,
};

// Nothing to initialize with.
const KSALLOCATOR_DISPATCH NoInit = {NULL, DeletePool, AllocateFrame, FreeFrame};
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: KSALLOCATOR_DISPATCH 'NoInit' leaves InitializeAllocator NULL: AVStream calls all four callbacks of a custom allocator

// A cast hides a Free that takes one parameter.
static VOID FreeOnlyFrame(PVOID Frame) { ExFreePoolWithTag(Frame, 'rfsK'); }
// And an Allocate that returns a status.
static NTSTATUS AllocateStatus(PVOID Context) { return STATUS_SUCCESS; }
const KSALLOCATOR_DISPATCH CastAllocator = {
    InitPool, DeletePool,
    (PFNKSDEFAULTALLOCATE)AllocateStatus,
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: Allocate callback 'AllocateStatus' of 'CastAllocator' returns 'NTSTATUS' where AVStream expects 'PVOID': the cast in the table hides the mismatch, and AVStream calls it through 'PFNKSDEFAULTALLOCATE'
    (PFNKSDEFAULTFREE)FreeOnlyFrame};
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: Free callback 'FreeOnlyFrame' of 'CastAllocator' takes 1 parameter where AVStream passes 2: the cast in the table hides the mismatch
