/*
 * kstidy WDK-profile overlay for <wdm.h> (ntddk.h and ntifs.h reach it too).
 *
 * mingw-w64 10's wdm.h predates the Windows 10 2004 pool API. The POOL_FLAG_*
 * constants are macros in kstidy-wdk-compat.h; the functions are declared
 * here, after the real header, because they need POOL_TYPE, SIZE_T, ...
 * They are real declarations, not macros, so a call to ExAllocatePool2 stays
 * a call to ExAllocatePool2 in the AST that kstidy's checks look at.
 *
 * A driver that ships its own down-level shims for these functions can
 * define KSTIDY_WDK_NO_POOL_DECLS to skip them.
 */
#include_next <wdm.h>

#if defined(_WDMDDK_) && !defined(KSTIDY_WDK_WDM_DECLS) && \
    !defined(KSTIDY_WDK_NO_POOL_DECLS)
#define KSTIDY_WDK_WDM_DECLS

#ifdef __cplusplus
extern "C" {
#endif

/* Argument type of ExAllocatePool2 (Windows 10 2004). Repeating an identical
   typedef is legal in C11 and C++, so a driver's own copy does not clash. */
typedef ULONG64 POOL_FLAGS;

/* Windows 10 2004+: flag-based allocation, zeroed unless
   POOL_FLAG_UNINITIALIZED; returns NULL on failure unless
   POOL_FLAG_RAISE_ON_FAILURE. */
NTKERNELAPI PVOID NTAPI ExAllocatePool2(POOL_FLAGS Flags, SIZE_T NumberOfBytes,
                                        ULONG Tag);

/* WDK inline helpers over POOL_TYPE (zeroed / explicitly uninitialized). */
PVOID NTAPI ExAllocatePoolZero(POOL_TYPE PoolType, SIZE_T NumberOfBytes,
                               ULONG Tag);
PVOID NTAPI ExAllocatePoolUninitialized(POOL_TYPE PoolType,
                                        SIZE_T NumberOfBytes, ULONG Tag);
PVOID NTAPI ExAllocatePoolQuotaZero(POOL_TYPE PoolType, SIZE_T NumberOfBytes,
                                    ULONG Tag);
PVOID NTAPI ExAllocatePoolQuotaUninitialized(POOL_TYPE PoolType,
                                             SIZE_T NumberOfBytes, ULONG Tag);
PVOID NTAPI ExAllocatePoolPriorityZero(POOL_TYPE PoolType,
                                       SIZE_T NumberOfBytes, ULONG Tag,
                                       EX_POOL_PRIORITY Priority);
PVOID NTAPI ExAllocatePoolPriorityUninitialized(POOL_TYPE PoolType,
                                                SIZE_T NumberOfBytes,
                                                ULONG Tag,
                                                EX_POOL_PRIORITY Priority);

/* POOL_NX_OPTIN support: DriverEntry calls
   ExInitializeDriverRuntime(DrvRtPoolNxOptIn), after which the defaults
   below hold NonPagedPoolNx / MdlMappingNoExecute on Windows 8+. */
VOID NTAPI ExInitializeDriverRuntime(ULONG RuntimeFlags);
extern POOL_TYPE ExDefaultNonPagedPoolType;
extern ULONG ExDefaultMdlProtection;

#ifdef __cplusplus
}
#endif

#endif /* _WDMDDK_ && !KSTIDY_WDK_WDM_DECLS */
