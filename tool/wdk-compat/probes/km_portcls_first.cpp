// Probe: kernel-mode C++, <portcls.h> first (it includes wdm.h itself),
// then the usual audio-miniport companions.
#include <portcls.h>
#include <stdunk.h>
#include <ksdebug.h>
#include <ntstrsafe.h>
#include <ksmedia.h>
#include <wdmguid.h>
