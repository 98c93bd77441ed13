//===- AllocatorUserModeFramesCheck.h - ks-allocator-user-mode-frames ---===//
//
// Kernel-mode allocators cannot allocate frames that could eventually reach
// user mode (PFNKSPININITIALIZEALLOCATOR).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_ALLOCATOR_USER_MODE_FRAMESCHECK_H
#define KSTIDY_CHECKS_ALLOCATOR_USER_MODE_FRAMESCHECK_H

#include "KsModelCheck.h"

namespace ks {

class AllocatorUserModeFramesCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
