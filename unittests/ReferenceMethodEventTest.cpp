//===- ReferenceMethodEventTest.cpp - ksref: methods and events -----------===//
//
// KsMethodHandler(WithAllocator) and KsEnableEvent(WithAllocator) over
// KSMETHOD_SET and KSEVENT_SET tables: the shared lookup with its stride and
// count rules, MinMethod / MinData, DataInput and ExtraEntryData, the
// handlers each calls, and the allocators.
//
//===----------------------------------------------------------------------===//
#include "ReferenceTestSupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace ksref;
using namespace ksref::test;

namespace {

MethodItem method(uint32_t Id, uint32_t MinMethod, uint32_t MinData,
                  HandlerEffects Handler, uint32_t Flags = method_type::Write,
                  HandlerEffects Support = {}) {
  MethodItem I;
  I.Id = Id;
  I.MinMethod = MinMethod;
  I.MinData = MinData;
  I.Flags = Flags;
  I.Handler = std::move(Handler);
  I.Support = std::move(Support);
  return I;
}

/// Two methods of a stream set: 0 writes 8 bytes, 1 reads 16.
MethodItemArray streamMethods(uint32_t ElementSize = 40) {
  MethodItemArray A;
  A.Name = "StreamMethods";
  A.ElementSize = ElementSize;
  A.Items = {method(0, 24, 8, fn("AllocMethod", 8)),
             method(1, 32, 16, fn("FreeMethod", 16), method_type::Read)};
  return A;
}

MethodSet methodSet(const std::string &Guid, const MethodItemArray &A,
                    uint32_t Count = ~0u) {
  MethodSet S;
  S.Guid = Guid;
  S.Items = &A;
  S.MethodsCount = Count == ~0u ? static_cast<uint32_t>(A.Items.size()) : Count;
  return S;
}

MethodRequest call(const std::string &Set, uint32_t Id, uint32_t MethodLength,
                   uint32_t DataLength, uint32_t Flags = method_type::Write) {
  MethodRequest R;
  R.Set = Set;
  R.Id = Id;
  R.Flags = Flags;
  R.MethodLength = MethodLength;
  R.DataLength = DataLength;
  return R;
}

DispatchOutcome dispatch(const std::vector<MethodSet> &Sets,
                         const MethodRequest &R,
                         const MethodOptions &Opt = {}) {
  return dispatchMethod(Sets, static_cast<uint32_t>(Sets.size()), R, Opt);
}

EventItem event(uint32_t Id, uint32_t DataInput, uint32_t Extra,
                HandlerEffects Add = {}, HandlerEffects Remove = {},
                HandlerEffects Support = {}) {
  EventItem I;
  I.Id = Id;
  I.DataInput = DataInput;
  I.ExtraEntryData = Extra;
  I.Add = std::move(Add);
  I.Remove = std::move(Remove);
  I.Support = std::move(Support);
  return I;
}

/// Two events of a clock set: 0 (position mark, 8 bytes of extra entry
/// data, an add handler that reads 40 bytes of event data), 1 (interval,
/// the runtime adds it itself).
EventItemArray clockEvents(uint32_t ElementSize = 40) {
  EventItemArray A;
  A.Name = "ClockEvents";
  A.ElementSize = ElementSize;
  HandlerEffects Add = fn("AddMark", 40);
  Add.EntryExtraAccess = 8;
  A.Items = {event(0, 40, 8, Add, fn("RemoveMark")), event(1, 32, 0)};
  return A;
}

EventSet eventSet(const std::string &Guid, const EventItemArray &A,
                  uint32_t Count = ~0u) {
  EventSet S;
  S.Guid = Guid;
  S.Items = &A;
  S.EventsCount = Count == ~0u ? static_cast<uint32_t>(A.Items.size()) : Count;
  return S;
}

EventRequest enable(const std::string &Set, uint32_t Id, uint32_t DataLength,
                    uint32_t Flags = event_type::Enable) {
  EventRequest R;
  R.Set = Set;
  R.Id = Id;
  R.Flags = Flags;
  R.DataLength = DataLength;
  return R;
}

EventOutcome dispatch(const std::vector<EventSet> &Sets, const EventRequest &R,
                      const EventOptions &Opt = {}) {
  return enableEvent(Sets, static_cast<uint32_t>(Sets.size()), R, Opt);
}

} // namespace

// --- Layouts ---------------------------------------------------------------

TEST(ReferenceLayout, MethodAndEventItemsAre40BytesOnX64And24OnX86) {
  EXPECT_EQ(ksMethodItemLayout(true).Size, 40u);
  EXPECT_EQ(ksMethodItemLayout(false).Size, 24u);
  EXPECT_EQ(ksEventItemLayout(true).Size, 40u);
  EXPECT_EQ(ksEventItemLayout(false).Size, 24u);
  EXPECT_EQ(ksMethodItemFieldAt(ksMethodItemLayout(true), 16), "MinMethod");
  EXPECT_EQ(ksMethodItemFieldAt(ksMethodItemLayout(true), 36), "padding");
  EXPECT_EQ(ksEventItemFieldAt(ksEventItemLayout(true), 8), "ExtraEntryData");
  EXPECT_EQ(ksEventItemFieldAt(ksEventItemLayout(true), 12), "padding");
  EXPECT_EQ(ksEventItemFieldAt(ksEventItemLayout(false), 12), "AddHandler");
  EXPECT_EQ(ksEventItemFieldAt(ksEventItemLayout(true), 40), "private data");
}

// --- KsMethodHandler -------------------------------------------------------

TEST(ReferenceMethod, CallsTheHandlerOfTheMatchedItem) {
  MethodItemArray A = streamMethods();
  DispatchOutcome O = dispatch({methodSet("Stream", A)},
                               call("Stream", 1, 32, 16, method_type::Read));
  EXPECT_EQ(O.St, Status::Success);
  EXPECT_EQ(O.HandlerCalled, "FreeMethod");
  EXPECT_EQ(O.EntryIndex, 1);
  EXPECT_EQ(O.Information, 0u); // a READ method returns no data
  EXPECT_TRUE(O.Violations.empty()) << dump(O.Violations);
  DispatchOutcome W =
      dispatch({methodSet("Stream", A)}, call("Stream", 0, 24, 8));
  EXPECT_EQ(W.HandlerCalled, "AllocMethod");
  EXPECT_EQ(W.Information, 8u); // what the WRITE method wrote
}

TEST(ReferenceMethod, MinMethodAndMinDataFailShortBuffersWithTheSizeNeeded) {
  MethodItemArray A = streamMethods();
  std::vector<MethodSet> Sets = {methodSet("Stream", A)};
  DispatchOutcome Input =
      dispatch(Sets, call("Stream", 1, 24, 16, method_type::Read));
  EXPECT_EQ(Input.St, Status::InvalidParameter);
  EXPECT_EQ(Input.Information, 32u);
  EXPECT_TRUE(Input.HandlerCalled.empty());
  DispatchOutcome Short = dispatch(Sets, call("Stream", 0, 24, 4));
  EXPECT_EQ(Short.St, Status::BufferTooSmall);
  EXPECT_EQ(Short.Information, 8u);
  DispatchOutcome Query = dispatch(Sets, call("Stream", 0, 24, 0));
  EXPECT_EQ(Query.St, Status::BufferOverflow);
  EXPECT_EQ(Query.Information, 8u);
  // Below sizeof(KSMETHOD) nothing is looked up.
  EXPECT_EQ(dispatch(Sets, call("Stream", 0, 16, 8)).St,
            Status::InvalidBufferSize);
}

TEST(ReferenceMethod, AHandlerAccessingMoreThanMinDataOverrunsTheBuffer) {
  MethodItemArray A;
  A.Name = "Methods";
  A.Items = {method(3, 24, 4, fn("WritesEight", 8))};
  DispatchOutcome O = dispatch({methodSet("Set", A)}, call("Set", 3, 24, 4));
  EXPECT_TRUE(mentions(O.Violations, "ks-property-min-size",
                       "handler 'WritesEight' writes 8 bytes into a 4-byte "
                       "Data buffer"))
      << dump(O.Violations);
  // A handler that checks the length fails instead.
  A.Items[0].Handler.ChecksDataLength = true;
  DispatchOutcome C = dispatch({methodSet("Set", A)}, call("Set", 3, 24, 4));
  EXPECT_EQ(C.St, Status::BufferTooSmall);
  EXPECT_TRUE(C.Violations.empty()) << dump(C.Violations);
}

TEST(ReferenceMethod, MethodItemSizeIsTheStrideAndMustBeAMultipleOf8) {
  MethodItemArray A = streamMethods();
  MethodOptions Opt;
  Opt.MethodItemSize = 44;
  DispatchOutcome Odd =
      dispatch({methodSet("Stream", A)}, call("Stream", 0, 24, 8), Opt);
  EXPECT_EQ(Odd.St, Status::InvalidParameter);
  EXPECT_TRUE(mentions(Odd.Violations, "ks-property-item-size",
                       "MethodItemSize 44 is not a multiple of 8"))
      << dump(Odd.Violations);
  // Plain 40-byte items walked 48 bytes apart: method 1 is never read at
  // its start.
  Opt.MethodItemSize = 48;
  DispatchOutcome O =
      dispatch({methodSet("Stream", A)},
               call("Stream", 1, 32, 16, method_type::Read), Opt);
  EXPECT_EQ(O.St, Status::NotFound);
  EXPECT_TRUE(mentions(O.Violations, "ks-property-item-size",
                       "the runtime steps 48 bytes through 'StreamMethods' "
                       "(entries of 40 bytes)"))
      << dump(O.Violations);
  // On x86 the plain item is 24 bytes, and 44 is no error.
  MethodItemArray X86 = streamMethods(24);
  MethodOptions Opt86;
  Opt86.Is64Bit = false;
  DispatchOutcome P =
      dispatch({methodSet("Stream", X86)},
               call("Stream", 1, 32, 16, method_type::Read), Opt86);
  EXPECT_EQ(P.HandlerCalled, "FreeMethod");
}

TEST(ReferenceMethod, CountsDuplicatesAndNullArraysAreTheSharedLookups) {
  MethodItemArray A = streamMethods();
  // Counts one method more than the array holds.
  DispatchOutcome Over =
      dispatch({methodSet("Stream", A, 3)}, call("Stream", 9, 24, 0));
  EXPECT_TRUE(mentions(Over.Violations, "ks-property-set-count",
                       "MethodsCount of set Stream is 3 but 'StreamMethods' "
                       "has 2 items"))
      << dump(Over.Violations);
  // Counts one fewer: method 1 is never reached.
  DispatchOutcome Under =
      dispatch({methodSet("Stream", A, 1)},
               call("Stream", 1, 32, 16, method_type::Read));
  EXPECT_EQ(Under.St, Status::NotFound);
  EXPECT_TRUE(mentions(Under.Violations, "ks-property-set-count",
                       "lies beyond MethodsCount 1"))
      << dump(Under.Violations);
  // The same id twice: the first entry answers.
  A.Items.push_back(method(0, 24, 8, fn("Shadowed", 8)));
  DispatchOutcome Dup =
      dispatch({methodSet("Stream", A)}, call("Stream", 0, 24, 8));
  EXPECT_EQ(Dup.EntryIndex, 0);
  EXPECT_EQ(Dup.HandlerCalled, "AllocMethod");
  // A NULL array with a count: the runtime reads through NULL.
  MethodSet Null;
  Null.Guid = "Stream";
  Null.MethodsCount = 2;
  DispatchOutcome N = dispatch({Null}, call("Stream", 0, 24, 8));
  EXPECT_TRUE(N.Faulted);
  EXPECT_TRUE(mentions(N.Violations, "ks-property-set-count",
                       "counts 2 methods but its item array is NULL"))
      << dump(N.Violations);
  // A set table shorter than MethodSetsCount.
  MethodItemArray B = streamMethods();
  DispatchOutcome T =
      dispatchMethod({methodSet("Stream", B)}, 2, call("Other", 0, 24, 8), {});
  EXPECT_TRUE(mentions(T.Violations, "ks-property-set-count",
                       "MethodSetsCount is 2 but the set table holds 1"))
      << dump(T.Violations);
}

TEST(ReferenceMethod, ANullHandlerIsNotSupportedAndSupportQueriesAreAnswered) {
  MethodItemArray A;
  A.Name = "Methods";
  A.Items = {method(0, 24, 0, {}, method_type::None),
             method(1, 24, 0, fn("Run"), method_type::None, fn("RunSupport"))};
  std::vector<MethodSet> Sets = {methodSet("Set", A)};
  EXPECT_EQ(dispatch(Sets, call("Set", 0, 24, 0, method_type::None)).St,
            Status::NotFound);
  // BASICSUPPORT without a support handler: the runtime's own answer.
  DispatchOutcome Basic =
      dispatch(Sets, call("Set", 0, 24, 40, method_type::BasicSupport));
  EXPECT_EQ(Basic.St, Status::Success);
  EXPECT_EQ(Basic.Information, 40u);
  EXPECT_EQ(dispatch(Sets, call("Set", 0, 24, 2, method_type::BasicSupport)).St,
            Status::InvalidParameter);
  DispatchOutcome Own =
      dispatch(Sets, call("Set", 1, 24, 40, method_type::BasicSupport));
  EXPECT_EQ(Own.HandlerCalled, "RunSupport");
  // A non-function value where the handler belongs is a call through it.
  A.Items[0].Handler.Present = true;
  A.Items[0].Handler.Callable = false;
  DispatchOutcome F = dispatch(Sets, call("Set", 0, 24, 0, method_type::None));
  EXPECT_TRUE(F.Faulted);
  EXPECT_TRUE(mentions(F.Violations, "ks-property-missing-handler",
                       "the MethodHandler of entry 0 of 'Methods' holds a "
                       "non-function value"))
      << dump(F.Violations);
}

TEST(ReferenceMethod, TheAllocatorProvidesTheParametersBuffer) {
  MethodItemArray A = streamMethods();
  std::vector<uint32_t> Sizes;
  MethodOptions Opt;
  Opt.Allocator = [&](uint32_t Size, bool) {
    Sizes.push_back(Size);
    return Status::Success;
  };
  DispatchOutcome O =
      dispatch({methodSet("Stream", A)}, call("Stream", 0, 24, 6), Opt);
  ASSERT_EQ(O.AllocatorCalls.size(), 1u);
  EXPECT_EQ(O.AllocatorCalls[0], 32u); // 24 + 6 rounded up to 8
  EXPECT_TRUE(O.FilterOwnedBuffer);
  Opt.Allocator = [](uint32_t, bool) { return Status::InsufficientResources; };
  EXPECT_EQ(
      dispatch({methodSet("Stream", A)}, call("Stream", 0, 24, 8), Opt).St,
      Status::InsufficientResources);
}

// --- KsEnableEvent ---------------------------------------------------------

TEST(ReferenceEvent, EnablesThroughTheAddHandlerWithTheEntryAndItsExtraData) {
  EventItemArray A = clockEvents();
  EventOutcome O = dispatch({eventSet("Clock", A)}, enable("Clock", 0, 40));
  EXPECT_EQ(O.St, Status::Success);
  EXPECT_EQ(O.Information, 0u); // always 0
  EXPECT_EQ(O.HandlerCalled, "AddMark");
  EXPECT_EQ(O.EntrySize, 88u + 8u); // KSEVENT_ENTRY + ExtraEntryData
  EXPECT_FALSE(O.AddedToList);
  EXPECT_TRUE(O.Violations.empty()) << dump(O.Violations);
  // Without an AddHandler the runtime adds the entry to the list itself.
  EventOutcome L = dispatch({eventSet("Clock", A)}, enable("Clock", 1, 32));
  EXPECT_EQ(L.St, Status::Success);
  EXPECT_TRUE(L.AddedToList);
  EXPECT_EQ(L.EntrySize, 88u);
  // ...which it cannot do without a list.
  EventOptions NoList;
  NoList.EventsList = false;
  EventOutcome N =
      dispatch({eventSet("Clock", A)}, enable("Clock", 1, 32), NoList);
  EXPECT_TRUE(N.Faulted);
  EXPECT_TRUE(mentions(N.Violations, "ks-property-missing-handler",
                       "has no AddHandler and the runtime was given no "
                       "EventsList"))
      << dump(N.Violations);
}

TEST(ReferenceEvent, DataInputBoundsTheEventDataAndMustHoldAKseventdata) {
  EventItemArray A = clockEvents();
  EventOutcome Short = dispatch({eventSet("Clock", A)}, enable("Clock", 0, 32));
  EXPECT_EQ(Short.St, Status::BufferTooSmall);
  EXPECT_EQ(Short.Information, 0u);
  EXPECT_TRUE(Short.HandlerCalled.empty());
  EXPECT_EQ(Short.EntrySize, 0u); // nothing allocated
  // DataInput 16 < sizeof(KSEVENTDATA) 32: a 16-byte buffer gets through.
  EventItemArray Small;
  Small.Name = "SmallEvents";
  Small.Items = {event(4, 16, 0)};
  EventOutcome O = dispatch({eventSet("Set", Small)}, enable("Set", 4, 16));
  EXPECT_EQ(O.St, Status::Success);
  EXPECT_TRUE(mentions(O.Violations, "ks-property-min-size",
                       "has DataInput 16, less than sizeof(KSEVENTDATA) (32): "
                       "a 16-byte event data buffer passes the check"))
      << dump(O.Violations);
  // With a whole KSEVENTDATA the same item is fine.
  EXPECT_TRUE(dispatch({eventSet("Set", Small)}, enable("Set", 4, 32))
                  .Violations.empty());
  // On x86 KSEVENTDATA is 16 bytes.
  EventItemArray Small86 = Small;
  Small86.ElementSize = 24;
  EventOptions X86;
  X86.Is64Bit = false;
  EXPECT_TRUE(dispatch({eventSet("Set", Small86)}, enable("Set", 4, 16), X86)
                  .Violations.empty());
}

TEST(ReferenceEvent, AnAddHandlerBeyondItsDataOrExtraEntryDataOverruns) {
  EventItemArray A = clockEvents();
  A.Items[0].Add.EntryExtraAccess = 24; // but ExtraEntryData is 8
  A.Items[0].Add.DataAccess = 48;       // but DataInput is 40
  EventOutcome O = dispatch({eventSet("Clock", A)}, enable("Clock", 0, 40));
  EXPECT_TRUE(mentions(O.Violations, "ks-property-min-size",
                       "handler 'AddMark' accesses 24 bytes after the "
                       "KSEVENT_ENTRY, but ExtraEntryData 8"))
      << dump(O.Violations);
  EXPECT_TRUE(mentions(O.Violations, "ks-property-min-size",
                       "handler 'AddMark' reads 48 bytes of a 40-byte event "
                       "data buffer"))
      << dump(O.Violations);
}

TEST(ReferenceEvent, EventItemSizeStridesCountsAndSupportQueries) {
  EventItemArray A = clockEvents();
  EventOptions Odd;
  Odd.EventItemSize = 36;
  EventOutcome Bad =
      dispatch({eventSet("Clock", A)}, enable("Clock", 0, 40), Odd);
  EXPECT_EQ(Bad.St, Status::InvalidParameter);
  EXPECT_TRUE(mentions(Bad.Violations, "ks-property-item-size",
                       "EventItemSize 36 is not a multiple of 8"))
      << dump(Bad.Violations);
  // 40-byte items walked 32 bytes apart: item 1 is read inside entry 0.
  EventOptions Short;
  Short.EventItemSize = 32;
  EventOutcome O =
      dispatch({eventSet("Clock", A)}, enable("Clock", 1, 32), Short);
  EXPECT_TRUE(mentions(O.Violations, "ks-property-item-size",
                       "the runtime steps 32 bytes through 'ClockEvents'"))
      << dump(O.Violations);
  EventOutcome Over =
      dispatch({eventSet("Clock", A, 4)}, enable("Clock", 7, 32));
  EXPECT_EQ(Over.St, Status::NotFound);
  EXPECT_TRUE(mentions(Over.Violations, "ks-property-set-count",
                       "EventsCount of set Clock is 4 but 'ClockEvents' has "
                       "2 items"))
      << dump(Over.Violations);
  // Support queries do not check DataInput or allocate an entry.
  EventOutcome Q = dispatch({eventSet("Clock", A)},
                            enable("Clock", 0, 0, event_type::BasicSupport));
  EXPECT_EQ(Q.St, Status::Success);
  EXPECT_EQ(Q.EntrySize, 0u);
  EXPECT_EQ(dispatch({eventSet("Clock", A)}, enable("Clock", 9, 32)).St,
            Status::NotFound);
}

TEST(ReferenceEvent, TheAllocatorProvidesTheEventEntry) {
  EventItemArray A = clockEvents();
  EventOptions Opt;
  Opt.Allocator = [](uint32_t, bool IsInput) {
    return IsInput ? Status::InvalidParameter : Status::Success;
  };
  EventOutcome O =
      dispatch({eventSet("Clock", A)}, enable("Clock", 0, 40), Opt);
  ASSERT_EQ(O.AllocatorCalls.size(), 1u);
  EXPECT_EQ(O.AllocatorCalls[0], 96u);
  EXPECT_TRUE(O.FilterOwnedBuffer);
  EXPECT_EQ(O.HandlerCalled, "AddMark");
  Opt.Allocator = [](uint32_t, bool) { return Status::InsufficientResources; };
  EventOutcome F =
      dispatch({eventSet("Clock", A)}, enable("Clock", 0, 40), Opt);
  EXPECT_EQ(F.St, Status::InsufficientResources);
  EXPECT_TRUE(F.HandlerCalled.empty());
  EXPECT_EQ(F.EntrySize, 0u);
}
