//===- AllocatorContextCheck.h - ks-allocator-context ---===//
//
// InitializeAllocator must set *Context on success and return the error it got
// otherwise; the context must lead to the pin or its framing, and the other
// callbacks must read it as the type that was stored.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_ALLOCATOR_CONTEXTCHECK_H
#define KSTIDY_CHECKS_ALLOCATOR_CONTEXTCHECK_H

#include "KsModelCheck.h"

namespace ks {

class AllocatorContextCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
