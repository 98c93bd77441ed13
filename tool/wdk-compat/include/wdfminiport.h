/*
 * kstidy WDK-profile stand-in for <wdfminiport.h> (KMDF), which mingw-w64
 * does not ship.
 *
 * Written for kstidy from Microsoft's public KMDF reference on
 * learn.microsoft.com (wdfminiport.h: WdfDeviceMiniportCreate,
 * WdfDriverMiniportUnload). A miniport driver (for example a PortCls or
 * AVStream minidriver that also uses KMDF) sets
 * WdfDriverInitNoDispatchOverride in WDF_DRIVER_CONFIG, lets its port driver
 * own the device object, and wraps that object in a framework device with
 * WdfDeviceMiniportCreate; it calls WdfDriverMiniportUnload when the port
 * driver unloads it.
 *
 * If a real wdfminiport.h is found later on the include path it is used.
 */
#if defined(__has_include_next) && !defined(KSTIDY_WDF_NO_INCLUDE_NEXT)
#if __has_include_next(<wdfminiport.h>)
#define KSTIDY_WDFMINIPORT_USE_REAL_HEADER 1
#endif
#endif

#ifdef KSTIDY_WDFMINIPORT_USE_REAL_HEADER
#include_next <wdfminiport.h>
#else

#ifndef KSTIDY_WDK_WDFMINIPORT_H
#define KSTIDY_WDK_WDFMINIPORT_H

#include <wdf.h>

#ifdef __cplusplus
extern "C" {
#endif

NTSTATUS WdfDeviceMiniportCreate(WDFDRIVER Driver,
                                 PWDF_OBJECT_ATTRIBUTES Attributes,
                                 PDEVICE_OBJECT DeviceObject,
                                 PDEVICE_OBJECT AttachedDeviceObject,
                                 PDEVICE_OBJECT Pdo, WDFDEVICE *Device);
VOID WdfDriverMiniportUnload(WDFDRIVER Driver);

#ifdef __cplusplus
}
#endif

#endif /* KSTIDY_WDK_WDFMINIPORT_H */
#endif /* KSTIDY_WDFMINIPORT_USE_REAL_HEADER */
