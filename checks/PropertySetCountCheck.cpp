//===- PropertySetCountCheck.cpp - ks-property-set-count
//-------------------===//
#include "PropertySetCountCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

llvm::StringRef setsCountName(const ItemSizeSite &S) {
  return S.Fw == Framework::PortCls ? spelling(S.Family).PcCountField
                                    : spelling(S.Family).TableSetsCountField;
}

std::string plural(uint64_t N, llvm::StringRef Word) {
  return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
}

} // namespace

void PropertySetCountCheck::compare(const TableValue &Count,
                                    llvm::StringRef What,
                                    llvm::StringRef EntryWord, uint64_t Entries,
                                    const DeclaratorDecl *Array,
                                    SourceLocation Fallback, ASTContext &Ctx) {
  if (!Count.Value || *Count.Value == Entries)
    return;
  const uint64_t N = *Count.Value;
  std::string Consequence =
      N > Entries
          ? llvm::formatv("the runtime reads {0} past the end of the array",
                          plural(N - Entries, EntryWord))
                .str()
          : llvm::formatv("the last {0} never found",
                          N + 1 == Entries
                              ? EntryWord.str() + " is"
                              : plural(Entries - N, EntryWord) + " are")
                .str();
  auto D = diag(Count.Expr ? at(Count.Expr) : Fallback,
                "%0 is %1, but '%2' has %3: %4")
           << What << static_cast<unsigned>(N) << Array->getName()
           << plural(Entries, EntryWord) << Consequence;
  // Only a literal is certainly meant as "the size of the array".
  std::optional<CharSourceRange> Range = rewritableRange(Count.Expr);
  if (Range && isa<IntegerLiteral>(Count.Expr->IgnoreParenImpCasts()) &&
      Array->getType()->isArrayType()) {
    std::string Name = Array->getName().str();
    std::string Fix = PP && PP->isMacroDefined("SIZEOF_ARRAY")
                          ? "SIZEOF_ARRAY(" + Name + ")"
                          : "sizeof(" + Name + ") / sizeof(" + Name + "[0])";
    D << FixItHint::CreateReplacement(*Range, Fix);
  }
}

void PropertySetCountCheck::nullTable(const TableValue &Count,
                                      llvm::StringRef What,
                                      SourceLocation Fallback) {
  if (!Count.Value || *Count.Value == 0)
    return;
  diag(Count.Expr ? at(Count.Expr) : Fallback,
       "%0 is %1, but the table it counts is NULL: the runtime reads its "
       "entries from address 0")
      << What << static_cast<unsigned>(*Count.Value);
}

void PropertySetCountCheck::checkModel(const KsModel &Model, ASTContext &Ctx) {
  for (const SetTable &T : Model.SetTables) {
    for (size_t I = 0; I < T.Entries.size(); ++I) {
      const SetEntry &E = T.Entries[I];
      std::string Where =
          llvm::formatv("{0} of set '{1}' in '{2}'",
                        spelling(T.Family).SetCountField, E.Set.Name,
                        T.Var->getQualifiedNameAsString())
              .str();
      SourceLocation Fallback = at(E.Init);
      if (E.Items)
        compare(E.ItemsCount, Where, familyName(T.Family).str() + " item",
                E.Items->Count, E.Items->Var, Fallback, Ctx);
      else if (E.ItemsNull)
        nullTable(E.ItemsCount, Where, Fallback);
      std::string FastWhere =
          llvm::formatv("FastIoCount of set '{0}' in '{1}'", E.Set.Name,
                        T.Var->getQualifiedNameAsString())
              .str();
      if (E.FastItems)
        compare(E.FastIoCount, FastWhere, "fast item", E.FastItems->Count,
                E.FastItems->Var, Fallback, Ctx);
      else if (E.FastItemsNull)
        nullTable(E.FastIoCount, FastWhere, Fallback);
    }
  }
  for (const ItemSizeSite &S : Model.Sites) {
    std::string What =
        S.Kind == SiteKind::HandlerCall
            ? llvm::formatv("{0} passed to {1}", setsCountName(S), S.Api).str()
            : llvm::formatv("{0} of {1} '{2}'", setsCountName(S), S.Api,
                            KsModel::siteTableName(S))
                  .str();
    SourceLocation Fallback =
        at(S.Call ? S.Call->getBeginLoc() : S.Table->getLocation());
    if (S.Fw == Framework::Ks && S.Sets && S.Sets->IsArray)
      compare(S.Count, What, "set", S.Sets->Entries.size(), S.Sets->Var,
              Fallback, Ctx);
    else if (S.Fw == Framework::PortCls && S.PcItems)
      compare(S.Count, What, familyName(S.Family).str() + " item",
              S.PcItems->Count, S.PcItems->Var, Fallback, Ctx);
    else if (S.TargetNull)
      nullTable(S.Count, What, Fallback);
  }
}

} // namespace ks
