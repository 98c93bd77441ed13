//===- PinInstanceCountCheck.h - ks-pin-instance-count --------------------===//
//
// A pin descriptor states how many instances of the pin the filter needs
// before it can perform I/O (KSPIN_DESCRIPTOR_EX InstancesNecessary,
// PCPIN_DESCRIPTOR MinFilterInstanceCount) and how many the factory can
// create (InstancesPossible; MaxFilterInstanceCount and
// MaxGlobalInstanceCount). KS answers KSPROPERTY_PIN_NECESSARYINSTANCES and
// KSPROPERTY_PIN_CINSTANCES / _GLOBALCINSTANCES from them; when the first
// exceeds the second no graph can give the filter the pins it needs
// (docs/sources.md: KSPIN_DESCRIPTOR_EX, PCPIN_DESCRIPTOR,
// KSPROPERTY_PIN_NECESSARYINSTANCES, KSPIN_CINSTANCES). ULONG(-1) is no
// limit.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_PININSTANCECOUNTCHECK_H
#define KSTIDY_CHECKS_PININSTANCECOUNTCHECK_H

#include "KsModelCheck.h"

namespace ks {

/// ks-pin-instance-count; docs/checks/ks-pin-instance-count.md.
class PinInstanceCountCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
