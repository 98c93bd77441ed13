// Allocate returns the frame or NULL, and allocates what the framing says.
// RUN: %check_ks ks-allocate-null-on-failure %s
#include <ntddk.h>
#include <ks.h>

typedef struct _POOL { PKSPIN Pin; ULONG FrameSize; BOOLEAN Exhausted; } POOL, *PPOOL;

static NTSTATUS Init(PKSPIN Pin, PKSALLOCATOR_FRAMING Framing, PVOID *Context) {
  PPOOL Pool = (PPOOL)ExAllocatePoolZero(NonPagedPoolNx, sizeof(POOL), 'lpsK');
  if (!Pool)
    return STATUS_INSUFFICIENT_RESOURCES;
  Pool->Pin = Pin;
  Pool->FrameSize = Framing->FrameSize;
  *Context = Pool;
  return STATUS_SUCCESS;
}
static VOID Delete(PVOID Context) { ExFreePoolWithTag(Context, 'lpsK'); }
static VOID Free(PVOID Context, PVOID Frame) { ExFreePoolWithTag(Frame, 'rfsK'); }

// Negative: NULL on failure.
static PVOID AllocateGood(PVOID Context) {
  PPOOL Pool = (PPOOL)Context;
  if (Pool->Exhausted)
    return NULL;
  return ExAllocatePoolZero(NonPagedPoolNx, Pool->FrameSize, 'rfsK');
}

static PVOID AllocateSentinel(PVOID Context) {
  PPOOL Pool = (PPOOL)Context;
  PVOID Frame = ExAllocatePoolZero(NonPagedPoolNx, Pool->FrameSize, 'rfsK');
  if (!Frame)
    return (PVOID)-1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: Allocate callback 'AllocateSentinel' of 'Sentinel' returns a sentinel that is not a pointer: on failure it must return NULL, and AVStream takes anything but NULL for a frame [ks-allocate-null-on-failure]
  return Frame;
}

static PVOID AllocateUninitialized(PVOID Context) {
  PPOOL Pool = (PPOOL)Context;
  PVOID Frame;
  if (!Pool->Exhausted)
    Frame = ExAllocatePoolZero(NonPagedPoolNx, Pool->FrameSize, 'rfsK');
  return Frame;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: Allocate callback 'AllocateUninitialized' of 'Uninitialized' can return an uninitialized pointer here
}

static PVOID AllocateFreed(PVOID Context) {
  PPOOL Pool = (PPOOL)Context;
  PVOID Frame = ExAllocatePoolZero(NonPagedPoolNx, Pool->FrameSize, 'rfsK');
  if (Frame && Pool->Exhausted) {
    ExFreePoolWithTag(Frame, 'rfsK');
    return Frame;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: Allocate callback 'AllocateFreed' of 'Freed' returns a pointer into a block it has just freed
  }
  return Frame;
}

static PVOID AllocateRaising(PVOID Context) {
  PPOOL Pool = (PPOOL)Context;
  return ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_RAISE_ON_FAILURE, Pool->FrameSize, 'rfsK');
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: Allocate callback 'AllocateRaising' of 'Raising' raises or bugchecks when memory runs out
}

static PVOID AllocateBugcheck(PVOID Context) {
  PPOOL Pool = (PPOOL)Context;
  PVOID Frame = ExAllocatePoolZero(NonPagedPoolNx, Pool->FrameSize, 'rfsK');
  if (!Frame)
    KeBugCheckEx(0xDEAD, 0, 0, 0, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: Allocate callback 'AllocateBugcheck' of 'Bugcheck' raises or bugchecks when memory runs out
  return Frame;
}

// Framing: what the pins using a dispatch ask for.
static PVOID AllocateSmall(PVOID Context) {
  return ExAllocatePoolZero(NonPagedPoolNx, 1024, 'rfsK');
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: Allocate callback 'AllocateSmall' of 'Small' allocates 1024-byte frames, but pin 0 of 'Pins' declares frames of at least 4096 bytes in its framing 'BigFrames'
}
static PVOID AllocateUnaligned(PVOID Context) {
  return ExAllocatePoolZero(NonPagedPoolNx, 2048, 'rfsK');
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: Allocate callback 'AllocateUnaligned' of 'Unaligned' takes 2048-byte frames from pool, which aligns them to 16 bytes, but pin 1 of 'Pins''s framing 'AlignedFrames' asks for FileAlignment 511 (512-byte alignment)
}
static PVOID AllocateFits(PVOID Context) {
  return ExAllocatePoolZero(NonPagedPoolNx, 4096, 'rfsK');
}

const KSALLOCATOR_DISPATCH Good = {Init, Delete, AllocateGood, Free};
const KSALLOCATOR_DISPATCH Sentinel = {Init, Delete, AllocateSentinel, Free};
const KSALLOCATOR_DISPATCH Uninitialized = {Init, Delete, AllocateUninitialized, Free};
const KSALLOCATOR_DISPATCH Freed = {Init, Delete, AllocateFreed, Free};
const KSALLOCATOR_DISPATCH Raising = {Init, Delete, AllocateRaising, Free};
const KSALLOCATOR_DISPATCH Bugcheck = {Init, Delete, AllocateBugcheck, Free};
const KSALLOCATOR_DISPATCH Small = {Init, Delete, AllocateSmall, Free};
const KSALLOCATOR_DISPATCH Unaligned = {Init, Delete, AllocateUnaligned, Free};
const KSALLOCATOR_DISPATCH Fits = {Init, Delete, AllocateFits, Free};

DECLARE_SIMPLE_FRAMING_EX(BigFrames, STATIC_KSMEMORY_TYPE_KERNEL_NONPAGED, KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY, 4, FILE_QUAD_ALIGNMENT, 4096, 8192);
DECLARE_SIMPLE_FRAMING_EX(AlignedFrames, STATIC_KSMEMORY_TYPE_KERNEL_NONPAGED, KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY, 4, FILE_512_BYTE_ALIGNMENT, 1024, 2048);

const KSPIN_DISPATCH SmallDispatch = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &Small};
const KSPIN_DISPATCH UnalignedDispatch = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &Unaligned};
const KSPIN_DISPATCH FitsDispatch = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &Fits};

const KSPIN_DESCRIPTOR_EX Pins[] = {
    {&SmallDispatch, NULL, {0}, KSPIN_FLAG_DENY_USERMODE_ACCESS, 1, 0, &BigFrames, NULL},
    {&UnalignedDispatch, NULL, {0}, KSPIN_FLAG_DENY_USERMODE_ACCESS, 1, 0, &AlignedFrames, NULL},
    {&FitsDispatch, NULL, {0}, KSPIN_FLAG_DENY_USERMODE_ACCESS, 1, 0, &BigFrames, NULL},
};
