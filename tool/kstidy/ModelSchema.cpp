//===- ModelSchema.cpp - The export's member names, written and read ------===//
//
// Each struct's toJSON and fromJSON stand together, so that a member is
// named once for both directions. Readers never fail on a member: what is
// missing or of another type keeps the struct's default.
//
//===----------------------------------------------------------------------===//
#include "ModelSchema.h"

#include <algorithm>
#include <tuple>

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Path;
using llvm::json::Value;

namespace ks {
namespace schema {

namespace {

/// Writes a Field: nothing when absent.
template <typename T>
void put(Object &O, llvm::StringRef Key, const Field<T> &F) {
  if (F.Present)
    O[Key] = F.Value ? Value(*F.Value) : Value(nullptr);
}

/// The members of a JSON object, read as json::ObjectMapper reads them but
/// leniently: a member that does not read keeps its default and the others
/// are still read.
class Members {
public:
  Members(const Value &V, Path P) : O(V.getAsObject()), P(P) {}
  explicit operator bool() const { return O != nullptr; }
  template <typename T> void mapOptional(llvm::StringRef Key, T &Out) {
    if (const Value *E = O->get(Key))
      fromJSON(*E, Out, P.field(Key));
  }
  /// An array of integers (other elements are skipped).
  void mapOptional(llvm::StringRef Key, std::vector<int64_t> &Out) {
    if (const Array *A = O->getArray(Key))
      for (const Value &E : *A)
        if (std::optional<int64_t> N = E.getAsInteger())
          Out.push_back(*N);
  }
  /// An array member: its objects (other elements are skipped).
  template <typename T>
  void mapOptional(llvm::StringRef Key, std::vector<T> &Out) {
    if (const Array *A = O->getArray(Key))
      for (size_t I = 0; I < A->size(); ++I)
        if ((*A)[I].getAsObject()) {
          T Item;
          fromJSON((*A)[I], Item, P.field(Key).index(I));
          Out.push_back(std::move(Item));
        }
  }

private:
  const Object *O;
  Path P;
};

/// Reads each (key, member) pair whose key is present.
void mapAll(Members &) {}
template <typename T, typename... Rest>
void mapAll(Members &O, llvm::StringRef Key, T &Out, Rest &&...R) {
  O.mapOptional(Key, Out);
  mapAll(O, std::forward<Rest>(R)...);
}

} // namespace

/// Present (even when null, then without a value).
template <typename T> bool fromJSON(const Value &V, Field<T> &Out, Path P) {
  Out.Present = true;
  Out.Value.reset();
  T X{};
  if (!V.getAsNull() && fromJSON(V, X, P))
    Out.Value = std::move(X);
  return true;
}

Value toJSON(const Location &L) {
  return Object{{"file", L.File}, {"line", L.Line}, {"column", L.Column}};
}
bool fromJSON(const Value &V, Location &Out, Path P) {
  if (V.getAsNull())
    return false;
  if (Members O{V, P})
    mapAll(O, "file", Out.File, "line", Out.Line, "column", Out.Column);
  return true; // any other value: a place nothing is known of
}

Value toJSON(const Guid &G) {
  return Object{{"name", G.Name}, {"value", G.Value}};
}
bool fromJSON(const Value &V, Guid &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "value", Out.Value);
  return true;
}

/// The members of a handler slot, also those of a callback.
static Object handlerObject(const Handler &H) {
  Object O{{"name", H.Name}};
  if (H.Unresolved)
    O["unresolved"] = true;
  put(O, "location", H.Where);
  return O;
}
static void readHandler(Members &O, Handler &Out) {
  mapAll(O, "name", Out.Name, "unresolved", Out.Unresolved, "location",
         Out.Where);
}
Value toJSON(const Handler &H) { return handlerObject(H); }
bool fromJSON(const Value &V, Handler &Out, Path P) {
  Members O{V, P};
  if (O)
    readHandler(O, Out);
  return static_cast<bool>(O);
}

static Value toJSON(const Extension &X) {
  Object Handlers;
  for (const auto &[Field, H] : X.Handlers)
    Handlers[Field] = H ? Value(*H) : Value(nullptr);
  return Object{{"minProperty", X.MinProperty},
                {"minData", X.MinData},
                {"handlers", std::move(Handlers)}};
}
static bool fromJSON(const Value &V, Extension &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "minProperty", Out.MinProperty, "minData", Out.MinData);
  if (const Object *Hs = V.getAsObject()->getObject("handlers"))
    for (const auto &KV : *Hs) {
      std::optional<Handler> H;
      fromJSON(KV.second, H, P.field("handlers"));
      Out.Handlers.emplace_back(KV.first.str(), std::move(H));
    }
  return true;
}

Value toJSON(const ItemEntry &E) {
  Object O{
      {"index", E.Index}, {"location", E.Where}, {"end", E.End}, {"id", E.Id}};
  if (E.IdName)
    O["idName"] = *E.IdName;
  put(O, "minProperty", E.MinProperty);
  put(O, "minData", E.MinData);
  put(O, "get", E.Get);
  put(O, "set", E.Set);
  put(O, "support", E.Support);
  put(O, "extraEntryData", E.ExtraEntryData);
  put(O, "propertySet", E.PropertySet);
  put(O, "flags", E.Flags);
  put(O, "handler", E.PcHandler);
  if (!E.Unresolved.empty())
    O["unresolved"] = E.Unresolved;
  if (E.Ext)
    O["extension"] = toJSON(*E.Ext);
  return O;
}
static bool fromJSON(const Value &V, ItemEntry &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "index", Out.Index, "location", Out.Where, "end", Out.End, "id",
         Out.Id, "idName", Out.IdName, "minProperty", Out.MinProperty,
         "minData", Out.MinData, "get", Out.Get, "set", Out.Set, "support",
         Out.Support, "extraEntryData", Out.ExtraEntryData, "propertySet",
         Out.PropertySet, "flags", Out.Flags, "handler", Out.PcHandler);
  if (const Array *U = V.getAsObject()->getArray("unresolved"))
    for (const Value &Name : *U)
      if (auto S = Name.getAsString())
        Out.Unresolved.push_back(S->str());
  O.mapOptional("extension", Out.Ext);
  return true;
}

static Value toJSON(const ArraySet &S) {
  return Object{{"setTable", S.SetTable}, {"set", S.Set}};
}
static bool fromJSON(const Value &V, ArraySet &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "setTable", Out.SetTable, "set", Out.Set);
  return true;
}

Value toJSON(const ItemArray &A) {
  Object O{{"name", A.Name},
           {"location", A.Where},
           {"family", A.Family},
           {"framework", A.Framework},
           {"fast", A.Fast},
           {"extended", A.Extended},
           {"elementType", A.ElementType},
           {"elementSize", A.ElementSize},
           {"count", A.Count},
           {"sets", A.Sets},
           {"items", A.Items}};
  if (A.Single)
    O["single"] = true;
  if (A.Owner)
    O["owner"] = *A.Owner;
  if (A.HasErrors)
    O["hasErrors"] = true;
  return O;
}
static bool fromJSON(const Value &V, ItemArray &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "location", Out.Where, "family", Out.Family,
         "framework", Out.Framework, "fast", Out.Fast, "extended", Out.Extended,
         "elementType", Out.ElementType, "elementSize", Out.ElementSize,
         "count", Out.Count);
  mapAll(O, "sets", Out.Sets, "items", Out.Items, "single", Out.Single, "owner",
         Out.Owner, "hasErrors", Out.HasErrors);
  return true;
}

static Value toJSON(const SetEntry &E) {
  return Object{{"location", E.Where},
                {"end", E.End},
                {"set", E.Set},
                {"itemsCount", E.ItemsCount},
                {"items", E.Items},
                {"fastIoCount", E.FastIoCount},
                {"fastItems", E.FastItems}};
}
static bool fromJSON(const Value &V, SetEntry &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "location", Out.Where, "end", Out.End, "set", Out.Set, "itemsCount",
         Out.ItemsCount, "items", Out.Items, "fastIoCount", Out.FastIoCount,
         "fastItems", Out.FastItems);
  return true;
}

Value toJSON(const SetTable &T) {
  return Object{{"name", T.Name},
                {"location", T.Where},
                {"family", T.Family},
                {"sets", T.Sets}};
}
static bool fromJSON(const Value &V, SetTable &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "location", Out.Where, "family", Out.Family,
         "sets", Out.Sets);
  return true;
}

static Object sizeAndCount(const SizeAndCount &S) {
  return Object{{"itemSize", S.ItemSize}, {"itemSizeLocation", S.ItemSizeWhere},
                {"count", S.Count},       {"countLocation", S.CountWhere},
                {"table", S.Table},       {"tableIsNull", S.TableIsNull}};
}
static void readSizeAndCount(Members &O, SizeAndCount &Out) {
  mapAll(O, "itemSize", Out.ItemSize, "itemSizeLocation", Out.ItemSizeWhere,
         "count", Out.Count, "countLocation", Out.CountWhere, "table",
         Out.Table, "tableIsNull", Out.TableIsNull);
}
static Value toJSON(const SizeAndCount &S) { return sizeAndCount(S); }
static bool fromJSON(const Value &V, SizeAndCount &Out, Path P) {
  Members O{V, P};
  if (O)
    readSizeAndCount(O, Out);
  return static_cast<bool>(O);
}

Value toJSON(const DispatchCall &C) {
  Object O = sizeAndCount(C);
  O["api"] = C.Api;
  O["family"] = C.Family;
  O["location"] = C.Where;
  return O;
}
static bool fromJSON(const Value &V, DispatchCall &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  readSizeAndCount(O, Out);
  mapAll(O, "api", Out.Api, "family", Out.Family, "location", Out.Where);
  return true;
}

Value toJSON(const AutomationTable &T) {
  Object O{{"name", T.Name}, {"location", T.Where}, {"framework", T.Framework}};
  if (T.Property)
    O[FamilyProperty] = *T.Property;
  if (T.Method)
    O[FamilyMethod] = *T.Method;
  if (T.Event)
    O[FamilyEvent] = *T.Event;
  return O;
}
static bool fromJSON(const Value &V, AutomationTable &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "location", Out.Where, "framework",
         Out.Framework);
  // A family that is not an object is no table (not a null one).
  auto Family = [&](llvm::StringLiteral Key, std::optional<SizeAndCount> &F) {
    if (const Value *X = V.getAsObject()->get(Key))
      if (X->getAsObject())
        fromJSON(*X, F.emplace(), P.field(Key));
  };
  Family("property", Out.Property);
  Family("method", Out.Method);
  Family("event", Out.Event);
  return true;
}

static Value toJSON(const HandlerFacts::Access &A) {
  return Object{{"buffer", A.Buffer},
                {"size", A.Size},
                {"guarded", A.Guarded},
                {"otherIds", A.OtherIds},
                {"ids", A.Ids}};
}
static bool fromJSON(const Value &V, HandlerFacts::Access &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "buffer", Out.Buffer, "size", Out.Size, "guarded", Out.Guarded,
         "otherIds", Out.OtherIds, "ids", Out.Ids);
  return true;
}

Value toJSON(const HandlerFacts &H) {
  return Object{{"name", H.Name},
                {"location", H.Where},
                {"framework", H.Framework},
                {"propertyRead", H.PropertyRead},
                {"propertyType", H.PropertyType},
                {"dataAccess", H.DataAccess},
                {"dataType", H.DataType},
                {"checksPropertyLength", H.ChecksPropertyLength},
                {"checksDataLength", H.ChecksDataLength},
                {"itemStorageRead", H.ItemStorageRead},
                {"itemStorageReadLocation", H.ItemStorageReadWhere},
                {"itemStorageReadEnd", H.ItemStorageReadEnd},
                {"namedIds", H.NamedIds},
                {"accesses", H.Accesses}};
}
static bool fromJSON(const Value &V, HandlerFacts &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  // An export before the buffers were judged apart has one "checksLength"
  // for both.
  bool Both = false;
  O.mapOptional("checksLength", Both);
  Out.ChecksPropertyLength = Out.ChecksDataLength = Both;
  mapAll(O, "name", Out.Name, "location", Out.Where, "framework", Out.Framework,
         "propertyRead", Out.PropertyRead, "propertyType", Out.PropertyType,
         "dataAccess", Out.DataAccess, "dataType", Out.DataType,
         "checksPropertyLength", Out.ChecksPropertyLength, "checksDataLength",
         Out.ChecksDataLength, "itemStorageRead", Out.ItemStorageRead,
         "itemStorageReadLocation", Out.ItemStorageReadWhere,
         "itemStorageReadEnd", Out.ItemStorageReadEnd);
  O.mapOptional("namedIds", Out.NamedIds);
  O.mapOptional("accesses", Out.Accesses);
  return true;
}

static Value toJSON(const CallbackEffects &E) {
  Object O;
  put(O, "successWithoutContext", E.SuccessWithoutContext);
  put(O, "successAfterFailedAllocation", E.SuccessAfterFailedAllocation);
  put(O, "ignoresPinAndFraming", E.IgnoresPinAndFraming);
  if (E.StoredContextType)
    O["storedContextType"] = *E.StoredContextType;
  if (E.ContextCastType)
    O["contextCastType"] = *E.ContextCastType;
  put(O, "contextCastLocation", E.ContextCastWhere);
  put(O, "returnsUninitialized", E.ReturnsUninitialized);
  put(O, "returnsSentinel", E.ReturnsSentinel);
  put(O, "returnsFreed", E.ReturnsFreed);
  put(O, "raisesInsteadOfNull", E.RaisesInsteadOfNull);
  if (E.SmallestAllocation)
    O["smallestAllocation"] = *E.SmallestAllocation;
  put(O, "smallestAllocationLocation", E.SmallestAllocationWhere);
  O["allocatesFromPool"] = E.AllocatesFromPool;
  return O;
}
static bool fromJSON(const Value &V, CallbackEffects &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "successWithoutContext", Out.SuccessWithoutContext,
         "successAfterFailedAllocation", Out.SuccessAfterFailedAllocation,
         "ignoresPinAndFraming", Out.IgnoresPinAndFraming, "storedContextType",
         Out.StoredContextType, "contextCastType", Out.ContextCastType,
         "contextCastLocation", Out.ContextCastWhere, "returnsUninitialized",
         Out.ReturnsUninitialized, "returnsSentinel", Out.ReturnsSentinel,
         "returnsFreed", Out.ReturnsFreed, "raisesInsteadOfNull",
         Out.RaisesInsteadOfNull, "smallestAllocation", Out.SmallestAllocation,
         "smallestAllocationLocation", Out.SmallestAllocationWhere,
         "allocatesFromPool", Out.AllocatesFromPool);
  return true;
}

static Value toJSON(const Callback &C) {
  Object O = handlerObject(C);
  O["castInTable"] = C.CastInTable;
  O["slotLocation"] = C.SlotWhere;
  if (C.Parameters)
    O["parameters"] = *C.Parameters;
  if (C.SlotParameters)
    O["slotParameters"] = *C.SlotParameters;
  if (C.ReturnMismatch)
    O["returnMismatch"] = *C.ReturnMismatch;
  O["effects"] = C.Effects;
  return O;
}
static bool fromJSON(const Value &V, Callback &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  readHandler(O, Out);
  mapAll(O, "castInTable", Out.CastInTable, "slotLocation", Out.SlotWhere,
         "parameters", Out.Parameters, "slotParameters", Out.SlotParameters,
         "returnMismatch", Out.ReturnMismatch, "effects", Out.Effects);
  return true;
}

Value toJSON(const AllocatorDispatch &D) {
  return Object{{"name", D.Name},
                {"location", D.Where},
                {"initializeAllocator", D.Initialize},
                {"deleteAllocator", D.Delete},
                {"allocate", D.Allocate},
                {"free", D.Free}};
}
static bool fromJSON(const Value &V, AllocatorDispatch &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "location", Out.Where, "initializeAllocator",
         Out.Initialize, "deleteAllocator", Out.Delete, "allocate",
         Out.Allocate, "free", Out.Free);
  return true;
}

Value toJSON(const CountedArray &A);
static bool fromJSON(const Value &V, CountedArray &Out, Path P);

static Value toJSON(const Framing::Range &R) {
  return Object{{"item", R.Item},
                {"member", R.Member},
                {"location", R.Where},
                {"minFrameSize", R.MinFrameSize},
                {"minFrameSizeLocation", R.MinFrameSizeWhere},
                {"maxFrameSize", R.MaxFrameSize},
                {"stepping", R.Stepping},
                {"steppingLocation", R.SteppingWhere}};
}
static bool fromJSON(const Value &V, Framing::Range &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "item", Out.Item, "member", Out.Member, "location", Out.Where,
         "minFrameSize", Out.MinFrameSize, "minFrameSizeLocation",
         Out.MinFrameSizeWhere, "maxFrameSize", Out.MaxFrameSize, "stepping",
         Out.Stepping, "steppingLocation", Out.SteppingWhere);
  return true;
}

Value toJSON(const Framing &F) {
  return Object{{"name", F.Name},
                {"location", F.Where},
                {"kind", F.Kind},
                {"memoryType", F.MemoryType},
                {"flags", F.Flags},
                {"frames", F.Frames},
                {"fileAlignment", F.FileAlignment},
                {"minFrameSize", F.MinFrameSize},
                {"maxFrameSize", F.MaxFrameSize},
                {"items", F.Items},
                {"ranges", F.Ranges}};
}
static bool fromJSON(const Value &V, Framing &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "location", Out.Where, "kind", Out.Kind,
         "memoryType", Out.MemoryType, "flags", Out.Flags, "frames", Out.Frames,
         "fileAlignment", Out.FileAlignment, "minFrameSize", Out.MinFrameSize,
         "maxFrameSize", Out.MaxFrameSize, "items", Out.Items, "ranges",
         Out.Ranges);
  return true;
}

Value toJSON(const PinDispatch &D) {
  return Object{{"name", D.Name},
                {"location", D.Where},
                {"allocator", D.Allocator},
                {"customAllocator", D.CustomAllocator}};
}
static bool fromJSON(const Value &V, PinDispatch &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "location", Out.Where, "allocator", Out.Allocator,
         "customAllocator", Out.CustomAllocator);
  return true;
}

Value toJSON(const Pin &Pn) {
  return Object{{"array", Pn.Array},
                {"index", Pn.Index},
                {"location", Pn.Where},
                {"dispatch", Pn.Dispatch},
                {"allocatorFraming", Pn.AllocatorFraming},
                {"flags", Pn.Flags},
                {"flagsLocation", Pn.FlagsWhere},
                {"dataFlow", Pn.DataFlow},
                {"communication", Pn.Communication}};
}
static bool fromJSON(const Value &V, Pin &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "array", Out.Array, "index", Out.Index, "location", Out.Where,
         "dispatch", Out.Dispatch, "allocatorFraming", Out.AllocatorFraming,
         "flags", Out.Flags, "flagsLocation", Out.FlagsWhere, "dataFlow",
         Out.DataFlow, "communication", Out.Communication);
  return true;
}

Value toJSON(const CountedArray &A) {
  return Object{{"count", A.Count},
                {"countLocation", A.CountWhere},
                {"array", A.Array},
                {"null", A.Null},
                {"length", A.Length},
                {"elementType", A.ElementType},
                {"elementSize", A.ElementSize}};
}
static bool fromJSON(const Value &V, CountedArray &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "count", Out.Count, "countLocation", Out.CountWhere, "array",
         Out.Array, "null", Out.Null, "length", Out.Length, "elementType",
         Out.ElementType, "elementSize", Out.ElementSize);
  return true;
}

Value toJSON(const FilterDescriptor &F) {
  return Object{{"name", F.Name},
                {"index", F.Index},
                {"location", F.Where},
                {"framework", F.Framework},
                {"pins", F.Pins},
                {"nodes", F.Nodes},
                {"connections", F.Connections},
                {"categories", F.Categories},
                {"pinSize", F.PinSize},
                {"pinSizeLocation", F.PinSizeWhere},
                {"nodeSize", F.NodeSize},
                {"nodeSizeLocation", F.NodeSizeWhere}};
}
static bool fromJSON(const Value &V, FilterDescriptor &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "index", Out.Index, "location", Out.Where,
         "framework", Out.Framework, "pins", Out.Pins, "nodes", Out.Nodes,
         "connections", Out.Connections, "categories", Out.Categories,
         "pinSize", Out.PinSize, "pinSizeLocation", Out.PinSizeWhere,
         "nodeSize", Out.NodeSize, "nodeSizeLocation", Out.NodeSizeWhere);
  return true;
}

Value toJSON(const DescriptorPin &Pn) {
  Object O{{"index", Pn.Index},     {"location", Pn.Where},
           {"end", Pn.End},         {"interfaces", Pn.Interfaces},
           {"mediums", Pn.Mediums}, {"dataRanges", Pn.DataRanges}};
  put(O, "maxGlobalInstances", Pn.MaxGlobalInstances);
  put(O, "maxFilterInstances", Pn.MaxFilterInstances);
  put(O, "minFilterInstances", Pn.MinFilterInstances);
  put(O, "instancesPossible", Pn.InstancesPossible);
  put(O, "instancesNecessary", Pn.InstancesNecessary);
  return O;
}
static bool fromJSON(const Value &V, DescriptorPin &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "index", Out.Index, "location", Out.Where, "end", Out.End,
         "interfaces", Out.Interfaces, "mediums", Out.Mediums, "dataRanges",
         Out.DataRanges, "maxGlobalInstances", Out.MaxGlobalInstances,
         "maxFilterInstances", Out.MaxFilterInstances, "minFilterInstances",
         Out.MinFilterInstances, "instancesPossible", Out.InstancesPossible,
         "instancesNecessary", Out.InstancesNecessary);
  return true;
}

Value toJSON(const PinTable &T) {
  return Object{{"name", T.Name},
                {"location", T.Where},
                {"framework", T.Framework},
                {"length", T.Length},
                {"pins", T.Pins}};
}
static bool fromJSON(const Value &V, PinTable &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "location", Out.Where, "framework", Out.Framework,
         "length", Out.Length, "pins", Out.Pins);
  return true;
}

Value toJSON(const Connection &C) {
  return Object{{"index", C.Index},       {"location", C.Where},
                {"fromNode", C.FromNode}, {"fromNodePin", C.FromNodePin},
                {"toNode", C.ToNode},     {"toNodePin", C.ToNodePin}};
}
static bool fromJSON(const Value &V, Connection &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "index", Out.Index, "location", Out.Where, "fromNode", Out.FromNode,
         "fromNodePin", Out.FromNodePin, "toNode", Out.ToNode, "toNodePin",
         Out.ToNodePin);
  return true;
}

Value toJSON(const ConnectionTable &T) {
  return Object{{"name", T.Name},
                {"location", T.Where},
                {"framework", T.Framework},
                {"entries", T.Entries}};
}
static bool fromJSON(const Value &V, ConnectionTable &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "location", Out.Where, "framework", Out.Framework,
         "entries", Out.Entries);
  return true;
}

Value toJSON(const DataRange &R) {
  return Object{{"name", R.Name},
                {"index", R.Index},
                {"location", R.Where},
                {"type", R.Type},
                {"typeSize", R.TypeSize},
                {"knownType", R.KnownType},
                {"formatSize", R.FormatSize},
                {"formatSizeLocation", R.FormatSizeWhere},
                {"majorFormat", R.MajorFormat},
                {"subFormat", R.SubFormat},
                {"subFormatLocation", R.SubFormatWhere},
                {"specifier", R.Specifier},
                {"specifierLocation", R.SpecifierWhere}};
}
static bool fromJSON(const Value &V, DataRange &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "index", Out.Index, "location", Out.Where, "type",
         Out.Type, "typeSize", Out.TypeSize, "knownType", Out.KnownType,
         "formatSize", Out.FormatSize, "formatSizeLocation",
         Out.FormatSizeWhere, "majorFormat", Out.MajorFormat, "subFormat",
         Out.SubFormat, "subFormatLocation", Out.SubFormatWhere, "specifier",
         Out.Specifier, "specifierLocation", Out.SpecifierWhere);
  return true;
}

Value toJSON(const AllocatorModeCall &C) {
  return Object{{"location", C.Where},
                {"mode", C.Mode},
                {"requirementsFlags", C.RequirementsFlags},
                {"requirementsLocation", C.RequirementsWhere}};
}
static bool fromJSON(const Value &V, AllocatorModeCall &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "location", Out.Where, "mode", Out.Mode, "requirementsFlags",
         Out.RequirementsFlags, "requirementsLocation", Out.RequirementsWhere);
  return true;
}

Value toJSON(const BufferAllocation &A) {
  Object O{{"location", A.Where}, {"method", A.Method}};
  put(O, "pageAlignedUse", A.PageAlignedUse);
  return O;
}
static bool fromJSON(const Value &V, BufferAllocation &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "location", Out.Where, "method", Out.Method, "pageAlignedUse",
         Out.PageAlignedUse);
  return true;
}

Value toJSON(const AllocatorExUse &U) { return Object{{"location", U.Where}}; }
static bool fromJSON(const Value &V, AllocatorExUse &Out, Path P) {
  Members O{V, P};
  if (O)
    O.mapOptional("location", Out.Where);
  return static_cast<bool>(O);
}

Value toJSON(const UserAddressAccess::Probe &Pr) {
  return Object{{"location", Pr.Where},
                {"write", Pr.Write},
                {"inTry", Pr.InTry},
                {"length", Pr.Length},
                {"bytes", Pr.Bytes}};
}
static bool fromJSON(const Value &V, UserAddressAccess::Probe &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "location", Out.Where, "write", Out.Write, "inTry", Out.InTry,
         "length", Out.Length, "bytes", Out.Bytes);
  return true;
}

Value toJSON(const UserAddressAccess &A) {
  return Object{
      {"location", A.Where}, {"entry", A.Entry},     {"function", A.Function},
      {"source", A.Source},  {"address", A.Address}, {"use", A.Use},
      {"size", A.Size},      {"inTry", A.InTry},     {"probe", A.ProbedBy}};
}
static bool fromJSON(const Value &V, UserAddressAccess &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "location", Out.Where, "entry", Out.Entry, "function", Out.Function,
         "source", Out.Source, "address", Out.Address, "use", Out.Use, "size",
         Out.Size, "inTry", Out.InTry, "probe", Out.ProbedBy);
  return true;
}

Value toJSON(const ParameterAllocator &A) {
  return Object{
      {"location", A.Where},
      {"api", A.Api},
      {"filter", A.Filter},
      {"allocator", A.Allocator},
      {"allocatorKnown", A.AllocatorKnown},
      {"allocatesFromPool", A.AllocatesFromPool},
      {"successWithoutBuffer", A.SuccessWithoutBuffer},
      {"successAfterFailedAllocation", A.SuccessAfterFailedAllocation},
      {"allocation", A.Allocation},
      {"setsDeallocateBuffer", A.SetsDeallocateBuffer},
      {"filterNotJudged", A.FilterNotJudged},
      {"minReleases", A.MinReleases},
      {"maxReleases", A.MaxReleases},
      {"leakingExit", A.LeakingExit},
      {"firstRelease", A.FirstRelease},
      {"secondRelease", A.SecondRelease}};
}
static bool fromJSON(const Value &V, ParameterAllocator &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "location", Out.Where, "api", Out.Api, "filter", Out.Filter,
         "allocator", Out.Allocator, "allocatorKnown", Out.AllocatorKnown,
         "allocatesFromPool", Out.AllocatesFromPool, "successWithoutBuffer",
         Out.SuccessWithoutBuffer, "successAfterFailedAllocation",
         Out.SuccessAfterFailedAllocation, "allocation", Out.Allocation,
         "setsDeallocateBuffer", Out.SetsDeallocateBuffer, "filterNotJudged",
         Out.FilterNotJudged, "minReleases", Out.MinReleases, "maxReleases",
         Out.MaxReleases, "leakingExit", Out.LeakingExit, "firstRelease",
         Out.FirstRelease, "secondRelease", Out.SecondRelease);
  return true;
}

Value toJSON(const ParameterAllocatorCallback &C) {
  return Object{
      {"name", C.Name},
      {"location", C.Where},
      {"allocatesFromPool", C.AllocatesFromPool},
      {"successWithoutBuffer", C.SuccessWithoutBuffer},
      {"successAfterFailedAllocation", C.SuccessAfterFailedAllocation},
      {"allocation", C.Allocation},
      {"setsDeallocateBuffer", C.SetsDeallocateBuffer}};
}
static bool fromJSON(const Value &V, ParameterAllocatorCallback &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "location", Out.Where, "allocatesFromPool",
         Out.AllocatesFromPool, "successWithoutBuffer",
         Out.SuccessWithoutBuffer, "successAfterFailedAllocation",
         Out.SuccessAfterFailedAllocation, "allocation", Out.Allocation,
         "setsDeallocateBuffer", Out.SetsDeallocateBuffer);
  return true;
}

Value toJSON(const UnanalysedTable &T) {
  return Object{{"name", T.Name},
                {"kind", T.Kind},
                {"location", T.Where},
                {"reason", T.Reason}};
}
static bool fromJSON(const Value &V, UnanalysedTable &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "kind", Out.Kind, "location", Out.Where, "reason",
         Out.Reason);
  return true;
}

Value toJSON(const ArrayDefinition &A) {
  return Object{{"name", A.Name}, {"length", A.Length}, {"location", A.Where}};
}
static bool fromJSON(const Value &V, ArrayDefinition &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "name", Out.Name, "length", Out.Length, "location", Out.Where);
  return true;
}

Value toJSON(const TranslationUnit &Tu) {
  return Object{{"file", Tu.File},
                {"allocatorModeCalls", Tu.AllocatorModeCalls},
                {"bufferAllocations", Tu.BufferAllocations},
                {"allocatorExUses", Tu.AllocatorExUses},
                {"allocatorDispatches", Tu.AllocatorDispatches},
                {"framings", Tu.Framings},
                {"pinDispatches", Tu.PinDispatches},
                {"pins", Tu.Pins},
                {"itemArrays", Tu.ItemArrays},
                {"setTables", Tu.SetTables},
                {"automationTables", Tu.AutomationTables},
                {"dispatchCalls", Tu.DispatchCalls},
                {"handlers", Tu.Handlers},
                {"userAddressAccesses", Tu.UserAddressAccesses},
                {"parameterAllocators", Tu.ParameterAllocators},
                {"parameterAllocatorCallbacks", Tu.ParameterAllocatorCallbacks},
                {"filterDescriptors", Tu.FilterDescriptors},
                {"pinTables", Tu.PinTables},
                {"connectionTables", Tu.ConnectionTables},
                {"dataRanges", Tu.DataRanges},
                {"unanalysedTables", Tu.UnanalysedTables},
                {"arrays", Tu.Arrays}};
}
bool fromJSON(const Value &V, TranslationUnit &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "file", Out.File, "allocatorModeCalls", Out.AllocatorModeCalls,
         "bufferAllocations", Out.BufferAllocations, "allocatorExUses",
         Out.AllocatorExUses, "allocatorDispatches", Out.AllocatorDispatches,
         "framings", Out.Framings, "pinDispatches", Out.PinDispatches, "pins",
         Out.Pins, "itemArrays", Out.ItemArrays, "setTables", Out.SetTables,
         "automationTables", Out.AutomationTables, "dispatchCalls",
         Out.DispatchCalls, "handlers", Out.Handlers, "userAddressAccesses",
         Out.UserAddressAccesses, "parameterAllocators",
         Out.ParameterAllocators, "parameterAllocatorCallbacks",
         Out.ParameterAllocatorCallbacks, "filterDescriptors",
         Out.FilterDescriptors, "pinTables", Out.PinTables, "connectionTables",
         Out.ConnectionTables, "dataRanges", Out.DataRanges, "unanalysedTables",
         Out.UnanalysedTables, "arrays", Out.Arrays);
  return true;
}

static Value documentObject(llvm::StringRef Schema, int64_t Version,
                            Array TranslationUnits) {
  return Object{{"schema", Schema},
                {"version", Version},
                {"translationUnits", std::move(TranslationUnits)}};
}
Value documentJSON(Array TranslationUnits) {
  return documentObject(SchemaName, SchemaVersion, std::move(TranslationUnits));
}
Value toJSON(const Document &D) {
  return documentObject(D.Schema, D.Version, Array(D.TranslationUnits));
}
bool fromJSON(const Value &V, Document &Out, Path P) {
  Members O{V, P};
  if (!O)
    return false;
  mapAll(O, "schema", Out.Schema, "version", Out.Version, "translationUnits",
         Out.TranslationUnits);
  return true;
}

Document readDocument(const Value &V) {
  Document D;
  D.Schema.clear();
  D.Version = 0;
  Path::Root Root("model export");
  fromJSON(V, D, Root);
  return D;
}

} // namespace schema
} // namespace ks
