@BANNER@
//
// @TITLE@.
// (Say here, in two or three sentences, the rule this check states and the
// runtime behaviour behind it, citing docs/sources.md.)
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_@GUARD@_H
#define KSTIDY_CHECKS_@GUARD@_H

#include "KsModelCheck.h"

namespace ks {

/// @NAME@; docs/checks/@NAME@.md.
class @CLASS@ : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model,
                  clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
