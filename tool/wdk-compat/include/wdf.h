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

#include "kstidy-wdf-request.h"

#include "kstidy-wdf-services.h"

#ifdef __cplusplus
}
#endif

#endif /* KSTIDY_WDK_WDF_H */
#endif /* KSTIDY_WDF_USE_REAL_HEADER */
