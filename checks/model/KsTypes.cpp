//===- KsTypes.cpp --------------------------------------------------------===//
#include "KsTypes.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/Version.h"

using namespace clang;

namespace ks {
namespace model {

const FamilySpelling &spelling(ItemFamily F) {
  static const FamilySpelling Spellings[] = {
      {"property", "PropertyItemSize", "PropertyItem", "PropertiesCount",
       "PropertySets", "PropertySetsCount", "Properties", "PropertyCount",
       "KSPROPERTY_ITEM_IRP_STORAGE"},
      {"method", "MethodItemSize", "MethodItem", "MethodsCount", "MethodSets",
       "MethodSetsCount", "Methods", "MethodCount",
       "KSMETHOD_ITEM_IRP_STORAGE"},
      {"event", "EventItemSize", "EventItem", "EventsCount", "EventSets",
       "EventSetsCount", "Events", "EventCount", "KSEVENT_ITEM_IRP_STORAGE"},
  };
  return Spellings[static_cast<int>(F)];
}

llvm::StringRef baseItemTypeName(ItemFamily F, Framework W) {
  bool Ks = W == Framework::Ks;
  switch (F) {
  case ItemFamily::Property:
    return Ks ? "KSPROPERTY_ITEM" : "PCPROPERTY_ITEM";
  case ItemFamily::Method:
    return Ks ? "KSMETHOD_ITEM" : "PCMETHOD_ITEM";
  case ItemFamily::Event:
    return Ks ? "KSEVENT_ITEM" : "PCEVENT_ITEM";
  }
  return "KSPROPERTY_ITEM";
}

llvm::StringRef recordName(const RecordDecl *RD) {
  if (!RD)
    return {};
  if (!RD->getName().empty())
    return RD->getName();
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return TD->getName();
  return {};
}

static bool nameMatches(llvm::StringRef Have, llvm::StringRef Want) {
  Have.consume_front("_");
  // mingw spells some tags with a trailing underscore (KSAUTOMATION_TABLE_).
  Have.consume_back("_");
  return Have == Want;
}

bool isKsRecord(QualType T, llvm::StringRef Name) {
  if (T.isNull())
    return false;
  // Walk the typedef sugar first: `PCPROPERTY_ITEM` may name a struct whose
  // tag is something else entirely.
  QualType Cur = T;
  while (const auto *TT = Cur->getAs<TypedefType>()) {
    if (nameMatches(TT->getDecl()->getName(), Name))
      return true;
    Cur = TT->getDecl()->getUnderlyingType();
  }
  const RecordDecl *RD = T.getCanonicalType()->getAsRecordDecl();
  return RD && nameMatches(recordName(RD), Name);
}

static std::optional<ItemTypeInfo> classifyBase(QualType T) {
  static const struct {
    const char *Name;
    ItemFamily F;
    Framework W;
  } Bases[] = {
      {"KSPROPERTY_ITEM", ItemFamily::Property, Framework::Ks},
      {"KSMETHOD_ITEM", ItemFamily::Method, Framework::Ks},
      {"KSEVENT_ITEM", ItemFamily::Event, Framework::Ks},
      {"PCPROPERTY_ITEM", ItemFamily::Property, Framework::PortCls},
      {"PCMETHOD_ITEM", ItemFamily::Method, Framework::PortCls},
      {"PCEVENT_ITEM", ItemFamily::Event, Framework::PortCls},
  };
  for (const auto &B : Bases)
    if (isKsRecord(T, B.Name))
      return ItemTypeInfo{B.F, B.W, false};
  return std::nullopt;
}

std::optional<ItemTypeInfo> classifyItemType(QualType T) {
  if (T.isNull() || T->isDependentType())
    return std::nullopt;
  T = T.getUnqualifiedType();
  if (auto Base = classifyBase(T))
    return Base;
  // An extended item: the runtime only ever sees its first member. Follow
  // first members (or a first base class) down a few levels.
  const RecordDecl *RD = T.getCanonicalType()->getAsRecordDecl();
  for (int Depth = 0; RD && Depth < 4; ++Depth) {
    RD = RD->getDefinition();
    if (!RD || RD->isUnion())
      return std::nullopt;
    QualType First;
    if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
        CRD && CRD->getNumBases() > 0)
      First = CRD->bases_begin()->getType();
    else if (RD->field_begin() != RD->field_end())
      First = RD->field_begin()->getType();
    else
      return std::nullopt;
    if (auto Base = classifyBase(First)) {
      Base->Extended = true;
      return Base;
    }
    RD = First.getCanonicalType()->getAsRecordDecl();
  }
  return std::nullopt;
}

std::optional<ItemFamily> classifySetType(QualType T) {
  if (isKsRecord(T, "KSPROPERTY_SET"))
    return ItemFamily::Property;
  if (isKsRecord(T, "KSMETHOD_SET"))
    return ItemFamily::Method;
  if (isKsRecord(T, "KSEVENT_SET"))
    return ItemFamily::Event;
  return std::nullopt;
}

std::optional<Framework> classifyAutomationTable(QualType T) {
  if (isKsRecord(T, "KSAUTOMATION_TABLE"))
    return Framework::Ks;
  if (isKsRecord(T, "PCAUTOMATION_TABLE"))
    return Framework::PortCls;
  return std::nullopt;
}

std::optional<uint64_t> typeSize(const ASTContext &Ctx, QualType T) {
  if (T.isNull() || T->isDependentType() || T->isIncompleteType() ||
      T->containsErrors())
    return std::nullopt;
  if (const RecordDecl *RD = T->getAsRecordDecl())
    if (RD->isInvalidDecl())
      return std::nullopt;
  return static_cast<uint64_t>(Ctx.getTypeSizeInChars(T).getQuantity());
}

std::optional<uint64_t> namedTypeSize(ASTContext &Ctx, llvm::StringRef Name) {
  auto Lookup = Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name));
  for (const NamedDecl *ND : Lookup)
    if (const auto *TD = dyn_cast<TypedefNameDecl>(ND))
      return typeSize(Ctx, TD->getUnderlyingType());
  return std::nullopt;
}

std::optional<uint64_t> baseItemSize(ASTContext &Ctx, ItemFamily F,
                                     Framework W) {
  return namedTypeSize(Ctx, baseItemTypeName(F, W));
}

#if CLANG_VERSION_MAJOR >= 22
/// \p T with each tag type written with its keyword ("struct _MY_STATE"), at
/// its top or behind pointers and references, replaced by the type it names:
/// what LLVM 19's PrintingPolicy::SuppressElaboration printed. Clang 22 keeps
/// the keyword in the tag type itself and prints it.
static QualType withoutTagKeywords(QualType T, const ASTContext &Ctx) {
  SplitQualType S = T.split();
  QualType Named;
  if (isa<TagType>(S.Ty))
    Named = S.Ty->getCanonicalTypeInternal();
  else if (const auto *P = dyn_cast<PointerType>(S.Ty))
    Named = Ctx.getPointerType(withoutTagKeywords(P->getPointeeType(), Ctx));
  else if (const auto *R = dyn_cast<LValueReferenceType>(S.Ty))
    Named = Ctx.getLValueReferenceType(
        withoutTagKeywords(R->getPointeeTypeAsWritten(), Ctx));
  else
    return T;
  return Ctx.getQualifiedType(Named, S.Quals);
}
#endif

std::string typeName(QualType T, const ASTContext &Ctx) {
  // `typedef struct { ... } KSP_PIN;` prints as its typedef, not as
  // "struct KSP_PIN" or "(anonymous struct)".
  if (!T.isNull() && !T->getAs<TypedefType>())
    if (const RecordDecl *RD = T->getAsRecordDecl())
      if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
        return TD->getName().str();
  PrintingPolicy PP(Ctx.getLangOpts());
  PP.SuppressTagKeyword = true;
#if CLANG_VERSION_MAJOR < 22
  PP.SuppressElaboration = true; // "MY_STATE", not "struct _MY_STATE"
#endif
  PP.SuppressScope = false;
#if CLANG_VERSION_MAJOR >= 22
  T = withoutTagKeywords(T, Ctx);
#endif
  return T.getUnqualifiedType().getAsString(PP);
}

} // namespace model
} // namespace ks
