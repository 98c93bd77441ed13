//===- ReferencePortClsTest.cpp - ksref: PortCls property dispatch --------===//
//
// PortCls serves PCPROPERTY_ITEM tables itself: no size check before the
// handler, lookup by set, id and Flags, extended items walked with
// PropertyItemSize, and the generic handler.
//
//===----------------------------------------------------------------------===//
#include "ReferenceTestSupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace ksref;
using namespace ksref::test;

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
      pc("Audio", 1, PcItemFlagGet | PcItemFlagSet,
         fn("PropertyHandler_Mute", 4)),
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
  EXPECT_EQ(
      dispatchPortClsProperty(Items, 0, 0, request("Audio", 1, Verb::Get, 4))
          .HandlerCalled,
      "GetMuteA");
  EXPECT_EQ(
      dispatchPortClsProperty(Items, 0, 0, request("Other", 1, Verb::Get, 4))
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
  EXPECT_EQ(
      dispatchPortClsProperty(Items, 0, 0, request("Audio", 9, Verb::Get, 4))
          .St,
      Status::NotFound);
}

TEST(ReferencePortCls, ExtendedItemsAndTheGenericHandler) {
  PcItem Mute =
      pc("Audio", 1, PcItemFlagGet, fn("PropertyHandler_Generic", 0, true));
  Mute.Extended = true;
  Mute.ExtMinProperty = 24;
  Mute.ExtMinData = 4;
  Mute.ExtHandlers = {fn("GetMuteExt", 8)}; // writes 8 bytes, MinData says 4
  PcItem Vol =
      pc("Audio", 2, PcItemFlagGet, fn("PropertyHandler_Generic", 0, true));
  Vol.Extended = true;
  Vol.ExtMinData = 4;
  Vol.ExtHandlers = {fn("GetVolumeExt", 4)};
  std::vector<PcItem> Items = {Mute, Vol};
  const uint32_t Element =
      48; // PCPROPERTY_ITEM + MinProperty, MinData, 2 handlers
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
  PcItem Mute =
      pc("Audio", 1, PcItemFlagGet, fn("PropertyHandler_Generic", 0, true));
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
  EXPECT_EQ(
      dispatchPortClsProperty(Items, 48, 24, request("Audio", 3, Verb::Get, 4))
          .HandlerCalled,
      "GetC"); // item 1 at offset 48 is entry 2
}
