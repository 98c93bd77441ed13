//===- ModelSchema.h - The model export as plain structs ------------------===//
//
// What `kstidy --export-model` writes, one struct per JSON object of
// docs/model.schema.json, with toJSON/fromJSON beside each other in
// ModelSchema.cpp: the only code that knows the export's member names. The
// exporter (ModelExport.cpp) fills these structs from the KS model and
// writes them; the replay (Replay*.cpp) reads them back.
//
// Reading is lenient, as hand-edited or truncated exports must be replayed
// without a crash: a member that is missing or of another type reads as its
// default (a null location, an absent handler, 0), and an array element
// that is not an object is skipped. Some members are written only for some
// kinds of objects (a PortCls entry has "flags", a KS entry "minData"):
// they are Field<T>, which tells an absent member from a null one.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_MODELSCHEMA_H
#define KSTIDY_TOOL_MODELSCHEMA_H

#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ks {
namespace schema {

/// The document's "schema" member.
inline constexpr const char *SchemaName = "kstidy-model";
/// The schema version written into every export; bump it when a field
/// changes meaning or disappears (adding fields keeps it).
inline constexpr int SchemaVersion = 1;

/// Values of the "family" and "framework" members.
inline constexpr const char *FamilyProperty = "property";
inline constexpr const char *FamilyMethod = "method";
inline constexpr const char *FamilyEvent = "event";
inline constexpr const char *FrameworkKs = "ks";
inline constexpr const char *FrameworkPortCls = "portcls";

/// A member written for some kinds of objects only: absent, null, or a
/// value.
template <typename T> struct Field {
  bool Present = false;
  std::optional<T> Value;

  Field() = default;
  Field(std::optional<T> V) : Present(true), Value(std::move(V)) {}
  Field(T V) : Present(true), Value(std::move(V)) {}
  const T *get() const { return Value ? &*Value : nullptr; }
  bool operator==(const Field &O) const {
    return Present == O.Present && Value == O.Value;
  }
};

/// A place in a source file. Any non-null JSON value reads as a location
/// (an object's members, or nothing known: an empty file).
struct Location {
  std::string File; ///< relative to the export's base directory
  std::optional<int64_t> Line, Column;
};
/// A location that may be unknown (null).
using Loc = std::optional<Location>;

/// A GUID: the variable's name and, when known, its value.
struct Guid {
  std::string Name;
  std::optional<std::string> Value;
};

/// A handler or callback slot that is not NULL.
struct Handler {
  std::string Name;        ///< "GetValue<long long>", "<expression>", ...
  bool Unresolved = false; ///< did not compile: nothing known about it
  /// Where the function is defined (absent unless a function is named).
  Field<Location> Where;
};

/// An entry of an extended item's own members.
struct Extension {
  std::optional<int64_t> MinProperty, MinData;
  /// Its handler members by field name, in the order the JSON object yields
  /// them (which the replay ranks); compared as a set.
  std::vector<std::pair<std::string, std::optional<Handler>>> Handlers;
};

/// One entry of an item array ("items").
struct ItemEntry {
  int64_t Index = 0;
  Loc Where, End;
  std::optional<int64_t> Id;
  std::optional<std::string> IdName; ///< the enumerator the driver named
  // KS items (MinProperty / MinData / Support: not for fast items).
  Field<int64_t> MinProperty, MinData;
  Field<Handler> Get, Set, Support;
  // KSEVENT_ITEM's ExtraEntryData (KSMETHOD_ITEM's Flags are "flags").
  Field<int64_t> ExtraEntryData;
  // PortCls items.
  Field<Guid> PropertySet;
  Field<int64_t> Flags;
  Field<Handler> PcHandler;
  /// The members whose expressions had errors ("id", "minData", ...).
  std::vector<std::string> Unresolved;
  std::optional<Extension> Ext; ///< an extended item's own members
};

/// A set entry that points at an item array.
struct ArraySet {
  std::optional<std::string> SetTable;
  std::optional<Guid> Set;
};

/// An array of items ("itemArrays").
struct ItemArray {
  std::string Name;
  Loc Where;
  std::string Family, Framework;
  bool Fast = false, Extended = false;
  std::string ElementType;
  std::optional<int64_t> ElementSize;
  int64_t Count = 0;
  std::vector<ArraySet> Sets;
  std::vector<ItemEntry> Items;
  bool Single = false;              ///< one item object, not an array
  std::optional<std::string> Owner; ///< a field of this driver variable
  bool HasErrors = false;
};

/// One set of a set table.
struct SetEntry {
  Loc Where, End;
  std::optional<Guid> Set;
  std::optional<int64_t> ItemsCount;
  std::optional<std::string> Items;
  std::optional<int64_t> FastIoCount;
  std::optional<std::string> FastItems;
};

/// A KSPROPERTY_SET / KSMETHOD_SET / KSEVENT_SET array ("setTables").
struct SetTable {
  std::string Name;
  Loc Where;
  std::string Family;
  std::vector<SetEntry> Sets;
};

/// An item size and count handed to the runtime with a table.
struct SizeAndCount {
  std::optional<int64_t> ItemSize;
  Loc ItemSizeWhere; ///< null when the API takes no size
  std::optional<int64_t> Count;
  Loc CountWhere;
  std::optional<std::string> Table;
  bool TableIsNull = false;
};

/// KsPropertyHandler & co. ("dispatchCalls").
struct DispatchCall : SizeAndCount {
  std::string Api, Family;
  Loc Where;
};

/// A KSAUTOMATION_TABLE / PCAUTOMATION_TABLE ("automationTables").
struct AutomationTable {
  std::string Name;
  Loc Where;
  std::string Framework;
  std::optional<SizeAndCount> Property, Method, Event;
};

/// What a property handler does with its buffers ("handlers").
struct HandlerFacts {
  std::string Name;
  Loc Where;
  std::string Framework;
  std::optional<int64_t> PropertyRead;
  std::optional<std::string> PropertyType;
  std::optional<int64_t> DataAccess;
  std::optional<std::string> DataType;
  /// The access above is guarded by a check of its own buffer's length.
  bool ChecksPropertyLength = false, ChecksDataLength = false;
  std::optional<int64_t> ItemStorageRead;
  Loc ItemStorageReadWhere, ItemStorageReadEnd;
  /// Each access, with the item ids that reach it ("accesses"; absent in
  /// older exports: then the largest accesses above are all there is).
  struct Access {
    std::string Buffer; ///< "property" or "data"
    int64_t Size = 0;
    bool Guarded = false;
    bool OtherIds = true;     ///< ids no branch names reach it
    std::vector<int64_t> Ids; ///< the named ids that reach it
  };
  std::vector<Access> Accesses;
  std::vector<int64_t> NamedIds; ///< the ids its branches name
};

/// What an allocator callback's body does. A fact is a location, present
/// only when the callback has it.
struct CallbackEffects {
  Field<Location> SuccessWithoutContext, SuccessAfterFailedAllocation,
      IgnoresPinAndFraming;
  std::optional<std::string> StoredContextType, ContextCastType;
  Field<Location> ContextCastWhere;
  Field<Location> ReturnsUninitialized, ReturnsSentinel, ReturnsFreed,
      RaisesInsteadOfNull;
  std::optional<int64_t> SmallestAllocation;
  Field<Location> SmallestAllocationWhere;
  bool AllocatesFromPool = true; ///< also when the member is missing
};

/// A non-NULL callback of a KSALLOCATOR_DISPATCH.
struct Callback : Handler {
  bool CastInTable = false;
  Loc SlotWhere;
  /// Compared with the slot's prototype (only behind a cast in the table).
  std::optional<int64_t> Parameters, SlotParameters;
  std::optional<bool> ReturnMismatch;
  std::optional<CallbackEffects> Effects;
};

/// A KSALLOCATOR_DISPATCH ("allocatorDispatches").
struct AllocatorDispatch {
  std::string Name;
  Loc Where;
  std::optional<Callback> Initialize, Delete, Allocate, Free;
};

/// A pointer member of a descriptor and the count beside it.
struct CountedArray {
  std::optional<int64_t> Count;
  Loc CountWhere;
  /// The array the pointer designates (null: NULL, or not followed).
  std::optional<std::string> Array;
  bool Null = false;
  /// Its elements, when its bound is known.
  std::optional<int64_t> Length;
  std::optional<std::string> ElementType;
  std::optional<int64_t> ElementSize;
};

/// KSALLOCATOR_FRAMING(_EX) ("framings").
struct Framing {
  std::string Name;
  Loc Where;
  std::string Kind;
  std::optional<std::string> MemoryType;
  std::optional<int64_t> Flags, Frames, FileAlignment, MinFrameSize,
      MaxFrameSize;
  /// KSALLOCATOR_FRAMING_EX: CountItems beside the FramingItem array.
  std::optional<CountedArray> Items;
  /// KSALLOCATOR_FRAMING_EX: each framing item's KS_FRAMING_RANGEs.
  struct Range {
    int64_t Item = 0;
    std::string Member; ///< "PhysicalRange", "FramingRange.Range"
    Loc Where, MinFrameSizeWhere, SteppingWhere;
    std::optional<int64_t> MinFrameSize, MaxFrameSize, Stepping;
  };
  std::vector<Range> Ranges;
};

/// A KSPIN_DISPATCH ("pinDispatches").
struct PinDispatch {
  std::string Name;
  Loc Where;
  std::optional<std::string> Allocator;
  bool CustomAllocator = false;
};

/// A KSPIN_DESCRIPTOR_EX entry ("pins").
struct Pin {
  std::string Array;
  int64_t Index = 0;
  Loc Where;
  std::optional<std::string> Dispatch, AllocatorFraming;
  std::optional<int64_t> Flags;
  Loc FlagsWhere;
  std::optional<int64_t> DataFlow, Communication;
};

/// A KSFILTER_DESCRIPTOR / PCFILTER_DESCRIPTOR ("filterDescriptors").
struct FilterDescriptor {
  std::string Name;
  int64_t Index = -1; ///< the element of an array of descriptors, else -1
  Loc Where;
  std::string Framework;
  CountedArray Pins, Nodes, Connections, Categories;
  std::optional<int64_t> PinSize, NodeSize;
  Loc PinSizeWhere, NodeSizeWhere;
};

/// A pin of a pin table.
struct DescriptorPin {
  int64_t Index = 0;
  Loc Where, End; ///< the element's first and last line
  CountedArray Interfaces, Mediums, DataRanges;
  // PortCls: MaxGlobalInstanceCount & co.; AVStream:
  // InstancesPossible/Necessary.
  Field<int64_t> MaxGlobalInstances, MaxFilterInstances, MinFilterInstances,
      InstancesPossible, InstancesNecessary;
};

/// An array of PCPIN_DESCRIPTOR / KSPIN_DESCRIPTOR_EX ("pinTables").
struct PinTable {
  std::string Name;
  Loc Where;
  std::string Framework;
  std::optional<int64_t> Length;
  std::vector<DescriptorPin> Pins;
};

/// A connection ("entries" of "connectionTables").
struct Connection {
  int64_t Index = 0;
  Loc Where;
  std::optional<int64_t> FromNode, FromNodePin, ToNode, ToNodePin;
};

/// An array of KSTOPOLOGY_CONNECTION / PCCONNECTION_DESCRIPTOR.
struct ConnectionTable {
  std::string Name;
  Loc Where;
  std::string Framework;
  std::vector<Connection> Entries;
};

/// A data range object ("dataRanges").
struct DataRange {
  std::string Name;
  int64_t Index = -1; ///< the element of an array of ranges, else -1
  Loc Where;
  std::string Type;
  std::optional<int64_t> TypeSize;
  bool KnownType = false; ///< declared by the KS headers
  std::optional<int64_t> FormatSize;
  Loc FormatSizeWhere;
  /// MajorFormat, SubFormat, Specifier: the name written (or empty) and the
  /// value when known; where each was written (null when omitted).
  std::optional<Guid> MajorFormat, SubFormat, Specifier;
  Loc SubFormatWhere, SpecifierWhere;
};

/// IKsAllocatorEx::KsSetAllocatorMode ("allocatorModeCalls").
struct AllocatorModeCall {
  Loc Where;
  std::string Mode; ///< "user" or "kernel"
  std::optional<int64_t> RequirementsFlags;
  Loc RequirementsWhere;
};

/// An IWMSBufferAllocator allocation ("bufferAllocations").
struct BufferAllocation {
  Loc Where;
  std::string Method; ///< AllocateBuffer or AllocatePageSizeBuffer
  /// Where its function needs page alignment (present, maybe null).
  Field<Location> PageAlignedUse;
};

/// An access to an address the caller of a request chose
/// ("userAddressAccesses"; checks/model/RequestModel.h).
struct UserAddressAccess {
  Loc Where;
  std::string Entry, Function;
  std::string Source;  ///< "userBuffer", "type3InputBuffer", "embedded"
  std::string Address; ///< as the code spells it
  std::string Use;     ///< "read", "write", "lockKernelMode", "mapNonPaged"
  std::optional<int64_t> Size;
  bool InTry = false;
  /// The probe before it, if any.
  struct Probe {
    Loc Where;
    bool Write = false, InTry = false;
    std::string Length; ///< "constant", "checked", "unchecked", "access"
    std::optional<int64_t> Bytes;
  };
  std::optional<Probe> ProbedBy;
};

/// A custom parameter allocator handed to a *WithAllocator call
/// ("parameterAllocators"; checks/model/RequestModel.h).
struct ParameterAllocator {
  Loc Where; ///< the call
  std::string Api, Filter, Allocator;
  bool AllocatorKnown = false; ///< its body was read
  bool AllocatesFromPool = false;
  Loc SuccessWithoutBuffer, SuccessAfterFailedAllocation, Allocation,
      SetsDeallocateBuffer;
  /// Why the filter's paths were not judged (null: they were).
  std::optional<std::string> FilterNotJudged;
  std::optional<int64_t> MinReleases, MaxReleases;
  Loc LeakingExit, FirstRelease, SecondRelease;
};

/// A function with a PFNKSALLOCATOR signature the TU defines, and what it
/// does with the buffer ("parameterAllocatorCallbacks").
struct ParameterAllocatorCallback {
  std::string Name;
  Loc Where;
  bool AllocatesFromPool = false;
  Loc SuccessWithoutBuffer, SuccessAfterFailedAllocation, Allocation,
      SetsDeallocateBuffer;
};

/// A table the model could not (fully) read ("unanalysedTables").
struct UnanalysedTable {
  std::string Name, Kind;
  Loc Where;
  std::string Reason;
};

/// An array with external linkage the TU defines with a bound ("arrays"),
/// for a count another TU writes beside it (`extern T Pins[];`).
struct ArrayDefinition {
  std::string Name;
  int64_t Length = 0;
  Loc Where;
};

/// A place that names IKsAllocatorEx ("allocatorExUses").
struct AllocatorExUse {
  Loc Where;
};

/// One translation unit.
struct TranslationUnit {
  std::string File;
  std::vector<AllocatorModeCall> AllocatorModeCalls;
  std::vector<BufferAllocation> BufferAllocations;
  std::vector<AllocatorExUse> AllocatorExUses;
  std::vector<AllocatorDispatch> AllocatorDispatches;
  std::vector<Framing> Framings;
  std::vector<PinDispatch> PinDispatches;
  std::vector<Pin> Pins;
  std::vector<ItemArray> ItemArrays;
  std::vector<SetTable> SetTables;
  std::vector<AutomationTable> AutomationTables;
  std::vector<DispatchCall> DispatchCalls;
  std::vector<HandlerFacts> Handlers;
  std::vector<UserAddressAccess> UserAddressAccesses;
  std::vector<ParameterAllocator> ParameterAllocators;
  std::vector<ParameterAllocatorCallback> ParameterAllocatorCallbacks;
  std::vector<FilterDescriptor> FilterDescriptors;
  std::vector<PinTable> PinTables;
  std::vector<ConnectionTable> ConnectionTables;
  std::vector<DataRange> DataRanges;
  std::vector<UnanalysedTable> UnanalysedTables;
  std::vector<ArrayDefinition> Arrays;
};

/// The whole export.
struct Document {
  std::string Schema = SchemaName;
  int64_t Version = SchemaVersion;
  std::vector<TranslationUnit> TranslationUnits;
};

llvm::json::Value toJSON(const Location &);
llvm::json::Value toJSON(const Guid &);
llvm::json::Value toJSON(const Handler &);
llvm::json::Value toJSON(const ItemEntry &);
llvm::json::Value toJSON(const ItemArray &);
llvm::json::Value toJSON(const SetTable &);
llvm::json::Value toJSON(const DispatchCall &);
llvm::json::Value toJSON(const AutomationTable &);
llvm::json::Value toJSON(const HandlerFacts &);
llvm::json::Value toJSON(const AllocatorDispatch &);
llvm::json::Value toJSON(const Framing &);
llvm::json::Value toJSON(const PinDispatch &);
llvm::json::Value toJSON(const Pin &);
llvm::json::Value toJSON(const AllocatorModeCall &);
llvm::json::Value toJSON(const BufferAllocation &);
llvm::json::Value toJSON(const AllocatorExUse &);
llvm::json::Value toJSON(const UserAddressAccess::Probe &);
llvm::json::Value toJSON(const UserAddressAccess &);
llvm::json::Value toJSON(const ParameterAllocator &);
llvm::json::Value toJSON(const ParameterAllocatorCallback &);
llvm::json::Value toJSON(const UnanalysedTable &);
llvm::json::Value toJSON(const ArrayDefinition &);
llvm::json::Value toJSON(const TranslationUnit &);
llvm::json::Value toJSON(const Document &);

/// The document around translation units already written.
llvm::json::Value documentJSON(llvm::json::Array TranslationUnits);

/// Reads leniently (see above): false only when \p V is not an object
/// (for a location: when it is null).
bool fromJSON(const llvm::json::Value &V, TranslationUnit &Out,
              llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Document &Out, llvm::json::Path P);

/// The document, read leniently: what is missing reads as empty.
Document readDocument(const llvm::json::Value &V);

} // namespace schema
} // namespace ks

#endif
