//===- FramingRangeCheck.cpp - ks-framing-range ---------------------------===//
#include "FramingRangeCheck.h"

using namespace clang;
using namespace ks::model;

namespace ks {

void FramingRangeCheck::checkModel(const KsModel &Model, ASTContext &) {
  for (const Framing &F : Model.Framings)
    for (const Framing::Range &R : F.Ranges) {
      if (R.MinFrameSize.unknown() || R.MaxFrameSize.unknown() ||
          !R.MinFrameSize.Value || !R.MaxFrameSize.Value)
        continue;
      const uint64_t Min = *R.MinFrameSize.Value, Max = *R.MaxFrameSize.Value;
      const std::string Where = "framing item " + std::to_string(R.Item) +
                                " of '" + F.Var->getQualifiedNameAsString() +
                                "'";
      if (Min > Max) {
        const Expr *At = R.MinFrameSize.Expr ? R.MinFrameSize.Expr : R.Init;
        diag(at(At), "%0 of %1 allows no frame size: MinFrameSize %2 is above "
                     "MaxFrameSize %3, so no frame an allocator can "
                     "give meets it")
            << R.Member << Where << static_cast<unsigned>(Min)
            << static_cast<unsigned>(Max);
        continue;
      }
      // A single size (MinFrameSize == MaxFrameSize) has no step to take:
      // DECLARE_SIMPLE_FRAMING_EX writes Stepping 1 there.
      if (Min == Max || R.Stepping.unknown() || !R.Stepping.Value)
        continue;
      const uint64_t Step = *R.Stepping.Value;
      if (Step <= Max - Min)
        continue;
      const Expr *At = R.Stepping.Expr ? R.Stepping.Expr : R.Init;
      diag(at(At), "Stepping %0 of %1 in %2 is wider than the range (%3 to "
                   "%4): only MinFrameSize is a legal size, and "
                   "KS_FRAMING_RANGE documents such a step as unpredictable")
          << static_cast<unsigned>(Step) << R.Member << Where
          << static_cast<unsigned>(Min) << static_cast<unsigned>(Max);
    }
}

} // namespace ks
