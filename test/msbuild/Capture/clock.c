/* kstidy fixture: a C source of the capture project (LanguageStandard_C). */
#include "KsDemoTables.h"

#if __STDC_VERSION__ != 201112L
#error "LanguageStandard_C stdc11 not applied"
#endif

ULONG KsDemoClockResolution(void) { return 10000; }
