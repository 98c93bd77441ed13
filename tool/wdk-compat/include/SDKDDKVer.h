/*
 * kstidy WDK-profile wrapper for <SDKDDKVer.h>.
 *
 * Windows SDK/WDK code spells this header SDKDDKVer.h (Visual Studio's
 * targetver.h templates do); mingw-w64 ships it as sdkddkver.h, which a
 * case-sensitive file system does not find under the mixed-case name. This
 * wrapper forwards to the mingw-w64 header (the _WIN32_WINNT_*, NTDDI_*
 * version constants).
 */
#include_next <sdkddkver.h>
