/*
 * Part of kstidy's <wdf.h> stand-in, included from it at this point;
 * not meant to be included on its own.
 *
 * wdfiotarget.h, wdfworkitem.h, wdftimer.h, wdfdpc.h, wdfsync.h,
 * wdfstring.h, wdfregistry.h and wdfcollection.h.
 */

/* ------------------------------------------------------------------------ */
/* wdfiotarget.h                                                             */
/* ------------------------------------------------------------------------ */

typedef enum _WDF_IO_TARGET_STATE {
  WdfIoTargetStateUndefined = 0,
  WdfIoTargetStarted,
  WdfIoTargetStopped,
  WdfIoTargetClosedForQueryRemove,
  WdfIoTargetClosed,
  WdfIoTargetDeleted,
  WdfIoTargetPurged
} WDF_IO_TARGET_STATE, *PWDF_IO_TARGET_STATE;

typedef enum _WDF_IO_TARGET_OPEN_TYPE {
  WdfIoTargetOpenUndefined = 0,
  WdfIoTargetOpenUseExistingDevice = 1,
  WdfIoTargetOpenByName = 2,
  WdfIoTargetOpenReopen = 3,
  WdfIoTargetOpenLocalTargetByFile = 4
} WDF_IO_TARGET_OPEN_TYPE;

typedef enum _WDF_IO_TARGET_SENT_IO_ACTION {
  WdfIoTargetSentIoUndefined = 0,
  WdfIoTargetCancelSentIo,
  WdfIoTargetWaitForSentIoToComplete,
  WdfIoTargetLeaveSentIoPending
} WDF_IO_TARGET_SENT_IO_ACTION;

typedef enum _WDF_IO_TARGET_PURGE_IO_ACTION {
  WdfIoTargetPurgeIoUndefined = 0,
  WdfIoTargetPurgeIoAndWait = 1,
  WdfIoTargetPurgeIo = 2
} WDF_IO_TARGET_PURGE_IO_ACTION;

typedef NTSTATUS EVT_WDF_IO_TARGET_QUERY_REMOVE(WDFIOTARGET IoTarget);
typedef EVT_WDF_IO_TARGET_QUERY_REMOVE *PFN_WDF_IO_TARGET_QUERY_REMOVE;
typedef VOID EVT_WDF_IO_TARGET_REMOVE_CANCELED(WDFIOTARGET IoTarget);
typedef EVT_WDF_IO_TARGET_REMOVE_CANCELED *PFN_WDF_IO_TARGET_REMOVE_CANCELED;
typedef VOID EVT_WDF_IO_TARGET_REMOVE_COMPLETE(WDFIOTARGET IoTarget);
typedef EVT_WDF_IO_TARGET_REMOVE_COMPLETE *PFN_WDF_IO_TARGET_REMOVE_COMPLETE;

typedef struct _WDF_IO_TARGET_OPEN_PARAMS {
  ULONG Size;
  WDF_IO_TARGET_OPEN_TYPE Type;
  PFN_WDF_IO_TARGET_QUERY_REMOVE EvtIoTargetQueryRemove;
  PFN_WDF_IO_TARGET_REMOVE_CANCELED EvtIoTargetRemoveCanceled;
  PFN_WDF_IO_TARGET_REMOVE_COMPLETE EvtIoTargetRemoveComplete;
  PDEVICE_OBJECT TargetDeviceObject;
  PFILE_OBJECT TargetFileObject;
  UNICODE_STRING TargetDeviceName;
  ACCESS_MASK DesiredAccess;
  ULONG ShareAccess;
  ULONG FileAttributes;
  ULONG CreateDisposition;
  ULONG CreateOptions;
  PVOID EaBuffer;
  ULONG EaBufferLength;
  PLONGLONG AllocationSize;
  ULONG FileInformation;
  UNICODE_STRING FileName;
} WDF_IO_TARGET_OPEN_PARAMS, *PWDF_IO_TARGET_OPEN_PARAMS;

KSTIDY_WDF_INLINE VOID WDF_IO_TARGET_OPEN_PARAMS_INIT_EXISTING_DEVICE(
    PWDF_IO_TARGET_OPEN_PARAMS Params, PDEVICE_OBJECT DeviceObject) {
  RtlZeroMemory(Params, sizeof(WDF_IO_TARGET_OPEN_PARAMS));
  Params->Size = sizeof(WDF_IO_TARGET_OPEN_PARAMS);
  Params->Type = WdfIoTargetOpenUseExistingDevice;
  Params->TargetDeviceObject = DeviceObject;
}

/* Opens an existing object by name: FILE_OPEN, non-directory. */
KSTIDY_WDF_INLINE VOID WDF_IO_TARGET_OPEN_PARAMS_INIT_OPEN_BY_NAME(
    PWDF_IO_TARGET_OPEN_PARAMS Params, PCUNICODE_STRING TargetDeviceName,
    ACCESS_MASK DesiredAccess) {
  RtlZeroMemory(Params, sizeof(WDF_IO_TARGET_OPEN_PARAMS));
  Params->Size = sizeof(WDF_IO_TARGET_OPEN_PARAMS);
  Params->Type = WdfIoTargetOpenByName;
  Params->TargetDeviceName = *TargetDeviceName;
  Params->DesiredAccess = DesiredAccess;
  Params->CreateOptions = FILE_NON_DIRECTORY_FILE;
  Params->CreateDisposition = FILE_OPEN;
}

/* Like OPEN_BY_NAME but creates the object when missing (FILE_OPEN_IF). */
KSTIDY_WDF_INLINE VOID WDF_IO_TARGET_OPEN_PARAMS_INIT_CREATE_BY_NAME(
    PWDF_IO_TARGET_OPEN_PARAMS Params, PCUNICODE_STRING TargetDeviceName,
    ACCESS_MASK DesiredAccess) {
  WDF_IO_TARGET_OPEN_PARAMS_INIT_OPEN_BY_NAME(Params, TargetDeviceName,
                                              DesiredAccess);
  Params->CreateDisposition = FILE_OPEN_IF;
}

KSTIDY_WDF_INLINE VOID WDF_IO_TARGET_OPEN_PARAMS_INIT_REOPEN(
    PWDF_IO_TARGET_OPEN_PARAMS Params) {
  RtlZeroMemory(Params, sizeof(WDF_IO_TARGET_OPEN_PARAMS));
  Params->Size = sizeof(WDF_IO_TARGET_OPEN_PARAMS);
  Params->Type = WdfIoTargetOpenReopen;
}

NTSTATUS WdfIoTargetCreate(WDFDEVICE Device,
                           PWDF_OBJECT_ATTRIBUTES IoTargetAttributes,
                           WDFIOTARGET *IoTarget);
NTSTATUS WdfIoTargetOpen(WDFIOTARGET IoTarget,
                         PWDF_IO_TARGET_OPEN_PARAMS OpenParams);
VOID WdfIoTargetClose(WDFIOTARGET IoTarget);
VOID WdfIoTargetCloseForQueryRemove(WDFIOTARGET IoTarget);
NTSTATUS WdfIoTargetStart(WDFIOTARGET IoTarget);
VOID WdfIoTargetStop(WDFIOTARGET IoTarget,
                     WDF_IO_TARGET_SENT_IO_ACTION Action);
VOID WdfIoTargetPurge(WDFIOTARGET IoTarget,
                      WDF_IO_TARGET_PURGE_IO_ACTION Action);
WDF_IO_TARGET_STATE WdfIoTargetGetState(WDFIOTARGET IoTarget);
WDFDEVICE WdfIoTargetGetDevice(WDFIOTARGET IoTarget);
PDEVICE_OBJECT WdfIoTargetWdmGetTargetDeviceObject(WDFIOTARGET IoTarget);
PDEVICE_OBJECT WdfIoTargetWdmGetTargetPhysicalDevice(WDFIOTARGET IoTarget);
PFILE_OBJECT WdfIoTargetWdmGetTargetFileObject(WDFIOTARGET IoTarget);
HANDLE WdfIoTargetWdmGetTargetFileHandle(WDFIOTARGET IoTarget);
NTSTATUS WdfIoTargetQueryTargetProperty(WDFIOTARGET IoTarget,
                                        DEVICE_REGISTRY_PROPERTY DeviceProperty,
                                        ULONG BufferLength,
                                        PVOID PropertyBuffer,
                                        PULONG ResultLength);
NTSTATUS WdfIoTargetSendIoctlSynchronously(
    WDFIOTARGET IoTarget, WDFREQUEST Request, ULONG IoctlCode,
    PWDF_MEMORY_DESCRIPTOR InputBuffer, PWDF_MEMORY_DESCRIPTOR OutputBuffer,
    PWDF_REQUEST_SEND_OPTIONS RequestOptions, PULONG_PTR BytesReturned);
NTSTATUS WdfIoTargetSendInternalIoctlSynchronously(
    WDFIOTARGET IoTarget, WDFREQUEST Request, ULONG IoctlCode,
    PWDF_MEMORY_DESCRIPTOR InputBuffer, PWDF_MEMORY_DESCRIPTOR OutputBuffer,
    PWDF_REQUEST_SEND_OPTIONS RequestOptions, PULONG_PTR BytesReturned);
NTSTATUS WdfIoTargetSendReadSynchronously(
    WDFIOTARGET IoTarget, WDFREQUEST Request,
    PWDF_MEMORY_DESCRIPTOR OutputBuffer, PLONGLONG DeviceOffset,
    PWDF_REQUEST_SEND_OPTIONS RequestOptions, PULONG_PTR BytesRead);
NTSTATUS WdfIoTargetSendWriteSynchronously(
    WDFIOTARGET IoTarget, WDFREQUEST Request,
    PWDF_MEMORY_DESCRIPTOR InputBuffer, PLONGLONG DeviceOffset,
    PWDF_REQUEST_SEND_OPTIONS RequestOptions, PULONG_PTR BytesWritten);
NTSTATUS WdfIoTargetFormatRequestForIoctl(
    WDFIOTARGET IoTarget, WDFREQUEST Request, ULONG IoctlCode,
    WDFMEMORY InputBuffer, PWDFMEMORY_OFFSET InputBufferOffset,
    WDFMEMORY OutputBuffer, PWDFMEMORY_OFFSET OutputBufferOffset);
NTSTATUS WdfIoTargetFormatRequestForInternalIoctl(
    WDFIOTARGET IoTarget, WDFREQUEST Request, ULONG IoctlCode,
    WDFMEMORY InputBuffer, PWDFMEMORY_OFFSET InputBufferOffset,
    WDFMEMORY OutputBuffer, PWDFMEMORY_OFFSET OutputBufferOffset);
NTSTATUS WdfIoTargetFormatRequestForRead(WDFIOTARGET IoTarget,
                                         WDFREQUEST Request,
                                         WDFMEMORY OutputBuffer,
                                         PWDFMEMORY_OFFSET OutputBufferOffset,
                                         PLONGLONG DeviceOffset);
NTSTATUS WdfIoTargetFormatRequestForWrite(WDFIOTARGET IoTarget,
                                          WDFREQUEST Request,
                                          WDFMEMORY InputBuffer,
                                          PWDFMEMORY_OFFSET InputBufferOffset,
                                          PLONGLONG DeviceOffset);

/* ------------------------------------------------------------------------ */
/* wdfworkitem.h                                                             */
/* ------------------------------------------------------------------------ */

typedef VOID EVT_WDF_WORKITEM(WDFWORKITEM WorkItem);
typedef EVT_WDF_WORKITEM *PFN_WDF_WORKITEM;

typedef struct _WDF_WORKITEM_CONFIG {
  ULONG Size;
  PFN_WDF_WORKITEM EvtWorkItemFunc;
  BOOLEAN AutomaticSerialization;
} WDF_WORKITEM_CONFIG, *PWDF_WORKITEM_CONFIG;

KSTIDY_WDF_INLINE VOID WDF_WORKITEM_CONFIG_INIT(
    PWDF_WORKITEM_CONFIG Config, PFN_WDF_WORKITEM EvtWorkItemFunc) {
  RtlZeroMemory(Config, sizeof(WDF_WORKITEM_CONFIG));
  Config->Size = sizeof(WDF_WORKITEM_CONFIG);
  Config->EvtWorkItemFunc = EvtWorkItemFunc;
  Config->AutomaticSerialization = TRUE;
}

NTSTATUS WdfWorkItemCreate(PWDF_WORKITEM_CONFIG Config,
                           PWDF_OBJECT_ATTRIBUTES Attributes,
                           WDFWORKITEM *WorkItem);
VOID WdfWorkItemEnqueue(WDFWORKITEM WorkItem);
VOID WdfWorkItemFlush(WDFWORKITEM WorkItem);
WDFOBJECT WdfWorkItemGetParentObject(WDFWORKITEM WorkItem);

/* ------------------------------------------------------------------------ */
/* wdftimer.h                                                                */
/* ------------------------------------------------------------------------ */

typedef VOID EVT_WDF_TIMER(WDFTIMER Timer);
typedef EVT_WDF_TIMER *PFN_WDF_TIMER;

/* TolerableDelay value: the timer never wakes the system by itself. */
#define TolerableDelayUnlimited ((ULONG)-1)

typedef struct _WDF_TIMER_CONFIG {
  ULONG Size;
  PFN_WDF_TIMER EvtTimerFunc;
  ULONG Period;
  BOOLEAN AutomaticSerialization;
  ULONG TolerableDelay;
  BOOLEAN UseHighResolutionTimer;
} WDF_TIMER_CONFIG, *PWDF_TIMER_CONFIG;

KSTIDY_WDF_INLINE VOID WDF_TIMER_CONFIG_INIT(PWDF_TIMER_CONFIG Config,
                                             PFN_WDF_TIMER EvtTimerFunc) {
  RtlZeroMemory(Config, sizeof(WDF_TIMER_CONFIG));
  Config->Size = sizeof(WDF_TIMER_CONFIG);
  Config->EvtTimerFunc = EvtTimerFunc;
  Config->AutomaticSerialization = TRUE;
}

KSTIDY_WDF_INLINE VOID WDF_TIMER_CONFIG_INIT_PERIODIC(
    PWDF_TIMER_CONFIG Config, PFN_WDF_TIMER EvtTimerFunc, LONG Period) {
  WDF_TIMER_CONFIG_INIT(Config, EvtTimerFunc);
  Config->Period = (ULONG)Period;
}

NTSTATUS WdfTimerCreate(PWDF_TIMER_CONFIG Config,
                        PWDF_OBJECT_ATTRIBUTES Attributes, WDFTIMER *Timer);
BOOLEAN WdfTimerStart(WDFTIMER Timer, LONGLONG DueTime);
BOOLEAN WdfTimerStop(WDFTIMER Timer, BOOLEAN Wait);
WDFOBJECT WdfTimerGetParentObject(WDFTIMER Timer);

/* ------------------------------------------------------------------------ */
/* wdfdpc.h                                                                  */
/* ------------------------------------------------------------------------ */

typedef VOID EVT_WDF_DPC(WDFDPC Dpc);
typedef EVT_WDF_DPC *PFN_WDF_DPC;

typedef struct _WDF_DPC_CONFIG {
  ULONG Size;
  PFN_WDF_DPC EvtDpcFunc;
  BOOLEAN AutomaticSerialization;
} WDF_DPC_CONFIG, *PWDF_DPC_CONFIG;

KSTIDY_WDF_INLINE VOID WDF_DPC_CONFIG_INIT(PWDF_DPC_CONFIG Config,
                                           PFN_WDF_DPC EvtDpcFunc) {
  RtlZeroMemory(Config, sizeof(WDF_DPC_CONFIG));
  Config->Size = sizeof(WDF_DPC_CONFIG);
  Config->EvtDpcFunc = EvtDpcFunc;
  Config->AutomaticSerialization = TRUE;
}

NTSTATUS WdfDpcCreate(PWDF_DPC_CONFIG Config,
                      PWDF_OBJECT_ATTRIBUTES Attributes, WDFDPC *Dpc);
BOOLEAN WdfDpcEnqueue(WDFDPC Dpc);
BOOLEAN WdfDpcCancel(WDFDPC Dpc, BOOLEAN Wait);
WDFOBJECT WdfDpcGetParentObject(WDFDPC Dpc);
PKDPC WdfDpcWdmGetDpc(WDFDPC Dpc);

/* ------------------------------------------------------------------------ */
/* wdfsync.h                                                                 */
/* ------------------------------------------------------------------------ */

NTSTATUS WdfSpinLockCreate(PWDF_OBJECT_ATTRIBUTES SpinLockAttributes,
                           WDFSPINLOCK *SpinLock);
VOID WdfSpinLockAcquire(WDFSPINLOCK SpinLock);
VOID WdfSpinLockRelease(WDFSPINLOCK SpinLock);
NTSTATUS WdfWaitLockCreate(PWDF_OBJECT_ATTRIBUTES LockAttributes,
                           WDFWAITLOCK *Lock);
NTSTATUS WdfWaitLockAcquire(WDFWAITLOCK Lock, PLONGLONG Timeout);
VOID WdfWaitLockRelease(WDFWAITLOCK Lock);

/* ------------------------------------------------------------------------ */
/* wdfstring.h                                                               */
/* ------------------------------------------------------------------------ */

NTSTATUS WdfStringCreate(PCUNICODE_STRING UnicodeString,
                         PWDF_OBJECT_ATTRIBUTES StringAttributes,
                         WDFSTRING *String);
VOID WdfStringGetUnicodeString(WDFSTRING String, PUNICODE_STRING UnicodeString);

/* ------------------------------------------------------------------------ */
/* wdfregistry.h                                                             */
/* ------------------------------------------------------------------------ */

NTSTATUS WdfRegistryOpenKey(WDFKEY ParentKey, PCUNICODE_STRING KeyName,
                            ACCESS_MASK DesiredAccess,
                            PWDF_OBJECT_ATTRIBUTES KeyAttributes, WDFKEY *Key);
NTSTATUS WdfRegistryCreateKey(WDFKEY ParentKey, PCUNICODE_STRING KeyName,
                              ACCESS_MASK DesiredAccess, ULONG CreateOptions,
                              PULONG CreateDisposition,
                              PWDF_OBJECT_ATTRIBUTES KeyAttributes,
                              WDFKEY *Key);
VOID WdfRegistryClose(WDFKEY Key);
HANDLE WdfRegistryWdmGetHandle(WDFKEY Key);
NTSTATUS WdfRegistryRemoveKey(WDFKEY Key);
NTSTATUS WdfRegistryRemoveValue(WDFKEY Key, PCUNICODE_STRING ValueName);
NTSTATUS WdfRegistryQueryValue(WDFKEY Key, PCUNICODE_STRING ValueName,
                               ULONG ValueLength, PVOID Value,
                               PULONG ValueLengthQueried, PULONG ValueType);
NTSTATUS WdfRegistryQueryMemory(WDFKEY Key, PCUNICODE_STRING ValueName,
                                POOL_TYPE PoolType,
                                PWDF_OBJECT_ATTRIBUTES MemoryAttributes,
                                WDFMEMORY *Memory, PULONG ValueType);
NTSTATUS WdfRegistryQueryMultiString(WDFKEY Key, PCUNICODE_STRING ValueName,
                                     PWDF_OBJECT_ATTRIBUTES StringsAttributes,
                                     WDFCOLLECTION Collection);
NTSTATUS WdfRegistryQueryUnicodeString(WDFKEY Key, PCUNICODE_STRING ValueName,
                                       PUSHORT ValueByteLength,
                                       PUNICODE_STRING Value);
NTSTATUS WdfRegistryQueryString(WDFKEY Key, PCUNICODE_STRING ValueName,
                                WDFSTRING String);
NTSTATUS WdfRegistryQueryULong(WDFKEY Key, PCUNICODE_STRING ValueName,
                               PULONG Value);
NTSTATUS WdfRegistryAssignValue(WDFKEY Key, PCUNICODE_STRING ValueName,
                                ULONG ValueType, ULONG ValueLength,
                                PVOID Value);
NTSTATUS WdfRegistryAssignMemory(WDFKEY Key, PCUNICODE_STRING ValueName,
                                 ULONG ValueType, WDFMEMORY Memory,
                                 PWDFMEMORY_OFFSET MemoryOffsets);
NTSTATUS WdfRegistryAssignMultiString(WDFKEY Key, PCUNICODE_STRING ValueName,
                                      WDFCOLLECTION StringsCollection);
NTSTATUS WdfRegistryAssignUnicodeString(WDFKEY Key, PCUNICODE_STRING ValueName,
                                        PCUNICODE_STRING Value);
NTSTATUS WdfRegistryAssignString(WDFKEY Key, PCUNICODE_STRING ValueName,
                                 WDFSTRING String);
NTSTATUS WdfRegistryAssignULong(WDFKEY Key, PCUNICODE_STRING ValueName,
                                ULONG Value);

/* ------------------------------------------------------------------------ */
/* wdfcollection.h                                                           */
/* ------------------------------------------------------------------------ */

NTSTATUS WdfCollectionCreate(PWDF_OBJECT_ATTRIBUTES CollectionAttributes,
                             WDFCOLLECTION *Collection);
ULONG WdfCollectionGetCount(WDFCOLLECTION Collection);
NTSTATUS WdfCollectionAdd(WDFCOLLECTION Collection, WDFOBJECT Object);
VOID WdfCollectionRemove(WDFCOLLECTION Collection, WDFOBJECT Item);
VOID WdfCollectionRemoveItem(WDFCOLLECTION Collection, ULONG Index);
WDFOBJECT WdfCollectionGetItem(WDFCOLLECTION Collection, ULONG Index);
WDFOBJECT WdfCollectionGetFirstItem(WDFCOLLECTION Collection);
WDFOBJECT WdfCollectionGetLastItem(WDFCOLLECTION Collection);
