//===- ksref/Reachability.h - which table entries can ever run --*- C++ -*-===//
//
// A sweep over a property set table: for every entry of every item array it
// sends the request a client would send for that entry (its set GUID and id,
// a verb it has a handler for, the smallest buffers the runtime accepts:
// MinProperty / MinData) through dispatchProperty, and checks that the entry
// itself answered. Entries that never answer are the runtime witnesses of
// ks-property-duplicate-id (an earlier item or set shadows them),
// ks-property-set-count (the count hides them) and ks-property-item-size
// (the stride never reads them).
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_REACHABILITY_H
#define KSREF_REACHABILITY_H

#include "ksref/PropertyDispatch.h"

namespace ksref {

struct EntryReach {
  int SetEntry = -1; // index in the set table
  int Entry = -1;    // index in the set's item array
  uint32_t Id = 0;
  Verb V = Verb::Get;      // the verb the sweep sent
  bool Reached = false;    // the entry's own handler answered
  DispatchOutcome Outcome; // what the runtime did instead / as well
};

struct SweepReport {
  std::vector<EntryReach> Entries;
  std::vector<Violation> Violations; // every violation observed, deduplicated
};

SweepReport sweepPropertyTables(const std::vector<PropertySet> &Sets,
                                uint32_t PropertySetsCount,
                                const DispatchOptions &Opt);

} // namespace ksref

#endif
