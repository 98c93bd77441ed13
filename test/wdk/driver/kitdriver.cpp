// A small KS driver for the real-WDK profile's tests (test/wdk/kit holds a
// Windows Kits-shaped include tree of our own). It parses only against that
// tree with the MSVC target: the #errors below say what went wrong otherwise.
#include <ntddk.h>
#include <ks.h>

#if !defined(KSTIDY_TEST_KIT_VERSION) || KSTIDY_TEST_KIT_VERSION != 26100
#error "not parsed against the kit's 10.0.26100.0 headers"
#endif
#if !defined(KSTIDY_TEST_KIT_CRT)
#error "the kit's km/crt directory is not searched before clang's headers"
#endif
#if !defined(_MSC_VER) || defined(__MINGW32__) || !defined(_WIN64)
#error "not parsed with the MSVC x64 target"
#endif

DEFINE_GUID(KITDRV_PROPSETID_Gain, 0x6c1f2a10, 0x2d4e, 0x4c3b, 0x9a, 0x51,
            0x0e, 0x7d, 0x11, 0x42, 0x88, 0x3c);

enum { KITDRV_GAIN_LEVEL = 0, KITDRV_GAIN_MODE = 1 };

static NTSTATUS KitDrvGetLevel(PIRP Irp, PKSIDENTIFIER Request, PVOID Data) {
  *(PLONG)Data = 3;
  return STATUS_SUCCESS;
}

static NTSTATUS KitDrvSetLevel(PIRP Irp, PKSIDENTIFIER Request, PVOID Data) {
  return STATUS_SUCCESS;
}

static NTSTATUS KitDrvGetMode(PIRP Irp, PKSIDENTIFIER Request, PVOID Data) {
  *(PULONG)Data = 1;
  return STATUS_SUCCESS;
}

DEFINE_KSPROPERTY_TABLE(KitDrvGainItems){
    DEFINE_KSPROPERTY_ITEM(KITDRV_GAIN_LEVEL, KitDrvGetLevel, sizeof(KSPROPERTY),
                           sizeof(LONG), KitDrvSetLevel, NULL, 0, NULL, NULL,
                           0),
    DEFINE_KSPROPERTY_ITEM(KITDRV_GAIN_MODE, KitDrvGetMode, sizeof(KSPROPERTY),
                           sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    // The same id as the first entry: KS stops at the first, so this
    // entry's set handler never runs.
    DEFINE_KSPROPERTY_ITEM(KITDRV_GAIN_LEVEL, NULL, sizeof(KSPROPERTY),
                           sizeof(LONG), KitDrvSetLevel, NULL, 0, NULL, NULL,
                           0),
};

DEFINE_KSPROPERTY_SET_TABLE(KitDrvPropertySets){
    // Four items counted; the table has three.
    DEFINE_KSPROPERTY_SET(&KITDRV_PROPSETID_Gain, 4, KitDrvGainItems, 0, NULL),
};

extern "C" NTSTATUS KitDrvDispatch(PIRP Irp) {
  return KsPropertyHandler(Irp, SIZEOF_ARRAY(KitDrvPropertySets),
                           KitDrvPropertySets);
}
