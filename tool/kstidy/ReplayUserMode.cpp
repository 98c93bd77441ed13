//===- ReplayUserMode.cpp - Allocator modes and buffers of proxy code -----===//
//
// User-mode facts replayed against ksref: KsSetAllocatorMode over the
// framing requirements its function set up, and an unbuffered read into a
// buffer from IWMSBufferAllocator where its function needs page alignment.
//
//===----------------------------------------------------------------------===//
#include "ReplayDomains.h"

#include "ksref/ksref.h"

#include "llvm/Support/FormatVariadic.h"

namespace ks {
namespace replay {

void replayUserMode(TuContext &C) {
  for (const schema::AllocatorModeCall &M : C.Tu.AllocatorModeCalls) {
    if (!M.RequirementsFlags)
      continue;
    auto Mode = M.Mode == "user" ? ksref::AllocatorMode::User
                                 : ksref::AllocatorMode::Kernel;
    for (const ksref::Violation &Vi : ksref::setAllocatorMode(
             Mode, static_cast<uint32_t>(*M.RequirementsFlags)))
      C.report(Vi, span(M.Where),
               llvm::formatv("KsSetAllocatorMode({0}) over requirements "
                             "{1:x}",
                             M.Mode, *M.RequirementsFlags)
                   .str());
  }
  for (const schema::BufferAllocation &A : C.Tu.BufferAllocations) {
    if (!A.PageAlignedUse.Value)
      continue; // no page-aligned read to replay
    // A 64 KiB buffer: sixteen pages.
    const uint32_t Size = 16 * ksref::PageSize;
    ksref::WmsBuffer B = A.Method == "AllocatePageSizeBuffer"
                             ? ksref::allocatePageSizeBuffer(Size)
                             : ksref::allocateBuffer(Size);
    for (const ksref::Violation &Vi : ksref::unbufferedRead(B).Violations)
      C.report(Vi, span(A.Where),
               "an unbuffered read into a buffer from " + A.Method);
  }
}

} // namespace replay
} // namespace ks
