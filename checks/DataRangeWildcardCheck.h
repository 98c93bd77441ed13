//===- DataRangeWildcardCheck.h - ks-data-range-wildcard ------------------===//
//
// A KSDATARANGE whose MajorFormat is KSDATAFORMAT_TYPE_WILDCARD matches
// every major format, and KSDATARANGE requires its SubFormat and Specifier
// to be wildcards as well. KS matches a client's range against a pin's
// member by member (KsPinDataIntersection), so a range with a wildcard
// major format but a specific subformat or specifier hands the pin's
// intersect handler client ranges of any major format that share them
// (docs/sources.md: KSDATARANGE, KsPinDataIntersection).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_DATARANGEWILDCARDCHECK_H
#define KSTIDY_CHECKS_DATARANGEWILDCARDCHECK_H

#include "KsModelCheck.h"

namespace ks {

/// ks-data-range-wildcard; docs/checks/ks-data-range-wildcard.md.
class DataRangeWildcardCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
