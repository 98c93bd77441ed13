/* Stand-in for the kit's kernel-mode CRT stddef.h (km/crt), for kstidy's
   tests: it comes before clang's own stddef.h. */
#pragma once
#define KSTIDY_TEST_KIT_CRT 1
typedef unsigned __int64 size_t;
#ifndef NULL
#define NULL 0
#endif
