//===- TopLevelDecls.cpp --------------------------------------------------===//
#include "TopLevelDecls.h"

#include <map>
#include <mutex>

namespace ks {
namespace model {

namespace {

/// Per ASTContext: the workers of one kstidy run (-j) parse at once.
struct Registry {
  std::mutex M;
  std::map<const clang::ASTContext *, std::vector<clang::Decl *>> Decls;
};

Registry &registry() {
  static Registry R;
  return R;
}

} // namespace

UserTopLevelDecls::UserTopLevelDecls(const clang::ASTContext &Ctx,
                                     std::vector<clang::Decl *> Decls)
    : Ctx(Ctx) {
  Registry &R = registry();
  std::lock_guard<std::mutex> Lock(R.M);
  R.Decls[&Ctx] = std::move(Decls);
}

UserTopLevelDecls::~UserTopLevelDecls() {
  Registry &R = registry();
  std::lock_guard<std::mutex> Lock(R.M);
  R.Decls.erase(&Ctx);
}

void forEachTopLevelDecl(const clang::ASTContext &Ctx,
                         llvm::function_ref<void(const clang::Decl *)> F) {
  const std::vector<clang::Decl *> *Registered = nullptr;
  {
    Registry &R = registry();
    std::lock_guard<std::mutex> Lock(R.M);
    auto It = R.Decls.find(&Ctx);
    if (It != R.Decls.end())
      Registered = &It->second;
  }
  // The entry stays until its registration ends, after the passes.
  if (Registered) {
    for (const clang::Decl *D : *Registered)
      F(D);
    return;
  }
  for (const clang::Decl *D : Ctx.getTranslationUnitDecl()->decls())
    F(D);
}

} // namespace model
} // namespace ks
