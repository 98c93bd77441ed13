//===- ReplayMethodsEvents.cpp - The strides of KS method and event tables ===//
//
// ksref dispatches properties only, but the item-size rule is the same walk
// over the same kind of array: each method or event array is projected onto
// a property-item image that keeps the difference between the stride a site
// uses and the entry size, and every entry must be found where it is.
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

class StrideReplay {
public:
  explicit StrideReplay(TuContext &C);

  /// A site that walks the arrays of \p Table with \p Size.
  void probe(std::optional<int64_t> Size, const Span &Where,
             const std::string &Table, llvm::StringRef Family,
             const std::string &Description);
  void run();

private:
  /// Walks one array up to the first entry not found where it is.
  void walk(const std::string &Name, uint32_t Size, const Span &Where,
            llvm::StringRef Family, const std::string &Description);

  TuContext &C;
  struct Array {
    uint32_t ElementSize = 0;
    std::vector<uint32_t> Ids;
    std::vector<Span> Entries;
  };
  std::map<std::string, Array> Arrays;
  /// The arrays each method / event set table holds, by table name.
  std::map<std::string, std::vector<std::string>> TableArrays;
};

StrideReplay::StrideReplay(TuContext &C) : C(C) {
  for (const schema::ItemArray &A : C.Tu.ItemArrays)
    if (A.Framework == schema::FrameworkKs &&
        A.Family != schema::FamilyProperty) {
      Array &Entry = Arrays[A.Name];
      Entry.ElementSize = u32(A.ElementSize);
      for (const schema::ItemEntry &I : A.Items) {
        Entry.Ids.push_back(u32(I.Id));
        Entry.Entries.push_back(span(I.Where, &I.End));
      }
    }
  for (const schema::SetTable &T : C.Tu.SetTables)
    if (T.Family != schema::FamilyProperty)
      for (const schema::SetEntry &E : T.Sets)
        TableArrays[T.Name].push_back(E.Items.value_or(""));
}

void StrideReplay::probe(std::optional<int64_t> Size, const Span &Where,
                         const std::string &Table, llvm::StringRef Family,
                         const std::string &Description) {
  if (!Size)
    return;
  // The size is validated before any table is read.
  ksref::DispatchOptions Opt;
  Opt.PropertyItemSize = static_cast<uint32_t>(*Size);
  ksref::PropertyRequest R;
  R.Set = "{kstidy-replay-probe}";
  if (ksref::dispatchProperty({}, 0, R, Opt).St ==
      ksref::Status::InvalidParameter) {
    C.report(Evidence::ItemSize, Where,
             llvm::formatv("every {0} request fails with "
                           "STATUS_INVALID_PARAMETER: item size {1} is "
                           "not a multiple of 8",
                           Family, *Size)
                 .str(),
             Description);
    return;
  }
  for (const std::string &Name : TableArrays[Table])
    walk(Name, static_cast<uint32_t>(*Size), Where, Family, Description);
}

void StrideReplay::walk(const std::string &Name, uint32_t Size,
                        const Span &Where, llvm::StringRef Family,
                        const std::string &Description) {
  auto It = Arrays.find(Name);
  if (It == Arrays.end() || It->second.Ids.empty())
    return;
  // ksref walks property-item images: project the method/event array onto
  // one, keeping what decides the walk — the difference between stride and
  // entry size, and the size's alignment. The stride the runtime uses: 0
  // means the plain item.
  const uint32_t Entry = It->second.ElementSize;
  const uint32_t Requested = Size ? Size : Entry;
  const uint32_t ItemSize = ksItemSize();
  ksref::ItemArray A;
  A.Name = Name;
  A.ElementSize = ItemSize;
  for (uint32_t Id : It->second.Ids) {
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
  int64_t Projected = static_cast<int64_t>(ItemSize) +
                      static_cast<int64_t>(Requested) -
                      static_cast<int64_t>(Entry);
  Opt.PropertyItemSize = static_cast<uint32_t>(std::max<int64_t>(Projected, 1));
  for (size_t J = 0; J < A.Items.size(); ++J) {
    ksref::PropertyRequest R;
    R.Set = Set.Guid;
    R.Id = A.Items[J].Id;
    ksref::DispatchOutcome O = ksref::dispatchProperty({Set}, 1, R, Opt);
    std::string Req =
        llvm::formatv("{0} id {1} through {2}", Family, R.Id, Description)
            .str();
    const bool Elsewhere =
        O.EntryIndex >= 0 && static_cast<size_t>(O.EntryIndex) != J;
    if (Requested == Entry && Elsewhere)
      C.report(Evidence::DuplicateId, It->second.Entries[J],
               llvm::formatv("a request for {0} {1} is served by entry "
                             "{2}: this entry never runs",
                             Family, R.Id, O.EntryIndex)
                   .str(),
               Req);
    bool Wrong =
        O.St == ksref::Status::InvalidParameter || Elsewhere || O.Faulted ||
        ksref::hasViolation(O.Violations, checkName(Evidence::ItemSize));
    if (Wrong) {
      C.report(Evidence::ItemSize, Where,
               llvm::formatv("{0} {1} of '{2}' is not found where it is: "
                             "the {3}-byte entries are walked {4} bytes "
                             "apart",
                             Family, R.Id, Name, Entry, Requested)
                   .str(),
               Req);
      break;
    }
  }
}

void StrideReplay::run() {
  std::set<std::string> Reached;
  for (const auto &[Table, Names] : TableArrays)
    for (const std::string &N : Names)
      Reached.insert(N);
  // Arrays no table of this TU holds: walked with their own stride, for
  // what the ids alone decide.
  for (const auto &[Name, A] : Arrays)
    if (!Reached.count(Name)) {
      TableArrays["<" + Name + ">"].push_back(Name);
      probe(A.ElementSize, Span(), "<" + Name + ">", "item",
            "'" + Name + "' (dispatched elsewhere)");
    }
  for (const schema::DispatchCall &D : C.Tu.DispatchCalls)
    if (D.Family != schema::FamilyProperty)
      probe(D.ItemSize, orElse(span(D.ItemSizeWhere), span(D.Where)),
            D.Table.value_or(""), D.Family, D.Api);
  for (const schema::AutomationTable &T : C.Tu.AutomationTables)
    if (T.Framework == schema::FrameworkKs)
      for (const auto &[Family, F] :
           {std::pair{schema::FamilyMethod, &T.Method},
            {schema::FamilyEvent, &T.Event}})
        if (*F)
          probe((*F)->ItemSize,
                orElse(span((*F)->ItemSizeWhere), span(T.Where)),
                (*F)->Table.value_or(""), Family,
                "KSAUTOMATION_TABLE '" + T.Name + "'");
}

} // namespace

void replayMethodAndEventStrides(TuContext &C) { StrideReplay(C).run(); }

} // namespace replay
} // namespace ks
