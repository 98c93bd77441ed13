//===- BlindSpots.cpp -----------------------------------------------------===//
#include "BlindSpots.h"

#include "Initializers.h"
#include "KsTypes.h"
#include "TopLevelDecls.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace ks {
namespace model {

std::string tableKind(QualType T) {
  if (T.isNull() || T->isDependentType())
    return {};
  bool Array = false;
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe()) {
    T = AT->getElementType();
    Array = true;
  }
  if (auto Info = classifyItemType(T)) {
    std::string Kind = familyName(Info->Family).str() + " item";
    if (Info->Fw == Framework::PortCls)
      Kind = "PortCls " + Kind;
    return Array ? Kind + " table" : Kind;
  }
  if (isKsRecord(T, "KSFASTPROPERTY_ITEM"))
    return Array ? "fast property item table" : "fast property item";
  if (auto F = classifySetType(T))
    return familyName(*F).str() + (Array ? " set table" : " set");
  if (auto W = classifyAutomationTable(T))
    return std::string(W == Framework::PortCls ? "PortCls " : "") +
           (Array ? "automation table array" : "automation table");
  if (isKsRecord(T, "KSALLOCATOR_DISPATCH"))
    return "allocator dispatch";
  if (isKsRecord(T, "KSPIN_DISPATCH"))
    return "pin dispatch";
  if (isKsRecord(T, "KSALLOCATOR_FRAMING") ||
      isKsRecord(T, "KSALLOCATOR_FRAMING_EX"))
    return "allocator framing";
  if (isKsRecord(T, "KSPIN_DESCRIPTOR_EX"))
    return Array ? "pin descriptor table" : "pin descriptor";
  return {};
}

namespace {

/// Why the model could not (fully) read \p VD, or empty when it could.
/// Mirrors what ModelBuilder skips: an invalid declaration, an initializer
/// clang dropped, one it kept only as written (read by position, with
/// unknown values), one that is semantic but has errors inside.
std::string whyUnanalysed(const VarDecl *VD, const SourceManager &SM,
                          const LangOptions &LO) {
  if (VD->isInvalidDecl())
    return "its declaration is invalid";
  if (const Expr *Init = VD->getInit()) {
    if (!Init->containsErrors())
      return {};
    // Item, set and automation tables are read around their errors (see
    // definitionWithTypedInit); the allocator tables are not read at all.
    QualType T = VD->getType();
    if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
      T = AT->getElementType();
    bool ReadAround = classifyItemType(T) || classifySetType(T) ||
                      classifyAutomationTable(T) ||
                      isKsRecord(T, "KSFASTPROPERTY_ITEM");
    if (TypedInit TI = typedInit(Init, VD->getType()); TI && ReadAround) {
      bool Complete = true;
      if (VD->getType()->isArrayType())
        arrayElements(TI, Complete);
      if (Complete)
        return "its initializer has compile errors; the values with errors "
               "are unknown and were not judged";
    }
    return "its initializer has compile errors";
  }
  // No initializer: none was written, or clang dropped it after an error
  // (an undeclared identifier in it). The token after the declarator says.
  if (VD->hasExternalStorage() || !VD->isThisDeclarationADefinition())
    return {};
  SourceLocation End = VD->getEndLoc();
  if (End.isInvalid())
    return {};
  if (End.isMacroID()) // DEFINE_KSPROPERTY_TABLE(Name) { ... }
    End = SM.getExpansionRange(End).getEnd();
  std::optional<Token> Next = Lexer::findNextToken(End, SM, LO);
  if (Next && (Next->is(tok::equal) || Next->is(tok::l_brace)))
    return "its initializer has compile errors and was dropped";
  if (VD->getType()->isIncompleteArrayType())
    return "its initializer has compile errors and was dropped";
  return {};
}

void visit(const Decl *D, ASTContext &Ctx, std::vector<UnanalysedTable> &Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (isa<NamespaceDecl, LinkageSpecDecl>(D)) {
    for (const Decl *Child : cast<DeclContext>(D)->decls())
      visit(Child, Ctx, Out);
    return;
  }
  {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      return;
    SourceLocation Loc = SM.getFileLoc(VD->getLocation());
    if (Loc.isInvalid() || SM.isInSystemHeader(Loc))
      return;
    std::string Kind = tableKind(VD->getType());
    if (Kind.empty())
      return;
    std::string Reason = whyUnanalysed(VD, SM, Ctx.getLangOpts());
    if (Reason.empty())
      return;
    UnanalysedTable T;
    T.Name = VD->getQualifiedNameAsString();
    T.Kind = std::move(Kind);
    T.Reason = std::move(Reason);
    PresumedLoc P = SM.getPresumedLoc(Loc);
    if (P.isValid()) {
      T.File = P.getFilename();
      T.Line = P.getLine();
      T.Column = P.getColumn();
    }
    Out.push_back(std::move(T));
  }
}

} // namespace

std::vector<std::string> compiledTableNames(ASTContext &Ctx) {
  std::vector<std::string> Names;
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<const DeclContext *> Work;
  auto Visit = [&](const Decl *D) {
    if (isa<NamespaceDecl>(D) || isa<LinkageSpecDecl>(D)) {
      Work.push_back(cast<DeclContext>(D));
      return;
    }
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD || !VD->getIdentifier())
      return;
    SourceLocation Loc = SM.getFileLoc(VD->getLocation());
    if (Loc.isInvalid() || SM.isInSystemHeader(Loc))
      return;
    if (!tableKind(VD->getType()).empty())
      Names.push_back(VD->getName().str());
  };
  forEachTopLevelDecl(Ctx, Visit);
  while (!Work.empty()) {
    const DeclContext *DC = Work.back();
    Work.pop_back();
    for (const Decl *D : DC->decls())
      Visit(D);
  }
  return Names;
}

std::vector<UnanalysedTable> findUnanalysedTables(ASTContext &Ctx) {
  std::vector<UnanalysedTable> Out;
  forEachTopLevelDecl(Ctx, [&](const Decl *D) { visit(D, Ctx, Out); });
  return Out;
}

} // namespace model
} // namespace ks
