/* Probe: KMDF from C (ntddk.h + wdf.h): contexts, driver object, timer,
   DPC, spin/wait locks, registry and strings. */
#include <ntddk.h>
#include <wdf.h>

typedef struct _PROBE_TIMER_CONTEXT {
  ULONG Ticks;
} PROBE_TIMER_CONTEXT, *PPROBE_TIMER_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(PROBE_TIMER_CONTEXT, ProbeGetTimerContext)

EVT_WDF_TIMER ProbeTimer;
EVT_WDF_DPC ProbeDpc;
EVT_WDF_DRIVER_UNLOAD ProbeUnload;

VOID ProbeTimer(WDFTIMER Timer) {
  PPROBE_TIMER_CONTEXT ctx = ProbeGetTimerContext(Timer);
  ctx->Ticks++;
}

VOID ProbeDpc(WDFDPC Dpc) { (void)WdfDpcGetParentObject(Dpc); }

VOID ProbeUnload(WDFDRIVER Driver) { (void)Driver; }

NTSTATUS ProbeSetup(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath,
                    WDFDEVICE Device) {
  WDF_DRIVER_CONFIG config;
  WDF_OBJECT_ATTRIBUTES attributes;
  WDF_TIMER_CONFIG timerConfig;
  WDF_DPC_CONFIG dpcConfig;
  WDFTIMER timer;
  WDFDPC dpc;
  WDFSPINLOCK spin;
  WDFWAITLOCK wait;
  WDFKEY key;
  ULONG value = 0;
  DECLARE_CONST_UNICODE_STRING(name, L"Value");
  NTSTATUS status;

  WDF_DRIVER_CONFIG_INIT(&config, NULL);
  config.EvtDriverUnload = ProbeUnload;
  status = WdfDriverCreate(DriverObject, RegistryPath,
                           WDF_NO_OBJECT_ATTRIBUTES, &config, WDF_NO_HANDLE);

  WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, PROBE_TIMER_CONTEXT);
  attributes.ParentObject = Device;
  attributes.ExecutionLevel = WdfExecutionLevelPassive;
  WDF_TIMER_CONFIG_INIT_PERIODIC(&timerConfig, ProbeTimer, 10);
  status = WdfTimerCreate(&timerConfig, &attributes, &timer);
  (void)WdfTimerStart(timer, WDF_REL_TIMEOUT_IN_MS(10));
  (void)WdfTimerStop(timer, TRUE);

  WDF_DPC_CONFIG_INIT(&dpcConfig, ProbeDpc);
  WDF_OBJECT_ATTRIBUTES_INIT(&attributes);
  attributes.ParentObject = Device;
  status = WdfDpcCreate(&dpcConfig, &attributes, &dpc);
  (void)WdfDpcEnqueue(dpc);

  status = WdfSpinLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &spin);
  WdfSpinLockAcquire(spin);
  WdfSpinLockRelease(spin);
  status = WdfWaitLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &wait);
  status = WdfWaitLockAcquire(wait, NULL);
  WdfWaitLockRelease(wait);

  status = WdfDriverOpenParametersRegistryKey(WdfGetDriver(), KEY_READ,
                                              WDF_NO_OBJECT_ATTRIBUTES, &key);
  if (NT_SUCCESS(status)) {
    status = WdfRegistryQueryULong(key, &name, &value);
    WdfRegistryClose(key);
  }
  WdfObjectDelete(timer);
  return status;
}
