// @NAME@: @TITLE@.
// RUN: %check_ks @NAME@ %s
#include <wdm.h>
#include <ks.h>

// A table the rule reports: write it, then the finding under it.
// CHECK-MESSAGES: :[[@LINE+1]]:1: warning: {{.*}} [@NAME@]

// The same table without the defect, and the shapes the rule leaves alone:
// no CHECK line, so any finding here fails the test.
