/* Stand-in ks.h for kstidy's tests: the KS property declarations the
   fixture uses, laid out as Microsoft documents them (KSPROPERTY 24 bytes,
   KSPROPERTY_ITEM 72 bytes on x64). */
#pragma once
#include <wdm.h>
typedef struct {
  union {
    struct {
      GUID Set;
      ULONG Id;
      ULONG Flags;
    };
    LONGLONG Alignment;
  };
} KSIDENTIFIER, *PKSIDENTIFIER, KSPROPERTY, *PKSPROPERTY;
#define KSPROPERTY_TYPE_GET 0x00000001
#define KSPROPERTY_TYPE_SET 0x00000002
typedef NTSTATUS (*PFNKSHANDLER)(PIRP Irp, PKSIDENTIFIER Request, PVOID Data);
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
  const void *Values;
  ULONG RelationsCount;
  const KSPROPERTY *Relations;
  PFNKSHANDLER SupportHandler;
  ULONG SerializedSize;
} KSPROPERTY_ITEM, *PKSPROPERTY_ITEM;
static_assert(sizeof(KSPROPERTY) == 24, "KSPROPERTY is 24 bytes on x64");
static_assert(sizeof(KSPROPERTY_ITEM) == 72, "KSPROPERTY_ITEM is 72 bytes on x64");
typedef struct {
  const GUID *Set;
  ULONG PropertiesCount;
  const KSPROPERTY_ITEM *PropertyItem;
  ULONG FastIoCount;
  const void *FastIoTable;
} KSPROPERTY_SET, *PKSPROPERTY_SET;
#define SIZEOF_ARRAY(a) (sizeof(a) / sizeof((a)[0]))
#define DEFINE_KSPROPERTY_TABLE(tablename) const KSPROPERTY_ITEM tablename[] =
#define DEFINE_KSPROPERTY_ITEM(PropertyId, GetHandler, MinProperty, MinData,    \
                               SetHandler, Values, RelationsCount, Relations,  \
                               SupportHandler, SerializedSize)                 \
  {PropertyId, {(PFNKSHANDLER)GetHandler}, MinProperty, MinData,               \
   {(PFNKSHANDLER)SetHandler}, (const void *)Values, RelationsCount,           \
   Relations, (PFNKSHANDLER)SupportHandler, SerializedSize}
#define DEFINE_KSPROPERTY_SET(Set, PropertiesCount, PropertyItem, FastIoCount, \
                              FastIoTable)                                     \
  {Set, PropertiesCount, PropertyItem, FastIoCount, FastIoTable}
#define DEFINE_KSPROPERTY_SET_TABLE(tablename) const KSPROPERTY_SET tablename[] =
extern "C" NTSTATUS NTAPI KsPropertyHandler(PIRP Irp, ULONG PropertySetsCount,
                                            const KSPROPERTY_SET *PropertySet);
