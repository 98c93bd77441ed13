/*
 * kstidy WDK-profile overlay for <ksmedia.h>.
 *
 * 1. Kernel mode: mingw-w64's ksmedia.h uses Win32 types (DWORD, WORD, BYTE,
 *    FLOAT, RECT, SIZE, COLORREF, MAX_PATH) that wdm.h/ntddk.h do not
 *    declare. WDK drivers get them from <windef.h> (portcls.h includes it
 *    itself); do the same when a kernel-mode TU has not.
 * 2. Kernel mode: ksmedia.h uses TCHAR, which only winnt.h (user mode) and
 *    tchar.h declare. Declare it under the same _TCHAR_DEFINED guard they
 *    use, so whichever comes first wins and nothing is declared twice. User
 *    mode is left alone: winnt.h always provides TCHAR there.
 * 3. mingw-w64's ksmedia.h lacks the WaveRT latency/register structures that
 *    its own portcls.h (IMiniportWaveRTStream) uses. The WDK's ksmedia.h
 *    declares them, so they are declared here, after the real header.
 */
#ifndef KSTIDY_WDK_KSMEDIA_H
#define KSTIDY_WDK_KSMEDIA_H

#if defined(_DDK_DRIVER_) && !defined(_WINDEF_)
#include <windef.h>
#endif

#if defined(_DDK_DRIVER_) && !defined(_TCHAR_DEFINED)
#define _TCHAR_DEFINED
#if defined(UNICODE) || defined(_UNICODE)
typedef WCHAR TCHAR, *PTCHAR;
typedef WCHAR TBYTE, *PTBYTE;
#else
typedef char TCHAR, *PTCHAR;
typedef unsigned char TBYTE, *PTBYTE;
#endif
#endif /* _DDK_DRIVER_ && !_TCHAR_DEFINED */

#include_next <ksmedia.h>

/* WaveRT (KSPROPSETID_RtAudio) structures, documented layouts. The guard is
   kstidy's own: define it before including ksmedia.h if a newer mingw-w64
   (or the driver) already declares these. */
#ifndef KSTIDY_WDK_HAVE_KSRTAUDIO_TYPES
#define KSTIDY_WDK_HAVE_KSRTAUDIO_TYPES

/* KSPROPERTY_RTAUDIO_HWLATENCY output. */
typedef struct {
  ULONG FifoSize;
  ULONG ChipsetDelay;
  ULONG CodecDelay;
} KSRTAUDIO_HWLATENCY, *PKSRTAUDIO_HWLATENCY;

/* KSPROPERTY_RTAUDIO_POSITIONREGISTER / _CLOCKREGISTER output. */
typedef struct {
  PVOID Register;
  ULONG Width;
  ULONGLONG Numerator;
  ULONGLONG Denominator;
  ULONG Accuracy;
} KSRTAUDIO_HWREGISTER, *PKSRTAUDIO_HWREGISTER;

/* KSPROPERTY_RTAUDIO_POSITIONREGISTER / _CLOCKREGISTER request. */
typedef struct {
  KSPROPERTY Property;
  PVOID BaseAddress;
} KSRTAUDIO_HWREGISTER_PROPERTY, *PKSRTAUDIO_HWREGISTER_PROPERTY;

#endif /* KSTIDY_WDK_HAVE_KSRTAUDIO_TYPES */

#endif /* KSTIDY_WDK_KSMEDIA_H */
