//===- ReferenceDispatchTest.cpp - ksref: KsPropertyHandlerWithAllocator --===//
//
// Property dispatch through KsPropertyHandler(WithAllocator): the item size
// it walks with, how it looks up sets and items, the buffer sizes it checks
// before calling a handler, which verbs reach which handler, and how it
// allocates the system buffer. Each test checks the status AND the
// Information the documentation gives (reference/README.md lists the
// sources), plus the violations the reference observes.
//
//===----------------------------------------------------------------------===//
#include "ReferenceTestSupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace ksref;
using namespace ksref::test;

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
    DispatchOutcome O =
        dispatch(Sets, request("Camera", Id, Verb::Get, 8), Opt);
    EXPECT_EQ(O.St, Status::InvalidParameter);
    EXPECT_EQ(O.Information, 0u);
    EXPECT_EQ(O.HandlerCalled, "");
    EXPECT_EQ(O.SetIndex, -1);
    EXPECT_TRUE(mentions(O.Violations, "ks-property-item-size",
                         "PropertyItemSize 76 is not a multiple of 8"));
  }
  // Before anything else: even a too-short property gets INVALID_PARAMETER.
  DispatchOutcome Short = dispatch(
      Sets, request("Camera", 0, Verb::Get, 8, /*PropertyLength=*/8), Opt);
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
  EXPECT_EQ(
      dispatch(Sets32, request("Camera", 2, Verb::Get, 8), X86).HandlerCalled,
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
  EXPECT_EQ(
      dispatch(Sets, request("Video", 0, Verb::Get, 4), Ros).HandlerCalled,
      "GetA"); // the shared id still goes to the first
}

TEST(ReferenceDispatch, NoMatchIsNotFound) {
  ItemArray A = cameraItems();
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOutcome UnknownId =
      dispatch(Sets, request("Camera", 9, Verb::Get, 4));
  EXPECT_EQ(UnknownId.St, Status::NotFound);
  EXPECT_EQ(UnknownId.Information, 0u);
  EXPECT_EQ(UnknownId.SetIndex, 0);
  EXPECT_EQ(UnknownId.ItemIndex, -1);
  EXPECT_TRUE(UnknownId.Violations.empty()) << dump(UnknownId.Violations);
  DispatchOutcome UnknownSet =
      dispatch(Sets, request("Audio", 0, Verb::Get, 4));
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

TEST(ReferenceDispatch,
     MinPropertyAboveInputIsInvalidParameterWithMinProperty) {
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

// The size query: a GET with no output buffer is answered with
// STATUS_BUFFER_OVERFLOW and the size needed (CODECAPI_ALLSETTINGS;
// IKsControl::KsProperty's ERROR_MORE_DATA), not BUFFER_TOO_SMALL; a SET
// with no data is not a query.
TEST(ReferenceDispatch, ZeroLengthGetIsTheSizeQuery) {
  ItemArray A = cameraItems();
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOutcome Query = dispatch(Sets, request("Camera", 2, Verb::Get, 0));
  EXPECT_EQ(Query.St, Status::BufferOverflow);
  EXPECT_EQ(Query.Information, 8u);
  EXPECT_EQ(Query.HandlerCalled, "");
  EXPECT_EQ(dispatch(Sets, request("Camera", 2, Verb::Set, 0)).St,
            Status::BufferTooSmall);
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
  EXPECT_TRUE(
      mentions(Null.Violations, "ks-property-min-size", "Data == NULL"));
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
  EXPECT_TRUE(
      dispatch(Sets, request("Pin", 0, Verb::Get, 4, 32)).Violations.empty());
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

TEST(ReferenceDispatch,
     BasicSupportWithoutSupportHandlerIsAnsweredByTheRuntime) {
  ItemArray A = cameraItems();
  A.Items[1].Support = fn("SupportContrast", 40);
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOutcome Flags =
      dispatch(Sets, request("Camera", 0, Verb::BasicSupport, 4));
  EXPECT_EQ(Flags.St, Status::Success);
  EXPECT_EQ(Flags.Information, 4u); // the access flags
  EXPECT_EQ(Flags.HandlerCalled, "");
  DispatchOutcome Desc =
      dispatch(Sets, request("Camera", 0, Verb::BasicSupport, 64));
  EXPECT_EQ(Desc.Information, 40u); // a KSPROPERTY_DESCRIPTION
  DispatchOutcome Tiny =
      dispatch(Sets, request("Camera", 0, Verb::BasicSupport, 2));
  EXPECT_EQ(Tiny.St, Status::InvalidParameter);
  // No MinData check for the support verbs; the support handler runs.
  DispatchOutcome Own =
      dispatch(Sets, request("Camera", 1, Verb::BasicSupport, 40));
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
  // Not for the support verbs; and without an allocator nothing is
  // filter-owned.
  DispatchOutcome Support =
      dispatch(Sets, request("Camera", 0, Verb::BasicSupport, 4), Opt);
  EXPECT_FALSE(Support.FilterOwnedBuffer);
  EXPECT_EQ(Calls.size(), 2u);
  EXPECT_FALSE(
      dispatch(Sets, request("Camera", 0, Verb::Get, 4)).FilterOwnedBuffer);
}

TEST(ReferenceDispatch, AllocatorFailureIsReturnedUnchanged) {
  ItemArray A = cameraItems();
  std::vector<PropertySet> Sets = {set("Camera", A)};
  for (uint32_t Code : {0xC000009Au, 0xC0000017u /*NO_MEMORY*/}) {
    DispatchOptions Opt;
    Opt.Allocator = [Code](uint32_t, bool) {
      return static_cast<Status>(Code);
    };
    DispatchOutcome O = dispatch(Sets, request("Camera", 0, Verb::Get, 4), Opt);
    EXPECT_EQ(static_cast<uint32_t>(O.St), Code);
    EXPECT_EQ(O.Information, 0u);
    EXPECT_EQ(O.HandlerCalled, "");
    EXPECT_FALSE(O.FilterOwnedBuffer);
  }
  // The parameters are captured before the lookup: an unknown id still
  // calls the allocator, and its failure wins.
  DispatchOptions Fails;
  Fails.Allocator = [](uint32_t, bool) {
    return Status::InsufficientResources;
  };
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
