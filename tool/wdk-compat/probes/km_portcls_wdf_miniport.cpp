// Probe: a PortCls adapter that also uses KMDF as a miniport (SYSVAD
// style): portcls.h, stdunk.h, ntintsafe.h, wdf.h, wdfminiport.h,
// MsApoFxProxy.h, ntstrsafe.h; context types, WdfDriverCreate with
// WdfDriverInitNoDispatchOverride, WdfDeviceMiniportCreate, work items,
// requests sent to a remote I/O target, collections and memory objects.
#include <initguid.h>
#include <portcls.h>
#include <stdunk.h>
#include <ntintsafe.h>
#include <wdf.h>
#include <wdfminiport.h>
#include <MsApoFxProxy.h>
#include <ntstrsafe.h>

struct ProbeWorkItemContext {
  PVOID Owner;
};
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(ProbeWorkItemContext, GetProbeWorkItemContext)

struct ProbeRequestContext {
  ULONG Ioctl;
  UCHAR Buffer[16];
};
WDF_DECLARE_CONTEXT_TYPE(ProbeRequestContext)

static EVT_WDF_WORKITEM ProbeWorkItem;
static EVT_WDF_REQUEST_COMPLETION_ROUTINE ProbeCompletion;
static EVT_WDF_IO_TARGET_QUERY_REMOVE ProbeQueryRemove;

static_assert(WdfDriverInitNoDispatchOverride == 0x2, "documented value");
static_assert(WDF_REQUEST_SEND_OPTION_TIMEOUT == 0x1, "documented value");
static_assert(WdfRequestTypeDeviceControl == 0xe, "documented value");
static_assert(WdfIoTargetPurgeIoAndWait == 1, "documented value");

static VOID ProbeWorkItem(WDFWORKITEM WorkItem) {
  ProbeWorkItemContext *ctx = GetProbeWorkItemContext(WorkItem);
  (void)ctx;
}

static VOID ProbeCompletion(WDFREQUEST Request, WDFIOTARGET Target,
                            PWDF_REQUEST_COMPLETION_PARAMS Params,
                            WDFCONTEXT Context) {
  (void)Target;
  (void)Context;
  NTSTATUS status = Params->IoStatus.Status;
  size_t got = Params->Parameters.Ioctl.Output.Length;
  (void)status;
  (void)got;
  ProbeRequestContext *rc = WdfObjectGet_ProbeRequestContext(Request);
  rc->Ioctl = 0;
}

static NTSTATUS ProbeQueryRemove(WDFIOTARGET IoTarget) {
  WdfIoTargetCloseForQueryRemove(IoTarget);
  return STATUS_SUCCESS;
}

extern "C" NTSTATUS ProbeDriverEntry(PDRIVER_OBJECT DriverObject,
                                     PUNICODE_STRING RegistryPath) {
  WDF_DRIVER_CONFIG config;
  WDF_DRIVER_CONFIG_INIT(&config, WDF_NO_EVENT_CALLBACK);
  config.DriverInitFlags |= WdfDriverInitNoDispatchOverride;
  config.DriverPoolTag = 'bprP';
  NTSTATUS status = WdfDriverCreate(DriverObject, RegistryPath,
                                    WDF_NO_OBJECT_ATTRIBUTES, &config,
                                    WDF_NO_HANDLE);
  if (!NT_SUCCESS(status)) return status;
  PDRIVER_OBJECT wdm = WdfDriverWdmGetDriverObject(WdfGetDriver());
  (void)wdm;
  WdfDriverMiniportUnload(WdfGetDriver());
  return status;
}

NTSTATUS ProbeStartDevice(PDEVICE_OBJECT Fdo, PUNICODE_STRING LinkName) {
  WDFDEVICE device;
  NTSTATUS status = WdfDeviceMiniportCreate(WdfGetDriver(),
                                            WDF_NO_OBJECT_ATTRIBUTES, Fdo,
                                            NULL, NULL, &device);
  if (!NT_SUCCESS(status)) return status;

  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, ProbeWorkItemContext);
  attributes.ParentObject = device;
  WDF_WORKITEM_CONFIG wiConfig;
  WDF_WORKITEM_CONFIG_INIT(&wiConfig, ProbeWorkItem);
  WDFWORKITEM workItem;
  status = WdfWorkItemCreate(&wiConfig, &attributes, &workItem);
  if (!NT_SUCCESS(status)) return status;
  WdfWorkItemEnqueue(workItem);
  WdfWorkItemFlush(workItem);

  WDFIOTARGET target;
  status = WdfIoTargetCreate(device, WDF_NO_OBJECT_ATTRIBUTES, &target);
  WDF_IO_TARGET_OPEN_PARAMS open;
  WDF_IO_TARGET_OPEN_PARAMS_INIT_OPEN_BY_NAME(&open, LinkName,
                                              STANDARD_RIGHTS_ALL);
  open.EvtIoTargetQueryRemove = ProbeQueryRemove;
  status = WdfIoTargetOpen(target, &open);

  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(&attributes, ProbeRequestContext);
  attributes.ParentObject = device;
  WDFREQUEST request;
  status = WdfRequestCreate(&attributes, target, &request);
  ProbeRequestContext *rc = WdfObjectGetTypedContext(request,
                                                     ProbeRequestContext);
  WDFMEMORY memory;
  status = WdfMemoryCreatePreallocated(WDF_NO_OBJECT_ATTRIBUTES, rc->Buffer,
                                       sizeof(rc->Buffer), &memory);
  status = WdfIoTargetFormatRequestForIoctl(target, request, 0x1234, NULL,
                                            NULL, memory, NULL);
  WdfRequestSetCompletionRoutine(request, ProbeCompletion, rc);
  if (!WdfRequestSend(request, target, WDF_NO_SEND_OPTIONS)) {
    status = WdfRequestGetStatus(request);
  }
  WDF_REQUEST_REUSE_PARAMS reuse;
  WDF_REQUEST_REUSE_PARAMS_INIT(&reuse, WDF_REQUEST_REUSE_NO_FLAGS,
                                STATUS_SUCCESS);
  status = WdfRequestReuse(request, &reuse);

  WDF_MEMORY_DESCRIPTOR out;
  WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&out, rc->Buffer, sizeof(rc->Buffer));
  WDF_REQUEST_SEND_OPTIONS options;
  WDF_REQUEST_SEND_OPTIONS_INIT(&options, WDF_REQUEST_SEND_OPTION_TIMEOUT);
  options.Timeout = WDF_REL_TIMEOUT_IN_SEC(5);
  ULONG_PTR returned = 0;
  status = WdfIoTargetSendIoctlSynchronously(target, NULL, 0x1234, NULL, &out,
                                             &options, &returned);

  WDFCOLLECTION pending;
  status = WdfCollectionCreate(WDF_NO_OBJECT_ATTRIBUTES, &pending);
  status = WdfCollectionAdd(pending, request);
  WDFREQUEST first = (WDFREQUEST)WdfCollectionGetFirstItem(pending);
  if (first != NULL) {
    WdfCollectionRemove(pending, first);
    WdfRequestCancelSentRequest(first);
  }
  WdfIoTargetPurge(target, WdfIoTargetPurgeIoAndWait);
  PDEVICE_OBJECT pdo = WdfIoTargetWdmGetTargetPhysicalDevice(target);
  (void)pdo;
  WdfObjectDelete(memory);
  WdfObjectDelete(request);
  WdfObjectDelete(target);

  UNICODE_STRING copy;
  status = RtlUnicodeStringInit(&copy, L"probe");
  LONGLONG latency = WDF_ABS_TIMEOUT_IN_MS(2) + WDF_REL_TIMEOUT_IN_US(1);
  (void)latency;
  return status;
}
