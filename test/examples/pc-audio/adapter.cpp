//
// adapter.cpp - DriverEntry, AddDevice and StartDevice of the PcAud adapter.
//
// StartDevice creates the two subdevices (a topology port with
// CMiniportTopology, a WaveRT port with CMiniportWaveRT), registers them
// with PortCls and connects their bridge pins.
//
#include "pcaudio.h"

//
// Private property sets (declared in pcaudio.h).
//
const GUID PCAUD_PROPSETID_Private =
    {0x0c4bb3fc, 0x02bc, 0x4a22, {0xb2, 0x68, 0x53, 0xb8, 0x0a, 0x2d, 0xb5, 0x6c}};
const GUID PCAUD_PROPSETID_Connector =
    {0x31ef5540, 0xc92d, 0x4d97, {0x8b, 0x2d, 0xd0, 0x55, 0x17, 0x84, 0x78, 0xe6}};

// Subdevice names (the reference string of each filter's interface).
static WCHAR PcAudTopologyName[] = L"Topology";
static WCHAR PcAudWaveName[] = L"Wave";

typedef NTSTATUS (*PCAUD_MINIPORT_FACTORY)(_Out_ PUNKNOWN *Unknown, _In_opt_ PUNKNOWN OuterUnknown,
                                           _In_ POOL_TYPE PoolType);

//
// Creates a port of class PortClassId and a miniport from Factory, binds
// them and registers the result as a subdevice. On success *Port holds a
// reference the caller releases.
//
static NTSTATUS PcAudInstallSubdevice(_In_ PDEVICE_OBJECT DeviceObject, _In_ PIRP Irp, _In_ PWCHAR Name,
                                      _In_ REFCLSID PortClassId, _In_ PCAUD_MINIPORT_FACTORY Factory,
                                      _In_opt_ PRESOURCELIST ResourceList, _Out_ PUNKNOWN *Port)
{
    PAGED_CODE();

    PPORT port = NULL;
    PUNKNOWN miniport = NULL;
    *Port = NULL;

    NTSTATUS status = PcNewPort(&port, PortClassId);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    status = Factory(&miniport, NULL, NonPagedPoolNx);
    if (NT_SUCCESS(status)) {
        status = port->Init(DeviceObject, Irp, miniport, NULL, ResourceList);
    }
    if (NT_SUCCESS(status)) {
        status = PcRegisterSubdevice(DeviceObject, Name, port);
    }

    if (miniport) {
        // The port holds its own reference once Init succeeded.
        miniport->Release();
    }
    if (!NT_SUCCESS(status)) {
        port->Release();
        return status;
    }
    *Port = port;
    return STATUS_SUCCESS;
}

static NTSTATUS NTAPI PcAudStartDevice(_In_ PDEVICE_OBJECT DeviceObject, _In_ PIRP Irp,
                                       _In_ PRESOURCELIST ResourceList)
{
    PAGED_CODE();

    PUNKNOWN topologyPort = NULL;
    PUNKNOWN wavePort = NULL;

    NTSTATUS status = PcAudInstallSubdevice(DeviceObject, Irp, PcAudTopologyName, CLSID_PortTopology,
                                            PcAudCreateMiniportTopology, ResourceList, &topologyPort);
    if (NT_SUCCESS(status)) {
        status = PcAudInstallSubdevice(DeviceObject, Irp, PcAudWaveName, CLSID_PortWaveRT,
                                       PcAudCreateMiniportWaveRT, ResourceList, &wavePort);
    }

    // Bridge pins: wave render -> topology speaker path, topology mic path
    // -> wave capture.
    if (NT_SUCCESS(status)) {
        status = PcRegisterPhysicalConnection(DeviceObject, wavePort, PcAudWavePinRenderBridge, topologyPort,
                                              PcAudTopoPinWaveOutSource);
    }
    if (NT_SUCCESS(status)) {
        status = PcRegisterPhysicalConnection(DeviceObject, topologyPort, PcAudTopoPinWaveInDest, wavePort,
                                              PcAudWavePinCaptureBridge);
    }

    // PortCls keeps the registered subdevices alive.
    if (wavePort) {
        wavePort->Release();
    }
    if (topologyPort) {
        topologyPort->Release();
    }
    return status;
}

static DRIVER_ADD_DEVICE PcAudAddDevice;

static NTSTATUS NTAPI PcAudAddDevice(_In_ PDRIVER_OBJECT DriverObject, _In_ PDEVICE_OBJECT PhysicalDeviceObject)
{
    PAGED_CODE();

    // No device extension of our own: the miniports carry the state.
    return PcAddAdapterDevice(DriverObject, PhysicalDeviceObject, PcAudStartDevice, PCAUD_MAX_MINIPORTS, 0);
}

extern "C" DRIVER_INITIALIZE DriverEntry;

extern "C" NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    ExInitializeDriverRuntime(DrvRtPoolNxOptIn);

    // PortCls fills the major function table and calls PcAudAddDevice for
    // each device.
    return PcInitializeAdapterDriver(DriverObject, RegistryPath, PcAudAddDevice);
}
