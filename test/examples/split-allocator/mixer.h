// A mixer filter whose property requests are dispatched with custom
// parameter allocators: the allocators live in allocators.cpp, the
// dispatch routines in dispatch.cpp.
#pragma once
#include <ntddk.h>
#include <ks.h>

#define MIXER_TAG 'xiMS'

extern const KSPROPERTY_SET MixerSets[1];

NTSTATUS AllocChecked(PIRP Irp, ULONG BufferSize, BOOLEAN InputOperation);
NTSTATUS AllocUnchecked(PIRP Irp, ULONG BufferSize, BOOLEAN InputOperation);
NTSTATUS AllocHandedToIo(PIRP Irp, ULONG BufferSize, BOOLEAN InputOperation);
NTSTATUS AllocMissing(PIRP Irp, ULONG BufferSize, BOOLEAN InputOperation);
