/*
 * Part of kstidy's <wdf.h> stand-in, included from it at this point;
 * not meant to be included on its own.
 *
 * wdfrequest.h: requests, their parameters, formatting and completion.
 */

/* ------------------------------------------------------------------------ */
/* wdfrequest.h                                                              */
/* ------------------------------------------------------------------------ */

typedef enum _WDF_REQUEST_TYPE {
  WdfRequestTypeCreate = 0x0,
  WdfRequestTypeCreateNamedPipe = 0x1,
  WdfRequestTypeClose = 0x2,
  WdfRequestTypeRead = 0x3,
  WdfRequestTypeWrite = 0x4,
  WdfRequestTypeQueryInformation = 0x5,
  WdfRequestTypeSetInformation = 0x6,
  WdfRequestTypeQueryEA = 0x7,
  WdfRequestTypeSetEA = 0x8,
  WdfRequestTypeFlushBuffers = 0x9,
  WdfRequestTypeQueryVolumeInformation = 0xa,
  WdfRequestTypeSetVolumeInformation = 0xb,
  WdfRequestTypeDirectoryControl = 0xc,
  WdfRequestTypeFileSystemControl = 0xd,
  WdfRequestTypeDeviceControl = 0xe,
  WdfRequestTypeDeviceControlInternal = 0xf,
  WdfRequestTypeShutdown = 0x10,
  WdfRequestTypeLockControl = 0x11,
  WdfRequestTypeCleanup = 0x12,
  WdfRequestTypeCreateMailSlot = 0x13,
  WdfRequestTypeQuerySecurity = 0x14,
  WdfRequestTypeSetSecurity = 0x15,
  WdfRequestTypePower = 0x16,
  WdfRequestTypeSystemControl = 0x17,
  WdfRequestTypeDeviceChange = 0x18,
  WdfRequestTypeQueryQuota = 0x19,
  WdfRequestTypeSetQuota = 0x1A,
  WdfRequestTypePnp = 0x1B,
  WdfRequestTypeOther = 0x1C,
  WdfRequestTypeUsb = 0x40,
  WdfRequestTypeNoFormat = 0xFF,
  WdfRequestTypeMax
} WDF_REQUEST_TYPE;

typedef enum _WDF_REQUEST_REUSE_FLAGS {
  WDF_REQUEST_REUSE_NO_FLAGS = 0x00000000,
  WDF_REQUEST_REUSE_SET_NEW_IRP = 0x00000001
} WDF_REQUEST_REUSE_FLAGS;

typedef struct _WDF_REQUEST_REUSE_PARAMS {
  ULONG Size;
  ULONG Flags;
  NTSTATUS Status;
  PIRP NewIrp;
} WDF_REQUEST_REUSE_PARAMS, *PWDF_REQUEST_REUSE_PARAMS;

KSTIDY_WDF_INLINE VOID WDF_REQUEST_REUSE_PARAMS_INIT(
    PWDF_REQUEST_REUSE_PARAMS Params, ULONG Flags, NTSTATUS Status) {
  RtlZeroMemory(Params, sizeof(WDF_REQUEST_REUSE_PARAMS));
  Params->Size = sizeof(WDF_REQUEST_REUSE_PARAMS);
  Params->Flags = Flags;
  Params->Status = Status;
}

KSTIDY_WDF_INLINE VOID WDF_REQUEST_REUSE_PARAMS_SET_NEW_IRP(
    PWDF_REQUEST_REUSE_PARAMS Params, PIRP NewIrp) {
  Params->Flags |= WDF_REQUEST_REUSE_SET_NEW_IRP;
  Params->NewIrp = NewIrp;
}

typedef enum _WDF_REQUEST_SEND_OPTIONS_FLAGS {
  WDF_REQUEST_SEND_OPTION_TIMEOUT = 0x00000001,
  WDF_REQUEST_SEND_OPTION_SYNCHRONOUS = 0x00000002,
  WDF_REQUEST_SEND_OPTION_IGNORE_TARGET_STATE = 0x00000004,
  WDF_REQUEST_SEND_OPTION_SEND_AND_FORGET = 0x00000008,
  WDF_REQUEST_SEND_OPTION_IMPERSONATE_CLIENT = 0x00010000,
  WDF_REQUEST_SEND_OPTION_IMPERSONATION_IGNORE_FAILURE = 0x00020000
} WDF_REQUEST_SEND_OPTIONS_FLAGS;

typedef struct _WDF_REQUEST_SEND_OPTIONS {
  ULONG Size;
  ULONG Flags;
  LONGLONG Timeout;
} WDF_REQUEST_SEND_OPTIONS, *PWDF_REQUEST_SEND_OPTIONS;

KSTIDY_WDF_INLINE VOID WDF_REQUEST_SEND_OPTIONS_INIT(
    PWDF_REQUEST_SEND_OPTIONS Options, ULONG Flags) {
  RtlZeroMemory(Options, sizeof(WDF_REQUEST_SEND_OPTIONS));
  Options->Size = sizeof(WDF_REQUEST_SEND_OPTIONS);
  Options->Flags = Flags;
}

KSTIDY_WDF_INLINE VOID WDF_REQUEST_SEND_OPTIONS_SET_TIMEOUT(
    PWDF_REQUEST_SEND_OPTIONS Options, LONGLONG Timeout) {
  Options->Flags |= WDF_REQUEST_SEND_OPTION_TIMEOUT;
  Options->Timeout = Timeout;
}

/* USB completion parameters belong to wdfusb.h, which is not provided;
   the pointer member below only needs the incomplete type. */
typedef struct _WDF_USB_REQUEST_COMPLETION_PARAMS
    *PWDF_USB_REQUEST_COMPLETION_PARAMS;

typedef struct _WDF_REQUEST_COMPLETION_PARAMS {
  ULONG Size;
  WDF_REQUEST_TYPE Type;
  IO_STATUS_BLOCK IoStatus;
  union {
    struct {
      WDFMEMORY Buffer;
      size_t Length;
      size_t Offset;
    } Write;
    struct {
      WDFMEMORY Buffer;
      size_t Length;
      size_t Offset;
    } Read;
    struct {
      ULONG IoControlCode;
      struct {
        WDFMEMORY Buffer;
        size_t Offset;
      } Input;
      struct {
        WDFMEMORY Buffer;
        size_t Offset;
        size_t Length;
      } Output;
    } Ioctl;
    struct {
      union {
        PVOID Ptr;
        ULONG_PTR Value;
      } Argument1;
      union {
        PVOID Ptr;
        ULONG_PTR Value;
      } Argument2;
      union {
        PVOID Ptr;
        ULONG_PTR Value;
      } Argument3;
      union {
        PVOID Ptr;
        ULONG_PTR Value;
      } Argument4;
    } Others;
    struct {
      PWDF_USB_REQUEST_COMPLETION_PARAMS Completion;
    } Usb;
  } Parameters;
} WDF_REQUEST_COMPLETION_PARAMS, *PWDF_REQUEST_COMPLETION_PARAMS;

KSTIDY_WDF_INLINE VOID WDF_REQUEST_COMPLETION_PARAMS_INIT(
    PWDF_REQUEST_COMPLETION_PARAMS Params) {
  RtlZeroMemory(Params, sizeof(WDF_REQUEST_COMPLETION_PARAMS));
  Params->Size = sizeof(WDF_REQUEST_COMPLETION_PARAMS);
  Params->Type = WdfRequestTypeNoFormat;
}

typedef struct _WDF_REQUEST_PARAMETERS {
  USHORT Size;
  UCHAR MinorFunction;
  WDF_REQUEST_TYPE Type;
  union {
    struct {
      PIO_SECURITY_CONTEXT SecurityContext;
      ULONG Options;
      USHORT POINTER_ALIGNMENT FileAttributes;
      USHORT ShareAccess;
      ULONG POINTER_ALIGNMENT EaLength;
    } Create;
    struct {
      size_t Length;
      ULONG POINTER_ALIGNMENT Key;
      LONGLONG DeviceOffset;
    } Read;
    struct {
      size_t Length;
      ULONG POINTER_ALIGNMENT Key;
      LONGLONG DeviceOffset;
    } Write;
    struct {
      size_t OutputBufferLength;
      size_t POINTER_ALIGNMENT InputBufferLength;
      ULONG POINTER_ALIGNMENT IoControlCode;
      PVOID Type3InputBuffer;
    } DeviceIoControl;
    struct {
      PVOID Arg1;
      PVOID Arg2;
      ULONG POINTER_ALIGNMENT IoControlCode;
      PVOID Arg4;
    } Others;
  } Parameters;
} WDF_REQUEST_PARAMETERS, *PWDF_REQUEST_PARAMETERS;

KSTIDY_WDF_INLINE VOID WDF_REQUEST_PARAMETERS_INIT(
    PWDF_REQUEST_PARAMETERS Parameters) {
  RtlZeroMemory(Parameters, sizeof(WDF_REQUEST_PARAMETERS));
  Parameters->Size = sizeof(WDF_REQUEST_PARAMETERS);
}

typedef VOID EVT_WDF_REQUEST_COMPLETION_ROUTINE(
    WDFREQUEST Request, WDFIOTARGET Target,
    PWDF_REQUEST_COMPLETION_PARAMS Params, WDFCONTEXT Context);
typedef EVT_WDF_REQUEST_COMPLETION_ROUTINE *PFN_WDF_REQUEST_COMPLETION_ROUTINE;
typedef VOID EVT_WDF_REQUEST_CANCEL(WDFREQUEST Request);
typedef EVT_WDF_REQUEST_CANCEL *PFN_WDF_REQUEST_CANCEL;

NTSTATUS WdfRequestCreate(PWDF_OBJECT_ATTRIBUTES RequestAttributes,
                          WDFIOTARGET IoTarget, WDFREQUEST *Request);
NTSTATUS WdfRequestCreateFromIrp(PWDF_OBJECT_ATTRIBUTES RequestAttributes,
                                 PIRP Irp, BOOLEAN RequestFreesIrp,
                                 WDFREQUEST *Request);
NTSTATUS WdfRequestReuse(WDFREQUEST Request,
                         PWDF_REQUEST_REUSE_PARAMS ReuseParams);
BOOLEAN WdfRequestSend(WDFREQUEST Request, WDFIOTARGET Target,
                       PWDF_REQUEST_SEND_OPTIONS Options);
NTSTATUS WdfRequestGetStatus(WDFREQUEST Request);
ULONG_PTR WdfRequestGetInformation(WDFREQUEST Request);
VOID WdfRequestSetInformation(WDFREQUEST Request, ULONG_PTR Information);
VOID WdfRequestSetCompletionRoutine(
    WDFREQUEST Request, PFN_WDF_REQUEST_COMPLETION_ROUTINE CompletionRoutine,
    WDFCONTEXT CompletionContext);
VOID WdfRequestGetCompletionParams(WDFREQUEST Request,
                                   PWDF_REQUEST_COMPLETION_PARAMS Params);
BOOLEAN WdfRequestCancelSentRequest(WDFREQUEST Request);
BOOLEAN WdfRequestIsCanceled(WDFREQUEST Request);
VOID WdfRequestMarkCancelable(WDFREQUEST Request,
                              PFN_WDF_REQUEST_CANCEL EvtRequestCancel);
NTSTATUS WdfRequestMarkCancelableEx(WDFREQUEST Request,
                                    PFN_WDF_REQUEST_CANCEL EvtRequestCancel);
NTSTATUS WdfRequestUnmarkCancelable(WDFREQUEST Request);
VOID WdfRequestComplete(WDFREQUEST Request, NTSTATUS Status);
VOID WdfRequestCompleteWithInformation(WDFREQUEST Request, NTSTATUS Status,
                                       ULONG_PTR Information);
VOID WdfRequestCompleteWithPriorityBoost(WDFREQUEST Request, NTSTATUS Status,
                                         CCHAR PriorityBoost);
VOID WdfRequestGetParameters(WDFREQUEST Request,
                             PWDF_REQUEST_PARAMETERS Parameters);
NTSTATUS WdfRequestRetrieveInputBuffer(WDFREQUEST Request,
                                       size_t MinimumRequiredLength,
                                       PVOID *Buffer, size_t *Length);
NTSTATUS WdfRequestRetrieveOutputBuffer(WDFREQUEST Request,
                                        size_t MinimumRequiredSize,
                                        PVOID *Buffer, size_t *Length);
NTSTATUS WdfRequestRetrieveInputMemory(WDFREQUEST Request, WDFMEMORY *Memory);
NTSTATUS WdfRequestRetrieveOutputMemory(WDFREQUEST Request, WDFMEMORY *Memory);
NTSTATUS WdfRequestRetrieveInputWdmMdl(WDFREQUEST Request, PMDL *Mdl);
NTSTATUS WdfRequestRetrieveOutputWdmMdl(WDFREQUEST Request, PMDL *Mdl);
PIRP WdfRequestWdmGetIrp(WDFREQUEST Request);
WDFQUEUE WdfRequestGetIoQueue(WDFREQUEST Request);
WDFFILEOBJECT WdfRequestGetFileObject(WDFREQUEST Request);
KPROCESSOR_MODE WdfRequestGetRequestorMode(WDFREQUEST Request);
NTSTATUS WdfRequestForwardToIoQueue(WDFREQUEST Request,
                                    WDFQUEUE DestinationQueue);
VOID WdfRequestFormatRequestUsingCurrentType(WDFREQUEST Request);
VOID WdfRequestWdmFormatUsingStackLocation(WDFREQUEST Request,
                                           PIO_STACK_LOCATION Stack);
NTSTATUS WdfRequestAllocateTimer(WDFREQUEST Request);
VOID WdfRequestStopAcknowledge(WDFREQUEST Request, BOOLEAN Requeue);
