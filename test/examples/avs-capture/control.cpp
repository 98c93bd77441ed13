//
// control.cpp - the private control channel.
//
// Tools talk to AvsCap through private IOCTLs sent to a filter handle. Each
// IOCTL carries a KSPROPERTY or KSMETHOD request, decoded here by the KS
// library against private sets. AVStream's own IRP_MJ_DEVICE_CONTROL handler
// (saved at install time) gets every other request.
//
#include "avscap.h"

#define AVSCAP_MAX_GAIN 480               // centibels
#define AVSCAP_MAX_PROPERTY_BUFFER 4096   // private requests are small

//
// Tuning set: extended items, dispatched with sizeof(AVSCAP_TUNING_ITEM).
//
static NTSTATUS AvsCapTuningGet(_In_ PIRP Irp, _In_ PKSPROPERTY Property, _Out_ PULONG Value)
{
    PAVSCAP_DEVICE device = AvsCapDeviceFromIrp(Irp);
    if (!device) {
        return STATUS_INVALID_DEVICE_STATE;
    }

    switch (Property->Id) {
    case AVSCAP_TUNING_EXPOSURE:
        *Value = device->ExposureMicroseconds;
        break;
    case AVSCAP_TUNING_GAIN:
        *Value = device->GainCentibels;
        break;
    default:
        return STATUS_NOT_FOUND;
    }
    Irp->IoStatus.Information = sizeof(ULONG);
    return STATUS_SUCCESS;
}

static NTSTATUS AvsCapTuningSet(_In_ PIRP Irp, _In_ PKSPROPERTY Property, _In_ PULONG Value)
{
    // The tables below are dispatched with sizeof(AVSCAP_TUNING_ITEM), so the
    // IRP storage points at the matched AVSCAP_TUNING_ITEM.
    const AVSCAP_TUNING_ITEM *item = (const AVSCAP_TUNING_ITEM *)KSPROPERTY_ITEM_IRP_STORAGE(Irp);
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    PAVSCAP_DEVICE device = AvsCapDeviceFromIrp(Irp);

    if (!device) {
        return STATUS_INVALID_DEVICE_STATE;
    }
    if (item->SetNeedsWriteAccess && (!stack->FileObject || !stack->FileObject->WriteAccess)) {
        return STATUS_ACCESS_DENIED;
    }
    if (*Value > item->MaximumValue) {
        return STATUS_INVALID_PARAMETER;
    }

    switch (Property->Id) {
    case AVSCAP_TUNING_EXPOSURE:
        device->ExposureMicroseconds = *Value;
        break;
    case AVSCAP_TUNING_GAIN:
        device->GainCentibels = *Value;
        break;
    default:
        return STATUS_NOT_FOUND;
    }
    return STATUS_SUCCESS;
}

static const AVSCAP_TUNING_ITEM AvsCapTuningItems[] = {
    {
        DEFINE_KSPROPERTY_ITEM(AVSCAP_TUNING_EXPOSURE, AvsCapTuningGet, sizeof(KSPROPERTY),
                               sizeof(ULONG), AvsCapTuningSet, NULL, 0, NULL, NULL, sizeof(ULONG)),
        TRUE,                // SetNeedsWriteAccess
        AVSCAP_MAX_EXPOSURE, // MaximumValue
    },
    {
        DEFINE_KSPROPERTY_ITEM(AVSCAP_TUNING_GAIN, AvsCapTuningGet, sizeof(KSPROPERTY),
                               sizeof(ULONG), AvsCapTuningSet, NULL, 0, NULL, NULL, sizeof(ULONG)),
        FALSE,
        AVSCAP_MAX_GAIN,
    },
};

static DEFINE_KSPROPERTY_SET_TABLE(AvsCapTuningSets) {
    DEFINE_KSPROPERTY_SET(&AVSCAP_PROPSETID_Tuning, SIZEOF_ARRAY(AvsCapTuningItems),
                          &AvsCapTuningItems[0].Item, 0, NULL),
};

//
// Diagnostics set: extended items naming the device counter they report.
// MinData is 0: the handler checks the output length itself.
//
static NTSTATUS AvsCapDiagGetCounter(_In_ PIRP Irp, _In_ PKSPROPERTY Property, _Out_ PVOID Data)
{
    UNREFERENCED_PARAMETER(Property);

    NTSTATUS status = AvsCapCheckOutputLength(Irp, sizeof(ULONG));
    if (status != STATUS_SUCCESS) {
        return status;
    }

    PAVSCAP_DEVICE device = AvsCapDeviceFromIrp(Irp);
    if (!device) {
        return STATUS_INVALID_DEVICE_STATE;
    }

    const AVSCAP_DIAG_ITEM *item =
        CONTAINING_RECORD(KSPROPERTY_ITEM_IRP_STORAGE(Irp), AVSCAP_DIAG_ITEM, Item);
    const volatile LONG *counter =
        reinterpret_cast<const volatile LONG *>(reinterpret_cast<const UCHAR *>(device) + item->CounterOffset);

    *static_cast<PULONG>(Data) = static_cast<ULONG>(*counter);
    Irp->IoStatus.Information = sizeof(ULONG);
    return STATUS_SUCCESS;
}

static const AVSCAP_DIAG_ITEM AvsCapDiagItems[] = {
    {
        DEFINE_KSPROPERTY_ITEM(AVSCAP_DIAG_FRAMES_DELIVERED, AvsCapDiagGetCounter,
                               sizeof(KSPROPERTY), 0, NULL, NULL, 0, NULL, NULL, 0),
        FIELD_OFFSET(AVSCAP_DEVICE, FramesDelivered),
    },
    {
        DEFINE_KSPROPERTY_ITEM(AVSCAP_DIAG_FRAMES_DROPPED, AvsCapDiagGetCounter,
                               sizeof(KSPROPERTY), 0, NULL, NULL, 0, NULL, NULL, 0),
        FIELD_OFFSET(AVSCAP_DEVICE, FramesDropped),
    },
    {
        DEFINE_KSPROPERTY_ITEM(AVSCAP_DIAG_ALLOCATION_FAILURES, AvsCapDiagGetCounter,
                               sizeof(KSPROPERTY), 0, NULL, NULL, 0, NULL, NULL, 0),
        FIELD_OFFSET(AVSCAP_DEVICE, AllocationFailures),
    },
};

static DEFINE_KSPROPERTY_SET_TABLE(AvsCapDiagSets) {
    DEFINE_KSPROPERTY_SET(&AVSCAP_PROPSETID_Diagnostics, SIZEOF_ARRAY(AvsCapDiagItems),
                          (const KSPROPERTY_ITEM *)AvsCapDiagItems, 0, NULL),
};

//
// Status set: plain KSPROPERTY_ITEMs written as aggregates, dispatched with
// KsPropertyHandler. The handlers do not look at the IRP item storage.
//
static NTSTATUS AvsCapStatusGetSummary(PIRP Irp, PKSIDENTIFIER Request, PVOID Data)
{
    UNREFERENCED_PARAMETER(Request);

    PAVSCAP_DEVICE device = AvsCapDeviceFromIrp(Irp);
    if (!device) {
        return STATUS_INVALID_DEVICE_STATE;
    }

    PAVSCAP_STATUS status = static_cast<PAVSCAP_STATUS>(Data);
    status->FramesDelivered = static_cast<ULONG>(device->FramesDelivered);
    status->FramesDropped = static_cast<ULONG>(device->FramesDropped);
    status->ExposureMicroseconds = device->ExposureMicroseconds;
    status->GainCentibels = device->GainCentibels;
    Irp->IoStatus.Information = sizeof(AVSCAP_STATUS);
    return STATUS_SUCCESS;
}

static NTSTATUS AvsCapStatusGetFirmware(PIRP Irp, PKSIDENTIFIER Request, PVOID Data)
{
    static const WCHAR version[] = L"AvsCap simulated sensor 1.4";
    UNREFERENCED_PARAMETER(Request);

    // Variable-size result, MinData 0: size query and length check here.
    NTSTATUS status = AvsCapCheckOutputLength(Irp, sizeof(version));
    if (status != STATUS_SUCCESS) {
        return status;
    }
    status = RtlStringCbCopyW(static_cast<PWSTR>(Data), sizeof(version), version);
    if (NT_SUCCESS(status)) {
        Irp->IoStatus.Information = sizeof(version);
    }
    return status;
}

static const KSPROPERTY_ITEM AvsCapStatusItems[] = {
    {
        AVSCAP_STATUS_SUMMARY,  // PropertyId
        AvsCapStatusGetSummary, // GetPropertyHandler
        sizeof(KSPROPERTY),     // MinProperty
        sizeof(AVSCAP_STATUS),  // MinData
        NULL,                   // SetPropertyHandler
        NULL,                   // Values
        0,                      // RelationsCount
        NULL,                   // Relations
        NULL,                   // SupportHandler
        0                       // SerializedSize
    },
    {AVSCAP_STATUS_FIRMWARE_VERSION, AvsCapStatusGetFirmware, sizeof(KSPROPERTY), 0, NULL, NULL, 0, NULL, NULL, 0},
};

static const KSPROPERTY_SET AvsCapStatusSets[] = {
    {&AVSCAP_PROPSETID_Status, SIZEOF_ARRAY(AvsCapStatusItems), AvsCapStatusItems, 0, NULL},
};

//
// Legacy set: kept for an old tuning tool. Plain items, KsPropertyHandler.
//
static NTSTATUS AvsCapLegacyGetDropped(_In_ PIRP Irp, _In_ PKSPROPERTY Property, _Out_ PULONG Value)
{
    UNREFERENCED_PARAMETER(Property);

    PAVSCAP_DEVICE device = AvsCapDeviceFromIrp(Irp);
    if (!device) {
        return STATUS_INVALID_DEVICE_STATE;
    }

    // Same counter lookup as the diagnostics handler.
    const AVSCAP_DIAG_ITEM *item =
        // SEEDED DEFECT 3: ks-property-item-size — AvsCapLegacyItems holds plain KSPROPERTY_ITEMs dispatched by KsPropertyHandler (item size 0), so the IRP storage is no AVSCAP_DIAG_ITEM
        reinterpret_cast<const AVSCAP_DIAG_ITEM *>(KSPROPERTY_ITEM_IRP_STORAGE(Irp));
    const volatile LONG *counter =
        reinterpret_cast<const volatile LONG *>(reinterpret_cast<const UCHAR *>(device) + item->CounterOffset);

    *Value = static_cast<ULONG>(*counter);
    Irp->IoStatus.Information = sizeof(ULONG);
    return STATUS_SUCCESS;
}

static DEFINE_KSPROPERTY_TABLE(AvsCapLegacyItems) {
    DEFINE_KSPROPERTY_ITEM(AVSCAP_LEGACY_DROPPED_COUNT, AvsCapLegacyGetDropped, sizeof(KSPROPERTY),
                           sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
};

static DEFINE_KSPROPERTY_SET_TABLE(AvsCapLegacySets) {
    DEFINE_KSPROPERTY_SET(&AVSCAP_PROPSETID_Legacy, SIZEOF_ARRAY(AvsCapLegacyItems),
                          AvsCapLegacyItems, 0, NULL),
};

//
// Maintenance methods: plain KSMETHOD_ITEMs.
//
static NTSTATUS AvsCapResetCounters(_In_ PIRP Irp, _In_ PKSMETHOD Method, _In_opt_ PVOID Data)
{
    UNREFERENCED_PARAMETER(Method);
    UNREFERENCED_PARAMETER(Data);

    PAVSCAP_DEVICE device = AvsCapDeviceFromIrp(Irp);
    if (!device) {
        return STATUS_INVALID_DEVICE_STATE;
    }
    InterlockedExchange(&device->FramesDelivered, 0);
    InterlockedExchange(&device->FramesDropped, 0);
    InterlockedExchange(&device->AllocationFailures, 0);
    return STATUS_SUCCESS;
}

static NTSTATUS AvsCapResetSensor(_In_ PIRP Irp, _In_ PKSMETHOD Method, _In_ PULONG ResetDelayMs)
{
    UNREFERENCED_PARAMETER(Method);

    PAVSCAP_DEVICE device = AvsCapDeviceFromIrp(Irp);
    if (!device) {
        return STATUS_INVALID_DEVICE_STATE;
    }
    if (*ResetDelayMs > 1000) {
        return STATUS_INVALID_PARAMETER;
    }
    device->ExposureMicroseconds = AVSCAP_DEFAULT_EXPOSURE;
    device->GainCentibels = 0;
    InterlockedIncrement(&device->SensorResets);
    return STATUS_SUCCESS;
}

static DEFINE_KSMETHOD_TABLE(AvsCapMaintenanceItems) {
    DEFINE_KSMETHOD_ITEM(AVSCAP_MAINTENANCE_RESET_COUNTERS, KSMETHOD_TYPE_NONE, AvsCapResetCounters,
                         sizeof(KSMETHOD), 0, NULL),
    DEFINE_KSMETHOD_ITEM(AVSCAP_MAINTENANCE_RESET_SENSOR, KSMETHOD_TYPE_WRITE, AvsCapResetSensor,
                         sizeof(KSMETHOD), sizeof(ULONG), NULL),
};

static DEFINE_KSMETHOD_SET_TABLE(AvsCapMaintenanceSets) {
    DEFINE_KSMETHOD_SET(&AVSCAP_METHODSETID_Maintenance, SIZEOF_ARRAY(AvsCapMaintenanceItems),
                        AvsCapMaintenanceItems, 0, NULL),
};

//
// Buffer allocator for the private property requests (PFNKSALLOCATOR).
// It caps the size a caller can make the driver allocate. With a custom
// allocator KS leaves IRP_BUFFERED_IO and IRP_DEALLOCATE_BUFFER clear, so
// the buffer is handed to the I/O manager explicitly: it frees
// SystemBuffer at completion and, for GET requests (InputOperation), copies
// the result back to the caller.
//
static NTSTATUS AvsCapAllocatePropertyBuffer(_In_ PIRP Irp, _In_ ULONG BufferSize,
                                             _In_ BOOLEAN InputOperation)
{
    if (BufferSize > AVSCAP_MAX_PROPERTY_BUFFER) {
        return STATUS_INVALID_BUFFER_SIZE;
    }

    PVOID buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, BufferSize, AVSCAP_POOL_TAG);
    if (!buffer) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    Irp->AssociatedIrp.SystemBuffer = buffer;
    Irp->Flags |= IRP_BUFFERED_IO | IRP_DEALLOCATE_BUFFER;
    if (InputOperation) {
        Irp->Flags |= IRP_INPUT_OPERATION;
    }
    return STATUS_SUCCESS;
}

//
// IRP_MJ_DEVICE_CONTROL wrapper.
//
static PDRIVER_DISPATCH AvsCapKsDeviceControl;

_Dispatch_type_(IRP_MJ_DEVICE_CONTROL) static DRIVER_DISPATCH AvsCapDeviceControl;

static NTSTATUS AvsCapDeviceControl(_In_ PDEVICE_OBJECT DeviceObject, _Inout_ PIRP Irp)
{
    PIO_STACK_LOCATION stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status;

    switch (stack->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_AVSCAP_TUNING_PROPERTY:
        status = KsPropertyHandlerWithAllocator(Irp, SIZEOF_ARRAY(AvsCapTuningSets), AvsCapTuningSets,
                                                AvsCapAllocatePropertyBuffer,
                                                sizeof(AVSCAP_TUNING_ITEM));
        break;

    case IOCTL_AVSCAP_DIAG_PROPERTY:
        status = KsPropertyHandlerWithAllocator(Irp, SIZEOF_ARRAY(AvsCapDiagSets), AvsCapDiagSets,
                                                AvsCapAllocatePropertyBuffer,
                                                // SEEDED DEFECT 1: ks-property-item-size — hand-computed 76 is not sizeof(AVSCAP_DIAG_ITEM) (80) and not a multiple of 8
                                                sizeof(KSPROPERTY_ITEM) + sizeof(ULONG));
        break;

    case IOCTL_AVSCAP_STATUS_PROPERTY:
        status = KsPropertyHandler(Irp, SIZEOF_ARRAY(AvsCapStatusSets), AvsCapStatusSets);
        break;

    case IOCTL_AVSCAP_LEGACY_PROPERTY:
        status = KsPropertyHandler(Irp, SIZEOF_ARRAY(AvsCapLegacySets), AvsCapLegacySets);
        break;

    case IOCTL_AVSCAP_MAINTENANCE_METHOD:
        status = KsMethodHandlerWithAllocator(Irp, SIZEOF_ARRAY(AvsCapMaintenanceSets),
                                              AvsCapMaintenanceSets, NULL,
                                              // SEEDED DEFECT 4: ks-property-item-size — MethodItemSize 32 is non-zero but smaller than sizeof(KSMETHOD_ITEM) (40)
                                              32);
        break;

    default:
        return AvsCapKsDeviceControl(DeviceObject, Irp);
    }

    if (status != STATUS_PENDING) {
        Irp->IoStatus.Status = status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
    }
    return status;
}

NTSTATUS AvsCapInstallControlChannel(_In_ PDRIVER_OBJECT DriverObject)
{
    AvsCapKsDeviceControl = DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL];
    if (!AvsCapKsDeviceControl) {
        return STATUS_DEVICE_CONFIGURATION_ERROR;
    }
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = AvsCapDeviceControl;
    return STATUS_SUCCESS;
}
