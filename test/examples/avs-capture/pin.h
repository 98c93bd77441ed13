//
// pin.h - the video capture pin and the histogram pin.
//
#pragma once

#include "avscap.h"

// Per-pin state of the capture pin (KSPIN.Context), freed through the
// pin's object bag.
typedef struct _AVSCAP_CAPTURE_STATE {
    PAVSCAP_DEVICE Device;
    ULONG FrameBytes;
    ULONGLONG FrameNumber;
} AVSCAP_CAPTURE_STATE, *PAVSCAP_CAPTURE_STATE;

//
// The capture pin's callbacks and automation live in one class of static
// members: AVStream calls plain function pointers, the class is a scope.
//
class CapturePin {
public:
    static NTSTATUS Create(_In_ PKSPIN Pin, _In_ PIRP Irp);
    static NTSTATUS SetDeviceState(_In_ PKSPIN Pin, _In_ KSSTATE ToState, _In_ KSSTATE FromState);
    static NTSTATUS Process(_In_ PKSPIN Pin);
    static NTSTATUS IntersectHandler(_In_ PVOID Context, _In_ PIRP Irp, _In_ PKSP_PIN PinInstance,
                                     _In_ PKSDATARANGE CallerDataRange,
                                     _In_ PKSDATARANGE DescriptorDataRange, _In_ ULONG DataBufferSize,
                                     _Out_opt_ PVOID Data, _Out_ PULONG DataSize);

    // PROPSETID_VIDCAP_DROPPEDFRAMES handler.
    static NTSTATUS GetDroppedFrames(_In_ PIRP Irp, _In_ PKSPROPERTY Property,
                                     _Inout_ PKSPROPERTY_DROPPEDFRAMES_CURRENT_S Data);

    static const KSPIN_DISPATCH Dispatch;
    static const KSPROPERTY_ITEM DroppedFramesItems[];
    static const KSPROPERTY_SET PropertySets[];
    static const KSAUTOMATION_TABLE AutomationTable;

private:
    static void FillFrame(_Out_writes_bytes_(Length) PUCHAR Buffer, _In_ ULONG Length,
                          _In_ ULONGLONG FrameNumber);
};
