//===- KsTidyModule.cpp - the "ks" clang-tidy module
//-----------------------===//
//
// One registration point for every ks-* check of the catalogue
// (KsChecks.def); linked into the KsTidy plugin, the kstidy CLI and
// kstidy-clangd alike. tool/add-check.py adds a new check's include here.
//
//===----------------------------------------------------------------------===//
#include "AllocateNullOnFailureCheck.h"
#include "AllocatorContextCheck.h"
#include "AllocatorDispatchCallbacksCheck.h"
#include "AllocatorExApplicationUseCheck.h"
#include "AllocatorUserModeFramesCheck.h"
#include "DataRangeSizeCheck.h"
#include "DataRangeWildcardCheck.h"
#include "DescriptorCountCheck.h"
#include "DescriptorSizeCheck.h"
#include "FramingRangeCheck.h"
#include "PageSizeBufferCheck.h"
#include "ParameterAllocatorCheck.h"
#include "PinInstanceCountCheck.h"
#include "PropertyDuplicateIdCheck.h"
#include "PropertyItemSizeCheck.h"
#include "PropertyMinSizeCheck.h"
#include "PropertyMissingHandlerCheck.h"
#include "PropertySetCountCheck.h"
#include "PropertyUserBufferCheck.h"
#include "TopologyConnectionCheck.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/Version.h"
// Clang 22 declares the registry in ClangTidyModule.h (this header is
// deprecated there).
#if CLANG_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace ks {

class KsTidyModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
#define KS_CHECK(Name, Class, Title, Summary)                                  \
  Factories.registerCheck<Class>(Name);
#include "KsChecks.def"
  }
};

} // namespace ks

static clang::tidy::ClangTidyModuleRegistry::Add<ks::KsTidyModule>
    KsModuleRegistration("ks-module",
                         "Checks for Windows Kernel Streaming driver tables.");
