//===- WholeDriver.h - Tables judged against handlers of other TUs --------===//
//
// ks-property-min-size judges a table against the handlers it names; when a
// handler's body is in another translation unit (PortCls tables in a
// header, handlers in a .cpp), the TU of the table cannot. In a kstidy run
// the check hands such an entry over as a deferred judgement, each TU
// summarizes the handlers it defines (model/HandlerSummary.h), and once
// every TU is done the join judges each deferred entry against its
// handler's summary, found by USR, with the same rule and messages as the
// check (model/AccessRule.h, PropertyMinSizeCheck). ks-parameter-allocator
// defers a *WithAllocator call whose callback is defined in another TU the
// same way (ParameterAllocatorCheck), and ks-descriptor-count a count
// beside an array its TU sees declared without a bound, judged against the
// bound of the TU that defines the array (DescriptorCountCheck).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_WHOLEDRIVER_H
#define KSTIDY_TOOL_WHOLEDRIVER_H

#include "Findings.h"
#include "model/HandlerSummary.h"

#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace ks {

/// An entry whose handlers have no body in its TU, as the check deferred
/// it (PropertyMinSizeCheck::DeferredMarker).
struct DeferredJudgement {
  std::string Check;
  Location Where;   ///< where the finding goes (MinData, MinProperty, entry)
  std::string Rule; ///< "minProperty", "minData", "pcValue", "extMinData"
  std::string Item;
  std::optional<int64_t> Id;
  uint64_t Own = 0;
  struct Handler {
    std::string Usr, Name;
    std::string Verb; ///< "reads"/"writes"/"accesses", or the ext field
  };
  std::vector<Handler> Handlers;
  /// Rule "parameterAllocator" (ParameterAllocatorCheck): a *WithAllocator
  /// call whose callback has no body in its TU, with what the filter does.
  struct AllocatorCall {
    std::string Usr, Allocator, Api, Filter;
    unsigned MinReleases = 0, MaxReleases = 0;
    std::optional<Location> LeakingExit, FirstRelease, SecondRelease;
  };
  std::optional<AllocatorCall> Allocator;
  /// Rule "descriptorCount" (DescriptorCountCheck): a count beside an
  /// array declared without a bound in its TU.
  struct DescriptorCount {
    std::string Usr, Array, CountField, Owner, Entry;
    uint64_t Count = 0;
  };
  std::optional<DescriptorCount> Descriptor;
};

/// A deferred judgement from \p F when it is one (its message starts with
/// the marker); an error when the marker's payload is malformed.
std::optional<llvm::Expected<DeferredJudgement>> readDeferred(const Finding &F);

/// What one TU contributes to the join.
struct TuFacts {
  std::vector<model::HandlerSummary> Handlers;
  std::vector<model::HandlerUse> Uses;
  std::vector<model::ParameterAllocatorSummary> Allocators;
  std::vector<model::ArraySummary> Arrays;
};

/// A handler a deferred entry names that no TU of the run defines (or, for
/// rule "descriptorCount", the array: Handler is its name).
struct UnjudgedHandler {
  std::string Handler, Item, Rule;
  Location Where;
};

struct JoinResult {
  std::vector<Finding> Findings;
  std::vector<UnjudgedHandler> Unjudged;
};

/// Judges every deferred entry against the summaries of the run's TUs.
JoinResult joinWholeDriver(const std::vector<DeferredJudgement> &Deferred,
                           const std::vector<TuFacts> &Facts);

} // namespace ks

#endif
