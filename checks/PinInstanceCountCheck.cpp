//===- PinInstanceCountCheck.cpp - ks-pin-instance-count ------------------===//
#include "PinInstanceCountCheck.h"

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

/// ULONG(-1), KSINSTANCE_INDETERMINATE: the factory has no limit.
constexpr uint64_t NoLimit = 0xffffffffu;

/// A limit the runtime enforces: known, and not "no limit".
std::optional<uint64_t> limit(const TableValue &V) {
  if (V.unknown() || !V.Value || *V.Value >= NoLimit)
    return std::nullopt;
  return V.Value;
}

} // namespace

void PinInstanceCountCheck::checkModel(const KsModel &Model, ASTContext &Ctx) {
  for (const PinTable &T : Model.PinTables)
    for (const DescriptorPin &P : T.Pins) {
      const bool Pc = P.Fw == Framework::PortCls;
      const TableValue &Need = Pc ? P.MinFilterInstances : P.InstancesNecessary;
      if (Need.unknown() || !Need.Value || *Need.Value == 0)
        continue;
      struct Bound {
        const TableValue *Value;
        const char *Field, *Scope, *Property;
      };
      const Bound Bounds[] = {
          {Pc ? &P.MaxFilterInstances : &P.InstancesPossible,
           Pc ? "MaxFilterInstanceCount" : "InstancesPossible", "per filter",
           "KSPROPERTY_PIN_CINSTANCES"},
          {Pc ? &P.MaxGlobalInstances : nullptr, "MaxGlobalInstanceCount",
           "in all filters together", "KSPROPERTY_PIN_GLOBALCINSTANCES"}};
      // The tighter of the limits that refuse the pins: the first creation
      // refused.
      const Bound *Tight = nullptr;
      std::optional<uint64_t> Max;
      for (const Bound &B : Bounds) {
        std::optional<uint64_t> L = B.Value ? limit(*B.Value) : std::nullopt;
        if (L && *Need.Value > *L && (!Max || *L < *Max)) {
          Tight = &B;
          Max = L;
        }
      }
      if (Tight) {
        const Bound &B = *Tight;
        diag(at(Need.Expr ? Need.Expr : P.Init),
             "%0 must have %1 %plural{1:instance|:instances}1 before its "
             "filter can perform I/O (%2), but its factory can create at most "
             "%3 %4 (%5): KSPROPERTY_PIN_NECESSARYINSTANCES exceeds %6, so no "
             "graph can give the filter the pins it needs")
            << KsModel::describePin(P) << static_cast<unsigned>(*Need.Value)
            << (Pc ? "MinFilterInstanceCount" : "InstancesNecessary")
            << static_cast<unsigned>(*Max) << B.Scope << B.Field << B.Property;
      }
    }
}

} // namespace ks
