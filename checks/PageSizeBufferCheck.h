//===- PageSizeBufferCheck.h - ks-page-size-buffer -------------------------===//
//
// IWMSBufferAllocator::AllocateBuffer gives a buffer with no alignment
// promise; AllocatePageSizeBuffer "initializes a buffer that can be used to
// perform page-aligned reads" (seeds). A buffer for an unbuffered read (a
// FILE_FLAG_NO_BUFFERING handle) or one the code asserts is page aligned
// must come from AllocatePageSizeBuffer.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_PAGESIZEBUFFERCHECK_H
#define KSTIDY_CHECKS_PAGESIZEBUFFERCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace ks {

class PageSizeBufferCheck : public clang::tidy::ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
};

} // namespace ks

#endif
