// tuner.h - declarations shared by the split-user-buffer driver.
#pragma once
#include <ntddk.h>
#include <ks.h>

typedef struct {
  ULONG Gain;
  ULONG Flags;
  ULONGLONG Stamp;
} TUNER_LEVEL; // 16 bytes

typedef struct {
  ULONGLONG Address; // the caller's buffer
  ULONG Length;
  ULONG Reserved;
} TUNER_WINDOW;

static const GUID SplitTunerSet = {0x5e1a0003, 0, 0, {0, 0, 0, 0, 0, 0, 0, 3}};

enum SPLIT_TUNER_PROPERTY {
  SPLIT_TUNER_LEVEL,
  SPLIT_TUNER_LEVEL_PROBED,
  SPLIT_TUNER_WINDOW,
  SPLIT_TUNER_WINDOW_USER,
};

NTSTATUS SetLevel(PIRP Irp, PKSPROPERTY Property, PVOID Data);
NTSTATUS SetLevelProbed(PIRP Irp, PKSPROPERTY Property, PVOID Data);
NTSTATUS SetWindow(PIRP Irp, PKSPROPERTY Property, PVOID Data);
NTSTATUS SetWindowUser(PIRP Irp, PKSPROPERTY Property, PVOID Data);
