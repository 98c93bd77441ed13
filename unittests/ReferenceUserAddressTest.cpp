//===- ReferenceUserAddressTest.cpp - ksref: caller-chosen addresses ------===//
//
// The probes as documented (a length of 0 checks nothing, a range outside
// user memory raises), and what a hostile caller gets out of each way a
// driver can touch an address it chose.
//
//===----------------------------------------------------------------------===//
#include "ksref/UserAddress.h"

#include <gtest/gtest.h>

using namespace ksref;

namespace {

constexpr uint64_t Kernel = 0xFFFFF80000001000ULL;

UserAddressCode readOf(uint64_t Size) {
  UserAddressCode C;
  C.Function = "SetGain";
  C.Address = "Irp->UserBuffer";
  C.Kind = UserAddressCode::Use::Read;
  C.Size = Size;
  return C;
}

UserAddressCode probed(UserAddressCode C, UserAddressCode::Length L,
                       uint64_t Bytes = 0) {
  C.Probed = true;
  C.ProbeInTry = true;
  C.AccessInTry = true;
  C.ProbeLength = L;
  C.ProbeBytes = Bytes;
  return C;
}

} // namespace

TEST(ReferenceUserAddress, ProbeChecksTheRangeUnlessTheLengthIsZero) {
  EXPECT_EQ(probeUserRange(0x10000, 16, 4), Status::Success);
  EXPECT_EQ(probeUserRange(Kernel, 0, 4), Status::Success);
  EXPECT_EQ(probeUserRange(Kernel, 1, 1), Status::AccessViolation);
  EXPECT_EQ(probeUserRange(UserProbeAddress - 4, 4, 4), Status::Success);
  EXPECT_EQ(probeUserRange(UserProbeAddress - 4, 5, 1),
            Status::AccessViolation);
  EXPECT_EQ(probeUserRange(~0ULL - 2, 8, 1), Status::AccessViolation); // wraps
  EXPECT_EQ(probeUserRange(0x10002, 8, 4), Status::DatatypeMisalignment);
  EXPECT_STREQ(statusName(Status::AccessViolation), "STATUS_ACCESS_VIOLATION");
}

TEST(ReferenceUserAddress, AnUnprobedReadReadsKernelMemory) {
  UserAccessOutcome O = runUserAddressCode(readOf(4), {Kernel, 4, false});
  ASSERT_EQ(O.Violations.size(), 1u);
  EXPECT_EQ(O.Violations[0].Check, checks::PropertyUserBuffer);
  EXPECT_NE(O.Violations[0].What.find("read 4 bytes at 'Irp->UserBuffer' = "
                                      "0xfffff80000001000, kernel memory"),
            std::string::npos)
      << O.Violations[0].What;
  EXPECT_FALSE(replayUserAddressCode(readOf(4)).empty());
}

TEST(ReferenceUserAddress, AProbeInTryOverTheAccessStopsEveryRequest) {
  UserAddressCode C = probed(readOf(16), UserAddressCode::Length::Constant, 16);
  EXPECT_TRUE(replayUserAddressCode(C).empty());
  UserAccessOutcome O = runUserAddressCode(C, {Kernel, 0, false});
  EXPECT_EQ(O.St, Status::AccessViolation); // the driver's __except
  EXPECT_FALSE(O.Bugcheck);
  // Compared lengths and the copy's own length are as good.
  EXPECT_TRUE(replayUserAddressCode(
                  probed(readOf(16), UserAddressCode::Length::Checked))
                  .empty());
  EXPECT_TRUE(replayUserAddressCode(
                  probed(readOf(16), UserAddressCode::Length::OfAccess))
                  .empty());
}

TEST(ReferenceUserAddress, AShortProbeLetsTheAccessPastUserMemory) {
  UserAddressCode C = probed(readOf(16), UserAddressCode::Length::Constant, 4);
  // Four bytes before the end of user memory: the probe passes, the read
  // of sixteen crosses into kernel space.
  UserAccessOutcome O =
      runUserAddressCode(C, {UserProbeAddress - 4, 16, false});
  ASSERT_EQ(O.Violations.size(), 1u);
  EXPECT_FALSE(replayUserAddressCode(C).empty());
}

TEST(ReferenceUserAddress, TheCallersLengthOfZeroProbesNothing) {
  UserAddressCode C = probed(readOf(16), UserAddressCode::Length::Unchecked);
  EXPECT_EQ(runUserAddressCode(C, {Kernel, 0, false}).Violations.size(), 1u);
  EXPECT_TRUE(runUserAddressCode(C, {Kernel, 16, false}).Violations.empty());
}

TEST(ReferenceUserAddress, OutsideTryAnExceptionIsABugcheck) {
  UserAddressCode C = probed(readOf(4), UserAddressCode::Length::Constant, 4);
  C.ProbeInTry = false;
  UserAccessOutcome O = runUserAddressCode(C, {Kernel, 4, false});
  EXPECT_TRUE(O.Bugcheck);
  ASSERT_EQ(O.Violations.size(), 1u);
  EXPECT_NE(O.Violations[0].What.find("outside __try"), std::string::npos);

  UserAddressCode After =
      probed(readOf(4), UserAddressCode::Length::Constant, 4);
  After.AccessInTry = false;
  EXPECT_TRUE(runUserAddressCode(After, {Kernel, 4, false}).Violations.empty());
  UserAccessOutcome Freed = runUserAddressCode(After, {0x10000, 4, true});
  EXPECT_TRUE(Freed.Bugcheck);
  EXPECT_EQ(Freed.Violations.size(), 1u);
}

TEST(ReferenceUserAddress, AKernelModeLockChecksNoRange) {
  UserAddressCode C = readOf(4);
  C.Kind = UserAddressCode::Use::LockKernelMode;
  C.Size.reset();
  UserAccessOutcome O = runUserAddressCode(C, {Kernel, 4096, false});
  ASSERT_EQ(O.Violations.size(), 1u);
  EXPECT_NE(O.Violations[0].What.find("locked kernel memory"),
            std::string::npos);
  // A user range the caller owns is what the lock is for.
  EXPECT_TRUE(runUserAddressCode(C, {0x10000, 4096, false}).Violations.empty());
}
