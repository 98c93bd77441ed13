//===- Modes.cpp - allocator modes, IKsAllocatorEx, IWMSBufferAllocator
//----===//
//
// Each rule cites its source (URLs in docs/sources.md):
//  [EX]      Microsoft, "IKsAllocatorEx interface": "for proxy use and not
//            recommended for application use"; and
//            "IKsAllocator::KsSetAllocatorMode method": it "sets the mode in
//            which an allocator allocates memory" (KsAllocatorMode_User /
//            KsAllocatorMode_Kernel).
//  [FRAMING] Microsoft, "KSALLOCATOR_FRAMING structure": RequirementsFlags.
//  [DISPATCH] Microsoft, "KSALLOCATOR_DISPATCH structure": "memory
//            allocated at kernel level cannot be passed to a user-mode
//            filter".
//  [WMS]     Microsoft, "IWMSBufferAllocator interface":
//            AllocateBuffer "initializes a buffer", AllocatePageSizeBuffer
//            "initializes a buffer that can be used to perform page-aligned
//            reads".
//  [FILEBUF] Microsoft, "File Buffering": with FILE_FLAG_NO_BUFFERING,
//            buffer addresses should be aligned to the physical sector size;
//            page-aligned memory satisfies every sector size ("depending on
//            the disk, this requirement may not be enforced": the model
//            enforces it, the worst case). The failure is
//            ERROR_INVALID_PARAMETER (docs/checks/ks-page-size-buffer.md),
//            STATUS_INVALID_PARAMETER in the model's status vocabulary.
//
//===----------------------------------------------------------------------===//
#include "ksref/Modes.h"

#include "ksref/Framing.h"
#include "ksref/Layout.h"

#include "Text.h"

namespace ksref {

using detail::fmt;

std::vector<Violation> setAllocatorMode(AllocatorMode Mode,
                                        uint32_t RequirementsFlags) {
  std::vector<Violation> V;
  if (Mode != AllocatorMode::User)
    return V;
  const FramingRequirements R = decodeRequirements(RequirementsFlags);
  // [FRAMING] MUST_ALLOCATE: the connection point allocates every frame it
  // sends; without SYSTEM_MEMORY those frames are the device's (a system
  // address mapping of on-board memory). Either way they are kernel-side
  // frames, and [DISPATCH] kernel-level memory cannot be passed to a
  // user-mode filter. PREFERENCES_ONLY makes the flags preferences: the pin
  // can also take frames that do not meet them, so the user-mode allocator
  // may serve the connection.
  if (R.pinAllocates() && !R.SystemMemory)
    addViolation(V, checks::AllocatorUserModeFrames,
                 fmt("KsSetAllocatorMode(KsAllocatorMode_User) for framing "
                     "with RequirementsFlags 0x%x: "
                     "KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE without "
                     "SYSTEM_MEMORY makes the pin allocate its frames in "
                     "kernel mode, and kernel-allocated frames cannot be "
                     "passed to a user-mode filter",
                     RequirementsFlags));
  return V;
}

std::vector<Violation> queryAllocatorEx(bool CallerIsProxy) {
  std::vector<Violation> V;
  if (!CallerIsProxy) // [EX]
    addViolation(V, checks::AllocatorExApplicationUse,
                 "application code obtains IKsAllocatorEx, an interface "
                 "for proxy use and not recommended for application use");
  return V;
}

WmsBuffer allocateBuffer(uint32_t Size) {
  // [WMS] A buffer; the model places it 16 bytes into a page (heap blocks
  // are 16-byte aligned, nothing more is promised).
  return WmsBuffer{0x10010, Size};
}

WmsBuffer allocatePageSizeBuffer(uint32_t Size) {
  // [WMS] A buffer for page-aligned reads.
  return WmsBuffer{0x20000, Size};
}

ReadOutcome unbufferedRead(const WmsBuffer &B) {
  ReadOutcome R;
  // [FILEBUF] / [WMS]: page alignment satisfies every sector size up to a
  // page; anything less may not.
  if (B.Address % PageSize != 0) {
    R.St = Status::InvalidParameter;
    addViolation(R.Violations, checks::PageSizeBuffer,
                 fmt("unbuffered read into 0x%llx, a buffer that is not page "
                     "aligned (AllocateBuffer): the read fails with "
                     "ERROR_INVALID_PARAMETER; AllocatePageSizeBuffer gives "
                     "page-aligned buffers",
                     static_cast<unsigned long long>(B.Address)));
  }
  return R;
}

} // namespace ksref
