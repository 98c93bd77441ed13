//===- ksref/ParameterAllocator.h - PFNKSALLOCATOR and its buffer -*- C++
//-*-===//
//
// The life of the buffer a custom parameter allocator hands out, from the
// call of KsPropertyHandlerWithAllocator (or its method and event twins) to
// the completion of the IRP. From Microsoft's pages (docs/sources.md): the
// callback Allocator(Irp, BufferSize, InputOperation) provides the buffer
// the parameters are stored in, BufferSize covering all of them;
// IRP_BUFFERED_IO and IRP_DEALLOCATE_BUFFER are not set when it is used,
// and the filter must clean the buffer up when it completes the IRP. From
// ReactOS's reimplementation of ks.sys (behaviour only): the runtime calls
// the allocator before it looks the item up, returns its failure unchanged,
// and captures the parameters through Irp->AssociatedIrp.SystemBuffer; the
// I/O manager frees SystemBuffer at completion only when
// IRP_DEALLOCATE_BUFFER is set.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_PARAMETERALLOCATOR_H
#define KSREF_PARAMETERALLOCATOR_H

#include "ksref/Status.h"
#include "ksref/Violation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ksref {

/// What the driver's code does (kstidy's model export records it per call).
struct ParameterAllocatorCode {
  std::string Api = "KsPropertyHandlerWithAllocator";
  std::string Allocator, Filter;
  /// Some success return of the callback stores no buffer in SystemBuffer.
  bool SuccessWithoutBuffer = false;
  /// Some success return follows an allocation that returned NULL.
  bool SuccessAfterFailedAllocation = false;
  /// The buffer comes from pool (else from a store of the driver's own).
  bool AllocatesFromPool = true;
  /// The callback sets IRP_DEALLOCATE_BUFFER.
  bool SetsDeallocateBuffer = false;
  /// The fewest and most releases of the buffer on one of the filter's
  /// paths from the call to the completion; unknown: not replayed.
  std::optional<unsigned> MinReleases, MaxReleases;
};

/// One request through the call.
struct AllocatorRequest {
  uint32_t PropertyLength = 24; ///< sizeof(KSPROPERTY) on x64
  uint32_t DataLength = 8;
  bool PoolExhausted = false; ///< every pool allocation returns NULL
  bool FewestReleases = true; ///< the filter takes its path with the
                              ///< fewest releases (else the most)
};

/// What happened, each where kstidy reports it.
struct AllocatorOutcome {
  Status St = Status::Success;
  bool Bugcheck = false;
  /// The runtime captured the parameters into a NULL buffer (reported at
  /// the callback's return).
  std::optional<Violation> NullBuffer;
  /// Pool the filter never gave back (reported at the call).
  std::optional<Violation> Leak;
  uint64_t LeakedBytes = 0;
  /// A second free of the same buffer (reported at the release).
  std::optional<Violation> DoubleFree;
};

/// Runs one request of \p Code.
AllocatorOutcome runParameterAllocator(const ParameterAllocatorCode &Code,
                                       const AllocatorRequest &R);

/// The requests kstidy replays: one down the filter's path with the fewest
/// releases, one down the path with the most, one with the pool exhausted.
std::vector<AllocatorRequest> allocatorRequests();

/// The outcomes of allocatorRequests(), merged: each kind of violation once.
AllocatorOutcome replayParameterAllocator(const ParameterAllocatorCode &Code);

} // namespace ksref

#endif
