//===- ksref/Allocator.h - the AVStream custom allocator life cycle -*- C++
//-*-===//
//
// What AVStream does with a pin's KSALLOCATOR_DISPATCH (InitializeAllocator,
// DeleteAllocator, Allocate, Free) and its framing, replayed from the
// effects the static model recorded for each callback. See
// reference/README.md for the rules and their sources.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_ALLOCATOR_H
#define KSREF_ALLOCATOR_H

#include "ksref/FrameTracker.h"
#include "ksref/Framing.h"
#include "ksref/Status.h"
#include "ksref/Violation.h"

#include <string>
#include <vector>

namespace ksref {

// The custom allocator's callbacks, by their recorded effects:
struct InitializeEffects {
  bool Present = true;
  bool SuccessWithoutContext =
      false; // STATUS_SUCCESS on a path that never sets *Context
  bool SuccessAfterFailedAllocation =
      false; // STATUS_SUCCESS where its own allocation failed
  bool IgnoresPinAndFraming = false; // never uses Pin nor AllocatorFraming
  std::string StoredType; // the type it stores in *Context ("" unknown)
  std::string Function;   // ksref addition: its name, for messages
};
struct AllocateEffects {
  bool Present = true;
  bool MayReturnUninitialized =
      false;                    // returns an uninitialized pointer on some path
  bool ReturnsSentinel = false; // returns (PVOID)-1 or the like instead of NULL
  bool ReturnsFreed = false;    // returns a block it just freed
  bool Raises = false;          // raises / bugchecks instead of returning NULL
  uint32_t FrameSize = 0;       // bytes per frame (0 unknown)
  uint32_t Alignment = 16;      // alignment of its blocks (pool: 16 on x64)
  bool FromKernelPool = true;   // frames come from ExAllocatePool*
  std::string ContextType;      // the type it reads Context as ("" unknown)
  std::string Function;         // ksref addition
};
struct ContextUse {
  bool Present = true;
  std::string ContextType; // the type it reads Context as ("" unknown)
  std::string Function;    // ksref addition
};
struct AllocatorDispatchModel {
  std::string Name;
  InitializeEffects Initialize;
  ContextUse Delete;
  AllocateEffects Allocate;
  ContextUse Free;
};
struct PinModel {
  std::string Name;
  bool DenyUserMode = false;    // KSPIN_FLAG_DENY_USERMODE_ACCESS
  bool CustomAllocator = false; // KSPIN_DISPATCH.Allocator is not NULL
  FramingModel Framing;
  bool HasFraming = false;
};
struct AllocatorRun {
  std::vector<Violation> Violations;
  std::vector<Frame> Outstanding; // frames never freed at the end
  // --- ksref additions ---
  Status InitializeStatus =
      Status::Success;          // what InitializeAllocator (or the
                                // default allocator's creation) returned
  uint32_t FramesAllocated = 0; // frames Allocate handed out (incl. bogus ones)
  uint32_t FramesDelivered = 0; // frames given to the consumer
  bool Faulted = false;         // AVStream called through NULL or wrote
                                // into a non-frame: a bugcheck on Windows
  std::vector<std::string> Trace; // the steps, one line each
};

// The AVStream allocator life cycle: Initialize (also with an injected
// allocation failure), Allocate N frames (also under memory pressure), hand
// frames to a consumer (kernel or user mode), Free them, Delete. Each
// contract break becomes a Violation tagged with the check that predicts it.
AllocatorRun runAllocatorLifecycle(const AllocatorDispatchModel &Dispatch,
                                   const PinModel &Pin, bool UserModeConsumer);

/// The alignment a pool block of \p Size bytes gets: 16 bytes on x64 below
/// a page, page alignment from PAGE_SIZE on ("ExAllocatePoolWithTag").
uint32_t poolAlignment(uint32_t Size, uint32_t Requested = 16);

} // namespace ksref

#endif
