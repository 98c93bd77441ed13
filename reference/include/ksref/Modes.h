//===- ksref/Modes.h - user-mode allocators and buffers ----------*- C++
//-*-===//
//
// The user-mode side: ksproxy's IKsAllocatorEx (allocator modes) and Windows
// Media Services' IWMSBufferAllocator (page-sized buffers).
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_MODES_H
#define KSREF_MODES_H

#include "ksref/Status.h"
#include "ksref/Violation.h"

#include <cstdint>
#include <vector>

namespace ksref {

// KSALLOCATORMODE (ksproxy.h): KsAllocatorMode_User, KsAllocatorMode_Kernel.
enum class AllocatorMode { User, Kernel };

/// IKsAllocator(Ex)::KsSetAllocatorMode for a connection whose framing
/// states \p RequirementsFlags.
std::vector<Violation> setAllocatorMode(AllocatorMode Mode,
                                        uint32_t RequirementsFlags);

/// Obtaining IKsAllocatorEx (QueryInterface(IID_IKsAllocatorEx)): proxy
/// code may; application code is told it should not.
std::vector<Violation> queryAllocatorEx(bool CallerIsProxy);

struct WmsBuffer {
  uint64_t Address;
  uint32_t Size;
};

/// IWMSBufferAllocator::AllocateBuffer: 16-byte aligned, not page aligned.
WmsBuffer allocateBuffer(uint32_t Size);
/// IWMSBufferAllocator::AllocatePageSizeBuffer: page aligned.
WmsBuffer allocatePageSizeBuffer(uint32_t Size);

struct ReadOutcome {
  Status St = Status::Success;
  std::vector<Violation> Violations;
};

/// An unbuffered read (FILE_FLAG_NO_BUFFERING) into \p Buffer.
ReadOutcome unbufferedRead(const WmsBuffer &Buffer);

} // namespace ksref

#endif
