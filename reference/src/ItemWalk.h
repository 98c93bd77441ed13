//===- ItemWalk.h - how the runtime finds an item (private) -----*- C++ -*-===//
//
// KsPropertyHandler, KsMethodHandler and KsEnableEvent share one lookup: the
// set entries in order, each set by its GUID, then its items by their id at
// `index * stride` for as many items as the set entry counts. Only what
// happens after the match differs. This is that shared walk, over the bytes
// of the item arrays (ksref/Memory.h), with what it observes on the way:
// counts that run past a table or hide an entry, strides that read items
// from the wrong bytes, NULL item arrays.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_SRC_ITEMWALK_H
#define KSREF_SRC_ITEMWALK_H

#include "KsItemImage.h"
#include "ksref/Memory.h"
#include "ksref/PropertyTypes.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ksref {
namespace detail {

/// The names one family's tables give their counts, for the messages.
struct WalkNames {
  const char *SetsCount;  // "PropertySetsCount", "MethodSetsCount", ...
  const char *ItemsCount; // "PropertiesCount", "MethodsCount", ...
  const char *Plural;     // "properties", "methods", "events"
};
extern const WalkNames PropertyNames, MethodNames, EventNames;

/// A set entry as the walk needs it.
struct WalkSet {
  std::string Guid;
  uint32_t Count = 0;     // the count the entry declares
  bool ItemsNull = false; // its item pointer is NULL
  std::string ArrayName;
  std::vector<uint32_t> Ids; // the id the driver wrote in each entry
};

/// The set entries of a KSPROPERTY_SET / KSMETHOD_SET / KSEVENT_SET table as
/// the walk needs them: \p Count and \p Items name the entry's count and
/// item-array members.
template <typename SetT, typename ArrayT>
std::vector<WalkSet> walkSetsOf(const std::vector<SetT> &Sets,
                                uint32_t SetT::*Count,
                                const ArrayT *SetT::*Items) {
  std::vector<WalkSet> Out;
  for (const SetT &S : Sets) {
    WalkSet WS;
    WS.Guid = S.Guid;
    WS.Count = S.*Count;
    const ArrayT *A = S.*Items;
    WS.ItemsNull = !A;
    if (A) {
      WS.ArrayName = A->Name;
      for (const auto &I : A->Items)
        WS.Ids.push_back(I.Id);
    }
    Out.push_back(std::move(WS));
  }
  return Out;
}

/// One lookup.
struct Walk {
  const std::vector<WalkSet> &Sets;
  uint32_t SetsCount; // the count passed with the set table
  const std::string &Set;
  uint32_t Id;
  uint32_t Stride;   // bytes from one item to the next
  uint32_t BaseSize; // bytes of the base item read at each step
  bool ContinueToLaterSets;
  const WalkNames &Names;
  /// The image of set entry S's array (only asked for a non-NULL array).
  std::function<const TableImage &(size_t S)> Image;
  /// "offset 80 of 'Items' (byte 8 of entry 1: MinData)".
  std::function<std::string(const TableImage &, uint64_t)> Describe;
};

struct WalkMatch {
  bool Found = false;
  size_t Set = 0;      // the set entry whose array answered
  uint64_t Offset = 0; // the byte offset of the item read in its image
  const TableImage *Image = nullptr;
};

/// The item size rule every *WithAllocator handler applies first: on 64-bit
/// a size that is not a multiple of 8 fails every request with
/// STATUS_INVALID_PARAMETER. \p Param names it ("PropertyItemSize"), \p Noun
/// the requests ("" for properties, "method ", "event "). Returns whether
/// the request was refused (Out says so).
bool refusesItemSize(const char *Param, uint32_t Size, bool Is64Bit,
                     const char *Noun, DispatchOutcome &Out);

/// Looks the request up. Sets Out.SetIndex, ItemIndex and EntryIndex and
/// adds what the walk observes to Out. Not found: Out.St is NOT_FOUND (or
/// UNSUCCESSFUL after a fault: a NULL item array the count makes the runtime
/// read).
WalkMatch walkSets(const Walk &W, DispatchOutcome &Out);

/// walkSets over a KSPROPERTY_SET / KSMETHOD_SET / KSEVENT_SET table (set
/// entries with the \p Count and \p Items members) whose arrays are laid out
/// by \p Build(array, layout) and named by \p FieldAt(layout, offset), the
/// images shared through \p Images when given, else built into \p Own (which
/// must outlive the match: the match points into it).
template <typename SetT, typename ArrayT, typename LayoutT, typename BuildFn,
          typename FieldFn>
WalkMatch lookUp(const std::vector<SetT> &Sets, uint32_t SetT::*Count,
                 const ArrayT *SetT::*Items, uint32_t SetsCount,
                 const std::string &Set, uint32_t Id, uint32_t Stride,
                 const LayoutT &L, bool ContinueToLaterSets,
                 const WalkNames &Names, ImageCache *Images,
                 std::optional<TableImage> &Own, BuildFn Build, FieldFn FieldAt,
                 DispatchOutcome &Out) {
  const std::vector<WalkSet> Walked = walkSetsOf(Sets, Count, Items);
  const Walk W{Walked,
               SetsCount,
               Set,
               Id,
               Stride,
               L.Size,
               ContinueToLaterSets,
               Names,
               [&](size_t S) -> const TableImage & {
                 const ArrayT &A = *(Sets[S].*Items);
                 if (Images)
                   return Images->get(&A, reinterpret_cast<uintptr_t>(&L),
                                      [&] { return Build(A, L); });
                 return Own.emplace(Build(A, L));
               },
               [&](const TableImage &Img, uint64_t Off) {
                 return describeOffset(
                     Img, Off, [&](uint32_t In) { return FieldAt(L, In); });
               }};
  return walkSets(W, Out);
}

} // namespace detail
} // namespace ksref

#endif
