// Probe: user-mode targetver.h style, <SDKDDKVer.h> spelled as in Visual
// Studio templates, then <windows.h>.
#include <SDKDDKVer.h>
#include <windows.h>

static_assert(_WIN32_WINNT_WIN10 == 0x0A00, "sdkddkver.h constants");
