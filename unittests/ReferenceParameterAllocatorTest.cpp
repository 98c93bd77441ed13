//===- ReferenceParameterAllocatorTest.cpp - ksref: PFNKSALLOCATOR buffers ===//
//
// The life of the buffer a custom parameter allocator hands out: captured
// into by the runtime, freed by the filter (the runtime sets no
// IRP_DEALLOCATE_BUFFER), or by the I/O manager when the callback set it.
//
//===----------------------------------------------------------------------===//
#include "ksref/ParameterAllocator.h"

#include <gtest/gtest.h>

using namespace ksref;

namespace {

ParameterAllocatorCode freedOnEveryPath() {
  ParameterAllocatorCode C;
  C.Allocator = "AllocParams";
  C.Filter = "Dispatch";
  C.MinReleases = 1;
  C.MaxReleases = 1;
  return C;
}

TEST(ReferenceParameterAllocatorTest, FreedOnceIsClean) {
  AllocatorOutcome O = replayParameterAllocator(freedOnEveryPath());
  EXPECT_FALSE(O.NullBuffer);
  EXPECT_FALSE(O.Leak);
  EXPECT_FALSE(O.DoubleFree);
  EXPECT_FALSE(O.Bugcheck);
  // A failed allocation ends the request with the callback's status.
  AllocatorRequest R;
  R.PoolExhausted = true;
  EXPECT_EQ(runParameterAllocator(freedOnEveryPath(), R).St,
            Status::InsufficientResources);
}

TEST(ReferenceParameterAllocatorTest, NeverFreedLeaksTheWholeBuffer) {
  ParameterAllocatorCode C = freedOnEveryPath();
  C.MinReleases = 0;
  C.MaxReleases = 0;
  AllocatorRequest R;
  R.PropertyLength = 24;
  R.DataLength = 4; // rounded up to 8, after the 24-byte property
  AllocatorOutcome O = runParameterAllocator(C, R);
  ASSERT_TRUE(O.Leak);
  EXPECT_EQ(O.LeakedBytes, 32u);
  EXPECT_EQ(O.Leak->Check, checks::ParameterAllocator);
  EXPECT_NE(O.Leak->What.find("32-byte buffer 'AllocParams'"),
            std::string::npos)
      << O.Leak->What;
}

TEST(ReferenceParameterAllocatorTest, OnlyThePathWithoutAFreeLeaks) {
  ParameterAllocatorCode C = freedOnEveryPath();
  C.MinReleases = 0; // a failure path returns before the free
  AllocatorRequest Fewest, Most;
  Most.FewestReleases = false;
  EXPECT_TRUE(runParameterAllocator(C, Fewest).Leak);
  EXPECT_FALSE(runParameterAllocator(C, Most).Leak);
  EXPECT_TRUE(replayParameterAllocator(C).Leak);
}

TEST(ReferenceParameterAllocatorTest, TwoFreesOnOnePathAreADoubleFree) {
  ParameterAllocatorCode C = freedOnEveryPath();
  C.MaxReleases = 2;
  AllocatorOutcome O = replayParameterAllocator(C);
  ASSERT_TRUE(O.DoubleFree);
  EXPECT_FALSE(O.Leak);
  EXPECT_NE(O.DoubleFree->What.find("double free"), std::string::npos);
}

TEST(ReferenceParameterAllocatorTest, DeallocateFlagMeansTheIoManagerFrees) {
  ParameterAllocatorCode C = freedOnEveryPath();
  C.SetsDeallocateBuffer = true;
  C.MinReleases = 0;
  C.MaxReleases = 0;
  AllocatorOutcome Alone = replayParameterAllocator(C);
  EXPECT_FALSE(Alone.Leak);
  EXPECT_FALSE(Alone.DoubleFree);
  C.MinReleases = 1;
  C.MaxReleases = 1;
  AllocatorOutcome Both = replayParameterAllocator(C);
  ASSERT_TRUE(Both.DoubleFree);
  EXPECT_NE(Both.DoubleFree->What.find("the I/O manager"), std::string::npos);
}

TEST(ReferenceParameterAllocatorTest, SuccessWithoutABufferBugchecks) {
  ParameterAllocatorCode C = freedOnEveryPath();
  C.SuccessAfterFailedAllocation = true;
  AllocatorRequest Fine, Exhausted;
  Exhausted.PoolExhausted = true;
  EXPECT_FALSE(runParameterAllocator(C, Fine).NullBuffer);
  AllocatorOutcome O = runParameterAllocator(C, Exhausted);
  ASSERT_TRUE(O.NullBuffer);
  EXPECT_TRUE(O.Bugcheck);
  EXPECT_NE(O.NullBuffer->What.find("after its allocation failed"),
            std::string::npos);

  ParameterAllocatorCode Arena = freedOnEveryPath();
  Arena.AllocatesFromPool = false;
  Arena.SuccessWithoutBuffer = true;
  ASSERT_TRUE(replayParameterAllocator(Arena).NullBuffer);
  EXPECT_NE(replayParameterAllocator(Arena).NullBuffer->What.find(
                "without storing a buffer"),
            std::string::npos);
}

TEST(ReferenceParameterAllocatorTest, UnknownFilterConcludesNothing) {
  ParameterAllocatorCode C = freedOnEveryPath();
  C.MinReleases.reset();
  C.MaxReleases.reset();
  AllocatorOutcome O = replayParameterAllocator(C);
  EXPECT_FALSE(O.Leak);
  EXPECT_FALSE(O.DoubleFree);
  // Nor for a store of the driver's own, whose blocks are not pool.
  ParameterAllocatorCode Arena = freedOnEveryPath();
  Arena.AllocatesFromPool = false;
  Arena.MinReleases = 0;
  EXPECT_FALSE(replayParameterAllocator(Arena).Leak);
}

} // namespace
