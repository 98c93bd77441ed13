//===- ItemWalk.cpp - how the runtime finds an item -----------------------===//
//
// Sources (URLs in docs/sources.md):
//  [KsPH]  Microsoft, "KsPropertyHandler function": the handler "responds to
//          all property identifiers defined by the sets" (KsMethodHandler
//          and KsEnableEvent say the same of theirs).
//  [ROS]   facts observed in ReactOS's reimplementation of ks.sys
//          (drivers/ksfilter/ks/): behaviour only, no code. The lookup is
//          linear, set by GUID then item by id, and the first match wins.
//  [MODEL] kstidy's modelling decision (reference/README.md, "Where the
//          sources disagree"): only the first set entry with the GUID is
//          searched unless ContinueToLaterSets.
//
//===----------------------------------------------------------------------===//
#include "ItemWalk.h"

#include "Text.h"

#include <algorithm>

namespace ksref {
namespace detail {

const WalkNames PropertyNames{"PropertySetsCount", "PropertiesCount",
                              "properties"};
const WalkNames MethodNames{"MethodSetsCount", "MethodsCount", "methods"};
const WalkNames EventNames{"EventSetsCount", "EventsCount", "events"};

namespace {

class Walker {
public:
  Walker(const Walk &W, DispatchOutcome &Out) : W(W), Out(Out) {}
  WalkMatch run();

private:
  enum class Search { Found, NotHere, Stop };
  Search searchSet(size_t S);
  void reportStride(const WalkSet &WS, const TableImage &Img, int Matched,
                    uint64_t Offset);
  std::string item() const { return fmt("%s/%u", W.Set.c_str(), W.Id); }
  void violation(const char *Check, std::string What) {
    addViolation(Out.Violations, Check, std::move(What));
  }

  const Walk &W;
  DispatchOutcome &Out;
  WalkMatch M;
};

WalkMatch Walker::run() {
  for (uint32_t S = 0; S < W.SetsCount; ++S) {
    if (S >= W.Sets.size()) {
      // The count says there are more set entries than the table holds:
      // the runtime compares GUIDs of whatever follows the table.
      violation(checks::PropertySetCount,
                fmt("%s is %u but the set table holds %zu entries: looking "
                    "up %s the runtime reads %u set entr%s past the end of "
                    "the table",
                    W.Names.SetsCount, W.SetsCount, W.Sets.size(),
                    item().c_str(), W.SetsCount - S,
                    W.SetsCount - S == 1 ? "y" : "ies"));
      break; // unknown memory: taken as no match
    }
    if (W.Sets[S].Guid != W.Set)
      continue;
    // SetIndex: the set entry the GUID matched (the last one searched).
    Out.SetIndex = static_cast<int>(S);
    const Search R = searchSet(S);
    if (R == Search::Found)
      return M;
    if (R == Search::Stop)
      return WalkMatch();
    if (!W.ContinueToLaterSets)
      break;
  }
  Out.St = Status::NotFound;
  Out.Information = 0;
  if (Out.SetIndex < 0) {
    // A set entry beyond the count that would have answered.
    for (size_t S = W.SetsCount; S < W.Sets.size(); ++S)
      if (W.Sets[S].Guid == W.Set) {
        violation(checks::PropertySetCount,
                  fmt("set entry %zu (%s) lies beyond %s %u: requests for it "
                      "fail with STATUS_NOT_FOUND",
                      S, W.Set.c_str(), W.Names.SetsCount, W.SetsCount));
        break;
      }
  }
  return WalkMatch();
}

Walker::Search Walker::searchSet(size_t S) {
  const WalkSet &WS = W.Sets[S];
  if (WS.Count == 0)
    return Search::NotHere;
  if (WS.ItemsNull) {
    // Count items at address 0.
    addViolation(Out.Violations, checks::PropertySetCount,
                 fmt("set entry %zu (%s) counts %u %s but its item array is "
                     "NULL: the runtime reads item 0 through a NULL pointer",
                     S, WS.Guid.c_str(), WS.Count, W.Names.Plural));
    Out.Faulted = true;
    Out.St = Status::Unsuccessful;
    Out.Information = 0;
    Out.SetIndex = static_cast<int>(S);
    return Search::Stop;
  }
  const TableImage &Img = W.Image(S);
  // Walk the items as the runtime does: item i at byte i * stride, the id
  // at the start of whatever lies there.
  for (uint32_t I = 0; I < WS.Count; ++I) {
    const uint64_t Off = static_cast<uint64_t>(I) * W.Stride;
    if (!Img.contains(Off, W.BaseSize)) {
      // Beyond the array: because the count is larger than the array (no
      // entry I exists) or because the stride is larger than the entries.
      const bool CountsTooMany = I >= WS.Ids.size();
      violation(
          CountsTooMany ? checks::PropertySetCount : checks::PropertyItemSize,
          CountsTooMany
              ? fmt("%s of set %s is %u but '%s' has %zu items: looking up "
                    "id %u the runtime reads %u item%s past the end of the "
                    "array",
                    W.Names.ItemsCount, WS.Guid.c_str(), WS.Count,
                    WS.ArrayName.c_str(), WS.Ids.size(), W.Id, WS.Count - I,
                    WS.Count - I == 1 ? "" : "s")
              : fmt("the runtime steps %u bytes through '%s' (entries of %u "
                    "bytes): looking up id %u it reads item %u at offset "
                    "%llu, past the end of '%s' (%llu bytes): its %u bytes "
                    "end %llu bytes beyond the array",
                    W.Stride, WS.ArrayName.c_str(), Img.elementSize(), W.Id, I,
                    static_cast<unsigned long long>(Off), WS.ArrayName.c_str(),
                    static_cast<unsigned long long>(Img.size()), W.BaseSize,
                    static_cast<unsigned long long>(Off + W.BaseSize -
                                                    Img.size())));
      break; // unknown memory: taken as no match
    }
    if (Img.read32(Off) == W.Id) { // every item's id is at offset 0
      Out.SetIndex = static_cast<int>(S);
      Out.ItemIndex = static_cast<int>(I);
      reportStride(WS, Img, static_cast<int>(I), Off);
      Out.EntryIndex = Img.isEntryStart(Off)
                           ? static_cast<int>(Off / Img.elementSize())
                           : -1;
      M.Found = true;
      M.Set = S;
      M.Offset = Off;
      M.Image = &Img;
      return Search::Found;
    }
  }
  reportStride(WS, Img, -1, 0);
  // An entry with the id that the count hides.
  const size_t Walked = std::min<size_t>(WS.Count, WS.Ids.size());
  bool InWalked = false;
  for (size_t K = 0; K < Walked; ++K)
    InWalked |= WS.Ids[K] == W.Id;
  if (!InWalked)
    for (size_t K = Walked; K < WS.Ids.size(); ++K)
      if (WS.Ids[K] == W.Id) {
        violation(checks::PropertySetCount,
                  fmt("entry %zu of '%s' (id %u) lies beyond %s %u of set "
                      "%s: the runtime never reaches it and the request "
                      "fails with STATUS_NOT_FOUND",
                      K, WS.ArrayName.c_str(), W.Id, W.Names.ItemsCount,
                      WS.Count, WS.Guid.c_str()));
        break;
      }
  return Search::NotHere;
}

/// Compares what the walk matched (\p Matched, -1 none) with the entry the
/// driver wrote for the id, and reports a stride that made them differ.
void Walker::reportStride(const WalkSet &WS, const TableImage &Img, int Matched,
                          uint64_t Offset) {
  int Intended = -1;
  const size_t Walked = std::min<size_t>(WS.Count, WS.Ids.size());
  for (size_t K = 0; K < Walked && Intended < 0; ++K)
    if (WS.Ids[K] == W.Id)
      Intended = static_cast<int>(K);
  const uint64_t E = Img.elementSize();
  if (Matched >= 0 && !Img.isEntryStart(Offset)) {
    violation(checks::PropertyItemSize,
              fmt("the runtime steps %u bytes through '%s' (entries of %llu "
                  "bytes): item %d is read at %s, and its bytes happen to "
                  "hold id %u: the request is served from the wrong bytes",
                  W.Stride, WS.ArrayName.c_str(),
                  static_cast<unsigned long long>(E), Matched,
                  W.Describe(Img, Offset).c_str(), W.Id));
    return;
  }
  const int MatchedEntry = Matched >= 0 ? static_cast<int>(Offset / E) : -1;
  if (Intended >= 0 && MatchedEntry != Intended)
    violation(
        checks::PropertyItemSize,
        fmt("the runtime steps %u bytes through '%s' (entries of %llu "
            "bytes): entry %d (id %u) is never read at its start, so "
            "%s",
            W.Stride, WS.ArrayName.c_str(), static_cast<unsigned long long>(E),
            Intended, W.Id,
            MatchedEntry >= 0
                ? fmt("entry %d with the same id answers instead", MatchedEntry)
                      .c_str()
                : "the request fails with STATUS_NOT_FOUND"));
}

} // namespace

bool refusesItemSize(const char *Param, uint32_t Size, bool Is64Bit,
                     const char *Noun, DispatchOutcome &Out) {
  if (!Is64Bit || Size % 8 == 0)
    return false;
  addViolation(Out.Violations, checks::PropertyItemSize,
               fmt("%s %u is not a multiple of 8: on 64-bit Windows every %s"
                   "request fails with STATUS_INVALID_PARAMETER",
                   Param, Size, Noun));
  Out.St = Status::InvalidParameter;
  Out.Information = 0;
  return true;
}

WalkMatch walkSets(const Walk &W, DispatchOutcome &Out) {
  return Walker(W, Out).run();
}

} // namespace detail
} // namespace ksref
