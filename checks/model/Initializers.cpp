//===- Initializers.cpp ---------------------------------------------------===//
#include "Initializers.h"

#include "ModelBuilder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace ks {
namespace model {

const InitListExpr *asInitList(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit();
  if (const auto *ILE = dyn_cast<InitListExpr>(E))
    return ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
  return nullptr;
}

/// The declaration of \p VD that holds its braced initializer, when that
/// initializer parsed without errors; {nullptr, nullptr} otherwise.
std::pair<const VarDecl *, const InitListExpr *>
definitionWithInitList(const VarDecl *VD) {
  const VarDecl *Def = nullptr;
  const Expr *Init = VD->getAnyInitializer(Def);
  const InitListExpr *ILE = asInitList(Init);
  if (!Def || !ILE || Def->isInvalidDecl() || Init->containsErrors())
    return {nullptr, nullptr};
  return {Def, ILE};
}

/// The initializer of a named field in a struct's initializer list; an
/// omitted field yields its ImplicitValueInitExpr.
const Expr *fieldInit(const InitListExpr *ILE, llvm::StringRef Field) {
  if (!ILE)
    return nullptr;
  const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
  if (!RD)
    return nullptr;
  if (RD->isUnion()) {
    const FieldDecl *FD = ILE->getInitializedFieldInUnion();
    if (!FD || ILE->getNumInits() == 0)
      return nullptr;
    if (FD->getName() == Field)
      return ILE->getInit(0);
    if (FD->isAnonymousStructOrUnion())
      return fieldInit(asInitList(ILE->getInit(0)), Field);
    return nullptr;
  }
  unsigned Index = 0;
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
    Index = CRD->getNumBases();
  for (const FieldDecl *FD : RD->fields()) {
    if (Index >= ILE->getNumInits())
      return nullptr;
    if (FD->getName() == Field)
      return ILE->getInit(Index);
    // `union { PFNKSHANDLER GetPropertyHandler; BOOLEAN GetSupported; }`
    if (FD->isAnonymousStructOrUnion())
      if (const Expr *E = fieldInit(asInitList(ILE->getInit(Index)), Field))
        return E;
    ++Index;
  }
  return nullptr;
}

/// NULL, 0, `(PFNKSHANDLER)NULL`: the macros cast their NULLs, and a cast
/// null is no null pointer constant to the language.
bool isNullPointer(const Expr *E, ASTContext &Ctx) {
  if (!E || E->isValueDependent())
    return false;
  for (int Depth = 0; Depth < 8; ++Depth) {
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
        Expr::NPCK_NotNull)
      return true;
    const auto *CE = dyn_cast<CastExpr>(E->IgnoreParens());
    if (!CE)
      return false;
    E = CE->getSubExpr();
  }
  return false;
}

TableValue tableValue(const Expr *E, const ASTContext &Ctx) {
  TableValue V;
  if (!E)
    return V;
  V.Value = evaluateConstant(E, Ctx);
  if (!isa<ImplicitValueInitExpr>(E->IgnoreImplicit()))
    V.Expr = E;
  return V;
}

std::string guidValue(const InitListExpr *ILE, const ASTContext &Ctx) {
  if (!ILE || ILE->containsErrors())
    return {};
  auto Field = [&](llvm::StringRef Name) {
    return evaluateConstant(fieldInit(ILE, Name), Ctx);
  };
  auto D1 = Field("Data1"), D2 = Field("Data2"), D3 = Field("Data3");
  const InitListExpr *D4 = asInitList(fieldInit(ILE, "Data4"));
  if (!D1 || !D2 || !D3 || !D4 || D4->getNumInits() != 8)
    return {};
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << '{' << llvm::format_hex_no_prefix(*D1, 8) << '-'
     << llvm::format_hex_no_prefix(*D2, 4) << '-'
     << llvm::format_hex_no_prefix(*D3, 4) << '-';
  for (unsigned I = 0; I < 8; ++I) {
    auto B = evaluateConstant(D4->getInit(I), Ctx);
    if (!B)
      return {};
    if (I == 2)
      OS << '-';
    OS << llvm::format_hex_no_prefix(*B, 2);
  }
  OS << '}';
  return OS.str();
}

GuidRef guidRef(const Expr *E, ASTContext &Ctx) {
  GuidRef G;
  G.Expr = E;
  if (!E)
    return G;
  if (isNullPointer(E, Ctx)) {
    G.IsNull = true;
    G.Name = "NULL";
    return G;
  }
  const Expr *Inner = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Inner);
      UO && UO->getOpcode() == UO_AddrOf)
    Inner = UO->getSubExpr()->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Inner)) {
    G.Decl = cast<ValueDecl>(DRE->getDecl()->getCanonicalDecl());
    G.Name = DRE->getDecl()->getQualifiedNameAsString();
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      const VarDecl *Def = nullptr;
      G.Value = guidValue(asInitList(VD->getAnyInitializer(Def)), Ctx);
    }
    return G;
  }
  // Anything else (a macro around __uuidof, a call): name it by its text.
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = CharSourceRange::getTokenRange(E->getSourceRange());
  G.Name = Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
  return G;
}

HandlerRef handlerRef(const Expr *E, ASTContext &Ctx) {
  HandlerRef H;
  if (!E || isa<ImplicitValueInitExpr>(E->IgnoreImplicit()))
    return H;
  H.Expr = E;
  if (isNullPointer(E, Ctx)) // NULL, 0, FALSE for a GetSupported BOOLEAN
    return H;
  if (!E->getType()->isPointerType() && !E->isValueDependent())
    if (auto V = evaluateConstant(E, Ctx); V && *V == 0)
      return H;
  H.Present = true;
  const Expr *Inner = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Inner);
      UO && UO->getOpcode() == UO_AddrOf)
    Inner = UO->getSubExpr()->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Inner))
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      H.Function = FD->getCanonicalDecl();
  return H;
}

} // namespace model
} // namespace ks
