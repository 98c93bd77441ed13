//===- AllocatorDispatchCallbacksCheck.cpp - ks-allocator-dispatch-callbacks ===//
#include "AllocatorDispatchCallbacksCheck.h"

#include "clang/AST/ASTContext.h"

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

struct Slot {
  const char *Name;
  const CallbackRef AllocatorDispatch::*Member;
};
const Slot Slots[] = {
    {"InitializeAllocator", &AllocatorDispatch::Initialize},
    {"DeleteAllocator", &AllocatorDispatch::Delete},
    {"Allocate", &AllocatorDispatch::Allocate},
    {"Free", &AllocatorDispatch::Free},
};

/// Pointer and integer parameters of one size pass the same way; a different
/// count, or a pointer where an integer is expected, does not.
bool compatible(QualType A, QualType B, const ASTContext &Ctx) {
  if (Ctx.hasSameUnqualifiedType(A, B))
    return true;
  if (A->isPointerType() && B->isPointerType())
    return true; // PVOID Context declared as MY_CONTEXT *: harmless
  return false;
}

std::string describeMismatch(const FunctionProtoType *Have,
                             const FunctionProtoType *Want,
                             const ASTContext &Ctx) {
  if (Have->getNumParams() != Want->getNumParams())
    return "takes " + std::to_string(Have->getNumParams()) + " parameter" +
           (Have->getNumParams() == 1 ? "" : "s") + " where AVStream passes " +
           std::to_string(Want->getNumParams());
  for (unsigned I = 0; I < Have->getNumParams(); ++I)
    if (!compatible(Have->getParamType(I), Want->getParamType(I), Ctx))
      return "takes '" + typeName(Have->getParamType(I), Ctx) +
             "' as parameter " + std::to_string(I + 1) +
             " where AVStream passes '" +
             typeName(Want->getParamType(I), Ctx) + "'";
  QualType HR = Have->getReturnType(), WR = Want->getReturnType();
  if (HR->isVoidType() != WR->isVoidType() ||
      (!HR->isVoidType() && !compatible(HR, WR, Ctx)))
    return "returns '" + typeName(HR, Ctx) + "' where AVStream expects '" +
           typeName(WR, Ctx) + "'";
  return {};
}

} // namespace

void AllocatorDispatchCallbacksCheck::checkModel(const KsModel &Model,
                                                 ASTContext &Ctx) {
  for (const AllocatorDispatch &D : Model.AllocatorDispatches) {
    const std::string Table = D.Var->getQualifiedNameAsString();
    // Pairs first: they say what goes wrong.
    if (D.Allocate.Ref.Present && !D.Free.Ref.Present)
      diag(at(D.Var->getLocation()),
           "KSALLOCATOR_DISPATCH '%0' has Allocate '%1' but no Free: AVStream "
           "returns every frame through Free, so each frame is leaked (or "
           "AVStream calls a NULL function)")
          << Table << D.Allocate.Ref.name();
    if (D.Initialize.Ref.Present && !D.Delete.Ref.Present)
      diag(at(D.Var->getLocation()),
           "KSALLOCATOR_DISPATCH '%0' has InitializeAllocator '%1' but no "
           "DeleteAllocator: the context it creates is never freed (or "
           "AVStream calls a NULL function when the pin closes)")
          << Table << D.Initialize.Ref.name();
    std::string Missing;
    for (const Slot &S : Slots) {
      const CallbackRef &C = D.*S.Member;
      if (C.Ref.Present)
        continue;
      bool Reported =
          (S.Member == &AllocatorDispatch::Free && D.Allocate.Ref.Present) ||
          (S.Member == &AllocatorDispatch::Delete && D.Initialize.Ref.Present);
      if (!Reported)
        Missing += (Missing.empty() ? "" : ", ") + std::string(S.Name);
    }
    if (!Missing.empty())
      diag(at(D.Var->getLocation()),
           "KSALLOCATOR_DISPATCH '%0' leaves %1 NULL: AVStream calls all four "
           "callbacks of a custom allocator")
          << Table << Missing;

    // A cast in the table hides a callback of another signature.
    for (const Slot &S : Slots) {
      const CallbackRef &C = D.*S.Member;
      if (!C.Ref.Function || !C.CastInTable || C.SlotType.isNull() ||
          !C.SlotType->isPointerType())
        continue;
      const auto *Want =
          C.SlotType->getPointeeType()->getAs<FunctionProtoType>();
      const auto *Have = C.Ref.Function->getType()->getAs<FunctionProtoType>();
      if (!Want || !Have)
        continue;
      std::string Why = describeMismatch(Have, Want, Ctx);
      if (Why.empty())
        continue;
      diag(at(C.Ref.Expr),
           "%0 callback '%1' of '%2' %3: the cast in the table hides the "
           "mismatch, and AVStream calls it through '%4'")
          << S.Name << C.Ref.name() << Table << Why
          << typeName(C.SlotType, Ctx);
      diag(C.Ref.Function->getLocation(), "'%0' declared here",
           DiagnosticIDs::Note)
          << C.Ref.name();
    }
  }
}

} // namespace ks
