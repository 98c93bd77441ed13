//===- TopLevelDecls.h - The top-level declarations the model walks -------===//
//
// A few model passes look at every top-level declaration of the TU (the
// table names it compiles, its parameter allocator callbacks, its arrays
// with external linkage). Walking the translation unit's declarations
// reads back every declaration of a precompiled preamble: all of the WDK's,
// a third of a TU's time when it loads a shared preamble. A tool that
// knows the top-level declarations of the driver's own code (kstidy's
// Analyzer: those it parsed, and those of the driver's headers in the
// preamble) registers them for the TU's AST; the passes then walk those,
// and walk the translation unit otherwise (the clang-tidy plugin, clangd).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_TOPLEVELDECLS_H
#define KSTIDY_CHECKS_MODEL_TOPLEVELDECLS_H

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/STLExtras.h"

#include <vector>

namespace ks {
namespace model {

/// Registers \p Decls as the top-level declarations of \p Ctx's own code
/// (outside system headers) while alive.
class UserTopLevelDecls {
public:
  UserTopLevelDecls(const clang::ASTContext &Ctx,
                    std::vector<clang::Decl *> Decls);
  ~UserTopLevelDecls();
  UserTopLevelDecls(const UserTopLevelDecls &) = delete;
  UserTopLevelDecls &operator=(const UserTopLevelDecls &) = delete;

private:
  const clang::ASTContext &Ctx;
};

/// Calls \p F with each top-level declaration to look at: the registered
/// ones, or every declaration of the translation unit. Declarations in
/// system headers may be among them; the callers skip those as before.
void forEachTopLevelDecl(const clang::ASTContext &Ctx,
                         llvm::function_ref<void(const clang::Decl *)> F);

} // namespace model
} // namespace ks

#endif
