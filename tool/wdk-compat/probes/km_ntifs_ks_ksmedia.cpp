// Probe: kernel-mode C++, <ntifs.h> first (it pulls ntddk.h/wdm.h).
#include <ntifs.h>
#include <ks.h>
#include <ksmedia.h>
