//===- Initializers.cpp ---------------------------------------------------===//
#include "Initializers.h"

#include "ModelBuilder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Version.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
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

bool hasErrors(const Expr *E) { return E && E->containsErrors(); }

bool hasOwnErrors(const Stmt *Root) {
  // An explicit stack: generated initializers nest deeper than the C++
  // stack would allow recursion.
  llvm::SmallVector<const Stmt *, 64> Stack{Root};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (!S)
      continue;
    if (isa<RecoveryExpr>(S))
      return true;
#if CLANG_VERSION_MAJOR < 22 // Clang 22 has no delayed typo corrections
    if (isa<TypoExpr>(S))
      return true;
#endif
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      if (DRE->getDecl()->isInvalidDecl())
        return true;
      continue;
    }
    // Errors only propagate upwards: a clean subtree has none of its own.
    if (const auto *E = dyn_cast<Expr>(S); E && !E->containsErrors())
      continue;
    for (const Stmt *Child : S->children())
      Stack.push_back(Child);
  }
  return false;
}

/// Clang built no semantic form: the list is as written, typed void (or
/// dependent), because something inside it has errors.
static bool isRecoveredList(const InitListExpr *ILE) {
  QualType T = ILE->getType();
  return ILE->containsErrors() &&
         (T.isNull() || T->isVoidType() || T->isDependentType());
}

TypedInit typedInit(const Expr *E, QualType T) {
  const InitListExpr *ILE = asInitList(E);
  if (!ILE)
    return {};
  if (!isRecoveredList(ILE))
    return {ILE, ILE->getType(), false};
  if (T.isNull() || T->isDependentType())
    return {};
  return {ILE, T, true};
}

std::pair<const VarDecl *, TypedInit>
definitionWithTypedInit(const VarDecl *VD) {
  const VarDecl *Def = nullptr;
  const Expr *Init = VD->getAnyInitializer(Def);
  if (!Def || Def->isInvalidDecl())
    return {nullptr, {}};
  // With errors inside, the list is still read: the expressions with errors
  // read as unknown values, the others as written.
  TypedInit TI = typedInit(Init, Def->getType());
  if (!TI)
    return {nullptr, {}};
  return {Def, TI};
}

/// A bare expression where the field is an aggregate of several members:
/// the compiler spreads the following initializers over its members (brace
/// elision), so no later position can be known without redoing its work.
static bool elidesBraces(QualType FieldType, const Expr *Init) {
  if (isa<InitListExpr>(Init->IgnoreImplicit()))
    return false;
  QualType FT = FieldType.getCanonicalType();
  if (FT->isArrayType())
    return true;
  const RecordDecl *RD = FT->getAsRecordDecl();
  if (!RD || RD->isUnion())
    return false; // a scalar, or a union: one initializer either way
  QualType IT = Init->getType();
  return IT.isNull() || IT->isDependentType() ||
         IT.getCanonicalType().getUnqualifiedType() != FT.getUnqualifiedType();
}

/// \p Init (not braced) given to a member of type \p T: where does it go
/// when that member is an anonymous union (its first member) or struct.
static const Expr *bareMemberInit(QualType T, const Expr *Init,
                                  llvm::StringRef Field) {
  const RecordDecl *RD = T->getAsRecordDecl();
  if (RD)
    RD = RD->getDefinition();
  if (!RD || RD->field_empty())
    return nullptr;
  const FieldDecl *First = *RD->field_begin();
  if (First->getName() == Field)
    return Init;
  if (First->isAnonymousStructOrUnion())
    return bareMemberInit(First->getType(), Init, Field);
  return nullptr;
}

/// fieldInit for a recovered (syntactic) list: initializers are matched to
/// fields by position, field designators move the position. Where the
/// position cannot be known, the answer is the list itself: an expression
/// with errors, so whatever reads it gets an unknown value (not the zero of
/// an omitted field).
static const Expr *recoveredFieldInit(const InitListExpr *ILE, QualType T,
                                      llvm::StringRef Field) {
  const RecordDecl *RD = T->getAsRecordDecl();
  if (RD)
    RD = RD->getDefinition();
  if (!RD)
    return ILE;
  auto Member = [&](const FieldDecl *FD, const Expr *Init) -> const Expr * {
    if (FD->getName() == Field)
      return Init;
    if (!FD->isAnonymousStructOrUnion())
      return nullptr;
    if (TypedInit Sub = typedInit(Init, FD->getType()))
      return fieldInit(Sub, Field);
    return bareMemberInit(FD->getType(), Init, Field);
  };
  unsigned Index = 0;
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
    Index = CRD->getNumBases();
  auto It = RD->field_begin();
  for (; Index < ILE->getNumInits(); ++Index) {
    const Expr *Init = ILE->getInit(Index);
    if (const auto *DIE = dyn_cast<DesignatedInitExpr>(Init)) {
      if (DIE->size() != 1 || !DIE->getDesignator(0)->isFieldDesignator())
        return ILE;
      const IdentifierInfo *Name = DIE->getDesignator(0)->getFieldName();
      It = llvm::find_if(RD->fields(), [&](const FieldDecl *FD) {
        return FD->getIdentifier() == Name;
      });
      Init = DIE->getInit();
    }
    if (It == RD->field_end())
      return ILE;
    const FieldDecl *FD = *It++;
    if (const Expr *E = Member(FD, Init))
      return E;
    if (RD->isUnion())
      return nullptr; // a union takes one initializer: not this member
    if (elidesBraces(FD->getType(), Init))
      return ILE;
  }
  return nullptr; // omitted: zero, as in a list without errors
}

const Expr *fieldInit(const TypedInit &TI, llvm::StringRef Field) {
  if (!TI)
    return nullptr;
  if (!TI.Recovered)
    return fieldInit(TI.ILE, Field);
  return recoveredFieldInit(TI.ILE, TI.Type, Field);
}

TypedInit firstMemberInit(const TypedInit &TI) {
  if (!TI || TI.ILE->getNumInits() == 0)
    return {};
  const Expr *Init0 = TI.ILE->getInit(0);
  if (!TI.Recovered)
    return typedInit(Init0, Init0->getType());
  if (isa<DesignatedInitExpr>(Init0))
    return {};
  const RecordDecl *RD = TI.Type->getAsRecordDecl();
  if (RD)
    RD = RD->getDefinition();
  if (!RD)
    return {};
  QualType First;
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
      CRD && CRD->getNumBases() > 0)
    First = CRD->bases_begin()->getType();
  else if (!RD->field_empty())
    First = RD->field_begin()->getType();
  return typedInit(Init0, First);
}

std::vector<TypedInit> arrayElements(const TypedInit &TI, bool &Complete) {
  std::vector<TypedInit> Out;
  Complete = true;
  if (!TI)
    return Out;
  const ArrayType *AT = TI.Type->getAsArrayTypeUnsafe();
  if (!AT)
    return Out;
  QualType Elem = AT->getElementType();
  for (const Expr *E : TI.ILE->inits()) {
    TypedInit Sub = typedInit(E, Elem);
    if (!Sub) {
      if (TI.Recovered) {
        Complete = false; // brace elision or a designator: positions unknown
        return {};
      }
      continue;
    }
    Out.push_back(Sub);
  }
  return Out;
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
  if (!isa<ImplicitValueInitExpr>(E->IgnoreImplicit()))
    V.Expr = E;
  // An expression with errors has no value, whatever it folds to.
  V.Unresolved = hasErrors(E);
  if (!V.Unresolved)
    V.Value = evaluateConstant(E, Ctx);
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
  const SourceManager &SM = Ctx.getSourceManager();
  if (hasOwnErrors(E) || isa<InitListExpr>(E)) {
    // Not a set anybody can compare with: unknown, named by its text.
    G.Unresolved = true;
    G.Name = Lexer::getSourceText(
                 CharSourceRange::getTokenRange(E->getSourceRange()), SM,
                 Ctx.getLangOpts())
                 .str();
    return G;
  }
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
  CharSourceRange R = CharSourceRange::getTokenRange(E->getSourceRange());
  G.Name = Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
  return G;
}

HandlerRef handlerRef(const Expr *E, ASTContext &Ctx) {
  HandlerRef H;
  if (!E || isa<ImplicitValueInitExpr>(E->IgnoreImplicit()))
    return H;
  H.Expr = E;
  if (hasOwnErrors(E) || isa<InitListExpr>(E)) {
    // Something is there, but what it is did not compile: neither missing
    // nor a function whose body can be judged.
    H.Present = true;
    H.Unresolved = true;
    return H;
  }
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
