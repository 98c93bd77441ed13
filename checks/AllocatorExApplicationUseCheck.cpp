//===- AllocatorExApplicationUseCheck.cpp - ks-allocator-ex-application-use ===//
#include "AllocatorExApplicationUseCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace ks {

AllocatorExApplicationUseCheck::AllocatorExApplicationUseCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ProxyFiles(Options.get("ProxyFiles", "")) {
  llvm::SmallVector<llvm::StringRef, 4> Globs;
  llvm::StringRef(ProxyFiles).split(Globs, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef G : Globs)
    if (auto P = llvm::GlobPattern::create(G.trim()))
      ProxyGlobs.push_back(std::move(*P));
    else
      llvm::consumeError(P.takeError());
}

void AllocatorExApplicationUseCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ProxyFiles", ProxyFiles);
}

bool AllocatorExApplicationUseCheck::isProxyFile(llvm::StringRef Path) const {
  llvm::StringRef File = llvm::sys::path::filename(Path);
  for (const llvm::GlobPattern &G : ProxyGlobs)
    if (G.match(Path) || G.match(File))
      return true;
  return false;
}

namespace {
/// IKsAllocatorEx, IKsAllocatorEx *, IKsAllocatorEx ** ...
bool namesAllocatorEx(QualType T) {
  for (int Depth = 0; !T.isNull() && Depth < 4; ++Depth) {
    if (const auto *RD = T->getAsCXXRecordDecl())
      return RD->getName() == "IKsAllocatorEx";
    if (!T->isPointerType() && !T->isReferenceType())
      return false;
    T = T->getPointeeType();
  }
  return false;
}
AST_MATCHER(DeclaratorDecl, declaredAsAllocatorEx) {
  return namesAllocatorEx(Node.getType());
}
} // namespace

void AllocatorExApplicationUseCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      declRefExpr(to(varDecl(hasName("IID_IKsAllocatorEx")))).bind("use"),
      this);
  Finder->addMatcher(declaratorDecl(declaredAsAllocatorEx()).bind("decl"),
                     this);
}

void AllocatorExApplicationUseCheck::check(
    const MatchFinder::MatchResult &R) {
  SourceLocation Loc;
  if (const auto *DRE = R.Nodes.getNodeAs<DeclRefExpr>("use"))
    Loc = DRE->getBeginLoc();
  else if (const auto *D = R.Nodes.getNodeAs<DeclaratorDecl>("decl"))
    Loc = D->getTypeSpecStartLoc();
  const SourceManager &SM = *R.SourceManager;
  Loc = SM.getFileLoc(Loc);
  if (Loc.isInvalid() || SM.isInSystemHeader(Loc))
    return;
  if (isProxyFile(SM.getFilename(Loc)))
    return;
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  if (!Reported.insert({File, SM.getLineNumber(File, Offset)}).second)
    return;
  diag(Loc, "IKsAllocatorEx is for KS proxy use and not recommended for "
            "application use; this file is not KS proxy code (list proxy "
            "files in the check's ProxyFiles option)");
}

} // namespace ks
