// Assume64Bit (default true) applies the 64-bit rule to 32-bit builds too;
// with Assume64Bit=false a 32-bit TU is judged by its own pointer size.
// The declarations are the fixture's own, so no headers are needed.
// RUN: %check_ks ks-property-item-size %s --no-wdk-profile -- --target=i686-w64-windows-gnu
// RUN: %check_ks ks-property-item-size %s --no-wdk-profile --config="{CheckOptions: {ks-property-item-size.Assume64Bit: false}}" --prefixes=CHECK-NONE --expect-silence -- --target=i686-w64-windows-gnu
// CHECK-NONE-NOT: warning:
typedef unsigned long ULONG;
typedef long NTSTATUS;
typedef struct _IRP IRP, *PIRP;
typedef struct { ULONG Id; void *Handlers[5]; ULONG Min[2]; } KSPROPERTY_ITEM;
typedef struct { const void *Set; ULONG Count; const KSPROPERTY_ITEM *PropertyItem; ULONG FastIoCount; const void *FastIoTable; } KSPROPERTY_SET;
NTSTATUS KsPropertyHandlerWithAllocator(PIRP Irp, ULONG PropertySetsCount, const KSPROPERTY_SET *PropertySet, void *Allocator, ULONG PropertyItemSize);

NTSTATUS Dispatch(PIRP Irp) {
  return KsPropertyHandlerWithAllocator(Irp, 0, 0, 0, sizeof(KSPROPERTY_ITEM) + 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: PropertyItemSize 36 passed to KsPropertyHandlerWithAllocator is not a multiple of 8
}
