//===- KsTidyModule.cpp - the "ks" clang-tidy module -----------------------===//
//
// One registration point for every ks-* check; linked into the KsTidy plugin,
// the kstidy CLI and kstidy-clangd alike.
//
//===----------------------------------------------------------------------===//
#include "AllocateNullOnFailureCheck.h"
#include "AllocatorContextCheck.h"
#include "AllocatorDispatchCallbacksCheck.h"
#include "AllocatorExApplicationUseCheck.h"
#include "AllocatorUserModeFramesCheck.h"
#include "PageSizeBufferCheck.h"
#include "PropertyDuplicateIdCheck.h"
#include "PropertyItemSizeCheck.h"
#include "PropertyMinSizeCheck.h"
#include "PropertyMissingHandlerCheck.h"
#include "PropertySetCountCheck.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace ks {

class KsTidyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(
      clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<AllocateNullOnFailureCheck>(
        "ks-allocate-null-on-failure");
    Factories.registerCheck<AllocatorContextCheck>("ks-allocator-context");
    Factories.registerCheck<AllocatorDispatchCallbacksCheck>(
        "ks-allocator-dispatch-callbacks");
    Factories.registerCheck<AllocatorExApplicationUseCheck>(
        "ks-allocator-ex-application-use");
    Factories.registerCheck<AllocatorUserModeFramesCheck>(
        "ks-allocator-user-mode-frames");
    Factories.registerCheck<PageSizeBufferCheck>("ks-page-size-buffer");
    Factories.registerCheck<PropertyDuplicateIdCheck>(
        "ks-property-duplicate-id");
    Factories.registerCheck<PropertyItemSizeCheck>("ks-property-item-size");
    Factories.registerCheck<PropertyMinSizeCheck>("ks-property-min-size");
    Factories.registerCheck<PropertyMissingHandlerCheck>(
        "ks-property-missing-handler");
    Factories.registerCheck<PropertySetCountCheck>("ks-property-set-count");
  }
};

} // namespace ks

static clang::tidy::ClangTidyModuleRegistry::Add<ks::KsTidyModule>
    KsModuleRegistration("ks-module",
                         "Checks for Windows Kernel Streaming driver tables.");

// Referenced by the executables so a static link keeps this object.
volatile int KsTidyModuleAnchorSource = 0;
