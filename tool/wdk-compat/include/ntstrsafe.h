/*
 * kstidy WDK-profile overlay for <ntstrsafe.h>.
 *
 * mingw-w64 10's ntstrsafe.h has the RtlString* (buffer) functions but not
 * the UNICODE_STRING ones. After the real header this declares the
 * RtlUnicodeString* functions documented in the ntstrsafe.h reference on
 * learn.microsoft.com (init, copy, cat, printf, validate and their
 * counted/extended forms). They are real declarations, not macros, so calls
 * keep their names in the AST. Skipped when the driver defines
 * NTSTRSAFE_NO_UNICODE_STRING_FUNCTIONS, as with the WDK header.
 */
#include_next <ntstrsafe.h>

#if !defined(KSTIDY_WDK_NTSTRSAFE_DECLS) && \
    !defined(NTSTRSAFE_NO_UNICODE_STRING_FUNCTIONS) && \
    (defined(_WDMDDK_) || defined(_NTDEF_))
#define KSTIDY_WDK_NTSTRSAFE_DECLS

#ifdef __cplusplus
extern "C" {
#endif

/* Largest Length/MaximumLength in characters (bytes fit in a USHORT). */
#ifndef NTSTRSAFE_UNICODE_STRING_MAX_CCH
#define NTSTRSAFE_UNICODE_STRING_MAX_CCH 32767
#endif

NTSTATUS NTAPI RtlUnicodeStringInit(PUNICODE_STRING DestinationString,
                                    NTSTRSAFE_PCWSTR pszSrc);
NTSTATUS NTAPI RtlUnicodeStringInitEx(PUNICODE_STRING DestinationString,
                                      NTSTRSAFE_PCWSTR pszSrc, ULONG dwFlags);
NTSTATUS NTAPI RtlUnicodeStringValidate(PCUNICODE_STRING SourceString);
NTSTATUS NTAPI RtlUnicodeStringValidateEx(PCUNICODE_STRING SourceString,
                                          ULONG dwFlags);
NTSTATUS NTAPI RtlUnicodeStringCopy(PUNICODE_STRING DestinationString,
                                    PCUNICODE_STRING SourceString);
NTSTATUS NTAPI RtlUnicodeStringCopyString(PUNICODE_STRING DestinationString,
                                          NTSTRSAFE_PCWSTR pszSrc);
NTSTATUS NTAPI RtlUnicodeStringCopyEx(PUNICODE_STRING DestinationString,
                                      PCUNICODE_STRING SourceString,
                                      PUNICODE_STRING RemainingString,
                                      ULONG dwFlags);
NTSTATUS NTAPI RtlUnicodeStringCopyStringEx(PUNICODE_STRING DestinationString,
                                            NTSTRSAFE_PCWSTR pszSrc,
                                            PUNICODE_STRING RemainingString,
                                            ULONG dwFlags);
NTSTATUS NTAPI RtlUnicodeStringCchCopyN(PUNICODE_STRING DestinationString,
                                        PCUNICODE_STRING SourceString,
                                        size_t cchToCopy);
NTSTATUS NTAPI RtlUnicodeStringCbCopyN(PUNICODE_STRING DestinationString,
                                       PCUNICODE_STRING SourceString,
                                       size_t cbToCopy);
NTSTATUS NTAPI RtlUnicodeStringCchCopyStringN(PUNICODE_STRING DestinationString,
                                              NTSTRSAFE_PCWSTR pszSrc,
                                              size_t cchToCopy);
NTSTATUS NTAPI RtlUnicodeStringCbCopyStringN(PUNICODE_STRING DestinationString,
                                             NTSTRSAFE_PCWSTR pszSrc,
                                             size_t cbToCopy);
NTSTATUS NTAPI RtlUnicodeStringCat(PUNICODE_STRING DestinationString,
                                   PCUNICODE_STRING SourceString);
NTSTATUS NTAPI RtlUnicodeStringCatString(PUNICODE_STRING DestinationString,
                                         NTSTRSAFE_PCWSTR pszSrc);
NTSTATUS NTAPI RtlUnicodeStringCatEx(PUNICODE_STRING DestinationString,
                                     PCUNICODE_STRING SourceString,
                                     PUNICODE_STRING RemainingString,
                                     ULONG dwFlags);
NTSTATUS NTAPI RtlUnicodeStringCatStringEx(PUNICODE_STRING DestinationString,
                                           NTSTRSAFE_PCWSTR pszSrc,
                                           PUNICODE_STRING RemainingString,
                                           ULONG dwFlags);
NTSTATUS NTAPI RtlUnicodeStringCchCatN(PUNICODE_STRING DestinationString,
                                       PCUNICODE_STRING SourceString,
                                       size_t cchToAppend);
NTSTATUS NTAPI RtlUnicodeStringCbCatN(PUNICODE_STRING DestinationString,
                                      PCUNICODE_STRING SourceString,
                                      size_t cbToAppend);
NTSTATUS NTAPI RtlUnicodeStringCchCatStringN(PUNICODE_STRING DestinationString,
                                             NTSTRSAFE_PCWSTR pszSrc,
                                             size_t cchToAppend);
NTSTATUS NTAPI RtlUnicodeStringCbCatStringN(PUNICODE_STRING DestinationString,
                                            NTSTRSAFE_PCWSTR pszSrc,
                                            size_t cbToAppend);
NTSTATUS __cdecl RtlUnicodeStringPrintf(PUNICODE_STRING DestinationString,
                                        NTSTRSAFE_PCWSTR pszFormat, ...);
NTSTATUS __cdecl RtlUnicodeStringPrintfEx(PUNICODE_STRING DestinationString,
                                          PUNICODE_STRING RemainingString,
                                          ULONG dwFlags,
                                          NTSTRSAFE_PCWSTR pszFormat, ...);
NTSTATUS NTAPI RtlUnicodeStringVPrintf(PUNICODE_STRING DestinationString,
                                       NTSTRSAFE_PCWSTR pszFormat,
                                       va_list argList);
NTSTATUS NTAPI RtlUnicodeStringVPrintfEx(PUNICODE_STRING DestinationString,
                                         PUNICODE_STRING RemainingString,
                                         ULONG dwFlags,
                                         NTSTRSAFE_PCWSTR pszFormat,
                                         va_list argList);

#ifdef __cplusplus
}
#endif

#endif /* !KSTIDY_WDK_NTSTRSAFE_DECLS */
