// Correct tables in every shape the check knows: kstidy-clangd must publish
// no ks-property-item-size diagnostic for this file.
#include <ntddk.h>
#include <ks.h>

typedef struct {
  KSPROPERTY_ITEM Item;
  ULONG Offset;
} LSP_ITEM;

static const GUID LspSet = {0x5, 0, 0, {0, 0, 0, 0, 0, 0, 0, 4}};

static NTSTATUS GetOffset(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  const LSP_ITEM *Item = (const LSP_ITEM *)KSPROPERTY_ITEM_IRP_STORAGE(Irp);
  *(PULONG)Data = Item->Offset;
  return STATUS_SUCCESS;
}

static const LSP_ITEM Items[] = {
    {{1, {GetOffset}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0}, 8},
};
static const KSPROPERTY_SET Sets[] = {
    {&LspSet, SIZEOF_ARRAY(Items), (const KSPROPERTY_ITEM *)Items, 0, NULL},
};

DEFINE_KSAUTOMATION_TABLE(Automation){
    SIZEOF_ARRAY(Sets), sizeof(LSP_ITEM), Sets,
    DEFINE_KSAUTOMATION_METHODS_NULL,
    DEFINE_KSAUTOMATION_EVENTS_NULL,
};

NTSTATUS Dispatch(PIRP Irp) {
  return KsPropertyHandlerWithAllocator(Irp, SIZEOF_ARRAY(Sets), Sets, NULL,
                                        sizeof(LSP_ITEM));
}
