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

/// A braced initializer and the type it initializes. When one of its
/// expressions has errors (a handler whose prototype did not parse, a call
/// that matched no overload), clang keeps only the *syntactic* form of the
/// whole list: typed void, braces as written, no implicit conversions. Such a
/// list is "recovered": the type comes from the declaration and fields are
/// matched by position, as the compiler would have matched them. Every value
/// read out of it that has errors itself stays unknown.
struct TypedInit {
  const clang::InitListExpr *ILE = nullptr;
  clang::QualType Type;
  bool Recovered = false;
  explicit operator bool() const { return ILE != nullptr; }
};

/// \p E as an initializer of type \p T (the semantic form when clang built
/// one, else the recovered syntactic form).
TypedInit typedInit(const clang::Expr *E, clang::QualType T);

/// Like definitionWithInitList, but also yields an initializer with errors
/// inside (semantic, or recovered in syntactic form) when the declaration
/// itself is valid: its values with errors read as unknown. Nothing when
/// clang dropped the initializer.
std::pair<const clang::VarDecl *, TypedInit>
definitionWithTypedInit(const clang::VarDecl *VD);

/// The initializer of a named field, semantic or recovered; null when the
/// field was omitted. In a recovered list where the field's position cannot
/// be known (brace elision, array designators), the list itself: it has
/// errors, so every value read from it is unknown.
const clang::Expr *fieldInit(const TypedInit &TI, llvm::StringRef Field);

/// The first member's (or first base's) initializer of a struct initializer.
TypedInit firstMemberInit(const TypedInit &TI);

/// The elements of an array initializer, each with the element type. A
/// recovered list whose elements cannot be placed (brace elision across
/// elements, index designators) yields nothing: see \p Complete.
std::vector<TypedInit> arrayElements(const TypedInit &TI, bool &Complete);

/// The expression has errors: its value is unknown, whatever it looks like.
/// This includes errors clang propagates from elsewhere: naming a variable
/// whose initializer has errors marks the name (SIZEOF_ARRAY(BrokenItems)).
bool hasErrors(const clang::Expr *E);

/// Errors of the expression's own (a RecoveryExpr, a declaration that is
/// invalid), not propagated ones: which variable or function it names is
/// still known when this is false.
bool hasOwnErrors(const clang::Stmt *S);

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
