//===- AllocatorExApplicationUseCheck.h - ks-allocator-ex-application-use
//--===//
//
// "The IKsAllocatorEx interface is for proxy use and not recommended for
// application use" (ksproxy.h documentation). Proxy code is named by the
// option ProxyFiles: globs, separated by ';', matched against file paths.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_ALLOCATOREXAPPLICATIONUSECHECK_H
#define KSTIDY_CHECKS_ALLOCATOREXAPPLICATIONUSECHECK_H

#include "KsModelCheck.h"
#include "llvm/Support/GlobPattern.h"

namespace ks {

class AllocatorExApplicationUseCheck : public KsModelCheck {
public:
  AllocatorExApplicationUseCheck(llvm::StringRef Name,
                                 clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
  bool isProxyFile(llvm::StringRef Path) const;

  const std::string ProxyFiles;
  std::vector<llvm::GlobPattern> ProxyGlobs;
};

} // namespace ks

#endif
