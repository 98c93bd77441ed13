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

/*
 * Declarations mingw-w64 10's wdm.h lacks, from the wdm.h reference on
 * learn.microsoft.com: the role types of dispatch routines that run paged
 * or at raised IRQL (used to annotate dispatch routines the same way as
 * DRIVER_DISPATCH), reader/writer spin locks (Windows 7+), and the
 * MemoryBarrier macro of kernel mode. Own guard, independent of
 * KSTIDY_WDK_NO_POOL_DECLS.
 */
#if defined(_WDMDDK_) && !defined(KSTIDY_WDK_WDM_EXTRA_DECLS)
#define KSTIDY_WDK_WDM_EXTRA_DECLS

#ifdef __cplusplus
extern "C" {
#endif

/* Same signature as DRIVER_DISPATCH; only the IRQL/paging contract
   differs. */
typedef NTSTATUS NTAPI DRIVER_DISPATCH_PAGED(struct _DEVICE_OBJECT *DeviceObject,
                                             struct _IRP *Irp);
typedef DRIVER_DISPATCH_PAGED *PDRIVER_DISPATCH_PAGED;
typedef NTSTATUS NTAPI DRIVER_DISPATCH_RAISED(struct _DEVICE_OBJECT *DeviceObject,
                                              struct _IRP *Irp);
typedef DRIVER_DISPATCH_RAISED *PDRIVER_DISPATCH_RAISED;

/* Lookaside-list allocation callbacks as function types (mingw-w64 has the
   pointer types). */
typedef PVOID NTAPI ALLOCATE_FUNCTION(POOL_TYPE PoolType, SIZE_T NumberOfBytes,
                                      ULONG Tag);
typedef VOID NTAPI FREE_FUNCTION(PVOID Buffer);
typedef PVOID NTAPI ALLOCATE_FUNCTION_EX(POOL_TYPE PoolType,
                                         SIZE_T NumberOfBytes, ULONG Tag,
                                         PLOOKASIDE_LIST_EX Lookaside);
typedef VOID NTAPI FREE_FUNCTION_EX(PVOID Buffer, PLOOKASIDE_LIST_EX Lookaside);

/* Reader/writer spin locks (Windows 7+). */
typedef volatile LONG EX_SPIN_LOCK, *PEX_SPIN_LOCK;

NTKERNELAPI KIRQL NTAPI ExAcquireSpinLockShared(PEX_SPIN_LOCK SpinLock);
NTKERNELAPI VOID NTAPI ExReleaseSpinLockShared(PEX_SPIN_LOCK SpinLock,
                                               KIRQL OldIrql);
NTKERNELAPI KIRQL NTAPI ExAcquireSpinLockExclusive(PEX_SPIN_LOCK SpinLock);
NTKERNELAPI VOID NTAPI ExReleaseSpinLockExclusive(PEX_SPIN_LOCK SpinLock,
                                                  KIRQL OldIrql);
NTKERNELAPI VOID NTAPI ExAcquireSpinLockSharedAtDpcLevel(PEX_SPIN_LOCK SpinLock);
NTKERNELAPI VOID NTAPI ExReleaseSpinLockSharedFromDpcLevel(
    PEX_SPIN_LOCK SpinLock);
NTKERNELAPI VOID NTAPI ExAcquireSpinLockExclusiveAtDpcLevel(
    PEX_SPIN_LOCK SpinLock);
NTKERNELAPI VOID NTAPI ExReleaseSpinLockExclusiveFromDpcLevel(
    PEX_SPIN_LOCK SpinLock);
NTKERNELAPI LOGICAL NTAPI ExTryConvertSharedSpinLockExclusive(
    PEX_SPIN_LOCK SpinLock);
NTKERNELAPI LOGICAL NTAPI ExTryAcquireSpinLockSharedAtDpcLevel(
    PEX_SPIN_LOCK SpinLock);
NTKERNELAPI LOGICAL NTAPI ExTryAcquireSpinLockExclusiveAtDpcLevel(
    PEX_SPIN_LOCK SpinLock);

/* Precise system/interrupt time (Windows 8 / 8.1+). */
NTKERNELAPI VOID NTAPI KeQuerySystemTimePrecise(PLARGE_INTEGER CurrentTime);
NTKERNELAPI ULONG64 NTAPI KeQueryInterruptTimePrecise(PULONG64 QpcTimeStamp);

/* Full memory barrier; kernel code reaches it through wdm.h. Same
   expansion as mingw-w64's x64 winnt.h, so including both is harmless. */
#if !defined(MemoryBarrier) && defined(__x86_64__)
#define MemoryBarrier _mm_mfence
#endif

/* Device-interface properties (Windows Vista+; IoSetDevicePropertyData's
   interface counterparts, documented in wdm.h). */
NTKERNELAPI NTSTATUS NTAPI IoSetDeviceInterfacePropertyData(
    PUNICODE_STRING SymbolicLinkName, CONST DEVPROPKEY *PropertyKey,
    LCID Lcid, ULONG Flags, DEVPROPTYPE Type, ULONG Size, PVOID Data);
NTKERNELAPI NTSTATUS NTAPI IoGetDeviceInterfacePropertyData(
    PUNICODE_STRING SymbolicLinkName, CONST DEVPROPKEY *PropertyKey,
    LCID Lcid, ULONG Flags, ULONG Size, PVOID Data, PULONG RequiredSize,
    PDEVPROPTYPE Type);

/* Driver-owned registry state (Windows 10 1803). */
typedef enum _DRIVER_REGKEY_TYPE {
  DriverRegKeyParameters,
  DriverRegKeyPersistentState,
  DriverRegKeySharedPersistentState
} DRIVER_REGKEY_TYPE, *PDRIVER_REGKEY_TYPE;
NTKERNELAPI NTSTATUS NTAPI IoOpenDriverRegistryKey(
    PDRIVER_OBJECT DriverObject, DRIVER_REGKEY_TYPE RegKeyType,
    ACCESS_MASK DesiredAccess, ULONG Flags, PHANDLE DriverRegKey);

/* mingw-w64 declares KeSaveFloatingPointState/KeRestoreFloatingPointState
   only for x86; the WDK declares them for every architecture (on x64 they
   succeed without doing work) and x64 drivers call them around FP code. */
#if !defined(_X86_) && !defined(__i386__)
NTKERNELAPI NTSTATUS NTAPI KeSaveFloatingPointState(PKFLOATING_SAVE FloatSave);
NTKERNELAPI NTSTATUS NTAPI KeRestoreFloatingPointState(PKFLOATING_SAVE FloatSave);
#endif

/* RtlQueryRegistryValues type checking (Windows 8+ RTL_QUERY_REGISTRY_DIRECT
   rule): the flag and the shift of the expected REG_ type in DefaultType. */
#ifndef RTL_QUERY_REGISTRY_TYPECHECK
#define RTL_QUERY_REGISTRY_TYPECHECK 0x00000100
#endif
#ifndef RTL_QUERY_REGISTRY_TYPECHECK_SHIFT
#define RTL_QUERY_REGISTRY_TYPECHECK_SHIFT 24
#endif

/* <stdint.h> limit kernel code uses without including stdint.h (same
   spelling as mingw-w64's stdint.h, so a later include is harmless). */
#ifndef UINT32_MAX
#define UINT32_MAX 0xffffffffU
#endif

/* NTSTATUS values missing from mingw-w64's ntstatus.h. */
#ifndef STATUS_INVALID_STATE_TRANSITION
#define STATUS_INVALID_STATE_TRANSITION ((NTSTATUS)0xC000A003L)
#endif
#ifndef STATUS_ALREADY_INITIALIZED
#define STATUS_ALREADY_INITIALIZED ((NTSTATUS)0xC0000510L)
#endif
/* [MS-ERREF] NTSTATUS value; returned by sideband audio drivers. */
#ifndef STATUS_DEVICE_FEATURE_NOT_SUPPORTED
#define STATUS_DEVICE_FEATURE_NOT_SUPPORTED ((NTSTATUS)0xC0000463L)
#endif

/* PKPROCESS's second WDK spelling (KeStackAttachProcess and friends). */
typedef struct _KPROCESS *PRKPROCESS;

/* LCID argument of IoSetDeviceInterfacePropertyData & co. The WDK declares
   it for kernel mode too; mingw-w64 has it only in winnt.h. Same
   replacement list as winnt.h's, so a later winnt.h redefines it
   identically. */
#ifndef SUBLANG_NEUTRAL
#define SUBLANG_NEUTRAL 0x00
#endif
#ifndef SORT_DEFAULT
#define SORT_DEFAULT 0x0
#endif
#ifndef LOCALE_NEUTRAL
#define LOCALE_NEUTRAL (MAKELCID(MAKELANGID(LANG_NEUTRAL,SUBLANG_NEUTRAL),SORT_DEFAULT))
#endif

/* mingw-w64's ntdef.h spells TYPE_ALIGNMENT as FIELD_OFFSET over an unnamed
   struct unless _MSC_VER is set; C++ rejects a struct defined in offsetof
   ("cannot be defined in a type specifier"). Use the alignof form that the
   WDK uses with MSVC and that mingw-w64's own winnt.h uses for C++ (same
   replacement list as winnt.h, so a later windows.h redefines it
   identically). */
#if defined(__cplusplus)
#undef TYPE_ALIGNMENT
#define TYPE_ALIGNMENT(t) __alignof__ (t)
#endif

#ifdef __cplusplus
}
#endif

/* Low / high 32 bits of a 64-bit value. WDK audio samples (WaveRT packet
   counters) use LODWORD in kernel code; mingw-w64 has neither macro. Which
   WDK header supplies them was not checked; the expansion is kstidy's. */
#ifndef LODWORD
#define LODWORD(x) ((ULONG)((ULONGLONG)(x) & 0xffffffffULL))
#endif
#ifndef HIDWORD
#define HIDWORD(x) ((ULONG)(((ULONGLONG)(x) >> 32) & 0xffffffffULL))
#endif

#endif /* _WDMDDK_ && !KSTIDY_WDK_WDM_EXTRA_DECLS */
