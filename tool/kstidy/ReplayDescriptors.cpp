//===- ReplayDescriptors.cpp - Filter, pin, connection and range tables ---===//
//
// The descriptors of the export replayed against ksref's walk of them
// (ksref/Descriptors.h): each filter descriptor's pin, node, connection and
// category arrays by their counts and strides, each pin's interfaces,
// mediums and data ranges, each connection of a filter resolved against its
// node and pin counts, each pin factory instantiated up to the instances its
// filter needs, each allocator framing's items read by CountItems and a
// frame size chosen in each of their ranges, each data range offered to
// clients (KsPinDataIntersection's match) and copied into a
// KSPROPERTY_PIN_DATARANGES answer. Unknown numbers are not replayed.
//
//===----------------------------------------------------------------------===//
#include "ReplayDomains.h"

#include "ksref/Descriptors.h"
#include "ksref/Framing.h"

#include <map>

namespace ks {
namespace replay {

namespace {

/// The array as the runtime reaches it; nothing when its count is unknown.
/// An array declared here without a bound has the bound of the TU that
/// defines it, when the export has one.
std::optional<ksref::DescriptorArray> array(const TuContext &C,
                                            const schema::CountedArray &A) {
  if (!A.Count)
    return std::nullopt;
  ksref::DescriptorArray Out;
  Out.Count = u32(A.Count);
  Out.Null = A.Null;
  if (A.Array && A.ElementSize) {
    Out.ElementSize = u32(A.ElementSize);
    std::optional<int64_t> Length = A.Length;
    if (!Length && C.Arrays)
      if (auto It = C.Arrays->find(*A.Array); It != C.Arrays->end())
        Length = It->second;
    if (Length)
      Out.Bytes = uint64_t(*Length) * uint64_t(*A.ElementSize);
  }
  return Out;
}

void walk(TuContext &C, const schema::CountedArray &A, uint32_t Stride,
          uint32_t Base, const Span &StrideWhere, const Span &Fallback,
          const char *Entry, const std::string &Owner) {
  std::optional<ksref::DescriptorArray> D = array(C, A);
  if (!D)
    return;
  ksref::DescriptorWalk W =
      ksref::walkDescriptors(*D, Stride, Base, Entry, Owner);
  const Span CountWhere = orElse(span(A.CountWhere), Fallback);
  for (const ksref::Violation &V : W.Violations)
    C.report(V,
             V.Check == ksref::checks::DescriptorSize
                 ? orElse(StrideWhere, Fallback)
                 : CountWhere,
             std::string("the runtime's walk of ") + Entry + "s");
}

} // namespace

void replayDescriptors(TuContext &C) {
  std::map<std::string, const schema::ConnectionTable *> Connections;
  for (const schema::ConnectionTable &T : C.Tu.ConnectionTables)
    Connections[T.Name] = &T;

  for (const schema::FilterDescriptor &F : C.Tu.FilterDescriptors) {
    const bool Pc = F.Framework == schema::FrameworkPortCls;
    std::string Name = F.Name;
    if (F.Index >= 0)
      Name += "[" + std::to_string(F.Index) + "]";
    const std::string Owner = "filter descriptor '" + Name + "'";
    const Span Where = span(F.Where);
    const uint32_t PinBase =
        Pc ? ksref::PcPinDescriptorSize : ksref::KsPinDescriptorExSize;
    const uint32_t NodeBase =
        Pc ? ksref::PcNodeDescriptorSize : ksref::KsNodeDescriptorSize;
    if (F.PinSize)
      walk(C, F.Pins, u32(F.PinSize), PinBase, span(F.PinSizeWhere), Where,
           "pin descriptor", Owner);
    if (F.NodeSize)
      walk(C, F.Nodes, u32(F.NodeSize), NodeBase, span(F.NodeSizeWhere), Where,
           "node descriptor", Owner);
    walk(C, F.Connections, ksref::ConnectionSize, ksref::ConnectionSize, {},
         Where, "connection", Owner);
    walk(C, F.Categories, 16, 16, {}, Where, "category", Owner);

    // The topology a client reads: the first ConnectionCount entries.
    auto It = F.Connections.Array ? Connections.find(*F.Connections.Array)
                                  : Connections.end();
    if (It == Connections.end() || !F.Connections.Count)
      continue;
    auto CountOf =
        [](const schema::CountedArray &A) -> std::optional<uint32_t> {
      if (!A.Count)
        return std::nullopt;
      return u32(A.Count);
    };
    const uint32_t Used = u32(F.Connections.Count);
    for (const schema::Connection &E : It->second->Entries) {
      if (E.Index >= Used || !E.FromNode || !E.ToNode)
        continue;
      ksref::TopologyConnection T{u32(E.FromNode), u32(E.FromNodePin),
                                  u32(E.ToNode), u32(E.ToNodePin)};
      // A filter pin whose number is unknown is not judged.
      if ((T.FromNode == ksref::FilterNode && !E.FromNodePin) ||
          (T.ToNode == ksref::FilterNode && !E.ToNodePin))
        continue;
      for (const ksref::Violation &V : ksref::resolveConnection(
               T, static_cast<uint32_t>(E.Index), It->second->Name,
               CountOf(F.Nodes), CountOf(F.Pins)))
        C.report(V, span(E.Where),
                 "KSPROPERTY_TOPOLOGY_CONNECTIONS of " + Owner);
    }
  }

  for (const schema::PinTable &T : C.Tu.PinTables)
    for (const schema::DescriptorPin &P : T.Pins) {
      const std::string Owner =
          "pin " + std::to_string(P.Index) + " of '" + T.Name + "'";
      const Span Where = span(P.Where, &P.End);
      for (auto [A, Entry] : {std::pair{&P.Interfaces, "interface"},
                              std::pair{&P.Mediums, "medium"},
                              std::pair{&P.DataRanges, "data range"}}) {
        // Each array's own element is the unit it is counted in.
        const uint32_t Size = A->ElementSize ? u32(A->ElementSize) : 0;
        if (Size)
          walk(C, *A, Size, Size, {}, Where, Entry, Owner);
        else if (A->Null)
          walk(C, *A, 1, 1, {}, Where, Entry, Owner);
      }
      // A graph builder creating the pins the filter needs. An unknown limit
      // is replayed as none: only a known one refuses a pin.
      const bool Pc = T.Framework == schema::FrameworkPortCls;
      const schema::Field<int64_t> &Need =
          Pc ? P.MinFilterInstances : P.InstancesNecessary;
      if (!Need.Value)
        continue;
      ksref::PinInstances I;
      I.Necessary = u32(Need);
      I.FilterPossible = u32(Pc ? P.MaxFilterInstances : P.InstancesPossible,
                             ksref::InstanceIndeterminate);
      if (Pc)
        I.GlobalPossible =
            u32(P.MaxGlobalInstances, ksref::InstanceIndeterminate);
      for (const ksref::Violation &V : ksref::instantiatePins(I, Owner))
        C.report(V, Where, "the pin factory's instances");
    }

  // Each framing item's frame size ranges, as an allocator choosing a size
  // in them (ksref/Framing.h).
  for (const schema::Framing &F : C.Tu.Framings)
    for (const schema::Framing::Range &R : F.Ranges) {
      if (!R.MinFrameSize || !R.MaxFrameSize || !R.Stepping)
        continue;
      const ksref::FrameSizeRange Range{u32(R.MinFrameSize),
                                        u32(R.MaxFrameSize), u32(R.Stepping)};
      const std::string Name = R.Member + " of framing item " +
                               std::to_string(R.Item) + " of '" + F.Name + "'";
      for (const ksref::Violation &V : ksref::chooseFrameSize(Range, Name))
        C.report(V,
                 orElse(span(Range.MinFrameSize > Range.MaxFrameSize
                                 ? R.MinFrameSizeWhere
                                 : R.SteppingWhere),
                        span(R.Where)),
                 "the allocator's choice of a frame size");
    }

  // KSALLOCATOR_FRAMING_EX: CountItems framing items read from FramingItem
  // (a count of 0 reads none).
  for (const schema::Framing &F : C.Tu.Framings)
    if (F.Items && F.Items->ElementSize)
      walk(C, *F.Items, u32(F.Items->ElementSize), u32(F.Items->ElementSize),
           {}, span(F.Where), "framing item",
           "allocator framing '" + F.Name + "'");

  // Each range offered to clients: KsPinDataIntersection's member-by-member
  // match (a range whose GUIDs are not all known is not replayed).
  for (const schema::DataRange &R : C.Tu.DataRanges) {
    auto Value = [](const std::optional<schema::Guid> &G) {
      return G && G->Value ? *G->Value : std::string();
    };
    ksref::RangeFormats F{Value(R.MajorFormat), Value(R.SubFormat),
                          Value(R.Specifier)};
    if (F.MajorFormat.empty() || F.SubFormat.empty() || F.Specifier.empty())
      continue;
    std::string Name = R.Name;
    if (R.Index >= 0)
      Name += "[" + std::to_string(R.Index) + "]";
    const bool SubSpecific = F.SubFormat != ksref::WildcardGuid;
    for (const ksref::Violation &V : ksref::offerDataRange(F, Name))
      C.report(V,
               orElse(span(SubSpecific ? R.SubFormatWhere : R.SpecifierWhere),
                      span(R.Where)),
               "KSPROPERTY_PIN_DATAINTERSECTION");
  }

  for (const schema::DataRange &R : C.Tu.DataRanges) {
    // Omitted or 0: filled in at run time.
    if (!R.FormatSize || *R.FormatSize == 0 || !R.TypeSize ||
        !R.FormatSizeWhere)
      continue;
    std::string Name = R.Name;
    if (R.Index >= 0)
      Name += "[" + std::to_string(R.Index) + "]";
    ksref::DataRangesAnswer A =
        ksref::pinDataRanges({{Name, R.Type, u32(R.FormatSize),
                               uint64_t(*R.TypeSize), R.KnownType}});
    for (const ksref::Violation &V : A.Violations)
      C.report(V, span(R.FormatSizeWhere), "KSPROPERTY_PIN_DATARANGES");
  }
}

} // namespace replay
} // namespace ks
