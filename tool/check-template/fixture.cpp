// @NAME@: @TITLE@.
// RUN: not %kstidy --checks='-*,@NAME@' %s -- | FileCheck %s --check-prefix=CHECK-MESSAGES --implicit-check-not='warning:'
// RUN: %clang_tidy --load=%kstidy_plugin --checks='-*,@NAME@' %s -- %wdk_flags | FileCheck %s --check-prefix=CHECK-MESSAGES --implicit-check-not='warning:'
#include <wdm.h>
#include <ks.h>

// A table the rule reports: write it, then the finding under it.
// CHECK-MESSAGES: :[[@LINE+1]]:1: warning: {{.*}} [@NAME@]

// The same table without the defect, and the shapes the rule leaves alone:
// no CHECK line, so any finding here fails the test.
