/*
 * kstidy WDK-profile overlay for <ksproxy.h> (user-mode KS proxy code).
 *
 * ksproxy.h declares its COM interfaces (IKsAllocator, IKsAllocatorEx,
 * IKsPin, IKsPinPipe, IKsInterfaceHandler, ...) only when __STREAMS__ is
 * defined, i.e. after the DirectShow base classes' <streams.h>, which is not
 * part of mingw-w64. Proxy plug-ins are always built with the base classes,
 * so in C++ user-mode code emulate the one effect of streams.h that
 * ksproxy.h depends on: the DirectShow interfaces from <strmif.h> are
 * declared and __STREAMS__ is defined while ksproxy.h is read. The macro is
 * removed afterwards: the base classes themselves are still absent.
 *
 * C code is left alone: those interfaces use C++ references.
 *
 * Kernel mode (a driver that includes ksproxy.h after ntddk.h/wdm.h, e.g.
 * for its KSPROPERTY_SUPPORT_* constants): the interfaces derive from
 * IUnknown, which kernel code gets from <unknown.h> (the kernel COM header
 * portcls.h uses), not from objbase.h. Read it first if nobody did.
 */
#if defined(_DDK_DRIVER_) && !defined(__KSPROXY__) && !defined(_UNKNOWN_H_)
#include <unknown.h>
#endif
#if defined(__cplusplus) && !defined(_DDK_DRIVER_) && !defined(__STREAMS__) && \
    !defined(__KSPROXY__)
#include <strmif.h>
#define __STREAMS__
#include_next <ksproxy.h>
#undef __STREAMS__
#else
#include_next <ksproxy.h>
#endif
