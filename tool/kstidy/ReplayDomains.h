//===- ReplayDomains.h - The replay of a translation unit, domain by domain
//===//
//
// Each domain of the export is replayed against ksref by its own file, in
// the order replayModel calls them (the first finding on a line wins):
// KS property tables and their fast I/O tables, KS method and event
// tables, PortCls tables, custom allocators, user-mode facts,
// accesses to caller-chosen addresses, filter and pin descriptors.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_REPLAYDOMAINS_H
#define KSTIDY_TOOL_REPLAYDOMAINS_H

#include "ReplayContext.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include "ksref/FastProperty.h"
#include "ksref/Memory.h"
#include "ksref/PropertyTypes.h"

#include <map>
#include <string>
#include <vector>

namespace ks {
namespace replay {

/// One entry of a KS set table (KSPROPERTY_SET, KSMETHOD_SET, KSEVENT_SET)
/// as the replays read it.
struct SetEntry {
  Span Where;
  std::string ArrayName; ///< the item array; empty when it is NULL
  bool ItemsNull = false;
  /// The item count the entry declares; the array's length when the count
  /// did not compile.
  uint32_t Count = 0;
  std::string Guid = "<unknown set>";
  std::string FastArrayName; ///< property sets: their FastIoTable
  uint32_t FastCount = 0;
};

/// Reads \p S. \p ArrayLength gives the entries of an item array of the
/// TU by name (0 for a name the TU does not define).
SetEntry
readSetEntry(const schema::SetEntry &S,
             llvm::function_ref<uint32_t(const std::string &)> ArrayLength);

/// readSetEntry's ArrayLength over the replay's arrays by name.
template <typename ArrayMap> auto lengthsOf(const ArrayMap &Arrays) {
  return [&Arrays](const std::string &Name) -> uint32_t {
    auto It = Arrays.find(Name);
    return It == Arrays.end()
               ? 0
               : static_cast<uint32_t>(It->second.Items.Items.size());
  };
}

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

/// A place that hands a KS set table of one family to the runtime: a
/// dispatch call, a KS automation table, or a set table no dispatch of the
/// TU names (Synthetic: replayed as its own, with its entries' stride).
struct DispatchSite {
  std::string Description; ///< "KsPropertyHandler", "KSAUTOMATION_TABLE 'T'"
  Span Where;              ///< the size (or the call)
  std::string Table;
  std::optional<uint32_t> ItemSize;
  std::optional<uint32_t> Count;
  Span CountWhere; ///< the count beside the table (or the call)
  bool TableNull = false;
  bool Synthetic = false;
};

/// What a synthetic site needs of a set table: the element size of its
/// arrays (0: none known) and its number of set entries.
struct SetTableShape {
  uint32_t Stride = 0;
  uint32_t Entries = 0;
};

/// The sites of \p Family ("property", "method", "event") in the TU: its
/// dispatch calls (not the fast handlers), its KS automation tables, and a
/// synthetic site for each set table of \p SetTables none of them names.
std::vector<DispatchSite>
dispatchSites(const TuContext &C, llvm::StringRef Family,
              const std::map<std::string, SetTableShape> &SetTables,
              uint32_t PlainSize);

/// Where one item request stands in its site's tables.
struct ItemRequestPlace {
  const DispatchSite &Site;
  size_t SetIndex;     ///< the set entry the item belongs to
  uint32_t SetsCount;  ///< the count of set entries passed
  size_t SetTableSize; ///< the entries the set table holds
  const Span &SetWhere;
  uint32_t SetItems; ///< the count the set entry declares
  size_t Entry;      ///< the item's entry in its array
  size_t ArrayItems; ///< the entries the array holds
  const Span &EntryWhere;
  bool StrideOk; ///< the site's stride is the array's element size
};

/// Reports what ksref observed for one item request (\p Set / \p Id, its
/// text \p Req) where the static checks would: strides at the site, counts
/// at the set entry or the site's count, the rest at the entry, and an
/// entry or set entry that another one answers for as a duplicate.
/// \p Handlers: the item's handlers, whose item-storage reads are theirs.
void reportItemOutcome(
    TuContext &C, const ItemRequestPlace &P, const ksref::DispatchOutcome &O,
    const std::vector<const ksref::HandlerEffects *> &Handlers,
    const std::string &Set, uint32_t Id, const std::string &Req);

/// "every request fails with STATUS_INVALID_PARAMETER: item size 76 is not
/// a multiple of 8".
std::string sizeNotMultipleOf8(uint32_t Size);

/// A model number as a ULONG, when known.
std::optional<uint32_t> opt32(const std::optional<int64_t> &V);

/// The set's GUID value when known, else its name.
std::string setName(const schema::Guid &G);

/// KsPropertyHandler(WithAllocator) and KS automation tables over \p T.
void replayKsProperties(TuContext &C, KsPropertyTables &T);
/// KsFastPropertyHandler over the sets' FastIoTables.
void replayFastProperties(TuContext &C, KsPropertyTables &T);
/// KsMethodHandler(WithAllocator) and KsEnableEvent(WithAllocator) over the
/// KS method and event tables.
void replayMethodsAndEvents(TuContext &C);
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
