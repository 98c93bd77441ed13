// MinMethod / MinData of KS method items against what their handlers read
// and write: ks.sys calls a KSMETHOD_ITEM's MethodHandler as it calls a
// property handler, after checking only those two minimums.
// RUN: %check_ks ks-property-min-size %s
#include <ntddk.h>
#include <ks.h>

static const GUID StreamMethods = {0x61, 0x10, 0x20, {1, 2, 3, 4, 5, 6, 7, 8}};

typedef struct {
  KSMETHOD Method;
  ULONG Stream;
  ULONG Reserved;
} STREAM_METHOD; // 32 bytes

// Writes a pointer (8 bytes) without looking at the buffer length.
static NTSTATUS AllocateFrame(PIRP Irp, PKSMETHOD Method, PVOID Data) {
  *(PVOID *)Data = NULL;
  return STATUS_SUCCESS;
}

// Reads a STREAM_METHOD from the request without checking its length.
static NTSTATUS ResetStream(PIRP Irp, PKSMETHOD Method, PVOID Data) {
  STREAM_METHOD *Request = (STREAM_METHOD *)Method;
  return Request->Stream ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

// The same accesses, for the items below that declare enough. (A handler
// shared by items of different minimums is judged against the largest of
// them: per-item-shared-handler.cpp.)
static NTSTATUS AllocateTag(PIRP Irp, PKSMETHOD Method, PVOID Data) {
  *(PVOID *)Data = NULL;
  return STATUS_SUCCESS;
}
static NTSTATUS FlushStream(PIRP Irp, PKSMETHOD Method, PVOID Data) {
  STREAM_METHOD *Request = (STREAM_METHOD *)Method;
  return Request->Stream ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}
static NTSTATUS AllocateOther(PIRP Irp, PKSMETHOD Method, PVOID Data) {
  *(PVOID *)Data = NULL;
  return STATUS_SUCCESS;
}

// Checks the output length itself first.
static NTSTATUS AllocateChecked(PIRP Irp, PKSMETHOD Method, PVOID Data) {
  PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
  if (Stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(PVOID))
    return STATUS_BUFFER_TOO_SMALL;
  *(PVOID *)Data = NULL;
  return STATUS_SUCCESS;
}

extern const ULONG MinDataFromElsewhere;

static const KSMETHOD_ITEM StreamMethodItems[] = {
    DEFINE_KSMETHOD_ITEM(0, KSMETHOD_TYPE_WRITE, AllocateFrame,
                         sizeof(KSMETHOD), sizeof(ULONG), NULL),
    // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: MinData 4 of method StreamMethods/0 (entry 0 of 'StreamMethodItems') is smaller than the 8 bytes handler 'AllocateFrame' writes through Data (as 'PVOID'), and the handler does not check the buffer length before that access: a 4-byte buffer passes the runtime's check and the handler writes 4 bytes past its end [ks-property-min-size]
    DEFINE_KSMETHOD_ITEM(1, KSMETHOD_TYPE_NONE, ResetStream, sizeof(KSMETHOD),
                         0, NULL),
    // CHECK-MESSAGES: :[[@LINE-2]]:62: warning: MinMethod 24 of method StreamMethods/1 (entry 1 of 'StreamMethodItems') is smaller than the 32 bytes handler 'ResetStream' reads its method argument as 'STREAM_METHOD', and the handler does not check the input length before that read: a 24-byte request passes the runtime's check and the handler reads 8 bytes past it [ks-property-min-size]
    // The minimums the handlers need: silent.
    DEFINE_KSMETHOD_ITEM(2, KSMETHOD_TYPE_WRITE, AllocateTag,
                         sizeof(KSMETHOD), sizeof(PVOID), NULL),
    DEFINE_KSMETHOD_ITEM(3, KSMETHOD_TYPE_NONE, FlushStream,
                         sizeof(STREAM_METHOD), 0, NULL),
    // A handler that checks the length: silent.
    DEFINE_KSMETHOD_ITEM(4, KSMETHOD_TYPE_WRITE, AllocateChecked,
                         sizeof(KSMETHOD), 0, NULL),
    // A MinData kstidy cannot know: never judged.
    DEFINE_KSMETHOD_ITEM(5, KSMETHOD_TYPE_WRITE, AllocateOther,
                         sizeof(KSMETHOD), MinDataFromElsewhere, NULL),
};

static const KSMETHOD_SET StreamMethodSets[] = {
    {&StreamMethods, SIZEOF_ARRAY(StreamMethodItems), StreamMethodItems},
};

NTSTATUS CallStreamMethod(PIRP Irp) {
  return KsMethodHandler(Irp, SIZEOF_ARRAY(StreamMethodSets), StreamMethodSets);
}
