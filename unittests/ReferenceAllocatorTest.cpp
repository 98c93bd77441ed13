//===- ReferenceAllocatorTest.cpp - ksref: framing, allocators, modes -----===//
//
// Frame allocation: framing validation by the default allocator, a custom
// KSALLOCATOR_DISPATCH through its whole life cycle (context, frames,
// reachability from user mode), the frame tracker's leak and double-free
// accounting, and the allocator modes (user-mode allocators, IKsAllocatorEx,
// page-size buffers for unbuffered reads).
//
//===----------------------------------------------------------------------===//
#include "ReferenceTestSupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace ksref;
using namespace ksref::test;

// --- Framing --------------------------------------------------------------

TEST(ReferenceFraming, DefaultAllocatorValidation) {
  FramingModel F;
  F.Frames = 4;
  F.FrameSize = 4096;
  F.Flags = KsAllocatorOptionSystemMemory;
  EXPECT_EQ(validateDefaultFraming(F), Status::Success);
  FramingModel Zero = F;
  Zero.FrameSize = 0;
  EXPECT_EQ(validateDefaultFraming(Zero), Status::InvalidParameter);
  FramingModel Unknown = F;
  Unknown.Flags = 0x4; // not an OPTIONF_ bit
  EXPECT_EQ(validateDefaultFraming(Unknown), Status::InvalidParameter);
  Unknown.Flags = KsAllocatorOptionValid;
  EXPECT_EQ(validateDefaultFraming(Unknown), Status::Success);
  FramingModel Align = F;
  Align.FileAlignment = PageSize - 1; // FILE_*: the largest accepted
  EXPECT_EQ(validateDefaultFraming(Align), Status::Success);
  Align.FileAlignment = PageSize;
  EXPECT_EQ(validateDefaultFraming(Align), Status::InvalidParameter);
}

TEST(ReferenceFraming, RequirementFlags) {
  FramingRequirements R =
      decodeRequirements(KsAllocatorRequirementMustAllocate);
  EXPECT_TRUE(R.MustAllocate);
  EXPECT_TRUE(R.pinAllocates());
  EXPECT_FALSE(R.requiresSystemMemory());
  R = decodeRequirements(KsAllocatorRequirementMustAllocate |
                         KsAllocatorRequirementSystemMemory);
  EXPECT_TRUE(R.pinAllocates());
  EXPECT_TRUE(R.requiresSystemMemory());
  R = decodeRequirements(KsAllocatorRequirementMustAllocate |
                         KsAllocatorRequirementSystemMemory |
                         KsAllocatorRequirementPreferencesOnly);
  EXPECT_TRUE(R.PreferencesOnly);
  EXPECT_FALSE(R.pinAllocates()); // preferences, not requirements
  EXPECT_FALSE(R.requiresSystemMemory());
  FramingModel U;
  U.MemoryType = KsMemoryTypeUser;
  EXPECT_TRUE(U.wantsUserMemory());
  U.MemoryType = "8CB0FC28-7893-11D1-B069-00A0C9062802";
  EXPECT_TRUE(U.wantsUserMemory());
  U.MemoryType = "{4a6d5fc4-7895-11d1-b069-00a0c9062802}"; // kernel nonpaged
  EXPECT_FALSE(U.wantsUserMemory());
}

// --- Allocator life cycle -------------------------------------------------

namespace {
AllocatorDispatchModel goodAllocator() {
  AllocatorDispatchModel D;
  D.Name = "PinAllocator";
  D.Initialize.StoredType = "ALLOCATOR_CONTEXT *";
  D.Initialize.Function = "InitializeAllocator";
  D.Allocate.FrameSize = 8192;
  D.Allocate.ContextType = "ALLOCATOR_CONTEXT *";
  D.Allocate.Function = "AllocateFrame";
  D.Free.ContextType = "ALLOCATOR_CONTEXT *";
  D.Delete.ContextType = "ALLOCATOR_CONTEXT *";
  return D;
}
PinModel capturePin(bool DenyUserMode = true) {
  PinModel P;
  P.Name = "pin 0 of 'CapturePins'";
  P.DenyUserMode = DenyUserMode;
  P.CustomAllocator = true;
  P.HasFraming = true;
  P.Framing.Frames = 3;
  P.Framing.FrameSize = 8192;
  P.Framing.Flags = KsAllocatorRequirementSystemMemory;
  return P;
}
} // namespace

TEST(ReferenceAllocator, ACorrectAllocatorRunsCleanly) {
  AllocatorRun R = runAllocatorLifecycle(goodAllocator(), capturePin(), false);
  EXPECT_TRUE(R.Violations.empty()) << dump(R.Violations);
  EXPECT_TRUE(R.Outstanding.empty());
  EXPECT_EQ(R.InitializeStatus, Status::Success);
  EXPECT_EQ(R.FramesAllocated, 3u);
  EXPECT_EQ(R.FramesDelivered, 3u);
  EXPECT_FALSE(R.Faulted);
}

TEST(ReferenceAllocator, KernelFramesToAUserModeConsumer) {
  AllocatorRun R =
      runAllocatorLifecycle(goodAllocator(), capturePin(/*Deny=*/false), true);
  EXPECT_TRUE(mentions(R.Violations, "ks-allocator-user-mode-frames",
                       "lacks KSPIN_FLAG_DENY_USERMODE_ACCESS: a user-mode "
                       "client receives 3 frames of kernel memory"))
      << dump(R.Violations);
  // With the flag, the user-mode client is refused: nothing is allocated.
  AllocatorRun Denied =
      runAllocatorLifecycle(goodAllocator(), capturePin(/*Deny=*/true), true);
  EXPECT_TRUE(Denied.Violations.empty());
  EXPECT_EQ(Denied.FramesAllocated, 0u);
  // A kernel-mode consumer of the same pin is fine.
  EXPECT_TRUE(runAllocatorLifecycle(goodAllocator(), capturePin(false), false)
                  .Violations.empty());
  // Framing that says KSMEMORY_TYPE_USER, frames from kernel pool.
  PinModel U = capturePin();
  U.Framing.MemoryType = KsMemoryTypeUser;
  AllocatorRun UR = runAllocatorLifecycle(goodAllocator(), U, false);
  EXPECT_TRUE(mentions(UR.Violations, "ks-allocator-user-mode-frames",
                       "says KSMEMORY_TYPE_USER"));
}

TEST(ReferenceAllocator, NullDispatchMembers) {
  AllocatorDispatchModel NoFree = goodAllocator();
  NoFree.Free.Present = false;
  AllocatorRun R = runAllocatorLifecycle(NoFree, capturePin(), false);
  EXPECT_TRUE(mentions(R.Violations, "ks-allocator-dispatch-callbacks",
                       "calls the Free member"));
  EXPECT_EQ(R.Outstanding.size(), 3u); // every frame leaks
  EXPECT_TRUE(R.Faulted);
  AllocatorDispatchModel NoDelete = goodAllocator();
  NoDelete.Delete.Present = false;
  EXPECT_TRUE(
      mentions(runAllocatorLifecycle(NoDelete, capturePin(), false).Violations,
               "ks-allocator-dispatch-callbacks",
               "context InitializeAllocator created is never freed"));
  AllocatorDispatchModel NoInit = goodAllocator();
  NoInit.Initialize.Present = false;
  AllocatorRun I = runAllocatorLifecycle(NoInit, capturePin(), false);
  EXPECT_TRUE(hasViolation(I.Violations, "ks-allocator-dispatch-callbacks"));
  EXPECT_EQ(I.FramesAllocated, 0u);
  AllocatorDispatchModel NoAlloc = goodAllocator();
  NoAlloc.Allocate.Present = false;
  AllocatorRun A = runAllocatorLifecycle(NoAlloc, capturePin(), false);
  EXPECT_TRUE(mentions(A.Violations, "ks-allocator-dispatch-callbacks",
                       "calls the Allocate member"));
  EXPECT_EQ(A.FramesAllocated, 0u);
}

TEST(ReferenceAllocator, ContextContract) {
  AllocatorDispatchModel D = goodAllocator();
  D.Initialize.SuccessWithoutContext = true;
  EXPECT_TRUE(mentions(runAllocatorLifecycle(D, capturePin(), false).Violations,
                       "ks-allocator-context", "never sets *Context"));
  D = goodAllocator();
  D.Initialize.SuccessAfterFailedAllocation = true;
  EXPECT_TRUE(mentions(runAllocatorLifecycle(D, capturePin(), false).Violations,
                       "ks-allocator-context",
                       "still returns STATUS_SUCCESS instead of the error"));
  D = goodAllocator();
  D.Initialize.IgnoresPinAndFraming = true;
  EXPECT_TRUE(mentions(runAllocatorLifecycle(D, capturePin(), false).Violations,
                       "ks-allocator-context",
                       "cannot lead Allocate to the framing"));
  D = goodAllocator();
  D.Free.ContextType = "PKSPIN";
  D.Free.Function = "FreeFrame";
  EXPECT_TRUE(mentions(runAllocatorLifecycle(D, capturePin(), false).Violations,
                       "ks-allocator-context",
                       "Free 'FreeFrame' of 'PinAllocator' reads Context as "
                       "'PKSPIN', but InitializeAllocator stored a "
                       "'ALLOCATOR_CONTEXT *' there"));
}

TEST(ReferenceAllocator, AllocateMustReturnAFrameOrNull) {
  AllocatorDispatchModel D = goodAllocator();
  D.Allocate.ReturnsSentinel = true;
  AllocatorRun S = runAllocatorLifecycle(D, capturePin(), false);
  EXPECT_TRUE(mentions(S.Violations, "ks-allocate-null-on-failure",
                       "returns (PVOID)-1 instead of NULL"));
  EXPECT_TRUE(mentions(S.Violations, "ks-allocate-null-on-failure",
                       "0xffffffffffffffff is freed but was never a frame"))
      << dump(S.Violations);
  EXPECT_TRUE(S.Faulted);
  D = goodAllocator();
  D.Allocate.ReturnsFreed = true;
  AllocatorRun F = runAllocatorLifecycle(D, capturePin(), false);
  EXPECT_TRUE(mentions(F.Violations, "ks-allocate-null-on-failure",
                       "a block it has already freed"));
  EXPECT_TRUE(
      mentions(F.Violations, "ks-allocate-null-on-failure", "is freed twice"));
  D = goodAllocator();
  D.Allocate.Raises = true;
  EXPECT_TRUE(mentions(runAllocatorLifecycle(D, capturePin(), false).Violations,
                       "ks-allocate-null-on-failure",
                       "raises or bugchecks instead of returning NULL"));
  D = goodAllocator();
  D.Allocate.MayReturnUninitialized = true;
  EXPECT_TRUE(mentions(runAllocatorLifecycle(D, capturePin(), false).Violations,
                       "ks-allocate-null-on-failure",
                       "an uninitialized pointer"));
}

TEST(ReferenceAllocator, FramesMustFollowTheFraming) {
  AllocatorDispatchModel D = goodAllocator();
  D.Allocate.FrameSize = 4096; // the framing asks for 8192
  EXPECT_TRUE(mentions(runAllocatorLifecycle(D, capturePin(), false).Violations,
                       "ks-allocate-null-on-failure",
                       "allocates 4096-byte frames but the framing of pin "
                       "'pin 0 of 'CapturePins'' asks for 8192: AVStream fills "
                       "8192 bytes, 4096 past the end of each frame"));
  // FILE_64_BYTE_ALIGNMENT with small pool blocks (16-byte aligned).
  PinModel P = capturePin();
  P.Framing.FrameSize = 1024;
  P.Framing.FileAlignment = 63;
  D = goodAllocator();
  D.Allocate.FrameSize = 1024;
  EXPECT_TRUE(mentions(runAllocatorLifecycle(D, P, false).Violations,
                       "ks-allocate-null-on-failure",
                       "aligned to 16 bytes but the framing of pin"));
  // Blocks of a page or more are page aligned: no violation.
  P.Framing.FrameSize = 8192;
  D.Allocate.FrameSize = 8192;
  EXPECT_TRUE(runAllocatorLifecycle(D, P, false).Violations.empty());
  EXPECT_EQ(poolAlignment(100), 16u);
  EXPECT_EQ(poolAlignment(4096), 4096u);
}

TEST(ReferenceAllocator, DefaultAllocator) {
  PinModel P = capturePin(/*DenyUserMode=*/false);
  P.CustomAllocator = false;
  AllocatorRun R = runAllocatorLifecycle({}, P, true);
  EXPECT_EQ(R.InitializeStatus, Status::Success);
  EXPECT_TRUE(R.Violations.empty());
  EXPECT_EQ(R.FramesAllocated, 3u);
  EXPECT_TRUE(R.Outstanding.empty());
  P.Framing.FrameSize = 0;
  EXPECT_EQ(runAllocatorLifecycle({}, P, false).InitializeStatus,
            Status::InvalidParameter);
  P.Framing.FrameSize = 4096;
  P.Framing.FileAlignment = 8191;
  EXPECT_EQ(runAllocatorLifecycle({}, P, false).InitializeStatus,
            Status::InvalidParameter);
  // PREFERENCES_ONLY / MUST_ALLOCATE requirements are not creation options.
  P.Framing.FileAlignment = 0;
  P.Framing.Flags = KsAllocatorRequirementSystemMemory |
                    KsAllocatorRequirementPreferencesOnly;
  EXPECT_EQ(runAllocatorLifecycle({}, P, false).InitializeStatus,
            Status::Success);
}

TEST(ReferenceFrameTracker, LeakDoubleFreeForeignFree) {
  FrameTracker T;
  Frame A = T.allocate(4096, 4096);
  Frame B = T.allocate(100);
  EXPECT_EQ(A.Id % 4096, 0u);
  EXPECT_EQ(B.Id % 16, 0u);
  EXPECT_NE(A.Id, B.Id);
  EXPECT_EQ(T.free(A.Id), Status::Success);
  EXPECT_TRUE(T.isFreed(A.Id));
  EXPECT_TRUE(T.violations().empty());
  EXPECT_EQ(T.free(A.Id), Status::InvalidParameter);
  EXPECT_TRUE(mentions(T.violations(), "ks-allocate-null-on-failure",
                       "is freed twice"));
  EXPECT_EQ(T.free(0x1234), Status::InvalidParameter);
  EXPECT_TRUE(mentions(T.violations(), "ks-allocate-null-on-failure",
                       "0x1234 is freed but was never a frame"));
  ASSERT_EQ(T.leaks().size(), 1u);
  EXPECT_EQ(T.leaks()[0].Id, B.Id);
  EXPECT_EQ(T.leaks()[0].Origin, MemoryOrigin::KernelPool);
}

// --- Modes ----------------------------------------------------------------

TEST(ReferenceModes, UserModeAllocatorOverMustAllocateFraming) {
  auto V =
      setAllocatorMode(AllocatorMode::User, KsAllocatorRequirementMustAllocate);
  ASSERT_EQ(V.size(), 1u);
  EXPECT_EQ(V[0].Check, "ks-allocator-user-mode-frames");
  EXPECT_TRUE(setAllocatorMode(AllocatorMode::User,
                               KsAllocatorRequirementMustAllocate |
                                   KsAllocatorRequirementSystemMemory)
                  .empty());
  EXPECT_TRUE(setAllocatorMode(AllocatorMode::User,
                               KsAllocatorRequirementMustAllocate |
                                   KsAllocatorRequirementPreferencesOnly)
                  .empty());
  EXPECT_TRUE(setAllocatorMode(AllocatorMode::Kernel,
                               KsAllocatorRequirementMustAllocate)
                  .empty());
  EXPECT_TRUE(setAllocatorMode(AllocatorMode::User, 0).empty());
}

TEST(ReferenceModes, AllocatorExIsForProxies) {
  EXPECT_TRUE(queryAllocatorEx(true).empty());
  auto V = queryAllocatorEx(false);
  ASSERT_EQ(V.size(), 1u);
  EXPECT_EQ(V[0].Check, "ks-allocator-ex-application-use");
}

TEST(ReferenceModes, UnbufferedReadsNeedPageSizeBuffers) {
  WmsBuffer B = allocateBuffer(65536);
  EXPECT_EQ(B.Address, 0x10010u);
  EXPECT_EQ(B.Address % 16, 0u);
  EXPECT_NE(B.Address % PageSize, 0u);
  ReadOutcome Bad = unbufferedRead(B);
  EXPECT_EQ(Bad.St, Status::InvalidParameter);
  ASSERT_EQ(Bad.Violations.size(), 1u);
  EXPECT_EQ(Bad.Violations[0].Check, "ks-page-size-buffer");
  WmsBuffer P = allocatePageSizeBuffer(65536);
  EXPECT_EQ(P.Address % PageSize, 0u);
  EXPECT_EQ(P.Size, 65536u);
  ReadOutcome Good = unbufferedRead(P);
  EXPECT_EQ(Good.St, Status::Success);
  EXPECT_TRUE(Good.Violations.empty());
}

TEST(ReferenceFrameSizeRange, LegalSizesAreMinThenStepsUpToMax) {
  LegalFrameSizes L = legalFrameSizes({1024, 4096, 1024});
  EXPECT_EQ(L.Count, 4u);
  EXPECT_EQ(L.First, 1024u);
  EXPECT_EQ(L.Last, 4096u);
  L = legalFrameSizes({1024, 4000, 1024});
  EXPECT_EQ(L.Count, 3u);
  EXPECT_EQ(L.Last, 3072u);
  EXPECT_EQ(legalFrameSizes({8192, 8192, 1}).Count, 1u); // one size
  EXPECT_EQ(legalFrameSizes({8192, 4096, 1}).Count, 0u); // swapped
}

TEST(ReferenceFrameSizeRange, AnAllocatorFindsNoSizeOrStepsPastTheEnd) {
  std::vector<Violation> V = chooseFrameSize({8192, 4096, 1}, "R");
  ASSERT_EQ(V.size(), 1u);
  EXPECT_EQ(V[0].Check, checks::FramingRange);
  EXPECT_NE(V[0].What.find("no frame size"), std::string::npos);
  V = chooseFrameSize({4096, 8192, 8192}, "R");
  ASSERT_EQ(V.size(), 1u);
  EXPECT_NE(V[0].What.find("lands at 12288"), std::string::npos);
  // Silent: one size with the macro's Stepping 1, a step equal to the
  // width, a Stepping of 0.
  EXPECT_TRUE(chooseFrameSize({8192, 8192, 1}, "R").empty());
  EXPECT_TRUE(chooseFrameSize({4096, 8192, 4096}, "R").empty());
  EXPECT_TRUE(chooseFrameSize({4096, 8192, 0}, "R").empty());
}
