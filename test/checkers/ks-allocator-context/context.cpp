// InitializeAllocator's contract: *Context on success, the error otherwise,
// a context that leads to the pin or its framing; callbacks read the same
// type.
// RUN: %check_ks ks-allocator-context %s
#include <ntddk.h>
#include <ks.h>

typedef struct _POOL_CONTEXT { PKSPIN Pin; KSALLOCATOR_FRAMING Framing; } POOL_CONTEXT, *PPOOL_CONTEXT;
typedef struct _OTHER_CONTEXT { ULONG Magic; } OTHER_CONTEXT, *POTHER_CONTEXT;

static PVOID Allocate(PVOID Context) {
  PPOOL_CONTEXT Pool = (PPOOL_CONTEXT)Context;
  return ExAllocatePoolZero(NonPagedPoolNx, Pool->Framing.FrameSize, 'rfsK');
}
static VOID Free(PVOID Context, PVOID Frame) { ExFreePoolWithTag(Frame, 'rfsK'); }
static VOID Delete(PVOID Context) { ExFreePoolWithTag(Context, 'xcsK'); }

// Negative: the contract kept, in the usual shape.
static NTSTATUS InitGood(PKSPIN Pin, PKSALLOCATOR_FRAMING Framing, PVOID *Context) {
  PPOOL_CONTEXT Pool = (PPOOL_CONTEXT)ExAllocatePoolZero(NonPagedPoolNx, sizeof(*Pool), 'xcsK');
  if (Pool == NULL)
    return STATUS_INSUFFICIENT_RESOURCES;
  Pool->Pin = Pin;
  Pool->Framing = *Framing;
  *Context = Pool;
  return STATUS_SUCCESS;
}
const KSALLOCATOR_DISPATCH Good = {InitGood, Delete, Allocate, Free};

// Success on an early path that never sets *Context.
static NTSTATUS InitEarlySuccess(PKSPIN Pin, PKSALLOCATOR_FRAMING Framing, PVOID *Context) {
  if (Framing->Frames == 0)
    return STATUS_SUCCESS;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: InitializeAllocator 'InitEarlySuccess' of 'EarlySuccess' can return STATUS_SUCCESS here without storing *Context: AVStream then hands an undefined context to Allocate, Free and DeleteAllocator [ks-allocator-context]
  PPOOL_CONTEXT Pool = (PPOOL_CONTEXT)ExAllocatePoolZero(NonPagedPoolNx, sizeof(*Pool), 'xcsK');
  if (!Pool)
    return STATUS_INSUFFICIENT_RESOURCES;
  Pool->Pin = Pin;
  *Context = Pool;
  return STATUS_SUCCESS;
}
const KSALLOCATOR_DISPATCH EarlySuccess = {InitEarlySuccess, Delete, Allocate, Free};

// Swallows its own allocation failure.
static NTSTATUS InitSwallows(PKSPIN Pin, PKSALLOCATOR_FRAMING Framing, PVOID *Context) {
  *Context = NULL;
  PPOOL_CONTEXT Pool = (PPOOL_CONTEXT)ExAllocatePoolZero(NonPagedPoolNx, sizeof(*Pool), 'xcsK');
  if (!Pool) {
    return STATUS_SUCCESS;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: InitializeAllocator 'InitSwallows' of 'Swallows' returns STATUS_SUCCESS after its allocation failed: it must return the error it got creating the allocator
  }
  Pool->Pin = Pin;
  *Context = Pool;
  return STATUS_SUCCESS;
}
const KSALLOCATOR_DISPATCH Swallows = {InitSwallows, Delete, Allocate, Free};

// Stores a context that knows nothing of the pin or its framing.
static ULONG GlobalCookie;
static NTSTATUS InitBlind(PKSPIN Pin, PKSALLOCATOR_FRAMING Framing, PVOID *Context) {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: InitializeAllocator 'InitBlind' of 'Blind' never uses its Pin or AllocatorFraming parameter, so the context it stores cannot lead to the pin's framing
  UNREFERENCED_PARAMETER(Pin);
  UNREFERENCED_PARAMETER(Framing);
  *Context = &GlobalCookie;
  return STATUS_SUCCESS;
}
const KSALLOCATOR_DISPATCH Blind = {InitBlind, NULL, NULL, NULL};

// Delete reads the context as something else than what was stored.
static VOID DeleteWrongType(PVOID Context) {
  POTHER_CONTEXT Other = (POTHER_CONTEXT)Context;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: DeleteAllocator callback 'DeleteWrongType' of 'WrongType' reads Context as '_OTHER_CONTEXT', but InitializeAllocator 'InitGood' stores a '_POOL_CONTEXT' there
  Other->Magic = 0;
  ExFreePoolWithTag(Context, 'xcsK');
}
const KSALLOCATOR_DISPATCH WrongType = {InitGood, DeleteWrongType, Allocate, Free};

// Negative: the pin itself as the context, read back as a pin.
static NTSTATUS InitWithPin(PKSPIN Pin, PKSALLOCATOR_FRAMING Framing, PVOID *Context) {
  *Context = Pin;
  return STATUS_SUCCESS;
}
static PVOID AllocateFromPin(PVOID Context) {
  PKSPIN Pin = (PKSPIN)Context;
  return ExAllocatePoolZero(NonPagedPoolNx, Pin->Descriptor->AllocatorFraming->FramingItem[0].FramingRange.Range.MinFrameSize, 'rfsK');
}
static VOID DeleteNothing(PVOID Context) {}
const KSALLOCATOR_DISPATCH PinContext = {InitWithPin, DeleteNothing, AllocateFromPin, Free};

// Negative: an initializer that hands Context to a helper of its own.
NTSTATUS CreatePoolContext(PKSPIN Pin, PVOID *Context);
static NTSTATUS InitViaHelper(PKSPIN Pin, PKSALLOCATOR_FRAMING Framing, PVOID *Context) {
  NTSTATUS Status = CreatePoolContext(Pin, Context);
  if (!NT_SUCCESS(Status))
    return Status;
  return STATUS_SUCCESS;
}
const KSALLOCATOR_DISPATCH ViaHelper = {InitViaHelper, Delete, Allocate, Free};
