//===- ParameterAllocator.cpp - PFNKSALLOCATOR and its buffer -------------===//
//
//  [KsPHWA] Microsoft, "KsPropertyHandlerWithAllocator function" (and its
//           method and event twins): IRP_BUFFERED_IO and
//           IRP_DEALLOCATE_BUFFER are not set with a custom allocator.
//  [PFNKSA] Microsoft, "PFNKSALLOCATOR callback function": BufferSize covers
//           all parameters; the filter cleans the buffer up on completion.
//  [ROS]    ReactOS's reimplementation of ks.sys and of the I/O manager,
//           behaviour only: the allocator runs before the item lookup, the
//           parameters are captured through Irp->AssociatedIrp.SystemBuffer,
//           and completing an IRP with IRP_DEALLOCATE_BUFFER frees
//           SystemBuffer (Microsoft's pages name the flag, not when it acts).
//
//===----------------------------------------------------------------------===//
#include "ksref/ParameterAllocator.h"
#include "ksref/PropertyDispatch.h"

#include <map>
#include <set>

namespace ksref {

namespace {

/// Kernel pool as the replay sees it: blocks by address, and the addresses
/// already given back.
class Pool {
public:
  explicit Pool(bool Exhausted) : Exhausted(Exhausted) {}
  uint64_t allocate(uint32_t Size) {
    if (Exhausted)
      return 0;
    const uint64_t A = Next;
    Next += (Size + 15u) & ~15ull;
    Next += 16;
    Live[A] = Size;
    return A;
  }
  /// False for a block that is not live (freed already).
  bool free(uint64_t A) {
    auto It = Live.find(A);
    if (It == Live.end())
      return false;
    Live.erase(It);
    return true;
  }
  uint64_t liveBytes() const {
    uint64_t N = 0;
    for (const auto &[A, Size] : Live)
      N += Size;
    return N;
  }

private:
  bool Exhausted;
  uint64_t Next = 0xFFFFA00000001000ULL;
  std::map<uint64_t, uint32_t> Live;
};

std::string quoted(const std::string &Name) { return "'" + Name + "'"; }

} // namespace

AllocatorOutcome runParameterAllocator(const ParameterAllocatorCode &Code,
                                       const AllocatorRequest &R) {
  AllocatorOutcome Out;
  Pool P(R.PoolExhausted);
  PropertyRequest Req;
  Req.PropertyLength = R.PropertyLength;
  Req.DataLength = R.DataLength;
  // [PFNKSA] one buffer for all the parameters.
  const uint32_t Size = allocatorRequestSize(Req);
  const std::string Who = quoted(Code.Allocator);

  // The callback. A METHOD_NEITHER IOCTL_KS_PROPERTY has no SystemBuffer
  // of the I/O manager's: 0 until the callback stores one.
  uint64_t SystemBuffer = 0;
  bool Deallocate = false;
  if (Code.AllocatesFromPool) {
    const uint64_t Block = P.allocate(Size);
    if (Block == 0 && !Code.SuccessAfterFailedAllocation) {
      Out.St = Status::InsufficientResources;
      return Out; // [ROS] the failure ends the request, nothing to free
    }
    SystemBuffer = Block;
  } else {
    SystemBuffer = 0x1000; // a block of the driver's own store
  }
  if (Code.SuccessWithoutBuffer && !R.PoolExhausted)
    SystemBuffer = 0; // the success return that stores nothing
  if (SystemBuffer != 0)
    Deallocate = Code.SetsDeallocateBuffer;

  // [ROS] The runtime captures the parameters into the buffer.
  if (SystemBuffer == 0) {
    Out.Bugcheck = true;
    Out.St = Status::AccessViolation;
    Out.NullBuffer = Violation{
        checks::ParameterAllocator,
        Who + " returned STATUS_SUCCESS " +
            (R.PoolExhausted ? std::string("after its allocation failed")
                             : std::string("without storing a buffer")) +
            ", and " + Code.Api + " captured " + std::to_string(Size) +
            " bytes of parameters through a NULL SystemBuffer (bugcheck)"};
    return Out;
  }

  // The filter's path after the call, then the completion.
  const std::optional<unsigned> &Releases =
      R.FewestReleases ? Code.MinReleases : Code.MaxReleases;
  if (!Releases || !Code.AllocatesFromPool)
    return Out; // what the filter does is unknown: nothing is concluded
  const std::string Filter = quoted(Code.Filter);
  unsigned Frees = 0;
  auto Free = [&](const std::string &By) {
    if (!P.free(SystemBuffer) && !Out.DoubleFree)
      Out.DoubleFree = Violation{
          checks::ParameterAllocator,
          By + " freed the " + std::to_string(Size) + "-byte buffer " + Who +
              " handed out after it had been freed already" +
              (Frees > 0 ? " by " + Filter : std::string()) +
              " (double free: pool corruption, a bugcheck)"};
    ++Frees;
  };
  for (unsigned I = 0; I < *Releases; ++I)
    Free(Filter);
  // [ROS] IoCompleteRequest frees SystemBuffer for IRP_DEALLOCATE_BUFFER;
  // [KsPHWA] the runtime did not set it.
  if (Deallocate)
    Free("the I/O manager (IRP_DEALLOCATE_BUFFER, set by " + Who + ")");
  Out.LeakedBytes = P.liveBytes();
  if (Out.LeakedBytes)
    Out.Leak = Violation{
        checks::ParameterAllocator,
        "after " + Code.Api + " and the completion of the request by " +
            Filter + ", the " + std::to_string(Out.LeakedBytes) +
            "-byte buffer " + Who +
            " handed out is still allocated: every such request leaks it"};
  return Out;
}

std::vector<AllocatorRequest> allocatorRequests() {
  AllocatorRequest Fewest, Most, Exhausted;
  Most.FewestReleases = false;
  Exhausted.PoolExhausted = true;
  return {Fewest, Most, Exhausted};
}

AllocatorOutcome replayParameterAllocator(const ParameterAllocatorCode &Code) {
  AllocatorOutcome All;
  for (const AllocatorRequest &R : allocatorRequests()) {
    AllocatorOutcome O = runParameterAllocator(Code, R);
    if (!All.NullBuffer)
      All.NullBuffer = O.NullBuffer;
    if (!All.Leak) {
      All.Leak = O.Leak;
      All.LeakedBytes = O.LeakedBytes;
    }
    if (!All.DoubleFree)
      All.DoubleFree = O.DoubleFree;
    All.Bugcheck = All.Bugcheck || O.Bugcheck;
  }
  return All;
}

} // namespace ksref
