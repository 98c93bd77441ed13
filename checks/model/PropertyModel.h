//===- PropertyModel.h - Item arrays, set tables and their dispatch -------===//
//
// The property/method/event domain of the KS model: the item arrays a
// driver initializes, the set tables that point at them, the sites that hand
// them to the runtime with an item size, and what each property handler
// does with the buffers it gets.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_PROPERTYMODEL_H
#define KSTIDY_CHECKS_MODEL_PROPERTYMODEL_H

#include "AccessRule.h"
#include "KsTypes.h"
#include "ModelValues.h"

#include "llvm/ADT/DenseMap.h"
#include <deque>
#include <utility>
#include <vector>

namespace ks {
namespace model {

/// One entry of an item array, as the runtime will read it. The fields are
/// named after the property item; what each holds by family:
///
/// | field       | KS property        | KS method       | KS event       |
/// |-------------|--------------------|-----------------|----------------|
/// | Id          | PropertyId         | MethodId        | EventId        |
/// | MinProperty | MinProperty        | MinMethod       | (unused)       |
/// | MinData     | MinData            | MinData         | DataInput      |
/// | Get         | GetPropertyHandler | MethodHandler   | AddHandler     |
/// | Set         | SetPropertyHandler | (unused)        | RemoveHandler  |
/// | Support     | SupportHandler     | SupportHandler  | SupportHandler |
///
/// Get and Set read a union of ks.h: whichever member the initializer sets,
/// the handler or its BOOLEAN flag (GetSupported, SetSupported,
/// MethodSupported).
///
/// A KSFASTPROPERTY_ITEM fills Id, Get and Set. A PortCls item
/// (PCPROPERTY_ITEM & co.) fills Id, PcSet, Flags and PcHandler only.
struct ItemEntry {
  const clang::Expr *Init = nullptr; ///< the entry's initializer
  unsigned Index = 0;
  TableValue Id;
  TableValue MinProperty;
  TableValue MinData;
  HandlerRef Get;
  HandlerRef Set;
  HandlerRef Support;
  // KSEVENT_ITEM: ExtraEntryData (the bytes the runtime allocates after the
  // KSEVENT_ENTRY of each enabled event).
  TableValue ExtraEntryData;
  // PortCls items (and KSMETHOD_ITEM: Flags, the method's request type)
  GuidRef PcSet;
  TableValue Flags;
  HandlerRef PcHandler;
  // An extended item's own fields (a struct whose first member is the item):
  // MinProperty / MinData / handler pointers the driver dispatches itself.
  TableValue ExtMinProperty;
  TableValue ExtMinData;
  std::vector<std::pair<std::string, HandlerRef>> ExtHandlers;
  /// The entry's initializer has errors: some of its values are unknown.
  bool HasErrors = false;
};

/// An array of KS/PortCls items (KSPROPERTY_ITEM[], an extended item
/// struct[], PCPROPERTY_ITEM[], KSFASTPROPERTY_ITEM[] ...), as initialized in
/// the source.
struct ItemArray {
  /// The declaration with the initializer: a variable, or a field of a
  /// driver struct whose object is initialized as a whole (then Owner).
  const clang::DeclaratorDecl *Var = nullptr;
  /// For a field: the variable whose aggregate initializer fills it.
  const clang::VarDecl *Owner = nullptr;
  clang::QualType ElementType;
  /// A single item object (not an array) that a set points at by address:
  /// an array of one to the runtime.
  bool Single = false;
  /// The initializer has errors (entries with errors hold unknown values).
  bool HasErrors = false;
  ItemTypeInfo Info;
  bool Fast = false; ///< KSFASTPROPERTY_ITEM[]
  std::optional<uint64_t> ElementSize;
  uint64_t Count = 0;
  std::vector<ItemEntry> Entries;
  /// Every function an entry points at (get/set/support/method/event
  /// handlers), canonical declarations.
  std::vector<const clang::FunctionDecl *> Handlers;

  bool refersTo(const clang::FunctionDecl *FD) const;
};

/// One KSPROPERTY_SET / KSMETHOD_SET / KSEVENT_SET entry.
struct SetEntry {
  const clang::Expr *Init = nullptr;
  GuidRef Set;
  TableValue ItemsCount; ///< PropertiesCount / MethodsCount / EventsCount
  const clang::Expr *ItemsExpr = nullptr;
  const ItemArray *Items = nullptr; ///< null when not visible or NULL
  bool ItemsNull = false;
  TableValue FastIoCount;
  const clang::Expr *FastItemsExpr = nullptr;
  const ItemArray *FastItems = nullptr;
  bool FastItemsNull = false;
};

/// An array of set entries, as handed to the KS handlers or an automation
/// table.
struct SetTable {
  const clang::VarDecl *Var = nullptr;
  ItemFamily Family = ItemFamily::Property;
  bool IsArray = true;    ///< false: a single set object passed by address
  bool HasErrors = false; ///< the initializer has errors
  std::vector<SetEntry> Entries;
};

/// What a handler does with the buffers the runtime hands it.
struct HandlerAccess {
  const clang::FunctionDecl *Definition = nullptr;
  Framework Fw = Framework::Ks;
  /// The largest struct the handler reads its Property/Request argument as
  /// (KS: `(PKSP_PIN)Request`).
  std::optional<uint64_t> PropertyRead;
  clang::QualType PropertyType;
  const clang::Expr *PropertyReadExpr = nullptr;
  /// The largest access through Data (KS) / PropertyRequest->Value (PortCls).
  std::optional<uint64_t> DataAccess;
  clang::QualType DataType; ///< null for a sized memcpy/memset
  const clang::Expr *DataAccessExpr = nullptr;
  /// Each buffer is judged on its own and along the paths to its access:
  /// PropertyRead/DataAccess are the largest access that no check of that
  /// buffer's length guards (one on every path before it), else the largest
  /// guarded one. A check is a read of the buffer's own length (KS:
  /// InputBufferLength for the property argument, OutputBufferLength for
  /// Data; PortCls: ValueSize for Value) or handing the IRP / request to a
  /// function of the driver's that may look at either.
  bool ChecksPropertyLength = false; ///< PropertyRead is guarded
  bool ChecksDataLength = false;     ///< DataAccess is guarded

  /// Every access, each with the item ids that reach it (AccessRule.h).
  struct Access {
    AccessFact Fact;
    clang::QualType Type; ///< null for a sized memcpy/memset
    const clang::Expr *Where = nullptr;
  };
  std::vector<Access> Accesses;
  /// The ids the handler's branches on the item id name, sorted.
  std::vector<int64_t> NamedIds;
};

/// Where an item size reaches the runtime.
enum class SiteKind {
  HandlerCall,       ///< KsPropertyHandler(WithAllocator) & co.
  KsAutomationTable, ///< a KSAUTOMATION_TABLE field
  PcAutomationTable, ///< a PCAUTOMATION_TABLE field
};

/// One item size the runtime will use to step through an item array.
struct ItemSizeSite {
  SiteKind Kind = SiteKind::HandlerCall;
  ItemFamily Family = ItemFamily::Property;
  Framework Fw = Framework::Ks;
  /// The API or table type that carries the size.
  std::string Api;
  /// The size expression; null when the API has no size parameter
  /// (KsPropertyHandler: the runtime assumes plain items).
  const clang::Expr *SizeExpr = nullptr;
  /// The size's value, when it is a constant.
  std::optional<uint64_t> Value;
  /// The count passed or stored beside the table (PropertySetsCount,
  /// PCAUTOMATION_TABLE PropertyCount).
  TableValue Count;
  /// KsFastPropertyHandler: walks the sets' FastIoTables, not their items.
  bool FastIo = false;
  /// The table pointer is NULL (an empty automation table, or a bug when
  /// the count is not 0).
  bool TargetNull = false;
  const clang::CallExpr *Call = nullptr; ///< HandlerCall
  const clang::VarDecl *Table = nullptr; ///< automation tables
  /// The element of an automation table array (`PCAUTOMATION_TABLE T[]`),
  /// -1 for a table variable of its own.
  int TableIndex = -1;
  const SetTable *Sets = nullptr;     ///< KS: the sets it dispatches
  const ItemArray *PcItems = nullptr; ///< PortCls: the items it walks
  /// Where to report: the size expression, or the call / table.
  clang::SourceLocation Loc;
};

/// A cast of the runtime's per-IRP item pointer
/// (KSPROPERTY_ITEM_IRP_STORAGE & co.) to an extended item type.
struct ItemStorageCast {
  const clang::FunctionDecl *Handler = nullptr; ///< canonical
  const clang::ExplicitCastExpr *Cast = nullptr;
  ItemFamily Family = ItemFamily::Property;
  clang::QualType Target; ///< the pointee type the handler reads
};

/// What a handler reads through the runtime's per-IRP item pointer: the
/// largest item over its casts of it whose target size is known, and the
/// first and last of those casts.
struct ItemStorageRead {
  std::optional<uint64_t> Size;
  const ItemStorageCast *First = nullptr, *Last = nullptr;
};

/// A driver struct that extends a base item (first member is the item).
struct ExtendedItemRecord {
  const clang::RecordDecl *Record = nullptr;
  ItemTypeInfo Info;
};

/// The tables of one translation unit and where they are dispatched.
struct PropertyModel {
  std::deque<ItemArray> ItemArrays;
  std::deque<SetTable> SetTables;
  std::vector<ItemSizeSite> Sites;
  std::vector<ItemStorageCast> StorageCasts;
  std::vector<ExtendedItemRecord> ExtendedRecords;
  /// Every function defined in user code with a property handler's
  /// signature (KS: (PIRP, PKSIDENTIFIER, PVOID); PortCls:
  /// (PPCPROPERTY_REQUEST)), named by a table of this TU or not: the
  /// whole-driver join's handlers (HandlerSummary.h).
  std::vector<std::pair<const clang::FunctionDecl *, Framework>>
      HandlerDefinitions;

private:
  friend class KsModel;
  friend class ModelBuilder;
  llvm::DenseMap<const clang::VarDecl *, ItemArray *> ArrayByVar;
  llvm::DenseMap<const clang::VarDecl *, SetTable *> SetByVar;
  llvm::DenseMap<const clang::FunctionDecl *, HandlerAccess> Accesses;
};

} // namespace model
} // namespace ks

#endif
