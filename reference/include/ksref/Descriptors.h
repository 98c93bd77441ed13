//===- ksref/Descriptors.h - the runtime's walk of a filter's descriptors -===//
//
// AVStream and PortCls build a filter factory from static descriptors and
// answer the pin and topology properties from them: KSPROPERTY_PIN_CTYPES
// (the pin count), KSPROPERTY_PIN_DATARANGES (each range of a pin,
// FormatSize bytes of it), KSPROPERTY_TOPOLOGY_NODES and _CONNECTIONS. What
// they read is a pointer, a count and a stride: descriptor i at i x stride
// bytes, whatever lies there. This part replays those reads.
//
// Sources (docs/sources.md): PCFILTER_DESCRIPTOR (PinSize/NodeSize: the
// size of each element, at least sizeof(PCPIN_DESCRIPTOR) /
// sizeof(PCNODE_DESCRIPTOR)), KSFILTER_DESCRIPTOR, KSPIN_DESCRIPTOR,
// KSTOPOLOGY_CONNECTION and PCCONNECTION_DESCRIPTOR (KSFILTER_NODE /
// PCFILTER_NODE for a filter pin, else an index into the node
// descriptors), KSDATARANGE and KSPROPERTY_PIN_DATARANGES (a
// KSMULTIPLE_ITEM followed by 64-bit aligned ranges), KsPinDataIntersection
// (a client's range matches a pin's when each of MajorFormat, SubFormat and
// Specifier is a wildcard on either side or equal) and KSDATARANGE's
// MajorFormat (a wildcard there requires wildcards in the other two).
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_DESCRIPTORS_H
#define KSREF_DESCRIPTORS_H

#include "ksref/Violation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ksref {

/// x64 sizes of the descriptors the runtime reads at each step (the member
/// lists of ks.h and portcls.h with natural alignment; measured with the
/// WDK profile's headers by unittests/ModelTest.cpp).
inline constexpr uint32_t PcPinDescriptorSize = 112;
inline constexpr uint32_t PcNodeDescriptorSize = 32;
inline constexpr uint32_t KsPinDescriptorExSize = 136;
inline constexpr uint32_t KsNodeDescriptorSize = 24;
/// KSTOPOLOGY_CONNECTION and PCCONNECTION_DESCRIPTOR: four ULONGs.
inline constexpr uint32_t ConnectionSize = 16;
/// sizeof(KSDATARANGE) and of KSMULTIPLE_ITEM.
inline constexpr uint32_t KsDataRangeSize = 64;
inline constexpr uint32_t KsMultipleItemSize = 8;
/// KSFILTER_NODE, PCFILTER_NODE: ((ULONG)-1).
inline constexpr uint32_t FilterNode = 0xffffffffu;

/// An array a descriptor points at, as the driver laid it out.
struct DescriptorArray {
  uint32_t Count = 0; ///< the count member beside the pointer
  bool Null = false;  ///< the pointer is NULL
  /// The bytes of the object the pointer designates, when known.
  std::optional<uint64_t> Bytes;
  /// The size of the driver's element; 0 when unknown.
  uint32_t ElementSize = 0;
};

/// What the runtime did walking Count entries of an array.
struct DescriptorWalk {
  bool Faulted = false; ///< read from address 0
  /// Entries read at an offset that is not the start of an element.
  std::vector<uint32_t> Misplaced;
  /// The first entry whose bytes lie (partly) past the object, if any.
  std::optional<uint32_t> PastEnd;
  /// Elements of the array after the last entry read: never seen.
  uint64_t Unseen = 0;
  std::vector<Violation> Violations;
};

/// The runtime reads \p A.Count entries of \p BaseSize bytes, entry i at
/// i x \p Stride. \p Entry names one ("pin descriptor"), \p Owner the
/// descriptor ("filter descriptor 'Topo'"). A wrong count is evidence for
/// ks-descriptor-count, a wrong stride for ks-descriptor-size.
DescriptorWalk walkDescriptors(const DescriptorArray &A, uint32_t Stride,
                               uint32_t BaseSize, const std::string &Entry,
                               const std::string &Owner);

/// One connection as the driver wrote it.
struct TopologyConnection {
  uint32_t FromNode = 0, FromNodePin = 0, ToNode = 0, ToNodePin = 0;
};

/// A client of KSPROPERTY_TOPOLOGY_CONNECTIONS resolving connection \p C
/// against the filter's \p NodeCount nodes (KSPROPERTY_TOPOLOGY_NODES) and
/// \p PinCount pin factories (KSPROPERTY_PIN_CTYPES): what it cannot find.
std::vector<Violation> resolveConnection(const TopologyConnection &C,
                                         uint32_t Index,
                                         const std::string &Table,
                                         std::optional<uint32_t> NodeCount,
                                         std::optional<uint32_t> PinCount);

/// A data range object as the driver wrote it.
struct DataRangeObject {
  std::string Name;
  std::string Type;
  uint32_t FormatSize = 0;
  uint64_t ObjectSize = 0;
  /// A structure of the KS headers (KSDATARANGE_AUDIO ...): its whole size
  /// is the range; a driver's own struct may carry private data after it.
  bool KnownType = false;
};

/// KSPROPERTY_PIN_DATARANGES over \p Ranges: the answer's size, and what the
/// copy of each range (FormatSize bytes) reads or leaves out.
struct DataRangesAnswer {
  uint64_t Size = KsMultipleItemSize;
  std::vector<Violation> Violations;
};
DataRangesAnswer pinDataRanges(const std::vector<DataRangeObject> &Ranges);

/// The three GUIDs that name a range's formats, as "{xxxxxxxx-...}".
struct RangeFormats {
  std::string MajorFormat, SubFormat, Specifier;
};
/// GUID_NULL: KSDATAFORMAT_TYPE_WILDCARD, _SUBTYPE_ and _SPECIFIER_WILDCARD.
inline constexpr const char *WildcardGuid =
    "{00000000-0000-0000-0000-000000000000}";

/// KsPinDataIntersection's match of a client's range against a pin's: each
/// member a wildcard on either side, or equal.
bool rangesMatch(const RangeFormats &Pin, const RangeFormats &Client);

/// A pin's range offered to clients: with a wildcard MajorFormat but a
/// specific SubFormat or Specifier, a client range of a major format the
/// pin never named (one that is no wildcard and not any real format) is
/// matched and would reach the pin's intersect handler. \p Name names the
/// range.
std::vector<Violation> offerDataRange(const RangeFormats &Pin,
                                      const std::string &Name);

/// KSINSTANCE_INDETERMINATE; ULONG(-1) in PCPIN_DESCRIPTOR: no limit.
inline constexpr uint32_t InstanceIndeterminate = 0xffffffffu;

/// A pin factory's instance numbers, as KS reports them.
struct PinInstances {
  /// KSPROPERTY_PIN_NECESSARYINSTANCES: pins the filter needs before I/O
  /// (InstancesNecessary, MinFilterInstanceCount).
  uint32_t Necessary = 0;
  /// KSPROPERTY_PIN_CINSTANCES PossibleCount: pins per filter
  /// (InstancesPossible, MaxFilterInstanceCount).
  uint32_t FilterPossible = InstanceIndeterminate;
  /// KSPROPERTY_PIN_GLOBALCINSTANCES PossibleCount: pins over all filters
  /// (PortCls MaxGlobalInstanceCount); nothing when the framework has none.
  std::optional<uint32_t> GlobalPossible;
};

/// A graph builder creating pins of the factory on one filter until the
/// filter has the pins it needs: each creation beyond a PossibleCount is
/// refused, and the filter never reaches I/O. \p Owner names the pin
/// ("pin 1 of 'Pins'").
std::vector<Violation> instantiatePins(const PinInstances &P,
                                       const std::string &Owner);

} // namespace ksref

#endif
