//===- DataRangeSizeCheck.h - ks-data-range-size --------------------------===//
//
// A data range says its own size in FormatSize. KS answers
// KSPROPERTY_PIN_DATARANGES by copying FormatSize bytes of each range of a
// pin, and data intersection reads a range's extension (KSDATARANGE_AUDIO's
// channels and rates, KS_DATARANGE_VIDEO's caps) only when FormatSize
// covers it. A FormatSize above the object's size copies memory past its
// end to the caller; one below cuts the extension off (docs/sources.md:
// KSDATARANGE, KSPROPERTY_PIN_DATARANGES).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_DATARANGESIZECHECK_H
#define KSTIDY_CHECKS_DATARANGESIZECHECK_H

#include "KsModelCheck.h"

namespace ks {

/// ks-data-range-size; docs/checks/ks-data-range-size.md.
class DataRangeSizeCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
