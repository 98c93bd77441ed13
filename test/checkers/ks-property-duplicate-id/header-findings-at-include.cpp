// KsHeaderFindingsAtInclude (a global option; kstidy-clangd sets it, since
// an editor shows the open file's diagnostics only): a finding in a header
// the main file includes is also pointed at from the main file's #include,
// once per check and #include, through headers that include others.
// RUN: %check_ks ks-property-duplicate-id %s --kstidy-prefixes=KSTIDY --config="{CheckOptions: {KsHeaderFindingsAtInclude: true}}" -- -I%S/Inputs
// Without the option only the header's finding (kstidy reports headers;
// stock clang-tidy, main file only as check_ks.py runs it, does not).
// RUN: %check_ks ks-property-duplicate-id %s --prefixes=OFF --kstidy-prefixes=KSTIDY -- -I%S/Inputs
#include <ntddk.h>
#include <ks.h>

// KSTIDY: mixer-items.h:8:5: warning: property 1 (entry 1 of 'MixerItems') repeats the id of entry 0
#include "nested-items.h"
// CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 1 finding of this check in the header 'mixer-items.h' included here (line 8); open it to see it [ks-property-duplicate-id]
// CHECK-MESSAGES: mixer-items.h:8:5: note: first finding in 'mixer-items.h'
// OFF-NOT: included here
#include "clean-items.h"

// A finding in the main file is reported where it is, and nowhere else.
static const KSPROPERTY_ITEM LocalItems[] = {
    {3, {GetVolume}, sizeof(KSPROPERTY), sizeof(LONG), {NULL}, NULL, 0, NULL, NULL, 0},
    {3, {GetVolume}, sizeof(KSPROPERTY), sizeof(LONG), {NULL}, NULL, 0, NULL, NULL, 0},
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: property 3 (entry 1 of 'LocalItems') repeats the id of entry 0
    // OFF: :[[@LINE-2]]:5: warning: property 3 (entry 1 of 'LocalItems') repeats the id of entry 0
};
