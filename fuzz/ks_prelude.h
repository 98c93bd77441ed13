/* ks_prelude.h - the KS/PortCls declarations fuzz-model-extraction puts
 * before every input (-include), in place of the WDK profile's headers: the
 * real ones (mingw-w64 + tool/wdk-compat) take ~0.4 s to parse, this takes
 * a few milliseconds, so the fuzzer runs far more inputs.
 *
 * Written for the fuzz target, after the layouts Microsoft documents for
 * these structures (field names and order as in ks.h / portcls.h, which is
 * what the ks model reads); only what driver tables and the handlers the
 * checks look at use. Not a WDK replacement.
 */
#ifndef KSTIDY_FUZZ_KS_PRELUDE_H
#define KSTIDY_FUZZ_KS_PRELUDE_H

typedef void VOID, *PVOID;
typedef unsigned char UCHAR, BYTE, BOOLEAN, *PUCHAR, *PBOOLEAN;
typedef unsigned short USHORT, WCHAR;
typedef unsigned long ULONG, *PULONG, DWORD;
typedef long LONG, *PLONG, NTSTATUS, HRESULT;
typedef unsigned long long ULONGLONG, ULONG_PTR, SIZE_T;
typedef long long LONGLONG;
typedef int BOOL;
typedef const WCHAR *LPCWSTR;
typedef void *HANDLE;
#define NTAPI __stdcall
#define IN
#define OUT
#define OPTIONAL
#define NULL 0
#define TRUE 1
#define FALSE 0
#define STATUS_SUCCESS ((NTSTATUS)0x00000000L)
#define STATUS_BUFFER_OVERFLOW ((NTSTATUS)0x80000005L)
#define STATUS_NOT_FOUND ((NTSTATUS)0xC0000225L)
#define STATUS_INVALID_PARAMETER ((NTSTATUS)0xC000000DL)
#define STATUS_INVALID_DEVICE_REQUEST ((NTSTATUS)0xC0000010L)
#define STATUS_INVALID_DEVICE_STATE ((NTSTATUS)0xC0000184L)
#define STATUS_BUFFER_TOO_SMALL ((NTSTATUS)0xC0000023L)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009AL)
#define STATUS_NOT_SUPPORTED ((NTSTATUS)0xC00000BBL)
#define NT_SUCCESS(Status) (((NTSTATUS)(Status)) >= 0)
#define UNREFERENCED_PARAMETER(P) ((void)(P))
#define PAGED_CODE()
#define PAGE_SIZE 0x1000
#define SIZEOF_ARRAY(a) (sizeof(a) / sizeof((a)[0]))
#define FIELD_OFFSET(type, field) ((LONG) __builtin_offsetof(type, field))

typedef struct _GUID {
  unsigned long Data1;
  unsigned short Data2;
  unsigned short Data3;
  unsigned char Data4[8];
} GUID;
typedef const GUID &REFGUID;
#define IsEqualGUIDAligned(a, b) (&(a) == &(b))
#define STATICGUIDOF(guid) guid
#define DEFINE_GUIDSTRUCT(g, n) struct n
#define DEFINE_GUIDNAMED(n) n

typedef struct _IO_STATUS_BLOCK {
  NTSTATUS Status;
  ULONG_PTR Information;
} IO_STATUS_BLOCK, *PIO_STATUS_BLOCK;
typedef struct _MDL *PMDL;
typedef struct _FILE_OBJECT *PFILE_OBJECT;
typedef struct _DEVICE_OBJECT *PDEVICE_OBJECT;
typedef struct _DRIVER_OBJECT *PDRIVER_OBJECT;
typedef struct _IO_STACK_LOCATION {
  UCHAR MajorFunction, MinorFunction, Flags, Control;
  union {
    struct {
      ULONG OutputBufferLength;
      ULONG InputBufferLength;
      ULONG IoControlCode;
      PVOID Type3InputBuffer;
    } DeviceIoControl;
  } Parameters;
  PDEVICE_OBJECT DeviceObject;
  PFILE_OBJECT FileObject;
} IO_STACK_LOCATION, *PIO_STACK_LOCATION;
typedef struct _IRP {
  PMDL MdlAddress;
  union {
    PVOID SystemBuffer;
  } AssociatedIrp;
  IO_STATUS_BLOCK IoStatus;
  PVOID UserBuffer;
  union {
    struct {
      PVOID DriverContext[4];
      PIO_STACK_LOCATION CurrentStackLocation;
    } Overlay;
  } Tail;
} IRP, *PIRP;
PIO_STACK_LOCATION IoGetCurrentIrpStackLocation(PIRP Irp);
void IoCompleteRequest(PIRP Irp, char Boost);

typedef enum _POOL_TYPE {
  NonPagedPool,
  PagedPool,
  NonPagedPoolNx = 512
} POOL_TYPE;
typedef ULONGLONG POOL_FLAGS;
#define POOL_FLAG_NON_PAGED 0x40ULL
#define POOL_FLAG_PAGED 0x100ULL
PVOID ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T Bytes, ULONG Tag);
PVOID ExAllocatePoolZero(POOL_TYPE PoolType, SIZE_T Bytes, ULONG Tag);
PVOID ExAllocatePool2(POOL_FLAGS Flags, SIZE_T Bytes, ULONG Tag);
PVOID ExAllocatePool(POOL_TYPE PoolType, SIZE_T Bytes);
void ExFreePoolWithTag(PVOID P, ULONG Tag);
void ExFreePool(PVOID P);
void RtlCopyMemory(void *D, const void *S, SIZE_T N);
void RtlZeroMemory(void *D, SIZE_T N);
LONG InterlockedIncrement(LONG volatile *P);
LONG InterlockedDecrement(LONG volatile *P);

/* --- ks.h ------------------------------------------------------------- */
typedef struct {
  union {
    struct {
      GUID Set;
      ULONG Id;
      ULONG Flags;
    };
    LONGLONG Alignment;
  };
} KSIDENTIFIER, *PKSIDENTIFIER;
typedef KSIDENTIFIER KSPROPERTY, *PKSPROPERTY, KSMETHOD, *PKSMETHOD, KSEVENT,
    *PKSEVENT;
typedef struct {
  KSPROPERTY Property;
  ULONG NodeId;
  ULONG Reserved;
} KSNODEPROPERTY, *PKSNODEPROPERTY;
typedef struct {
  KSPROPERTY Property;
  ULONG PinId;
  ULONG Reserved;
} KSP_PIN, *PKSP_PIN;
typedef struct {
  ULONG AccessFlags;
  ULONG DescriptionSize;
  KSIDENTIFIER PropTypeSet;
  ULONG MembersListCount;
  ULONG Reserved;
} KSPROPERTY_DESCRIPTION, *PKSPROPERTY_DESCRIPTION;
typedef struct {
  ULONG NotificationType;
  ULONG_PTR Reserved[2];
} KSEVENTDATA, *PKSEVENTDATA;
typedef struct {
  ULONG FormatSize;
  ULONG Flags;
  ULONG SampleSize;
  ULONG Reserved;
  GUID MajorFormat;
  GUID SubFormat;
  GUID Specifier;
} KSDATAFORMAT, *PKSDATAFORMAT, KSDATARANGE, *PKSDATARANGE;

#define KSPROPERTY_TYPE_GET 0x00000001
#define KSPROPERTY_TYPE_SET 0x00000002
#define KSPROPERTY_TYPE_BASICSUPPORT 0x00000200
#define KSPROPERTY_TYPE_DEFAULTVALUES 0x00010000
#define KSMETHOD_TYPE_NONE 0x00000000
#define KSMETHOD_TYPE_READ 0x00000001
#define KSMETHOD_TYPE_WRITE 0x00000002

typedef NTSTATUS (*PFNKSHANDLER)(PIRP Irp, PKSIDENTIFIER Request, PVOID Data);
typedef BOOLEAN (*PFNKSFASTHANDLER)(PFILE_OBJECT FileObject,
                                    PKSIDENTIFIER Request, ULONG RequestLength,
                                    PVOID Data, ULONG DataLength,
                                    PIO_STATUS_BLOCK IoStatus);
typedef NTSTATUS (*PFNKSALLOCATOR)(PIRP Irp, ULONG BufferSize,
                                   BOOLEAN InputOperation);

typedef struct {
  ULONG MembersFlags, MembersSize, MembersCount, Flags;
} KSPROPERTY_MEMBERSHEADER;
typedef struct {
  KSPROPERTY_MEMBERSHEADER MembersHeader;
  const VOID *Members;
} KSPROPERTY_MEMBERSLIST;
typedef struct {
  KSIDENTIFIER PropTypeSet;
  ULONG MembersListCount;
  const KSPROPERTY_MEMBERSLIST *MembersList;
} KSPROPERTY_VALUES, *PKSPROPERTY_VALUES;

typedef struct {
  ULONG PropertyId;
  union {
    PFNKSHANDLER GetPropertyHandler;
    BOOLEAN GetSupported;
  };
  ULONG MinProperty;
  ULONG MinData;
  union {
    PFNKSHANDLER SetPropertyHandler;
    BOOLEAN SetSupported;
  };
  const KSPROPERTY_VALUES *Values;
  ULONG RelationsCount;
  const KSPROPERTY *Relations;
  PFNKSHANDLER SupportHandler;
  ULONG SerializedSize;
} KSPROPERTY_ITEM, *PKSPROPERTY_ITEM;
typedef struct {
  ULONG PropertyId;
  union {
    PFNKSFASTHANDLER GetPropertyHandler;
    BOOLEAN GetSupported;
  };
  union {
    PFNKSFASTHANDLER SetPropertyHandler;
    BOOLEAN SetSupported;
  };
  ULONG Reserved;
} KSFASTPROPERTY_ITEM, *PKSFASTPROPERTY_ITEM;
typedef struct {
  const GUID *Set;
  ULONG PropertiesCount;
  const KSPROPERTY_ITEM *PropertyItem;
  ULONG FastIoCount;
  const KSFASTPROPERTY_ITEM *FastIoTable;
} KSPROPERTY_SET, *PKSPROPERTY_SET;
typedef struct {
  ULONG MethodId;
  union {
    PFNKSHANDLER MethodHandler;
    BOOLEAN MethodSupported;
  };
  ULONG MinMethod;
  ULONG MinData;
  PFNKSHANDLER SupportHandler;
  ULONG Flags;
} KSMETHOD_ITEM, *PKSMETHOD_ITEM;
typedef struct {
  ULONG MethodId;
  union {
    PFNKSFASTHANDLER MethodHandler;
    BOOLEAN MethodSupported;
  };
} KSFASTMETHOD_ITEM;
typedef struct {
  const GUID *Set;
  ULONG MethodsCount;
  const KSMETHOD_ITEM *MethodItem;
  ULONG FastIoCount;
  const KSFASTMETHOD_ITEM *FastIoTable;
} KSMETHOD_SET, *PKSMETHOD_SET;
typedef struct _KSEVENT_ENTRY KSEVENT_ENTRY, *PKSEVENT_ENTRY;
typedef NTSTATUS (*PFNKSADDEVENT)(PIRP Irp, PKSEVENTDATA EventData,
                                  struct _KSEVENT_ENTRY *EventEntry);
typedef VOID (*PFNKSREMOVEEVENT)(PFILE_OBJECT FileObject,
                                 struct _KSEVENT_ENTRY *EventEntry);
typedef struct {
  ULONG EventId;
  ULONG DataInput;
  ULONG ExtraEntryData;
  PFNKSADDEVENT AddHandler;
  PFNKSREMOVEEVENT RemoveHandler;
  PFNKSHANDLER SupportHandler;
} KSEVENT_ITEM, *PKSEVENT_ITEM;
typedef struct {
  const GUID *Set;
  ULONG EventsCount;
  const KSEVENT_ITEM *EventItem;
} KSEVENT_SET, *PKSEVENT_SET;

typedef struct KSAUTOMATION_TABLE_ {
  ULONG PropertySetsCount;
  ULONG PropertyItemSize;
  const KSPROPERTY_SET *PropertySets;
  ULONG MethodSetsCount;
  ULONG MethodItemSize;
  const KSMETHOD_SET *MethodSets;
  ULONG EventSetsCount;
  ULONG EventItemSize;
  const KSEVENT_SET *EventSets;
} KSAUTOMATION_TABLE, *PKSAUTOMATION_TABLE;

#define DEFINE_KSPROPERTY_TABLE(tablename) const KSPROPERTY_ITEM tablename[] =
#define DEFINE_KSPROPERTY_ITEM(PropertyId, GetHandler, MinProperty, MinData,   \
                               SetHandler, Values, RelationsCount, Relations,  \
                               SupportHandler, SerializedSize)                 \
  {PropertyId,                                                                 \
   (PFNKSHANDLER)GetHandler,                                                   \
   MinProperty,                                                                \
   MinData,                                                                    \
   (PFNKSHANDLER)SetHandler,                                                   \
   (PKSPROPERTY_VALUES)Values,                                                 \
   RelationsCount,                                                             \
   (PKSPROPERTY)Relations,                                                     \
   (PFNKSHANDLER)SupportHandler,                                               \
   (ULONG)SerializedSize}
#define DEFINE_KSFASTPROPERTY_ITEM(PropertyId, GetHandler, SetHandler)         \
  {PropertyId, (PFNKSFASTHANDLER)GetHandler, (PFNKSFASTHANDLER)SetHandler, 0}
#define DEFINE_KSPROPERTY_SET(Set, PropertiesCount, PropertyItem, FastIoCount, \
                              FastIoTable)                                     \
  {Set, PropertiesCount, PropertyItem, FastIoCount, FastIoTable}
#define DEFINE_KSPROPERTY_SET_TABLE(tablename)                                 \
  const KSPROPERTY_SET tablename[] =
#define DEFINE_KSMETHOD_TABLE(tablename) const KSMETHOD_ITEM tablename[] =
#define DEFINE_KSMETHOD_ITEM(MethodId, Flags, MethodHandler, MinMethod,        \
                             MinData, SupportHandler)                          \
  {MethodId, (PFNKSHANDLER)MethodHandler, MinMethod, MinData, SupportHandler,  \
   Flags}
#define DEFINE_KSMETHOD_SET(Set, MethodsCount, MethodItem, FastIoCount,        \
                            FastIoTable)                                       \
  {Set, MethodsCount, MethodItem, FastIoCount, FastIoTable}
#define DEFINE_KSMETHOD_SET_TABLE(tablename) const KSMETHOD_SET tablename[] =
#define DEFINE_KSEVENT_TABLE(tablename) const KSEVENT_ITEM tablename[] =
#define DEFINE_KSEVENT_ITEM(EventId, DataInput, ExtraEntryData, AddHandler,    \
                            RemoveHandler, SupportHandler)                     \
  {EventId,    DataInput,     ExtraEntryData,                                  \
   AddHandler, RemoveHandler, SupportHandler}
#define DEFINE_KSEVENT_SET(Set, EventsCount, EventItem)                        \
  {Set, EventsCount, EventItem}
#define DEFINE_KSEVENT_SET_TABLE(tablename) const KSEVENT_SET tablename[] =
#define DEFINE_KSAUTOMATION_TABLE(table) const KSAUTOMATION_TABLE table =
#define DEFINE_KSAUTOMATION_PROPERTIES(table)                                  \
  SIZEOF_ARRAY(table), sizeof(KSPROPERTY_ITEM), table
#define DEFINE_KSAUTOMATION_METHODS(table)                                     \
  SIZEOF_ARRAY(table), sizeof(KSMETHOD_ITEM), table
#define DEFINE_KSAUTOMATION_EVENTS(table)                                      \
  SIZEOF_ARRAY(table), sizeof(KSEVENT_ITEM), table
#define DEFINE_KSAUTOMATION_PROPERTIES_NULL 0, sizeof(KSPROPERTY_ITEM), NULL
#define DEFINE_KSAUTOMATION_METHODS_NULL 0, sizeof(KSMETHOD_ITEM), NULL
#define DEFINE_KSAUTOMATION_EVENTS_NULL 0, sizeof(KSEVENT_ITEM), NULL

#define KSPROPERTY_ITEM_IRP_STORAGE(Irp)                                       \
  (*(const KSPROPERTY_ITEM **)&(Irp)->Tail.Overlay.DriverContext[3])
#define KSMETHOD_ITEM_IRP_STORAGE(Irp)                                         \
  (*(const KSMETHOD_ITEM **)&(Irp)->Tail.Overlay.DriverContext[3])
#define KSEVENT_ITEM_IRP_STORAGE(Irp)                                          \
  (*(const KSEVENT_ITEM **)&(Irp)->Tail.Overlay.DriverContext[3])

extern "C" {
NTSTATUS NTAPI KsPropertyHandler(PIRP Irp, ULONG PropertySetsCount,
                                 const KSPROPERTY_SET *PropertySet);
NTSTATUS NTAPI KsPropertyHandlerWithAllocator(PIRP Irp, ULONG PropertySetsCount,
                                              const KSPROPERTY_SET *PropertySet,
                                              PFNKSALLOCATOR Allocator,
                                              ULONG PropertyItemSize);
BOOLEAN NTAPI KsFastPropertyHandler(PFILE_OBJECT FileObject,
                                    PKSPROPERTY Property, ULONG PropertyLength,
                                    PVOID Data, ULONG DataLength,
                                    PIO_STATUS_BLOCK IoStatus,
                                    ULONG PropertySetsCount,
                                    const KSPROPERTY_SET *PropertySet);
NTSTATUS NTAPI KsMethodHandler(PIRP Irp, ULONG MethodSetsCount,
                               const KSMETHOD_SET *MethodSet);
NTSTATUS NTAPI KsMethodHandlerWithAllocator(PIRP Irp, ULONG MethodSetsCount,
                                            const KSMETHOD_SET *MethodSet,
                                            PFNKSALLOCATOR Allocator,
                                            ULONG MethodItemSize);
NTSTATUS NTAPI KsEnableEvent(PIRP Irp, ULONG EventSetsCount,
                             const KSEVENT_SET *EventSet, void *EventsList,
                             int EventsFlags, PVOID EventsLock);
NTSTATUS NTAPI KsEnableEventWithAllocator(PIRP Irp, ULONG EventSetsCount,
                                          const KSEVENT_SET *EventSet,
                                          void *EventsList, int EventsFlags,
                                          PVOID EventsLock,
                                          PFNKSALLOCATOR Allocator,
                                          ULONG EventItemSize);
}

/* Allocators and framing (AVStream pins). */
typedef struct _KSPIN KSPIN, *PKSPIN;
typedef struct _KSDEVICE KSDEVICE, *PKSDEVICE;
typedef struct _KSFILTER KSFILTER, *PKSFILTER;
typedef struct _KSSTREAM_POINTER KSSTREAM_POINTER, *PKSSTREAM_POINTER;
typedef enum {
  KSSTATE_STOP,
  KSSTATE_ACQUIRE,
  KSSTATE_PAUSE,
  KSSTATE_RUN
} KSSTATE;
typedef enum { KsAllocatorMode_User, KsAllocatorMode_Kernel } KSALLOCATORMODE;
typedef struct {
  ULONG OptionsFlags;
  ULONG RequirementsFlags;
  POOL_TYPE PoolType;
  ULONG Frames;
  ULONG FrameSize;
  ULONG FileAlignment;
  ULONG Reserved;
} KSALLOCATOR_FRAMING, *PKSALLOCATOR_FRAMING;
typedef struct {
  ULONG MinFrameSize, MaxFrameSize, Stepping;
} KS_FRAMING_RANGE;
typedef struct {
  KS_FRAMING_RANGE Range;
  ULONG InPlaceWeight, NotInPlaceWeight;
} KS_FRAMING_RANGE_WEIGHTED;
typedef struct {
  ULONG RatioNumerator, RatioDenominator, RatioConstantMargin;
} KS_COMPRESSION;
typedef struct {
  GUID MemoryType;
  GUID BusType;
  ULONG MemoryFlags;
  ULONG BusFlags;
  ULONG Flags;
  ULONG Frames;
  ULONG FileAlignment;
  ULONG MemoryTypeWeight;
  KS_FRAMING_RANGE PhysicalRange;
  KS_FRAMING_RANGE_WEIGHTED FramingRange;
} KS_FRAMING_ITEM;
typedef struct {
  ULONG CountItems;
  ULONG PinFlags;
  KS_COMPRESSION OutputCompression;
  ULONG PinWeight;
  KS_FRAMING_ITEM FramingItem[1];
} KSALLOCATOR_FRAMING_EX, *PKSALLOCATOR_FRAMING_EX;
#define KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY 0x00000008
#define KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE 0x00000004
#define KSALLOCATOR_FLAG_PARTIAL_READ_SUPPORT 0x00000010

typedef NTSTATUS (*PFNKSPININITIALIZEALLOCATOR)(
    PKSPIN Pin, PKSALLOCATOR_FRAMING AllocatorFraming, PVOID *Context);
typedef VOID (*PFNKSDELETEALLOCATOR)(PVOID Context);
typedef PVOID (*PFNKSDEFAULTALLOCATE)(PVOID Context);
typedef VOID (*PFNKSDEFAULTFREE)(PVOID Context, PVOID Buffer);
typedef struct _KSALLOCATOR_DISPATCH {
  PFNKSPININITIALIZEALLOCATOR InitializeAllocator;
  PFNKSDELETEALLOCATOR DeleteAllocator;
  PFNKSDEFAULTALLOCATE Allocate;
  PFNKSDEFAULTFREE Free;
} KSALLOCATOR_DISPATCH, *PKSALLOCATOR_DISPATCH;
typedef NTSTATUS (*PFNKSPINIRP)(PKSPIN Pin, PIRP Irp);
typedef NTSTATUS (*PFNKSPIN)(PKSPIN Pin);
typedef void (*PFNKSPINVOID)(PKSPIN Pin);
typedef struct _KSPIN_DISPATCH {
  PFNKSPINIRP Create;
  PFNKSPINIRP Close;
  PFNKSPIN Process;
  PFNKSPINVOID Reset;
  PVOID SetDataFormat;
  PVOID SetDeviceState;
  PFNKSPIN Connect;
  PFNKSPINVOID Disconnect;
  const void *Clock;
  const KSALLOCATOR_DISPATCH *Allocator;
} KSPIN_DISPATCH;
typedef struct {
  ULONG InterfacesCount;
  const void *Interfaces;
  ULONG MediumsCount;
  const void *Mediums;
  ULONG DataRangesCount;
  const PKSDATARANGE *DataRanges;
  ULONG DataFlow;
  ULONG Communication;
  const GUID *Category;
  const GUID *Name;
  ULONG ConstrainedDataRangesCount;
  const void *ConstrainedDataRanges;
} KSPIN_DESCRIPTOR;
typedef struct {
  const KSPIN_DISPATCH *Dispatch;
  const KSAUTOMATION_TABLE *AutomationTable;
  KSPIN_DESCRIPTOR PinDescriptor;
  ULONG Flags;
  ULONG InstancesPossible;
  ULONG InstancesNecessary;
  const KSALLOCATOR_FRAMING_EX *AllocatorFraming;
  PVOID IntersectHandler;
} KSPIN_DESCRIPTOR_EX, *PKSPIN_DESCRIPTOR_EX;
#define KSPIN_FLAG_DENY_USERMODE_ACCESS 0x00000080
#define KSPIN_FLAG_PROCESS_IN_RUN_STATE_ONLY 0x00020000
extern "C" {
void NTAPI KsSetAllocatorMode(PKSPIN Pin, KSALLOCATORMODE Mode);
PKSPIN NTAPI KsGetPinFromIrp(PIRP Irp);
PKSFILTER NTAPI KsGetFilterFromIrp(PIRP Irp);
ULONG NTAPI KsGetNodeIdFromIrp(PIRP Irp);
}

/* --- portcls.h -------------------------------------------------------- */
struct IUnknown;
typedef IUnknown *PUNKNOWN;
typedef struct _PCPROPERTY_REQUEST PCPROPERTY_REQUEST, *PPCPROPERTY_REQUEST;
typedef NTSTATUS(NTAPI *PCPFNPROPERTY_HANDLER)(
    PPCPROPERTY_REQUEST PropertyRequest);
typedef struct {
  const GUID *Set;
  ULONG Id;
  ULONG Flags;
  PCPFNPROPERTY_HANDLER Handler;
} PCPROPERTY_ITEM, *PPCPROPERTY_ITEM;
struct _PCPROPERTY_REQUEST {
  PUNKNOWN MajorTarget;
  PUNKNOWN MinorTarget;
  ULONG Node;
  const PCPROPERTY_ITEM *PropertyItem;
  ULONG Verb;
  ULONG InstanceSize;
  PVOID Instance;
  ULONG ValueSize;
  PVOID Value;
  PIRP Irp;
};
typedef struct _PCMETHOD_REQUEST *PPCMETHOD_REQUEST;
typedef NTSTATUS(NTAPI *PCPFNMETHOD_HANDLER)(PPCMETHOD_REQUEST MethodRequest);
typedef struct {
  const GUID *Set;
  ULONG Id;
  ULONG Flags;
  PCPFNMETHOD_HANDLER Handler;
} PCMETHOD_ITEM, *PPCMETHOD_ITEM;
typedef struct _PCEVENT_REQUEST *PPCEVENT_REQUEST;
typedef NTSTATUS(NTAPI *PCPFNEVENT_HANDLER)(PPCEVENT_REQUEST EventRequest);
typedef struct {
  const GUID *Set;
  ULONG Id;
  ULONG Flags;
  PCPFNEVENT_HANDLER Handler;
} PCEVENT_ITEM, *PPCEVENT_ITEM;
typedef struct {
  ULONG PropertyItemSize;
  ULONG PropertyCount;
  const PCPROPERTY_ITEM *Properties;
  ULONG MethodItemSize;
  ULONG MethodCount;
  const PCMETHOD_ITEM *Methods;
  ULONG EventItemSize;
  ULONG EventCount;
  const PCEVENT_ITEM *Events;
  ULONG Reserved;
} PCAUTOMATION_TABLE, *PPCAUTOMATION_TABLE;
#define PCPROPERTY_ITEM_FLAG_GET KSPROPERTY_TYPE_GET
#define PCPROPERTY_ITEM_FLAG_SET KSPROPERTY_TYPE_SET
#define PCPROPERTY_ITEM_FLAG_BASICSUPPORT KSPROPERTY_TYPE_BASICSUPPORT
#define DEFINE_PCAUTOMATION_TABLE_PROP(AutomationTable, PropertyTable)         \
  const PCAUTOMATION_TABLE AutomationTable = {                                 \
      sizeof(PropertyTable[0]),                                                \
      SIZEOF_ARRAY(PropertyTable),                                             \
      (const PCPROPERTY_ITEM *)PropertyTable,                                  \
      0,                                                                       \
      0,                                                                       \
      NULL,                                                                    \
      0,                                                                       \
      0,                                                                       \
      NULL,                                                                    \
      0}
#define DEFINE_PCAUTOMATION_TABLE_PROP_EVENT(AutomationTable, PropertyTable,   \
                                             EventTable)                       \
  const PCAUTOMATION_TABLE AutomationTable = {                                 \
      sizeof(PropertyTable[0]),                                                \
      SIZEOF_ARRAY(PropertyTable),                                             \
      (const PCPROPERTY_ITEM *)PropertyTable,                                  \
      0,                                                                       \
      0,                                                                       \
      NULL,                                                                    \
      sizeof(EventTable[0]),                                                   \
      SIZEOF_ARRAY(EventTable),                                                \
      (const PCEVENT_ITEM *)EventTable,                                        \
      0}

#endif
