//===- AllocatorUserModeFramesCheck.cpp - ks-allocator-user-mode-frames
//----===//
#include "AllocatorUserModeFramesCheck.h"

#include "clang/AST/ASTContext.h"

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

// ks.h
constexpr uint64_t DenyUserModeAccess = 0x80000000; // KSPIN_FLAG_...
constexpr uint64_t RequireSystemMemory = 0x2; // ..._REQUIREMENTF_SYSTEM_MEMORY
constexpr uint64_t RequireMustAllocate = 0x8; // ..._REQUIREMENTF_MUST_ALLOCATE
// ..._REQUIREMENTF_PREFERENCES_ONLY: "the requirements flags are preferences
// only" (KSALLOCATOR_FRAMING): the framing then requires nothing.
constexpr uint64_t RequirePreferencesOnly = 0x80000000;
// STATIC_KSMEMORY_TYPE_USER in ks.h.
const char MemoryTypeUser[] = "{8cb0fc28-7893-11d1-b069-00a0c9062802}";

} // namespace

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
    if (P.AllocatorFraming &&
        P.AllocatorFraming->MemoryType == MemoryTypeUser && F &&
        F->AllocatesFromPool)
      diag(at(P.AllocatorFraming->Var->getLocation()),
           "framing '%0' of %1 says KSMEMORY_TYPE_USER, but its allocator "
           "'%2' takes the frames from kernel pool: kernel-allocated frames "
           "cannot be passed to a user-mode filter")
          << P.AllocatorFraming->Var->getQualifiedNameAsString()
          << KsModel::describePin(P) << Allocator;
  }
  // User-mode proxy code asking for user-mode frames from a pin that must
  // allocate them itself, in kernel memory. With PREFERENCES_ONLY the
  // flags are preferences, and the pin need not allocate: no finding (as
  // ksref's replay accepts the mode).
  for (const AllocatorModeCall &M : Model.ModeCalls) {
    if (!M.User || !M.RequirementsFlags ||
        !(*M.RequirementsFlags & RequireMustAllocate) ||
        (*M.RequirementsFlags & RequireSystemMemory) ||
        (*M.RequirementsFlags & RequirePreferencesOnly))
      continue;
    diag(at(M.Call),
         "KsSetAllocatorMode(KsAllocatorMode_User) for framing that requires "
         "KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE without "
         "KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY: the pin allocates its "
         "frames in kernel mode, and kernel-allocated frames cannot be "
         "passed to a user-mode filter");
    diag(at(M.FlagsExpr), "framing requirements set here", DiagnosticIDs::Note);
  }
}

} // namespace ks
