/*
 * kstidy WDK profile: USBSidebandAudio.h (USB Audio sideband DDI).
 * Not in mingw-w64. Declarations written for kstidy from the public
 * reference pages under
 *   https://learn.microsoft.com/windows-hardware/drivers/ddi/usbsidebandaudio/
 * Only for parsing driver code. Includes SidebandAudio.h.
 *
 * Values: SIDEBANDAUDIO_PARAMS_SET_USB_CONTROLLER has the value printed on
 * the SIDEBANDAUDIO_USB_CONTROLLER_CONFIG_INFO_TYPE page. No value is
 * published for SIDEBANDAUDIO_PARAMS_SET_USBAUDIO or the device interface
 * classes: declared without a value. Enumerators are in documented order,
 * numbered from 0 by kstidy (no values are published).
 * USBD_ENDPOINT_OFFLOAD_INFORMATION (usb.h, USB offload) is only declared
 * as an incomplete type when nobody defined it.
 * A real USBSidebandAudio.h later on the include path wins.
 */
#if defined(__has_include_next) && __has_include_next(<USBSidebandAudio.h>) && !defined(KSTIDY_WDK_FORCE_OWN_USBSIDEBANDAUDIO)
#include_next <USBSidebandAudio.h>
#else
#ifndef KSTIDY_WDK_USBSIDEBANDAUDIO_H
#define KSTIDY_WDK_USBSIDEBANDAUDIO_H

#include <SidebandAudio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Device interface classes the USB Audio class driver registers for
   sideband endpoints (values not published). */
extern const GUID GUID_DEVINTERFACE_USB_SIDEBAND_AUDIO_HCIBYPASS;
extern const GUID GUID_DEVINTERFACE_USB_SIDEBAND_AUDIO_HS_HCIBYPASS;

/* Microsoft USB Audio parameter set (value not published). */
extern const GUID SIDEBANDAUDIO_PARAMS_SET_USBAUDIO;

/* Microsoft USB controller parameter set: {7FE4A3DB-B637-4168-B853-4317079560D2}. */
#ifndef KSTIDY_WDK_HAVE_SIDEBANDAUDIO_PARAMS_SET_USB_CONTROLLER
#define KSTIDY_WDK_HAVE_SIDEBANDAUDIO_PARAMS_SET_USB_CONTROLLER
DEFINE_GUID(SIDEBANDAUDIO_PARAMS_SET_USB_CONTROLLER,
    0x7FE4A3DB, 0xB637, 0x4168, 0xB8, 0x53, 0x43, 0x17, 0x07, 0x95, 0x60, 0xD2);
#endif

/* TypeId values of SIDEBANDAUDIO_PARAMS_SET_USBAUDIO. */
typedef enum _SIDEBANDAUDIO_EP_USB_TRANSPORT_RESOURCE_TYPE {
    SIOP_TYPE_USBAUD_USBD_INTERFACE_DESCRIPTOR,
    SIOP_TYPE_USBAUD_EP_USBD_ENDPOINT_DESCRIPTOR,
    SIOP_TYPE_USBAUD_EP_USBD_ENDPOINT_OFFLOAD_INFORMATION,
    SIOP_TYPE_USBAUD_EP_USBAUDIO_TRANSPORT_RESOURCES,
    SIOP_TYPE_USBAUD_EP_OFFLOAD_RESOURCE_ID,
    SIOP_TYPE_USBAUD_FB_EP_USBD_ENDPOINT_DESCRIPTOR,
    SIOP_TYPE_USBAUD_FB_EP_USBD_ENDPOINT_OFFLOAD_INFORMATION,
    SIOP_TYPE_USBAUD_FB_EP_USBAUDIO_TRANSPORT_RESOURCES,
    SIOP_TYPE_USBAUD_FB_EP_OFFLOAD_RESOURCE_ID,
    SIOP_TYPE_USBAUD_ENDPOINT_DESCRIPTOR_PER_FORMAT,
    SBUSBAUD_EP_TRANSPORT_RESOURCE_TYPE_INVALID
} SIDEBANDAUDIO_EP_USB_TRANSPORT_RESOURCE_TYPE;

/* TypeId values of SIDEBANDAUDIO_PARAMS_SET_USB_CONTROLLER. */
typedef enum _SIDEBANDAUDIO_USB_CONTROLLER_CONFIG_INFO_TYPE {
    SIOP_TYPE_USBAUD_CONTROLLER_CONFIG_INFO_DEVICE_BEHIND_HUB,
    SBUSBAUD_CONTROLLER_CONFIG_INFO_TYPE_INVALID
} SIDEBANDAUDIO_USB_CONTROLLER_CONFIG_INFO_TYPE;

/* USB sideband transport resources of one endpoint. */
typedef struct _SIDEBANDAUDIO_EP_USBAUDIO_TRANSPORT_RESOURCES {
    USHORT bcdAudioSpec;  /* class-specific AC interface descriptor */
    UCHAR  bDelay;        /* data path delay */
    UCHAR  bSlotSize;     /* Type I format descriptor */
} SIDEBANDAUDIO_EP_USBAUDIO_TRANSPORT_RESOURCES, *PSIDEBANDAUDIO_EP_USBAUDIO_TRANSPORT_RESOURCES;

#ifndef KSTIDY_WDK_HAVE_USBD_ENDPOINT_OFFLOAD_INFORMATION
#define KSTIDY_WDK_HAVE_USBD_ENDPOINT_OFFLOAD_INFORMATION
struct _USBD_ENDPOINT_OFFLOAD_INFORMATION;
typedef struct _USBD_ENDPOINT_OFFLOAD_INFORMATION
    USBD_ENDPOINT_OFFLOAD_INFORMATION, *PUSBD_ENDPOINT_OFFLOAD_INFORMATION;
#endif

#ifdef __cplusplus
}
#endif

#endif /* KSTIDY_WDK_USBSIDEBANDAUDIO_H */
#endif
