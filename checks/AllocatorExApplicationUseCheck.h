//===- AllocatorExApplicationUseCheck.h - ks-allocator-ex-application-use --===//
//
// "The IKsAllocatorEx interface is for proxy use and not recommended for
// application use" (ksproxy.h documentation). Proxy code is named by the
// option ProxyFiles: globs, separated by ';', matched against file paths.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_ALLOCATOREXAPPLICATIONUSECHECK_H
#define KSTIDY_CHECKS_ALLOCATOREXAPPLICATIONUSECHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/Support/GlobPattern.h"

#include <set>

namespace ks {

class AllocatorExApplicationUseCheck : public clang::tidy::ClangTidyCheck {
public:
  AllocatorExApplicationUseCheck(llvm::StringRef Name,
                                 clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  bool isProxyFile(llvm::StringRef Path) const;

  const std::string ProxyFiles;
  std::vector<llvm::GlobPattern> ProxyGlobs;
  /// One finding per line is enough.
  std::set<std::pair<clang::FileID, unsigned>> Reported;
};

} // namespace ks

#endif
