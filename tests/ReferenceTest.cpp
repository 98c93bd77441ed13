//===- ReferenceTest.cpp - ksref, the runtime reference --------------------===//
//
// Each test states a rule of the modelled runtime and checks the status AND
// the Information the documentation gives for it (reference/README.md lists
// the sources), plus the violations the reference observes.
//
//===----------------------------------------------------------------------===//
#include "ksref/ksref.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace ksref;

namespace {

HandlerEffects fn(const std::string &Name, uint32_t DataAccess = 0,
                  bool ChecksLength = false, uint32_t PropertyRead = 0,
                  uint32_t ItemStorageRead = 0) {
  HandlerEffects H;
  H.Name = Name;
  H.Present = true;
  H.DataAccess = DataAccess;
  H.ChecksLength = ChecksLength;
  H.PropertyRead = PropertyRead;
  H.ItemStorageRead = ItemStorageRead;
  return H;
}

PropertyItem item(uint32_t Id, uint32_t MinProperty, uint32_t MinData,
                  HandlerEffects Get, HandlerEffects Set = {},
                  HandlerEffects Support = {}) {
  PropertyItem I;
  I.Id = Id;
  I.MinProperty = MinProperty;
  I.MinData = MinData;
  I.Get = std::move(Get);
  I.Set = std::move(Set);
  I.Support = std::move(Support);
  return I;
}

PropertyRequest request(const std::string &Set, uint32_t Id, Verb V,
                        uint32_t DataLength, uint32_t PropertyLength = 24) {
  PropertyRequest R;
  R.Set = Set;
  R.Id = Id;
  R.V = V;
  R.DataLength = DataLength;
  R.PropertyLength = PropertyLength;
  return R;
}

PropertySet set(const std::string &Guid, const ItemArray &A,
                uint32_t Count = ~0u) {
  PropertySet S;
  S.Guid = Guid;
  S.Items = &A;
  S.PropertiesCount =
      Count == ~0u ? static_cast<uint32_t>(A.Items.size()) : Count;
  return S;
}

/// Three plain GET/SET items of a camera set (ids 0, 1, 2).
ItemArray cameraItems(uint32_t ElementSize = 72) {
  ItemArray A;
  A.Name = "CameraItems";
  A.ElementSize = ElementSize;
  A.Items = {item(0, 24, 4, fn("GetBrightness", 4), fn("SetBrightness", 4)),
             item(1, 24, 4, fn("GetContrast", 4)),
             item(2, 24, 8, fn("GetExposure", 8), fn("SetExposure", 8))};
  return A;
}

DispatchOutcome dispatch(const std::vector<PropertySet> &Sets,
                         const PropertyRequest &R,
                         const DispatchOptions &Opt = {}) {
  return dispatchProperty(Sets, static_cast<uint32_t>(Sets.size()), R, Opt);
}

bool mentions(const std::vector<Violation> &Vs, const std::string &Check,
              const std::string &Text) {
  for (const Violation &V : Vs)
    if (V.Check == Check && V.What.find(Text) != std::string::npos)
      return true;
  return false;
}

std::string dump(const std::vector<Violation> &Vs) {
  std::string S;
  for (const Violation &V : Vs)
    S += "[" + V.Check + "] " + V.What + "\n";
  return S;
}

} // namespace

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

// --- KsPropertyHandlerWithAllocator: item size ----------------------------

TEST(ReferenceDispatch, ItemSizeNotMultipleOf8FailsEveryRequestOn64Bit) {
  ItemArray A = cameraItems(80);
  std::vector<PropertySet> Sets = {set("Camera", A)};
  int AllocatorCalls = 0;
  DispatchOptions Opt;
  Opt.PropertyItemSize = 76; // sizeof(KSPROPERTY_ITEM) + sizeof(ULONG)
  Opt.Allocator = [&](uint32_t, bool) {
    ++AllocatorCalls;
    return Status::Success;
  };
  for (uint32_t Id : {0u, 1u, 2u, 99u}) {
    DispatchOutcome O = dispatch(Sets, request("Camera", Id, Verb::Get, 8), Opt);
    EXPECT_EQ(O.St, Status::InvalidParameter);
    EXPECT_EQ(O.Information, 0u);
    EXPECT_EQ(O.HandlerCalled, "");
    EXPECT_EQ(O.SetIndex, -1);
    EXPECT_TRUE(mentions(O.Violations, "ks-property-item-size",
                         "PropertyItemSize 76 is not a multiple of 8"));
  }
  // Before anything else: even a too-short property gets INVALID_PARAMETER.
  DispatchOutcome Short =
      dispatch(Sets, request("Camera", 0, Verb::Get, 8, /*PropertyLength=*/8),
               Opt);
  EXPECT_EQ(Short.St, Status::InvalidParameter);
  EXPECT_EQ(AllocatorCalls, 0);
}

TEST(ReferenceDispatch, ItemSizeNotMultipleOf8IsAcceptedOn32Bit) {
  // x86: KSPROPERTY_ITEM is 40 bytes; the extended item {item; ULONG} 44.
  ItemArray A = cameraItems(44);
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOptions Opt;
  Opt.Is64Bit = false;
  Opt.PropertyItemSize = 44;
  DispatchOutcome O = dispatch(Sets, request("Camera", 2, Verb::Get, 8), Opt);
  EXPECT_EQ(O.St, Status::Success);
  EXPECT_EQ(O.Information, 8u);
  EXPECT_EQ(O.HandlerCalled, "GetExposure");
  EXPECT_EQ(O.EntryIndex, 2);
  EXPECT_TRUE(O.Violations.empty()) << dump(O.Violations);
  // The same size on 64-bit fails.
  Opt.Is64Bit = true;
  EXPECT_EQ(dispatch(Sets, request("Camera", 2, Verb::Get, 8), Opt).St,
            Status::InvalidParameter);
}

TEST(ReferenceDispatch, ItemSizeZeroMeansThePlainItem) {
  ItemArray A = cameraItems(72);
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOptions Zero, Explicit;
  Explicit.PropertyItemSize = 72;
  for (const DispatchOptions *Opt : {&Zero, &Explicit}) {
    DispatchOutcome O =
        dispatch(Sets, request("Camera", 2, Verb::Get, 8), *Opt);
    EXPECT_EQ(O.St, Status::Success);
    EXPECT_EQ(O.Information, 8u);
    EXPECT_EQ(O.HandlerCalled, "GetExposure");
    EXPECT_EQ(O.ItemIndex, 2);
    EXPECT_EQ(O.EntryIndex, 2);
    EXPECT_TRUE(O.Violations.empty()) << dump(O.Violations);
  }
  // x86 plain items: 0 means 40.
  ItemArray A32 = cameraItems(40);
  std::vector<PropertySet> Sets32 = {set("Camera", A32)};
  DispatchOptions X86;
  X86.Is64Bit = false;
  EXPECT_EQ(dispatch(Sets32, request("Camera", 2, Verb::Get, 8), X86)
                .HandlerCalled,
            "GetExposure");
}

// --- Lookup ---------------------------------------------------------------

TEST(ReferenceDispatch, FirstItemWithTheIdWins) {
  ItemArray A;
  A.Name = "GainItems";
  A.Items = {item(0, 24, 4, fn("GetAnalog", 4)),
             item(1, 24, 4, fn("GetDigital", 4)),
             item(1, 24, 4, fn("GetBoost", 4))}; // copy-paste: id 1 again
  std::vector<PropertySet> Sets = {set("Gain", A)};
  DispatchOutcome O = dispatch(Sets, request("Gain", 1, Verb::Get, 4));
  EXPECT_EQ(O.St, Status::Success);
  EXPECT_EQ(O.Information, 4u);
  EXPECT_EQ(O.HandlerCalled, "GetDigital");
  EXPECT_EQ(O.EntryIndex, 1);
  // The sweep sees that GetBoost never runs.
  SweepReport R = sweepPropertyTables(Sets, 1, {});
  ASSERT_EQ(R.Entries.size(), 3u);
  EXPECT_TRUE(R.Entries[0].Reached);
  EXPECT_TRUE(R.Entries[1].Reached);
  EXPECT_FALSE(R.Entries[2].Reached);
  EXPECT_EQ(R.Entries[2].Outcome.HandlerCalled, "GetDigital");
  EXPECT_TRUE(mentions(R.Violations, "ks-property-duplicate-id",
                       "entry 2 of 'GainItems' repeats id 1 of entry 1"))
      << dump(R.Violations);
  EXPECT_TRUE(mentions(R.Violations, "ks-property-duplicate-id", "GetBoost"));
}

TEST(ReferenceDispatch, FirstSetWithTheGuidWins) {
  ItemArray First, Second;
  First.Name = "FirstItems";
  First.Items = {item(0, 24, 4, fn("GetA", 4))};
  Second.Name = "SecondItems";
  Second.Items = {item(0, 24, 4, fn("GetShadowed", 4)),
                  item(7, 24, 4, fn("GetOnlyInSecond", 4))};
  std::vector<PropertySet> Sets = {set("Video", First), set("Video", Second)};
  DispatchOutcome O = dispatch(Sets, request("Video", 0, Verb::Get, 4));
  EXPECT_EQ(O.HandlerCalled, "GetA");
  EXPECT_EQ(O.SetIndex, 0);
  // The second set entry is never searched: its id 7 is not found.
  DispatchOutcome Seven = dispatch(Sets, request("Video", 7, Verb::Get, 4));
  EXPECT_EQ(Seven.St, Status::NotFound);
  EXPECT_EQ(Seven.Information, 0u);
  EXPECT_EQ(Seven.HandlerCalled, "");
  SweepReport R = sweepPropertyTables(Sets, 2, {});
  EXPECT_TRUE(mentions(R.Violations, "ks-property-duplicate-id",
                       "set entry 1 repeats the GUID Video of set entry 0"))
      << dump(R.Violations);
  // ReactOS's walk goes on to later entries with the same GUID.
  DispatchOptions Ros;
  Ros.ContinueToLaterSets = true;
  DispatchOutcome Later =
      dispatch(Sets, request("Video", 7, Verb::Get, 4), Ros);
  EXPECT_EQ(Later.St, Status::Success);
  EXPECT_EQ(Later.HandlerCalled, "GetOnlyInSecond");
  EXPECT_EQ(Later.SetIndex, 1);
  EXPECT_EQ(dispatch(Sets, request("Video", 0, Verb::Get, 4), Ros)
                .HandlerCalled,
            "GetA"); // the shared id still goes to the first
}

TEST(ReferenceDispatch, NoMatchIsNotFound) {
  ItemArray A = cameraItems();
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOutcome UnknownId = dispatch(Sets, request("Camera", 9, Verb::Get, 4));
  EXPECT_EQ(UnknownId.St, Status::NotFound);
  EXPECT_EQ(UnknownId.Information, 0u);
  EXPECT_EQ(UnknownId.SetIndex, 0);
  EXPECT_EQ(UnknownId.ItemIndex, -1);
  EXPECT_TRUE(UnknownId.Violations.empty()) << dump(UnknownId.Violations);
  DispatchOutcome UnknownSet = dispatch(Sets, request("Audio", 0, Verb::Get, 4));
  EXPECT_EQ(UnknownSet.St, Status::NotFound);
  EXPECT_EQ(UnknownSet.Information, 0u);
  EXPECT_EQ(UnknownSet.SetIndex, -1);
}

// --- Buffer sizes ---------------------------------------------------------

TEST(ReferenceDispatch, InputShorterThanKsPropertyIsInvalidBufferSize) {
  ItemArray A = cameraItems();
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOutcome O =
      dispatch(Sets, request("Camera", 0, Verb::Get, 4, /*PropertyLength=*/23));
  EXPECT_EQ(O.St, Status::InvalidBufferSize);
  EXPECT_EQ(O.Information, 0u);
  EXPECT_EQ(O.HandlerCalled, "");
  EXPECT_EQ(dispatch(Sets, request("Camera", 0, Verb::Get, 4, 24)).St,
            Status::Success);
}

TEST(ReferenceDispatch, MinPropertyAboveInputIsInvalidParameterWithMinProperty) {
  ItemArray A;
  A.Name = "PinItems";
  A.Items = {item(3, /*MinProperty=*/32 /*KSP_PIN*/, 4, fn("GetPinThing", 4))};
  std::vector<PropertySet> Sets = {set("Pin", A)};
  DispatchOutcome O = dispatch(Sets, request("Pin", 3, Verb::Get, 4, 24));
  EXPECT_EQ(O.St, Status::InvalidParameter);
  EXPECT_EQ(O.Information, 32u);
  EXPECT_EQ(O.HandlerCalled, "");
  EXPECT_EQ(dispatch(Sets, request("Pin", 3, Verb::Get, 4, 32)).St,
            Status::Success);
}

TEST(ReferenceDispatch, MinDataAboveOutputIsBufferTooSmallWithMinData) {
  ItemArray A = cameraItems();
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOutcome Get = dispatch(Sets, request("Camera", 2, Verb::Get, 4));
  EXPECT_EQ(Get.St, Status::BufferTooSmall);
  EXPECT_EQ(Get.Information, 8u);
  EXPECT_EQ(Get.HandlerCalled, "");
  DispatchOutcome Set = dispatch(Sets, request("Camera", 2, Verb::Set, 0));
  EXPECT_EQ(Set.St, Status::BufferTooSmall);
  EXPECT_EQ(Set.Information, 8u);
  DispatchOutcome Fits = dispatch(Sets, request("Camera", 2, Verb::Get, 8));
  EXPECT_EQ(Fits.St, Status::Success);
  EXPECT_EQ(Fits.Information, 8u);
}

TEST(ReferenceDispatch, MinDataZeroMeansNoCheckAndTheHandlerOverruns) {
  ItemArray A;
  A.Name = "SensorItems";
  A.Items = {item(0, 24, /*MinData=*/0, fn("GetExposureState", 16))};
  std::vector<PropertySet> Sets = {set("Sensor", A)};
  DispatchOutcome O = dispatch(Sets, request("Sensor", 0, Verb::Get, 4));
  EXPECT_EQ(O.St, Status::Success); // nothing stopped the request
  EXPECT_EQ(O.Information, 16u);
  EXPECT_EQ(O.HandlerCalled, "GetExposureState");
  EXPECT_TRUE(mentions(O.Violations, "ks-property-min-size",
                       "writes 16 bytes into a 4-byte Data buffer: 12 bytes "
                       "past its end"))
      << dump(O.Violations);
  // No data buffer at all: Data is NULL.
  DispatchOutcome Null = dispatch(Sets, request("Sensor", 0, Verb::Get, 0));
  EXPECT_TRUE(Null.Faulted);
  EXPECT_EQ(Null.St, Status::Unsuccessful);
  EXPECT_TRUE(mentions(Null.Violations, "ks-property-min-size", "Data == NULL"));
}

TEST(ReferenceDispatch, MinDataBelowWhatTheHandlerWrites) {
  ItemArray A;
  A.Name = "SensorItems";
  A.Items = {item(0, 24, /*MinData=*/4, fn("GetExposure", 16))};
  std::vector<PropertySet> Sets = {set("Sensor", A)};
  DispatchOutcome O = dispatch(Sets, request("Sensor", 0, Verb::Get, 4));
  EXPECT_EQ(O.St, Status::Success);
  EXPECT_EQ(O.Information, 16u);
  ASSERT_EQ(O.Violations.size(), 1u);
  EXPECT_EQ(O.Violations[0].Check, "ks-property-min-size");
  EXPECT_EQ(O.Violations[0].What,
            "handler 'GetExposure' writes 16 bytes into a 4-byte Data "
            "buffer: 12 bytes past its end");
  // A SET handler reads.
  A.Items[0].Set = fn("SetExposure", 16);
  DispatchOutcome S = dispatch(Sets, request("Sensor", 0, Verb::Set, 4));
  EXPECT_EQ(S.St, Status::Success);
  EXPECT_EQ(S.Information, 0u);
  EXPECT_TRUE(mentions(S.Violations, "ks-property-min-size",
                       "reads 16 bytes from a 4-byte Data buffer"));
}

TEST(ReferenceDispatch, HandlerThatChecksLengthsFailsInsteadOfOverrunning) {
  ItemArray A;
  A.Name = "SensorItems";
  A.Items = {item(0, 24, 0, fn("GetChecked", 16, /*ChecksLength=*/true))};
  std::vector<PropertySet> Sets = {set("Sensor", A)};
  DispatchOutcome Small = dispatch(Sets, request("Sensor", 0, Verb::Get, 4));
  EXPECT_EQ(Small.St, Status::BufferTooSmall);
  EXPECT_EQ(Small.Information, 16u);
  EXPECT_TRUE(Small.Violations.empty()) << dump(Small.Violations);
  DispatchOutcome Query = dispatch(Sets, request("Sensor", 0, Verb::Get, 0));
  EXPECT_EQ(Query.St, Status::BufferOverflow); // the size query
  EXPECT_EQ(Query.Information, 16u);
  EXPECT_FALSE(Query.Faulted);
  DispatchOutcome Fits = dispatch(Sets, request("Sensor", 0, Verb::Get, 16));
  EXPECT_EQ(Fits.St, Status::Success);
  EXPECT_EQ(Fits.Information, 16u);
  EXPECT_TRUE(Fits.Violations.empty());
}

TEST(ReferenceDispatch, HandlerReadingMoreThanThePropertyBuffer) {
  ItemArray A;
  A.Name = "PinItems";
  // MinProperty says KSPROPERTY, the handler reads a KSP_PIN (32 bytes).
  A.Items = {item(0, 24, 4, fn("GetPinCount", 4, false, /*PropertyRead=*/32))};
  std::vector<PropertySet> Sets = {set("Pin", A)};
  DispatchOutcome O = dispatch(Sets, request("Pin", 0, Verb::Get, 4, 24));
  EXPECT_EQ(O.St, Status::Success);
  EXPECT_TRUE(mentions(O.Violations, "ks-property-min-size",
                       "reads 32 bytes of a 24-byte property buffer: 8 bytes "
                       "past its end"));
  EXPECT_TRUE(dispatch(Sets, request("Pin", 0, Verb::Get, 4, 32))
                  .Violations.empty());
}

// --- Handlers per verb ----------------------------------------------------

TEST(ReferenceDispatch, VerbWithoutHandlerIsNotFound) {
  ItemArray A = cameraItems();
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOutcome O = dispatch(Sets, request("Camera", 1, Verb::Set, 4));
  EXPECT_EQ(O.St, Status::NotFound);
  EXPECT_EQ(O.Information, 0u);
  EXPECT_EQ(O.HandlerCalled, "");
  EXPECT_EQ(O.EntryIndex, 1);
  EXPECT_TRUE(O.Violations.empty()) << dump(O.Violations); // a read-only item
  EXPECT_EQ(dispatch(Sets, request("Camera", 1, Verb::SetSupport, 4)).St,
            Status::NotFound);
}

TEST(ReferenceDispatch, ItemWithNoHandlerAtAllCanNeverBeServed) {
  ItemArray A;
  A.Name = "ZoomItems";
  A.Items = {item(0, 24, 4, fn("GetZoom", 4)), item(3, 24, 4, {})};
  std::vector<PropertySet> Sets = {set("Zoom", A)};
  for (Verb V : {Verb::Get, Verb::Set, Verb::BasicSupport}) {
    DispatchOutcome O = dispatch(Sets, request("Zoom", 3, V, 4));
    EXPECT_EQ(O.St, Status::NotFound);
    EXPECT_EQ(O.Information, 0u);
    EXPECT_TRUE(mentions(O.Violations, "ks-property-missing-handler",
                         "property Zoom/3 (entry 1 of 'ZoomItems') has no "
                         "get, set or support handler"))
        << dump(O.Violations);
  }
}

TEST(ReferenceDispatch, BasicSupportWithoutSupportHandlerIsAnsweredByTheRuntime) {
  ItemArray A = cameraItems();
  A.Items[1].Support = fn("SupportContrast", 40);
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOutcome Flags = dispatch(Sets, request("Camera", 0, Verb::BasicSupport, 4));
  EXPECT_EQ(Flags.St, Status::Success);
  EXPECT_EQ(Flags.Information, 4u); // the access flags
  EXPECT_EQ(Flags.HandlerCalled, "");
  DispatchOutcome Desc = dispatch(Sets, request("Camera", 0, Verb::BasicSupport, 64));
  EXPECT_EQ(Desc.Information, 40u); // a KSPROPERTY_DESCRIPTION
  DispatchOutcome Tiny = dispatch(Sets, request("Camera", 0, Verb::BasicSupport, 2));
  EXPECT_EQ(Tiny.St, Status::InvalidParameter);
  // No MinData check for the support verbs; the support handler runs.
  DispatchOutcome Own = dispatch(Sets, request("Camera", 1, Verb::BasicSupport, 40));
  EXPECT_EQ(Own.St, Status::Success);
  EXPECT_EQ(Own.HandlerCalled, "SupportContrast");
}

// --- Allocator ------------------------------------------------------------

TEST(ReferenceDispatch, AllocatorGetsTheTotalSizeAndTheFilterOwnsTheBuffer) {
  ItemArray A = cameraItems();
  std::vector<PropertySet> Sets = {set("Camera", A)};
  std::vector<std::pair<uint32_t, bool>> Calls;
  DispatchOptions Opt;
  Opt.Allocator = [&](uint32_t Size, bool IsGet) {
    Calls.emplace_back(Size, IsGet);
    return Status::Success;
  };
  DispatchOutcome Get = dispatch(Sets, request("Camera", 0, Verb::Get, 4), Opt);
  EXPECT_EQ(Get.St, Status::Success);
  EXPECT_EQ(Get.Information, 4u);
  EXPECT_TRUE(Get.FilterOwnedBuffer);
  // 24 bytes of property + 4 bytes of data rounded up to 8.
  ASSERT_EQ(Calls.size(), 1u);
  EXPECT_EQ(Calls[0], std::make_pair(32u, true));
  EXPECT_EQ(Get.AllocatorCalls, std::vector<uint32_t>({32u}));
  DispatchOutcome Set = dispatch(Sets, request("Camera", 2, Verb::Set, 8), Opt);
  EXPECT_EQ(Set.St, Status::Success);
  ASSERT_EQ(Calls.size(), 2u);
  EXPECT_EQ(Calls[1], std::make_pair(32u, false));
  EXPECT_EQ(allocatorRequestSize(request("X", 0, Verb::Get, 17, 40)), 64u);
  // Not for the support verbs; and without an allocator nothing is filter-owned.
  DispatchOutcome Support =
      dispatch(Sets, request("Camera", 0, Verb::BasicSupport, 4), Opt);
  EXPECT_FALSE(Support.FilterOwnedBuffer);
  EXPECT_EQ(Calls.size(), 2u);
  EXPECT_FALSE(dispatch(Sets, request("Camera", 0, Verb::Get, 4)).FilterOwnedBuffer);
}

TEST(ReferenceDispatch, AllocatorFailureIsReturnedUnchanged) {
  ItemArray A = cameraItems();
  std::vector<PropertySet> Sets = {set("Camera", A)};
  for (uint32_t Code : {0xC000009Au, 0xC0000017u /*NO_MEMORY*/}) {
    DispatchOptions Opt;
    Opt.Allocator = [Code](uint32_t, bool) { return static_cast<Status>(Code); };
    DispatchOutcome O = dispatch(Sets, request("Camera", 0, Verb::Get, 4), Opt);
    EXPECT_EQ(static_cast<uint32_t>(O.St), Code);
    EXPECT_EQ(O.Information, 0u);
    EXPECT_EQ(O.HandlerCalled, "");
    EXPECT_FALSE(O.FilterOwnedBuffer);
  }
  // The parameters are captured before the lookup: an unknown id still
  // calls the allocator, and its failure wins.
  DispatchOptions Fails;
  Fails.Allocator = [](uint32_t, bool) { return Status::InsufficientResources; };
  EXPECT_EQ(dispatch(Sets, request("Camera", 99, Verb::Get, 4), Fails).St,
            Status::InsufficientResources);
}

TEST(ReferenceDispatch, AllocatorIsAskedAgainWhenTheHandlerSaysTooSmall) {
  ItemArray A;
  A.Name = "BlobItems";
  A.Items = {item(0, 24, 0, fn("GetBlob", 100, /*ChecksLength=*/true))};
  std::vector<PropertySet> Sets = {set("Blob", A)};
  std::vector<std::pair<uint32_t, bool>> Calls;
  DispatchOptions Opt;
  Opt.Allocator = [&](uint32_t Size, bool IsGet) {
    Calls.emplace_back(Size, IsGet);
    return Status::Success;
  };
  DispatchOutcome O = dispatch(Sets, request("Blob", 0, Verb::Get, 8), Opt);
  EXPECT_EQ(O.St, Status::BufferTooSmall);
  EXPECT_EQ(O.Information, 100u);
  ASSERT_EQ(Calls.size(), 2u);
  EXPECT_EQ(Calls[0], std::make_pair(32u, true));
  EXPECT_EQ(Calls[1], std::make_pair(100u, false));
  // A failing second allocation ends in INSUFFICIENT_RESOURCES.
  int N = 0;
  Opt.Allocator = [&](uint32_t, bool) {
    return ++N == 1 ? Status::Success : Status::Unsuccessful;
  };
  EXPECT_EQ(dispatch(Sets, request("Blob", 0, Verb::Get, 8), Opt).St,
            Status::InsufficientResources);
}

// --- Stride ---------------------------------------------------------------

TEST(ReferenceDispatch, StrideLargerThanTheEntriesMissesThemAndReadsPastTheTable) {
  ItemArray A = cameraItems(72); // plain items...
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOptions Opt;
  Opt.PropertyItemSize = 80; // ...dispatched as 80-byte extended items
  DispatchOutcome First = dispatch(Sets, request("Camera", 0, Verb::Get, 4), Opt);
  EXPECT_EQ(First.St, Status::Success); // item 0 is at offset 0 either way
  EXPECT_EQ(First.HandlerCalled, "GetBrightness");
  EXPECT_TRUE(First.Violations.empty()) << dump(First.Violations);
  DispatchOutcome O = dispatch(Sets, request("Camera", 1, Verb::Get, 4), Opt);
  EXPECT_EQ(O.St, Status::NotFound);
  EXPECT_EQ(O.Information, 0u);
  EXPECT_TRUE(mentions(O.Violations, "ks-property-item-size",
                       "entry 1 (id 1) is never read at its start"))
      << dump(O.Violations);
  EXPECT_TRUE(mentions(O.Violations, "ks-property-item-size",
                       "reads item 2 at offset 160, past the end of "
                       "'CameraItems' (216 bytes"))
      << dump(O.Violations);
}

TEST(ReferenceDispatch, StrideSmallerThanTheEntriesServesRequestsFromTheWrongBytes) {
  // Extended 80-byte items walked as plain 72-byte items: item 1 starts in
  // the private data of entry 0 (zero), so it reads as id 0.
  ItemArray A;
  A.Name = "DiagItems";
  A.ElementSize = 80;
  A.Items = {item(5, 24, 4, fn("GetFive", 4)), item(6, 24, 4, fn("GetSix", 4)),
             item(0, 24, 4, fn("GetZero", 4))};
  std::vector<PropertySet> Sets = {set("Diag", A)};
  DispatchOptions Opt;
  Opt.PropertyItemSize = 72;
  DispatchOutcome O = dispatch(Sets, request("Diag", 0, Verb::Get, 4), Opt);
  EXPECT_EQ(O.ItemIndex, 1);
  EXPECT_EQ(O.EntryIndex, -1);
  EXPECT_TRUE(mentions(O.Violations, "ks-property-item-size",
                       "item 1 is read at offset 72 of 'DiagItems' (byte 72 "
                       "of entry 0: private data)"))
      << dump(O.Violations);
  // Its MinProperty is the low half of entry 1's GetPropertyHandler pointer.
  const uint32_t Garbage =
      static_cast<uint32_t>(pointers::function(1, 8) & 0xFFFFFFFFu);
  EXPECT_EQ(O.St, Status::InvalidParameter);
  EXPECT_EQ(O.Information, Garbage);
  EXPECT_EQ(O.HandlerCalled, "");
  // With the right size, entry 2 answers.
  Opt.PropertyItemSize = 80;
  DispatchOutcome Right = dispatch(Sets, request("Diag", 0, Verb::Get, 4), Opt);
  EXPECT_EQ(Right.HandlerCalled, "GetZero");
  EXPECT_TRUE(Right.Violations.empty()) << dump(Right.Violations);
}

TEST(ReferenceDispatch, StrideMismatchCallsThroughAGarbagePointer) {
  // Plain items walked 80 bytes apart: item 1 starts at byte 8 of entry 1,
  // so its PropertyId is the low half of entry 1's GetPropertyHandler, and
  // its GetPropertyHandler is entry 1's MinProperty and MinData.
  ItemArray A;
  A.Name = "Items";
  A.Items = {item(0, 24, 4, fn("GetA", 4)), item(1, 24, 4, fn("GetB", 4)),
             item(2, 24, 4, fn("GetC", 4))};
  std::vector<PropertySet> Sets = {set("S", A)};
  DispatchOptions Opt;
  Opt.PropertyItemSize = 80;
  const uint32_t Id = static_cast<uint32_t>(pointers::function(1, 8));
  DispatchOutcome O = dispatch(Sets, request("S", Id, Verb::Get, 4), Opt);
  EXPECT_TRUE(O.Faulted);
  EXPECT_EQ(O.St, Status::Unsuccessful);
  EXPECT_EQ(O.HandlerCalled, "");
  EXPECT_TRUE(mentions(O.Violations, "ks-property-item-size",
                       "0x400000018 is not a function"))
      << dump(O.Violations);
}

// --- Counts ---------------------------------------------------------------

TEST(ReferenceDispatch, CountLargerThanTheArrayReadsPastIt) {
  ItemArray A = cameraItems();
  std::vector<PropertySet> Sets = {set("Camera", A, /*Count=*/4)};
  DispatchOutcome Missing = dispatch(Sets, request("Camera", 9, Verb::Get, 4));
  EXPECT_EQ(Missing.St, Status::NotFound);
  EXPECT_EQ(Missing.Information, 0u);
  EXPECT_TRUE(mentions(Missing.Violations, "ks-property-set-count",
                       "PropertiesCount of set Camera is 4 but 'CameraItems' "
                       "has 3 items: looking up id 9 the runtime reads 1 item "
                       "past the end of the array"))
      << dump(Missing.Violations);
  // A request that matches before the end reads nothing past it.
  EXPECT_TRUE(dispatch(Sets, request("Camera", 1, Verb::Get, 4)).Violations.empty());
}

TEST(ReferenceDispatch, CountSmallerThanTheArrayHidesEntries) {
  ItemArray A = cameraItems();
  std::vector<PropertySet> Sets = {set("Camera", A, /*Count=*/2)};
  DispatchOutcome O = dispatch(Sets, request("Camera", 2, Verb::Get, 8));
  EXPECT_EQ(O.St, Status::NotFound);
  EXPECT_EQ(O.Information, 0u);
  EXPECT_TRUE(mentions(O.Violations, "ks-property-set-count",
                       "entry 2 of 'CameraItems' (id 2) lies beyond "
                       "PropertiesCount 2"));
  SweepReport R = sweepPropertyTables(Sets, 1, {});
  EXPECT_FALSE(R.Entries[2].Reached);
  EXPECT_TRUE(hasViolation(R.Violations, "ks-property-set-count"));
}

TEST(ReferenceDispatch, SetCountLargerThanTheSetTable) {
  ItemArray A = cameraItems();
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOutcome O =
      dispatchProperty(Sets, 3, request("Audio", 0, Verb::Get, 4), {});
  EXPECT_EQ(O.St, Status::NotFound);
  EXPECT_TRUE(mentions(O.Violations, "ks-property-set-count",
                       "PropertySetsCount is 3 but the set table holds 1 "
                       "entries"));
  // Fewer: the later set entry is never searched.
  ItemArray B = cameraItems();
  Sets.push_back(set("Audio", B));
  DispatchOutcome Hidden =
      dispatchProperty(Sets, 1, request("Audio", 0, Verb::Get, 4), {});
  EXPECT_EQ(Hidden.St, Status::NotFound);
  EXPECT_TRUE(mentions(Hidden.Violations, "ks-property-set-count",
                       "set entry 1 (Audio) lies beyond PropertySetsCount 1"));
  // A non-zero count with a NULL item array.
  PropertySet Null;
  Null.Guid = "Null";
  Null.PropertiesCount = 2;
  DispatchOutcome Crash =
      dispatchProperty({Null}, 1, request("Null", 0, Verb::Get, 4), {});
  EXPECT_TRUE(Crash.Faulted);
  EXPECT_TRUE(mentions(Crash.Violations, "ks-property-set-count",
                       "its item array is NULL"));
}

// --- KSPROPERTY_ITEM_IRP_STORAGE -------------------------------------------

TEST(ReferenceDispatch, IrpStorageReadPastTheDispatchedItem) {
  // The handler reads an 80-byte extended item through
  // KSPROPERTY_ITEM_IRP_STORAGE, but the table is dispatched with plain items.
  ItemArray A;
  A.Name = "PlainItems";
  A.Items = {item(0, 24, 4, fn("GetReg", 4, false, 0, /*ItemStorageRead=*/80)),
             item(1, 24, 4, fn("GetReg", 4, false, 0, 80))};
  std::vector<PropertySet> Sets = {set("Reg", A)};
  DispatchOutcome First = dispatch(Sets, request("Reg", 0, Verb::Get, 4));
  EXPECT_EQ(First.St, Status::Success);
  EXPECT_TRUE(mentions(First.Violations, "ks-property-item-size",
                       "reads 80 bytes from KSPROPERTY_ITEM_IRP_STORAGE, but "
                       "the runtime dispatches 72-byte items: bytes 72..79 of "
                       "the item are at offset 72 of 'PlainItems' (byte 0 of "
                       "entry 1: PropertyId)"))
      << dump(First.Violations);
  DispatchOutcome Last = dispatch(Sets, request("Reg", 1, Verb::Get, 4));
  EXPECT_TRUE(mentions(Last.Violations, "ks-property-item-size",
                       "past the end of 'PlainItems'"));
  // Dispatched with the extended size over extended entries: in bounds.
  ItemArray Ext = A;
  Ext.ElementSize = 80;
  std::vector<PropertySet> ExtSets = {set("Reg", Ext)};
  DispatchOptions Opt;
  Opt.PropertyItemSize = 80;
  EXPECT_TRUE(dispatch(ExtSets, request("Reg", 1, Verb::Get, 4), Opt)
                  .Violations.empty());
}

TEST(ReferenceDispatch, SweepReportsStrideVictims) {
  ItemArray A = cameraItems(80);
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOptions Opt; // plain items over 80-byte entries
  SweepReport R = sweepPropertyTables(Sets, 1, Opt);
  ASSERT_EQ(R.Entries.size(), 3u);
  EXPECT_TRUE(R.Entries[0].Reached);
  EXPECT_FALSE(R.Entries[1].Reached);
  EXPECT_FALSE(R.Entries[2].Reached);
  EXPECT_TRUE(hasViolation(R.Violations, "ks-property-item-size"))
      << dump(R.Violations);
  EXPECT_FALSE(hasViolation(R.Violations, "ks-property-duplicate-id"));
  Opt.PropertyItemSize = 80;
  SweepReport Fixed = sweepPropertyTables(Sets, 1, Opt);
  for (const EntryReach &E : Fixed.Entries)
    EXPECT_TRUE(E.Reached) << "entry " << E.Entry;
  EXPECT_TRUE(Fixed.Violations.empty()) << dump(Fixed.Violations);
}

// --- KsFastPropertyHandler -------------------------------------------------

TEST(ReferenceFast, FastItemsAreHandledOrLeftToTheIrpPath) {
  std::vector<FastPropertyItem> Fast(2);
  Fast[0].Id = 0;
  Fast[0].Get = fn("FastGetBrightness", 4);
  Fast[1].Id = 1; // neither handler
  ItemArray A = cameraItems();
  PropertySet S = set("Camera", A);
  S.FastIoCount = 2;
  S.FastItems = &Fast;
  std::vector<PropertySet> Sets = {S};
  FastOutcome Get = fastPropertyHandler(Sets, 1, request("Camera", 0, Verb::Get, 4));
  EXPECT_TRUE(Get.Handled);
  EXPECT_EQ(Get.St, Status::Success);
  EXPECT_EQ(Get.Information, 4u);
  EXPECT_EQ(Get.HandlerCalled, "FastGetBrightness");
  FastOutcome Set = fastPropertyHandler(Sets, 1, request("Camera", 0, Verb::Set, 4));
  EXPECT_FALSE(Set.Handled); // an IRP follows
  FastOutcome Empty = fastPropertyHandler(Sets, 1, request("Camera", 1, Verb::Get, 4));
  EXPECT_FALSE(Empty.Handled);
  EXPECT_TRUE(hasViolation(Empty.Violations, "ks-property-missing-handler"));
  Sets[0].FastIoCount = 3;
  FastOutcome Past = fastPropertyHandler(Sets, 1, request("Camera", 7, Verb::Get, 4));
  EXPECT_FALSE(Past.Handled);
  EXPECT_TRUE(mentions(Past.Violations, "ks-property-set-count",
                       "FastIoCount of set Camera is 3"));
  EXPECT_FALSE(fastPropertyHandler(Sets, 1, request("Camera", 0, Verb::Get, 4, 16))
                   .Handled); // shorter than KSPROPERTY
}

// --- PortCls --------------------------------------------------------------

namespace {
PcItem pc(const std::string &Set, uint32_t Id, uint32_t Flags,
          HandlerEffects Handler) {
  PcItem I;
  I.Set = Set;
  I.Id = Id;
  I.Flags = Flags;
  I.Handler = std::move(Handler);
  return I;
}
} // namespace

TEST(ReferencePortCls, NoSizeCheckBeforeTheHandler) {
  std::vector<PcItem> Items = {
      pc("Audio", 1, PcItemFlagGet | PcItemFlagSet, fn("PropertyHandler_Mute", 4)),
      pc("Audio", 2, PcItemFlagGet, fn("PropertyHandler_Level", 4, true))};
  DispatchOutcome O =
      dispatchPortClsProperty(Items, 24, 24, request("Audio", 1, Verb::Get, 2));
  EXPECT_EQ(O.St, Status::Success); // MinData 0: nothing stopped it
  EXPECT_EQ(O.Information, 4u);     // Information = ValueSize
  EXPECT_EQ(O.HandlerCalled, "PropertyHandler_Mute");
  EXPECT_TRUE(mentions(O.Violations, "ks-property-min-size",
                       "without checking ValueSize (2): PortCls checks no "
                       "size (MinData 0), so it runs 2 bytes past the end"))
      << dump(O.Violations);
  DispatchOutcome Null =
      dispatchPortClsProperty(Items, 24, 24, request("Audio", 1, Verb::Get, 0));
  EXPECT_TRUE(Null.Faulted); // Value is NULL
  // A handler that checks ValueSize.
  DispatchOutcome Checked =
      dispatchPortClsProperty(Items, 24, 24, request("Audio", 2, Verb::Get, 2));
  EXPECT_EQ(Checked.St, Status::BufferTooSmall);
  EXPECT_EQ(Checked.Information, 4u);
  EXPECT_TRUE(Checked.Violations.empty());
  // SET: Information is the ValueSize the handler was given.
  DispatchOutcome Set =
      dispatchPortClsProperty(Items, 24, 24, request("Audio", 1, Verb::Set, 4));
  EXPECT_EQ(Set.St, Status::Success);
  EXPECT_EQ(Set.Information, 4u);
  // Input shorter than KSPROPERTY.
  DispatchOutcome Short = dispatchPortClsProperty(
      Items, 24, 24, request("Audio", 1, Verb::Get, 4, 16));
  EXPECT_EQ(Short.St, Status::InvalidParameter);
  EXPECT_EQ(Short.Information, 0u);
}

TEST(ReferencePortCls, LookupFlagsAndMissingHandlers) {
  std::vector<PcItem> Items = {
      pc("Audio", 1, PcItemFlagGet, fn("GetMuteA", 4)),
      pc("Audio", 1, PcItemFlagGet, fn("GetMuteB", 4)), // dead duplicate
      pc("Audio", 3, PcItemFlagGet | PcItemFlagBasicSupport, {}),
      pc("Other", 1, PcItemFlagGet, fn("GetOther", 4))};
  EXPECT_EQ(dispatchPortClsProperty(Items, 0, 0, request("Audio", 1, Verb::Get, 4))
                .HandlerCalled,
            "GetMuteA");
  EXPECT_EQ(dispatchPortClsProperty(Items, 0, 0, request("Other", 1, Verb::Get, 4))
                .HandlerCalled,
            "GetOther");
  // SET is not in Flags: the item has no SET handler.
  DispatchOutcome NoSet =
      dispatchPortClsProperty(Items, 0, 0, request("Audio", 1, Verb::Set, 4));
  EXPECT_EQ(NoSet.St, Status::NotFound);
  EXPECT_TRUE(NoSet.Violations.empty());
  // Flags promise GET, the Handler is NULL.
  DispatchOutcome Missing =
      dispatchPortClsProperty(Items, 0, 0, request("Audio", 3, Verb::Get, 4));
  EXPECT_EQ(Missing.St, Status::NotFound);
  EXPECT_EQ(Missing.Information, 0u);
  EXPECT_TRUE(mentions(Missing.Violations, "ks-property-missing-handler",
                       "promises GET in its Flags (0x201) but its Handler is "
                       "NULL"))
      << dump(Missing.Violations);
  EXPECT_EQ(dispatchPortClsProperty(Items, 0, 0, request("Audio", 9, Verb::Get, 4)).St,
            Status::NotFound);
}

TEST(ReferencePortCls, ExtendedItemsAndTheGenericHandler) {
  PcItem Mute = pc("Audio", 1, PcItemFlagGet, fn("PropertyHandler_Generic", 0, true));
  Mute.Extended = true;
  Mute.ExtMinProperty = 24;
  Mute.ExtMinData = 4;
  Mute.ExtHandlers = {fn("GetMuteExt", 8)}; // writes 8 bytes, MinData says 4
  PcItem Vol = pc("Audio", 2, PcItemFlagGet, fn("PropertyHandler_Generic", 0, true));
  Vol.Extended = true;
  Vol.ExtMinData = 4;
  Vol.ExtHandlers = {fn("GetVolumeExt", 4)};
  std::vector<PcItem> Items = {Mute, Vol};
  const uint32_t Element = 48; // PCPROPERTY_ITEM + MinProperty, MinData, 2 handlers
  DispatchOutcome Exact = dispatchPortClsProperty(
      Items, Element, Element, request("Audio", 1, Verb::Get, 4));
  EXPECT_EQ(Exact.St, Status::Success);
  EXPECT_EQ(Exact.HandlerCalled, "PropertyHandler_Generic");
  EXPECT_EQ(Exact.ExtHandlerCalled, "GetMuteExt");
  EXPECT_TRUE(mentions(Exact.Violations, "ks-property-min-size",
                       "only checks ValueSize >= 4: a 4-byte Value passes and "
                       "the handler runs 4 bytes past its end"))
      << dump(Exact.Violations);
  DispatchOutcome Small = dispatchPortClsProperty(
      Items, Element, Element, request("Audio", 1, Verb::Get, 2));
  EXPECT_EQ(Small.St, Status::BufferTooSmall);
  EXPECT_EQ(Small.Information, 4u);
  EXPECT_EQ(Small.ExtHandlerCalled, "");
  DispatchOutcome Fine = dispatchPortClsProperty(
      Items, Element, Element, request("Audio", 2, Verb::Get, 4));
  EXPECT_EQ(Fine.St, Status::Success);
  EXPECT_EQ(Fine.ExtHandlerCalled, "GetVolumeExt");
  EXPECT_TRUE(Fine.Violations.empty()) << dump(Fine.Violations);
}

TEST(ReferencePortCls, ExtendedItemsWalkedWithTheBaseSize) {
  PcItem Mute = pc("Audio", 1, PcItemFlagGet, fn("PropertyHandler_Generic", 0, true));
  Mute.Extended = true;
  Mute.ExtMinProperty = 24;
  Mute.ExtMinData = 4;
  Mute.ExtHandlers = {fn("GetMuteExt", 4)};
  PcItem Vol = Mute;
  Vol.Id = 2;
  Vol.ExtHandlers = {fn("GetVolumeExt", 4)};
  std::vector<PcItem> Items = {Mute, Vol};
  // PropertyItemSize sizeof(PCPROPERTY_ITEM) over 48-byte entries.
  DispatchOutcome First =
      dispatchPortClsProperty(Items, 24, 48, request("Audio", 1, Verb::Get, 4));
  EXPECT_EQ(First.St, Status::Success);
  EXPECT_EQ(First.ExtHandlerCalled, "GetMuteExt");
  DispatchOutcome Second =
      dispatchPortClsProperty(Items, 24, 48, request("Audio", 2, Verb::Get, 4));
  EXPECT_TRUE(Second.Faulted);
  EXPECT_EQ(Second.St, Status::Unsuccessful);
  EXPECT_TRUE(mentions(Second.Violations, "ks-property-item-size",
                       "reads the Set pointer of item 1 at offset 24 (byte 24 "
                       "of entry 0: MinProperty (extension))"))
      << dump(Second.Violations);
  EXPECT_TRUE(hasViolation(Second.Violations, "ks-property-missing-handler"));
}

TEST(ReferencePortCls, ItemSizeLargerThanTheEntries) {
  std::vector<PcItem> Items = {pc("Audio", 1, PcItemFlagGet, fn("GetA", 4)),
                               pc("Audio", 2, PcItemFlagGet, fn("GetB", 4)),
                               pc("Audio", 3, PcItemFlagGet, fn("GetC", 4))};
  DispatchOutcome O =
      dispatchPortClsProperty(Items, 48, 24, request("Audio", 2, Verb::Get, 4));
  EXPECT_EQ(O.St, Status::NotFound);
  EXPECT_TRUE(mentions(O.Violations, "ks-property-item-size",
                       "entry 1 (Audio/2) is never read at its start"))
      << dump(O.Violations);
  EXPECT_TRUE(mentions(O.Violations, "ks-property-item-size",
                       "past the end of the 3-entry PCPROPERTY_ITEM array"));
  EXPECT_EQ(dispatchPortClsProperty(Items, 48, 24, request("Audio", 3, Verb::Get, 4))
                .HandlerCalled,
            "GetC"); // item 1 at offset 48 is entry 2
}

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
  FramingRequirements R = decodeRequirements(KsAllocatorRequirementMustAllocate);
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
  EXPECT_TRUE(mentions(runAllocatorLifecycle(NoDelete, capturePin(), false).Violations,
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
  EXPECT_TRUE(mentions(F.Violations, "ks-allocate-null-on-failure",
                       "is freed twice"));
  D = goodAllocator();
  D.Allocate.Raises = true;
  EXPECT_TRUE(mentions(runAllocatorLifecycle(D, capturePin(), false).Violations,
                       "ks-allocate-null-on-failure",
                       "raises or bugchecks instead of returning NULL"));
  D = goodAllocator();
  D.Allocate.MayReturnUninitialized = true;
  EXPECT_TRUE(mentions(runAllocatorLifecycle(D, capturePin(), false).Violations,
                       "ks-allocate-null-on-failure", "an uninitialized pointer"));
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
  EXPECT_EQ(runAllocatorLifecycle({}, P, false).InitializeStatus, Status::Success);
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
  auto V = setAllocatorMode(AllocatorMode::User,
                            KsAllocatorRequirementMustAllocate);
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
