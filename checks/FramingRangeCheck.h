//===- FramingRangeCheck.h - ks-framing-range -----------------------------===//
//
// Each framing item of a KSALLOCATOR_FRAMING_EX carries two KS_FRAMING_RANGE
// members (PhysicalRange and FramingRange.Range): the frame sizes allowed,
// MinFrameSize and then steps of Stepping up to MaxFrameSize. A MinFrameSize
// above MaxFrameSize allows no size at all; a Stepping wider than
// MaxFrameSize - MinFrameSize is documented to give unpredictable behaviour
// (docs/sources.md: KS_FRAMING_RANGE, KSALLOCATOR_FRAMING_EX).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_FRAMINGRANGECHECK_H
#define KSTIDY_CHECKS_FRAMINGRANGECHECK_H

#include "KsModelCheck.h"

namespace ks {

/// ks-framing-range; docs/checks/ks-framing-range.md.
class FramingRangeCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
