//===- KsModelCheck.h - Base of the checks that read the KS model ---------===//
//
// Every ks-* check judges the KS model of the whole translation unit (a
// dispatch site and the table it names are rarely in the same declaration),
// so each one reports once the model is complete, at the end of the TU.
//
// With the global option KsHeaderFindingsAtInclude (kstidy-clangd sets it),
// a finding in a header the main file includes is also pointed at from the
// main file's #include: an editor shows diagnostics of the open file only.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_KSMODELCHECK_H
#define KSTIDY_CHECKS_KSMODELCHECK_H

#include "model/SharedModel.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <map>
#include <optional>
#include <utility>

namespace ks {

class KsModelCheck : public clang::tidy::ClangTidyCheck {
public:
  KsModelCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context),
        HeaderFindingsAtInclude(
            Options.getLocalOrGlobal("KsHeaderFindingsAtInclude", false)) {}

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) final {
    Model = model::SharedModel::subscribe(
        Finder, [this](const model::KsModel &M, clang::ASTContext &C) {
          Ctx = &C;
          checkModel(M, C);
          pointAtHeaderFindings();
          Ctx = nullptr;
        });
    registerOwnMatchers(Finder);
  }

protected:
  /// A finding (or its note) at \p Loc. Warnings in a header the main file
  /// includes are counted for the #include pointer.
  clang::DiagnosticBuilder
  diag(clang::SourceLocation Loc, llvm::StringRef Description,
       clang::DiagnosticIDs::Level Level = clang::DiagnosticIDs::Warning) {
    if (HeaderFindingsAtInclude && Level == clang::DiagnosticIDs::Warning)
      countHeaderFinding(Loc);
    return ClangTidyCheck::diag(Loc, Description, Level);
  }
  using ClangTidyCheck::diag;

  /// Matchers of a check's own, beside the model's; their results arrive in
  /// check(const MatchResult &).
  virtual void registerOwnMatchers(clang::ast_matchers::MatchFinder *Finder) {}

  /// Reports on the finished model of the translation unit.
  virtual void checkModel(const model::KsModel &Model,
                          clang::ASTContext &Ctx) = 0;

  /// Where a finding about \p L goes: the spelling in the file for macro
  /// arguments, the macro's use for text that a macro body produced.
  clang::SourceLocation at(clang::SourceLocation L) const {
    return Ctx->getSourceManager().getFileLoc(L);
  }
  clang::SourceLocation at(const clang::Stmt *S) const {
    return at(S->getBeginLoc());
  }

  /// The file text of \p E when it is spelled in one piece in the file
  /// (directly or as a macro argument), so that a fix-it may replace it;
  /// nothing for text a macro body produced.
  std::optional<clang::CharSourceRange>
  rewritableRange(const clang::Expr *E) const {
    if (!E)
      return std::nullopt;
    clang::CharSourceRange R = clang::Lexer::makeFileCharRange(
        clang::CharSourceRange::getTokenRange(E->getSourceRange()),
        Ctx->getSourceManager(), Ctx->getLangOpts());
    if (R.isInvalid())
      return std::nullopt;
    return R;
  }

private:
  void countHeaderFinding(clang::SourceLocation Loc);
  void pointAtHeaderFindings();

  /// Per #include of the main file: how many of this check's findings lie
  /// in the header it brings in (directly or through other headers), and
  /// the first of them.
  struct HeaderFindings {
    unsigned Count = 0;
    clang::SourceLocation First;
  };
  std::map<clang::SourceLocation, HeaderFindings> Pointers;

  std::shared_ptr<model::SharedModel> Model;
  clang::ASTContext *Ctx = nullptr;
  const bool HeaderFindingsAtInclude;
};

} // namespace ks

#endif
