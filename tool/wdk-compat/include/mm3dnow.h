/*
 * kstidy WDK-profile overlay for <mm3dnow.h>.
 *
 * mingw-w64's intrin.h (pulled in by wdm.h) includes <mm3dnow.h>, and clang
 * 19's copy of that header emits a "#warning ... deprecated" on every
 * kernel-mode translation unit. Clang lets that one warning be switched off
 * with _CLANG_DISABLE_CRT_DEPRECATION_WARNINGS; define it only around this
 * include so that other clang headers keep their own warnings.
 */
#ifndef _CLANG_DISABLE_CRT_DEPRECATION_WARNINGS
#define _CLANG_DISABLE_CRT_DEPRECATION_WARNINGS
#define KSTIDY_WDK_UNDEF_CRT_DEPRECATION
#endif

#include_next <mm3dnow.h>

#ifdef KSTIDY_WDK_UNDEF_CRT_DEPRECATION
#undef KSTIDY_WDK_UNDEF_CRT_DEPRECATION
#undef _CLANG_DISABLE_CRT_DEPRECATION_WARNINGS
#endif
