//===- KsModel.h - What the KS runtime will see in a translation unit -----===//
//
// The model is the single interpretation of a driver's KS tables that every
// check reads: which item arrays exist and what their entries are, which set
// tables point at them, with which item size each table is dispatched, and
// which handlers reach back into the runtime's per-IRP item storage.
// ModelBuilder fills it from the AST; checks never re-walk initializers.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_KSMODEL_H
#define KSTIDY_CHECKS_MODEL_KSMODEL_H

#include "KsTypes.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace ks {
namespace model {

/// An array of KS/PortCls items (KSPROPERTY_ITEM[], an extended item
/// struct[], PCPROPERTY_ITEM[] ...), as initialized in the source.
struct ItemArray {
  const clang::VarDecl *Var = nullptr; ///< the declaration with the initializer
  clang::QualType ElementType;
  ItemTypeInfo Info;
  std::optional<uint64_t> ElementSize;
  uint64_t Count = 0;
  /// Every function an entry points at (get/set/support/method/event
  /// handlers), canonical declarations.
  std::vector<const clang::FunctionDecl *> Handlers;

  bool refersTo(const clang::FunctionDecl *FD) const;
};

/// One KSPROPERTY_SET / KSMETHOD_SET / KSEVENT_SET entry.
struct SetEntry {
  const clang::Expr *Init = nullptr;
  const ItemArray *Items = nullptr; ///< null when not visible or NULL
};

/// An array of set entries, as handed to the KS handlers or an automation
/// table.
struct SetTable {
  const clang::VarDecl *Var = nullptr;
  ItemFamily Family = ItemFamily::Property;
  std::vector<SetEntry> Entries;
};

/// Where an item size reaches the runtime.
enum class SiteKind {
  HandlerCall,        ///< KsPropertyHandler(WithAllocator) & co.
  KsAutomationTable,  ///< a KSAUTOMATION_TABLE field
  PcAutomationTable,  ///< a PCAUTOMATION_TABLE field
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
  const clang::CallExpr *Call = nullptr;    ///< HandlerCall
  const clang::VarDecl *Table = nullptr;    ///< automation tables
  const SetTable *Sets = nullptr;           ///< KS: the sets it dispatches
  const ItemArray *PcItems = nullptr;       ///< PortCls: the items it walks
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

/// A driver struct that extends a base item (first member is the item).
struct ExtendedItemRecord {
  const clang::RecordDecl *Record = nullptr;
  ItemTypeInfo Info;
};

class KsModel {
public:
  std::deque<ItemArray> ItemArrays;
  std::deque<SetTable> SetTables;
  std::vector<ItemSizeSite> Sites;
  std::vector<ItemStorageCast> StorageCasts;
  std::vector<ExtendedItemRecord> ExtendedRecords;

  const ItemArray *itemArrayFor(const clang::VarDecl *VD) const;
  const SetTable *setTableFor(const clang::VarDecl *VD) const;

  /// The sites that dispatch a set table.
  std::vector<const ItemSizeSite *> dispatchesOf(const SetTable *T) const;
  /// Set tables of \p F whose item arrays point at \p Handler.
  std::vector<const SetTable *>
  setTablesReaching(const clang::FunctionDecl *Handler, ItemFamily F) const;

  /// The stride the runtime uses for a site: an explicit size, or the base
  /// item size where 0 means "plain items" (ks.sys only).
  std::optional<uint64_t> effectiveStride(const ItemSizeSite &S,
                                          clang::ASTContext &Ctx) const;

  void clear();

private:
  friend class ModelBuilder;
  llvm::DenseMap<const clang::VarDecl *, ItemArray *> ArrayByVar;
  llvm::DenseMap<const clang::VarDecl *, SetTable *> SetByVar;
};

} // namespace model
} // namespace ks

#endif
