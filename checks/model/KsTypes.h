//===- KsTypes.h - Recognising KS and PortCls types in the AST ------------===//
//
// The KS runtime interprets a handful of structures (items, sets, automation
// tables). Driver code spells them through typedefs, anonymous structs and
// extended structs whose first member is the item; this file answers "what
// KS thing is this type" once, for every check.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_KSTYPES_H
#define KSTIDY_CHECKS_MODEL_KSTYPES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace ks {
namespace model {

/// The three kinds of automation item the KS runtime dispatches.
enum class ItemFamily { Property, Method, Event };

/// Who walks the table: ks.sys (KSPROPERTY_ITEM...) or portcls.sys
/// (PCPROPERTY_ITEM...).
enum class Framework { Ks, PortCls };

/// How ks.h, portcls.h and findings spell the things of one family.
struct FamilySpelling {
  llvm::StringRef Name;                // "property"
  llvm::StringRef ItemSizeField;       // "PropertyItemSize"
  llvm::StringRef SetItemsField;       // KSPROPERTY_SET "PropertyItem"
  llvm::StringRef SetCountField;       // KSPROPERTY_SET "PropertiesCount"
  llvm::StringRef TableSetsField;      // KSAUTOMATION_TABLE "PropertySets"
  llvm::StringRef TableSetsCountField; // KSAUTOMATION_TABLE "PropertySetsCount"
  llvm::StringRef PcItemsField;        // PCAUTOMATION_TABLE "Properties"
  llvm::StringRef PcCountField;        // PCAUTOMATION_TABLE "PropertyCount"
  llvm::StringRef StorageMacro;        // "KSPROPERTY_ITEM_IRP_STORAGE"
};
const FamilySpelling &spelling(ItemFamily F);

inline llvm::StringRef familyName(ItemFamily F) { return spelling(F).Name; }
inline llvm::StringRef itemSizeFieldName(ItemFamily F) {
  return spelling(F).ItemSizeField;
}
/// "KSPROPERTY_ITEM", "PCMETHOD_ITEM", ...
llvm::StringRef baseItemTypeName(ItemFamily F, Framework W);

/// What an item array's element type is to the runtime.
struct ItemTypeInfo {
  ItemFamily Family = ItemFamily::Property;
  Framework Fw = Framework::Ks;
  /// True for a driver struct whose first member is (recursively) the base
  /// item: the runtime sees the base item, the driver keeps private fields
  /// after it and asks for them through the item-size argument.
  bool Extended = false;
};

/// The name a record is known by: its tag, or the typedef that names an
/// anonymous struct (`typedef struct { ... } KSPROPERTY_ITEM;`).
llvm::StringRef recordName(const clang::RecordDecl *RD);

/// Classifies \p T as a base or extended KS/PortCls item type.
std::optional<ItemTypeInfo> classifyItemType(clang::QualType T);

/// Is \p T the named KS record (typedef name or tag, with or without the
/// leading underscore)?
bool isKsRecord(clang::QualType T, llvm::StringRef Name);

/// Set structure the runtime looks up by GUID: KSPROPERTY_SET & co.
std::optional<ItemFamily> classifySetType(clang::QualType T);

/// KSAUTOMATION_TABLE or PCAUTOMATION_TABLE.
std::optional<Framework> classifyAutomationTable(clang::QualType T);

/// sizeof(T) in bytes, when T is complete and not dependent.
std::optional<uint64_t> typeSize(const clang::ASTContext &Ctx,
                                 clang::QualType T);

/// sizeof the base item of a family, looked up by name in the translation
/// unit (the headers may be missing off Windows: then nothing is known).
std::optional<uint64_t> baseItemSize(clang::ASTContext &Ctx, ItemFamily F,
                                     Framework W);

/// sizeof a type named by a typedef in the translation unit (KSPROPERTY,
/// KSP_PIN ...), when the headers declare it.
std::optional<uint64_t> namedTypeSize(clang::ASTContext &Ctx,
                                      llvm::StringRef Name);

/// Human-readable name of a type as the driver wrote it.
std::string typeName(clang::QualType T, const clang::ASTContext &Ctx);

} // namespace model
} // namespace ks

#endif
