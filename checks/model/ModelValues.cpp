//===- ModelValues.cpp - Names of table values, GUIDs and handlers --------===//
#include "ModelValues.h"

#include "clang/AST/ASTContext.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace ks {
namespace model {

std::string TableValue::enumeratorName() const {
  if (Expr)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Expr->IgnoreParenImpCasts()))
      if (isa<EnumConstantDecl>(DRE->getDecl()))
        return DRE->getDecl()->getName().str();
  return {};
}

bool GuidRef::sameAs(const GuidRef &O) const {
  if (!Value.empty() && !O.Value.empty())
    return Value == O.Value;
  return Decl && Decl == O.Decl;
}

std::string HandlerRef::name() const {
  if (Function) {
    // With template arguments: GetValue<LONGLONG>, not GetValue.
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    Function->getNameForDiagnostic(
        OS, Function->getASTContext().getPrintingPolicy(), /*Qualified=*/true);
    return OS.str();
  }
  // An expression that did not compile is most often a function whose
  // prototype did not: not "<expression>", which readers take for data.
  if (Unresolved)
    return "<unresolved>";
  return Present ? "<expression>" : "NULL";
}

} // namespace model
} // namespace ks
