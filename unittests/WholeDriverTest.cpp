//===- WholeDriverTest.cpp - The join of tables and other TUs' handlers ---===//
#include "WholeDriver.h"
#include "PropertyMinSizeCheck.h"

#include "gtest/gtest.h"

using namespace ks;

namespace {

Finding marker(std::string Payload) {
  Finding F;
  F.Check = "ks-property-min-size";
  F.Where.File = "/tree/table.h";
  F.Where.Offset = 100;
  F.Where.Line = 7;
  F.Where.Column = 5;
  F.Message = PropertyMinSizeCheck::DeferredMarker + Payload;
  return F;
}

DeferredJudgement deferred(std::optional<int64_t> Id, uint64_t Own,
                           std::string Usr = "c:@F@GetZoom") {
  auto D = readDeferred(marker(
      R"J({"rule": "minData", "item": "property S/0 (entry 0 of 'T')", "id": )J" +
      (Id ? std::to_string(*Id) : std::string("null")) + R"J(, "own": )J" +
      std::to_string(Own) + R"J(, "handlers": [{"usr": ")J" + Usr +
      R"J(", "name": "GetZoom", "verb": "writes"}]})J"));
  EXPECT_TRUE(D && *D);
  return std::move(**D);
}

model::HandlerSummary zoom(std::vector<int64_t> Named,
                           model::IdFilter Ids = {}) {
  model::HandlerSummary S;
  S.Usr = "c:@F@GetZoom";
  S.Name = "GetZoom";
  S.NamedIds = std::move(Named);
  model::HandlerSummary::Access A;
  A.Fact.Of = model::HandlerBuffer::Data;
  A.Fact.Size = 16;
  A.Fact.Ids = std::move(Ids);
  A.Type = "ZOOM_STATE";
  A.Where = {"/tree/handlers.cpp", 40, 3, 5};
  S.Accesses.push_back(A);
  return S;
}

TEST(WholeDriver, OrdinaryFindingsAreNotDeferred) {
  Finding F;
  F.Message = "MinData 4 of property ...";
  EXPECT_FALSE(readDeferred(F).has_value());
}

TEST(WholeDriver, MalformedPayloadIsAnError) {
  for (const char *Bad : {"{", "[]", R"J({"rule": "minData"})J",
                          R"J({"rule": "minData", "item": "x", "own": 4,
                              "handlers": [5]})J"}) {
    auto D = readDeferred(marker(Bad));
    ASSERT_TRUE(D.has_value()) << Bad;
    EXPECT_FALSE(static_cast<bool>(*D)) << Bad;
    llvm::consumeError(D->takeError());
  }
}

TEST(WholeDriver, JudgesAgainstTheOtherTusSummary) {
  std::vector<TuFacts> Facts(2);
  Facts[1].Handlers.push_back(zoom({}));
  JoinResult R = joinWholeDriver({deferred(0, 4)}, Facts);
  ASSERT_EQ(R.Findings.size(), 1u);
  const Finding &F = R.Findings.front();
  EXPECT_EQ(F.Where.Line, 7u);
  EXPECT_EQ(F.Message, PropertyMinSizeCheck::minDataMessage(
                           4, "property S/0 (entry 0 of 'T')", 16, "GetZoom",
                           "writes", "ZOOM_STATE"));
  ASSERT_EQ(F.Notes.size(), 1u);
  EXPECT_EQ(F.Notes.front().Where.File, "/tree/handlers.cpp");
  EXPECT_EQ(F.Notes.front().Where.Line, 3u);
  EXPECT_TRUE(R.Unjudged.empty());
}

TEST(WholeDriver, SameTableFromTwoTusIsJudgedOnce) {
  std::vector<TuFacts> Facts(1);
  Facts[0].Handlers.push_back(zoom({}));
  JoinResult R = joinWholeDriver({deferred(0, 4), deferred(0, 4)}, Facts);
  EXPECT_EQ(R.Findings.size(), 1u);
}

TEST(WholeDriver, SharersOfEveryTuCoverAnUnbranchedAccess) {
  std::vector<TuFacts> Facts(2);
  Facts[0].Handlers.push_back(zoom({}));
  // Another TU's table gives the same handler an item with room for it.
  Facts[1].Uses.push_back(
      {"c:@F@GetZoom", model::GuaranteeKind::MinData, {1, 16}});
  EXPECT_TRUE(joinWholeDriver({deferred(0, 4)}, Facts).Findings.empty());
  // Unless the handler's branches keep the access to item 1.
  Facts[0].Handlers[0] = zoom({1}, model::IdFilter{false, {1}});
  EXPECT_TRUE(joinWholeDriver({deferred(0, 4)}, Facts).Findings.empty());
  EXPECT_EQ(joinWholeDriver({deferred(1, 4)}, Facts).Findings.size(), 1u);
}

TEST(WholeDriver, HandlerDefinedNowhereIsSaid) {
  std::vector<TuFacts> Facts(1);
  Facts[0].Handlers.push_back(zoom({}));
  JoinResult R = joinWholeDriver({deferred(0, 4, "c:@F@Elsewhere")}, Facts);
  EXPECT_TRUE(R.Findings.empty());
  ASSERT_EQ(R.Unjudged.size(), 1u);
  EXPECT_EQ(R.Unjudged.front().Handler, "GetZoom");
  EXPECT_EQ(R.Unjudged.front().Where.Line, 7u);
}

} // namespace

namespace {

DeferredJudgement pinCount(uint64_t Count, std::string Usr = "c:@Pins") {
  Finding F = marker(
      R"J({"rule": "descriptorCount", "usr": ")J" + Usr +
      R"J(", "array": "Pins", "countField": "PinDescriptorsCount", "owner": "filter descriptor 'Filter'", "entry": "pin descriptor", "count": )J" +
      std::to_string(Count) + "}");
  F.Check = "ks-descriptor-count";
  auto D = readDeferred(F);
  EXPECT_TRUE(D && *D);
  return std::move(**D);
}

TuFacts definesPins(uint64_t Length) {
  TuFacts T;
  T.Arrays.push_back(
      {"c:@Pins", "Pins", Length, {"/tree/pins.cpp", 10, 2, 30}});
  return T;
}

} // namespace

TEST(WholeDriver, DescriptorCountIsJudgedAgainstTheDefiningTu) {
  JoinResult R = joinWholeDriver({pinCount(3)}, {TuFacts{}, definesPins(2)});
  ASSERT_EQ(R.Findings.size(), 1u);
  EXPECT_TRUE(R.Unjudged.empty());
  EXPECT_EQ(R.Findings[0].Check, "ks-descriptor-count");
  EXPECT_EQ(R.Findings[0].Message,
            "PinDescriptorsCount of filter descriptor 'Filter' is 3, but "
            "'Pins' has 2 pin descriptors: the runtime reads 1 pin "
            "descriptor past its end");
  ASSERT_EQ(R.Findings[0].Notes.size(), 1u);
  EXPECT_EQ(R.Findings[0].Notes[0].Where.File, "/tree/pins.cpp");
  EXPECT_EQ(R.Findings[0].Notes[0].Where.Line, 2u);
}

TEST(WholeDriver, DescriptorCountEqualToTheBoundIsSilent) {
  JoinResult R = joinWholeDriver({pinCount(2)}, {definesPins(2)});
  EXPECT_TRUE(R.Findings.empty());
  EXPECT_TRUE(R.Unjudged.empty());
}

TEST(WholeDriver, DescriptorArrayDefinedNowhereIsSaid) {
  // Another array of the same name is not the one the count designates.
  JoinResult R =
      joinWholeDriver({pinCount(3, "c:@N@other@Pins")}, {definesPins(2)});
  EXPECT_TRUE(R.Findings.empty());
  ASSERT_EQ(R.Unjudged.size(), 1u);
  EXPECT_EQ(R.Unjudged[0].Handler, "Pins");
  EXPECT_EQ(R.Unjudged[0].Rule, "descriptorCount");
  EXPECT_EQ(R.Unjudged[0].Item,
            "PinDescriptorsCount of filter descriptor 'Filter'");
}

TEST(WholeDriver, MalformedDescriptorCountIsAnError) {
  auto D = readDeferred(marker(R"J({"rule": "descriptorCount", "usr": "x"})J"));
  ASSERT_TRUE(D.has_value());
  EXPECT_FALSE(static_cast<bool>(*D));
  llvm::consumeError(D->takeError());
}
