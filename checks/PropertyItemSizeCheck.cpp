//===- PropertyItemSizeCheck.cpp - ks-property-item-size ------------------===//
#include "PropertyItemSizeCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TargetInfo.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

std::string tableName(const VarDecl *VD) {
  return VD ? VD->getQualifiedNameAsString() : std::string("<unnamed>");
}

/// "PropertyItemSize 76 passed to KsPropertyHandlerWithAllocator",
/// "MethodItemSize 40 of KSAUTOMATION_TABLE 'PinAutomation'".
std::string describeSite(const ItemSizeSite &S, ASTContext &Ctx) {
  if (S.Kind == SiteKind::HandlerCall && !S.SizeExpr) {
    // KsPropertyHandler & co. take no size: the runtime assumes plain items.
    std::string Base = baseItemTypeName(S.Family, S.Fw).str();
    if (auto B = baseItemSize(Ctx, S.Family, S.Fw))
      return llvm::formatv("{0}, which assumes plain {1}-byte {2} entries",
                           S.Api, *B, Base)
          .str();
    return S.Api + ", which assumes plain " + Base + " entries";
  }
  std::string Value = std::to_string(S.Value.value_or(0));
  if (S.Value && *S.Value == 0 && S.Fw == Framework::Ks) {
    std::string Base = baseItemTypeName(S.Family, S.Fw).str();
    if (auto B = baseItemSize(Ctx, S.Family, S.Fw))
      Value = llvm::formatv("0 (plain {0}, {1} bytes)", Base, *B).str();
    else
      Value = "0 (plain " + Base + ")";
  }
  std::string Field = itemSizeFieldName(S.Family).str();
  if (S.Kind == SiteKind::HandlerCall)
    return llvm::formatv("{0} {1} passed to {2}", Field, Value, S.Api).str();
  return llvm::formatv("{0} {1} of {2} '{3}'", Field, Value, S.Api,
                       KsModel::siteTableName(S))
      .str();
}

std::string notMultipleOf8Consequence(const ItemSizeSite &S) {
  switch (S.Kind) {
  case SiteKind::HandlerCall:
    return llvm::formatv("on 64-bit Windows {0} fails every request with "
                         "STATUS_INVALID_PARAMETER",
                         S.Api)
        .str();
  case SiteKind::KsAutomationTable:
    return llvm::formatv("on 64-bit Windows the KS runtime fails every {0} "
                         "request on this object with "
                         "STATUS_INVALID_PARAMETER",
                         familyName(S.Family))
        .str();
  case SiteKind::PcAutomationTable:
    return llvm::formatv("PortCls steps through the {0} items by this size, "
                         "so every entry after the first is read from the "
                         "wrong offset",
                         familyName(S.Family))
        .str();
  }
  return {};
}

/// The item arrays a site makes the runtime walk.
std::vector<const ItemArray *> walkedArrays(const ItemSizeSite &S) {
  std::vector<const ItemArray *> Out;
  auto Add = [&](const ItemArray *A) {
    if (A && A->Count > 0 && A->ElementSize && A->Info.Family == S.Family &&
        A->Info.Fw == S.Fw)
      Out.push_back(A);
  };
  if (S.Sets)
    for (const SetEntry &E : S.Sets->Entries)
      Add(E.Items);
  Add(S.PcItems);
  return Out;
}

/// `sizeof(KSPROPERTY_ITEM) + sizeof(X) [+ ...]`: the types added to the base
/// item, when the expression is exactly that.
std::optional<std::vector<QualType>> handComputedParts(const Expr *E,
                                                       const ItemSizeSite &S) {
  std::vector<QualType> Leaves;
  std::function<bool(const Expr *)> Collect = [&](const Expr *X) {
    X = X->IgnoreParenImpCasts();
    if (const auto *BO = dyn_cast<BinaryOperator>(X))
      return BO->getOpcode() == BO_Add && Collect(BO->getLHS()) &&
             Collect(BO->getRHS());
    if (const auto *UE = dyn_cast<UnaryExprOrTypeTraitExpr>(X);
        UE && UE->getKind() == UETT_SizeOf) {
      Leaves.push_back(UE->getTypeOfArgument());
      return true;
    }
    return false;
  };
  if (!E || !Collect(E) || Leaves.size() < 2)
    return std::nullopt;
  std::vector<QualType> Others;
  bool SawBase = false;
  for (QualType T : Leaves) {
    auto Info = classifyItemType(T);
    if (!SawBase && Info && !Info->Extended && Info->Family == S.Family &&
        Info->Fw == S.Fw)
      SawBase = true;
    else
      Others.push_back(T);
  }
  if (!SawBase)
    return std::nullopt;
  return Others;
}

bool isSizeofBase(const Expr *E, const ItemSizeSite &S) {
  const auto *UE =
      dyn_cast_or_null<UnaryExprOrTypeTraitExpr>(E->IgnoreParenImpCasts());
  if (!UE || UE->getKind() != UETT_SizeOf)
    return false;
  auto Info = classifyItemType(UE->getTypeOfArgument());
  return Info && !Info->Extended && Info->Family == S.Family;
}

std::string spellRecord(const RecordDecl *RD, const ASTContext &Ctx) {
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return TD->getName().str();
  if (Ctx.getLangOpts().CPlusPlus)
    return RD->getQualifiedNameAsString();
  return (RD->isUnion() ? "union " : "struct ") + RD->getName().str();
}

/// The replacement text for the size expression, when the right size is
/// certain: the sets point only at entries of one extended struct and the
/// size was written as the plain item or summed by hand, or (no array
/// visible) a hand-computed sum names exactly one extended struct of the TU.
std::optional<std::string>
certainReplacement(const ItemSizeSite &S, const KsModel &Model,
                   const std::vector<const ItemArray *> &Walked,
                   ASTContext &Ctx) {
  if (!S.SizeExpr)
    return std::nullopt;
  auto Parts = handComputedParts(S.SizeExpr, S);
  if (!Walked.empty()) {
    QualType Uniform = Walked.front()->ElementType;
    for (const ItemArray *A : Walked)
      if (!Ctx.hasSameUnqualifiedType(A->ElementType, Uniform))
        return std::nullopt;
    if (!Walked.front()->Info.Extended)
      return std::nullopt;
    if (!Parts && !isSizeofBase(S.SizeExpr, S))
      return std::nullopt;
    return "sizeof(" + typeName(Uniform, Ctx) + ")";
  }
  if (!Parts)
    return std::nullopt;
  const RecordDecl *Match = nullptr;
  for (const ExtendedItemRecord &X : Model.ExtendedRecords) {
    if (X.Info.Family != S.Family || X.Info.Fw != S.Fw)
      continue;
    std::vector<QualType> Fields;
    for (const FieldDecl *FD : X.Record->fields())
      Fields.push_back(FD->getType());
    if (Fields.size() != Parts->size() + 1)
      continue;
    bool Same = true;
    for (size_t I = 0; I < Parts->size() && Same; ++I)
      Same = Ctx.hasSameUnqualifiedType(Fields[I + 1], (*Parts)[I]);
    if (!Same)
      continue;
    if (Match && Match->getCanonicalDecl() != X.Record->getCanonicalDecl())
      return std::nullopt; // two candidates: not certain
    Match = X.Record;
  }
  if (!Match)
    return std::nullopt;
  return "sizeof(" + spellRecord(Match, Ctx) + ")";
}

} // namespace

PropertyItemSizeCheck::PropertyItemSizeCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : KsModelCheck(Name, Context),
      Assume64Bit(Options.get("Assume64Bit", true)) {}

void PropertyItemSizeCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Assume64Bit", Assume64Bit);
}

void PropertyItemSizeCheck::checkModel(const KsModel &Model, ASTContext &Ctx) {
  for (const ItemSizeSite &S : Model.Sites)
    checkSite(Model, S, Ctx);
  for (const ItemStorageCast &C : Model.StorageCasts)
    checkStorageCast(Model, C, Ctx);
}

void PropertyItemSizeCheck::checkSite(const KsModel &Model,
                                      const ItemSizeSite &S, ASTContext &Ctx) {
  if (!S.Value || S.FastIo)
    return; // not a constant (nothing certain to say), or fast I/O (no stride)
  SourceLocation Loc = at(S.Loc);
  std::optional<uint64_t> Base = baseItemSize(Ctx, S.Family, S.Fw);
  std::optional<uint64_t> Stride = Model.effectiveStride(S, Ctx);
  std::vector<const ItemArray *> Walked = walkedArrays(S);
  const ItemArray *Mismatch = nullptr;
  uint64_t MismatchSize = 0; // the mismatching array's element size
  const uint64_t StrideValue = Stride.value_or(0);
  if (StrideValue != 0)
    for (const ItemArray *A : Walked)
      if (A->ElementSize && *A->ElementSize != StrideValue) {
        Mismatch = A;
        MismatchSize = *A->ElementSize;
        break;
      }
  const uint64_t V = *S.Value;
  const bool Is64 =
      Assume64Bit || Ctx.getTargetInfo().getPointerWidth(LangAS::Default) == 64;
  std::string What = describeSite(S, Ctx);
  std::string BaseName = baseItemTypeName(S.Family, S.Fw).str();

  std::optional<DiagnosticBuilder> D;
  if (V != 0 && V % 8 != 0 && Is64) {
    D.emplace(diag(Loc, "%0 is not a multiple of 8; %1")
              << What << notMultipleOf8Consequence(S));
  } else if (V != 0 && Base && V < *Base) {
    D.emplace(diag(Loc, "%0 is smaller than sizeof(%1) (%2); the runtime "
                        "steps through the items by this size, so every "
                        "entry after the first is read from the middle of "
                        "the one before it")
              << What << BaseName << static_cast<unsigned>(*Base));
  } else if (Mismatch) {
    std::string Via =
        S.Sets ? " that set table '" + tableName(S.Sets->Var) + "' points at"
               : std::string();
    if (!S.SizeExpr && S.Kind == SiteKind::HandlerCall) {
      D.emplace(diag(Loc, "%0 walks plain %1-byte %2 entries, but set table "
                          "'%3' points at %4-byte '%5' entries of '%6'; "
                          "every entry after the first is read from the "
                          "wrong offset; dispatch it with %0WithAllocator "
                          "and %7 sizeof(%5)")
                << S.Api << static_cast<unsigned>(StrideValue) << BaseName
                << tableName(S.Sets->Var) << static_cast<unsigned>(MismatchSize)
                << typeName(Mismatch->ElementType, Ctx)
                << Mismatch->Var->getName() << itemSizeFieldName(S.Family));
    } else {
      D.emplace(diag(Loc, "%0 does not match the %1-byte '%2' entries of "
                          "'%3'%4; the runtime steps through the items %5 "
                          "bytes at a time, so every entry after the first "
                          "is read from the wrong offset and its id and "
                          "handlers are garbage")
                << What << static_cast<unsigned>(MismatchSize)
                << typeName(Mismatch->ElementType, Ctx)
                << Mismatch->Var->getName() << Via
                << static_cast<unsigned>(StrideValue));
    }
  }
  if (!D)
    return;
  // Spelled by a macro body (DEFINE_KSAUTOMATION_PROPERTIES): not ours to
  // rewrite.
  if (std::optional<CharSourceRange> Range = rewritableRange(S.SizeExpr))
    if (auto Fix = certainReplacement(S, Model, Walked, Ctx))
      *D << FixItHint::CreateReplacement(*Range, *Fix);
  D.reset(); // emit before the notes
  if (Mismatch)
    diag(at(Mismatch->Var->getLocation()),
         "'%0' holds %1 %plural{1:entry|:entries}1 of '%2', %3 bytes each",
         clang::DiagnosticIDs::Note)
        << Mismatch->Var->getName() << static_cast<unsigned>(Mismatch->Count)
        << typeName(Mismatch->ElementType, Ctx)
        << static_cast<unsigned>(MismatchSize);
}

void PropertyItemSizeCheck::checkStorageCast(const KsModel &Model,
                                             const ItemStorageCast &C,
                                             ASTContext &Ctx) {
  std::optional<uint64_t> Base = baseItemSize(Ctx, C.Family, Framework::Ks);
  std::optional<uint64_t> TargetSize = typeSize(Ctx, C.Target);
  if (!Base || !TargetSize || *TargetSize <= *Base)
    return;
  // Only when every way the runtime can reach this handler is known and
  // hands it plain items: a table dispatched elsewhere (another TU) or with a
  // non-constant size keeps the check silent.
  std::vector<const SetTable *> Tables =
      Model.setTablesReaching(C.Handler, C.Family);
  if (Tables.empty())
    return;
  const ItemSizeSite *Witness = nullptr;
  for (const SetTable *T : Tables) {
    for (const SetEntry &E : T->Entries)
      if (E.Items && E.Items->refersTo(C.Handler) && E.Items->Info.Extended)
        return; // extended entries: the stride rule speaks for this table
    std::vector<const ItemSizeSite *> Sites = Model.dispatchesOf(T);
    if (Sites.empty())
      return;
    for (const ItemSizeSite *S : Sites) {
      std::optional<uint64_t> Stride = Model.effectiveStride(*S, Ctx);
      if (!Stride || *Stride != *Base)
        return;
      if (!Witness)
        Witness = S;
    }
  }
  diag(at(C.Cast),
       "handler '%0' reads %1(Irp) as '%2' (%3 bytes), but its table '%4' is "
       "dispatched with plain %5-byte %6 entries (%7); the pointer addresses "
       "a plain item, so every field after the first %5 bytes is read from "
       "the next entry or past the end of the table")
      << C.Handler->getQualifiedNameAsString()
      << spelling(C.Family).StorageMacro << typeName(C.Target, Ctx)
      << static_cast<unsigned>(*TargetSize) << tableName(Tables.front()->Var)
      << static_cast<unsigned>(*Base)
      << baseItemTypeName(C.Family, Framework::Ks)
      << describeSite(*Witness, Ctx);
  diag(at(Witness->Loc), "table '%0' dispatched here",
       clang::DiagnosticIDs::Note)
      << tableName(Tables.front()->Var);
}

} // namespace ks
