//===- ksref/FrameTracker.h - who owns which frame --------------*- C++ -*-===//
//
// Book-keeping of the frames an allocator hands out: every frame is freed
// once, by its id, and nothing else is freed. Leaks, double frees and frees
// of blocks that were never frames become Violations.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_FRAMETRACKER_H
#define KSREF_FRAMETRACKER_H

#include "ksref/Status.h"
#include "ksref/Violation.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ksref {

enum class MemoryOrigin { KernelPool, User };
const char *memoryOriginName(MemoryOrigin O);

struct Frame {
  uint64_t Id; // its address
  uint32_t Size;
  uint32_t Alignment; // bytes
  MemoryOrigin Origin;
};

class FrameTracker {
public:
  /// \p Check tags the violations this tracker reports (double and foreign
  /// frees); the allocator life cycle passes ks-allocate-null-on-failure,
  /// whose Allocate defects (a sentinel, a freed block) produce them.
  explicit FrameTracker(std::string Check = checks::AllocateNullOnFailure)
      : Check(std::move(Check)) {}

  /// A new live frame.
  Frame allocate(uint32_t Size, uint32_t Alignment = 16,
                 MemoryOrigin Origin = MemoryOrigin::KernelPool);
  /// Frees a frame: Success for a live frame; a second free of the same
  /// frame, or a free of an id that was never a frame, is a Violation and
  /// returns InvalidParameter.
  Status free(uint64_t Id);
  /// The frame with this id was freed (and not handed out again).
  bool isFreed(uint64_t Id) const;
  bool isLive(uint64_t Id) const { return Live.count(Id) != 0; }
  /// The frames still live (allocated and never freed).
  std::vector<Frame> leaks() const;
  const std::vector<Violation> &violations() const { return Violations; }

private:
  std::string Check;
  uint64_t Next = 0x10000;
  std::map<uint64_t, Frame> Live;
  std::map<uint64_t, Frame> Freed;
  std::vector<Violation> Violations;
};

} // namespace ksref

#endif
