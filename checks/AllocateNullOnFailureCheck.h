//===- AllocateNullOnFailureCheck.h - ks-allocate-null-on-failure ---===//
//
// Allocate returns the frame, or NULL when the allocation fails
// (PFNKSDEFAULTALLOCATE), and allocates what the pin's framing asks for.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_ALLOCATE_NULL_ON_FAILURECHECK_H
#define KSTIDY_CHECKS_ALLOCATE_NULL_ON_FAILURECHECK_H

#include "KsModelCheck.h"

namespace ks {

class AllocateNullOnFailureCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
