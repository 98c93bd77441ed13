/* Probe: kernel-mode C, <wdm.h> + <portcls.h>. */
#include <wdm.h>
#include <portcls.h>

static PCPROPERTY_ITEM kstidy_probe_items[1];
