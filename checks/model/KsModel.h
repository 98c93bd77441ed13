//===- KsModel.h - What the KS runtime will see in a translation unit -----===//
//
// The model is the single interpretation of a driver's KS tables that every
// check reads: which item arrays exist and what their entries are, which set
// tables point at them, with which item size each table is dispatched, and
// which handlers reach back into the runtime's per-IRP item storage; which
// custom allocators the pins install and what their callbacks do; what
// user-mode proxy code does with allocators. ModelBuilder fills it from the
// AST; checks never re-walk initializers.
//
// Each domain has its header (PropertyModel.h, AllocatorModel.h,
// UserModeModel.h, RequestModel.h, DescriptorModel.h); KsModel is all five,
// with the queries that cross them.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_KSMODEL_H
#define KSTIDY_CHECKS_MODEL_KSMODEL_H

#include "AllocatorModel.h"
#include "DescriptorModel.h"
#include "PropertyModel.h"
#include "RequestModel.h"
#include "UserModeModel.h"

#include <string>
#include <utility>
#include <vector>

namespace ks {
namespace model {

class KsModel : public PropertyModel,
                public AllocatorModel,
                public UserModeModel,
                public RequestModel,
                public DescriptorModel {
public:
  /// Facts about an allocator callback, by canonical decl.
  const AllocatorCallbackFacts *
  callbackFacts(const clang::FunctionDecl *FD) const;
  /// The pins whose dispatch installs \p D.
  std::vector<const PinDescriptor *>
  pinsUsing(const AllocatorDispatch *D) const;

  /// What each handler named by a property item does, by canonical decl.
  const HandlerAccess *accessOf(const clang::FunctionDecl *FD) const;

  const ItemArray *itemArrayFor(const clang::VarDecl *VD) const;
  const SetTable *setTableFor(const clang::VarDecl *VD) const;

  /// The sites that dispatch a set table.
  std::vector<const ItemSizeSite *> dispatchesOf(const SetTable *T) const;
  /// The set entries (and their tables) whose items or fast items are \p A.
  std::vector<std::pair<const SetTable *, const SetEntry *>>
  setsPointingAt(const ItemArray *A) const;

  /// "property KSPROPSETID_Foo/KSPROPERTY_FOO_GAIN (entry 2 of 'FooItems')":
  /// how findings name an item.
  std::string describeEntry(const ItemArray &A, const ItemEntry &E) const;

  /// "Tables[1]" for an element of an automation table array, else the
  /// table's qualified name.
  static std::string siteTableName(const ItemSizeSite &S);

  /// "pin 0 of 'MetadataPins'".
  static std::string describePin(const PinDescriptor &P);
  /// "pin 2 of 'MiniportPins'" (or "pin 'OnlyPin'" for a single object).
  static std::string describePin(const DescriptorPin &P);
  /// "filter descriptor 'MiniportFilterDescriptor'" ("...'Descs[1]'").
  static std::string describeFilter(const FilterDescriptor &F);

  /// Set tables of \p F whose item arrays point at \p Handler.
  std::vector<const SetTable *>
  setTablesReaching(const clang::FunctionDecl *Handler, ItemFamily F) const;

  /// The stride the runtime uses for a site: an explicit size, or the base
  /// item size where 0 means "plain items" (ks.sys only).
  std::optional<uint64_t> effectiveStride(const ItemSizeSite &S,
                                          clang::ASTContext &Ctx) const;

  /// What \p Handler (canonical) reads through the per-IRP item storage.
  ItemStorageRead itemStorageRead(const clang::FunctionDecl *Handler,
                                  const clang::ASTContext &Ctx) const;

  /// Every handler an item array names that has a HandlerAccess, once, in
  /// the order of the arrays and their handlers.
  std::vector<std::pair<const clang::FunctionDecl *, const HandlerAccess *>>
  handlerAccesses() const;

  /// Forgets everything (a new translation unit): every container of every
  /// domain, by value.
  void clear() { *this = KsModel(); }
};

} // namespace model
} // namespace ks

#endif
