//===- ModelSchemaTest.cpp - The model export read back and written again -===//
//
// The reader and the writer of the model export share ModelSchema.h: an
// export of the example drivers reads into the structs and writes back to
// the same JSON, and structs written and read back are the same structs.
// Hostile exports read as defaults, never fail.
//
//===----------------------------------------------------------------------===//
#include "ModelSchema.h"
#include "Replay.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <tuple>

namespace ks {
namespace schema {

// Member by member, for read(write(x)) == x.
bool operator==(const Location &A, const Location &B) {
  return std::tie(A.File, A.Line, A.Column) ==
         std::tie(B.File, B.Line, B.Column);
}
bool operator==(const Guid &A, const Guid &B) {
  return std::tie(A.Name, A.Value) == std::tie(B.Name, B.Value);
}
bool operator==(const Handler &A, const Handler &B) {
  return std::tie(A.Name, A.Unresolved, A.Where) ==
         std::tie(B.Name, B.Unresolved, B.Where);
}
bool operator==(const Extension &A, const Extension &B) {
  auto Sorted = [](auto Handlers) {
    std::sort(Handlers.begin(), Handlers.end(),
              [](const auto &L, const auto &R) { return L.first < R.first; });
    return Handlers;
  };
  return std::tie(A.MinProperty, A.MinData) ==
             std::tie(B.MinProperty, B.MinData) &&
         Sorted(A.Handlers) == Sorted(B.Handlers);
}
bool operator==(const ItemEntry &A, const ItemEntry &B) {
  return std::tie(A.Index, A.Where, A.End, A.Id, A.IdName, A.MinProperty,
                  A.MinData, A.Get, A.Set, A.Support, A.PropertySet, A.Flags,
                  A.PcHandler, A.Unresolved, A.Ext) ==
         std::tie(B.Index, B.Where, B.End, B.Id, B.IdName, B.MinProperty,
                  B.MinData, B.Get, B.Set, B.Support, B.PropertySet, B.Flags,
                  B.PcHandler, B.Unresolved, B.Ext);
}
bool operator==(const ArraySet &A, const ArraySet &B) {
  return std::tie(A.SetTable, A.Set) == std::tie(B.SetTable, B.Set);
}
bool operator==(const ItemArray &A, const ItemArray &B) {
  return std::tie(A.Name, A.Where, A.Family, A.Framework, A.Fast, A.Extended,
                  A.ElementType, A.ElementSize, A.Count, A.Sets, A.Items,
                  A.Single, A.Owner, A.HasErrors) ==
         std::tie(B.Name, B.Where, B.Family, B.Framework, B.Fast, B.Extended,
                  B.ElementType, B.ElementSize, B.Count, B.Sets, B.Items,
                  B.Single, B.Owner, B.HasErrors);
}
bool operator==(const SetEntry &A, const SetEntry &B) {
  return std::tie(A.Where, A.End, A.Set, A.ItemsCount, A.Items, A.FastIoCount,
                  A.FastItems) == std::tie(B.Where, B.End, B.Set, B.ItemsCount,
                                           B.Items, B.FastIoCount, B.FastItems);
}
bool operator==(const SetTable &A, const SetTable &B) {
  return std::tie(A.Name, A.Where, A.Family, A.Sets) ==
         std::tie(B.Name, B.Where, B.Family, B.Sets);
}
bool operator==(const SizeAndCount &A, const SizeAndCount &B) {
  return std::tie(A.ItemSize, A.ItemSizeWhere, A.Count, A.CountWhere, A.Table,
                  A.TableIsNull) == std::tie(B.ItemSize, B.ItemSizeWhere,
                                             B.Count, B.CountWhere, B.Table,
                                             B.TableIsNull);
}
bool operator==(const DispatchCall &A, const DispatchCall &B) {
  return static_cast<const SizeAndCount &>(A) ==
             static_cast<const SizeAndCount &>(B) &&
         std::tie(A.Api, A.Family, A.Where) ==
             std::tie(B.Api, B.Family, B.Where);
}
bool operator==(const AutomationTable &A, const AutomationTable &B) {
  return std::tie(A.Name, A.Where, A.Framework, A.Property, A.Method,
                  A.Event) ==
         std::tie(B.Name, B.Where, B.Framework, B.Property, B.Method, B.Event);
}
bool operator==(const HandlerFacts &A, const HandlerFacts &B) {
  return std::tie(A.Name, A.Where, A.Framework, A.PropertyRead, A.PropertyType,
                  A.DataAccess, A.DataType, A.ChecksPropertyLength,
                  A.ChecksDataLength, A.ItemStorageRead, A.ItemStorageReadWhere,
                  A.ItemStorageReadEnd) ==
         std::tie(B.Name, B.Where, B.Framework, B.PropertyRead, B.PropertyType,
                  B.DataAccess, B.DataType, B.ChecksPropertyLength,
                  B.ChecksDataLength, B.ItemStorageRead, B.ItemStorageReadWhere,
                  B.ItemStorageReadEnd);
}
bool operator==(const CallbackEffects &A, const CallbackEffects &B) {
  return std::tie(A.SuccessWithoutContext, A.SuccessAfterFailedAllocation,
                  A.IgnoresPinAndFraming, A.StoredContextType,
                  A.ContextCastType, A.ContextCastWhere, A.ReturnsUninitialized,
                  A.ReturnsSentinel, A.ReturnsFreed, A.RaisesInsteadOfNull,
                  A.SmallestAllocation, A.SmallestAllocationWhere,
                  A.AllocatesFromPool) ==
         std::tie(B.SuccessWithoutContext, B.SuccessAfterFailedAllocation,
                  B.IgnoresPinAndFraming, B.StoredContextType,
                  B.ContextCastType, B.ContextCastWhere, B.ReturnsUninitialized,
                  B.ReturnsSentinel, B.ReturnsFreed, B.RaisesInsteadOfNull,
                  B.SmallestAllocation, B.SmallestAllocationWhere,
                  B.AllocatesFromPool);
}
bool operator==(const Callback &A, const Callback &B) {
  return static_cast<const Handler &>(A) == static_cast<const Handler &>(B) &&
         std::tie(A.CastInTable, A.SlotWhere, A.Parameters, A.SlotParameters,
                  A.ReturnMismatch, A.Effects) ==
             std::tie(B.CastInTable, B.SlotWhere, B.Parameters,
                      B.SlotParameters, B.ReturnMismatch, B.Effects);
}
bool operator==(const AllocatorDispatch &A, const AllocatorDispatch &B) {
  return std::tie(A.Name, A.Where, A.Initialize, A.Delete, A.Allocate,
                  A.Free) ==
         std::tie(B.Name, B.Where, B.Initialize, B.Delete, B.Allocate, B.Free);
}
bool operator==(const CountedArray &A, const CountedArray &B);
bool operator==(const Framing &A, const Framing &B) {
  return std::tie(A.Name, A.Where, A.Kind, A.MemoryType, A.Flags, A.Frames,
                  A.FileAlignment, A.MinFrameSize, A.MaxFrameSize, A.Items) ==
         std::tie(B.Name, B.Where, B.Kind, B.MemoryType, B.Flags, B.Frames,
                  B.FileAlignment, B.MinFrameSize, B.MaxFrameSize, B.Items);
}
bool operator==(const PinDispatch &A, const PinDispatch &B) {
  return std::tie(A.Name, A.Where, A.Allocator, A.CustomAllocator) ==
         std::tie(B.Name, B.Where, B.Allocator, B.CustomAllocator);
}
bool operator==(const Pin &A, const Pin &B) {
  return std::tie(A.Array, A.Index, A.Where, A.Dispatch, A.AllocatorFraming,
                  A.Flags, A.FlagsWhere, A.DataFlow, A.Communication) ==
         std::tie(B.Array, B.Index, B.Where, B.Dispatch, B.AllocatorFraming,
                  B.Flags, B.FlagsWhere, B.DataFlow, B.Communication);
}
bool operator==(const CountedArray &A, const CountedArray &B) {
  auto Tie = [](const CountedArray &X) {
    return std::tie(X.Count, X.CountWhere, X.Array, X.Null, X.Length,
                    X.ElementType, X.ElementSize);
  };
  return Tie(A) == Tie(B);
}
bool operator==(const FilterDescriptor &A, const FilterDescriptor &B) {
  auto Tie = [](const FilterDescriptor &X) {
    return std::tie(X.Name, X.Index, X.Where, X.Framework, X.Pins, X.Nodes,
                    X.Connections, X.Categories, X.PinSize, X.NodeSize,
                    X.PinSizeWhere, X.NodeSizeWhere);
  };
  return Tie(A) == Tie(B);
}
bool operator==(const DescriptorPin &A, const DescriptorPin &B) {
  auto Tie = [](const DescriptorPin &X) {
    return std::tie(X.Index, X.Where, X.End, X.Interfaces, X.Mediums,
                    X.DataRanges, X.MaxGlobalInstances, X.MaxFilterInstances,
                    X.MinFilterInstances, X.InstancesPossible,
                    X.InstancesNecessary);
  };
  return Tie(A) == Tie(B);
}
bool operator==(const PinTable &A, const PinTable &B) {
  return std::tie(A.Name, A.Where, A.Framework, A.Length, A.Pins) ==
         std::tie(B.Name, B.Where, B.Framework, B.Length, B.Pins);
}
bool operator==(const Connection &A, const Connection &B) {
  auto Tie = [](const Connection &X) {
    return std::tie(X.Index, X.Where, X.FromNode, X.FromNodePin, X.ToNode,
                    X.ToNodePin);
  };
  return Tie(A) == Tie(B);
}
bool operator==(const ConnectionTable &A, const ConnectionTable &B) {
  return std::tie(A.Name, A.Where, A.Framework, A.Entries) ==
         std::tie(B.Name, B.Where, B.Framework, B.Entries);
}
bool operator==(const DataRange &A, const DataRange &B) {
  auto Tie = [](const DataRange &X) {
    return std::tie(X.Name, X.Index, X.Where, X.Type, X.TypeSize, X.KnownType,
                    X.FormatSize, X.FormatSizeWhere);
  };
  return Tie(A) == Tie(B);
}
bool operator==(const AllocatorModeCall &A, const AllocatorModeCall &B) {
  return std::tie(A.Where, A.Mode, A.RequirementsFlags, A.RequirementsWhere) ==
         std::tie(B.Where, B.Mode, B.RequirementsFlags, B.RequirementsWhere);
}
bool operator==(const BufferAllocation &A, const BufferAllocation &B) {
  return std::tie(A.Where, A.Method, A.PageAlignedUse) ==
         std::tie(B.Where, B.Method, B.PageAlignedUse);
}
bool operator==(const AllocatorExUse &A, const AllocatorExUse &B) {
  return A.Where == B.Where;
}
bool operator==(const UnanalysedTable &A, const UnanalysedTable &B) {
  return std::tie(A.Name, A.Kind, A.Where, A.Reason) ==
         std::tie(B.Name, B.Kind, B.Where, B.Reason);
}
bool operator==(const UserAddressAccess::Probe &A,
                const UserAddressAccess::Probe &B) {
  return std::tie(A.Where, A.Write, A.InTry, A.Length, A.Bytes) ==
         std::tie(B.Where, B.Write, B.InTry, B.Length, B.Bytes);
}
bool operator==(const UserAddressAccess &A, const UserAddressAccess &B) {
  return std::tie(A.Where, A.Entry, A.Function, A.Source, A.Address, A.Use,
                  A.Size, A.InTry, A.ProbedBy) ==
         std::tie(B.Where, B.Entry, B.Function, B.Source, B.Address, B.Use,
                  B.Size, B.InTry, B.ProbedBy);
}
bool operator==(const ParameterAllocator &A, const ParameterAllocator &B) {
  auto Tie = [](const ParameterAllocator &X) {
    return std::tie(X.Where, X.Api, X.Filter, X.Allocator, X.AllocatorKnown,
                    X.AllocatesFromPool, X.SuccessWithoutBuffer,
                    X.SuccessAfterFailedAllocation, X.Allocation,
                    X.SetsDeallocateBuffer, X.FilterNotJudged, X.MinReleases,
                    X.MaxReleases, X.LeakingExit, X.FirstRelease,
                    X.SecondRelease);
  };
  return Tie(A) == Tie(B);
}
bool operator==(const ParameterAllocatorCallback &A,
                const ParameterAllocatorCallback &B) {
  auto Tie = [](const ParameterAllocatorCallback &X) {
    return std::tie(X.Name, X.Where, X.AllocatesFromPool,
                    X.SuccessWithoutBuffer, X.SuccessAfterFailedAllocation,
                    X.Allocation, X.SetsDeallocateBuffer);
  };
  return Tie(A) == Tie(B);
}
bool operator==(const TranslationUnit &A, const TranslationUnit &B) {
  return std::tie(A.File, A.AllocatorModeCalls, A.BufferAllocations,
                  A.AllocatorExUses, A.AllocatorDispatches, A.Framings,
                  A.PinDispatches, A.Pins, A.ItemArrays, A.SetTables,
                  A.AutomationTables, A.DispatchCalls, A.Handlers,
                  A.UserAddressAccesses, A.ParameterAllocators,
                  A.ParameterAllocatorCallbacks, A.FilterDescriptors,
                  A.PinTables, A.ConnectionTables, A.DataRanges,
                  A.UnanalysedTables) ==
         std::tie(B.File, B.AllocatorModeCalls, B.BufferAllocations,
                  B.AllocatorExUses, B.AllocatorDispatches, B.Framings,
                  B.PinDispatches, B.Pins, B.ItemArrays, B.SetTables,
                  B.AutomationTables, B.DispatchCalls, B.Handlers,
                  B.UserAddressAccesses, B.ParameterAllocators,
                  B.ParameterAllocatorCallbacks, B.FilterDescriptors,
                  B.PinTables, B.ConnectionTables, B.DataRanges,
                  B.UnanalysedTables);
}
bool operator==(const Document &A, const Document &B) {
  return std::tie(A.Schema, A.Version, A.TranslationUnits) ==
         std::tie(B.Schema, B.Version, B.TranslationUnits);
}

} // namespace schema
} // namespace ks

namespace {

using namespace ks::schema;

Document readBack(const Document &D) {
  // Through text, as --replay reads a file.
  std::string Text;
  llvm::raw_string_ostream(Text) << toJSON(D);
  auto Parsed = llvm::json::parse(Text);
  EXPECT_TRUE(static_cast<bool>(Parsed));
  return Parsed ? readDocument(*Parsed) : Document();
}

/// The export of one example driver tree, by the kstidy binary.
std::optional<llvm::json::Value> exportTree(llvm::StringRef Tree) {
  llvm::SmallString<256> Dir(KSTIDY_TEST_SOURCE_DIR);
  llvm::sys::path::append(Dir, "test", "examples", Tree);
  llvm::SmallString<256> Out;
  if (llvm::sys::fs::createTemporaryFile("kstidy-model", "json", Out))
    return std::nullopt;
  std::vector<std::string> Args = {KSTIDY_TEST_BIN, "--quiet",
                                   "--export-model=" + Out.str().str()};
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; !EC && It != End;
       It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".cpp"))
      Args.push_back(It->path());
  std::sort(Args.begin() + 3, Args.end());
  Args.push_back("--");
  std::vector<llvm::StringRef> Argv(Args.begin(), Args.end());
  std::optional<llvm::StringRef> Quiet[] = {
      llvm::StringRef(), llvm::StringRef(), llvm::StringRef()};
  llvm::sys::ExecuteAndWait(KSTIDY_TEST_BIN, Argv, std::nullopt, Quiet, 300);
  auto Buf = llvm::MemoryBuffer::getFile(Out);
  llvm::sys::fs::remove(Out);
  if (!Buf)
    return std::nullopt;
  auto V = llvm::json::parse((*Buf)->getBuffer());
  if (!V) {
    llvm::consumeError(V.takeError());
    return std::nullopt;
  }
  return std::move(*V);
}

class ExampleExport : public ::testing::TestWithParam<const char *> {};

TEST_P(ExampleExport, ReadsAndWritesBackTheSameJson) {
  std::optional<llvm::json::Value> Exported = exportTree(GetParam());
  ASSERT_TRUE(Exported.has_value());
  Document D = readDocument(*Exported);
  ASSERT_FALSE(D.TranslationUnits.empty());
  EXPECT_EQ(D.Schema, SchemaName);
  EXPECT_EQ(toJSON(D), *Exported);
  EXPECT_TRUE(readBack(D) == D);
}

INSTANTIATE_TEST_SUITE_P(Drivers, ExampleExport,
                         ::testing::Values("avs-capture", "ks-proxy",
                                           "pc-audio", "split-user-buffer",
                                           "split-allocator"));

/// A document with every member set, absent members and null ones mixed.
Document everything() {
  Location L{"a.cpp", 3, 7};
  Handler H{"GetValue<long long>", true, L};
  Document D;
  TranslationUnit Tu;
  Tu.File = "a.cpp";
  Tu.AllocatorModeCalls.push_back({L, "user", 2, std::nullopt});
  Tu.BufferAllocations.push_back({L, "AllocateBuffer", L});
  Tu.BufferAllocations.push_back({std::nullopt, "AllocateBuffer", {}});
  Tu.AllocatorExUses.push_back({L});
  CallbackEffects E;
  E.SuccessWithoutContext = L;
  E.IgnoresPinAndFraming = std::optional<Location>();
  E.StoredContextType = "CTX";
  E.ContextCastType = "OTHER";
  E.ContextCastWhere = L;
  E.ReturnsFreed = L;
  E.SmallestAllocation = 16;
  E.SmallestAllocationWhere = L;
  E.AllocatesFromPool = false;
  Callback Cb;
  static_cast<Handler &>(Cb) = H;
  Cb.CastInTable = true;
  Cb.SlotWhere = L;
  Cb.Parameters = 1;
  Cb.SlotParameters = 2;
  Cb.ReturnMismatch = true;
  Cb.Effects = E;
  Tu.AllocatorDispatches.push_back({"D", L, Cb, std::nullopt, Cb, Callback()});
  Tu.Framings.push_back(
      {"F", L, "KSALLOCATOR_FRAMING_EX", "{guid}", 1, 2, 3, 4, std::nullopt});
  Tu.Framings.back().Items =
      CountedArray{2, L, "F", false, 1, "KS_FRAMING_ITEM", 104};
  Tu.Framings.push_back(
      {"G", L, "KSALLOCATOR_FRAMING", std::nullopt, 0, 1, 7, 64, 64});
  Tu.PinDispatches.push_back({"P", L, "D", true});
  Tu.Pins.push_back({"Pins", 1, L, "P", "F", 0x80000000, L, 0, std::nullopt});
  ItemEntry KsItem;
  KsItem.Index = 0;
  KsItem.Where = KsItem.End = L;
  KsItem.Id = 5;
  KsItem.IdName = "KSPROPERTY_FOO";
  KsItem.MinProperty = std::optional<int64_t>(24);
  KsItem.MinData = std::optional<int64_t>();
  KsItem.Get = H;
  KsItem.Set = std::optional<Handler>();
  KsItem.Support = Handler{"<expression>", false, {}};
  KsItem.Unresolved = {"minData", "set"};
  ItemEntry PcItem;
  PcItem.Id = 1;
  PcItem.PropertySet = Guid{"KSPROPSETID_Audio", std::nullopt};
  PcItem.Flags = std::optional<int64_t>(0x201);
  PcItem.PcHandler = H;
  PcItem.Ext = Extension{8, std::nullopt, {{"Get", H}, {"Support", {}}}};
  ItemArray Ks{"Items",
               L,
               FamilyProperty,
               FrameworkKs,
               false,
               false,
               "KSPROPERTY_ITEM",
               72,
               1,
               {{"Sets", Guid{"S", "{v}"}}},
               {KsItem},
               true,
               "Owner",
               true};
  ItemArray Pc{"PcItems",
               std::nullopt,
               FamilyProperty,
               FrameworkPortCls,
               false,
               true,
               "EXT_ITEM",
               std::nullopt,
               1,
               {},
               {PcItem},
               false,
               std::nullopt,
               false};
  Tu.ItemArrays = {Ks, Pc};
  Tu.SetTables.push_back(
      {"Sets",
       L,
       FamilyProperty,
       {{L, L, Guid{"S", "{v}"}, 1, "Items", std::nullopt, std::nullopt}}});
  SizeAndCount S{72, L, 1, std::nullopt, "Sets", false};
  Tu.AutomationTables.push_back(
      {"Table", L, FrameworkKs, S, std::nullopt, SizeAndCount()});
  DispatchCall C;
  static_cast<SizeAndCount &>(C) = S;
  C.Api = "KsPropertyHandler";
  C.Family = FamilyMethod;
  C.Where = L;
  Tu.DispatchCalls.push_back(C);
  Tu.Handlers.push_back({"GetValue<long long>", L, FrameworkKs, 32, "KSP_PIN",
                         std::nullopt, std::nullopt, true, false, 80, L, L});
  Tu.UserAddressAccesses.push_back(
      {L, "SetLevel", "ReadLevel", "userBuffer", "Irp->UserBuffer", "read", 16,
       true, UserAddressAccess::Probe{L, false, true, "constant", 4}});
  Tu.UserAddressAccesses.push_back(
      {std::nullopt, "SetWindow", "SetWindow", "embedded", "Window->Address",
       "lockKernelMode", std::nullopt, false, std::nullopt});
  ParameterAllocator PA;
  PA.Where = L;
  PA.Api = "KsPropertyHandlerWithAllocator";
  PA.Filter = "Dispatch";
  PA.Allocator = "AllocParams";
  PA.AllocatorKnown = true;
  PA.AllocatesFromPool = true;
  PA.SuccessAfterFailedAllocation = L;
  PA.Allocation = L;
  PA.MinReleases = 0;
  PA.MaxReleases = 2;
  PA.LeakingExit = L;
  PA.FirstRelease = L;
  PA.SecondRelease = L;
  Tu.ParameterAllocators.push_back(PA);
  ParameterAllocator Unjudged;
  Unjudged.Api = "KsEnableEventWithAllocator";
  Unjudged.FilterNotJudged = std::string("it returns STATUS_PENDING");
  Tu.ParameterAllocators.push_back(Unjudged);
  Tu.ParameterAllocatorCallbacks.push_back(
      {"AllocParams", L, true, std::nullopt, L, L, std::nullopt});
  CountedArray Pins{2, L, "MiniportPins", false, 2, "PCPIN_DESCRIPTOR", 112};
  CountedArray NullNodes;
  NullNodes.Count = 0;
  NullNodes.Null = true;
  FilterDescriptor Filter;
  Filter.Name = "MiniportFilter";
  Filter.Where = L;
  Filter.Framework = FrameworkPortCls;
  Filter.Pins = Pins;
  Filter.Nodes = NullNodes;
  Filter.Connections = CountedArray{
      3, L, "Connections", false, std::nullopt, "PCCONNECTION_DESCRIPTOR", 16};
  Filter.PinSize = 112;
  Filter.PinSizeWhere = L;
  Tu.FilterDescriptors.push_back(Filter);
  DescriptorPin PcPin;
  PcPin.Index = 1;
  PcPin.Where = L;
  PcPin.End = Location{"f.cpp", 12, 3};
  PcPin.DataRanges = CountedArray{1, L, "Ranges", false, 1, "PKSDATARANGE", 8};
  PcPin.MaxGlobalInstances = std::optional<int64_t>(1);
  PcPin.MaxFilterInstances = std::optional<int64_t>();
  PcPin.MinFilterInstances = std::optional<int64_t>(0);
  Tu.PinTables.push_back({"MiniportPins", L, FrameworkPortCls, 2, {PcPin}});
  Tu.ConnectionTables.push_back(
      {"Connections", L, FrameworkKs, {{0, L, 0xffffffff, 0, 1, 1}}});
  Tu.DataRanges.push_back(
      {"Ranges", 2, L, "KSDATARANGE_AUDIO", 88, true, 64, L});
  Tu.UnanalysedTables.push_back({"T", "KSPROPERTY_SET", L, "errors"});
  D.TranslationUnits = {Tu, TranslationUnit()};
  return D;
}

TEST(ModelSchema, WrittenAndReadBackIsTheSame) {
  Document D = everything();
  EXPECT_TRUE(readBack(D) == D);
  EXPECT_EQ(toJSON(readBack(D)), toJSON(D));
}

TEST(ModelSchema, AbsentAndNullMembersStayApart) {
  Document D = everything();
  const ItemEntry &E = D.TranslationUnits[0].ItemArrays[0].Items[0];
  Document Back = readBack(D);
  const ItemEntry &R = Back.TranslationUnits[0].ItemArrays[0].Items[0];
  EXPECT_TRUE(R.MinData.Present && !R.MinData.Value);
  EXPECT_TRUE(R.Set.Present && !R.Set.Value);
  EXPECT_FALSE(R.Flags.Present);
  EXPECT_TRUE(E.Support == R.Support);
}

TEST(ModelSchema, HostileMembersReadAsDefaults) {
  auto V = llvm::json::parse(R"({"schema": 1, "translationUnits": [7, {
      "file": [], "itemArrays": [null, {"name": 3, "elementSize": "x",
        "items": [{"location": 5, "end": {"line": "9"}, "get": 4,
                   "unresolved": [1, "id"], "minData": null}]}],
      "allocatorDispatches": [{"allocate": {"effects": {"returnsFreed": 2,
        "allocatesFromPool": "no"}, "parameters": "3"}}]}]})");
  ASSERT_TRUE(static_cast<bool>(V));
  Document D = readDocument(*V);
  EXPECT_EQ(D.Schema, "");
  ASSERT_EQ(D.TranslationUnits.size(), 1u);
  const TranslationUnit &Tu = D.TranslationUnits[0];
  EXPECT_EQ(Tu.File, "");
  ASSERT_EQ(Tu.ItemArrays.size(), 1u);
  EXPECT_EQ(Tu.ItemArrays[0].Name, "");
  EXPECT_FALSE(Tu.ItemArrays[0].ElementSize);
  const ItemEntry &E = Tu.ItemArrays[0].Items.at(0);
  ASSERT_TRUE(E.Where.has_value()); // a location, of nothing known
  EXPECT_EQ(E.Where->File, "");
  EXPECT_FALSE(E.End->Line);
  EXPECT_TRUE(E.Get.Present && !E.Get.Value);
  EXPECT_EQ(E.Unresolved, std::vector<std::string>{"id"});
  const CallbackEffects &Fx = *Tu.AllocatorDispatches.at(0).Allocate->Effects;
  EXPECT_TRUE(Fx.ReturnsFreed.Present);
  EXPECT_TRUE(Fx.AllocatesFromPool);
  EXPECT_FALSE(Tu.AllocatorDispatches[0].Allocate->Parameters);
  EXPECT_TRUE(ks::replayModel(D).empty());
}

} // namespace
