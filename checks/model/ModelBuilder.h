//===- ModelBuilder.h - Extracts the KS model from the AST ----------------===//
//
// ModelBuilder registers the matchers for the roots of the KS model (calls
// into the KS dispatch functions, automation tables, set tables, casts of
// the per-IRP item storage, extended item structs) and interprets each root
// once. Roots are matched wherever the AST traversal goes, and every other
// table is reached by following references from a root, so the builder works
// unchanged under clangd (which only traverses the main file's top-level
// declarations) and on partly broken ASTs (anything with errors is skipped).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_MODELBUILDER_H
#define KSTIDY_CHECKS_MODEL_MODELBUILDER_H

#include "Initializers.h"
#include "KsModel.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <functional>

namespace ks {
namespace model {

class ModelBuilder : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  /// Called once the whole translation unit has been matched.
  using CompletionHandler =
      std::function<void(const KsModel &, clang::ASTContext &)>;

  explicit ModelBuilder(CompletionHandler OnComplete = nullptr)
      : OnComplete(std::move(OnComplete)) {}

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder);

  void run(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;
  llvm::StringRef getID() const override { return "ks-model"; }

  const KsModel &model() const { return Model; }
  bool hasCompletionHandler() const { return static_cast<bool>(OnComplete); }

  /// The variable an expression designates once casts, `&`, `[0]` and a
  /// first-member access are peeled off (`(PKSPROPERTY_ITEM)&Items[0].Item`).
  static const clang::VarDecl *referencedVar(const clang::Expr *E,
                                             const clang::ASTContext &Ctx);

  /// Interprets (once) the set table or item array a variable holds.
  const SetTable *setTable(const clang::VarDecl *VD, ItemFamily F,
                           clang::ASTContext &Ctx);
  const ItemArray *itemArray(const clang::VarDecl *VD, clang::ASTContext &Ctx);

  const AllocatorDispatch *allocatorDispatch(const clang::VarDecl *VD,
                                             clang::ASTContext &Ctx);
  const Framing *framing(const clang::VarDecl *VD, clang::ASTContext &Ctx);
  const PinDispatch *pinDispatch(const clang::VarDecl *VD,
                                 clang::ASTContext &Ctx);

  /// Interprets (once) the pin or connection table a variable holds.
  const PinTable *pinTable(const clang::VarDecl *VD, clang::ASTContext &Ctx);
  const ConnectionTable *connectionTable(const clang::VarDecl *VD,
                                         clang::ASTContext &Ctx);
  /// The filter descriptors a variable holds (one, or an array of them).
  void addFilterDescriptors(const clang::VarDecl *VD, clang::ASTContext &Ctx);
  /// The data range objects a variable holds (one, or an array of them).
  void addDataRanges(const clang::VarDecl *VD, clang::ASTContext &Ctx);

private:
  /// Builds (once per caller) the item array \p Def holds: a variable, or a
  /// field of a driver struct filled by \p Owner's initializer.
  ItemArray *buildItemArray(const clang::DeclaratorDecl *Def,
                            const clang::VarDecl *Owner, const TypedInit &TI,
                            clang::ASTContext &Ctx);
  /// The item arrays kept as fields of a driver struct that \p VD
  /// initializes as a whole.
  void addItemArrayFields(const clang::VarDecl *VD, clang::ASTContext &Ctx);
  void addPinDescriptors(const clang::VarDecl *VD, clang::ASTContext &Ctx);
  /// One filter descriptor (\p Index: its element in an array, else -1).
  const FilterDescriptor *filterDescriptor(const clang::VarDecl *VD, int Index,
                                           const TypedInit &TI,
                                           clang::ASTContext &Ctx);
  /// A count member and the pointer member beside it, and what the pointer
  /// designates (\p Strided: the runtime steps through it by a size member).
  CountedArray countedArray(const TypedInit &TI, llvm::StringRef CountField,
                            llvm::StringRef ArrayField, bool Strided,
                            clang::ASTContext &Ctx);
  /// Once per TU: what each allocator callback does (AllocatorCallbacks).
  void analyzeCallbacks(clang::ASTContext &Ctx);
  /// Once per TU: the custom parameter allocators handed to the
  /// *WithAllocator calls (ParameterAllocators.h).
  void analyzeParameterAllocators(clang::ASTContext &Ctx);
  void addCallSite(const clang::CallExpr *Call, const clang::FunctionDecl *API,
                   clang::ASTContext &Ctx);
  void addAutomationTable(const clang::VarDecl *VD, Framework W,
                          clang::ASTContext &Ctx);
  /// One automation table (\p Index: its element in an array, else -1).
  void addAutomationTable(const clang::VarDecl *VD, int Index,
                          const TypedInit &ILE, Framework W,
                          clang::ASTContext &Ctx);
  /// Once per TU: what each property handler does with its buffers.
  void analyzeHandlers(clang::ASTContext &Ctx);
  /// Follows the caller-chosen addresses from every entry point: the
  /// handlers the tables name and the functions with a handler's or a
  /// dispatch routine's signature (UserAddresses.h).
  void analyzeRequests(clang::ASTContext &Ctx);

  KsModel Model;
  llvm::SmallPtrSet<const clang::VarDecl *, 8> PinArraysSeen;
  CompletionHandler OnComplete;
  clang::ASTContext *Ctx = nullptr;
};

/// The item arrays among a driver struct's fields (the struct is not a KS
/// type itself): tables a driver keeps inside an object of its own and fills
/// from one aggregate initializer.
std::vector<const clang::FieldDecl *> itemArrayFields(clang::QualType T);

/// KSDATARANGE (alias KSDATAFORMAT) or a struct whose first member is,
/// first members followed: KSDATARANGE_AUDIO, KS_DATARANGE_VIDEO, a
/// driver's own range.
bool isDataRangeType(clang::QualType T);

/// Reads an integer constant out of an expression; nothing when the
/// expression is dependent, broken or not constant.
std::optional<uint64_t> evaluateConstant(const clang::Expr *E,
                                         const clang::ASTContext &Ctx);

/// If \p E reads the runtime's per-IRP item pointer
/// (`*(const KSPROPERTY_ITEM **)&Irp->Tail.Overlay.DriverContext[3]`, i.e.
/// KSPROPERTY_ITEM_IRP_STORAGE and its method/event twins), which family.
std::optional<ItemFamily> itemStorageFamily(const clang::Expr *E);

} // namespace model
} // namespace ks

#endif
