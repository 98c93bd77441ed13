//===- DescriptorCountCheck.cpp - ks-descriptor-count ---------------------===//
#include "DescriptorCountCheck.h"

#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

std::string plural(uint64_t N, llvm::StringRef Word) {
  std::string Out = std::to_string(N) + " ";
  if (N != 1 && Word.consume_back("y"))
    return Out + Word.str() + "ies";
  return Out + Word.str() + (N == 1 ? "" : "s");
}

} // namespace

void DescriptorCountCheck::judge(const CountedArray &A, llvm::StringRef Owner,
                                 llvm::StringRef EntryWord,
                                 SourceLocation Fallback) {
  if (A.Unresolved || !A.Count.Value || A.Count.Unresolved)
    return;
  const uint64_t N = *A.Count.Value;
  SourceLocation Where = A.Count.Expr ? at(A.Count.Expr) : Fallback;
  if (A.Null) {
    if (N != 0)
      diag(Where, "%0 of %1 is %2, but %3 is NULL: the runtime reads %4 from "
                  "address 0")
          << A.CountField << Owner << static_cast<unsigned>(N) << A.ArrayField
          << plural(N, EntryWord);
    return;
  }
  if (!A.Array || !A.Length || *A.Length == N)
    return;
  const uint64_t Entries = *A.Length;
  std::string Consequence =
      N > Entries
          ? llvm::formatv("the runtime reads {0} past its end",
                          plural(N - Entries, EntryWord))
                .str()
          : llvm::formatv("the runtime never sees the last {0}",
                          N + 1 == Entries ? EntryWord.str()
                                           : plural(Entries - N, EntryWord))
                .str();
  auto D = diag(Where, "%0 of %1 is %2, but '%3' has %4: %5")
           << A.CountField << Owner << static_cast<unsigned>(N)
           << A.Array->getName() << plural(Entries, EntryWord) << Consequence;
  // Only a literal is certainly meant as "the number of entries".
  std::optional<CharSourceRange> Range = rewritableRange(A.Count.Expr);
  if (Range && isa<IntegerLiteral>(A.Count.Expr->IgnoreParenImpCasts()) &&
      A.Array->getType()->isArrayType()) {
    std::string Name = A.Array->getName().str();
    std::string Fix = PP && PP->isMacroDefined("SIZEOF_ARRAY")
                          ? "SIZEOF_ARRAY(" + Name + ")"
                          : "sizeof(" + Name + ") / sizeof(" + Name + "[0])";
    D << FixItHint::CreateReplacement(*Range, Fix);
  }
}

void DescriptorCountCheck::checkModel(const KsModel &Model, ASTContext &Ctx) {
  for (const FilterDescriptor &F : Model.Filters) {
    std::string Owner = KsModel::describeFilter(F);
    SourceLocation Fallback =
        at(F.Init ? F.Init->getBeginLoc() : F.Var->getLocation());
    judge(F.Pins, Owner, "pin descriptor", Fallback);
    judge(F.Nodes, Owner, "node descriptor", Fallback);
    judge(F.Connections, Owner, "connection", Fallback);
    judge(F.Categories, Owner, "category", Fallback);
  }
  for (const PinTable &T : Model.PinTables)
    for (const DescriptorPin &P : T.Pins) {
      std::string Owner = KsModel::describePin(P);
      SourceLocation Fallback =
          at(P.Init ? P.Init->getBeginLoc() : T.Var->getLocation());
      judge(P.Interfaces, Owner, "interface", Fallback);
      judge(P.Mediums, Owner, "medium", Fallback);
      judge(P.DataRanges, Owner, "data range", Fallback);
    }
  // KSALLOCATOR_FRAMING_EX: CountItems items are read from FramingItem. A
  // count of 0 leaves the framing unread; what AVStream then assumes is not
  // documented, so it is not judged.
  for (const Framing &F : Model.Framings)
    if (F.Ex && F.Items.Count.Value && *F.Items.Count.Value != 0)
      judge(F.Items,
            "allocator framing '" + F.Var->getQualifiedNameAsString() + "'",
            "framing item", at(F.Var->getLocation()));
}

} // namespace ks
