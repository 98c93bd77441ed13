/* Probe: kernel-mode C with UNICODE/_UNICODE: the TCHAR that
   include/ksmedia.h declares follows UNICODE, as winnt.h's does. */
#define UNICODE
#define _UNICODE
#include <ntddk.h>
#include <ks.h>
#include <ksmedia.h>

typedef char kstidy_probe_tchar_is_wide[sizeof(TCHAR) == sizeof(WCHAR) ? 1 : -1];
