//===- PropertyDuplicateIdCheck.h - ks-property-duplicate-id
//---------------===//
//
// The KS runtime looks a request up linearly: the set by GUID, then the item
// by id, and the first match wins. A second item with the same id (or a
// second set with the same GUID) is dead: its handlers never run.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_PROPERTYDUPLICATEIDCHECK_H
#define KSTIDY_CHECKS_PROPERTYDUPLICATEIDCHECK_H

#include "KsModelCheck.h"

namespace ks {

class PropertyDuplicateIdCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
