// Custom parameter allocators (PFNKSALLOCATOR) handed to the *WithAllocator
// dispatch functions, the filters that free what they hand out, and the
// same shapes done right.
// RUN: %check_ks ks-parameter-allocator %s
#include <ntddk.h>
#include <ks.h>

static const GUID MixerSet = {0x51, 0, 0, {0, 0, 0, 0, 0, 0, 0, 3}};

static NTSTATUS GetLevel(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  *(PULONG)Data = 7;
  return STATUS_SUCCESS;
}

static const KSPROPERTY_ITEM MixerItems[] = {
    {1, {GetLevel}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL,
     NULL, 0},
};

static const KSPROPERTY_SET MixerSets[] = {
    {&MixerSet, SIZEOF_ARRAY(MixerItems), MixerItems, 0, NULL},
};

#define MIXER_TAG 'xiMF'

// --- Allocators -------------------------------------------------------------

// Right: stores the buffer, fails cleanly.
static NTSTATUS AllocParams(PIRP Irp, ULONG BufferSize, BOOLEAN InputOperation) {
  PVOID Buffer = ExAllocatePoolWithTag(NonPagedPool, BufferSize, MIXER_TAG);
  if (!Buffer)
    return STATUS_INSUFFICIENT_RESOURCES;
  Irp->AssociatedIrp.SystemBuffer = Buffer;
  return STATUS_SUCCESS;
}

// Right: tests the buffer where it stored it.
static NTSTATUS AllocParamsInPlace(PIRP Irp, ULONG BufferSize,
                                   BOOLEAN InputOperation) {
  Irp->AssociatedIrp.SystemBuffer =
      ExAllocatePoolWithTag(NonPagedPool, BufferSize, MIXER_TAG);
  if (Irp->AssociatedIrp.SystemBuffer == NULL)
    return STATUS_INSUFFICIENT_RESOURCES;
  return STATUS_SUCCESS;
}

// Right: the pool raises instead of returning NULL.
static NTSTATUS AllocParamsRaising(PIRP Irp, ULONG BufferSize,
                                   BOOLEAN InputOperation) {
  Irp->AssociatedIrp.SystemBuffer = ExAllocatePoolWithTag(
      (POOL_TYPE)(NonPagedPool | POOL_RAISE_IF_ALLOCATION_FAILURE), BufferSize,
      MIXER_TAG);
  return STATUS_SUCCESS;
}

// Right: hands the buffer to the I/O manager, which frees it on completion.
static NTSTATUS AllocParamsIoManaged(PIRP Irp, ULONG BufferSize,
                                     BOOLEAN InputOperation) {
  PVOID Buffer = ExAllocatePoolWithTag(NonPagedPool, BufferSize, MIXER_TAG);
  if (Buffer == NULL)
    return STATUS_INSUFFICIENT_RESOURCES;
  Irp->AssociatedIrp.SystemBuffer = Buffer;
  Irp->Flags |= IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER;
  return STATUS_SUCCESS;
}

// Wrong: success on the path where the pool had nothing.
static NTSTATUS AllocParamsUnchecked(PIRP Irp, ULONG BufferSize,
                                     BOOLEAN InputOperation) {
  PVOID Buffer = ExAllocatePoolWithTag(NonPagedPool, BufferSize, MIXER_TAG);
  Irp->AssociatedIrp.SystemBuffer = Buffer;
  return STATUS_SUCCESS;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'AllocParamsUnchecked' returns STATUS_SUCCESS where its allocation returned NULL: KsPropertyHandlerWithAllocator then captures the request's parameters into a NULL buffer (a bugcheck under low memory); return STATUS_INSUFFICIENT_RESOURCES [ks-parameter-allocator]
  // CHECK-MESSAGES: :[[@LINE-4]]:18: note: the allocation that can fail
}

// Wrong: a test that still says success.
static NTSTATUS AllocParamsIgnoresFailure(PIRP Irp, ULONG BufferSize,
                                          BOOLEAN InputOperation) {
  PVOID Buffer = ExAllocatePoolWithTag(NonPagedPool, BufferSize, MIXER_TAG);
  if (Buffer)
    Irp->AssociatedIrp.SystemBuffer = Buffer;
  return STATUS_SUCCESS;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'AllocParamsIgnoresFailure' returns STATUS_SUCCESS where its allocation returned NULL
  // CHECK-MESSAGES: :[[@LINE-5]]:18: note: the allocation that can fail
}

static UCHAR StaticArena[256];

// Wrong: a path that returns success and never sets SystemBuffer.
static NTSTATUS AllocParamsFromArena(PIRP Irp, ULONG BufferSize,
                                     BOOLEAN InputOperation) {
  if (BufferSize <= sizeof(StaticArena)) {
    Irp->AssociatedIrp.SystemBuffer = StaticArena;
    return STATUS_SUCCESS;
  }
  return STATUS_SUCCESS;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'AllocParamsFromArena' returns STATUS_SUCCESS without storing a buffer in Irp->AssociatedIrp.SystemBuffer: KsPropertyHandlerWithAllocator then captures the request's parameters through a NULL or stale SystemBuffer (a bugcheck, or a write into memory the filter does not own) [ks-parameter-allocator]
}

// --- Filters ----------------------------------------------------------------

// Right: frees what the allocator handed out on every path.
NTSTATUS MixerDispatch(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParams, 0);
  if (Irp->AssociatedIrp.SystemBuffer) {
    ExFreePoolWithTag(Irp->AssociatedIrp.SystemBuffer, MIXER_TAG);
    Irp->AssociatedIrp.SystemBuffer = NULL;
  }
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// Right: frees through a local, and through a helper of its own.
static void ReleaseParams(PIRP Irp) {
  PVOID Buffer = Irp->AssociatedIrp.SystemBuffer;
  Irp->AssociatedIrp.SystemBuffer = NULL;
  if (Buffer)
    ExFreePoolWithTag(Buffer, MIXER_TAG);
}

NTSTATUS MixerDispatchHelper(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParamsInPlace, 0);
  ReleaseParams(Irp);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

NTSTATUS MixerDispatchRaising(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParamsRaising, 0);
  PVOID Buffer = Irp->AssociatedIrp.SystemBuffer;
  if (Buffer != NULL)
    ExFreePool(Buffer);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// Right: the I/O manager frees it; the filter leaves it alone.
NTSTATUS MixerDispatchIoManaged(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParamsIoManaged, 0);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// Right: no custom allocator at all.
NTSTATUS MixerDispatchDefault(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, NULL, 0);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// Wrong: never frees it.
NTSTATUS MixerDispatchLeaky(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: the buffer 'AllocParams' hands out for KsPropertyHandlerWithAllocator is never freed by 'MixerDispatchLeaky': with a custom allocator the runtime sets no IRP_DEALLOCATE_BUFFER, so each request leaks the buffer (a caller can exhaust pool) [ks-parameter-allocator]
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParams, 0);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this path completes the request without freeing it
}

// Wrong: frees it only when the request succeeded; the allocator ran
// before the lookup, so an unknown id or a short buffer leaks it.
NTSTATUS MixerDispatchSuccessOnly(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: the buffer 'AllocParams' hands out for KsPropertyHandlerWithAllocator is not freed on every path by 'MixerDispatchSuccessOnly': with a custom allocator the runtime sets no IRP_DEALLOCATE_BUFFER, so each request that takes that path leaks the buffer (a caller can exhaust pool) [ks-parameter-allocator]
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParams, 0);
  if (!NT_SUCCESS(Status)) {
    Irp->IoStatus.Status = Status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this path completes the request without freeing it
  }
  ExFreePoolWithTag(Irp->AssociatedIrp.SystemBuffer, MIXER_TAG);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// Wrong: frees what the I/O manager will free again.
NTSTATUS MixerDispatchBothFree(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParamsIoManaged, 0);
  if (Irp->AssociatedIrp.SystemBuffer)
    ExFreePool(Irp->AssociatedIrp.SystemBuffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'MixerDispatchBothFree' frees the buffer 'AllocParamsIoManaged' hands out, but 'AllocParamsIoManaged' set IRP_DEALLOCATE_BUFFER: the I/O manager frees it again when the IRP completes (a double free, pool corruption) [ks-parameter-allocator]
  // CHECK-MESSAGES: :63:3: note: IRP_DEALLOCATE_BUFFER set here
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// Wrong: frees it on the failure path and again after it.
NTSTATUS MixerDispatchTwice(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParams, 0);
  if (!NT_SUCCESS(Status))
    ExFreePoolWithTag(Irp->AssociatedIrp.SystemBuffer, MIXER_TAG);
  ExFreePoolWithTag(Irp->AssociatedIrp.SystemBuffer, MIXER_TAG);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MixerDispatchTwice' frees the buffer 'AllocParams' hands out for KsPropertyHandlerWithAllocator a second time on this path (a double free, pool corruption) [ks-parameter-allocator]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: note: first freed here
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// The callback findings, through filters that free correctly.
NTSTATUS MixerDispatchCallbacks(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParamsUnchecked, 0);
  ReleaseParams(Irp);
  Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParamsIgnoresFailure, 0);
  ReleaseParams(Irp);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

NTSTATUS MixerDispatchArena(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParamsFromArena, 0);
  // An arena block is the driver's own: how it takes it back is its
  // business, so no leak is judged for an allocator that takes nothing
  // from pool.
  Irp->AssociatedIrp.SystemBuffer = NULL;
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// Not judged: the filter pends the IRP and completes it elsewhere; the
// allocator is declared here and defined in another file.
NTSTATUS MixerDispatchPending(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParams, 0);
  IoMarkIrpPending(Irp);
  return STATUS_PENDING;
}

NTSTATUS AllocParamsElsewhere(PIRP Irp, ULONG BufferSize,
                              BOOLEAN InputOperation);

NTSTATUS MixerDispatchElsewhere(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParamsElsewhere, 0);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// Methods and events take an allocator too.
static const KSMETHOD_ITEM MixerMethods[] = {
    {1, {NULL}, sizeof(KSMETHOD), 0, NULL, KSMETHOD_TYPE_NONE},
};
static const KSMETHOD_SET MixerMethodSets[] = {
    {&MixerSet, SIZEOF_ARRAY(MixerMethods), MixerMethods, 0, NULL},
};

NTSTATUS MixerMethodDispatch(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsMethodHandlerWithAllocator(
      // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: the buffer 'AllocParams' hands out for KsMethodHandlerWithAllocator is never freed by 'MixerMethodDispatch'
      Irp, SIZEOF_ARRAY(MixerMethodSets), MixerMethodSets, AllocParams, 0);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

NTSTATUS MixerEventDispatch(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsEnableEventWithAllocator(
      // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: the buffer 'AllocParams' hands out for KsEnableEventWithAllocator is never freed by 'MixerEventDispatch'
      Irp, 0, NULL, NULL, KSEVENTS_NONE, NULL, AllocParams, 0);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// Not judged: an allocator the code does not name (a pointer variable).
static PFNKSALLOCATOR CurrentAllocator = AllocParams;

NTSTATUS MixerDispatchIndirect(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, CurrentAllocator, 0);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// Not judged: the filter hands the IRP to a function whose body is not
// here, which may free the buffer.
void MixerCompleteElsewhere(PIRP Irp, NTSTATUS Status);

NTSTATUS MixerDispatchOpaque(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParams, 0);
  MixerCompleteElsewhere(Irp, Status);
  return Status;
}

// Right: the IRP's buffer is released through a helper that takes the
// buffer itself.
static void GiveBack(PVOID Block) { ExFreePoolWithTag(Block, MIXER_TAG); }

NTSTATUS MixerDispatchGiveBack(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParams, 0);
  if (Irp->AssociatedIrp.SystemBuffer != NULL)
    GiveBack(Irp->AssociatedIrp.SystemBuffer);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}

// Right: the allocation is tested where it is assigned.
static NTSTATUS AllocParamsAssignInTest(PIRP Irp, ULONG BufferSize,
                                        BOOLEAN InputOperation) {
  PVOID Buffer;
  if ((Buffer = ExAllocatePoolWithTag(NonPagedPool, BufferSize, MIXER_TAG)) ==
      NULL)
    return STATUS_INSUFFICIENT_RESOURCES;
  Irp->AssociatedIrp.SystemBuffer = Buffer;
  return STATUS_SUCCESS;
}

// Not judged: the allocation lands in a field of the driver's, and is
// tested there.
typedef struct {
  PVOID Pending;
} MIXER_CONTEXT;
static MIXER_CONTEXT MixerContext;

static NTSTATUS AllocParamsInContext(PIRP Irp, ULONG BufferSize,
                                     BOOLEAN InputOperation) {
  MixerContext.Pending =
      ExAllocatePoolWithTag(NonPagedPool, BufferSize, MIXER_TAG);
  if (!MixerContext.Pending)
    return STATUS_INSUFFICIENT_RESOURCES;
  Irp->AssociatedIrp.SystemBuffer = MixerContext.Pending;
  return STATUS_SUCCESS;
}

NTSTATUS MixerDispatchTestedElsewhere(PDEVICE_OBJECT Device, PIRP Irp) {
  NTSTATUS Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParamsAssignInTest, 0);
  ReleaseParams(Irp);
  Status = KsPropertyHandlerWithAllocator(
      Irp, SIZEOF_ARRAY(MixerSets), MixerSets, AllocParamsInContext, 0);
  ReleaseParams(Irp);
  Irp->IoStatus.Status = Status;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return Status;
}
