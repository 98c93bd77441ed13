/*
 * kstidy-wdk-compat.h - force-included first into every translation unit that
 * kstidy parses with its "WDK profile" (see README.md beside this file).
 *
 * The profile parses Windows driver code on Linux against the mingw-w64
 * headers. Those headers trail the current WDK: names that real Kernel
 * Streaming drivers use are missing. This file supplies the ones that can be
 * expressed as plain macros.
 *
 * Rules for this file:
 *  - It is included before anything else, in kernel-mode and user-mode code,
 *    in C and C++. It must not declare anything and must not depend on any
 *    type being declared: only object-like integer macros, or macros whose
 *    expansion is only evaluated at the point of use.
 *  - Every entry is guarded with #ifndef so that a driver (or a newer
 *    mingw-w64) that defines the name itself wins.
 *  - Values are the documented WDK values; kstidy's checks read some of them
 *    (pool types, KS flags), so a wrong value here is a wrong diagnostic.
 *
 * Declarations that need types live in the wrapper headers under include/.
 */
#ifndef KSTIDY_WDK_COMPAT_H
#define KSTIDY_WDK_COMPAT_H

/* Lets wrapper headers and probes tell that they run under kstidy's profile. */
#define KSTIDY_WDK_PROFILE 1

/* ------------------------------------------------------------------------ */
/* Pool allocation (Windows 10 2004+ WDK). mingw-w64 10 has POOL_TYPE with   */
/* NonPagedPoolNx but none of the POOL_FLAGS API. The functions themselves   */
/* (ExAllocatePool2, ExAllocatePoolZero, ...) are declared by include/wdm.h  */
/* so that calls keep their own name in the AST.                             */
/* ------------------------------------------------------------------------ */

/* POOL_FLAGS bits taken by ExAllocatePool2/ExAllocatePool3 (a ULONG64). */
#ifndef POOL_FLAG_REQUIRED_START
#define POOL_FLAG_REQUIRED_START     0x0000000000000001ULL
#endif
#ifndef POOL_FLAG_USE_QUOTA
#define POOL_FLAG_USE_QUOTA          0x0000000000000001ULL
#endif
#ifndef POOL_FLAG_UNINITIALIZED
#define POOL_FLAG_UNINITIALIZED      0x0000000000000002ULL
#endif
#ifndef POOL_FLAG_SESSION
#define POOL_FLAG_SESSION            0x0000000000000004ULL
#endif
#ifndef POOL_FLAG_CACHE_ALIGNED
#define POOL_FLAG_CACHE_ALIGNED      0x0000000000000008ULL
#endif
#ifndef POOL_FLAG_RESERVED1
#define POOL_FLAG_RESERVED1          0x0000000000000010ULL
#endif
#ifndef POOL_FLAG_RAISE_ON_FAILURE
#define POOL_FLAG_RAISE_ON_FAILURE   0x0000000000000020ULL
#endif
#ifndef POOL_FLAG_NON_PAGED
#define POOL_FLAG_NON_PAGED          0x0000000000000040ULL
#endif
#ifndef POOL_FLAG_NON_PAGED_EXECUTE
#define POOL_FLAG_NON_PAGED_EXECUTE  0x0000000000000080ULL
#endif
#ifndef POOL_FLAG_PAGED
#define POOL_FLAG_PAGED              0x0000000000000100ULL
#endif
#ifndef POOL_FLAG_RESERVED2
#define POOL_FLAG_RESERVED2          0x0000000000000200ULL
#endif
#ifndef POOL_FLAG_RESERVED3
#define POOL_FLAG_RESERVED3          0x0000000000000400ULL
#endif
#ifndef POOL_FLAG_REQUIRED_END
#define POOL_FLAG_REQUIRED_END       0x0000000080000000ULL
#endif
#ifndef POOL_FLAG_OPTIONAL_START
#define POOL_FLAG_OPTIONAL_START     0x0000000100000000ULL
#endif
#ifndef POOL_FLAG_SPECIAL_POOL
#define POOL_FLAG_SPECIAL_POOL       0x0000000100000000ULL
#endif
#ifndef POOL_FLAG_OPTIONAL_END
#define POOL_FLAG_OPTIONAL_END       0x8000000000000000ULL
#endif

/* POOL_TYPE modifier bit for no-execute pool (same value as NonPagedPoolNx);
   mingw-w64 has the enumerator but not this modifier macro. */
#ifndef POOL_NX_ALLOCATION
#define POOL_NX_ALLOCATION 512
#endif

/* RuntimeFlags bit for ExInitializeDriverRuntime (POOL_NX_OPTIN drivers call
   it from DriverEntry). The function is declared by include/wdm.h. */
#ifndef DrvRtPoolNxOptIn
#define DrvRtPoolNxOptIn 0x00000001
#endif

/* MM_PAGE_PRIORITY modifiers for MmGetSystemAddressForMdlSafe (Windows 8+);
   drivers OR them into the priority argument. */
#ifndef MdlMappingNoWrite
#define MdlMappingNoWrite   0x80000000
#endif
#ifndef MdlMappingNoExecute
#define MdlMappingNoExecute 0x40000000
#endif

/* ------------------------------------------------------------------------ */
/* ks.h flags added after the mingw-w64 snapshot.                            */
/* ------------------------------------------------------------------------ */

/* KSPROPERTY.Flags request modifiers (Windows 7 / 8 era ks.h). */
#ifndef KSPROPERTY_TYPE_GETPAYLOADSIZE
#define KSPROPERTY_TYPE_GETPAYLOADSIZE 0x00000004
#endif
#ifndef KSPROPERTY_TYPE_HIGHPRIORITY
#define KSPROPERTY_TYPE_HIGHPRIORITY   0x08000000
#endif
#ifndef KSPROPERTY_TYPE_FSFILTERSCOPE
#define KSPROPERTY_TYPE_FSFILTERSCOPE  0x40000000
#endif
#ifndef KSPROPERTY_TYPE_COPYPAYLOAD
#define KSPROPERTY_TYPE_COPYPAYLOAD    0x80000000
#endif

/* Pin requirement: system memory, but the pin supplies its own allocator
   (AVStream custom allocators, KSALLOCATOR_DISPATCH). */
#ifndef KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY_CUSTOM_ALLOCATION
#define KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY_CUSTOM_ALLOCATION 0x00000010
#endif

/* KSSTREAM_HEADER.OptionsFlags used by camera drivers (metadata, photo
   sequences, KS_FRAME_INFO, MDL caching, secure buffers). */
#ifndef KSSTREAM_HEADER_OPTIONSF_METADATA
#define KSSTREAM_HEADER_OPTIONSF_METADATA            0x00001000
#endif
#ifndef KSSTREAM_HEADER_OPTIONSF_ENDOFPHOTOSEQUENCE
#define KSSTREAM_HEADER_OPTIONSF_ENDOFPHOTOSEQUENCE  0x00002000
#endif
#ifndef KSSTREAM_HEADER_OPTIONSF_FRAMEINFO
#define KSSTREAM_HEADER_OPTIONSF_FRAMEINFO           0x00004000
#endif
#ifndef KSSTREAM_HEADER_OPTIONSF_PERSIST_SAMPLE
#define KSSTREAM_HEADER_OPTIONSF_PERSIST_SAMPLE      0x00008000
#endif
#ifndef KSSTREAM_HEADER_OPTIONSF_SAMPLE_PERSISTED
#define KSSTREAM_HEADER_OPTIONSF_SAMPLE_PERSISTED    0x00010000
#endif
#ifndef KSSTREAM_HEADER_TRACK_COMPLETION_NUMBERS
#define KSSTREAM_HEADER_TRACK_COMPLETION_NUMBERS     0x00020000
#endif
#ifndef KSSTREAM_HEADER_OPTIONSF_SECUREBUFFERTRANSFER
#define KSSTREAM_HEADER_OPTIONSF_SECUREBUFFERTRANSFER 0x00040000
#endif

/* KSFILTER_DESCRIPTOR.Flags: camera profiles keyed by the reference GUID. */
#ifndef KSFILTER_FLAG_PRIORITIZE_REFERENCEGUID
#define KSFILTER_FLAG_PRIORITIZE_REFERENCEGUID 0x00000010
#endif

/* KSDEVICE_DESCRIPTOR version 2 and its Flags. NOTE: mingw-w64's
   KSDEVICE_DESCRIPTOR has no Flags member, so a 5-member initializer still
   does not parse (see README, "Gaps"). The names are here so that code that
   only tests or passes them parses. */
#ifndef KSDEVICE_DESCRIPTOR_VERSION_2
#define KSDEVICE_DESCRIPTOR_VERSION_2 0x110
#endif
#ifndef MIN_DEV_VER_FOR_FLAGS
#define MIN_DEV_VER_FOR_FLAGS 0x110
#endif
#ifndef KSDEVICE_FLAG_ENABLE_REMOTE_WAKEUP
#define KSDEVICE_FLAG_ENABLE_REMOTE_WAKEUP  0x00000001
#endif
#ifndef KSDEVICE_FLAG_LOWPOWER_PASSTHROUGH
#define KSDEVICE_FLAG_LOWPOWER_PASSTHROUGH  0x00000002
#endif
#ifndef KSDEVICE_FLAG_ENABLE_QUERYINTERFACE
#define KSDEVICE_FLAG_ENABLE_QUERYINTERFACE 0x00000004
#endif

#include "kstidy-sal-compat.h"

/* ------------------------------------------------------------------------ */
/* std::align_val_t (C++17 aligned new/delete). MSVC declares it implicitly, */
/* so kernel-mode C++ (no <new>) names it in its own operator new/delete     */
/* replacements. Clang only creates its implicit copy when it needs one, so  */
/* declare it here: an opaque declaration with the fixed underlying type is  */
/* already a complete type, clang merges it with its implicit declaration,   */
/* and a later <new> that defines it (`enum class align_val_t : size_t {}`)  */
/* is a valid redeclaration. The one exception to "macros only" above: it is */
/* a declaration in namespace std and needs no type from any header.         */
/* ------------------------------------------------------------------------ */
#if defined(__cplusplus) && defined(__cpp_aligned_new) && \
    !defined(KSTIDY_WDK_NO_ALIGN_VAL_T)
namespace std { enum class align_val_t : __SIZE_TYPE__; }
#endif

#endif /* KSTIDY_WDK_COMPAT_H */
