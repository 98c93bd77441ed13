/* Stand-in wdm.h for kstidy's tests. */
#pragma once
#include <ntdef.h>
typedef struct _IRP IRP, *PIRP;
typedef struct _DRIVER_OBJECT DRIVER_OBJECT, *PDRIVER_OBJECT;
typedef struct _UNICODE_STRING UNICODE_STRING, *PUNICODE_STRING;
