//===- AllocatorExApplicationUseCheck.cpp - ks-allocator-ex-application-use
//===//
#include "AllocatorExApplicationUseCheck.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace clang;

namespace ks {

AllocatorExApplicationUseCheck::AllocatorExApplicationUseCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : KsModelCheck(Name, Context), ProxyFiles(Options.get("ProxyFiles", "")) {
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

void AllocatorExApplicationUseCheck::checkModel(const model::KsModel &Model,
                                                ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::set<std::pair<FileID, unsigned>> Reported; // one finding per line
  for (const model::AllocatorExUse &U : Model.AllocatorExUses) {
    SourceLocation Loc = SM.getFileLoc(U.Loc);
    if (Loc.isInvalid() || SM.isInSystemHeader(Loc) ||
        isProxyFile(SM.getFilename(Loc)))
      continue;
    auto [File, Offset] = SM.getDecomposedLoc(Loc);
    if (!Reported.insert({File, SM.getLineNumber(File, Offset)}).second)
      continue;
    diag(Loc, "IKsAllocatorEx is for KS proxy use and not recommended for "
              "application use; this file is not KS proxy code (list proxy "
              "files in the check's ProxyFiles option)");
  }
}

} // namespace ks
