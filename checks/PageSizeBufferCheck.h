//===- PageSizeBufferCheck.h - ks-page-size-buffer
//-------------------------===//
//
// IWMSBufferAllocator::AllocateBuffer gives a buffer with no alignment
// promise; AllocatePageSizeBuffer "initializes a buffer that can be used to
// perform page-aligned reads" (Microsoft, "IWMSBufferAllocator interface",
// docs/sources.md). A buffer for an unbuffered read (a
// FILE_FLAG_NO_BUFFERING handle) or one the code tests for page alignment
// must come from AllocatePageSizeBuffer.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_PAGESIZEBUFFERCHECK_H
#define KSTIDY_CHECKS_PAGESIZEBUFFERCHECK_H

#include "KsModelCheck.h"

namespace ks {

class PageSizeBufferCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
