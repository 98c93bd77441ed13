//===- AccessRuleTest.cpp - ks-property-min-size's judgement on plain facts
//===//
#include "model/AccessRule.h"

#include "gtest/gtest.h"

using namespace ks::model;

namespace {

AccessFact data(uint64_t Size, IdFilter Ids = {}, bool Guarded = false) {
  AccessFact A;
  A.Of = HandlerBuffer::Data;
  A.Size = Size;
  A.Guarded = Guarded;
  A.Ids = std::move(Ids);
  return A;
}

IdFilter only(std::vector<int64_t> Ids) { return IdFilter{false, Ids}; }

TEST(AccessRule, FilterAdmitsNamedAndOtherIds) {
  const std::vector<int64_t> Named = {1, 5};
  IdFilter Case5 = only({5});
  EXPECT_TRUE(reaches(Case5, Named, 5));
  EXPECT_FALSE(reaches(Case5, Named, 1));
  EXPECT_FALSE(reaches(Case5, Named, 7)); // an id no branch names
  IdFilter Default{true, {}};
  EXPECT_TRUE(reaches(Default, Named, 7));
  EXPECT_FALSE(reaches(Default, Named, 5));
  EXPECT_FALSE(reachesAll(Default, Named));
  EXPECT_TRUE(reachesAll(IdFilter{true, {1, 5}}, Named));
  EXPECT_TRUE(reachesAll(IdFilter{}, {})); // no branches on the id
}

TEST(AccessRule, UnbranchedHandlerIsCoveredByTheLargestSharer) {
  std::vector<AccessFact> A = {data(16)};
  // Alone with MinData 4: overrun.
  EXPECT_EQ(overrunningAccess(A, {}, HandlerBuffer::Data, 0, 4, {}), 0u);
  // Shared with an item guaranteeing 16: which item writes 16 is unknown.
  std::vector<Sharer> S = {{0, 4}, {1, 16}};
  EXPECT_FALSE(overrunningAccess(A, {}, HandlerBuffer::Data, 0, 4, S));
  // A sharer whose size is not a constant covers anything.
  std::vector<Sharer> Unknown = {{0, 4}, {1, std::nullopt}};
  EXPECT_FALSE(overrunningAccess(A, {}, HandlerBuffer::Data, 0, 4, Unknown));
}

TEST(AccessRule, BranchOnIdJudgesEachItemByItsOwnCase) {
  const std::vector<int64_t> Named = {0, 1};
  std::vector<AccessFact> A = {data(4, only({0})), data(16, only({1}))};
  std::vector<Sharer> S = {{0, 4}, {1, 4}, {2, 16}};
  EXPECT_FALSE(overrunningAccess(A, Named, HandlerBuffer::Data, 0, 4, S));
  EXPECT_EQ(overrunningAccess(A, Named, HandlerBuffer::Data, 1, 4, S), 1u);
  EXPECT_FALSE(overrunningAccess(A, Named, HandlerBuffer::Data, 1, 16, S));
  // Id 2 reaches neither case.
  EXPECT_FALSE(overrunningAccess(A, Named, HandlerBuffer::Data, 2, 0, S));
  // An unknown id only answers for accesses every id reaches.
  EXPECT_FALSE(
      overrunningAccess(A, Named, HandlerBuffer::Data, std::nullopt, 0, S));
}

TEST(AccessRule, GuardedAndOtherBufferAccessesNeverOverrun) {
  std::vector<AccessFact> A = {data(16, {}, /*Guarded=*/true)};
  EXPECT_FALSE(overrunningAccess(A, {}, HandlerBuffer::Data, 0, 4, {}));
  EXPECT_FALSE(overrunningAccess(A, {}, HandlerBuffer::Property, 0, 4, {}));
  // Of two unguarded overruns, the larger is the one reported.
  std::vector<AccessFact> B = {data(8), data(16), data(12)};
  EXPECT_EQ(overrunningAccess(B, {}, HandlerBuffer::Data, 0, 4, {}), 1u);
}

} // namespace
