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

/* ------------------------------------------------------------------------ */
/* SAL / Driver Code Analysis annotations missing from mingw-w64's sal.h and */
/* driverspecs.h. They only inform MSVC's /analyze and SDV; kstidy drops     */
/* them like every other annotation (empty expansion). Object-like ones      */
/* annotate a parameter or function; function-like ones take arguments.      */
/* ------------------------------------------------------------------------ */
#ifndef _Frees_ptr_
#define _Frees_ptr_  /* parameter: the callee frees this pointer */
#endif
#ifndef _Frees_ptr_opt_
#define _Frees_ptr_opt_  /* parameter: the callee frees this pointer, may be NULL */
#endif
#ifndef _Kernel_float_used_
#define _Kernel_float_used_  /* function uses the FPU (callers must save state) */
#endif
#ifndef _Kernel_float_saved_
#define _Kernel_float_saved_  /* function saves FPU state (KeSaveFloatingPointState) */
#endif
#ifndef _Kernel_float_restored_
#define _Kernel_float_restored_  /* function restores FPU state */
#endif
#ifndef _IRQL_is_cancel_
#define _IRQL_is_cancel_  /* function is a cancel routine */
#endif
#ifndef _IRQL_uses_cancel_
#define _IRQL_uses_cancel_  /* parameter is the cancel-spin-lock IRQL */
#endif
#ifndef _Interlocked_operand_
#define _Interlocked_operand_  /* operand must only be accessed with Interlocked* */
#endif
#ifndef _Enum_is_bitflag_
#define _Enum_is_bitflag_  /* enum values are flags */
#endif
#ifndef _Post_invalid_
#define _Post_invalid_  /* pointer is invalid after the call */
#endif
#ifndef _Pre_valid_
#define _Pre_valid_  /* SAL 2 validity: valid on entry */
#endif
#ifndef _Post_valid_
#define _Post_valid_  /* SAL 2 validity: valid on exit */
#endif
#ifndef _Valid_
#define _Valid_  /* SAL 2 validity: valid on entry and exit */
#endif
#ifndef _Notnull_
#define _Notnull_  /* SAL 2 nullness primitive */
#endif
#ifndef _Null_
#define _Null_  /* SAL 2 nullness primitive */
#endif
#ifndef _Maybenull_
#define _Maybenull_  /* SAL 2 nullness primitive */
#endif
#ifndef _Notref_
#define _Notref_  /* SAL 2: annotation applies to the referent, not the reference */
#endif
#ifndef _Deref_pre_readonly_
#define _Deref_pre_readonly_  /* SAL 1: pointed-to data is read-only on entry */
#endif
#ifndef _Pre_defensive_
#define _Pre_defensive_  /* SAL 2: callee validates this parameter (kernel entry points) */
#endif
#ifndef _Post_defensive_
#define _Post_defensive_  /* SAL 2: caller validates this result */
#endif
#ifndef _Analysis_noreturn_
#define _Analysis_noreturn_  /* the analyzer treats the path as dead */
#endif
#ifndef __drv_inTry
#define __drv_inTry  /* legacy: call must be inside __try */
#endif
#ifndef __drv_floatUsed
#define __drv_floatUsed  /* legacy spelling of _Kernel_float_used_ */
#endif
#ifndef __drv_isObjectPointer
#define __drv_isObjectPointer  /* legacy: parameter is a kernel object pointer */
#endif
#ifndef __drv_sameIRQL
#define __drv_sameIRQL  /* legacy spelling of _IRQL_requires_same_ */
#endif
#ifndef _Dispatch_type_
#define _Dispatch_type_(...)  /* IRP_MJ_* a DRIVER_DISPATCH routine handles */
#endif
#ifndef _Kernel_clear_do_init_
#define _Kernel_clear_do_init_(...)  /* AddDevice clears DO_DEVICE_INITIALIZING */
#endif
#ifndef _Kernel_requires_resource_held_
#define _Kernel_requires_resource_held_(...)  /* lock/critical-region state */
#endif
#ifndef _Kernel_requires_resource_not_held_
#define _Kernel_requires_resource_not_held_(...)  /* lock/critical-region state */
#endif
#ifndef _Kernel_acquires_resource_
#define _Kernel_acquires_resource_(...)  /* lock/critical-region state */
#endif
#ifndef _Kernel_releases_resource_
#define _Kernel_releases_resource_(...)  /* lock/critical-region state */
#endif
#ifndef _IRQL_always_function_min_
#define _IRQL_always_function_min_(...)  /* every caller runs at or above this IRQL */
#endif
#ifndef _IRQL_always_function_max_
#define _IRQL_always_function_max_(...)  /* every caller runs at or below this IRQL */
#endif
#ifndef _IRQL_saves_global_
#define _IRQL_saves_global_(...)  /* IRQL saved in a global (spin-lock helpers) */
#endif
#ifndef _IRQL_restores_global_
#define _IRQL_restores_global_(...)  /* IRQL restored from a global (spin-lock helpers) */
#endif
#ifndef _Inexpressible_
#define _Inexpressible_(...)  /* SAL 2: size the analyzer cannot express */
#endif
#ifndef __success
#define __success(...)  /* legacy spelling of _Success_ */
#endif
#ifndef __drv_minIRQL
#define __drv_minIRQL(...)  /* legacy spelling of _IRQL_requires_min_ */
#endif
#ifndef __drv_functionClass
#define __drv_functionClass(...)  /* legacy spelling of _Function_class_ */
#endif
#ifndef __drv_mustHold
#define __drv_mustHold(...)  /* legacy lock annotation */
#endif
#ifndef __drv_neverHold
#define __drv_neverHold(...)  /* legacy lock annotation */
#endif
#ifndef __drv_acquiresResource
#define __drv_acquiresResource(...)  /* legacy lock annotation */
#endif
#ifndef __drv_releasesResource
#define __drv_releasesResource(...)  /* legacy lock annotation */
#endif
#ifndef __drv_preferredFunction
#define __drv_preferredFunction(...)  /* legacy: suggests a replacement API */
#endif
#ifndef __drv_reportError
#define __drv_reportError(...)  /* legacy: analyzer error text */
#endif
#ifndef __drv_clearDoInit
#define __drv_clearDoInit(...)  /* legacy spelling of _Kernel_clear_do_init_ */
#endif
#ifndef __drv_strictTypeMatch
#define __drv_strictTypeMatch(...)  /* legacy: argument must match the declared type */
#endif

/* More annotations, all empty. mingw-w64's sal.h defines __in and __out
   only for C (they once clashed with libstdc++ parameter names; the profile
   has no libstdc++), and lacks the names below. Object-like entries annotate
   a parameter, field or function; function-like ones take arguments
   (variadic, so any argument count parses). */
/* SAL 1 (specstrings.h spellings). */
#ifndef __in
#define __in
#endif
#ifndef __out
#define __out
#endif
#ifndef __in_z
#define __in_z
#endif
#ifndef __in_z_opt
#define __in_z_opt
#endif
#ifndef __in_nz
#define __in_nz
#endif
#ifndef __out_z
#define __out_z
#endif
#ifndef __out_z_opt
#define __out_z_opt
#endif
#ifndef __out_nz
#define __out_nz
#endif
#ifndef __inout_z
#define __inout_z
#endif
#ifndef __deref_in
#define __deref_in
#endif
#ifndef __deref_in_opt
#define __deref_in_opt
#endif
#ifndef __deref_inout
#define __deref_inout
#endif
#ifndef __deref_inout_opt
#define __deref_inout_opt
#endif
#ifndef __deref_opt_out_opt
#define __deref_opt_out_opt
#endif
#ifndef __deref_out_z
#define __deref_out_z
#endif
#ifndef __maybenull
#define __maybenull
#endif
#ifndef __notnull
#define __notnull
#endif
#ifndef __valid
#define __valid
#endif
#ifndef __notvalid
#define __notvalid
#endif
#ifndef __readonly
#define __readonly
#endif
#ifndef __nullterminated
#define __nullterminated
#endif
#ifndef __nullnullterminated
#define __nullnullterminated
#endif
#ifndef __possibly_notnullterminated
#define __possibly_notnullterminated
#endif
#ifndef __reserved
#define __reserved
#endif
#ifndef __callback
#define __callback
#endif
#ifndef __override
#define __override
#endif
#ifndef __allocator
#define __allocator
#endif
#ifndef __field_nullterminated
#define __field_nullterminated
#endif
#ifndef __format_string
#define __format_string
#endif
#ifndef __in_bcount_opt
#define __in_bcount_opt(...)
#endif
#ifndef __in_ecount_opt
#define __in_ecount_opt(...)
#endif
#ifndef __out_bcount_opt
#define __out_bcount_opt(...)
#endif
#ifndef __out_ecount_opt
#define __out_ecount_opt(...)
#endif
#ifndef __inout_bcount_opt
#define __inout_bcount_opt(...)
#endif
#ifndef __inout_ecount_opt
#define __inout_ecount_opt(...)
#endif
#ifndef __out_bcount_part_opt
#define __out_bcount_part_opt(...)
#endif
#ifndef __out_ecount_part_opt
#define __out_ecount_part_opt(...)
#endif
#ifndef __deref_out_bcount
#define __deref_out_bcount(...)
#endif
#ifndef __deref_out_bcount_opt
#define __deref_out_bcount_opt(...)
#endif
#ifndef __deref_out_ecount_opt
#define __deref_out_ecount_opt(...)
#endif
#ifndef __field_bcount
#define __field_bcount(...)
#endif
#ifndef __field_bcount_opt
#define __field_bcount_opt(...)
#endif
#ifndef __field_ecount
#define __field_ecount(...)
#endif
#ifndef __field_ecount_opt
#define __field_ecount_opt(...)
#endif
#ifndef __field_bcount_part
#define __field_bcount_part(...)
#endif
#ifndef __field_ecount_part
#define __field_ecount_part(...)
#endif
#ifndef __field_range
#define __field_range(...)
#endif
#ifndef __in_range
#define __in_range(...)
#endif
#ifndef __out_range
#define __out_range(...)
#endif
#ifndef __in_xcount
#define __in_xcount(...)
#endif
#ifndef __out_xcount
#define __out_xcount(...)
#endif
#ifndef __control_entrypoint
#define __control_entrypoint(...)
#endif
#ifndef __typefix
#define __typefix(...)
#endif
#ifndef __inexpressible_readableTo
#define __inexpressible_readableTo(...)
#endif
#ifndef __inexpressible_writableTo
#define __inexpressible_writableTo(...)
#endif
/* SAL 2 primitives and older _Pre_/_Post_/_Deref_ forms. */
#ifndef _Pre_maybenull_
#define _Pre_maybenull_
#endif
#ifndef _Post_maybenull_
#define _Post_maybenull_
#endif
#ifndef _Pre_null_
#define _Pre_null_
#endif
#ifndef _Post_null_
#define _Post_null_
#endif
#ifndef _Post_notnull_
#define _Post_notnull_
#endif
#ifndef _Pre_z_
#define _Pre_z_
#endif
#ifndef _Post_z_
#define _Post_z_
#endif
#ifndef _Post_maybez_
#define _Post_maybez_
#endif
#ifndef _Pre_readonly_
#define _Pre_readonly_
#endif
#ifndef _Notvalid_
#define _Notvalid_
#endif
#ifndef _Pre_notvalid_
#define _Pre_notvalid_
#endif
#ifndef _Post_notvalid_
#define _Post_notvalid_
#endif
#ifndef _Post_ptr_invalid_
#define _Post_ptr_invalid_
#endif
#ifndef _Deref_pre_null_
#define _Deref_pre_null_
#endif
#ifndef _Deref_pre_notnull_
#define _Deref_pre_notnull_
#endif
#ifndef _Deref_pre_maybenull_
#define _Deref_pre_maybenull_
#endif
#ifndef _Deref_post_null_
#define _Deref_post_null_
#endif
#ifndef _Deref_post_notnull_
#define _Deref_post_notnull_
#endif
#ifndef _Deref_post_maybenull_
#define _Deref_post_maybenull_
#endif
#ifndef _Deref_post_z_
#define _Deref_post_z_
#endif
#ifndef _Deref_post_valid_
#define _Deref_post_valid_
#endif
#ifndef _Deref_out_z_
#define _Deref_out_z_
#endif
#ifndef _Deref_inout_z_
#define _Deref_inout_z_
#endif
#ifndef _Deref_ret_z_
#define _Deref_ret_z_
#endif
#ifndef _Ret_opt_valid_
#define _Ret_opt_valid_
#endif
#ifndef _Pre_cap_
#define _Pre_cap_(...)
#endif
#ifndef _Pre_bytecap_
#define _Pre_bytecap_(...)
#endif
#ifndef _Pre_count_
#define _Pre_count_(...)
#endif
#ifndef _Pre_bytecount_
#define _Pre_bytecount_(...)
#endif
#ifndef _Pre_opt_cap_
#define _Pre_opt_cap_(...)
#endif
#ifndef _Pre_opt_bytecap_
#define _Pre_opt_bytecap_(...)
#endif
#ifndef _Pre_opt_count_
#define _Pre_opt_count_(...)
#endif
#ifndef _Post_cap_
#define _Post_cap_(...)
#endif
#ifndef _Post_bytecap_
#define _Post_bytecap_(...)
#endif
#ifndef _Post_count_
#define _Post_count_(...)
#endif
#ifndef _Post_bytecount_
#define _Post_bytecount_(...)
#endif
#ifndef _Satisfies_
#define _Satisfies_(...)
#endif
#ifndef _In_defensive_
#define _In_defensive_(...)
#endif
#ifndef _Out_defensive_
#define _Out_defensive_(...)
#endif
#ifndef _Inout_defensive_
#define _Inout_defensive_(...)
#endif
#ifndef _IRQL_limited_to_
#define _IRQL_limited_to_(...)
#endif
/* Legacy driverspecs.h __drv_* lock, IRQL and type annotations. */
#ifndef __drv_acquiresCancelSpinLock
#define __drv_acquiresCancelSpinLock
#endif
#ifndef __drv_releasesCancelSpinLock
#define __drv_releasesCancelSpinLock
#endif
#ifndef __drv_mustHoldCancelSpinLock
#define __drv_mustHoldCancelSpinLock
#endif
#ifndef __drv_neverHoldCancelSpinLock
#define __drv_neverHoldCancelSpinLock
#endif
#ifndef __drv_acquiresCriticalRegion
#define __drv_acquiresCriticalRegion
#endif
#ifndef __drv_releasesCriticalRegion
#define __drv_releasesCriticalRegion
#endif
#ifndef __drv_mustHoldCriticalRegion
#define __drv_mustHoldCriticalRegion
#endif
#ifndef __drv_neverHoldCriticalRegion
#define __drv_neverHoldCriticalRegion
#endif
#ifndef __drv_floatSaved
#define __drv_floatSaved
#endif
#ifndef __drv_floatRestored
#define __drv_floatRestored
#endif
#ifndef __drv_isCancelIRQL
#define __drv_isCancelIRQL
#endif
#ifndef __drv_interlocked
#define __drv_interlocked
#endif
#ifndef __drv_notInTry
#define __drv_notInTry
#endif
#ifndef __drv_constant
#define __drv_constant
#endif
#ifndef __drv_acquiresExclusiveResource
#define __drv_acquiresExclusiveResource(...)
#endif
#ifndef __drv_releasesExclusiveResource
#define __drv_releasesExclusiveResource(...)
#endif
#ifndef __drv_acquiresResourceGlobal
#define __drv_acquiresResourceGlobal(...)
#endif
#ifndef __drv_releasesResourceGlobal
#define __drv_releasesResourceGlobal(...)
#endif
#ifndef __drv_acquiresExclusiveResourceGlobal
#define __drv_acquiresExclusiveResourceGlobal(...)
#endif
#ifndef __drv_releasesExclusiveResourceGlobal
#define __drv_releasesExclusiveResourceGlobal(...)
#endif
#ifndef __drv_mustHoldGlobal
#define __drv_mustHoldGlobal(...)
#endif
#ifndef __drv_neverHoldGlobal
#define __drv_neverHoldGlobal(...)
#endif
#ifndef __drv_innerMustHold
#define __drv_innerMustHold(...)
#endif
#ifndef __drv_innerNeverHold
#define __drv_innerNeverHold(...)
#endif
#ifndef __drv_maxFunctionIRQL
#define __drv_maxFunctionIRQL(...)
#endif
#ifndef __drv_minFunctionIRQL
#define __drv_minFunctionIRQL(...)
#endif
#ifndef __drv_strictType
#define __drv_strictType(...)
#endif
#ifndef __drv_completionType
#define __drv_completionType(...)
#endif

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
