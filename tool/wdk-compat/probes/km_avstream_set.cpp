// Probe: kernel-mode C++, the include set of a typical AVStream capture
// driver: wdm.h, windef.h, C runtime, unknown.h, ks.h, ksmedia.h, kcom.h,
// ntstrsafe.h, with INITGUID so DEFINE_GUIDSTRUCT objects are defined.
#include <wdm.h>
#include <windef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unknown.h>
#include <initguid.h>
#include <ks.h>
#include <ksmedia.h>
#include <kcom.h>
#include <ntstrsafe.h>
