//===- DataRangeSizeCheck.cpp - ks-data-range-size ------------------------===//
#include "DataRangeSizeCheck.h"

using namespace clang;
using namespace ks::model;

namespace ks {

void DataRangeSizeCheck::checkModel(const KsModel &Model, ASTContext &Ctx) {
  const std::optional<uint64_t> HeadSize = namedTypeSize(Ctx, "KSDATARANGE");
  for (const DataRange &R : Model.DataRanges) {
    const TableValue &F = R.FormatSize;
    // An omitted or zero FormatSize is a range filled in at run time
    // (`KSDATARANGE_AUDIO R = {0};`), not one the runtime reads as written.
    if (!F.Expr || !F.Value || F.Unresolved || *F.Value == 0 || !R.TypeSize)
      continue;
    const uint64_t Size = *F.Value, Object = *R.TypeSize;
    std::string Name = R.Var->getQualifiedNameAsString();
    if (R.Index >= 0)
      Name += "[" + std::to_string(R.Index) + "]";
    std::string Type = typeName(R.Type, Ctx);
    if (Size > Object) {
      auto D =
          diag(at(F.Expr), "FormatSize of data range '%0' is %1, but it "
                           "is a %2 of %3 bytes: KS copies FormatSize "
                           "bytes of it into the KSPROPERTY_PIN_DATARANGES "
                           "answer, %4 bytes past its end")
          << Name << static_cast<unsigned>(Size) << Type
          << static_cast<unsigned>(Object)
          << static_cast<unsigned>(Size - Object);
      if (std::optional<CharSourceRange> Range = rewritableRange(F.Expr))
        D << FixItHint::CreateReplacement(*Range, "sizeof(" + Type + ")");
      continue;
    }
    // A driver's own struct may carry private fields after the range it
    // reports; a range of the headers is the whole structure.
    const bool Short =
        R.KnownType ? Size < Object : (HeadSize && Size < *HeadSize);
    if (!Short)
      continue;
    auto D = diag(at(F.Expr), "FormatSize of data range '%0' is %1, but it is "
                              "a %2 of %3 bytes: the KSPROPERTY_PIN_DATARANGES "
                              "answer and data intersection see only the "
                              "first %1 bytes of it")
             << Name << static_cast<unsigned>(Size) << Type
             << static_cast<unsigned>(Object);
    if (R.KnownType)
      if (std::optional<CharSourceRange> Range = rewritableRange(F.Expr))
        D << FixItHint::CreateReplacement(*Range, "sizeof(" + Type + ")");
  }
}

} // namespace ks
