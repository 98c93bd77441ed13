//===- PageSizeBufferCheck.cpp - ks-page-size-buffer -----------------------===//
#include "PageSizeBufferCheck.h"

#include "model/ModelBuilder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace ks {

namespace {

constexpr uint64_t NoBuffering = 0x20000000; // FILE_FLAG_NO_BUFFERING
constexpr uint64_t PageSize = 4096;

/// Evidence that a function needs page-aligned buffers: a CreateFile with
/// FILE_FLAG_NO_BUFFERING, or a test of a pointer against the page size.
class PageAlignedRead : public RecursiveASTVisitor<PageAlignedRead> {
public:
  explicit PageAlignedRead(ASTContext &Ctx) : Ctx(Ctx) {}
  const Expr *Evidence = nullptr;
  const char *Why = nullptr;

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (Evidence || !FD || !FD->getIdentifier())
      return true;
    llvm::StringRef Name = FD->getName();
    // CreateFile(A|W)(Name, Access, Share, Security, Disposition, Flags, ...)
    if ((Name == "CreateFileA" || Name == "CreateFileW") &&
        Call->getNumArgs() > 5)
      if (auto Flags = model::evaluateConstant(Call->getArg(5), Ctx);
          Flags && (*Flags & NoBuffering)) {
        Evidence = Call;
        Why = "opens a FILE_FLAG_NO_BUFFERING handle, whose reads need "
              "page-aligned buffers";
      }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (Evidence)
      return true;
    auto V = model::evaluateConstant(BO->getRHS(), Ctx);
    if (!V)
      return true;
    bool PointerOperand =
        BO->getLHS()->IgnoreParenCasts()->getType()->isPointerType() ||
        BO->getLHS()->IgnoreParenImpCasts()->getType()->isIntegerType();
    if (PointerOperand && ((BO->getOpcode() == BO_And && *V == PageSize - 1) ||
                           (BO->getOpcode() == BO_Rem && *V == PageSize))) {
      Evidence = BO;
      Why = "checks a buffer for page alignment";
    }
    return true;
  }

private:
  ASTContext &Ctx;
};

} // namespace

void PageSizeBufferCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(
              hasName("AllocateBuffer"),
              ofClass(cxxRecordDecl(isSameOrDerivedFrom("IWMSBufferAllocator"))))),
          forCallable(functionDecl().bind("fn")))
          .bind("allocate"),
      this);
}

void PageSizeBufferCheck::check(const MatchFinder::MatchResult &R) {
  const auto *Call = R.Nodes.getNodeAs<CXXMemberCallExpr>("allocate");
  const auto *Fn = R.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!Call || !Fn || !Fn->hasBody())
    return;
  PageAlignedRead Scan(*R.Context);
  Scan.TraverseStmt(Fn->getBody());
  if (!Scan.Evidence)
    return;
  diag(Call->getExprLoc(),
       "IWMSBufferAllocator::AllocateBuffer gives no page alignment, but "
       "'%0' %1: allocate the buffer with AllocatePageSizeBuffer")
      << Fn->getQualifiedNameAsString() << Scan.Why;
  diag(Scan.Evidence->getBeginLoc(), "page-aligned use here",
       DiagnosticIDs::Note);
}

} // namespace ks
