//===- Replay.cpp ---------------------------------------------------------===//
#include "Replay.h"

#include "ksref/ksref.h"
#include "ksref/PropertyTypes.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace ks {

namespace {

// --- reading the export -----------------------------------------------------

struct Span {
  std::string File;
  unsigned Line = 0, EndLine = 0;
};

Span span(const Value *Loc, const Value *End = nullptr) {
  Span S;
  const Object *O = Loc ? Loc->getAsObject() : nullptr;
  if (!O)
    return S;
  if (auto F = O->getString("file"))
    S.File = F->str();
  S.Line = static_cast<unsigned>(O->getInteger("line").value_or(0));
  S.EndLine = S.Line;
  if (const Object *E = End ? End->getAsObject() : nullptr)
    S.EndLine = static_cast<unsigned>(E->getInteger("line").value_or(S.Line));
  return S;
}

uint32_t u32(const Object &O, llvm::StringRef Key, uint32_t Default = 0) {
  return static_cast<uint32_t>(O.getInteger(Key).value_or(Default));
}

std::string str(const Object &O, llvm::StringRef Key) {
  auto S = O.getString(Key);
  return S ? S->str() : std::string();
}

const Array *arr(const Object &O, llvm::StringRef Key) {
  return O.getArray(Key);
}

/// A member that may be missing (a hand-edited or truncated export): null.
Value orNull(const Value *V) { return V ? *V : Value(nullptr); }

/// The replay's view of one translation unit.
class TuReplay {
public:
  explicit TuReplay(const Object &Tu) : Tu(Tu) { readHandlers(); }

  void run(std::vector<RuntimeFinding> &Out) {
    Findings = &Out;
    replayKsProperties();
    replayMethodAndEventStrides();
    replayPortCls();
    replayAllocators();
    replayUserMode();
  }

private:
  // Handlers by name, with what the static model saw them do.
  struct HandlerInfo {
    ksref::HandlerEffects Effects;
    Span StorageRead;
  };

  void readHandlers() {
    if (const Array *Hs = arr(Tu, "handlers"))
      for (const Value &V : *Hs) {
        const Object *H = V.getAsObject();
        if (!H)
          continue;
        HandlerInfo I;
        I.Effects.Name = str(*H, "name");
        I.Effects.Present = true;
        I.Effects.PropertyRead = u32(*H, "propertyRead");
        I.Effects.DataAccess = u32(*H, "dataAccess");
        I.Effects.ChecksLength = H->getBoolean("checksLength").value_or(false);
        I.Effects.ItemStorageRead = u32(*H, "itemStorageRead");
        I.StorageRead = span(H->get("itemStorageReadLocation"),
                             H->get("itemStorageReadEnd"));
        Handlers[I.Effects.Name] = I;
      }
  }

  ksref::HandlerEffects handler(const Value *V) const {
    ksref::HandlerEffects E;
    const Object *O = V ? V->getAsObject() : nullptr;
    if (!O)
      return E; // NULL
    std::string Name = str(*O, "name");
    auto It = Handlers.find(Name);
    if (It != Handlers.end())
      return It->second.Effects;
    E.Present = true;
    E.Callable = Name != "<expression>";
    if (E.Callable)
      E.Name = Name;
    return E;
  }

  void report(const char *Check, const Span &Where, std::string What,
              std::string Request) {
    if (Where.File.empty())
      return;
    auto Key = std::make_tuple(std::string(Check), Where.File, Where.Line);
    if (!Seen.insert(Key).second)
      return;
    Findings->push_back({Check, Where.File, Where.Line,
                         std::max(Where.Line, Where.EndLine), std::move(What),
                         std::move(Request)});
  }

  // --- KS property tables ---------------------------------------------------

  struct ArrayInfo {
    ksref::ItemArray Array;
    std::vector<Span> Entries;
    /// Entries whose id or minimum sizes did not compile: the runtime's
    /// values for them are unknown, so no request is replayed against them.
    std::vector<bool> Unknown;
    bool Plain = true;
  };
  struct SetEntryInfo {
    Span Where;
    std::string ArrayName;
    bool ItemsNull = false;
    uint32_t Count = 0;
    std::string Guid = "<unknown set>";
    std::string FastArrayName;
    uint32_t FastCount = 0;
  };
  struct SetTableInfo {
    std::vector<SetEntryInfo> Entries;
  };
  struct Site {
    std::string Description; ///< "KsPropertyHandler at control.cpp:339"
    Span Where;              ///< the size (or the call)
    std::string Table;
    std::optional<uint32_t> ItemSize;
    std::optional<uint32_t> Count;
    Span CountWhere; ///< the count beside the table (or the call)
    bool TableNull = false;
    bool Synthetic = false; ///< no dispatch in this TU: replayed as its own
  };

  void readKsTables() {
    if (const Array *As = arr(Tu, "itemArrays"))
      for (const Value &V : *As) {
        const Object *A = V.getAsObject();
        if (!A || str(*A, "framework") != "ks" ||
            str(*A, "family") != "property" || A->getBoolean("fast").value_or(false))
          continue;
        ArrayInfo Info;
        Info.Array.Name = str(*A, "name");
        Info.Array.ElementSize = u32(*A, "elementSize", 72);
        Info.Plain = !A->getBoolean("extended").value_or(false);
        if (const Array *Items = arr(*A, "items"))
          for (const Value &IV : *Items) {
            const Object *I = IV.getAsObject();
            if (!I)
              continue;
            ksref::PropertyItem P;
            P.Id = u32(*I, "id");
            P.MinProperty = u32(*I, "minProperty");
            P.MinData = u32(*I, "minData");
            P.Get = handler(I->get("get"));
            P.Set = handler(I->get("set"));
            P.Support = handler(I->get("support"));
            Info.Array.Items.push_back(P);
            Info.Entries.push_back(span(I->get("location"), I->get("end")));
            bool Unknown = false;
            if (const Array *U = I->getArray("unresolved"))
              for (const Value &Field : *U)
                if (auto F = Field.getAsString())
                  Unknown |= *F == "id" || *F == "minProperty" || *F == "minData";
            Info.Unknown.push_back(Unknown);
          }
        Arrays[Info.Array.Name] = std::move(Info);
      }
    if (const Array *As = arr(Tu, "itemArrays"))
      for (const Value &V : *As) {
        const Object *A = V.getAsObject();
        if (!A || !A->getBoolean("fast").value_or(false))
          continue;
        FastArrayInfo Info;
        if (const Array *Items = arr(*A, "items"))
          for (const Value &IV : *Items)
            if (const Object *I = IV.getAsObject()) {
              ksref::FastPropertyItem F;
              F.Id = u32(*I, "id");
              F.Get = handler(I->get("get"));
              F.Set = handler(I->get("set"));
              Info.Items.push_back(F);
              Info.Entries.push_back(span(I->get("location"), I->get("end")));
            }
        FastArrays[str(*A, "name")] = std::move(Info);
      }
    if (const Array *Ts = arr(Tu, "setTables"))
      for (const Value &V : *Ts) {
        const Object *T = V.getAsObject();
        if (!T || str(*T, "family") != "property")
          continue;
        SetTableInfo Info;
        if (const Array *Sets = arr(*T, "sets"))
          for (const Value &SV : *Sets) {
            const Object *S = SV.getAsObject();
            if (!S)
              continue;
            SetEntryInfo E;
            E.Where = span(S->get("location"), S->get("end"));
            E.ArrayName = str(*S, "items");
            E.ItemsNull = E.ArrayName.empty();
            auto It = Arrays.find(E.ArrayName);
            E.Count = u32(*S, "itemsCount",
                          It == Arrays.end()
                              ? 0
                              : static_cast<uint32_t>(It->second.Array.Items.size()));
            E.FastArrayName = str(*S, "fastItems");
            E.FastCount = u32(*S, "fastIoCount");
            if (const Object *G = S->getObject("set")) {
              std::string Value = str(*G, "value");
              E.Guid = Value.empty() ? str(*G, "name") : Value;
            }
            Info.Entries.push_back(E);
          }
        SetTables[str(*T, "name")] = std::move(Info);
      }
  }

  std::vector<Site> ksSites() const {
    std::vector<Site> Sites;
    std::set<std::string> Dispatched;
    auto Add = [&](const Object &O, std::string Description) {
      Site S;
      S.Description = std::move(Description);
      S.Table = str(O, "table");
      S.TableNull = O.getBoolean("tableIsNull").value_or(false);
      if (auto V = O.getInteger("itemSize"))
        S.ItemSize = static_cast<uint32_t>(*V);
      if (auto V = O.getInteger("count"))
        S.Count = static_cast<uint32_t>(*V);
      S.Where = span(O.get("itemSizeLocation"));
      if (S.Where.File.empty())
        S.Where = span(O.get("location"));
      S.CountWhere = span(O.get("countLocation"));
      if (S.CountWhere.File.empty())
        S.CountWhere = S.Where;
      Dispatched.insert(S.Table);
      Sites.push_back(S);
    };
    if (const Array *Cs = arr(Tu, "dispatchCalls"))
      for (const Value &V : *Cs)
        if (const Object *C = V.getAsObject();
            C && str(*C, "family") == "property" &&
            str(*C, "api") != "KsFastPropertyHandler") {
          Object Copy = *C;
          if (!C->get("itemSizeLocation") ||
              C->get("itemSizeLocation")->kind() == Value::Null)
            Copy["itemSizeLocation"] = orNull(C->get("location"));
          Add(Copy, str(*C, "api"));
        }
    if (const Array *Ts = arr(Tu, "automationTables"))
      for (const Value &V : *Ts)
        if (const Object *T = V.getAsObject();
            T && str(*T, "framework") == "ks")
          if (const Object *P = T->getObject("property")) {
            Object Copy = *P;
            Copy["location"] = orNull(T->get("location"));
            Add(Copy, "KSAUTOMATION_TABLE '" + str(*T, "name") + "'");
          }
    // A set table no dispatch of this TU names (another file dispatches
    // it): replay it as its own, with the stride of its entries.
    for (const auto &[Name, Table] : SetTables) {
      if (Dispatched.count(Name))
        continue;
      Site S;
      S.Description = "set table '" + Name + "' (dispatched elsewhere)";
      S.Table = Name;
      S.Synthetic = true;
      S.Count = static_cast<uint32_t>(Table.Entries.size());
      uint32_t Stride = 0;
      for (const SetEntryInfo &E : Table.Entries)
        if (auto It = Arrays.find(E.ArrayName); It != Arrays.end())
          Stride = It->second.Array.ElementSize;
      S.ItemSize = Stride == 72 ? 0 : Stride;
      Sites.push_back(S);
    }
    return Sites;
  }

  static std::string request(const ksref::PropertyRequest &R,
                             const Site &S) {
    return llvm::formatv("{0} {1} id {2} (property {3} bytes, data {4} "
                         "bytes) through {5}",
                         ksref::verbName(R.V), R.Set, R.Id, R.PropertyLength,
                         R.DataLength, S.Description)
        .str();
  }

  void replaySite(const Site &S) {
    auto TableIt = SetTables.find(S.Table);
    if (TableIt == SetTables.end()) {
      // No table to walk (NULL, or defined elsewhere): the runtime still
      // validates the item size first, and walks a NULL table's count.
      if (!S.ItemSize)
        return;
      ksref::DispatchOptions Opt;
      Opt.PropertyItemSize = *S.ItemSize;
      ksref::PropertyRequest R;
      R.Set = "{kstidy-replay-probe}";
      uint32_t Count = S.TableNull && S.Count ? *S.Count : 0;
      ksref::DispatchOutcome O = ksref::dispatchProperty({}, Count, R, Opt);
      if (O.St == ksref::Status::InvalidParameter && *S.ItemSize % 8 != 0)
        report("ks-property-item-size", S.Where,
               llvm::formatv("every request fails with "
                             "STATUS_INVALID_PARAMETER: item size {0} is not "
                             "a multiple of 8",
                             *S.ItemSize)
                   .str(),
               request(R, S));
      for (const ksref::Violation &V : O.Violations)
        report(V.Check.c_str(),
               V.Check == "ks-property-set-count" ? S.CountWhere : S.Where,
               V.What, request(R, S));
      if (S.TableNull && Count) {
        // One fact at a time: with a valid size, the NULL table is walked.
        ksref::DispatchOptions Plain;
        ksref::DispatchOutcome N = ksref::dispatchProperty({}, Count, R, Plain);
        for (const ksref::Violation &V : N.Violations)
          if (V.Check == "ks-property-set-count")
            report(V.Check.c_str(), S.CountWhere, V.What,
                   request(R, S) + " (with a valid item size)");
      }
      return;
    }
    if (!S.ItemSize || !S.Count)
      return;
    const SetTableInfo &Table = TableIt->second;
    std::vector<ksref::PropertySet> Sets;
    for (size_t I = 0; I < Table.Entries.size(); ++I) {
      const SetEntryInfo &E = Table.Entries[I];
      ksref::PropertySet P;
      P.Guid = E.Guid;
      P.PropertiesCount = E.Count;
      auto It = Arrays.find(E.ArrayName);
      P.Items = It == Arrays.end() ? nullptr : &It->second.Array;
      Sets.push_back(P);
    }
    ksref::DispatchOptions Opt;
    Opt.PropertyItemSize = *S.ItemSize;
    Opt.Images = &Images; // one image per array, not one per request
    const uint32_t Stride = *S.ItemSize ? *S.ItemSize : 72;

    // The set table itself: a set no entry matches walks every entry the
    // count announces.
    {
      ksref::PropertyRequest R;
      R.Set = "{kstidy-replay-probe}";
      ksref::DispatchOutcome O = ksref::dispatchProperty(Sets, *S.Count, R, Opt);
      for (const ksref::Violation &V : O.Violations)
        report(V.Check.c_str(),
               V.Check == "ks-property-set-count" ? S.CountWhere : S.Where,
               V.What, request(R, S));
    }

    for (size_t SI = 0; SI < Table.Entries.size(); ++SI) {
      const SetEntryInfo &E = Table.Entries[SI];
      auto It = Arrays.find(E.ArrayName);
      if (It == Arrays.end()) {
        if (E.ItemsNull && E.Count > 0) {
          ksref::PropertyRequest R;
          R.Set = Sets[SI].Guid;
          ksref::DispatchOutcome O =
              ksref::dispatchProperty(Sets, *S.Count, R, Opt);
          for (const ksref::Violation &V : O.Violations)
            report(V.Check.c_str(), E.Where, V.What, request(R, S));
        }
        continue;
      }
      const ArrayInfo &A = It->second;
      const bool StrideOk = Stride == A.Array.ElementSize;
      if (SI < *S.Count) {
        // An id no item has walks every item the set announces.
        ksref::PropertyRequest R;
        R.Set = Sets[SI].Guid;
        R.Id = 0xFFFFFFFF;
        ksref::DispatchOutcome O = ksref::dispatchProperty(Sets, *S.Count, R, Opt);
        for (const ksref::Violation &V : O.Violations)
          if (V.Check == "ks-property-set-count")
            report(V.Check.c_str(), E.Where, V.What, request(R, S));
      }
      for (size_t J = 0; J < A.Array.Items.size(); ++J) {
        if (J < A.Unknown.size() && A.Unknown[J])
          continue; // never replay a guess
        const ksref::PropertyItem &Item = A.Array.Items[J];
        const Span &EntryWhere = A.Entries[J];
        std::vector<ksref::Verb> Verbs;
        if (Item.Get.present())
          Verbs.push_back(ksref::Verb::Get);
        if (Item.Set.present())
          Verbs.push_back(ksref::Verb::Set);
        if (Verbs.empty())
          Verbs.push_back(ksref::Verb::Get);
        // Boundary lengths: exactly what the item declares first (the
        // request the runtime lets through), then one byte less, nothing,
        // and what the handler itself accesses.
        std::vector<uint32_t> Lengths = {Item.MinData};
        if (Item.MinData > 0)
          Lengths.push_back(Item.MinData - 1);
        Lengths.push_back(0);
        for (const ksref::HandlerEffects *H : {&Item.Get, &Item.Set})
          if (H->DataAccess)
            Lengths.push_back(H->DataAccess);
        for (ksref::Verb Verb : Verbs)
        for (uint32_t Length : Lengths) {
          ksref::PropertyRequest R;
          R.Set = Sets[SI].Guid;
          R.Id = Item.Id;
          R.V = Verb;
          R.PropertyLength = std::max<uint32_t>(Item.MinProperty, 24);
          R.DataLength = Length;
          ksref::DispatchOutcome O =
              ksref::dispatchProperty(Sets, *S.Count, R, Opt);
          std::string Req = request(R, S);
          if (O.St == ksref::Status::InvalidParameter && *S.ItemSize % 8 != 0)
            report("ks-property-item-size", S.Where,
                   llvm::formatv("every request fails with "
                                 "STATUS_INVALID_PARAMETER: item size {0} is "
                                 "not a multiple of 8",
                                 *S.ItemSize)
                       .str(),
                   Req);
          for (const ksref::Violation &V : O.Violations) {
            Span Where = EntryWhere;
            if (V.Check == "ks-property-item-size" && S.Synthetic)
              continue; // the size used where it is dispatched is unknown
            if (V.Check == "ks-property-item-size") {
              // A handler's extended read of the item storage is the
              // handler's; a wrong stride is the dispatch's.
              Where = S.Where;
              if (StrideOk)
                for (const ksref::HandlerEffects *H : {&Item.Get, &Item.Set})
                  if (H->ItemStorageRead &&
                      V.What.find(H->Name) != std::string::npos)
                    if (auto HI = Handlers.find(H->Name);
                        HI != Handlers.end())
                      Where = HI->second.StorageRead;
            } else if (V.Check == "ks-property-set-count") {
              Where = SI >= *S.Count ? S.CountWhere : E.Where;
            } else if (!StrideOk) {
              continue; // read from the wrong entry: the stride speaks
            }
            report(V.Check.c_str(), Where, V.What, Req);
          }
          if (!StrideOk)
            continue;
          if (O.St == ksref::Status::NotFound && O.SetIndex < 0 &&
              SI >= *S.Count)
            report("ks-property-set-count", S.CountWhere,
                   llvm::formatv("set {0} is never found: the count "
                                 "passed covers {1} of {2} sets",
                                 R.Set, *S.Count, Sets.size())
                       .str(),
                   Req);
          else if (O.St == ksref::Status::NotFound && O.SetIndex >= 0 &&
                   O.ItemIndex < 0 && J >= E.Count)
            report("ks-property-set-count", E.Where,
                   llvm::formatv("item id {0} is never found: the set "
                                 "announces {1} of its {2} items",
                                 R.Id, E.Count, A.Array.Items.size())
                       .str(),
                   Req);
          if (O.SetIndex >= 0 && static_cast<size_t>(O.SetIndex) != SI)
            report("ks-property-duplicate-id", E.Where,
                   llvm::formatv("a request for this set reaches set entry "
                                 "{0} first; this entry's items are never "
                                 "reached",
                                 O.SetIndex)
                       .str(),
                   Req);
          else if (O.EntryIndex >= 0 && static_cast<size_t>(O.EntryIndex) != J)
            report("ks-property-duplicate-id", EntryWhere,
                   llvm::formatv("a request for id {0} is served by entry "
                                 "{1}: this entry's handler never runs",
                                 R.Id, O.EntryIndex)
                       .str(),
                   Req);
        }
      }
    }
  }

  void replayKsProperties() {
    readKsTables();
    for (const Site &S : ksSites())
      replaySite(S);
    replayFast();
  }

  /// KsFastPropertyHandler over the sets' FastIoTables.
  void replayFast() {
    std::set<std::string> Dispatched;
    auto Replay = [&](const std::string &Table, uint32_t Count, Span CountWhere,
                      const std::string &Description) {
      auto It = SetTables.find(Table);
      if (It == SetTables.end())
        return;
      Dispatched.insert(Table);
      std::vector<ksref::PropertySet> Sets;
      for (const SetEntryInfo &E : It->second.Entries) {
        ksref::PropertySet P;
        P.Guid = E.Guid;
        P.PropertiesCount = E.Count;
        auto A = Arrays.find(E.ArrayName);
        P.Items = A == Arrays.end() ? nullptr : &A->second.Array;
        auto F = FastArrays.find(E.FastArrayName);
        P.FastItems = F == FastArrays.end() ? nullptr : &F->second.Items;
        P.FastIoCount = E.FastCount;
        Sets.push_back(P);
      }
      ksref::PropertyRequest Probe;
      Probe.Set = "{kstidy-replay-probe}";
      for (const ksref::Violation &V :
           ksref::fastPropertyHandler(Sets, Count, Probe).Violations)
        if (V.Check == "ks-property-set-count")
          report(V.Check.c_str(), CountWhere, V.What,
                 "fast request for an unknown set through " + Description);
      for (size_t SI = 0; SI < It->second.Entries.size(); ++SI) {
        const SetEntryInfo &E = It->second.Entries[SI];
        auto F = FastArrays.find(E.FastArrayName);
        if (F == FastArrays.end())
          continue;
        for (size_t J = 0; J < F->second.Items.size(); ++J) {
          const ksref::FastPropertyItem &Item = F->second.Items[J];
          ksref::PropertyRequest R;
          R.Set = E.Guid;
          R.Id = Item.Id;
          R.V = Item.Get.present() || !Item.Set.present() ? ksref::Verb::Get
                                                          : ksref::Verb::Set;
          R.DataLength = 4;
          ksref::FastOutcome O = ksref::fastPropertyHandler(Sets, Count, R);
          std::string Req = llvm::formatv("fast {0} {1} id {2} through {3}",
                                          ksref::verbName(R.V), R.Set, R.Id,
                                          Description)
                                .str();
          for (const ksref::Violation &V : O.Violations)
            report(V.Check.c_str(),
                   V.Check == "ks-property-set-count" ? E.Where
                                                      : F->second.Entries[J],
                   V.What, Req);
          if (O.ItemIndex >= 0 && static_cast<size_t>(O.ItemIndex) != J &&
              O.SetIndex == static_cast<int>(SI))
            report("ks-property-duplicate-id", F->second.Entries[J],
                   llvm::formatv("a fast request for id {0} is served by "
                                 "fast item {1}: this entry never runs",
                                 R.Id, O.ItemIndex)
                       .str(),
                   Req);
          if (!Item.Get.present() && !Item.Set.present() && !O.Handled)
            report("ks-property-missing-handler", F->second.Entries[J],
                   "KsFastPropertyHandler finds the item and has no handler "
                   "for any verb: the request falls back to the IRP path",
                   Req);
        }
      }
    };
    if (const Array *Cs = arr(Tu, "dispatchCalls"))
      for (const Value &V : *Cs)
        if (const Object *C = V.getAsObject();
            C && str(*C, "api") == "KsFastPropertyHandler")
          if (auto Count = C->getInteger("count")) {
            Span Where = span(C->get("countLocation"));
            if (Where.File.empty())
              Where = span(C->get("location"));
            Replay(str(*C, "table"), static_cast<uint32_t>(*Count), Where,
                   "KsFastPropertyHandler");
          }
    for (const auto &[Name, Table] : SetTables)
      if (!Dispatched.count(Name))
        Replay(Name, static_cast<uint32_t>(Table.Entries.size()), Span(),
               "set table '" + Name + "' (dispatched elsewhere)");
    // Fast arrays no set of this TU holds: a set of their own.
    std::set<std::string> Held;
    for (const auto &[Name, Table] : SetTables)
      for (const SetEntryInfo &E : Table.Entries)
        Held.insert(E.FastArrayName);
    for (const auto &[Name, A] : FastArrays) {
      if (Held.count(Name))
        continue;
      SetTableInfo Own;
      SetEntryInfo E;
      E.Guid = "{" + Name + "}";
      E.FastArrayName = Name;
      E.FastCount = static_cast<uint32_t>(A.Items.size());
      Own.Entries.push_back(E);
      SetTables["<" + Name + ">"] = Own;
      Replay("<" + Name + ">", 1, Span(), "'" + Name + "' (dispatched elsewhere)");
      SetTables.erase("<" + Name + ">");
    }
  }

  /// Method and event tables: ksref dispatches properties only, but the
  /// item-size rule is the same walk over the same kind of array. The
  /// array's bytes are walked with the site's stride and every entry must
  /// be found where it is.
  void replayMethodAndEventStrides() {
    std::map<std::string, std::pair<uint32_t, std::vector<uint32_t>>> Arrays;
    std::map<std::string, std::vector<Span>> EntrySpans;
    if (const Array *As = arr(Tu, "itemArrays"))
      for (const Value &V : *As)
        if (const Object *A = V.getAsObject();
            A && str(*A, "framework") == "ks" &&
            str(*A, "family") != "property") {
          auto &Entry = Arrays[str(*A, "name")];
          Entry.first = u32(*A, "elementSize");
          if (const Array *Items = arr(*A, "items"))
            for (const Value &IV : *Items)
              if (const Object *I = IV.getAsObject()) {
                Entry.second.push_back(u32(*I, "id"));
                EntrySpans[str(*A, "name")].push_back(
                    span(I->get("location"), I->get("end")));
              }
        }
    std::map<std::string, std::vector<std::string>> TableArrays;
    if (const Array *Ts = arr(Tu, "setTables"))
      for (const Value &V : *Ts)
        if (const Object *T = V.getAsObject();
            T && str(*T, "family") != "property")
          if (const Array *Sets = arr(*T, "sets"))
            for (const Value &SV : *Sets)
              if (const Object *E = SV.getAsObject())
                TableArrays[str(*T, "name")].push_back(str(*E, "items"));
    auto Probe = [&](const Object &Site, llvm::StringRef Family,
                     std::string Description) {
      auto Size = Site.getInteger("itemSize");
      if (!Size)
        return;
      Span Where = span(Site.get("itemSizeLocation"));
      if (Where.File.empty())
        Where = span(Site.get("location"));
      // The stride the runtime uses: 0 means the plain item.
      // The size is validated before any table is read.
      {
        ksref::DispatchOptions Opt;
        Opt.PropertyItemSize = static_cast<uint32_t>(*Size);
        ksref::PropertyRequest R;
        R.Set = "{kstidy-replay-probe}";
        if (ksref::dispatchProperty({}, 0, R, Opt).St ==
            ksref::Status::InvalidParameter) {
          report("ks-property-item-size", Where,
                 llvm::formatv("every {0} request fails with "
                               "STATUS_INVALID_PARAMETER: item size {1} is "
                               "not a multiple of 8",
                               Family, *Size)
                     .str(),
                 Description);
          return;
        }
      }
      for (const std::string &Name : TableArrays[str(Site, "table")]) {
        auto It = Arrays.find(Name);
        if (It == Arrays.end() || It->second.second.empty())
          continue;
        // ksref walks property-item images (72-byte items): project the
        // method/event array onto one, keeping what decides the walk — the
        // difference between stride and entry size, and the size's
        // alignment.
        const uint32_t Entry = It->second.first;
        const uint32_t Requested =
            static_cast<uint32_t>(*Size) ? static_cast<uint32_t>(*Size) : Entry;
        ksref::ItemArray A;
        A.Name = Name;
        A.ElementSize = 72;
        for (uint32_t Id : It->second.second) {
          ksref::PropertyItem P;
          P.Id = Id;
          P.Get.Present = true;
          P.Get.Name = Name + "#" + std::to_string(Id);
          A.Items.push_back(P);
        }
        ksref::PropertySet Set;
        Set.Guid = "{" + Family.str() + "-set}";
        Set.PropertiesCount = static_cast<uint32_t>(A.Items.size());
        Set.Items = &A;
        ksref::DispatchOptions Opt;
        int64_t Projected = 72 + static_cast<int64_t>(Requested) -
                            static_cast<int64_t>(Entry);
        Opt.PropertyItemSize =
            static_cast<uint32_t>(std::max<int64_t>(Projected, 1));
        for (size_t J = 0; J < A.Items.size(); ++J) {
          ksref::PropertyRequest R;
          R.Set = Set.Guid;
          R.Id = A.Items[J].Id;
          ksref::DispatchOutcome O = ksref::dispatchProperty({Set}, 1, R, Opt);
          if (Requested == Entry && O.EntryIndex >= 0 &&
              static_cast<size_t>(O.EntryIndex) != J)
            report("ks-property-duplicate-id", EntrySpans[Name][J],
                   llvm::formatv("a request for {0} {1} is served by entry "
                                 "{2}: this entry never runs",
                                 Family, R.Id, O.EntryIndex)
                       .str(),
                   llvm::formatv("{0} id {1} through {2}", Family, R.Id,
                                 Description)
                       .str());
          bool Wrong = O.St == ksref::Status::InvalidParameter ||
                       (O.EntryIndex >= 0 && static_cast<size_t>(O.EntryIndex) != J) ||
                       O.Faulted || ksref::hasViolation(O.Violations, "ks-property-item-size");
          if (Wrong) {
            std::string What =
                llvm::formatv("{0} {1} of '{2}' is not found where it is: "
                              "the {3}-byte entries are walked {4} bytes "
                              "apart",
                              Family, R.Id, Name, Entry, Requested)
                    .str();
            report("ks-property-item-size", Where, What,
                   llvm::formatv("{0} id {1} through {2}", Family, R.Id,
                                 Description)
                       .str());
            break;
          }
        }
      }
    };
    std::set<std::string> Reached;
    for (const auto &[Table, Names] : TableArrays)
      for (const std::string &N : Names)
        Reached.insert(N);
    // Arrays no table of this TU holds: walked with their own stride, for
    // what the ids alone decide.
    for (const auto &[Name, A] : Arrays)
      if (!Reached.count(Name)) {
        TableArrays["<" + Name + ">"].push_back(Name);
        Object Site{{"table", "<" + Name + ">"},
                    {"itemSize", static_cast<int64_t>(A.first)}};
        Probe(Site, "item", "'" + Name + "' (dispatched elsewhere)");
      }
    if (const Array *Cs = arr(Tu, "dispatchCalls"))
      for (const Value &V : *Cs)
        if (const Object *C = V.getAsObject();
            C && str(*C, "family") != "property")
          Probe(*C, str(*C, "family"), str(*C, "api"));
    if (const Array *Ts = arr(Tu, "automationTables"))
      for (const Value &V : *Ts)
        if (const Object *T = V.getAsObject(); T && str(*T, "framework") == "ks")
          for (const char *Family : {"method", "event"})
            if (const Object *F = T->getObject(Family)) {
              Object Copy = *F;
              Copy["location"] = orNull(T->get("location"));
              Probe(Copy, Family, "KSAUTOMATION_TABLE '" + str(*T, "name") + "'");
            }
  }

  // --- PortCls tables ---------------------------------------------------------

  void replayPortCls() {
    struct PcArray {
      std::vector<ksref::PcItem> Items;
      std::vector<Span> Entries;
      Span Where;
      uint32_t ElementSize = 24;
      bool Extended = false;
    };
    std::map<std::string, PcArray> Arrays;
    if (const Array *As = arr(Tu, "itemArrays"))
      for (const Value &V : *As) {
        const Object *A = V.getAsObject();
        if (!A || str(*A, "framework") != "portcls" ||
            str(*A, "family") != "property")
          continue;
        PcArray P;
        P.Where = span(A->get("location"));
        P.ElementSize = u32(*A, "elementSize", 24);
        P.Extended = A->getBoolean("extended").value_or(false);
        if (const Array *Items = arr(*A, "items"))
          for (const Value &IV : *Items) {
            const Object *I = IV.getAsObject();
            if (!I)
              continue;
            ksref::PcItem Item;
            if (const Object *G = I->getObject("propertySet")) {
              std::string Value = str(*G, "value");
              Item.Set = Value.empty() ? str(*G, "name") : Value;
            }
            Item.Id = u32(*I, "id");
            Item.Flags = u32(*I, "flags");
            Item.Handler = handler(I->get("handler"));
            if (const Object *X = I->getObject("extension")) {
              Item.Extended = true;
              Item.ExtMinData = u32(*X, "minData");
              Item.ExtMinProperty = u32(*X, "minProperty");
              if (const Object *Hs = X->getObject("handlers")) {
                // get, set, support in that order; others follow.
                std::vector<std::pair<int, ksref::HandlerEffects>> Ordered;
                for (const auto &KV : *Hs) {
                  llvm::StringRef Key = KV.first;
                  int Rank = Key.contains_insensitive("get")       ? 0
                             : Key.contains_insensitive("set")     ? 1
                             : Key.contains_insensitive("support") ? 2
                                                                   : 3;
                  Ordered.emplace_back(Rank, handler(&KV.second));
                }
                std::stable_sort(Ordered.begin(), Ordered.end(),
                                 [](const auto &L, const auto &R) {
                                   return L.first < R.first;
                                 });
                for (auto &[Rank, H] : Ordered)
                  Item.ExtHandlers.push_back(H);
              }
            }
            P.Items.push_back(Item);
            P.Entries.push_back(span(I->get("location"), I->get("end")));
          }
        Arrays[str(*A, "name")] = std::move(P);
      }
    std::set<std::string> Walked;
    ksref::ImageCache PcImages; // the arrays above outlive it
    auto Replay = [&](const std::string &Name, uint32_t ItemSize, Span Site,
                      std::string Description) {
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
        bool SupportModelled =
            !Item.Extended ||
            (Item.ExtHandlers.size() > 2 && Item.ExtHandlers[2].present());
        if ((Item.Flags & ksref::PcItemFlagBasicSupport) && SupportModelled)
          Verbs.push_back(ksref::Verb::BasicSupport);
        for (ksref::Verb Verb : Verbs) {
          ksref::PropertyRequest R;
          R.Set = Item.Set;
          R.Id = Item.Id;
          R.V = Verb;
          // PortCls checks nothing: the smallest buffer a caller may send.
          R.DataLength = Item.Extended ? Item.ExtMinData : 0;
          ksref::DispatchOutcome O =
              ksref::dispatchPortClsProperty(A.Items, ItemSize, A.ElementSize,
                                             R, &PcImages);
          std::string Req = llvm::formatv("{0} {1} id {2} (value {3} bytes) "
                                          "through {4}",
                                          ksref::verbName(Verb), R.Set, R.Id,
                                          R.DataLength, Description)
                                .str();
          for (const ksref::Violation &V : O.Violations) {
            Span Where = A.Entries[J];
            if (V.Check == "ks-property-item-size")
              Where = Site;
            else if (!StrideOk) {
              if (V.Check != "ks-property-missing-handler")
                continue;
              Where = A.Where; // the extension read from the wrong entry
            } else if (V.Check == "ks-property-min-size" && Item.Extended) {
              // The extension's MinData, not the PCPROPERTY_ITEM.
              Where.EndLine = std::max(Where.EndLine, Where.Line + 2);
            }
            report(V.Check.c_str(), Where, V.What, Req);
          }
          if (StrideOk && O.EntryIndex >= 0 &&
              static_cast<size_t>(O.EntryIndex) != J)
            report("ks-property-duplicate-id", A.Entries[J],
                   llvm::formatv("a request for {0}/{1} is served by entry "
                                 "{2}: this entry's handler never runs",
                                 R.Set, R.Id, O.EntryIndex)
                       .str(),
                   Req);
        }
      }
    };
    if (const Array *Ts = arr(Tu, "automationTables"))
      for (const Value &V : *Ts)
        if (const Object *T = V.getAsObject();
            T && str(*T, "framework") == "portcls")
          if (const Object *P = T->getObject("property")) {
            std::string Table = str(*P, "table");
            Span Site = span(P->get("itemSizeLocation"));
            if (Site.File.empty())
              Site = span(T->get("location"));
            auto Size = P->getInteger("itemSize");
            auto It = Arrays.find(Table);
            if (!Size || It == Arrays.end())
              continue;
            auto Count = P->getInteger("count");
            std::string Description = "PCAUTOMATION_TABLE '" + str(*T, "name") + "'";
            if (Count && static_cast<size_t>(*Count) != It->second.Items.size()) {
              // PortCls takes PropertyCount items: past the array, or short.
              Span CountWhere = span(P->get("countLocation"));
              if (CountWhere.File.empty())
                CountWhere = Site;
              report("ks-property-set-count", CountWhere,
                     llvm::formatv("PortCls registers {0} of the {1} items "
                                   "of '{2}'",
                                   *Count, It->second.Items.size(), Table)
                         .str(),
                     "registration of " + Description);
            }
            Replay(Table, static_cast<uint32_t>(*Size), Site, Description);
          }
    for (const auto &[Name, A] : Arrays)
      if (!Walked.count(Name))
        Replay(Name, A.ElementSize, A.Where, "'" + Name + "' (registered elsewhere)");
  }

  // --- allocators ---------------------------------------------------------------

  void replayAllocators();
  void replayUserMode();

  const Object &Tu;
  std::vector<RuntimeFinding> *Findings = nullptr;
  std::set<std::tuple<std::string, std::string, unsigned>> Seen;
  std::map<std::string, HandlerInfo> Handlers;
  std::map<std::string, ArrayInfo> Arrays;
  struct FastArrayInfo {
    std::vector<ksref::FastPropertyItem> Items;
    std::vector<Span> Entries;
  };
  std::map<std::string, FastArrayInfo> FastArrays;
  std::map<std::string, SetTableInfo> SetTables;
  /// Item-array images for the requests replayed against Arrays.
  ksref::ImageCache Images;
};

void TuReplay::replayAllocators() {
  std::map<std::string, std::pair<ksref::FramingModel, Span>> Framings;
  if (const Array *Fs = arr(Tu, "framings"))
    for (const Value &V : *Fs)
      if (const Object *F = V.getAsObject()) {
        ksref::FramingModel M;
        M.Frames = u32(*F, "frames", 1);
        M.FrameSize = u32(*F, "minFrameSize");
        M.FileAlignment = u32(*F, "fileAlignment");
        M.Flags = u32(*F, "flags");
        M.MemoryType = str(*F, "memoryType");
        Framings[str(*F, "name")] = {M, span(F->get("location"))};
      }
  std::map<std::string, std::string> DispatchAllocator;
  if (const Array *Ps = arr(Tu, "pinDispatches"))
    for (const Value &V : *Ps)
      if (const Object *P = V.getAsObject())
        DispatchAllocator[str(*P, "name")] = str(*P, "allocator");
  struct PinUse {
    ksref::PinModel Pin;
    Span Flags, Framing;
  };
  std::map<std::string, std::vector<PinUse>> PinsOf;
  if (const Array *Ps = arr(Tu, "pins"))
    for (const Value &V : *Ps)
      if (const Object *P = V.getAsObject()) {
        auto It = DispatchAllocator.find(str(*P, "dispatch"));
        if (It == DispatchAllocator.end() || It->second.empty())
          continue;
        PinUse U;
        U.Pin.Name = "pin " + std::to_string(u32(*P, "index")) + " of '" +
                     str(*P, "array") + "'";
        U.Pin.CustomAllocator = true;
        U.Pin.DenyUserMode = u32(*P, "flags") & 0x80000000u;
        U.Flags = span(P->get("flagsLocation"));
        if (U.Flags.File.empty())
          U.Flags = span(P->get("location"));
        if (auto F = Framings.find(str(*P, "allocatorFraming"));
            F != Framings.end()) {
          U.Pin.Framing = F->second.first;
          U.Pin.HasFraming = true;
          U.Framing = F->second.second;
        }
        PinsOf[It->second].push_back(U);
      }

  const Array *Ds = arr(Tu, "allocatorDispatches");
  if (!Ds)
    return;
  for (const Value &V : *Ds) {
    const Object *D = V.getAsObject();
    if (!D)
      continue;
    const std::string Name = str(*D, "name");
    const Span DispatchWhere = span(D->get("location"));
    auto Callback = [&](const char *Key) { return D->getObject(Key); };
    auto Effects = [&](const char *Key) -> const Object * {
      const Object *C = Callback(Key);
      return C ? C->getObject("effects") : nullptr;
    };
    // The contract kept: every callback present, no defect recorded.
    ksref::AllocatorDispatchModel Base;
    Base.Name = Name;
    Base.Initialize.Present = Callback("initializeAllocator") != nullptr;
    Base.Initialize.Function = Callback("initializeAllocator")
                                   ? str(*Callback("initializeAllocator"), "name")
                                   : "";
    Base.Delete.Present = Callback("deleteAllocator") != nullptr;
    Base.Allocate.Present = Callback("allocate") != nullptr;
    Base.Allocate.Function =
        Callback("allocate") ? str(*Callback("allocate"), "name") : "";
    Base.Free.Present = Callback("free") != nullptr;
    ksref::AllocatorDispatchModel Clean = Base;
    Clean.Initialize.Present = Clean.Delete.Present = Clean.Allocate.Present =
        Clean.Free.Present = true;

    std::vector<PinUse> Pins = PinsOf[Name];
    if (Pins.empty()) {
      PinUse U;
      U.Pin.Name = "a kernel-only pin";
      U.Pin.CustomAllocator = true;
      U.Pin.DenyUserMode = true;
      Pins.push_back(U);
    }
    // One fact at a time, so that each failure is the fact's.
    auto Run = [&](const ksref::AllocatorDispatchModel &M, const PinUse &Pin,
                   const char *Check, const Span &Where, const std::string &Step) {
      ksref::AllocatorRun R =
          ksref::runAllocatorLifecycle(M, Pin.Pin, !Pin.Pin.DenyUserMode);
      for (const ksref::Violation &Vi : R.Violations)
        if (Vi.Check == Check) {
          report(Check, Where, Vi.What, Step + " for " + Pin.Pin.Name);
          break;
        }
    };
    const PinUse &First = Pins.front();
    PinUse KernelOnly = First;
    KernelOnly.Pin.DenyUserMode = true;
    KernelOnly.Pin.HasFraming = false;

    // ks-allocator-dispatch-callbacks: the missing member, called.
    if (!Base.Initialize.Present || !Base.Delete.Present ||
        !Base.Allocate.Present || !Base.Free.Present)
      Run(Base, KernelOnly, "ks-allocator-dispatch-callbacks", DispatchWhere,
          "allocator life cycle of '" + Name + "'");
    // A callback of another arity: AVStream passes the slot's arguments.
    for (const char *Key : {"initializeAllocator", "deleteAllocator",
                            "allocate", "free"}) {
      const Object *C = Callback(Key);
      if (!C)
        continue;
      if (C->getBoolean("returnMismatch").value_or(false) &&
          std::string(Key) == "allocate") {
        // AVStream takes whatever Allocate returns for the frame: here a
        // status code, 0 on success.
        ksref::AllocatorDispatchModel M = Clean;
        M.Allocate.ReturnsSentinel = true;
        ksref::AllocatorRun R =
            ksref::runAllocatorLifecycle(M, KernelOnly.Pin, false);
        if (!R.Violations.empty())
          report("ks-allocator-dispatch-callbacks", span(C->get("slotLocation")),
                 "AVStream reads the status '" + str(*C, "name") +
                     "' returns as the frame: " + R.Violations.front().What,
                 "allocate of '" + Name + "'");
      }
      auto Have = C->getInteger("parameters"), Want = C->getInteger("slotParameters");
      if (!Have || !Want || *Have == *Want)
        continue;
      // Free(Context, Frame) into Free(Frame): the callback frees the
      // context as if it were the frame; the frame itself is never freed.
      ksref::FrameTracker Tracker("ks-allocator-dispatch-callbacks");
      ksref::Frame F = Tracker.allocate(First.Pin.Framing.FrameSize
                                            ? First.Pin.Framing.FrameSize
                                            : 4096);
      Tracker.free(F.Id + 0x1000000); // the context, not a frame
      std::string What =
          Tracker.violations().empty()
              ? std::string("the callback receives the wrong arguments")
              : Tracker.violations().front().What;
      if (!Tracker.leaks().empty())
        What += "; the frame is never freed";
      report("ks-allocator-dispatch-callbacks", span(C->get("slotLocation")),
             "'" + str(*C, "name") + "' takes " + std::to_string(*Have) +
                 " parameters, AVStream passes " + std::to_string(*Want) +
                 ": " + What,
             std::string(Key) + " of '" + Name + "'");
    }

    // ks-allocator-context.
    if (const Object *E = Effects("initializeAllocator")) {
      struct {
        const char *Key;
        bool ksref::InitializeEffects::*Flag;
      } Facts[] = {
          {"successWithoutContext", &ksref::InitializeEffects::SuccessWithoutContext},
          {"successAfterFailedAllocation",
           &ksref::InitializeEffects::SuccessAfterFailedAllocation},
          {"ignoresPinAndFraming", &ksref::InitializeEffects::IgnoresPinAndFraming},
      };
      for (const auto &Fact : Facts)
        if (E->get(Fact.Key)) {
          ksref::AllocatorDispatchModel M = Clean;
          M.Initialize.*Fact.Flag = true;
          Run(M, KernelOnly, "ks-allocator-context", span(E->get(Fact.Key)),
              std::string("InitializeAllocator (") + Fact.Key + ")");
        }
      std::string Stored = str(*E, "storedContextType");
      if (!Stored.empty())
        for (const char *Key : {"allocate", "free", "deleteAllocator"})
          if (const Object *CE = Effects(Key)) {
            std::string Read = str(*CE, "contextCastType");
            if (Read.empty() || Read == Stored)
              continue;
            ksref::AllocatorDispatchModel M = Clean;
            M.Initialize.StoredType = Stored;
            if (std::string(Key) == "allocate")
              M.Allocate.ContextType = Read;
            else if (std::string(Key) == "free")
              M.Free.ContextType = Read;
            else
              M.Delete.ContextType = Read;
            Run(M, KernelOnly, "ks-allocator-context",
                span(CE->get("contextCastLocation")),
                std::string(Key) + " reading its context");
          }
    }

    // ks-allocate-null-on-failure.
    if (const Object *E = Effects("allocate")) {
      struct {
        const char *Key;
        bool ksref::AllocateEffects::*Flag;
      } Facts[] = {
          {"returnsUninitialized", &ksref::AllocateEffects::MayReturnUninitialized},
          {"returnsSentinel", &ksref::AllocateEffects::ReturnsSentinel},
          {"returnsFreed", &ksref::AllocateEffects::ReturnsFreed},
          {"raisesInsteadOfNull", &ksref::AllocateEffects::Raises},
      };
      for (const auto &Fact : Facts)
        if (E->get(Fact.Key)) {
          ksref::AllocatorDispatchModel M = Clean;
          M.Allocate.*Fact.Flag = true;
          Run(M, KernelOnly, "ks-allocate-null-on-failure", span(E->get(Fact.Key)),
              std::string("Allocate under memory pressure (") + Fact.Key + ")");
        }
      if (auto Size = E->getInteger("smallestAllocation"))
        for (const PinUse &Pin : Pins) {
          if (!Pin.Pin.HasFraming)
            continue;
          ksref::AllocatorDispatchModel M = Clean;
          M.Allocate.FrameSize = static_cast<uint32_t>(*Size);
          M.Allocate.Alignment = ksref::poolAlignment(static_cast<uint32_t>(*Size));
          PinUse P = Pin;
          P.Pin.DenyUserMode = true;
          Run(M, P, "ks-allocate-null-on-failure",
              span(E->get("smallestAllocationLocation")), "Allocate");
        }
    }

    // ks-allocator-user-mode-frames.
    bool FromPool = true;
    if (const Object *E = Effects("allocate"))
      FromPool = E->getBoolean("allocatesFromPool").value_or(true);
    for (const PinUse &Pin : Pins) {
      if (Pin.Flags.File.empty())
        continue;
      ksref::AllocatorDispatchModel M = Clean;
      M.Allocate.FromKernelPool = FromPool;
      PinUse P = Pin;
      P.Pin.HasFraming = false;
      if (!Pin.Pin.DenyUserMode)
        Run(M, P, "ks-allocator-user-mode-frames", Pin.Flags,
            "frames delivered to a user-mode client");
      if (Pin.Pin.HasFraming && Pin.Pin.Framing.wantsUserMemory()) {
        PinUse Q = Pin;
        Q.Pin.DenyUserMode = true;
        Run(M, Q, "ks-allocator-user-mode-frames", Pin.Framing,
            "frames for a KSMEMORY_TYPE_USER framing");
      }
    }
  }
}

void TuReplay::replayUserMode() {
  if (const Array *Cs = arr(Tu, "allocatorModeCalls"))
    for (const Value &V : *Cs)
      if (const Object *C = V.getAsObject()) {
        auto Flags = C->getInteger("requirementsFlags");
        if (!Flags)
          continue;
        auto Mode = str(*C, "mode") == "user" ? ksref::AllocatorMode::User
                                                : ksref::AllocatorMode::Kernel;
        for (const ksref::Violation &Vi :
             ksref::setAllocatorMode(Mode, static_cast<uint32_t>(*Flags)))
          report(Vi.Check.c_str(), span(C->get("location")), Vi.What,
                 llvm::formatv("KsSetAllocatorMode({0}) over requirements "
                               "{1:x}",
                               str(*C, "mode"), *Flags)
                     .str());
      }
  if (const Array *As = arr(Tu, "bufferAllocations"))
    for (const Value &V : *As)
      if (const Object *A = V.getAsObject()) {
        const Value *Use = A->get("pageAlignedUse");
        if (!Use || Use->kind() == Value::Null)
          continue; // no page-aligned read to replay
        bool PageSize = str(*A, "method") == "AllocatePageSizeBuffer";
        ksref::WmsBuffer B = PageSize ? ksref::allocatePageSizeBuffer(65536)
                                      : ksref::allocateBuffer(65536);
        for (const ksref::Violation &Vi : ksref::unbufferedRead(B).Violations)
          report(Vi.Check.c_str(), span(A->get("location")), Vi.What,
                 "an unbuffered read into a buffer from " + str(*A, "method"));
      }
}

} // namespace

std::vector<RuntimeFinding> replayModel(const Value &Document) {
  std::vector<RuntimeFinding> Out;
  const Object *Doc = Document.getAsObject();
  const Array *Tus = Doc ? Doc->getArray("translationUnits") : nullptr;
  if (!Tus)
    return Out;
  for (const Value &V : *Tus)
    if (const Object *Tu = V.getAsObject())
      TuReplay(*Tu).run(Out);
  std::sort(Out.begin(), Out.end(), [](const RuntimeFinding &A,
                                       const RuntimeFinding &B) {
    return std::tie(A.File, A.Line, A.Check) < std::tie(B.File, B.Line, B.Check);
  });
  Out.erase(std::unique(Out.begin(), Out.end(),
                        [](const RuntimeFinding &A, const RuntimeFinding &B) {
                          return std::tie(A.File, A.Line, A.Check) ==
                                 std::tie(B.File, B.Line, B.Check);
                        }),
            Out.end());
  return Out;
}

std::vector<ComparisonRow>
compareFindings(const std::vector<Finding> &Static,
                const std::vector<RuntimeFinding> &Runtime,
                llvm::StringRef BaseDir) {
  std::vector<ComparisonRow> Rows;
  std::vector<bool> Used(Runtime.size(), false);
  for (const Finding &F : Static) {
    if (F.IsError)
      continue;
    std::string File = displayPath(F.Where.File, BaseDir);
    ComparisonRow Row;
    Row.Check = F.Check;
    Row.Where = File + ":" + std::to_string(F.Where.Line);
    Row.Static = F.Message;
    Row.Runtime = "-";
    Row.Verdict = "static-only";
    for (size_t I = 0; I < Runtime.size(); ++I) {
      const RuntimeFinding &R = Runtime[I];
      if (R.Check == F.Check && R.File == File && R.Line <= F.Where.Line &&
          F.Where.Line <= R.EndLine) {
        Row.Runtime = R.What;
        Row.Verdict = "confirmed";
        Used[I] = true;
      }
    }
    Rows.push_back(std::move(Row));
  }
  for (size_t I = 0; I < Runtime.size(); ++I) {
    if (Used[I])
      continue;
    const RuntimeFinding &R = Runtime[I];
    Rows.push_back({R.Check, R.File + ":" + std::to_string(R.Line), "-",
                    R.What + " [" + R.Request + "]", "runtime-only"});
  }
  return Rows;
}

void printRuntimeFindings(llvm::raw_ostream &OS,
                          const std::vector<RuntimeFinding> &Findings) {
  for (const RuntimeFinding &F : Findings)
    OS << F.File << ":" << F.Line << ": runtime: " << F.What << " ["
       << F.Check << "]\n    request: " << F.Request << "\n";
}

void printComparison(llvm::raw_ostream &OS,
                     const std::vector<ComparisonRow> &Rows) {
  OS << llvm::formatv("{0,-13} {1,-32} {2,-40} {3}\n", "verdict", "check",
                      "where", "static | runtime");
  for (const ComparisonRow &R : Rows) {
    auto Cut = [](const std::string &S) {
      return S.size() > 70 ? S.substr(0, 67) + "..." : S;
    };
    OS << llvm::formatv("{0,-13} {1,-32} {2,-40} {3} | {4}\n", R.Verdict,
                        R.Check, R.Where, Cut(R.Static), Cut(R.Runtime));
  }
}

Value comparisonToJson(const std::vector<ComparisonRow> &Rows) {
  Array Out;
  for (const ComparisonRow &R : Rows)
    Out.push_back(Object{{"check", R.Check},
                         {"where", R.Where},
                         {"static", R.Static},
                         {"runtime", R.Runtime},
                         {"verdict", R.Verdict}});
  return Out;
}

} // namespace ks

