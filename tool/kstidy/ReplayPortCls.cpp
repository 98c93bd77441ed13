//===- ReplayPortCls.cpp - PortCls property items through their tables ----===//
//
// Every PCPROPERTY_ITEM (or extended item) a PCAUTOMATION_TABLE registers is
// requested through ksref's PortCls dispatch for each verb its flags claim,
// with the table's item size and the smallest buffer a caller may send;
// arrays no table of the TU registers are walked with their own size.
//
//===----------------------------------------------------------------------===//
#include "ReplayDomains.h"

#include "ksref/ksref.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <set>

namespace ks {
namespace replay {

namespace {

struct PcArray {
  std::vector<ksref::PcItem> Items;
  std::vector<Span> Entries;
  Span Where;
  uint32_t ElementSize = pcItemSize();
  bool Extended = false;
};

/// An extended item's own handlers: get, set, support in that order (by
/// their field names); others follow.
std::vector<ksref::HandlerEffects>
extensionHandlers(const TuContext &C, const schema::Extension &X,
                  std::optional<int64_t> Id) {
  std::vector<std::pair<int, ksref::HandlerEffects>> Ordered;
  for (const auto &[Key, H] : X.Handlers) {
    llvm::StringRef K = Key;
    int Rank = K.contains_insensitive("get")       ? 0
               : K.contains_insensitive("set")     ? 1
               : K.contains_insensitive("support") ? 2
                                                   : 3;
    Ordered.emplace_back(Rank, C.handler(H, Id));
  }
  std::stable_sort(
      Ordered.begin(), Ordered.end(),
      [](const auto &L, const auto &R) { return L.first < R.first; });
  std::vector<ksref::HandlerEffects> Out;
  Out.reserve(Ordered.size());
  for (auto &[Rank, H] : Ordered)
    Out.push_back(H);
  return Out;
}

class PcReplay {
public:
  explicit PcReplay(TuContext &C);
  void run();

private:
  void replay(const std::string &Name, uint32_t ItemSize, const Span &Site,
              const std::string &Description);

  TuContext &C;
  std::map<std::string, PcArray> Arrays;
  std::set<std::string> Walked;
  ksref::ImageCache Images; // the arrays above outlive it
};

PcReplay::PcReplay(TuContext &C) : C(C) {
  for (const schema::ItemArray &A : C.Tu.ItemArrays) {
    if (A.Framework != schema::FrameworkPortCls ||
        A.Family != schema::FamilyProperty)
      continue;
    PcArray P;
    P.Where = span(A.Where);
    P.ElementSize = u32(A.ElementSize, pcItemSize());
    P.Extended = A.Extended;
    for (const schema::ItemEntry &I : A.Items) {
      ksref::PcItem Item;
      if (const schema::Guid *G = I.PropertySet.get())
        Item.Set = setName(*G);
      Item.Id = u32(I.Id);
      Item.Flags = u32(I.Flags);
      Item.Handler = C.handler(I.PcHandler, I.Id);
      if (I.Ext) {
        Item.Extended = true;
        Item.ExtMinData = u32(I.Ext->MinData);
        Item.ExtMinProperty = u32(I.Ext->MinProperty);
        Item.ExtHandlers = extensionHandlers(C, *I.Ext, I.Id);
      }
      P.Items.push_back(Item);
      P.Entries.push_back(span(I.Where, &I.End));
    }
    Arrays[A.Name] = std::move(P);
  }
}

void PcReplay::replay(const std::string &Name, uint32_t ItemSize,
                      const Span &Site, const std::string &Description) {
  auto It = Arrays.find(Name);
  if (It == Arrays.end())
    return;
  const PcArray &A = It->second;
  Walked.insert(Name);
  const bool StrideOk = ItemSize == A.ElementSize;
  for (size_t J = 0; J < A.Items.size(); ++J) {
    const ksref::PcItem &Item = A.Items[J];
    std::vector<ksref::Verb> Verbs;
    if (Item.Flags & ksref::PcItemFlagGet)
      Verbs.push_back(ksref::Verb::Get);
    if (Item.Flags & ksref::PcItemFlagSet)
      Verbs.push_back(ksref::Verb::Set);
    // An extended item's generic handler answers basic support itself
    // when the extension has no support handler (the shape real audio
    // drivers use); ksref does not model that answer.
    bool SupportModelled = !Item.Extended || (Item.ExtHandlers.size() > 2 &&
                                              Item.ExtHandlers[2].present());
    if ((Item.Flags & ksref::PcItemFlagBasicSupport) && SupportModelled)
      Verbs.push_back(ksref::Verb::BasicSupport);
    for (ksref::Verb Verb : Verbs) {
      ksref::PropertyRequest R;
      R.Set = Item.Set;
      R.Id = Item.Id;
      R.V = Verb;
      // PortCls checks nothing: the smallest buffer a caller may send.
      R.DataLength = Item.Extended ? Item.ExtMinData : 0;
      ksref::DispatchOutcome O = ksref::dispatchPortClsProperty(
          A.Items, ItemSize, A.ElementSize, R, &Images);
      std::string Req = llvm::formatv("{0} {1} id {2} (value {3} bytes) "
                                      "through {4}",
                                      ksref::verbName(Verb), R.Set, R.Id,
                                      R.DataLength, Description)
                            .str();
      for (const ksref::Violation &V : O.Violations) {
        Span Where = A.Entries[J];
        if (is(V, Evidence::ItemSize)) {
          Where = Site;
        } else if (!StrideOk) {
          if (!is(V, Evidence::MissingHandler))
            continue;
          Where = A.Where; // the extension read from the wrong entry
        } else if (is(V, Evidence::MinSize) && Item.Extended) {
          // The extension's MinData, not the PCPROPERTY_ITEM.
          Where.EndLine = std::max(Where.EndLine, Where.Line + 2);
        }
        C.report(V, Where, Req);
      }
      if (StrideOk && O.EntryIndex >= 0 &&
          static_cast<size_t>(O.EntryIndex) != J)
        C.report(Evidence::DuplicateId, A.Entries[J],
                 llvm::formatv("a request for {0}/{1} is served by entry "
                               "{2}: this entry's handler never runs",
                               R.Set, R.Id, O.EntryIndex)
                     .str(),
                 Req);
    }
  }
}

void PcReplay::run() {
  for (const schema::AutomationTable &T : C.Tu.AutomationTables) {
    if (T.Framework != schema::FrameworkPortCls || !T.Property)
      continue;
    const schema::SizeAndCount &P = *T.Property;
    std::string Table = P.Table.value_or("");
    Span Site = orElse(span(P.ItemSizeWhere), span(T.Where));
    auto It = Arrays.find(Table);
    if (!P.ItemSize || It == Arrays.end())
      continue;
    std::string Description = "PCAUTOMATION_TABLE '" + T.Name + "'";
    if (P.Count && static_cast<size_t>(*P.Count) != It->second.Items.size())
      // PortCls takes PropertyCount items: past the array, or short.
      C.report(Evidence::SetCount, orElse(span(P.CountWhere), Site),
               llvm::formatv("PortCls registers {0} of the {1} items "
                             "of '{2}'",
                             *P.Count, It->second.Items.size(), Table)
                   .str(),
               "registration of " + Description);
    replay(Table, static_cast<uint32_t>(*P.ItemSize), Site, Description);
  }
  for (const auto &[Name, A] : Arrays)
    if (!Walked.count(Name))
      replay(Name, A.ElementSize, A.Where,
             "'" + Name + "' (registered elsewhere)");
}

} // namespace

void replayPortCls(TuContext &C) { PcReplay(C).run(); }

} // namespace replay
} // namespace ks
