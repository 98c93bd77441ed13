//===- AllocatorUserModeFramesCheck.cpp - ks-allocator-user-mode-frames ----===//
#include "AllocatorUserModeFramesCheck.h"

#include "model/ModelBuilder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace ks::model;

namespace ks {

namespace {

// ks.h
constexpr uint64_t DenyUserModeAccess = 0x80000000; // KSPIN_FLAG_...
constexpr uint64_t RequireSystemMemory = 0x2;      // ..._REQUIREMENTF_SYSTEM_MEMORY
constexpr uint64_t RequireMustAllocate = 0x8;      // ..._REQUIREMENTF_MUST_ALLOCATE
// STATIC_KSMEMORY_TYPE_USER in ks.h.
const char MemoryTypeUser[] = "{8cb0fc28-7893-11d1-b069-00a0c9062802}";

/// Framing requirements a function sets up: `X.RequirementsFlags = ...`,
/// or a KSALLOCATOR_FRAMING initializer.
class RequirementsScan : public RecursiveASTVisitor<RequirementsScan> {
public:
  explicit RequirementsScan(ASTContext &Ctx) : Ctx(Ctx) {}
  std::optional<uint64_t> Flags;
  const Expr *Where = nullptr;

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!BO->isAssignmentOp())
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    if (!ME)
      return true;
    llvm::StringRef Field = ME->getMemberDecl()->getName();
    if (Field == "RequirementsFlags" || Field == "OptionsFlags")
      note(BO->getRHS());
    return true;
  }

private:
  void note(const Expr *E) {
    if (auto V = evaluateConstant(E, Ctx)) {
      Flags = *V;
      Where = E;
    }
  }
  ASTContext &Ctx;
};

} // namespace

void AllocatorUserModeFramesCheck::registerOwnMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasName("KsSetAllocatorMode"))),
          hasArgument(0, ignoringParenImpCasts(declRefExpr(
                             to(enumConstantDecl(hasName("KsAllocatorMode_User")))))),
          forCallable(functionDecl().bind("fn")))
          .bind("user-mode"),
      this);
}

void AllocatorUserModeFramesCheck::check(
    const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>("user-mode");
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!Call || !Fn || !Fn->hasBody())
    return;
  RequirementsScan Scan(*Result.Context);
  Scan.TraverseStmt(Fn->getBody());
  if (!Scan.Flags || !(*Scan.Flags & RequireMustAllocate) ||
      (*Scan.Flags & RequireSystemMemory))
    return;
  diag(Call->getBeginLoc(),
       "KsSetAllocatorMode(KsAllocatorMode_User) for framing that requires "
       "KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE without "
       "KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY: the pin allocates its frames "
       "in kernel mode, and kernel-allocated frames cannot be passed to a "
       "user-mode filter");
  diag(Scan.Where->getBeginLoc(), "framing requirements set here",
       DiagnosticIDs::Note);
}

void AllocatorUserModeFramesCheck::checkModel(const KsModel &Model,
                                              ASTContext &Ctx) {
  for (const PinDescriptor &P : Model.Pins) {
    if (!P.Dispatch || P.Dispatch->AllocatorNull)
      continue;
    const std::string Allocator =
        P.Dispatch->Allocator
            ? P.Dispatch->Allocator->Var->getQualifiedNameAsString()
            : std::string("<allocator>");
    if (P.Flags.Value && !(*P.Flags.Value & DenyUserModeAccess))
      diag(at(P.Flags.Expr ? P.Flags.Expr : P.Init),
           "%0 uses the custom kernel-mode allocator '%1' but its Flags lack "
           "KSPIN_FLAG_DENY_USERMODE_ACCESS: user-mode clients can connect "
           "to it, and kernel-allocated frames cannot be passed to a "
           "user-mode filter")
          << KsModel::describePin(P) << Allocator;
    const AllocatorCallbackFacts *F =
        P.Dispatch->Allocator
            ? Model.callbackFacts(P.Dispatch->Allocator->Allocate.Ref.Function)
            : nullptr;
    if (P.AllocatorFraming && P.AllocatorFraming->MemoryType == MemoryTypeUser &&
        F && F->AllocatesFromPool)
      diag(at(P.AllocatorFraming->Var->getLocation()),
           "framing '%0' of %1 says KSMEMORY_TYPE_USER, but its allocator "
           "'%2' takes the frames from kernel pool: kernel-allocated frames "
           "cannot be passed to a user-mode filter")
          << P.AllocatorFraming->Var->getQualifiedNameAsString() << KsModel::describePin(P)
          << Allocator;
  }
}

} // namespace ks
