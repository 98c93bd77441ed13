// split.h - declarations shared by the split-tables driver.
#pragma once
#include <ntddk.h>
#include <ks.h>
#include <portcls.h>

typedef struct {
  LONGLONG Position;
  ULONG Speed;
  ULONG Flags;
} ZOOM_STATE; // 16 bytes

static const GUID SplitCameraSet = {0x5e1a0001, 0, 0, {0, 0, 0, 0, 0, 0, 0, 1}};
static const GUID SplitAudioSet = {0x5e1a0002, 0, 0, {0, 0, 0, 0, 0, 0, 0, 2}};

enum SPLIT_CAMERA_PROPERTY {
  SPLIT_PROPERTY_ZOOM,
  SPLIT_PROPERTY_FOCUS,
  SPLIT_PROPERTY_PIN_MODE,
  SPLIT_PROPERTY_PIN_RATE,
  SPLIT_PROPERTY_EXTERNAL,
};

enum SPLIT_AUDIO_PROPERTY {
  SPLIT_AUDIO_LEVEL = 1,
  SPLIT_AUDIO_MUTE = 2,
};

NTSTATUS GetZoom(PIRP Irp, PKSPROPERTY Property, PVOID Data);
NTSTATUS GetFocus(PIRP Irp, PKSPROPERTY Property, PVOID Data);
NTSTATUS GetPinMode(PIRP Irp, PKSPROPERTY Property, PVOID Data);
NTSTATUS GetPinRate(PIRP Irp, PKSPROPERTY Property, PVOID Data);
NTSTATUS GetExternal(PIRP Irp, PKSPROPERTY Property, PVOID Data);
NTSTATUS NTAPI PcAudioHandler(PPCPROPERTY_REQUEST PropertyRequest);

NTSTATUS SplitFilterDispatch(PIRP Irp);

// Extended PortCls items: a generic handler checks ValueSize against the
// extension's MinData, then calls the extension's handler.
typedef struct {
  PCPROPERTY_ITEM Item;
  ULONG MinProperty;
  ULONG MinData;
  PCPFNPROPERTY_HANDLER GetHandler;
  PCPFNPROPERTY_HANDLER SetHandler;
} SPLIT_EXT_ITEM;

enum {
  SPLIT_AUDIO_LATENCY = 3,
  SPLIT_AUDIO_DELAY = 4,
};

NTSTATUS NTAPI PcExtGeneric(PPCPROPERTY_REQUEST PropertyRequest);
NTSTATUS NTAPI PcGetLatency(PPCPROPERTY_REQUEST PropertyRequest);
NTSTATUS NTAPI PcGetDelay(PPCPROPERTY_REQUEST PropertyRequest);
