//===- AllocateNullOnFailureCheck.cpp - ks-allocate-null-on-failure
//--------===//
#include "AllocateNullOnFailureCheck.h"

#include "clang/AST/ASTContext.h"

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

// Pool blocks below a page are 16-byte aligned on x64 (MEMORY_ALLOCATION_
// ALIGNMENT); larger FileAlignment needs page-sized blocks or more care.
constexpr uint64_t PoolAlignment = 16;
constexpr uint64_t PageSize = 4096;

} // namespace

void AllocateNullOnFailureCheck::checkModel(const KsModel &Model,
                                            ASTContext &Ctx) {
  for (const AllocatorDispatch &D : Model.AllocatorDispatches) {
    const AllocatorCallbackFacts *F =
        Model.callbackFacts(D.Allocate.Ref.Function);
    if (!F)
      continue;
    const std::string Table = D.Var->getQualifiedNameAsString();
    const std::string Name = D.Allocate.Ref.name();
    if (F->ReturnsUninitialized)
      diag(at(F->ReturnsUninitialized),
           "Allocate callback '%0' of '%1' can return an uninitialized "
           "pointer here: it must return the frame, or NULL when the "
           "allocation fails, and AVStream takes anything but NULL for a "
           "frame")
          << Name << Table;
    if (F->ReturnsSentinel)
      diag(at(F->ReturnsSentinel),
           "Allocate callback '%0' of '%1' returns a sentinel that is not a "
           "pointer: on failure it must return NULL, and AVStream takes "
           "anything but NULL for a frame")
          << Name << Table;
    if (F->ReturnsFreed)
      diag(at(F->ReturnsFreed),
           "Allocate callback '%0' of '%1' returns a pointer into a block it "
           "has just freed: AVStream fills and passes on that frame")
          << Name << Table;
    if (F->RaisesInsteadOfNull)
      diag(at(F->RaisesInsteadOfNull),
           "Allocate callback '%0' of '%1' raises or bugchecks when memory "
           "runs out: a failed frame allocation is an expected condition "
           "that AVStream handles when Allocate returns NULL")
          << Name << Table;
    if (!F->SmallestAllocation)
      continue;
    for (const PinDescriptor *P : Model.pinsUsing(&D)) {
      const Framing *Fr = P->AllocatorFraming;
      if (!Fr)
        continue;
      if (Fr->MinFrameSize.Value &&
          *F->SmallestAllocation < *Fr->MinFrameSize.Value) {
        diag(at(F->SmallestAllocationExpr),
             "Allocate callback '%0' of '%1' allocates %2-byte frames, but "
             "%3 declares frames of at least %4 bytes in its framing '%5': "
             "the pin writes past the end of every frame")
            << Name << Table << static_cast<unsigned>(*F->SmallestAllocation)
            << KsModel::describePin(*P)
            << static_cast<unsigned>(*Fr->MinFrameSize.Value)
            << Fr->Var->getQualifiedNameAsString();
        break;
      }
      if (Fr->FileAlignment.Value &&
          *Fr->FileAlignment.Value + 1 > PoolAlignment &&
          *F->SmallestAllocation < PageSize) {
        diag(at(F->SmallestAllocationExpr),
             "Allocate callback '%0' of '%1' takes %2-byte frames from pool, "
             "which aligns them to %3 bytes, but %4's framing '%5' asks for "
             "FileAlignment %6 (%7-byte alignment)")
            << Name << Table << static_cast<unsigned>(*F->SmallestAllocation)
            << static_cast<unsigned>(PoolAlignment) << KsModel::describePin(*P)
            << Fr->Var->getQualifiedNameAsString()
            << static_cast<unsigned>(*Fr->FileAlignment.Value)
            << static_cast<unsigned>(*Fr->FileAlignment.Value + 1);
        break;
      }
    }
  }
}

} // namespace ks
