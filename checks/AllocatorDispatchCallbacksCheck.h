//===- AllocatorDispatchCallbacksCheck.h - ks-allocator-dispatch-callbacks
//---===//
//
// A KSALLOCATOR_DISPATCH must provide all four callbacks, each with the
// signature of its PFN type: AVStream calls them all, through those types.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_ALLOCATOR_DISPATCH_CALLBACKSCHECK_H
#define KSTIDY_CHECKS_ALLOCATOR_DISPATCH_CALLBACKSCHECK_H

#include "KsModelCheck.h"

namespace ks {

class AllocatorDispatchCallbacksCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
