// Probe: user-mode C++, <windows.h> + <dshow.h> + <ks.h> + <ksmedia.h> +
// <ksproxy.h> (DirectShow filter talking to a KS pin).
#include <windows.h>
#include <dshow.h>
#include <ks.h>
#include <ksmedia.h>
#include <ksproxy.h>

HRESULT KstidyProbeControl(IKsControl *Control, KSPROPERTY *Property, ULONG *Value) {
  ULONG returned = 0;
  return Control->KsProperty(Property, sizeof(*Property), Value, sizeof(*Value), &returned);
}
