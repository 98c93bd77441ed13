//===- DescriptorSizeCheck.cpp - ks-descriptor-size -----------------------===//
#include "DescriptorSizeCheck.h"

using namespace clang;
using namespace ks::model;

namespace ks {

void DescriptorSizeCheck::judge(const FilterDescriptor &F, const Stride &S,
                                const CountedArray &A,
                                llvm::StringRef EntryWord, ASTContext &Ctx) {
  // With fewer than two entries the runtime never steps: descriptor 0 is
  // read at offset 0 whatever the stride (`0, 0, NULL`,
  // DEFINE_KSFILTER_NODE_DESCRIPTORS_NULL, a filter of one pin).
  if (!S.Size.Value || S.Size.Unresolved || !A.Count.Value ||
      *A.Count.Value < 2 || A.Null || A.Unresolved)
    return;
  const uint64_t Size = *S.Size.Value;
  SourceLocation Where =
      S.Size.Expr ? at(S.Size.Expr)
                  : at(F.Init ? F.Init->getBeginLoc() : F.Var->getLocation());
  std::optional<uint64_t> Element =
      A.Array ? typeSize(Ctx, A.ElementType) : std::nullopt;
  if (Element && *Element != Size) {
    // The element must be (or start with) the base descriptor; anything
    // else is another defect this rule cannot size.
    if (S.BaseSize && *Element < *S.BaseSize)
      return;
    std::string Type = typeName(A.ElementType.getUnqualifiedType(), Ctx);
    auto D = diag(Where, "%0 of %1 is %2, but the elements of '%3' (%4) are "
                         "%5 bytes: the runtime reads %6 1 and after at "
                         "multiples of %2, not where they are")
             << S.Field << KsModel::describeFilter(F)
             << static_cast<unsigned>(Size) << A.Array->getName() << Type
             << static_cast<unsigned>(*Element) << EntryWord;
    // A literal or a sizeof of another type: sizeof the element is what
    // DEFINE_KSFILTER_PIN_DESCRIPTORS writes.
    const Expr *E = S.Size.Expr ? S.Size.Expr->IgnoreParenImpCasts() : nullptr;
    std::optional<CharSourceRange> Range = rewritableRange(S.Size.Expr);
    if (Range && (isa<IntegerLiteral>(E) || isa<UnaryExprOrTypeTraitExpr>(E)))
      D << FixItHint::CreateReplacement(*Range, "sizeof(" + Type + ")");
    return;
  }
  if (!Element && S.BaseSize && Size < *S.BaseSize)
    diag(Where, "%0 of %1 is %2, smaller than a %3 (%4 bytes): the runtime "
                "reads each %5 overlapping the next")
        << S.Field << KsModel::describeFilter(F) << static_cast<unsigned>(Size)
        << S.BaseType << static_cast<unsigned>(*S.BaseSize) << EntryWord;
}

void DescriptorSizeCheck::checkModel(const KsModel &Model, ASTContext &Ctx) {
  for (const FilterDescriptor &F : Model.Filters) {
    judge(F, F.PinStride, F.Pins, "pin descriptor", Ctx);
    judge(F, F.NodeStride, F.Nodes, "node descriptor", Ctx);
  }
}

} // namespace ks
