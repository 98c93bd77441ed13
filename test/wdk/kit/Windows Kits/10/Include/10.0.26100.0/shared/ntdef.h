/* A stand-in for a Windows Kits shared/ntdef.h, written for kstidy's tests:
   only what test/wdk/driver uses. Like the real header it needs the
   architecture macro the WDK's build passes, and it checks that it is
   parsed as MSVC parses it. */
#pragma once
#if !defined(_AMD64_)
#error "No target architecture (the kit profile defines _AMD64_)"
#endif
#if !defined(_MSC_VER) || defined(__MINGW32__)
#error "the kit's headers are for the MSVC target"
#endif
#define KSTIDY_TEST_KIT_VERSION 26100
#include <guiddef.h>
#include <stddef.h>
typedef void VOID, *PVOID;
typedef unsigned long ULONG, *PULONG;
typedef long LONG, *PLONG;
typedef LONG NTSTATUS;
typedef unsigned char BOOLEAN;
typedef __int64 LONGLONG;
#define STATUS_SUCCESS ((NTSTATUS)0x00000000L)
#define STATUS_BUFFER_TOO_SMALL ((NTSTATUS)0xC0000023L)
#define NTAPI __stdcall
