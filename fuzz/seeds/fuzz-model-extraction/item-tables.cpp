// A small driver against fuzz/ks_prelude.h: a KS item table with a wrong
// MinData, an extended item struct passed with the wrong item size, a set
// table with a wrong count, and a PortCls automation table.
static const GUID PropSetId = {0x11, 0x22, 0x33, {1, 2, 3, 4, 5, 6, 7, 8}};
typedef struct { KSPROPERTY_ITEM Item; ULONG Register; } EXT_ITEM;
static NTSTATUS GetLevel(PIRP Irp, PKSPROPERTY Property, PVOID Data) {
  const EXT_ITEM *Ext = (const EXT_ITEM *)KSPROPERTY_ITEM_IRP_STORAGE(Irp);
  *(LONGLONG *)Data = Ext->Register;
  return STATUS_SUCCESS;
}
DEFINE_KSPROPERTY_TABLE(LevelItems){
    DEFINE_KSPROPERTY_ITEM(1, GetLevel, sizeof(KSPROPERTY), sizeof(LONG), NULL,
                           NULL, 0, NULL, NULL, 0),
};
static const EXT_ITEM ExtItems[] = {
    {{2, {GetLevel}, sizeof(KSPROPERTY), sizeof(ULONG), {NULL}, NULL, 0, NULL, NULL, 0}, 4},
};
DEFINE_KSPROPERTY_SET_TABLE(LevelSets){
    DEFINE_KSPROPERTY_SET(&PropSetId, 2, LevelItems, 0, NULL),
    DEFINE_KSPROPERTY_SET(&PropSetId, SIZEOF_ARRAY(ExtItems), &ExtItems[0].Item, 0, NULL),
};
NTSTATUS Dispatch(PIRP Irp) {
  return KsPropertyHandlerWithAllocator(Irp, SIZEOF_ARRAY(LevelSets), LevelSets,
                                        NULL, sizeof(KSPROPERTY_ITEM) + 4);
}
static NTSTATUS NTAPI PcVolume(PPCPROPERTY_REQUEST Req) {
  if (Req->ValueSize < sizeof(LONG)) return STATUS_BUFFER_TOO_SMALL;
  *(ULONGLONG *)Req->Value = 0;
  return STATUS_SUCCESS;
}
static PCPROPERTY_ITEM PcItems[] = {
    {&PropSetId, 1, PCPROPERTY_ITEM_FLAG_GET | PCPROPERTY_ITEM_FLAG_BASICSUPPORT, PcVolume},
    {&PropSetId, 1, PCPROPERTY_ITEM_FLAG_SET, PcVolume},
};
DEFINE_PCAUTOMATION_TABLE_PROP(PcAutomation, PcItems);
static NTSTATUS InitAlloc(PKSPIN Pin, PKSALLOCATOR_FRAMING Framing, PVOID *Context) {
  *Context = ExAllocatePoolWithTag(NonPagedPoolNx, Framing->FrameSize, 'zzuf');
  return STATUS_SUCCESS;
}
static PVOID AllocFrame(PVOID Context) { return ExAllocatePool2(POOL_FLAG_NON_PAGED, PAGE_SIZE, 'zzuf'); }
static const KSALLOCATOR_DISPATCH AllocDispatch = {InitAlloc, NULL, AllocFrame, NULL};
