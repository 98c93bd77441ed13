//===- FrameTracker.cpp
//----------------------------------------------------===//
#include "ksref/FrameTracker.h"

#include "Text.h"

namespace ksref {

using detail::fmt;

const char *memoryOriginName(MemoryOrigin O) {
  return O == MemoryOrigin::KernelPool ? "kernel pool" : "user memory";
}

Frame FrameTracker::allocate(uint32_t Size, uint32_t Alignment,
                             MemoryOrigin Origin) {
  // Addresses: distinct, aligned as asked, never reused (a freed address
  // stays in Freed so that a second free is recognised).
  const uint64_t A = Alignment ? Alignment : 1;
  Next = (Next + A - 1) / A * A;
  Frame F{Next, Size, Alignment, Origin};
  Next += Size ? Size : 1;
  Live[F.Id] = F;
  return F;
}

Status FrameTracker::free(uint64_t Id) {
  auto It = Live.find(Id);
  if (It != Live.end()) {
    Freed[Id] = It->second;
    Live.erase(It);
    return Status::Success;
  }
  if (Freed.count(Id))
    addViolation(Violations, Check,
                 fmt("frame 0x%llx is freed twice",
                     static_cast<unsigned long long>(Id)));
  else
    addViolation(Violations, Check,
                 fmt("0x%llx is freed but was never a frame of this "
                     "allocator",
                     static_cast<unsigned long long>(Id)));
  return Status::InvalidParameter;
}

bool FrameTracker::isFreed(uint64_t Id) const {
  return Freed.count(Id) != 0 && Live.count(Id) == 0;
}

std::vector<Frame> FrameTracker::leaks() const {
  std::vector<Frame> R;
  R.reserve(Live.size());
  for (const auto &KV : Live)
    R.push_back(KV.second);
  return R;
}

} // namespace ksref
