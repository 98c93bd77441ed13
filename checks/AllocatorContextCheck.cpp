//===- AllocatorContextCheck.cpp - ks-allocator-context
//--------------------===//
#include "AllocatorContextCheck.h"

#include "clang/AST/ASTContext.h"

using namespace clang;
using namespace ks::model;

namespace ks {

void AllocatorContextCheck::checkModel(const KsModel &Model, ASTContext &Ctx) {
  for (const AllocatorDispatch &D : Model.AllocatorDispatches) {
    const std::string Table = D.Var->getQualifiedNameAsString();
    const AllocatorCallbackFacts *Init =
        Model.callbackFacts(D.Initialize.Ref.Function);
    if (!Init)
      continue;
    const std::string InitName = D.Initialize.Ref.name();
    if (Init->SuccessAfterFailedAllocation) {
      diag(at(Init->SuccessAfterFailedAllocation),
           "InitializeAllocator '%0' of '%1' returns STATUS_SUCCESS after its "
           "allocation failed: it must return the error it got creating the "
           "allocator, or AVStream goes on to call Allocate with a context "
           "that does not exist")
          << InitName << Table;
      diag(at(Init->FailedAllocation), "the allocation that failed",
           DiagnosticIDs::Note);
    } else if (Init->SuccessWithoutContext) {
      diag(at(Init->SuccessWithoutContext),
           "InitializeAllocator '%0' of '%1' can return STATUS_SUCCESS here "
           "without storing *Context: AVStream then hands an undefined "
           "context to Allocate, Free and DeleteAllocator")
          << InitName << Table;
    }
    if (Init->IgnoresPinAndFraming)
      diag(at(Init->Definition->getLocation()),
           "InitializeAllocator '%0' of '%1' never uses its Pin or "
           "AllocatorFraming parameter, so the context it stores cannot lead "
           "to the pin's framing: Allocate receives only that context and "
           "cannot honour the frame size and alignment the pin asked for")
          << InitName << Table;
    if (Init->StoredContextType.isNull())
      continue;
    static const struct {
      const char *Name;
      const CallbackRef AllocatorDispatch::*Member;
    } Readers[] = {{"Allocate", &AllocatorDispatch::Allocate},
                   {"Free", &AllocatorDispatch::Free},
                   {"DeleteAllocator", &AllocatorDispatch::Delete}};
    for (const auto &R : Readers) {
      const CallbackRef &C = D.*R.Member;
      const AllocatorCallbackFacts *F = Model.callbackFacts(C.Ref.Function);
      if (!F || F->ContextCastType.isNull() ||
          Ctx.hasSameUnqualifiedType(F->ContextCastType,
                                     Init->StoredContextType))
        continue;
      diag(at(F->ContextCast),
           "%0 callback '%1' of '%2' reads Context as '%3', but "
           "InitializeAllocator '%4' stores a '%5' there: every field it "
           "reads comes from the wrong object")
          << R.Name << C.Ref.name() << Table
          << typeName(F->ContextCastType, Ctx) << InitName
          << typeName(Init->StoredContextType, Ctx);
      diag(at(Init->ContextStore), "*Context is set here", DiagnosticIDs::Note);
    }
  }
}

} // namespace ks
