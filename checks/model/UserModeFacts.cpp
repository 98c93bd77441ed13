//===- UserModeFacts.cpp --------------------------------------------------===//
#include "UserModeFacts.h"

#include "ModelBuilder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace ks {
namespace model {

namespace {

class RequirementsScan : public RecursiveASTVisitor<RequirementsScan> {
public:
  RequirementsScan(ASTContext &Ctx, AllocatorModeCall &Out)
      : Ctx(Ctx), Out(Out) {}

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!BO->isAssignmentOp())
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    if (!ME)
      return true;
    llvm::StringRef Field = ME->getMemberDecl()->getName();
    if (Field == "RequirementsFlags" || Field == "OptionsFlags")
      if (auto V = evaluateConstant(BO->getRHS(), Ctx)) {
        Out.RequirementsFlags = V;
        Out.FlagsExpr = BO->getRHS();
      }
    return true;
  }

private:
  ASTContext &Ctx;
  AllocatorModeCall &Out;
};

constexpr uint64_t NoBuffering = 0x20000000; // FILE_FLAG_NO_BUFFERING
constexpr uint64_t PageSize = 4096;

class PageAlignedScan : public RecursiveASTVisitor<PageAlignedScan> {
public:
  PageAlignedScan(ASTContext &Ctx, WmsAllocation &Out) : Ctx(Ctx), Out(Out) {}

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (Out.PageAlignedUse || !FD || !FD->getIdentifier())
      return true;
    llvm::StringRef Name = FD->getName();
    // CreateFile(A|W)(Name, Access, Share, Security, Disposition, Flags, ...)
    if ((Name == "CreateFileA" || Name == "CreateFileW") &&
        Call->getNumArgs() > 5)
      if (auto Flags = evaluateConstant(Call->getArg(5), Ctx);
          Flags && (*Flags & NoBuffering)) {
        Out.PageAlignedUse = Call;
        Out.PageAlignedWhy = "opens a FILE_FLAG_NO_BUFFERING handle, whose "
                             "reads need page-aligned buffers";
      }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (Out.PageAlignedUse)
      return true;
    auto V = evaluateConstant(BO->getRHS(), Ctx);
    if (!V)
      return true;
    if ((BO->getOpcode() == BO_And && *V == PageSize - 1) ||
        (BO->getOpcode() == BO_Rem && *V == PageSize)) {
      Out.PageAlignedUse = BO;
      Out.PageAlignedWhy = "checks a buffer for page alignment";
    }
    return true;
  }

private:
  ASTContext &Ctx;
  WmsAllocation &Out;
};

} // namespace

void findRequirementsFlags(const Stmt *Body, ASTContext &Ctx,
                           AllocatorModeCall &Call) {
  RequirementsScan(Ctx, Call).TraverseStmt(const_cast<Stmt *>(Body));
}

void findPageAlignedUse(const Stmt *Body, ASTContext &Ctx, WmsAllocation &A) {
  PageAlignedScan(Ctx, A).TraverseStmt(const_cast<Stmt *>(Body));
}

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

} // namespace model
} // namespace ks
