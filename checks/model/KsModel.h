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

/// A constant the driver wrote in a table, with where it was written.
struct TableValue {
  const clang::Expr *Expr = nullptr; ///< null when the field was omitted
  std::optional<uint64_t> Value;     ///< when constant (an omitted field is 0)
  /// The expression has errors (RecoveryExpr, an invalid declaration): the
  /// value is unknown and no check may judge it.
  bool Unresolved = false;

  /// Written, but its value is not known: not a constant, or has errors.
  bool unknown() const { return Unresolved || (Expr && !Value); }
};

/// A GUID as the driver names it: the variable (KSPROPSETID_Pin) and, when
/// its initializer is visible, its value.
struct GuidRef {
  const clang::Expr *Expr = nullptr;
  const clang::ValueDecl *Decl = nullptr; ///< canonical
  std::string Name;  ///< the variable's name, or the expression's text
  std::string Value; ///< "{8c134960-51ad-11cf-878a-94f801c10000}" or empty
  bool IsNull = false;
  bool Unresolved = false; ///< the expression has errors: an unknown set

  bool known() const { return !Unresolved && (Decl || !Value.empty()); }
  /// The same set: by value when both values are known, else by variable.
  bool sameAs(const GuidRef &O) const;
};

/// A handler slot of an item: a function, some other non-null value (a
/// BOOLEAN GetSupported, a function pointer variable), or nothing.
struct HandlerRef {
  const clang::Expr *Expr = nullptr;
  const clang::FunctionDecl *Function = nullptr; ///< canonical, when named
  bool Present = false; ///< anything but NULL/0/omitted
  /// The expression has errors (a function whose prototype did not parse):
  /// present, but nothing about it is known.
  bool Unresolved = false;

  std::string name() const;
};

/// One entry of an item array, as the runtime will read it.
struct ItemEntry {
  const clang::Expr *Init = nullptr; ///< the entry's initializer
  unsigned Index = 0;
  TableValue Id;          ///< PropertyId / MethodId / EventId / PortCls Id
  TableValue MinProperty; ///< KS MinProperty / MinMethod
  TableValue MinData;
  HandlerRef Get;     ///< KS GetPropertyHandler, MethodHandler, AddHandler
  HandlerRef Set;     ///< KS SetPropertyHandler, RemoveHandler
  HandlerRef Support; ///< KS SupportHandler
  // PortCls items
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
  TableValue ItemsCount;    ///< PropertiesCount / MethodsCount / EventsCount
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
  bool IsArray = true; ///< false: a single set object passed by address
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
  /// The handler reads the buffer lengths itself (KS: OutputBufferLength /
  /// InputBufferLength; PortCls: ValueSize), or hands the IRP / request to a
  /// function that may.
  bool ChecksLength = false;
};

/// A callback slot of a dispatch table (KSALLOCATOR_DISPATCH, KSPIN_DISPATCH).
struct CallbackRef {
  HandlerRef Ref;
  clang::QualType SlotType; ///< the PFN type of the field
  bool CastInTable = false; ///< an explicit cast sits between slot and function
};

/// A KSALLOCATOR_DISPATCH: the four callbacks AVStream calls.
struct AllocatorDispatch {
  const clang::VarDecl *Var = nullptr;
  CallbackRef Initialize, Delete, Allocate, Free;
};

/// KSALLOCATOR_FRAMING_EX (its first framing item) or KSALLOCATOR_FRAMING.
struct Framing {
  const clang::VarDecl *Var = nullptr;
  bool Ex = false;
  std::string MemoryType; ///< GUID value of the framing item (Ex only)
  TableValue Flags;       ///< framing item Flags / RequirementsFlags
  TableValue Frames;
  TableValue FileAlignment;
  TableValue MinFrameSize; ///< Ex: FramingRange.Range; plain: FrameSize
  TableValue MaxFrameSize;
};

/// A KSPIN_DISPATCH and the allocator it installs.
struct PinDispatch {
  const clang::VarDecl *Var = nullptr;
  const AllocatorDispatch *Allocator = nullptr;
  bool AllocatorNull = true; ///< no custom allocator: the default one
  const clang::Expr *AllocatorExpr = nullptr;
};

/// One KSPIN_DESCRIPTOR_EX entry.
struct PinDescriptor {
  const clang::VarDecl *Array = nullptr;
  unsigned Index = 0;
  const clang::Expr *Init = nullptr;
  const PinDispatch *Dispatch = nullptr;
  const Framing *AllocatorFraming = nullptr;
  TableValue Flags;
  TableValue DataFlow;
  TableValue Communication;
};

/// What an allocator callback's body does (AllocatorCallbacks.cpp).
struct AllocatorCallbackFacts {
  const clang::FunctionDecl *Definition = nullptr;
  // InitializeAllocator
  /// A `return STATUS_SUCCESS` reachable without storing *Context.
  const clang::Stmt *SuccessWithoutContext = nullptr;
  /// A `return STATUS_SUCCESS` in the branch where its allocation failed.
  const clang::Stmt *SuccessAfterFailedAllocation = nullptr;
  const clang::Expr *FailedAllocation = nullptr;
  /// The body never uses the Pin nor the AllocatorFraming parameter.
  bool IgnoresPinAndFraming = false;
  /// The type stored into *Context (pointee, canonical), when unique.
  clang::QualType StoredContextType;
  const clang::Expr *ContextStore = nullptr;
  // Allocate / Free / DeleteAllocator
  /// The struct the Context parameter is read as, when cast.
  clang::QualType ContextCastType;
  const clang::Expr *ContextCast = nullptr;
  // Allocate
  const clang::Stmt *ReturnsUninitialized = nullptr;
  const clang::Stmt *ReturnsSentinel = nullptr;
  const clang::Stmt *ReturnsFreed = nullptr;
  const clang::Expr *RaisesInsteadOfNull = nullptr;
  /// Pool allocations with a constant size (the smallest one).
  std::optional<uint64_t> SmallestAllocation;
  const clang::Expr *SmallestAllocationExpr = nullptr;
  bool AllocatesFromPool = false;
};

/// `IKsAllocatorEx::KsSetAllocatorMode(mode)` in user-mode proxy code, with
/// the framing requirements the same function sets up.
struct AllocatorModeCall {
  const clang::Expr *Call = nullptr;
  const clang::FunctionDecl *Function = nullptr;
  bool User = false; ///< KsAllocatorMode_User
  std::optional<uint64_t> RequirementsFlags;
  const clang::Expr *FlagsExpr = nullptr;
};

/// An IWMSBufferAllocator allocation and whether its function needs page
/// alignment (a FILE_FLAG_NO_BUFFERING handle, a page-alignment test).
struct WmsAllocation {
  const clang::Expr *Call = nullptr;
  const clang::FunctionDecl *Function = nullptr;
  bool PageSize = false; ///< AllocatePageSizeBuffer
  const clang::Expr *PageAlignedUse = nullptr;
  const char *PageAlignedWhy = nullptr;
};

/// A place that names IKsAllocatorEx (a declaration of that type, or
/// IID_IKsAllocatorEx).
struct AllocatorExUse {
  clang::SourceLocation Loc;
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
  /// The count passed or stored beside the table (PropertySetsCount,
  /// PCAUTOMATION_TABLE PropertyCount).
  TableValue Count;
  /// KsFastPropertyHandler: walks the sets' FastIoTables, not their items.
  bool FastIo = false;
  /// The table pointer is NULL (an empty automation table, or a bug when
  /// the count is not 0).
  bool TargetNull = false;
  const clang::CallExpr *Call = nullptr;    ///< HandlerCall
  const clang::VarDecl *Table = nullptr;    ///< automation tables
  /// The element of an automation table array (`PCAUTOMATION_TABLE T[]`),
  /// -1 for a table variable of its own.
  int TableIndex = -1;
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
  std::deque<AllocatorDispatch> AllocatorDispatches;
  std::deque<Framing> Framings;
  std::deque<PinDispatch> PinDispatches;
  std::vector<PinDescriptor> Pins;
  std::vector<AllocatorModeCall> ModeCalls;
  std::vector<WmsAllocation> WmsAllocations;
  std::vector<AllocatorExUse> AllocatorExUses;

  /// Facts about an allocator callback, by canonical decl.
  const AllocatorCallbackFacts *callbackFacts(const clang::FunctionDecl *FD) const;
  /// The pins whose dispatch installs \p D.
  std::vector<const PinDescriptor *> pinsUsing(const AllocatorDispatch *D) const;

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
  llvm::DenseMap<const clang::FunctionDecl *, HandlerAccess> Accesses;
  llvm::DenseMap<const clang::FunctionDecl *, AllocatorCallbackFacts> Callbacks;
  llvm::DenseMap<const clang::VarDecl *, AllocatorDispatch *> DispatchByVar;
  llvm::DenseMap<const clang::VarDecl *, Framing *> FramingByVar;
  llvm::DenseMap<const clang::VarDecl *, PinDispatch *> PinDispatchByVar;
};

} // namespace model
} // namespace ks

#endif
