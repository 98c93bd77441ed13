//===- ReferenceDescriptorTest.cpp - ksref: filter descriptors ------------===//
//
// The runtime's walk of a descriptor's arrays by count and stride, a
// client resolving topology connections, and the KSPROPERTY_PIN_DATARANGES
// answer built from each range's FormatSize.
//
//===----------------------------------------------------------------------===//
#include "ksref/Descriptors.h"

#include <gtest/gtest.h>

using namespace ksref;

namespace {

DescriptorArray pins(uint32_t Count, uint32_t Elements, uint32_t Size) {
  DescriptorArray A;
  A.Count = Count;
  A.Bytes = uint64_t(Elements) * Size;
  A.ElementSize = Size;
  return A;
}

TEST(ReferenceDescriptorTest, MatchingCountAndStrideReadEveryElement) {
  DescriptorWalk W =
      walkDescriptors(pins(3, 3, PcPinDescriptorSize), PcPinDescriptorSize,
                      PcPinDescriptorSize, "pin descriptor", "filter 'F'");
  EXPECT_TRUE(W.Violations.empty());
  EXPECT_FALSE(W.PastEnd);
  EXPECT_EQ(W.Unseen, 0u);
}

TEST(ReferenceDescriptorTest, CountAboveTheArrayReadsPastItsEnd) {
  DescriptorWalk W =
      walkDescriptors(pins(3, 2, PcPinDescriptorSize), PcPinDescriptorSize,
                      PcPinDescriptorSize, "pin descriptor", "filter 'F'");
  ASSERT_TRUE(W.PastEnd);
  EXPECT_EQ(*W.PastEnd, 2u);
  ASSERT_EQ(W.Violations.size(), 1u);
  EXPECT_EQ(W.Violations[0].Check, checks::DescriptorCount);
  EXPECT_NE(W.Violations[0].What.find("bytes 224-335 of a 224-byte array"),
            std::string::npos)
      << W.Violations[0].What;
}

TEST(ReferenceDescriptorTest, CountBelowTheArrayHidesTheLastElements) {
  DescriptorWalk W =
      walkDescriptors(pins(1, 3, 32), 32, 32, "node descriptor", "filter 'F'");
  EXPECT_EQ(W.Unseen, 2u);
  ASSERT_EQ(W.Violations.size(), 1u);
  EXPECT_EQ(W.Violations[0].Check, checks::DescriptorCount);
}

TEST(ReferenceDescriptorTest, CountBesideNullFaults) {
  DescriptorArray A;
  A.Count = 4;
  A.Null = true;
  DescriptorWalk W =
      walkDescriptors(A, ConnectionSize, ConnectionSize, "connection", "F");
  EXPECT_TRUE(W.Faulted);
  EXPECT_TRUE(hasViolation(W.Violations, checks::DescriptorCount));
  // Count 0 beside NULL: nothing is read.
  A.Count = 0;
  EXPECT_TRUE(
      walkDescriptors(A, ConnectionSize, ConnectionSize, "connection", "F")
          .Violations.empty());
}

TEST(ReferenceDescriptorTest, StrideOtherThanTheElementMisplacesEntries) {
  // Extended pins of 120 bytes walked with sizeof(PCPIN_DESCRIPTOR).
  DescriptorWalk W =
      walkDescriptors(pins(2, 2, 120), PcPinDescriptorSize, PcPinDescriptorSize,
                      "pin descriptor", "filter 'F'");
  ASSERT_EQ(W.Misplaced.size(), 1u);
  EXPECT_EQ(W.Misplaced[0], 1u);
  EXPECT_TRUE(hasViolation(W.Violations, checks::DescriptorSize));
  EXPECT_FALSE(hasViolation(W.Violations, checks::DescriptorCount));
  // One entry is read at 0 whatever the stride: no violation.
  EXPECT_TRUE(walkDescriptors(pins(1, 1, 120), 16, PcPinDescriptorSize,
                              "pin descriptor", "filter 'F'")
                  .Violations.empty());
}

TEST(ReferenceDescriptorTest, StrideBelowTheBaseOverlapsWhenTheArrayIsUnknown) {
  DescriptorArray A;
  A.Count = 4;
  DescriptorWalk W = walkDescriptors(A, 8, PcPinDescriptorSize,
                                     "pin descriptor", "filter 'F'");
  EXPECT_TRUE(hasViolation(W.Violations, checks::DescriptorSize));
  EXPECT_TRUE(walkDescriptors(A, PcPinDescriptorSize, PcPinDescriptorSize,
                              "pin descriptor", "filter 'F'")
                  .Violations.empty());
}

TEST(ReferenceDescriptorTest, ConnectionsResolveAgainstNodesAndPins) {
  EXPECT_TRUE(resolveConnection({FilterNode, 0, 1, 1}, 0, "C", 2, 2).empty());
  std::vector<Violation> V = resolveConnection({1, 0, 2, 1}, 1, "C", 2, 2);
  ASSERT_EQ(V.size(), 1u);
  EXPECT_EQ(V[0].Check, checks::TopologyConnection);
  EXPECT_NE(V[0].What.find("ToNode 2"), std::string::npos) << V[0].What;
  EXPECT_EQ(resolveConnection({0, 0, FilterNode, 2}, 3, "C", 2, 2).size(), 1u);
  // A node's pin numbers are not bounded; unknown counts judge nothing.
  EXPECT_TRUE(resolveConnection({0, 9, 1, 9}, 0, "C", 2, 2).empty());
  EXPECT_TRUE(resolveConnection({7, 0, FilterNode, 7}, 0, "C", std::nullopt,
                                std::nullopt)
                  .empty());
}

TEST(ReferenceDescriptorTest, DataRangesAreCopiedFormatSizeBytesLong) {
  DataRangesAnswer Good = pinDataRanges(
      {{"A", "KSDATARANGE_AUDIO", 88, 88, true},
       {"B", "KSDATARANGE", KsDataRangeSize, KsDataRangeSize, true}});
  EXPECT_TRUE(Good.Violations.empty());
  EXPECT_EQ(Good.Size, KsMultipleItemSize + 88 + KsDataRangeSize);

  DataRangesAnswer Over =
      pinDataRanges({{"P", "KSDATARANGE", 88, KsDataRangeSize, true}});
  ASSERT_EQ(Over.Violations.size(), 1u);
  EXPECT_EQ(Over.Violations[0].Check, checks::DataRangeSize);
  EXPECT_NE(Over.Violations[0].What.find("24 bytes after it"),
            std::string::npos);

  EXPECT_EQ(pinDataRanges({{"S", "KSDATARANGE_AUDIO", 64, 88, true}})
                .Violations.size(),
            1u);
  // A driver's struct may keep private data after the range it reports.
  EXPECT_TRUE(
      pinDataRanges({{"D", "DRIVER_RANGE", 88, 96, false}}).Violations.empty());
  EXPECT_EQ(
      pinDataRanges({{"D", "DRIVER_RANGE", 200, 96, false}}).Violations.size(),
      1u);
}

TEST(ReferenceDescriptorTest, PinsAreCreatedUntilAPossibleCountRefusesOne) {
  auto Refused = [](uint32_t Need, uint32_t Filter,
                    std::optional<uint32_t> Global) {
    PinInstances P;
    P.Necessary = Need;
    P.FilterPossible = Filter;
    P.GlobalPossible = Global;
    return instantiatePins(P, "pin 0 of 'Pins'");
  };
  EXPECT_TRUE(Refused(1, 1, std::nullopt).empty());
  EXPECT_TRUE(Refused(0, 0, 0).empty());
  EXPECT_TRUE(Refused(3, InstanceIndeterminate, std::nullopt).empty());
  EXPECT_TRUE(Refused(3, InstanceIndeterminate, InstanceIndeterminate).empty());
  // The largest necessary count with no limit returns at once.
  EXPECT_TRUE(
      Refused(0xfffffffeu, InstanceIndeterminate, std::nullopt).empty());

  std::vector<Violation> PerFilter = Refused(2, 1, 4);
  ASSERT_EQ(PerFilter.size(), 1u);
  EXPECT_EQ(PerFilter[0].Check, checks::PinInstanceCount);
  EXPECT_NE(PerFilter[0].What.find("creating instance 2 of the 2"),
            std::string::npos);
  EXPECT_NE(PerFilter[0].What.find("KSPROPERTY_PIN_CINSTANCES PossibleCount 1"),
            std::string::npos);

  // The global limit refuses first when it is the lower one.
  std::vector<Violation> Global = Refused(3, InstanceIndeterminate, 1);
  ASSERT_EQ(Global.size(), 1u);
  EXPECT_NE(
      Global[0].What.find("KSPROPERTY_PIN_GLOBALCINSTANCES PossibleCount 1"),
      std::string::npos);
  EXPECT_NE(Global[0].What.find("creating instance 2 of the 3"),
            std::string::npos);
  // A factory that can create none refuses the first.
  ASSERT_EQ(Refused(1, 0, std::nullopt).size(), 1u);
  EXPECT_NE(Refused(1, 0, std::nullopt)[0].What.find("creating instance 1"),
            std::string::npos);
}

} // namespace

TEST(ReferenceDescriptorTest, RangesMatchMemberByMember) {
  const std::string Audio = "{73647561-0000-0010-8000-00aa00389b71}";
  const std::string Video = "{73646976-0000-0010-8000-00aa00389b71}";
  const std::string Pcm = "{00000001-0000-0010-8000-00aa00389b71}";
  const std::string WaveFormatEx = "{05589f81-c356-11ce-bf01-00aa0055595a}";
  const RangeFormats Pin{Audio, Pcm, WaveFormatEx};
  EXPECT_TRUE(rangesMatch(Pin, {Audio, Pcm, WaveFormatEx}));
  EXPECT_FALSE(rangesMatch(Pin, {Video, Pcm, WaveFormatEx}));
  EXPECT_TRUE(rangesMatch(Pin, {WildcardGuid, WildcardGuid, WildcardGuid}));
  EXPECT_TRUE(rangesMatch(Pin, {Audio, WildcardGuid, WaveFormatEx}));
  // A pin range with a wildcard major format and PCM matches a video
  // client that names PCM.
  const RangeFormats AnyMajorPcm{WildcardGuid, Pcm, WildcardGuid};
  EXPECT_TRUE(rangesMatch(AnyMajorPcm, {Video, Pcm, WaveFormatEx}));
  EXPECT_FALSE(rangesMatch(AnyMajorPcm, {Video, Audio, WaveFormatEx}));
}

TEST(ReferenceDescriptorTest, AWildcardMajorFormatMustLeaveTheOthersWild) {
  const std::string Pcm = "{00000001-0000-0010-8000-00aa00389b71}";
  const std::string Audio = "{73647561-0000-0010-8000-00aa00389b71}";
  auto Offer = [](RangeFormats F) { return offerDataRange(F, "R"); };
  std::vector<Violation> V = Offer({WildcardGuid, Pcm, WildcardGuid});
  ASSERT_EQ(V.size(), 1u);
  EXPECT_EQ(V[0].Check, checks::DataRangeWildcard);
  EXPECT_NE(V[0].What.find("matches it"), std::string::npos);
  EXPECT_EQ(Offer({WildcardGuid, WildcardGuid, Pcm}).size(), 1u);
  // Silent: every member the wildcard; a specific major format with a
  // wildcard subformat.
  EXPECT_TRUE(Offer({WildcardGuid, WildcardGuid, WildcardGuid}).empty());
  EXPECT_TRUE(Offer({Audio, WildcardGuid, Pcm}).empty());
  EXPECT_TRUE(Offer({Audio, Pcm, Pcm}).empty());
}
