/*
 * kstidy WDK profile: intsafe.h wrapper.
 *
 * mingw-w64's intsafe.h is the user-mode header: it includes
 * <wtypesbase.h>, which drags windows.h-level declarations into kernel
 * code and fails there (PZZWSTR, SID, PTP_*, VARENUM redefinition, ...).
 * In kernel mode (wdm.h/ntddk.h/ntifs.h already read) this wrapper
 * instead includes the kernel ntintsafe.h (the Rtl* forms) and declares
 * the documented intsafe.h functions that return HRESULT
 * (S_OK / INTSAFE_E_ARITHMETIC_OVERFLOW; on overflow *pResult is set to
 * the type's *_ERROR value, all bits set). Bodies are kstidy's, built on
 * the compiler's overflow builtins. User mode gets the real header.
 * Reference: https://learn.microsoft.com/windows/win32/api/intsafe/
 */
#if (defined(_WDMDDK_) || defined(_NTDDK_) || defined(_NTIFS_)) && !defined(KSTIDY_WDK_USER_MODE_INTSAFE)

#ifndef _INTSAFE_H_INCLUDED_
#define _INTSAFE_H_INCLUDED_
#define KSTIDY_WDK_KERNEL_INTSAFE 1

#include <ntintsafe.h>

#ifndef S_OK
#define S_OK ((HRESULT)0L)
#endif
/* winerror.h's HRESULT tests (kernel code has no winerror.h). */
#ifndef SUCCEEDED
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#endif
#ifndef FAILED
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#endif
#ifndef INTSAFE_E_ARITHMETIC_OVERFLOW
#define INTSAFE_E_ARITHMETIC_OVERFLOW ((HRESULT)0x80070216L)
#endif

#define KSTIDY_INTSAFE_MATH(name, type, op)                                  \
    static __inline HRESULT name(type Augend, type Addend, type *pResult)   \
    {                                                                        \
        if (__builtin_##op##_overflow(Augend, Addend, pResult)) {            \
            *pResult = (type)-1;                                             \
            return INTSAFE_E_ARITHMETIC_OVERFLOW;                            \
        }                                                                    \
        return S_OK;                                                         \
    }
#define KSTIDY_INTSAFE_CONV(name, src, dst)                                  \
    static __inline HRESULT name(src Operand, dst *pResult)                  \
    {                                                                        \
        if (__builtin_add_overflow(Operand, (dst)0, pResult)) {              \
            *pResult = (dst)-1;                                              \
            return INTSAFE_E_ARITHMETIC_OVERFLOW;                            \
        }                                                                    \
        return S_OK;                                                         \
    }

/* Unsigned arithmetic. */
KSTIDY_INTSAFE_MATH(UShortAdd, USHORT, add)
KSTIDY_INTSAFE_MATH(UShortSub, USHORT, sub)
KSTIDY_INTSAFE_MATH(UShortMult, USHORT, mul)
KSTIDY_INTSAFE_MATH(UIntAdd, UINT, add)
KSTIDY_INTSAFE_MATH(UIntSub, UINT, sub)
KSTIDY_INTSAFE_MATH(UIntMult, UINT, mul)
KSTIDY_INTSAFE_MATH(ULongAdd, ULONG, add)
KSTIDY_INTSAFE_MATH(ULongSub, ULONG, sub)
KSTIDY_INTSAFE_MATH(ULongMult, ULONG, mul)
KSTIDY_INTSAFE_MATH(DWordAdd, DWORD, add)
KSTIDY_INTSAFE_MATH(DWordSub, DWORD, sub)
KSTIDY_INTSAFE_MATH(DWordMult, DWORD, mul)
KSTIDY_INTSAFE_MATH(ULongLongAdd, ULONGLONG, add)
KSTIDY_INTSAFE_MATH(ULongLongSub, ULONGLONG, sub)
KSTIDY_INTSAFE_MATH(ULongLongMult, ULONGLONG, mul)
KSTIDY_INTSAFE_MATH(SizeTAdd, size_t, add)
KSTIDY_INTSAFE_MATH(SizeTSub, size_t, sub)
KSTIDY_INTSAFE_MATH(SizeTMult, size_t, mul)
KSTIDY_INTSAFE_MATH(ULongPtrAdd, ULONG_PTR, add)
KSTIDY_INTSAFE_MATH(ULongPtrSub, ULONG_PTR, sub)
KSTIDY_INTSAFE_MATH(ULongPtrMult, ULONG_PTR, mul)

/* Conversions. */
KSTIDY_INTSAFE_CONV(LongToULong, LONG, ULONG)
KSTIDY_INTSAFE_CONV(LongToUInt, LONG, UINT)
KSTIDY_INTSAFE_CONV(LongToUShort, LONG, USHORT)
KSTIDY_INTSAFE_CONV(ULongToLong, ULONG, LONG)
KSTIDY_INTSAFE_CONV(ULongToUShort, ULONG, USHORT)
KSTIDY_INTSAFE_CONV(ULongToUChar, ULONG, UCHAR)
KSTIDY_INTSAFE_CONV(ULongLongToULong, ULONGLONG, ULONG)
KSTIDY_INTSAFE_CONV(ULongLongToLong, ULONGLONG, LONG)
KSTIDY_INTSAFE_CONV(ULongLongToUInt, ULONGLONG, UINT)
KSTIDY_INTSAFE_CONV(ULongLongToSizeT, ULONGLONG, size_t)
KSTIDY_INTSAFE_CONV(LongLongToULong, LONGLONG, ULONG)
KSTIDY_INTSAFE_CONV(LongLongToLong, LONGLONG, LONG)
KSTIDY_INTSAFE_CONV(LongLongToULongLong, LONGLONG, ULONGLONG)
KSTIDY_INTSAFE_CONV(SizeTToULong, size_t, ULONG)
KSTIDY_INTSAFE_CONV(SizeTToDWord, size_t, DWORD)
KSTIDY_INTSAFE_CONV(SizeTToUInt, size_t, UINT)
KSTIDY_INTSAFE_CONV(IntToUInt, INT, UINT)
KSTIDY_INTSAFE_CONV(UIntToInt, UINT, INT)

#undef KSTIDY_INTSAFE_MATH
#undef KSTIDY_INTSAFE_CONV
#endif /* _INTSAFE_H_INCLUDED_ */

#else
#include_next <intsafe.h>
#endif
