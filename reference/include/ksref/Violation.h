//===- ksref/Violation.h - a runtime failure the reference observed -*- C++
//-*-===//
//
// A Violation is something the modelled runtime *did* while replaying a
// request or an allocator life cycle: an out-of-bounds access, a read past a
// table, a call through a garbage or NULL pointer, a broken callback contract.
// It is tagged with the kstidy check that predicts it statically, so that the
// static findings and the runtime witnesses share one vocabulary
// (kstidy --export-model writes the model that ksref replays:
// docs/reference.md).
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_VIOLATION_H
#define KSREF_VIOLATION_H

#include <string>
#include <vector>

namespace ksref {

// The check names, as kstidy's check catalogue (checks/KsChecks.def) spells
// them; ksref cannot include it (reference/ and checks/ stay apart), so
// unittests/CatalogueTest.cpp compares the two.
namespace checks {
inline constexpr const char *PropertyItemSize = "ks-property-item-size";
inline constexpr const char *PropertyDuplicateId = "ks-property-duplicate-id";
inline constexpr const char *PropertySetCount = "ks-property-set-count";
inline constexpr const char *PropertyMinSize = "ks-property-min-size";
inline constexpr const char *PropertyMissingHandler =
    "ks-property-missing-handler";
inline constexpr const char *AllocatorDispatchCallbacks =
    "ks-allocator-dispatch-callbacks";
inline constexpr const char *AllocatorContext = "ks-allocator-context";
inline constexpr const char *AllocateNullOnFailure =
    "ks-allocate-null-on-failure";
inline constexpr const char *AllocatorUserModeFrames =
    "ks-allocator-user-mode-frames";
inline constexpr const char *AllocatorExApplicationUse =
    "ks-allocator-ex-application-use";
inline constexpr const char *PageSizeBuffer = "ks-page-size-buffer";
inline constexpr const char *PropertyUserBuffer = "ks-property-user-buffer";
inline constexpr const char *ParameterAllocator = "ks-parameter-allocator";
inline constexpr const char *DescriptorCount = "ks-descriptor-count";
inline constexpr const char *DescriptorSize = "ks-descriptor-size";
inline constexpr const char *TopologyConnection = "ks-topology-connection";
inline constexpr const char *DataRangeSize = "ks-data-range-size";
inline constexpr const char *PinInstanceCount = "ks-pin-instance-count";
inline constexpr const char *DataRangeWildcard = "ks-data-range-wildcard";
inline constexpr const char *FramingRange = "ks-framing-range";

/// Every name above; a test checks each against kstidy's check catalogue.
inline constexpr const char *All[] = {
    PropertyItemSize,        PropertyDuplicateId,
    PropertySetCount,        PropertyMinSize,
    PropertyMissingHandler,  AllocatorDispatchCallbacks,
    AllocatorContext,        AllocateNullOnFailure,
    AllocatorUserModeFrames, AllocatorExApplicationUse,
    PageSizeBuffer,          PropertyUserBuffer,
    ParameterAllocator,      DescriptorCount,
    DescriptorSize,          TopologyConnection,
    DataRangeSize,           PinInstanceCount,
    DataRangeWildcard,       FramingRange};
} // namespace checks

// A runtime failure the reference observed (not guessed).
struct Violation {
  std::string
      Check; // the kstidy check that predicts it, e.g. "ks-property-min-size"
  std::string What; // one line: "handler 'GetExposure' wrote 16 bytes into a
                    // 4-byte Data buffer"

  bool operator==(const Violation &O) const {
    return Check == O.Check && What == O.What;
  }
};

/// Appends {Check, What} unless the same violation is already listed (a life
/// cycle that repeats a step observes the same failure once).
void addViolation(std::vector<Violation> &Out, std::string Check,
                  std::string What);

/// True when some violation of \p Out carries the tag \p Check.
bool hasViolation(const std::vector<Violation> &Out, const std::string &Check);

/// The violations of \p Out tagged \p Check.
std::vector<Violation> violationsOf(const std::vector<Violation> &Out,
                                    const std::string &Check);

} // namespace ksref

#endif
