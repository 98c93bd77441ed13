// A driver whose property table lives in a header (the shape of PortCls
// samples' *toptable.h), with a copy-paste duplicate id. The header includes
// what it needs, so it can be opened in the editor on its own.
#pragma once
#include <ntddk.h>
#include <ks.h>

static const GUID ToneSet = {0x5a1f, 0x20, 0x30, {1, 2, 3, 4, 5, 6, 7, 8}};

NTSTATUS GetToneLevel(PIRP Irp, PKSPROPERTY Property, PVOID Data);
NTSTATUS GetToneMute(PIRP Irp, PKSPROPERTY Property, PVOID Data);

DEFINE_KSPROPERTY_TABLE(ToneItems){
    DEFINE_KSPROPERTY_ITEM(0, GetToneLevel, sizeof(KSPROPERTY), sizeof(LONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(0, GetToneMute, sizeof(KSPROPERTY), sizeof(BOOL), NULL, NULL, 0, NULL, NULL, 0),
};

DEFINE_KSPROPERTY_SET_TABLE(ToneSets){
    DEFINE_KSPROPERTY_SET(&ToneSet, SIZEOF_ARRAY(ToneItems), ToneItems, 0, NULL),
};
