//===- ReferenceStatusTest.cpp - ksref: status codes and layouts ----------===//
//
// The vocabulary the other reference tests rely on: NTSTATUS names, values
// and severity, and the offsets of the KS and PortCls item structures the
// reference reads a table's bytes with.
//
//===----------------------------------------------------------------------===//
#include "ReferenceTestSupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace ksref;
using namespace ksref::test;

// --- Status ---------------------------------------------------------------

TEST(ReferenceStatus, NamesAndSeverity) {
  EXPECT_STREQ(statusName(Status::Success), "STATUS_SUCCESS");
  EXPECT_STREQ(statusName(Status::NotFound), "STATUS_NOT_FOUND");
  EXPECT_STREQ(statusName(Status::InvalidBufferSize),
               "STATUS_INVALID_BUFFER_SIZE");
  EXPECT_STREQ(statusName(Status::BufferOverflow), "STATUS_BUFFER_OVERFLOW");
  EXPECT_STREQ(statusName(static_cast<Status>(0xC0000017)),
               "STATUS_0xC0000017");
  EXPECT_EQ(static_cast<uint32_t>(Status::InvalidParameter), 0xC000000Du);
  EXPECT_EQ(static_cast<uint32_t>(Status::BufferTooSmall), 0xC0000023u);
  EXPECT_TRUE(ntSuccess(Status::Success));
  EXPECT_FALSE(ntSuccess(Status::BufferOverflow)); // a warning, not success
  EXPECT_FALSE(ntSuccess(Status::NotFound));
}

TEST(ReferenceLayout, KsPropertyItemOffsets) {
  const KsItemLayout &X64 = ksPropertyItemLayout(true);
  // sizeof(KSPROPERTY_ITEM) on x64, as measured by ModelTest.cpp
  // (KsTypes.SizesOfTheBaseItemsMatchTheWdkOnX64).
  EXPECT_EQ(X64.Size, 72u);
  EXPECT_EQ(X64.GetHandler, 8u);
  EXPECT_EQ(X64.MinProperty, 16u);
  EXPECT_EQ(X64.MinData, 20u);
  EXPECT_EQ(X64.SetHandler, 24u);
  EXPECT_EQ(X64.SupportHandler, 56u);
  EXPECT_EQ(ksPropertyItemLayout(false).Size, 40u);
  EXPECT_EQ(ksItemFieldAt(X64, 12), "GetPropertyHandler");
  EXPECT_EQ(ksItemFieldAt(X64, 4), "padding");
  EXPECT_EQ(ksItemFieldAt(X64, 76), "private data");
  EXPECT_EQ(pcPropertyItemLayout().Size, 24u); // sizeof(PCPROPERTY_ITEM)
}
