//===- Initializers.h - Reading KS tables out of initializer lists --------===//
//
// Driver tables are aggregate initializers: written with ks.h/portcls.h
// macros, wrapper macros of the project, designated or positional. These
// helpers read a field, a constant, a GUID or a handler out of them the way
// the runtime will see it, and say nothing where the AST has errors.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_INITIALIZERS_H
#define KSTIDY_CHECKS_MODEL_INITIALIZERS_H

#include "KsModel.h"

namespace ks {
namespace model {

/// The semantic form of a braced initializer, through implicit nodes.
const clang::InitListExpr *asInitList(const clang::Expr *E);

/// The declaration of \p VD that holds its braced initializer, when that
/// initializer parsed without errors; {nullptr, nullptr} otherwise.
std::pair<const clang::VarDecl *, const clang::InitListExpr *>
definitionWithInitList(const clang::VarDecl *VD);

/// The initializer of a named field (also inside anonymous unions and
/// structs); an omitted field yields its ImplicitValueInitExpr.
const clang::Expr *fieldInit(const clang::InitListExpr *ILE,
                             llvm::StringRef Field);

/// NULL, 0, `(PFNKSHANDLER)NULL`.
bool isNullPointer(const clang::Expr *E, clang::ASTContext &Ctx);

TableValue tableValue(const clang::Expr *E, const clang::ASTContext &Ctx);

/// "{8c134960-51ad-11cf-878a-94f801c10000}" from a GUID initializer list
/// (a variable's, or a GUID member written in place).
std::string guidValue(const clang::InitListExpr *ILE,
                      const clang::ASTContext &Ctx);
GuidRef guidRef(const clang::Expr *E, clang::ASTContext &Ctx);
HandlerRef handlerRef(const clang::Expr *E, clang::ASTContext &Ctx);

} // namespace model
} // namespace ks

#endif
