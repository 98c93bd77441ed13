//===- DescriptorCountCheck.cpp - ks-descriptor-count ---------------------===//
#include "DescriptorCountCheck.h"
#include "PropertyMinSizeCheck.h"
#include "model/HandlerSummary.h"

#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

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

DescriptorCountCheck::DescriptorCountCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : KsModelCheck(Name, Context),
      WholeDriver(Options.getLocalOrGlobal("KsWholeDriver", false)) {}

std::string DescriptorCountCheck::mismatchMessage(
    llvm::StringRef CountField, llvm::StringRef Owner, uint64_t Count,
    llvm::StringRef Array, uint64_t Entries, llvm::StringRef EntryWord) {
  std::string Consequence =
      Count > Entries ? llvm::formatv("the runtime reads {0} past its end",
                                      plural(Count - Entries, EntryWord))
                            .str()
                      : llvm::formatv("the runtime never sees the last {0}",
                                      Count + 1 == Entries
                                          ? EntryWord.str()
                                          : plural(Entries - Count, EntryWord))
                            .str();
  return llvm::formatv("{0} of {1} is {2}, but '{3}' has {4}: {5}", CountField,
                       Owner, Count, Array, plural(Entries, EntryWord),
                       Consequence)
      .str();
}

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
  if (A.Array && !A.Length && WholeDriver &&
      A.Array->getType()->isIncompleteArrayType() &&
      A.Array->hasExternalFormalLinkage()) {
    // Defined in another file: the join judges it against that TU's bound.
    std::string Usr = model::usrOf(A.Array);
    if (Usr.empty())
      return;
    llvm::json::Object Payload{{"rule", "descriptorCount"},
                               {"usr", Usr},
                               {"array", A.Array->getQualifiedNameAsString()},
                               {"countField", A.CountField},
                               {"owner", Owner},
                               {"entry", EntryWord},
                               {"count", static_cast<int64_t>(N)}};
    // Through clang-tidy's own diag, so NOLINT applies as to a finding.
    ClangTidyCheck::diag(Where, "%0")
        << (PropertyMinSizeCheck::DeferredMarker +
            llvm::formatv("{0}", llvm::json::Value(std::move(Payload))).str());
    return;
  }
  if (!A.Array || !A.Length || *A.Length == N)
    return;
  const uint64_t Entries = *A.Length;
  auto D = diag(Where, "%0") << mismatchMessage(
               A.CountField, Owner, N, A.Array->getQualifiedNameAsString(),
               Entries, EntryWord);
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
