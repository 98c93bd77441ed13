// A MinData that did not compile is unknown, not "too small"; a handler
// that did not compile says nothing about what it accesses. Only the
// handler-dependent judgement stays silent: the entries beside them are
// still judged.
// RUN: %check_ks ks-property-min-size %s --compile-errors -- -fno-spell-checking
#include <ntddk.h>
#include <ks.h>

typedef struct {
  LONGLONG Position;
  ULONG Flags;
} LENS_STATE;

// A size helper called with the wrong number of arguments.
ULONG StateSize(ULONG Version, ULONG Extra);

static NTSTATUS GetLens(PIRP, PKSPROPERTY, PVOID Data) {
  ((LENS_STATE *)Data)->Position = 0;
  return STATUS_SUCCESS;
}
static NTSTATUS GetFocus(PIRP, PKSPROPERTY, PVOID Data) {
  ((LENS_STATE *)Data)->Position = 0;
  return STATUS_SUCCESS;
}
// The body has an error: what it writes cannot be known.
static NTSTATUS GetZoom(PIRP, PKSPROPERTY, PVOID Data) {
  ((LENS_STATE *)Data)->Position = ZoomNotDeclared;
  return STATUS_SUCCESS;
}

static const KSPROPERTY_ITEM LensItems[] = {
    // Negative: MinData did not compile.
    DEFINE_KSPROPERTY_ITEM(0, GetLens, sizeof(KSPROPERTY), StateSize(1), NULL, NULL, 0, NULL, NULL, 0),
    // Negative: the handler did not compile.
    DEFINE_KSPROPERTY_ITEM(1, GetZoom, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // Positive: a known MinData below what a known handler writes.
    DEFINE_KSPROPERTY_ITEM(2, GetFocus, sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // CHECK-MESSAGES: :[[@LINE-1]]:61: warning: MinData 4 of property LensSet/2 (entry 2 of 'LensItems') is smaller than the 16 bytes handler 'GetFocus' writes through Data (as 'LENS_STATE'), and the handler does not check the buffer length
};

static const GUID LensSet = {0x73, 0x20, 0x30, {1, 2, 3, 4, 5, 6, 7, 8}};
static const KSPROPERTY_SET LensSets[] = {
    {&LensSet, SIZEOF_ARRAY(LensItems), LensItems, 0, NULL},
};

NTSTATUS Dispatch(PIRP Irp) {
  return KsPropertyHandler(Irp, SIZEOF_ARRAY(LensSets), LensSets);
}
