//===- ReferenceTableWalkTest.cpp - ksref: tables walked with wrong sizes -===//
//
// What the runtime does with tables whose stride or counts do not match
// their arrays: entries missed or served from the wrong bytes, reads past
// the end, IRP storage read past the dispatched item, the sweep that names
// the victims, and KsFastPropertyHandler over the same tables.
//
//===----------------------------------------------------------------------===//
#include "ReferenceTestSupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace ksref;
using namespace ksref::test;

// --- Stride ---------------------------------------------------------------

TEST(ReferenceDispatch,
     StrideLargerThanTheEntriesMissesThemAndReadsPastTheTable) {
  ItemArray A = cameraItems(72); // plain items...
  std::vector<PropertySet> Sets = {set("Camera", A)};
  DispatchOptions Opt;
  Opt.PropertyItemSize = 80; // ...dispatched as 80-byte extended items
  DispatchOutcome First =
      dispatch(Sets, request("Camera", 0, Verb::Get, 4), Opt);
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

TEST(ReferenceDispatch,
     StrideSmallerThanTheEntriesServesRequestsFromTheWrongBytes) {
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
  EXPECT_TRUE(
      dispatch(Sets, request("Camera", 1, Verb::Get, 4)).Violations.empty());
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
  FastOutcome Get =
      fastPropertyHandler(Sets, 1, request("Camera", 0, Verb::Get, 4));
  EXPECT_TRUE(Get.Handled);
  EXPECT_EQ(Get.St, Status::Success);
  EXPECT_EQ(Get.Information, 4u);
  EXPECT_EQ(Get.HandlerCalled, "FastGetBrightness");
  FastOutcome Set =
      fastPropertyHandler(Sets, 1, request("Camera", 0, Verb::Set, 4));
  EXPECT_FALSE(Set.Handled); // an IRP follows
  FastOutcome Empty =
      fastPropertyHandler(Sets, 1, request("Camera", 1, Verb::Get, 4));
  EXPECT_FALSE(Empty.Handled);
  EXPECT_TRUE(hasViolation(Empty.Violations, "ks-property-missing-handler"));
  Sets[0].FastIoCount = 3;
  FastOutcome Past =
      fastPropertyHandler(Sets, 1, request("Camera", 7, Verb::Get, 4));
  EXPECT_FALSE(Past.Handled);
  EXPECT_TRUE(mentions(Past.Violations, "ks-property-set-count",
                       "FastIoCount of set Camera is 3"));
  EXPECT_FALSE(
      fastPropertyHandler(Sets, 1, request("Camera", 0, Verb::Get, 4, 16))
          .Handled); // shorter than KSPROPERTY
}
