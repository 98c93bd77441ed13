//===- ReplayDomains.h - The replay of a translation unit, domain by domain
//===//
//
// Each domain of the export is replayed against ksref by its own file, in
// the order replayModel calls them (the first finding on a line wins):
// KS property tables and their fast I/O tables, the strides of KS method
// and event tables, PortCls tables, custom allocators, user-mode facts,
// accesses to caller-chosen addresses, filter and pin descriptors.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_REPLAYDOMAINS_H
#define KSTIDY_TOOL_REPLAYDOMAINS_H

#include "ReplayContext.h"

#include "ksref/FastProperty.h"
#include "ksref/Memory.h"

#include <map>
#include <string>
#include <vector>

namespace ks {
namespace replay {

/// The KS property tables of a translation unit, as ksref lays them out.
struct KsPropertyTables {
  struct Array {
    ksref::ItemArray Items;
    std::vector<Span> Entries;
    /// Entries whose id or minimum sizes did not compile: the runtime's
    /// values for them are unknown, so no request is replayed against them.
    std::vector<bool> Unknown;
  };
  struct FastArray {
    std::vector<ksref::FastPropertyItem> Items;
    std::vector<Span> Entries;
  };
  struct SetEntry {
    Span Where;
    std::string ArrayName;
    bool ItemsNull = false;
    uint32_t Count = 0;
    std::string Guid = "<unknown set>";
    std::string FastArrayName;
    uint32_t FastCount = 0;
  };
  using SetTable = std::vector<SetEntry>;

  std::map<std::string, Array> Arrays;
  std::map<std::string, FastArray> FastArrays;
  std::map<std::string, SetTable> SetTables;
  /// Item-array images for the requests replayed against Arrays.
  ksref::ImageCache Images;

  /// Reads the KS property item arrays, fast arrays and set tables.
  explicit KsPropertyTables(const TuContext &C);
  KsPropertyTables(const KsPropertyTables &) = delete;
  KsPropertyTables &operator=(const KsPropertyTables &) = delete;
};

/// The set's GUID value when known, else its name.
std::string setName(const schema::Guid &G);

/// KsPropertyHandler(WithAllocator) and KS automation tables over \p T.
void replayKsProperties(TuContext &C, KsPropertyTables &T);
/// KsFastPropertyHandler over the sets' FastIoTables.
void replayFastProperties(TuContext &C, KsPropertyTables &T);
/// The item sizes that KS method and event tables are walked with.
void replayMethodAndEventStrides(TuContext &C);
/// PCAUTOMATION_TABLE property items.
void replayPortCls(TuContext &C);
/// KSALLOCATOR_DISPATCH life cycles on the pins that install them.
void replayAllocators(TuContext &C);
/// KsSetAllocatorMode and IWMSBufferAllocator buffers.
void replayUserMode(TuContext &C);
/// Accesses to addresses the caller of a request chose.
void replayRequests(TuContext &C);
/// Filter, pin, connection and data range descriptors.
void replayDescriptors(TuContext &C);

/// The PFNKSALLOCATOR callbacks of every TU of the export by name; null for
/// a name two different definitions share.
using RunCallbacks =
    std::map<std::string, const schema::ParameterAllocatorCallback *>;
/// Custom parameter allocators through the life of their buffer; a
/// callback defined in another TU is found in \p Run.
void replayParameterAllocators(TuContext &C, const RunCallbacks &Run);

} // namespace replay
} // namespace ks

#endif
