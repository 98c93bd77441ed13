// Probe: user-mode C++ with UNICODE: winnt.h's TCHAR is kept, include/ksmedia.h
// declares nothing of its own for it.
#define UNICODE
#define _UNICODE
#include <windows.h>
#include <tchar.h>
#include <ks.h>
#include <ksmedia.h>

static_assert(sizeof(TCHAR) == sizeof(wchar_t), "TCHAR follows UNICODE");
