/*
 * kstidy WDK-profile overlay for <portcls.h>.
 *
 * mingw-w64's portcls.h stops at the Windows Vista/7 interfaces. After the
 * real header this adds the newer PortCls names audio miniports use, from
 * the portcls.h reference on learn.microsoft.com (see README, "Sources"):
 * the PPCCONNECTION_DESCRIPTOR spelling, DEFINE_PCAUTOMATION_TABLE_* helpers,
 * EPcMiniportEngineEvent and IPortClsEtwHelper, IPortClsNotifications,
 * stream resources (PCSTREAMRESOURCE_DESCRIPTOR, PcAddStreamResource,
 * IPortClsStreamResourceManager(2)), IPortClsPower, IAdapterPowerManagement2,
 * IMiniportWaveRTInputStream/OutputStream and IMiniportAudioSignalProcessing.
 * Interface IDs are declared without a value (none could be checked against
 * a public page): code that passes IID_X by reference parses, __uuidof does
 * not apply. Guard: KSTIDY_WDK_HAVE_PORTCLS_EXT.
 */
#include_next <portcls.h>

#if (defined(PORTCLS_H) || defined(_PORTCLS_H_)) && !defined(KSTIDY_WDK_HAVE_PORTCLS_EXT)
#define KSTIDY_WDK_HAVE_PORTCLS_EXT

/* The WDK spells the pointer type with an underscore; mingw-w64 has only
   PPCCONNECTIONDESCRIPTOR. */
typedef PCCONNECTION_DESCRIPTOR *PPCCONNECTION_DESCRIPTOR;

/* Automation tables with methods and/or events (the _PROP form is in
   mingw-w64). Member order is PCAUTOMATION_TABLE's. */
#ifndef DEFINE_PCAUTOMATION_TABLE_PROP_EVENT
#define DEFINE_PCAUTOMATION_TABLE_PROP_EVENT(AutomationTable, PropertyTable, EventTable) \
  const PCAUTOMATION_TABLE AutomationTable = {                              \
      sizeof(PropertyTable[0]), SIZEOF_ARRAY(PropertyTable),                \
      (const PCPROPERTY_ITEM *)PropertyTable, 0, 0, NULL,                   \
      sizeof(EventTable[0]), SIZEOF_ARRAY(EventTable),                      \
      (const PCEVENT_ITEM *)EventTable, 0}
#endif
#ifndef DEFINE_PCAUTOMATION_TABLE_PROP_METHOD
#define DEFINE_PCAUTOMATION_TABLE_PROP_METHOD(AutomationTable, PropertyTable, MethodTable) \
  const PCAUTOMATION_TABLE AutomationTable = {                              \
      sizeof(PropertyTable[0]), SIZEOF_ARRAY(PropertyTable),                \
      (const PCPROPERTY_ITEM *)PropertyTable,                               \
      sizeof(MethodTable[0]), SIZEOF_ARRAY(MethodTable),                    \
      (const PCMETHOD_ITEM *)MethodTable, 0, 0, NULL, 0}
#endif
#ifndef DEFINE_PCAUTOMATION_TABLE_PROP_METHOD_EVENT
#define DEFINE_PCAUTOMATION_TABLE_PROP_METHOD_EVENT(AutomationTable, PropertyTable, MethodTable, EventTable) \
  const PCAUTOMATION_TABLE AutomationTable = {                              \
      sizeof(PropertyTable[0]), SIZEOF_ARRAY(PropertyTable),                \
      (const PCPROPERTY_ITEM *)PropertyTable,                               \
      sizeof(MethodTable[0]), SIZEOF_ARRAY(MethodTable),                    \
      (const PCMETHOD_ITEM *)MethodTable,                                   \
      sizeof(EventTable[0]), SIZEOF_ARRAY(EventTable),                      \
      (const PCEVENT_ITEM *)EventTable, 0}
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ETW glitch reporting (Windows 8). */
typedef enum {
  eMINIPORT_IHV_DEFINED,
  eMINIPORT_BUFFER_COMPLETE,
  eMINIPORT_PIN_STATE,
  eMINIPORT_GET_STREAM_POSITION,
  eMINIPORT_SET_WAVERT_BUFFER_WRITE_POSITION,
  eMINIPORT_GET_PRESENTATION_POSITION,
  eMINIPORT_PROGRAM_DMA,
  eMINIPORT_GLITCH_REPORT,
  eMINIPORT_LAST_BUFFER_RENDERED,
  eMINIPORT_PROCESSING_MODE,
  eMINIPORT_FX_CLSID,
  eMINIPORT_MaxValue
} EPcMiniportEngineEvent;
/* Shorter spellings used on the "Glitch reporting" page. */
#define eMINIPORT_GET_STREAM_POS eMINIPORT_GET_STREAM_POSITION
#define eMINIPORT_SET_WAVERT_BUFFER_WRITE_POS eMINIPORT_SET_WAVERT_BUFFER_WRITE_POSITION
#define eMINIPORT_GET_PRESENTATION_POS eMINIPORT_GET_PRESENTATION_POSITION

/* Stream resources (Windows 10). PCSTREAMRESOURCE is an opaque handle. */
typedef struct _PCSTREAMRESOURCE *PCSTREAMRESOURCE;
typedef enum {
  ePcStreamResourceThread = 0,
  ePcStreamResourceInterrupt = 1
} PcStreamResourceType;
typedef struct _PCSTREAMRESOURCE_DESCRIPTOR {
  ULONG Size;
  ULONG Flags;
  PDEVICE_OBJECT Pdo;
  PcStreamResourceType Type;
  union {
    struct {
      ULONG Version;
      PVOID Generic;
    } Interrupt;
    PETHREAD Thread;
    PVOID ResourceSet;
  } Resource;
} PCSTREAMRESOURCE_DESCRIPTOR, *PPCSTREAMRESOURCE_DESCRIPTOR;

PORTCLASSAPI NTSTATUS NTAPI PcAddStreamResource(
    PDEVICE_OBJECT PhysicalDeviceObject, PVOID ResourceSet,
    PPCSTREAMRESOURCE_DESCRIPTOR ResourceDescriptor,
    PCSTREAMRESOURCE *ResourceHandle);
PORTCLASSAPI NTSTATUS NTAPI PcRemoveStreamResource(PCSTREAMRESOURCE ResourceHandle);

/* Notification buffer of IPortClsNotifications (Windows 10 1703). */
typedef struct _PCNOTIFICATION_BUFFER {
  UCHAR NotificationBuffer[1];
} PCNOTIFICATION_BUFFER, *PPCNOTIFICATION_BUFFER;

DEFINE_GUIDEX(IID_IPortClsEtwHelper);
DEFINE_GUIDEX(IID_IPortClsNotifications);
DEFINE_GUIDEX(IID_IPortClsStreamResourceManager);
DEFINE_GUIDEX(IID_IPortClsStreamResourceManager2);
DEFINE_GUIDEX(IID_IPortClsPower);
DEFINE_GUIDEX(IID_IAdapterPowerManagement2);
DEFINE_GUIDEX(IID_IMiniportWaveRTInputStream);
DEFINE_GUIDEX(IID_IMiniportWaveRTOutputStream);
DEFINE_GUIDEX(IID_IMiniportAudioSignalProcessing);

#ifdef __cplusplus
}
#endif

#undef INTERFACE
#define INTERFACE IPortClsEtwHelper
DECLARE_INTERFACE_(IPortClsEtwHelper, IUnknown) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, MiniportWriteEtwEvent)
  (THIS_ EPcMiniportEngineEvent miniportEventType, ULONGLONG pvData1,
   ULONGLONG pvData2, ULONGLONG ulData3, ULONGLONG ulData4) PURE;
};
typedef IPortClsEtwHelper *PPORTCLSETWHELPER;

#undef INTERFACE
#define INTERFACE IPortClsNotifications
DECLARE_INTERFACE_(IPortClsNotifications, IUnknown) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, AllocNotificationBuffer)
  (THIS_ POOL_TYPE PoolType, USHORT NumberOfBytes,
   PPCNOTIFICATION_BUFFER *NotificationBuffer) PURE;
  STDMETHOD_(void, FreeNotificationBuffer)
  (THIS_ PPCNOTIFICATION_BUFFER NotificationBuffer) PURE;
  STDMETHOD_(void, SendNotification)
  (THIS_ GUID *NotificationId, PPCNOTIFICATION_BUFFER NotificationBuffer) PURE;
};
typedef IPortClsNotifications *PPORTCLSNOTIFICATIONS;

#undef INTERFACE
#define INTERFACE IPortClsStreamResourceManager
DECLARE_INTERFACE_(IPortClsStreamResourceManager, IUnknown) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, AddStreamResource)
  (THIS_ PVOID ResourceSet, PPCSTREAMRESOURCE_DESCRIPTOR ResourceDescriptor,
   PCSTREAMRESOURCE *ResourceHandle) PURE;
  STDMETHOD_(NTSTATUS, RemoveStreamResource)
  (THIS_ PCSTREAMRESOURCE ResourceHandle) PURE;
};
typedef IPortClsStreamResourceManager *PPORTCLSSTREAMRESOURCEMANAGER;
typedef IPortClsStreamResourceManager *PPORTCLSStreamResourceManager;

#undef INTERFACE
#define INTERFACE IPortClsStreamResourceManager2
DECLARE_INTERFACE_(IPortClsStreamResourceManager2, IPortClsStreamResourceManager) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, AddStreamResource)
  (THIS_ PVOID ResourceSet, PPCSTREAMRESOURCE_DESCRIPTOR ResourceDescriptor,
   PCSTREAMRESOURCE *ResourceHandle) PURE;
  STDMETHOD_(NTSTATUS, RemoveStreamResource)
  (THIS_ PCSTREAMRESOURCE ResourceHandle) PURE;
  STDMETHOD_(NTSTATUS, AddStreamResource2)
  (THIS_ PDEVICE_OBJECT PhysicalDeviceObject, PVOID ResourceSet,
   PPCSTREAMRESOURCE_DESCRIPTOR ResourceDescriptor,
   PCSTREAMRESOURCE *ResourceHandle) PURE;
};
typedef IPortClsStreamResourceManager2 *PPORTCLSSTREAMRESOURCEMANAGER2;
typedef IPortClsStreamResourceManager2 *PPORTCLSStreamResourceManager2;

#undef INTERFACE
#define INTERFACE IPortClsPower
DECLARE_INTERFACE_(IPortClsPower, IUnknown) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, RegisterAdapterPowerManagement)
  (THIS_ PUNKNOWN pUnknown, PDEVICE_OBJECT DeviceObject) PURE;
  STDMETHOD_(NTSTATUS, UnregisterAdapterPowerManagement)
  (THIS_ PDEVICE_OBJECT DeviceObject) PURE;
  STDMETHOD_(NTSTATUS, SetIdlePowerManagement)
  (THIS_ PDEVICE_OBJECT DeviceObject, BOOLEAN bEnabled) PURE;
};
typedef IPortClsPower *PPORTCLSPOWER;

#undef INTERFACE
#define INTERFACE IAdapterPowerManagement2
DECLARE_INTERFACE_(IAdapterPowerManagement2, IAdapterPowerManagement) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(void, PowerChangeState)(THIS_ POWER_STATE NewState) PURE;
  STDMETHOD_(NTSTATUS, QueryPowerChangeState)(THIS_ POWER_STATE NewStateQuery) PURE;
  STDMETHOD_(NTSTATUS, QueryDeviceCapabilities)
  (THIS_ PDEVICE_CAPABILITIES PowerDeviceCaps) PURE;
  STDMETHOD_(void, PowerChangeState2)
  (THIS_ DEVICE_POWER_STATE NewDeviceState,
   SYSTEM_POWER_STATE NewSystemState) PURE;
};
typedef IAdapterPowerManagement2 *PADAPTERPOWERMANAGEMENT2;

#undef INTERFACE
#define INTERFACE IMiniportWaveRTInputStream
DECLARE_INTERFACE_(IMiniportWaveRTInputStream, IUnknown) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, GetReadPacket)
  (THIS_ ULONG *PacketNumber, DWORD *Flags, ULONG64 *PerformanceCounterValue,
   BOOL *MoreData) PURE;
};
typedef IMiniportWaveRTInputStream *PMINIPORTWAVERTINPUTSTREAM;

#undef INTERFACE
#define INTERFACE IMiniportWaveRTOutputStream
DECLARE_INTERFACE_(IMiniportWaveRTOutputStream, IUnknown) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, SetWritePacket)
  (THIS_ ULONG PacketNumber, DWORD Flags, ULONG EosPacketLength) PURE;
  STDMETHOD_(NTSTATUS, GetOutputStreamPresentationPosition)
  (THIS_ KSAUDIO_PRESENTATION_POSITION *pPresentationPosition) PURE;
  STDMETHOD_(NTSTATUS, GetPacketCount)(THIS_ ULONG *pPacketCount) PURE;
};
typedef IMiniportWaveRTOutputStream *PMINIPORTWAVERTOUTPUTSTREAM;

#undef INTERFACE
#define INTERFACE IMiniportAudioSignalProcessing
DECLARE_INTERFACE_(IMiniportAudioSignalProcessing, IUnknown) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, GetModes)
  (THIS_ ULONG Pin, GUID *SignalProcessingModes,
   ULONG *NumSignalProcessingModes) PURE;
};
typedef IMiniportAudioSignalProcessing *PMINIPORTAUDIOSIGNALPROCESSING;
typedef IMiniportAudioSignalProcessing *PMINIPORTAudioSignalProcessing;

/* Class-side declarations for miniports that implement these interfaces. */
#define IMP_IMiniportWaveRTInputStream                                     \
  STDMETHODIMP_(NTSTATUS) GetReadPacket(ULONG *PacketNumber, DWORD *Flags, \
      ULONG64 *PerformanceCounterValue, BOOL *MoreData)
#define IMP_IMiniportWaveRTOutputStream                                    \
  STDMETHODIMP_(NTSTATUS) SetWritePacket(ULONG PacketNumber, DWORD Flags,  \
      ULONG EosPacketLength);                                              \
  STDMETHODIMP_(NTSTATUS) GetOutputStreamPresentationPosition(             \
      KSAUDIO_PRESENTATION_POSITION *pPresentationPosition);               \
  STDMETHODIMP_(NTSTATUS) GetPacketCount(ULONG *pPacketCount)
#define IMP_IMiniportAudioSignalProcessing                                 \
  STDMETHODIMP_(NTSTATUS) GetModes(ULONG Pin, GUID *SignalProcessingModes, \
      ULONG *NumSignalProcessingModes)
#define IMP_IAdapterPowerManagement2                                       \
  IMP_IAdapterPowerManagement;                                             \
  STDMETHODIMP_(void) PowerChangeState2(DEVICE_POWER_STATE NewDeviceState, \
      SYSTEM_POWER_STATE NewSystemState)

/* ---- Additions for the WDK audio samples (SYSVAD, SimpleAudioSample). ---- */

/* Kernel-mode spelling of the IUnknown pointer (user mode has it from
   unknwn.h; a repeated typedef of the same type is harmless). */
typedef IUnknown *LPUNKNOWN;

/* mingw-w64 declares IMiniportWaveRTStreamNotification without the pointer
   typedef the WDK has. */
typedef IMiniportWaveRTStreamNotification *PMINIPORTWAVERTSTREAMNOTIFICATION;

#ifdef __cplusplus
extern "C" {
#endif

/* PcGetPhysicalDeviceObject (portcls.h reference). */
PORTCLASSAPI NTSTATUS NTAPI PcGetPhysicalDeviceObject(
    PDEVICE_OBJECT DeviceObject, PDEVICE_OBJECT *PhysicalDeviceObject);

/* PCSTREAMRESOURCE_DESCRIPTOR_INIT: zero the descriptor and set its Size. */
FORCEINLINE VOID PCSTREAMRESOURCE_DESCRIPTOR_INIT(
    PPCSTREAMRESOURCE_DESCRIPTOR Descriptor) {
  RtlZeroMemory(Descriptor, sizeof(PCSTREAMRESOURCE_DESCRIPTOR));
  Descriptor->Size = sizeof(PCSTREAMRESOURCE_DESCRIPTOR);
}

/* IPortClsRuntimePower (Windows 8): runtime power-control callbacks. */
typedef NTSTATUS NTAPI PCPFNRUNTIME_POWER_CONTROL_CALLBACK(
    LPCGUID PowerControlCode, PVOID InBuffer, SIZE_T InBufferSize,
    PVOID OutBuffer, SIZE_T OutBufferSize, PSIZE_T BytesReturned,
    PVOID Context);

DEFINE_GUIDEX(IID_IPortClsRuntimePower);

#ifdef __cplusplus
}
#endif

#undef INTERFACE
#define INTERFACE IPortClsRuntimePower
DECLARE_INTERFACE_(IPortClsRuntimePower, IUnknown) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, RegisterPowerControlCallback)
  (THIS_ PDEVICE_OBJECT DeviceObject,
   PCPFNRUNTIME_POWER_CONTROL_CALLBACK *Callback, PVOID Context) PURE;
  STDMETHOD_(NTSTATUS, UnregisterPowerControlCallback)
  (THIS_ PDEVICE_OBJECT DeviceObject) PURE;
  STDMETHOD_(NTSTATUS, SendPowerControl)
  (THIS_ PDEVICE_OBJECT DeviceObject, LPCGUID PowerControlCode,
   PVOID InBuffer, SIZE_T InBufferSize, PVOID OutBuffer,
   SIZE_T OutBufferSize, PSIZE_T BytesReturned) PURE;
};
typedef IPortClsRuntimePower *PPORTCLSRUNTIMEPOWER;

/* IMP_ macros mingw-w64's portcls.h lacks (class-side declarations of the
   interface methods it declares). */
#ifndef IMP_IMiniportTopology
#define IMP_IMiniportTopology                                              \
  IMP_IMiniport;                                                           \
  STDMETHODIMP_(NTSTATUS) Init(PUNKNOWN UnknownAdapter,                    \
      PRESOURCELIST ResourceList, PPORTTOPOLOGY Port)
#endif
#ifndef IMP_IMiniportWaveRTStreamNotification
#define IMP_IMiniportWaveRTStreamNotification                              \
  STDMETHODIMP_(NTSTATUS) AllocateBufferWithNotification(                  \
      ULONG NotificationCount, ULONG RequestedSize, PMDL *AudioBufferMdl,  \
      ULONG *ActualSize, ULONG *OffsetFromFirstPage,                       \
      MEMORY_CACHING_TYPE *CacheType);                                     \
  STDMETHODIMP_(VOID) FreeBufferWithNotification(PMDL AudioBufferMdl,      \
      ULONG BufferSize);                                                   \
  STDMETHODIMP_(NTSTATUS) RegisterNotificationEvent(                       \
      PKEVENT NotificationEvent);                                          \
  STDMETHODIMP_(NTSTATUS) UnregisterNotificationEvent(                     \
      PKEVENT NotificationEvent)
#endif

#endif /* portcls.h read && !KSTIDY_WDK_HAVE_PORTCLS_EXT */
