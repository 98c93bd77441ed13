// KSPROPERTY_ITEM_IRP_STORAGE read as an extended item in a handler that the
// runtime only ever reaches with plain items.
// RUN: %check_ks ks-property-item-size %s
// Line numbers matter: test/model/fixtures.json snapshots its model.
#include <ntddk.h>
#include <ks.h>

typedef struct {
  KSPROPERTY_ITEM Item;
  ULONG Channel;
  ULONG Reserved;
} CHANNEL_ITEM;

static const GUID ChannelSet = {0x42, 0, 0, {0, 0, 0, 0, 0, 0, 0, 1}};

// Positive: its only table is dispatched by KsPropertyHandler.
static NTSTATUS GetChannelPlain(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  const CHANNEL_ITEM *Item = (const CHANNEL_ITEM *)KSPROPERTY_ITEM_IRP_STORAGE(Irp);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: handler 'GetChannelPlain' reads KSPROPERTY_ITEM_IRP_STORAGE(Irp) as 'CHANNEL_ITEM' (80 bytes), but its table 'PlainChannelSets' is dispatched with plain 72-byte KSPROPERTY_ITEM entries (KsPropertyHandler, which assumes plain 72-byte KSPROPERTY_ITEM entries)
  *(PULONG)Data = Item->Channel;
  return STATUS_SUCCESS;
}

// Positive, C++ cast and CONTAINING_RECORD spellings, size 0 dispatch.
static NTSTATUS SetChannelPlain(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  auto *Item = reinterpret_cast<const CHANNEL_ITEM *>(KSPROPERTY_ITEM_IRP_STORAGE(Irp));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: handler 'SetChannelPlain' reads KSPROPERTY_ITEM_IRP_STORAGE(Irp) as 'CHANNEL_ITEM' (80 bytes)
  const CHANNEL_ITEM *Again = CONTAINING_RECORD(KSPROPERTY_ITEM_IRP_STORAGE(Irp), CHANNEL_ITEM, Item);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: handler 'SetChannelPlain' reads KSPROPERTY_ITEM_IRP_STORAGE(Irp) as 'CHANNEL_ITEM' (80 bytes)
  return Item->Channel == Again->Channel ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

static const KSPROPERTY_ITEM PlainChannelItems[] = {
    {1, {GetChannelPlain}, sizeof(KSPROPERTY), sizeof(ULONG), {SetChannelPlain}, NULL, 0, NULL, NULL, 0},
};
static const KSPROPERTY_SET PlainChannelSets[] = {
    {&ChannelSet, 1, PlainChannelItems, 0, NULL},
};

// Negative: the same reading, dispatched with the extended size.
static NTSTATUS GetChannelExtended(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  const CHANNEL_ITEM *Item = (const CHANNEL_ITEM *)KSPROPERTY_ITEM_IRP_STORAGE(Irp);
  *(PULONG)Data = Item->Channel;
  return STATUS_SUCCESS;
}
static const CHANNEL_ITEM ExtendedChannelItems[] = {
    {{1, {GetChannelExtended}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0}, 3, 0},
};
static const KSPROPERTY_SET ExtendedChannelSets[] = {
    {&ChannelSet, 1, (const KSPROPERTY_ITEM *)ExtendedChannelItems, 0, NULL},
};

// Negative: a table nobody in this TU dispatches (another file may).
static NTSTATUS GetChannelElsewhere(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  const CHANNEL_ITEM *Item = (const CHANNEL_ITEM *)KSPROPERTY_ITEM_IRP_STORAGE(Irp);
  *(PULONG)Data = Item->Channel;
  return STATUS_SUCCESS;
}
const KSPROPERTY_ITEM ExportedItems[] = {
    {1, {GetChannelElsewhere}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
};
const KSPROPERTY_SET ExportedSets[] = {
    {&ChannelSet, 1, ExportedItems, 0, NULL},
};

// Negative: reading the plain item is what the storage holds.
static NTSTATUS GetId(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  const KSPROPERTY_ITEM *Item = (const KSPROPERTY_ITEM *)KSPROPERTY_ITEM_IRP_STORAGE(Irp);
  *(PULONG)Data = Item->PropertyId;
  return STATUS_SUCCESS;
}
static const KSPROPERTY_ITEM IdItems[] = {
    {1, {GetId}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
};
static const KSPROPERTY_SET IdSets[] = {{&ChannelSet, 1, IdItems, 0, NULL}};

// Negative: a handler whose table is dispatched with a size only known at
// run time.
static NTSTATUS GetChannelDynamic(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  const CHANNEL_ITEM *Item = (const CHANNEL_ITEM *)KSPROPERTY_ITEM_IRP_STORAGE(Irp);
  *(PULONG)Data = Item->Channel;
  return STATUS_SUCCESS;
}
static const KSPROPERTY_ITEM DynamicItems[] = {
    {1, {GetChannelDynamic}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0},
};
static const KSPROPERTY_SET DynamicSets[] = {{&ChannelSet, 1, DynamicItems, 0, NULL}};

NTSTATUS Dispatch(PIRP Irp, ULONG ItemSize) {
  NTSTATUS Status = KsPropertyHandler(Irp, 1, PlainChannelSets);
  // (each of the three warnings above carries this note; the last one:)
  // CHECK-MESSAGES: :[[@LINE-2]]:47: note: table 'PlainChannelSets' dispatched here
  Status = KsPropertyHandlerWithAllocator(Irp, 1, ExtendedChannelSets, NULL, sizeof(CHANNEL_ITEM));
  Status = KsPropertyHandler(Irp, 1, IdSets);
  Status = KsPropertyHandlerWithAllocator(Irp, 1, DynamicSets, NULL, ItemSize);
  return Status;
}
