//
// device.cpp - DriverEntry, the AVStream device descriptor and PnP dispatch.
//
#include "avscap.h"

//
// Private set identifiers (declared in avscap.h).
//
const GUID AVSCAP_PROPSETID_Tuning =
    {0x25c4d28a, 0xa0a8, 0x4d65, {0x87, 0x90, 0x2a, 0x91, 0xc9, 0xd9, 0x55, 0x64}};
const GUID AVSCAP_PROPSETID_Diagnostics =
    {0xcd3e2f71, 0x2863, 0x4738, {0x92, 0xdb, 0x4d, 0x23, 0x9d, 0x2b, 0x32, 0x29}};
const GUID AVSCAP_PROPSETID_Status =
    {0x8ece59e6, 0xdd89, 0x448e, {0x82, 0x3c, 0xdf, 0x9d, 0x82, 0xde, 0x64, 0x7c}};
const GUID AVSCAP_PROPSETID_Legacy =
    {0x7611b264, 0xcb65, 0x48ee, {0xb9, 0x4c, 0x1a, 0xa0, 0x9a, 0x5d, 0xce, 0x2b}};
const GUID AVSCAP_PROPSETID_HistogramControl =
    {0x2d5ca2aa, 0x86fe, 0x410e, {0xa2, 0xda, 0x18, 0x18, 0xb4, 0x54, 0x84, 0xf6}};
const GUID AVSCAP_METHODSETID_Maintenance =
    {0x8b00478f, 0x6993, 0x48ed, {0xb3, 0x56, 0x6a, 0x61, 0x7f, 0x0b, 0x22, 0x61}};
const GUID AVSCAP_METHODSETID_ProcAmp =
    {0x942d8718, 0x251c, 0x444e, {0xa0, 0x34, 0x42, 0x18, 0x6b, 0x74, 0x76, 0x69}};
const GUID AVSCAP_EVENTSETID_Sensor =
    {0xd8179659, 0x5725, 0x4a38, {0xa4, 0x92, 0xb2, 0x6f, 0xd5, 0xfc, 0x6a, 0xb4}};
const GUID AVSCAP_SUBTYPE_LumaHistogram = {STATIC_AVSCAP_SUBTYPE_LumaHistogram};

//
// Shared helpers.
//
PAVSCAP_DEVICE AvsCapDeviceFromIrp(_In_ PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PKSDEVICE device = KsGetDeviceForDeviceObject(stack->DeviceObject);
    return device ? static_cast<PAVSCAP_DEVICE>(device->Context) : NULL;
}

NTSTATUS AvsCapCheckOutputLength(_In_ PIRP Irp, _In_ ULONG Required)
{
    ULONG available =
        IoGetCurrentIrpStackLocation(Irp)->Parameters.DeviceIoControl.OutputBufferLength;

    if (available == 0) {
        // Size query: report the size, return no data.
        Irp->IoStatus.Information = Required;
        return STATUS_BUFFER_OVERFLOW;
    }
    if (available < Required) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    return STATUS_SUCCESS;
}

//
// PnP dispatch.
//
static NTSTATUS AvsCapDeviceAdd(_In_ PKSDEVICE Device)
{
    PAGED_CODE();

    PAVSCAP_DEVICE context = static_cast<PAVSCAP_DEVICE>(
        ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(AVSCAP_DEVICE), AVSCAP_POOL_TAG));
    if (!context) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    // The bag frees the context when the device goes away.
    NTSTATUS status = KsAddItemToObjectBag(Device->Bag, context, NULL);
    if (!NT_SUCCESS(status)) {
        ExFreePoolWithTag(context, AVSCAP_POOL_TAG);
        return status;
    }

    context->KsDevice = Device;
    context->ExposureMicroseconds = AVSCAP_DEFAULT_EXPOSURE;
    context->GainCentibels = 0;
    Device->Context = context;
    return STATUS_SUCCESS;
}

static NTSTATUS AvsCapDeviceStart(_In_ PKSDEVICE Device, _In_ PIRP Irp,
                                  _In_opt_ PCM_RESOURCE_LIST TranslatedResources,
                                  _In_opt_ PCM_RESOURCE_LIST UntranslatedResources)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(TranslatedResources);
    UNREFERENCED_PARAMETER(UntranslatedResources);

    // Simulated hardware: nothing to map. Reset the statistics on every start.
    PAVSCAP_DEVICE context = static_cast<PAVSCAP_DEVICE>(Device->Context);
    InterlockedExchange(&context->FramesDelivered, 0);
    InterlockedExchange(&context->FramesDropped, 0);
    InterlockedExchange(&context->AllocationFailures, 0);
    return STATUS_SUCCESS;
}

static void AvsCapDeviceStop(_In_ PKSDEVICE Device, _In_ PIRP Irp)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(Device);
    UNREFERENCED_PARAMETER(Irp);
}

static const KSDEVICE_DISPATCH AvsCapDeviceDispatch = {
    AvsCapDeviceAdd,   // Add
    AvsCapDeviceStart, // Start
    NULL,              // PostStart
    NULL,              // QueryStop
    NULL,              // CancelStop
    AvsCapDeviceStop,  // Stop
    NULL,              // QueryRemove
    NULL,              // CancelRemove
    NULL,              // Remove
    NULL,              // QueryCapabilities
    NULL,              // SurpriseRemoval
    NULL,              // QueryPower
    NULL,              // SetPower
    NULL               // QueryInterface
};

DEFINE_KSFILTER_DESCRIPTOR_TABLE(AvsCapFilterDescriptors) {
    &AvsCapFilterDescriptor
};

static const KSDEVICE_DESCRIPTOR AvsCapDeviceDescriptor = {
    &AvsCapDeviceDispatch,
    SIZEOF_ARRAY(AvsCapFilterDescriptors),
    AvsCapFilterDescriptors,
    KSDEVICE_DESCRIPTOR_VERSION
};

extern "C" DRIVER_INITIALIZE DriverEntry;

extern "C" NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject,
                                _In_ PUNICODE_STRING RegistryPath)
{
    // Opt in to NX non-paged pool on systems that support it.
    ExInitializeDriverRuntime(DrvRtPoolNxOptIn);

    NTSTATUS status = KsInitializeDriver(DriverObject, RegistryPath, &AvsCapDeviceDescriptor);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    // AVStream has filled the major function table; the private control
    // channel wraps its IRP_MJ_DEVICE_CONTROL handler.
    return AvsCapInstallControlChannel(DriverObject);
}
