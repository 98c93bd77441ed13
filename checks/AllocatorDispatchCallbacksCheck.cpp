//===- AllocatorDispatchCallbacksCheck.cpp - ks-allocator-dispatch-callbacks
//===//
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

/// What the model's comparison of the prototypes found, in words: the
/// parameter count first, then the first parameter, then the return type.
std::string describeMismatch(const CallbackSignature &S,
                             const ASTContext &Ctx) {
  const FunctionProtoType *Have = S.Callback, *Want = S.Slot;
  if (S.countMismatch())
    return "takes " + std::to_string(Have->getNumParams()) + " parameter" +
           (Have->getNumParams() == 1 ? "" : "s") + " where AVStream passes " +
           std::to_string(Want->getNumParams());
  if (S.IncompatibleParam >= 0) {
    unsigned I = static_cast<unsigned>(S.IncompatibleParam);
    return "takes '" + typeName(Have->getParamType(I), Ctx) +
           "' as parameter " + std::to_string(I + 1) +
           " where AVStream passes '" + typeName(Want->getParamType(I), Ctx) +
           "'";
  }
  return "returns '" + typeName(Have->getReturnType(), Ctx) +
         "' where AVStream expects '" + typeName(Want->getReturnType(), Ctx) +
         "'";
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
      if (!C.Signature.mismatch())
        continue;
      std::string Why = describeMismatch(C.Signature, Ctx);
      diag(at(C.Ref.Expr),
           "%0 callback '%1' of '%2' %3: the cast in the table hides the "
           "mismatch, and AVStream calls it through '%4'")
          << S.Name << C.Ref.name() << Table << Why
          << typeName(C.SlotType, Ctx);
      diag(at(C.Ref.Function->getLocation()), "'%0' declared here",
           DiagnosticIDs::Note)
          << C.Ref.name();
    }
  }
}

} // namespace ks
