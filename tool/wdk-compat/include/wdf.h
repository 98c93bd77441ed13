/*
 * kstidy WDK-profile stand-in for <wdf.h> (KMDF), which mingw-w64 does not
 * ship.
 *
 * Written for kstidy from Microsoft's public KMDF reference on
 * learn.microsoft.com (wdfobject.h, wdfdriver.h, wdfdevice.h, wdfrequest.h,
 * wdfiotarget.h, wdfmemory.h, wdfworkitem.h, wdftimer.h, wdfsync.h,
 * wdfregistry.h, wdfstring.h, wdfcollection.h, wdfdpc.h, wdfcore.h pages).
 * It covers what Kernel Streaming / PortCls miniport drivers use next to
 * their port driver: framework objects and contexts, the driver object,
 * miniport-created devices (see wdfminiport.h), requests sent to I/O
 * targets, memory objects and descriptors, work items, timers, DPCs, locks,
 * registry keys, strings and collections. Queues, PnP/power callbacks,
 * interrupts, DMA, USB and HID targets are not declared (see README, Gaps).
 *
 * The real KMDF headers reach every method through a function table; here
 * each method is an ordinary extern declaration, so a call to
 * WdfRequestSend stays a call to WdfRequestSend in the AST. The *_INIT
 * helpers are inline functions (as documented) with the documented effect.
 *
 * If a real wdf.h is found later on the include path it is used instead.
 */
#if defined(__has_include_next) && !defined(KSTIDY_WDF_NO_INCLUDE_NEXT)
#if __has_include_next(<wdf.h>)
#define KSTIDY_WDF_USE_REAL_HEADER 1
#endif
#endif

#ifdef KSTIDY_WDF_USE_REAL_HEADER
#include_next <wdf.h>
#else

#ifndef KSTIDY_WDK_WDF_H
#define KSTIDY_WDK_WDF_H

/* KMDF is used from kernel-mode code that has wdm.h (or ntddk.h/ntifs.h). */
#if !defined(_WDMDDK_) && !defined(_NTDDK_) && !defined(_NTIFS_)
#include <wdm.h>
#endif

#ifdef __cplusplus
#define KSTIDY_WDF_INLINE inline
extern "C" {
#else
#define KSTIDY_WDF_INLINE static __inline
#endif

/* ------------------------------------------------------------------------ */
/* wdftypes.h / wdfcore.h: handles, tri-state, "no value" constants         */
/* ------------------------------------------------------------------------ */

#ifndef WDFAPI
#define WDFAPI
#endif

/* Every framework object handle converts to WDFOBJECT. */
typedef PVOID WDFOBJECT, *PWDFOBJECT;
typedef PVOID WDFCONTEXT;

#define KSTIDY_WDF_HANDLE(name) \
  typedef struct name##__ *name; \
  typedef name *P##name

KSTIDY_WDF_HANDLE(WDFDRIVER);
KSTIDY_WDF_HANDLE(WDFDEVICE);
KSTIDY_WDF_HANDLE(WDFQUEUE);
KSTIDY_WDF_HANDLE(WDFREQUEST);
KSTIDY_WDF_HANDLE(WDFFILEOBJECT);
KSTIDY_WDF_HANDLE(WDFMEMORY);
KSTIDY_WDF_HANDLE(WDFLOOKASIDE);
KSTIDY_WDF_HANDLE(WDFIOTARGET);
KSTIDY_WDF_HANDLE(WDFWORKITEM);
KSTIDY_WDF_HANDLE(WDFTIMER);
KSTIDY_WDF_HANDLE(WDFDPC);
KSTIDY_WDF_HANDLE(WDFINTERRUPT);
KSTIDY_WDF_HANDLE(WDFSPINLOCK);
KSTIDY_WDF_HANDLE(WDFWAITLOCK);
KSTIDY_WDF_HANDLE(WDFKEY);
KSTIDY_WDF_HANDLE(WDFSTRING);
KSTIDY_WDF_HANDLE(WDFCOLLECTION);
KSTIDY_WDF_HANDLE(WDFCMRESLIST);
KSTIDY_WDF_HANDLE(WDFCHILDLIST);
KSTIDY_WDF_HANDLE(WDFDMAENABLER);
KSTIDY_WDF_HANDLE(WDFDMATRANSACTION);
KSTIDY_WDF_HANDLE(WDFCOMMONBUFFER);
KSTIDY_WDF_HANDLE(WDFUSBDEVICE);
KSTIDY_WDF_HANDLE(WDFUSBINTERFACE);
KSTIDY_WDF_HANDLE(WDFUSBPIPE);

#undef KSTIDY_WDF_HANDLE

/* Opaque initialization structure of WdfDeviceCreate. */
typedef struct WDFDEVICE_INIT WDFDEVICE_INIT, *PWDFDEVICE_INIT;

typedef enum _WDF_TRI_STATE {
  WdfFalse = FALSE,
  WdfTrue = TRUE,
  WdfUseDefault = 2
} WDF_TRI_STATE, *PWDF_TRI_STATE;

#define WDF_NO_HANDLE NULL
#define WDF_NO_OBJECT_ATTRIBUTES NULL
#define WDF_NO_EVENT_CALLBACK NULL
#define WDF_NO_CONTEXT NULL
#define WDF_NO_SEND_OPTIONS NULL

/* Time conversion helpers: system time is in 100 ns units; relative
   times are negative, absolute times positive. */
KSTIDY_WDF_INLINE LONGLONG WDF_REL_TIMEOUT_IN_SEC(ULONGLONG Time) {
  return (LONGLONG)(Time * 10000000ULL) * -1;
}
KSTIDY_WDF_INLINE LONGLONG WDF_ABS_TIMEOUT_IN_SEC(ULONGLONG Time) {
  return (LONGLONG)(Time * 10000000ULL);
}
KSTIDY_WDF_INLINE LONGLONG WDF_REL_TIMEOUT_IN_MS(ULONGLONG Time) {
  return (LONGLONG)(Time * 10000ULL) * -1;
}
KSTIDY_WDF_INLINE LONGLONG WDF_ABS_TIMEOUT_IN_MS(ULONGLONG Time) {
  return (LONGLONG)(Time * 10000ULL);
}
KSTIDY_WDF_INLINE LONGLONG WDF_REL_TIMEOUT_IN_US(ULONGLONG Time) {
  return (LONGLONG)(Time * 10ULL) * -1;
}
KSTIDY_WDF_INLINE LONGLONG WDF_ABS_TIMEOUT_IN_US(ULONGLONG Time) {
  return (LONGLONG)(Time * 10ULL);
}

/* ------------------------------------------------------------------------ */
/* wdfobject.h                                                               */
/* ------------------------------------------------------------------------ */

typedef enum _WDF_EXECUTION_LEVEL {
  WdfExecutionLevelInvalid = 0x00,
  WdfExecutionLevelInheritFromParent,
  WdfExecutionLevelPassive,
  WdfExecutionLevelDispatch
} WDF_EXECUTION_LEVEL;

typedef enum _WDF_SYNCHRONIZATION_SCOPE {
  WdfSynchronizationScopeInvalid = 0x00,
  WdfSynchronizationScopeInheritFromParent,
  WdfSynchronizationScopeDevice,
  WdfSynchronizationScopeQueue,
  WdfSynchronizationScopeNone
} WDF_SYNCHRONIZATION_SCOPE;

typedef VOID EVT_WDF_OBJECT_CONTEXT_CLEANUP(WDFOBJECT Object);
typedef EVT_WDF_OBJECT_CONTEXT_CLEANUP *PFN_WDF_OBJECT_CONTEXT_CLEANUP;
typedef VOID EVT_WDF_OBJECT_CONTEXT_DESTROY(WDFOBJECT Object);
typedef EVT_WDF_OBJECT_CONTEXT_DESTROY *PFN_WDF_OBJECT_CONTEXT_DESTROY;

typedef struct _WDF_OBJECT_CONTEXT_TYPE_INFO WDF_OBJECT_CONTEXT_TYPE_INFO,
    *PWDF_OBJECT_CONTEXT_TYPE_INFO;
typedef const WDF_OBJECT_CONTEXT_TYPE_INFO *PCWDF_OBJECT_CONTEXT_TYPE_INFO;
typedef PCWDF_OBJECT_CONTEXT_TYPE_INFO (*PFN_GET_UNIQUE_CONTEXT_TYPE)(VOID);

struct _WDF_OBJECT_CONTEXT_TYPE_INFO {
  ULONG Size;
  LPCSTR ContextName;
  size_t ContextSize;
  PCWDF_OBJECT_CONTEXT_TYPE_INFO UniqueType;
  PFN_GET_UNIQUE_CONTEXT_TYPE EvtDriverGetUniqueContextType;
};

typedef struct _WDF_OBJECT_ATTRIBUTES {
  ULONG Size;
  PFN_WDF_OBJECT_CONTEXT_CLEANUP EvtCleanupCallback;
  PFN_WDF_OBJECT_CONTEXT_DESTROY EvtDestroyCallback;
  WDF_EXECUTION_LEVEL ExecutionLevel;
  WDF_SYNCHRONIZATION_SCOPE SynchronizationScope;
  WDFOBJECT ParentObject;
  size_t ContextSizeOverride;
  PCWDF_OBJECT_CONTEXT_TYPE_INFO ContextTypeInfo;
} WDF_OBJECT_ATTRIBUTES, *PWDF_OBJECT_ATTRIBUTES;

/* Zeroes the structure, sets Size and both "inherit from parent" levels. */
KSTIDY_WDF_INLINE VOID WDF_OBJECT_ATTRIBUTES_INIT(
    PWDF_OBJECT_ATTRIBUTES Attributes) {
  RtlZeroMemory(Attributes, sizeof(WDF_OBJECT_ATTRIBUTES));
  Attributes->Size = sizeof(WDF_OBJECT_ATTRIBUTES);
  Attributes->ExecutionLevel = WdfExecutionLevelInheritFromParent;
  Attributes->SynchronizationScope = WdfSynchronizationScopeInheritFromParent;
}

/* Name of the type-information object that WDF_DECLARE_CONTEXT_TYPE*
   defines for a context structure type. */
#define WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype) \
  KstidyWdfTypeInfo_##_contexttype
#define WDF_GET_CONTEXT_TYPE_INFO(_contexttype) \
  (&WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype))

#define WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(_attributes, _contexttype) \
  ((_attributes)->ContextTypeInfo = WDF_GET_CONTEXT_TYPE_INFO(_contexttype))

#define WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(_attributes, _contexttype) \
  do {                                                                     \
    WDF_OBJECT_ATTRIBUTES_INIT(_attributes);                               \
    WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(_attributes, _contexttype);     \
  } while (0)

/* One type-information object per context type, shared by every TU that
   sees the declaration (selectany), plus the typed accessor. */
#ifdef __cplusplus
#define KSTIDY_WDF_TYPE_INFO_STORAGE extern __declspec(selectany) const
#else
#define KSTIDY_WDF_TYPE_INFO_STORAGE __declspec(selectany) const
#endif

#define KSTIDY_WDF_DECLARE_TYPE_INFO(_contexttype, _uniquetype, _getuniquetype) \
  KSTIDY_WDF_TYPE_INFO_STORAGE WDF_OBJECT_CONTEXT_TYPE_INFO                  \
      WDF_TYPE_NAME_TO_TYPE_INFO(_contexttype) = {                           \
          sizeof(WDF_OBJECT_CONTEXT_TYPE_INFO), #_contexttype,               \
          sizeof(_contexttype), _uniquetype, _getuniquetype};

#define KSTIDY_WDF_DECLARE_ACCESSOR(_contexttype, _castingfunction)       \
  KSTIDY_WDF_INLINE _contexttype *_castingfunction(WDFOBJECT Handle) {     \
    return (_contexttype *)WdfObjectGetTypedContextWorker(                 \
        Handle, WDF_GET_CONTEXT_TYPE_INFO(_contexttype));                  \
  }

#define WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, _castingfunction) \
  KSTIDY_WDF_DECLARE_TYPE_INFO(                                            \
      _contexttype, WDF_GET_CONTEXT_TYPE_INFO(_contexttype), NULL)         \
  KSTIDY_WDF_DECLARE_ACCESSOR(_contexttype, _castingfunction)

#define WDF_DECLARE_CONTEXT_TYPE(_contexttype) \
  WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, WdfObjectGet_##_contexttype)

PVOID WdfObjectGetTypedContextWorker(WDFOBJECT Handle,
                                     PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo);

#define WdfObjectGetTypedContext(handle, type)                            \
  ((type *)WdfObjectGetTypedContextWorker((WDFOBJECT)(handle),            \
                                          WDF_GET_CONTEXT_TYPE_INFO(type)))

NTSTATUS WdfObjectAllocateContext(WDFOBJECT Handle,
                                  PWDF_OBJECT_ATTRIBUTES ContextAttributes,
                                  PVOID *Context);
WDFOBJECT WdfObjectContextGetObject(PVOID ContextPointer);
NTSTATUS WdfObjectCreate(PWDF_OBJECT_ATTRIBUTES Attributes,
                         WDFOBJECT *Object);
VOID WdfObjectDelete(WDFOBJECT Object);
NTSTATUS WdfObjectQuery(WDFOBJECT Object, const GUID *Guid,
                        ULONG QueryBufferLength, PVOID QueryBuffer);
VOID WdfObjectReferenceActual(WDFOBJECT Handle, PVOID Tag, LONG Line,
                              PCCH File);
VOID WdfObjectDereferenceActual(WDFOBJECT Handle, PVOID Tag, LONG Line,
                                PCCH File);
#define WdfObjectReference(Handle) \
  WdfObjectReferenceActual((WDFOBJECT)(Handle), NULL, __LINE__, __FILE__)
#define WdfObjectReferenceWithTag(Handle, Tag) \
  WdfObjectReferenceActual((WDFOBJECT)(Handle), (Tag), __LINE__, __FILE__)
#define WdfObjectDereference(Handle) \
  WdfObjectDereferenceActual((WDFOBJECT)(Handle), NULL, __LINE__, __FILE__)
#define WdfObjectDereferenceWithTag(Handle, Tag) \
  WdfObjectDereferenceActual((WDFOBJECT)(Handle), (Tag), __LINE__, __FILE__)

/* wdfsync.h: presentation lock of an object. */
VOID WdfObjectAcquireLock(WDFOBJECT Object);
VOID WdfObjectReleaseLock(WDFOBJECT Object);

/* ------------------------------------------------------------------------ */
/* wdfdriver.h                                                               */
/* ------------------------------------------------------------------------ */

typedef enum _WDF_DRIVER_INIT_FLAGS {
  WdfDriverInitNonPnpDriver = 0x00000001,
  WdfDriverInitNoDispatchOverride = 0x00000002,
  WdfVerifyOn = 0x00000004,
  WdfVerifierOn = 0x00000008,
  WdfDriverInitCompanion = 0x00000010
} WDF_DRIVER_INIT_FLAGS;

typedef NTSTATUS EVT_WDF_DRIVER_DEVICE_ADD(WDFDRIVER Driver,
                                           PWDFDEVICE_INIT DeviceInit);
typedef EVT_WDF_DRIVER_DEVICE_ADD *PFN_WDF_DRIVER_DEVICE_ADD;
typedef VOID EVT_WDF_DRIVER_UNLOAD(WDFDRIVER Driver);
typedef EVT_WDF_DRIVER_UNLOAD *PFN_WDF_DRIVER_UNLOAD;

typedef struct _WDF_DRIVER_CONFIG {
  ULONG Size;
  PFN_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd;
  PFN_WDF_DRIVER_UNLOAD EvtDriverUnload;
  ULONG DriverInitFlags;
  ULONG DriverPoolTag;
} WDF_DRIVER_CONFIG, *PWDF_DRIVER_CONFIG;

KSTIDY_WDF_INLINE VOID WDF_DRIVER_CONFIG_INIT(
    PWDF_DRIVER_CONFIG Config, PFN_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd) {
  RtlZeroMemory(Config, sizeof(WDF_DRIVER_CONFIG));
  Config->Size = sizeof(WDF_DRIVER_CONFIG);
  Config->EvtDriverDeviceAdd = EvtDriverDeviceAdd;
}

typedef struct _WDF_DRIVER_VERSION_AVAILABLE_PARAMS {
  ULONG Size;
  ULONG MajorVersion;
  ULONG MinorVersion;
} WDF_DRIVER_VERSION_AVAILABLE_PARAMS,
    *PWDF_DRIVER_VERSION_AVAILABLE_PARAMS;

KSTIDY_WDF_INLINE VOID WDF_DRIVER_VERSION_AVAILABLE_PARAMS_INIT(
    PWDF_DRIVER_VERSION_AVAILABLE_PARAMS Params, ULONG MajorVersion,
    ULONG MinorVersion) {
  RtlZeroMemory(Params, sizeof(WDF_DRIVER_VERSION_AVAILABLE_PARAMS));
  Params->Size = sizeof(WDF_DRIVER_VERSION_AVAILABLE_PARAMS);
  Params->MajorVersion = MajorVersion;
  Params->MinorVersion = MinorVersion;
}

NTSTATUS WdfDriverCreate(PDRIVER_OBJECT DriverObject,
                         PCUNICODE_STRING RegistryPath,
                         PWDF_OBJECT_ATTRIBUTES DriverAttributes,
                         PWDF_DRIVER_CONFIG DriverConfig, WDFDRIVER *Driver);
WDFDRIVER WdfGetDriver(VOID);
PDRIVER_OBJECT WdfDriverWdmGetDriverObject(WDFDRIVER Driver);
WDFDRIVER WdfWdmDriverGetWdfDriverHandle(PDRIVER_OBJECT DriverObject);
PWSTR WdfDriverGetRegistryPath(WDFDRIVER Driver);
NTSTATUS WdfDriverOpenParametersRegistryKey(
    WDFDRIVER Driver, ACCESS_MASK DesiredAccess,
    PWDF_OBJECT_ATTRIBUTES KeyAttributes, WDFKEY *Key);
NTSTATUS WdfDriverRetrieveVersionString(WDFDRIVER Driver, WDFSTRING String);
BOOLEAN WdfDriverIsVersionAvailable(
    WDFDRIVER Driver, PWDF_DRIVER_VERSION_AVAILABLE_PARAMS VersionAvailableParams);

/* ------------------------------------------------------------------------ */
/* wdfdevice.h (the parts used by drivers that do not own the PnP stack)    */
/* ------------------------------------------------------------------------ */

NTSTATUS WdfDeviceCreate(PWDFDEVICE_INIT *DeviceInit,
                         PWDF_OBJECT_ATTRIBUTES DeviceAttributes,
                         WDFDEVICE *Device);
PDEVICE_OBJECT WdfDeviceWdmGetDeviceObject(WDFDEVICE Device);
PDEVICE_OBJECT WdfDeviceWdmGetAttachedDevice(WDFDEVICE Device);
PDEVICE_OBJECT WdfDeviceWdmGetPhysicalDevice(WDFDEVICE Device);
WDFDEVICE WdfWdmDeviceGetWdfDeviceHandle(PDEVICE_OBJECT DeviceObject);
WDFDRIVER WdfDeviceGetDriver(WDFDEVICE Device);
WDFIOTARGET WdfDeviceGetIoTarget(WDFDEVICE Device);
WDFQUEUE WdfDeviceGetDefaultQueue(WDFDEVICE Device);
NTSTATUS WdfDeviceCreateDeviceInterface(WDFDEVICE Device,
                                        const GUID *InterfaceClassGUID,
                                        PCUNICODE_STRING ReferenceString);
VOID WdfDeviceSetDeviceInterfaceState(WDFDEVICE Device,
                                      const GUID *InterfaceClassGUID,
                                      PCUNICODE_STRING ReferenceString,
                                      BOOLEAN IsInterfaceEnabled);
NTSTATUS WdfDeviceCreateSymbolicLink(WDFDEVICE Device,
                                     PCUNICODE_STRING SymbolicLinkName);
NTSTATUS WdfDeviceOpenRegistryKey(WDFDEVICE Device, ULONG DeviceInstanceKeyType,
                                  ACCESS_MASK DesiredAccess,
                                  PWDF_OBJECT_ATTRIBUTES KeyAttributes,
                                  WDFKEY *Key);
NTSTATUS WdfDeviceQueryProperty(WDFDEVICE Device,
                                DEVICE_REGISTRY_PROPERTY DeviceProperty,
                                ULONG BufferLength, PVOID PropertyBuffer,
                                PULONG ResultLength);
NTSTATUS WdfDeviceAllocAndQueryProperty(
    WDFDEVICE Device, DEVICE_REGISTRY_PROPERTY DeviceProperty,
    POOL_TYPE PoolType, PWDF_OBJECT_ATTRIBUTES PropertyMemoryAttributes,
    WDFMEMORY *PropertyMemory);

/* ------------------------------------------------------------------------ */
/* wdfmemory.h                                                               */
/* ------------------------------------------------------------------------ */

typedef struct _WDFMEMORY_OFFSET {
  size_t BufferOffset;
  size_t BufferLength;
} WDFMEMORY_OFFSET, *PWDFMEMORY_OFFSET;

typedef enum _WDF_MEMORY_DESCRIPTOR_TYPE {
  WdfMemoryDescriptorTypeInvalid = 0,
  WdfMemoryDescriptorTypeBuffer,
  WdfMemoryDescriptorTypeMdl,
  WdfMemoryDescriptorTypeHandle
} WDF_MEMORY_DESCRIPTOR_TYPE;

typedef struct _WDF_MEMORY_DESCRIPTOR {
  WDF_MEMORY_DESCRIPTOR_TYPE Type;
  union {
    struct {
      PVOID Buffer;
      ULONG Length;
    } BufferType;
    struct {
      PMDL Mdl;
      ULONG BufferLength;
    } MdlType;
    struct {
      WDFMEMORY Memory;
      PWDFMEMORY_OFFSET Offsets;
    } HandleType;
  } u;
} WDF_MEMORY_DESCRIPTOR, *PWDF_MEMORY_DESCRIPTOR;

KSTIDY_WDF_INLINE VOID WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(
    PWDF_MEMORY_DESCRIPTOR Descriptor, PVOID Buffer, ULONG BufferLength) {
  RtlZeroMemory(Descriptor, sizeof(WDF_MEMORY_DESCRIPTOR));
  Descriptor->Type = WdfMemoryDescriptorTypeBuffer;
  Descriptor->u.BufferType.Buffer = Buffer;
  Descriptor->u.BufferType.Length = BufferLength;
}

KSTIDY_WDF_INLINE VOID WDF_MEMORY_DESCRIPTOR_INIT_MDL(
    PWDF_MEMORY_DESCRIPTOR Descriptor, PMDL Mdl, ULONG BufferLength) {
  RtlZeroMemory(Descriptor, sizeof(WDF_MEMORY_DESCRIPTOR));
  Descriptor->Type = WdfMemoryDescriptorTypeMdl;
  Descriptor->u.MdlType.Mdl = Mdl;
  Descriptor->u.MdlType.BufferLength = BufferLength;
}

KSTIDY_WDF_INLINE VOID WDF_MEMORY_DESCRIPTOR_INIT_HANDLE(
    PWDF_MEMORY_DESCRIPTOR Descriptor, WDFMEMORY Memory,
    PWDFMEMORY_OFFSET Offsets) {
  RtlZeroMemory(Descriptor, sizeof(WDF_MEMORY_DESCRIPTOR));
  Descriptor->Type = WdfMemoryDescriptorTypeHandle;
  Descriptor->u.HandleType.Memory = Memory;
  Descriptor->u.HandleType.Offsets = Offsets;
}

NTSTATUS WdfMemoryCreate(PWDF_OBJECT_ATTRIBUTES Attributes, POOL_TYPE PoolType,
                         ULONG PoolTag, size_t BufferSize, WDFMEMORY *Memory,
                         PVOID *Buffer);
NTSTATUS WdfMemoryCreatePreallocated(PWDF_OBJECT_ATTRIBUTES Attributes,
                                     PVOID Buffer, size_t BufferSize,
                                     WDFMEMORY *Memory);
PVOID WdfMemoryGetBuffer(WDFMEMORY Memory, size_t *BufferSize);
NTSTATUS WdfMemoryAssignBuffer(WDFMEMORY Memory, PVOID Buffer,
                               size_t BufferSize);
NTSTATUS WdfMemoryCopyToBuffer(WDFMEMORY SourceMemory, size_t SourceOffset,
                               PVOID Buffer, size_t NumBytesToCopyTo);
NTSTATUS WdfMemoryCopyFromBuffer(WDFMEMORY DestinationMemory,
                                 size_t DestinationOffset, PVOID Buffer,
                                 size_t NumBytesToCopyFrom);
NTSTATUS WdfLookasideListCreate(PWDF_OBJECT_ATTRIBUTES LookasideAttributes,
                                size_t BufferSize, POOL_TYPE PoolType,
                                PWDF_OBJECT_ATTRIBUTES MemoryAttributes,
                                ULONG PoolTag, WDFLOOKASIDE *Lookaside);
NTSTATUS WdfMemoryCreateFromLookaside(WDFLOOKASIDE Lookaside,
                                      WDFMEMORY *Memory);

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

#ifdef __cplusplus
}
#endif

#endif /* KSTIDY_WDK_WDF_H */
#endif /* KSTIDY_WDF_USE_REAL_HEADER */
