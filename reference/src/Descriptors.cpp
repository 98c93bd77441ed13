//===- Descriptors.cpp - the runtime's walk of a filter's descriptors -----===//
#include "ksref/Descriptors.h"

#include <string>

namespace ksref {

namespace {

std::string plural(uint64_t N, const std::string &Word) {
  std::string Out = std::to_string(N) + " ";
  if (N != 1 && !Word.empty() && Word.back() == 'y')
    return Out + Word.substr(0, Word.size() - 1) + "ies";
  return Out + Word + (N == 1 ? "" : "s");
}

} // namespace

DescriptorWalk walkDescriptors(const DescriptorArray &A, uint32_t Stride,
                               uint32_t BaseSize, const std::string &Entry,
                               const std::string &Owner) {
  DescriptorWalk W;
  if (A.Count == 0)
    return W;
  if (A.Null) {
    W.Faulted = true;
    addViolation(W.Violations, checks::DescriptorCount,
                 Owner + ": the runtime reads " + plural(A.Count, Entry) +
                     " from address 0");
    return W;
  }
  for (uint32_t I = 0; I < A.Count; ++I) {
    const uint64_t Offset = uint64_t(I) * Stride;
    if (A.ElementSize && Offset % A.ElementSize != 0)
      W.Misplaced.push_back(I);
    if (A.Bytes && !W.PastEnd && Offset + BaseSize > *A.Bytes)
      W.PastEnd = I;
  }
  if (!W.Misplaced.empty()) {
    const uint32_t I = W.Misplaced.front();
    const uint64_t Offset = uint64_t(I) * Stride;
    addViolation(W.Violations, checks::DescriptorSize,
                 Owner + ": " + Entry + " " + std::to_string(I) +
                     " is read at byte " + std::to_string(Offset) +
                     ", offset " + std::to_string(Offset % A.ElementSize) +
                     " inside element " +
                     std::to_string(Offset / A.ElementSize) + " of " +
                     std::to_string(A.ElementSize) + " bytes");
  } else if (!A.ElementSize && Stride < BaseSize && A.Count > 1) {
    addViolation(W.Violations, checks::DescriptorSize,
                 Owner + ": " + Entry + " 1 is read at byte " +
                     std::to_string(Stride) + ", inside " + Entry + " 0 (" +
                     std::to_string(BaseSize) + " bytes)");
  }
  if (W.PastEnd && A.Bytes) {
    // Past the end because there are fewer elements than the count says,
    // or because the stride carries the walk beyond them.
    const bool CountTooLarge =
        A.ElementSize && uint64_t(A.Count) * A.ElementSize > *A.Bytes;
    const uint64_t Offset = uint64_t(*W.PastEnd) * Stride;
    addViolation(W.Violations,
                 CountTooLarge ? checks::DescriptorCount
                               : checks::DescriptorSize,
                 Owner + ": " + Entry + " " + std::to_string(*W.PastEnd) +
                     " is read at bytes " + std::to_string(Offset) + "-" +
                     std::to_string(Offset + BaseSize - 1) + " of a " +
                     std::to_string(*A.Bytes) + "-byte array");
  }
  if (A.ElementSize && A.Bytes && Stride == A.ElementSize &&
      uint64_t(A.Count) * A.ElementSize < *A.Bytes) {
    W.Unseen = *A.Bytes / A.ElementSize - A.Count;
    addViolation(W.Violations, checks::DescriptorCount,
                 Owner + ": the runtime reports " + plural(A.Count, Entry) +
                     "; the last " + plural(W.Unseen, Entry) +
                     " of the array are never read");
  }
  return W;
}

std::vector<Violation> resolveConnection(const TopologyConnection &C,
                                         uint32_t Index,
                                         const std::string &Table,
                                         std::optional<uint32_t> NodeCount,
                                         std::optional<uint32_t> PinCount) {
  std::vector<Violation> Out;
  auto End = [&](uint32_t Node, uint32_t Pin, const char *NodeField) {
    const std::string Where =
        "connection " + std::to_string(Index) + " of '" + Table + "'";
    if (Node == FilterNode) {
      if (PinCount && Pin >= *PinCount)
        addViolation(Out, checks::TopologyConnection,
                     Where + ": filter pin " + std::to_string(Pin) +
                         " is not among the " + std::to_string(*PinCount) +
                         " pin factories KSPROPERTY_PIN_CTYPES reports");
      return;
    }
    if (NodeCount && Node >= *NodeCount)
      addViolation(Out, checks::TopologyConnection,
                   Where + ": " + NodeField + " " + std::to_string(Node) +
                       " is not among the " + std::to_string(*NodeCount) +
                       " nodes KSPROPERTY_TOPOLOGY_NODES reports");
  };
  End(C.FromNode, C.FromNodePin, "FromNode");
  End(C.ToNode, C.ToNodePin, "ToNode");
  return Out;
}

DataRangesAnswer pinDataRanges(const std::vector<DataRangeObject> &Ranges) {
  DataRangesAnswer A;
  for (const DataRangeObject &R : Ranges) {
    // Each range is copied FormatSize bytes long, 8-byte aligned.
    A.Size = (A.Size + 7) / 8 * 8 + R.FormatSize;
    if (R.FormatSize > R.ObjectSize)
      addViolation(A.Violations, checks::DataRangeSize,
                   "the KSPROPERTY_PIN_DATARANGES answer copies " +
                       std::to_string(R.FormatSize) + " bytes of '" + R.Name +
                       "', a " + std::to_string(R.ObjectSize) + "-byte " +
                       R.Type + ": " +
                       std::to_string(R.FormatSize - R.ObjectSize) +
                       " bytes after it go to the caller");
    else if (R.KnownType ? R.FormatSize < R.ObjectSize
                         : R.FormatSize < KsDataRangeSize)
      addViolation(A.Violations, checks::DataRangeSize,
                   "the KSPROPERTY_PIN_DATARANGES answer carries " +
                       std::to_string(R.FormatSize) + " bytes of '" + R.Name +
                       "', a " + std::to_string(R.ObjectSize) + "-byte " +
                       R.Type + ": the rest never reaches a client");
  }
  return A;
}

std::vector<Violation> instantiatePins(const PinInstances &P,
                                       const std::string &Owner) {
  std::vector<Violation> Out;
  // One filter, so the factory's count on it is its global count too: the
  // creations go on until the lower of the two limits refuses one.
  uint32_t Limit = P.FilterPossible;
  const char *Property = "KSPROPERTY_PIN_CINSTANCES";
  if (P.GlobalPossible && *P.GlobalPossible != InstanceIndeterminate &&
      (Limit == InstanceIndeterminate || *P.GlobalPossible < Limit)) {
    Limit = *P.GlobalPossible;
    Property = "KSPROPERTY_PIN_GLOBALCINSTANCES";
  }
  if (Limit == InstanceIndeterminate || P.Necessary <= Limit)
    return Out;
  addViolation(
      Out, checks::PinInstanceCount,
      Owner + ": creating instance " + std::to_string(uint64_t(Limit) + 1) +
          " of the " + std::to_string(P.Necessary) +
          " the filter needs is refused (" + Property + " PossibleCount " +
          std::to_string(Limit) + "); the filter never performs I/O");
  return Out;
}

bool rangesMatch(const RangeFormats &Pin, const RangeFormats &Client) {
  auto Member = [](const std::string &A, const std::string &B) {
    return A == WildcardGuid || B == WildcardGuid || A == B;
  };
  return Member(Pin.MajorFormat, Client.MajorFormat) &&
         Member(Pin.SubFormat, Client.SubFormat) &&
         Member(Pin.Specifier, Client.Specifier);
}

std::vector<Violation> offerDataRange(const RangeFormats &Pin,
                                      const std::string &Name) {
  std::vector<Violation> Out;
  if (Pin.MajorFormat != WildcardGuid ||
      (Pin.SubFormat == WildcardGuid && Pin.Specifier == WildcardGuid))
    return Out;
  // A client asking for a major format no pin names, with the pin's own
  // subformat and specifier.
  const RangeFormats Client{"{ffffffff-ffff-ffff-ffff-ffffffffffff}",
                            Pin.SubFormat, Pin.Specifier};
  if (!rangesMatch(Pin, Client))
    return Out;
  addViolation(Out, checks::DataRangeWildcard,
               "data range '" + Name + "': a client range of major format " +
                   Client.MajorFormat +
                   " matches it (KSDATAFORMAT_TYPE_WILDCARD with SubFormat " +
                   Pin.SubFormat + ", Specifier " + Pin.Specifier +
                   ") and reaches the pin's intersect handler");
  return Out;
}

} // namespace ksref
