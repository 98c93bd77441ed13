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
  (THIS_ const GUID *NotificationId,
   PPCNOTIFICATION_BUFFER NotificationBuffer) PURE;
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

/* ---- Offloaded-audio helper interfaces (Windows 8 / 8.1) and
   IAdapterPowerManagement3. Method lists and parameter types follow the
   portcls.h reference pages (IMiniportAudioEngineNode::*,
   IMiniportStreamAudioEngineNode(2)::*, IAdapterPowerManagement3::*); the
   pages list methods alphabetically, which is the order used here (the real
   vtable order is not documented). The IMP_ macros are kstidy's class-side
   spelling of those signatures. ---- */

#ifndef KSTIDY_WDK_HAVE_AUDIOENGINE_NODE_IFACES
#define KSTIDY_WDK_HAVE_AUDIOENGINE_NODE_IFACES

typedef enum {
  eVolumeAttribute,
  eMuteAttribute,
  ePeakMeterAttribute
} eChannelTargetType;

typedef enum {
  eMixFormat,
  eDeviceFormat,
  eSupportedDeviceFormats
} eEngineFormatType;

/* D3 exit latency (_PC_EXIT_LATENCY); enumerator order as documented. */
typedef enum _PC_EXIT_LATENCY {
  PcExitLatencyInstant,
  PcExitLatencyFast,
  PcExitLatencyResponsive
} PC_EXIT_LATENCY, *PPC_EXIT_LATENCY;

#ifdef __cplusplus
extern "C" {
#endif
DEFINE_GUIDEX(IID_IMiniportAudioEngineNode);
DEFINE_GUIDEX(IID_IMiniportStreamAudioEngineNode);
DEFINE_GUIDEX(IID_IMiniportStreamAudioEngineNode2);
DEFINE_GUIDEX(IID_IAdapterPowerManagement3);
#ifdef __cplusplus
}
#endif

#undef INTERFACE
#define INTERFACE IMiniportAudioEngineNode
DECLARE_INTERFACE_(IMiniportAudioEngineNode, IUnknown) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, GetAudioEngineDescriptor)
  (THIS_ ULONG ulNodeId, KSAUDIOENGINE_DESCRIPTOR *pAudioEngineDescriptor) PURE;
  STDMETHOD_(NTSTATUS, GetBufferSizeRange)
  (THIS_ ULONG ulNodeId, KSDATAFORMAT_WAVEFORMATEX *pKsDataFormatWfx,
   KSAUDIOENGINE_BUFFER_SIZE_RANGE *pBufferSizeRange) PURE;
  STDMETHOD_(NTSTATUS, GetDeviceAttributeSteppings)
  (THIS_ ULONG ulNodeId, eChannelTargetType targetType,
   PKSPROPERTY_STEPPING_LONG pKsPropStepLong, UINT32 ui32DataSize) PURE;
  STDMETHOD_(NTSTATUS, GetDeviceChannelCount)
  (THIS_ ULONG ulNodeId, eChannelTargetType targetType,
   UINT32 *pulChannelCount) PURE;
  STDMETHOD_(NTSTATUS, GetDeviceChannelMute)
  (THIS_ ULONG ulNodeId, UINT32 ulChannel, BOOL *pbMute) PURE;
  STDMETHOD_(NTSTATUS, GetDeviceChannelPeakMeter)
  (THIS_ ULONG ulNodeId, UINT32 ulChannel, LONG *plPeakMeter) PURE;
  STDMETHOD_(NTSTATUS, GetDeviceChannelVolume)
  (THIS_ ULONG ulNodeId, UINT32 ulChannel, LONG *plVolume) PURE;
  STDMETHOD_(NTSTATUS, GetDeviceFormat)
  (THIS_ ULONG ulNodeId, KSDATAFORMAT_WAVEFORMATEX *pFormat,
   ULONG ulBufferSize) PURE;
  STDMETHOD_(NTSTATUS, GetEngineFormatSize)
  (THIS_ ULONG ulNodeId, eEngineFormatType formatType,
   ULONG *pulFormatSize) PURE;
  STDMETHOD_(NTSTATUS, GetGfxState)(THIS_ ULONG ulNodeId, BOOL *pbEnable) PURE;
  STDMETHOD_(NTSTATUS, GetMixFormat)
  (THIS_ ULONG ulNodeId, KSDATAFORMAT_WAVEFORMATEX *pFormat,
   ULONG ulBufferSize) PURE;
  STDMETHOD_(NTSTATUS, GetSupportedDeviceFormats)
  (THIS_ ULONG ulNodeId, KSMULTIPLE_ITEM *pFormats, ULONG ulBufferSize) PURE;
  STDMETHOD_(NTSTATUS, SetDeviceChannelMute)
  (THIS_ ULONG ulNodeId, UINT32 ulChannel, BOOL bMute) PURE;
  STDMETHOD_(NTSTATUS, SetDeviceChannelVolume)
  (THIS_ ULONG ulNodeId, UINT32 ulChannel, LONG lVolume) PURE;
  STDMETHOD_(NTSTATUS, SetDeviceFormat)
  (THIS_ ULONG ulNodeId, KSDATAFORMAT_WAVEFORMATEX *pFormat,
   ULONG ulBufferSize) PURE;
  STDMETHOD_(NTSTATUS, SetGfxState)(THIS_ ULONG ulNodeId, BOOL bEnable) PURE;
};
typedef IMiniportAudioEngineNode *PMINIPORTAUDIOENGINENODE;

#undef INTERFACE
#define INTERFACE IMiniportStreamAudioEngineNode
DECLARE_INTERFACE_(IMiniportStreamAudioEngineNode, IUnknown) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, GetLfxState)(THIS_ BOOL *pbEnable) PURE;
  STDMETHOD_(NTSTATUS, GetStreamAttributeSteppings)
  (THIS_ eChannelTargetType targetType,
   PKSPROPERTY_STEPPING_LONG pKsPropStepLong, UINT32 ui32DataSize) PURE;
  STDMETHOD_(NTSTATUS, GetStreamChannelCount)
  (THIS_ eChannelTargetType targetType, UINT32 *pulChannelCount) PURE;
  STDMETHOD_(NTSTATUS, GetStreamChannelMute)
  (THIS_ UINT32 ulChannel, BOOL *pbMute) PURE;
  STDMETHOD_(NTSTATUS, GetStreamChannelPeakMeter)
  (THIS_ UINT32 ulChannel, LONG *plPeakMeter) PURE;
  STDMETHOD_(NTSTATUS, GetStreamChannelVolume)
  (THIS_ UINT32 ulChannel, LONG *plVolume) PURE;
  STDMETHOD_(NTSTATUS, GetStreamLinearBufferPosition)
  (THIS_ ULONGLONG *pullLinearBufferPosition) PURE;
  STDMETHOD_(NTSTATUS, GetStreamPresentationPosition)
  (THIS_ KSAUDIO_PRESENTATION_POSITION *pPresentationPosition) PURE;
  STDMETHOD_(NTSTATUS, SetLfxState)(THIS_ BOOL bEnable) PURE;
  STDMETHOD_(NTSTATUS, SetStreamChannelMute)
  (THIS_ UINT32 ulChannel, BOOL bMute) PURE;
  STDMETHOD_(NTSTATUS, SetStreamChannelVolume)
  (THIS_ UINT32 Channel, LONG TargetVolume, AUDIO_CURVE_TYPE CurveType,
   ULONGLONG CurveDuration) PURE;
  STDMETHOD_(NTSTATUS, SetStreamCurrentWritePosition)
  (THIS_ ULONG ulCurrentWritePosition) PURE;
  STDMETHOD_(NTSTATUS, SetStreamLoopbackProtection)
  (THIS_ CONSTRICTOR_OPTION ProtectionOption) PURE;
};
typedef IMiniportStreamAudioEngineNode *PMINIPORTSTREAMAUDIOENGINENODE;

#undef INTERFACE
#define INTERFACE IMiniportStreamAudioEngineNode2
DECLARE_INTERFACE_(IMiniportStreamAudioEngineNode2, IUnknown) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, SetStreamCurrentWritePositionForLastBuffer)
  (THIS_ ULONG ulWritePosition) PURE;
};
typedef IMiniportStreamAudioEngineNode2 *PMINIPORTSTREAMAUDIOENGINENODE2;

#undef INTERFACE
#define INTERFACE IAdapterPowerManagement3
DECLARE_INTERFACE_(IAdapterPowerManagement3, IUnknown) {
  DEFINE_ABSTRACT_UNKNOWN()
  STDMETHOD_(NTSTATUS, D3ExitLatencyChanged)
  (THIS_ PC_EXIT_LATENCY NewD3ExitLatency) PURE;
  STDMETHOD_(void, PowerChangeState3)
  (THIS_ DEVICE_POWER_STATE NewDeviceState, SYSTEM_POWER_STATE NewSystemState,
   PC_EXIT_LATENCY D3ExitLatency) PURE;
};
typedef IAdapterPowerManagement3 *PADAPTERPOWERMANAGEMENT3;

#define IMP_IMiniportAudioEngineNode                                       \
  STDMETHODIMP_(NTSTATUS) GetAudioEngineDescriptor(ULONG ulNodeId,         \
      KSAUDIOENGINE_DESCRIPTOR *pAudioEngineDescriptor);                   \
  STDMETHODIMP_(NTSTATUS) GetBufferSizeRange(ULONG ulNodeId,               \
      KSDATAFORMAT_WAVEFORMATEX *pKsDataFormatWfx,                         \
      KSAUDIOENGINE_BUFFER_SIZE_RANGE *pBufferSizeRange);                  \
  STDMETHODIMP_(NTSTATUS) GetDeviceAttributeSteppings(ULONG ulNodeId,      \
      eChannelTargetType targetType,                                       \
      PKSPROPERTY_STEPPING_LONG pKsPropStepLong, UINT32 ui32DataSize);     \
  STDMETHODIMP_(NTSTATUS) GetDeviceChannelCount(ULONG ulNodeId,            \
      eChannelTargetType targetType, UINT32 *pulChannelCount);             \
  STDMETHODIMP_(NTSTATUS) GetDeviceChannelMute(ULONG ulNodeId,             \
      UINT32 ulChannel, BOOL *pbMute);                                     \
  STDMETHODIMP_(NTSTATUS) GetDeviceChannelPeakMeter(ULONG ulNodeId,        \
      UINT32 ulChannel, LONG *plPeakMeter);                                \
  STDMETHODIMP_(NTSTATUS) GetDeviceChannelVolume(ULONG ulNodeId,           \
      UINT32 ulChannel, LONG *plVolume);                                   \
  STDMETHODIMP_(NTSTATUS) GetDeviceFormat(ULONG ulNodeId,                  \
      KSDATAFORMAT_WAVEFORMATEX *pFormat, ULONG ulBufferSize);             \
  STDMETHODIMP_(NTSTATUS) GetEngineFormatSize(ULONG ulNodeId,              \
      eEngineFormatType formatType, ULONG *pulFormatSize);                 \
  STDMETHODIMP_(NTSTATUS) GetGfxState(ULONG ulNodeId, BOOL *pbEnable);     \
  STDMETHODIMP_(NTSTATUS) GetMixFormat(ULONG ulNodeId,                     \
      KSDATAFORMAT_WAVEFORMATEX *pFormat, ULONG ulBufferSize);             \
  STDMETHODIMP_(NTSTATUS) GetSupportedDeviceFormats(ULONG ulNodeId,        \
      KSMULTIPLE_ITEM *pFormats, ULONG ulBufferSize);                      \
  STDMETHODIMP_(NTSTATUS) SetDeviceChannelMute(ULONG ulNodeId,             \
      UINT32 ulChannel, BOOL bMute);                                       \
  STDMETHODIMP_(NTSTATUS) SetDeviceChannelVolume(ULONG ulNodeId,           \
      UINT32 ulChannel, LONG lVolume);                                     \
  STDMETHODIMP_(NTSTATUS) SetDeviceFormat(ULONG ulNodeId,                  \
      KSDATAFORMAT_WAVEFORMATEX *pFormat, ULONG ulBufferSize);             \
  STDMETHODIMP_(NTSTATUS) SetGfxState(ULONG ulNodeId, BOOL bEnable)

#define IMP_IMiniportStreamAudioEngineNode                                 \
  STDMETHODIMP_(NTSTATUS) GetLfxState(BOOL *pbEnable);                     \
  STDMETHODIMP_(NTSTATUS) GetStreamAttributeSteppings(                     \
      eChannelTargetType targetType,                                       \
      PKSPROPERTY_STEPPING_LONG pKsPropStepLong, UINT32 ui32DataSize);     \
  STDMETHODIMP_(NTSTATUS) GetStreamChannelCount(                           \
      eChannelTargetType targetType, UINT32 *pulChannelCount);             \
  STDMETHODIMP_(NTSTATUS) GetStreamChannelMute(UINT32 ulChannel,           \
      BOOL *pbMute);                                                       \
  STDMETHODIMP_(NTSTATUS) GetStreamChannelPeakMeter(UINT32 ulChannel,      \
      LONG *plPeakMeter);                                                  \
  STDMETHODIMP_(NTSTATUS) GetStreamChannelVolume(UINT32 ulChannel,         \
      LONG *plVolume);                                                     \
  STDMETHODIMP_(NTSTATUS) GetStreamLinearBufferPosition(                   \
      ULONGLONG *pullLinearBufferPosition);                                \
  STDMETHODIMP_(NTSTATUS) GetStreamPresentationPosition(                   \
      KSAUDIO_PRESENTATION_POSITION *pPresentationPosition);               \
  STDMETHODIMP_(NTSTATUS) SetLfxState(BOOL bEnable);                       \
  STDMETHODIMP_(NTSTATUS) SetStreamChannelMute(UINT32 ulChannel,           \
      BOOL bMute);                                                         \
  STDMETHODIMP_(NTSTATUS) SetStreamChannelVolume(UINT32 Channel,           \
      LONG TargetVolume, AUDIO_CURVE_TYPE CurveType,                       \
      ULONGLONG CurveDuration);                                            \
  STDMETHODIMP_(NTSTATUS) SetStreamCurrentWritePosition(                   \
      ULONG ulCurrentWritePosition);                                       \
  STDMETHODIMP_(NTSTATUS) SetStreamLoopbackProtection(                     \
      CONSTRICTOR_OPTION ProtectionOption)

#define IMP_IMiniportStreamAudioEngineNode2                                \
  STDMETHODIMP_(NTSTATUS) SetStreamCurrentWritePositionForLastBuffer(      \
      ULONG ulWritePosition)

#define IMP_IAdapterPowerManagement3                                       \
  STDMETHODIMP_(NTSTATUS) D3ExitLatencyChanged(                            \
      PC_EXIT_LATENCY NewD3ExitLatency);                                   \
  STDMETHODIMP_(void) PowerChangeState3(DEVICE_POWER_STATE NewDeviceState, \
      SYSTEM_POWER_STATE NewSystemState, PC_EXIT_LATENCY D3ExitLatency)

#endif /* KSTIDY_WDK_HAVE_AUDIOENGINE_NODE_IFACES */

#endif /* portcls.h read && !KSTIDY_WDK_HAVE_PORTCLS_EXT */
