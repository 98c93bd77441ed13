/*
 * Part of kstidy's kstidy-wdk-compat.h stand-in, included from it at this point;
 * not meant to be included on its own.
 */

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
