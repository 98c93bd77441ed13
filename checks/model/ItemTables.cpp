//===- ItemTables.cpp - Reading item and set tables for the model ---------===//
//
// The part of ModelBuilder that reads a driver's tables as the runtime will:
// item arrays (plain, extended, inside a driver's own struct), their entries,
// set tables, and the constants and variables their initializers name.
// ModelBuilder.cpp matches the declarations and calls; this file reads them.
//
//===----------------------------------------------------------------------===//
#include "ModelBuilder.h"

#include "HandlerAccess.h"
#include "Initializers.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"
#include <algorithm>

using namespace clang;

namespace ks {
namespace model {

std::vector<const FieldDecl *> itemArrayFields(QualType T) {
  std::vector<const FieldDecl *> Out;
  const RecordDecl *RD = T.isNull() ? nullptr : T->getAsRecordDecl();
  if (!RD || !RD->getDefinition() || RD->isInvalidDecl())
    return Out;
  for (const FieldDecl *F : RD->getDefinition()->fields())
    if (const ArrayType *AT = F->getType()->getAsArrayTypeUnsafe())
      if (classifyItemType(AT->getElementType()))
        Out.push_back(F);
  return Out;
}

namespace {

/// The base item's initializer inside an (extended) element initializer.
TypedInit baseItemInit(TypedInit TI) {
  for (int Depth = 0; TI && Depth < 4; ++Depth) {
    auto Info = classifyItemType(TI.Type);
    if (Info && !Info->Extended)
      return TI;
    TI = firstMemberInit(TI);
  }
  return {};
}

/// Reads one element of an item array as the runtime will.
ItemEntry readEntry(const TypedInit &Elem, unsigned Index, const ItemArray &A,
                    ASTContext &Ctx) {
  ItemEntry E;
  E.Init = Elem.ILE;
  E.Index = Index;
  E.HasErrors = Elem.ILE->containsErrors();
  auto Union = [&](const TypedInit &TI, llvm::StringRef Handler,
                   llvm::StringRef Flag) {
    const Expr *X = fieldInit(TI, Handler);
    return handlerRef(X ? X : fieldInit(TI, Flag), Ctx);
  };
  if (A.Fast) {
    E.Id = tableValue(fieldInit(Elem, "PropertyId"), Ctx);
    E.Get = Union(Elem, "GetPropertyHandler", "GetSupported");
    E.Set = Union(Elem, "SetPropertyHandler", "SetSupported");
    return E;
  }
  const TypedInit Base = baseItemInit(Elem);
  if (!Base) {
    // The base item could not be located: every value is unknown (not the
    // zeros of omitted fields).
    for (TableValue *V :
         {&E.Id, &E.MinProperty, &E.MinData, &E.Flags, &E.ExtraEntryData})
      V->Unresolved = true;
    for (HandlerRef *H : {&E.Get, &E.Set, &E.Support, &E.PcHandler})
      H->Present = H->Unresolved = true;
    E.PcSet.Unresolved = true;
    E.HasErrors = true;
    return E;
  }
  if (A.Info.Fw == Framework::PortCls) {
    E.PcSet = guidRef(fieldInit(Base, "Set"), Ctx);
    E.Id = tableValue(fieldInit(Base, "Id"), Ctx);
    E.Flags = tableValue(fieldInit(Base, "Flags"), Ctx);
    E.PcHandler = handlerRef(fieldInit(Base, "Handler"), Ctx);
  } else {
    switch (A.Info.Family) {
    case ItemFamily::Property:
      E.Id = tableValue(fieldInit(Base, "PropertyId"), Ctx);
      E.MinProperty = tableValue(fieldInit(Base, "MinProperty"), Ctx);
      E.MinData = tableValue(fieldInit(Base, "MinData"), Ctx);
      E.Get = Union(Base, "GetPropertyHandler", "GetSupported");
      E.Set = Union(Base, "SetPropertyHandler", "SetSupported");
      E.Support = handlerRef(fieldInit(Base, "SupportHandler"), Ctx);
      break;
    case ItemFamily::Method:
      E.Id = tableValue(fieldInit(Base, "MethodId"), Ctx);
      E.MinProperty = tableValue(fieldInit(Base, "MinMethod"), Ctx);
      E.MinData = tableValue(fieldInit(Base, "MinData"), Ctx);
      E.Get = Union(Base, "MethodHandler", "MethodSupported");
      E.Support = handlerRef(fieldInit(Base, "SupportHandler"), Ctx);
      E.Flags = tableValue(fieldInit(Base, "Flags"), Ctx);
      break;
    case ItemFamily::Event:
      E.Id = tableValue(fieldInit(Base, "EventId"), Ctx);
      E.MinData = tableValue(fieldInit(Base, "DataInput"), Ctx);
      E.ExtraEntryData = tableValue(fieldInit(Base, "ExtraEntryData"), Ctx);
      E.Get = handlerRef(fieldInit(Base, "AddHandler"), Ctx);
      E.Set = handlerRef(fieldInit(Base, "RemoveHandler"), Ctx);
      E.Support = handlerRef(fieldInit(Base, "SupportHandler"), Ctx);
      break;
    }
  }
  if (A.Info.Extended && Base.ILE != Elem.ILE) {
    // The extension: the element's own fields. Its first field is the base
    // item unless the base item is a base class.
    const RecordDecl *RD = Elem.Type->getAsRecordDecl();
    const auto *CRD = dyn_cast_or_null<CXXRecordDecl>(RD);
    bool FirstIsItem = !CRD || CRD->getNumBases() == 0;
    for (const FieldDecl *FD : RD->fields()) {
      if (FirstIsItem && FD->getFieldIndex() == 0)
        continue; // the base item itself
      llvm::StringRef Name = FD->getName();
      const Expr *Init = Name.empty() ? nullptr : fieldInit(Elem, Name);
      if (!Init)
        continue;
      QualType T = FD->getType();
      if (T->isFunctionPointerType() ||
          (T->isPointerType() && T->getPointeeType()->isFunctionType()))
        E.ExtHandlers.emplace_back(Name.str(), handlerRef(Init, Ctx));
      else if (Name.contains_insensitive("MinProperty"))
        E.ExtMinProperty = tableValue(Init, Ctx);
      else if (Name.contains_insensitive("MinData"))
        E.ExtMinData = tableValue(Init, Ctx);
    }
  }
  return E;
}

/// The functions an initializer names, in order of first mention. An
/// explicit stack, not recursion: a generated table can nest expressions
/// tens of thousands deep (clang parses them; kstidy must not overflow).
void collectFunctionRefs(const Stmt *Root,
                         std::vector<const FunctionDecl *> &Out) {
  llvm::SmallPtrSet<const FunctionDecl *, 16> Seen(Out.begin(), Out.end());
  llvm::SmallVector<const Stmt *, 64> Stack{Root};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (!S)
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
        if (Seen.insert(FD->getCanonicalDecl()).second)
          Out.push_back(FD->getCanonicalDecl());
      continue;
    }
    // Children pushed last-first, so they are visited first-first.
    size_t Mark = Stack.size();
    for (const Stmt *Child : S->children())
      Stack.push_back(Child);
    std::reverse(Stack.begin() + Mark, Stack.end());
  }
}

} // namespace

std::optional<uint64_t> evaluateConstant(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return std::nullopt;
  if (isa<ImplicitValueInitExpr>(E->IgnoreImplicit()))
    return 0;
  if (E->containsErrors() || E->isValueDependent() || E->isTypeDependent() ||
      !E->getType()->isIntegralOrEnumerationType())
    return std::nullopt;
  std::optional<llvm::APSInt> V = E->getIntegerConstantExpr(Ctx);
  if (!V || V->isNegative())
    return std::nullopt;
  return V->getZExtValue();
}

std::optional<ItemFamily> itemStorageFamily(const Expr *E) {
  std::optional<ItemFamily> Family;
  for (int Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParens();
    QualType T = E->getType();
    if (!Family && !T.isNull() && T->isPointerType())
      if (auto Info = classifyItemType(T->getPointeeType());
          Info && !Info->Extended && Info->Fw == Framework::Ks)
        Family = Info->Family;
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      // KS keeps the matched item in Irp->Tail.Overlay.DriverContext[3]
      // (KSPROPERTY_ITEM_IRP_STORAGE / KSMETHOD_ITEM_IRP_STORAGE /
      // KSEVENT_ITEM_IRP_STORAGE in ks.h).
      const auto *ME =
          dyn_cast<MemberExpr>(ASE->getBase()->IgnoreParenImpCasts());
      if (!ME || ME->getMemberDecl()->getName() != "DriverContext")
        return std::nullopt;
      const Expr *Idx = ASE->getIdx();
      if (Idx->isValueDependent())
        return std::nullopt;
      std::optional<llvm::APSInt> V =
          Idx->getIntegerConstantExpr(ME->getMemberDecl()->getASTContext());
      if (!V || *V != 3)
        return std::nullopt;
      return Family;
    }
    if (const auto *CE = dyn_cast<CastExpr>(E)) {
      E = CE->getSubExpr();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_Deref && UO->getOpcode() != UO_AddrOf)
        return std::nullopt;
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      // CONTAINING_RECORD(storage, EXT, Item): pointer minus an offset.
      if (!BO->isAdditiveOp())
        return std::nullopt;
      E = BO->getLHS();
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

const VarDecl *ModelBuilder::referencedVar(const Expr *E,
                                           const ASTContext &Ctx) {
  for (int Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_AddrOf)
        return nullptr;
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      // &Items[0] designates the array; any other index does not.
      std::optional<uint64_t> Index = evaluateConstant(ASE->getIdx(), Ctx);
      if (!Index || *Index != 0)
        return nullptr;
      E = ASE->getBase();
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl()))
        return VD; // a static data member named through an object
      // &Items[0].Item: the first member starts where the element does.
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!FD || FD->getFieldIndex() != 0 || ME->isArrow())
        return nullptr;
      E = ME->getBase();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

const ItemArray *ModelBuilder::itemArray(const VarDecl *VD, ASTContext &Ctx) {
  if (!VD)
    return nullptr;
  const VarDecl *Key = VD->getCanonicalDecl();
  if (auto It = Model.ArrayByVar.find(Key); It != Model.ArrayByVar.end())
    return It->second;
  auto [Def, TI] = definitionWithTypedInit(VD);
  if (!Def)
    return nullptr;
  ItemArray *A = buildItemArray(Def, nullptr, TI, Ctx);
  if (A)
    Model.ArrayByVar[Key] = A;
  return A;
}

void ModelBuilder::addItemArrayFields(const VarDecl *VD, ASTContext &Ctx) {
  auto [Def, TI] = definitionWithTypedInit(VD);
  if (!Def)
    return;
  for (const FieldDecl *F : itemArrayFields(Def->getType()))
    if (const Expr *Init = fieldInit(TI, F->getName()))
      if (TypedInit FieldTI = typedInit(Init, F->getType()))
        buildItemArray(F, Def, FieldTI, Ctx);
}

ItemArray *ModelBuilder::buildItemArray(const DeclaratorDecl *Def,
                                        const VarDecl *Owner,
                                        const TypedInit &TI, ASTContext &Ctx) {
  // An array, or one item object that a set points at by address (the
  // runtime reads it as an array of one).
  const ArrayType *AT = Ctx.getAsArrayType(Def->getType());
  QualType ElementType = AT ? AT->getElementType() : Def->getType();
  std::optional<ItemTypeInfo> Info = classifyItemType(ElementType);
  bool Fast = false;
  if (!Info && isKsRecord(ElementType, "KSFASTPROPERTY_ITEM")) {
    Info = ItemTypeInfo{ItemFamily::Property, Framework::Ks, false};
    Fast = true;
  }
  if (!Info)
    return nullptr;
  std::vector<TypedInit> Elements;
  if (AT) {
    bool Complete = true;
    Elements = arrayElements(TI, Complete);
    if (!Complete)
      return nullptr; // BlindSpots names it
  } else {
    Elements.push_back(TI);
  }
  ItemArray &A = Model.ItemArrays.emplace_back();
  A.Var = Def;
  A.Owner = Owner;
  A.ElementType = ElementType;
  A.Info = *Info;
  A.Fast = Fast;
  A.Single = !AT;
  A.HasErrors = TI.ILE->containsErrors();
  A.ElementSize = typeSize(Ctx, A.ElementType);
  if (const auto *CAT = dyn_cast_or_null<ConstantArrayType>(AT))
    A.Count = CAT->getSize().getZExtValue();
  else
    A.Count = AT ? Elements.size() : 1; // `[]` whose size clang never set
  unsigned Index = 0;
  for (const TypedInit &Elem : Elements)
    A.Entries.push_back(readEntry(Elem, Index++, A, Ctx));
  collectFunctionRefs(TI.ILE, A.Handlers);
  return &A;
}

const SetTable *ModelBuilder::setTable(const VarDecl *VD, ItemFamily F,
                                       ASTContext &Ctx) {
  if (!VD)
    return nullptr;
  const VarDecl *Key = VD->getCanonicalDecl();
  if (auto It = Model.SetByVar.find(Key); It != Model.SetByVar.end())
    return It->second;
  auto [Def, TI] = definitionWithTypedInit(VD);
  if (!Def)
    return nullptr;

  // A table is an array of sets; a single set object passed by address is a
  // table of one.
  const bool IsArray = Ctx.getAsArrayType(Def->getType()) != nullptr;
  std::vector<TypedInit> SetInits;
  if (IsArray) {
    bool Complete = true;
    SetInits = arrayElements(TI, Complete);
    if (!Complete)
      return nullptr;
  } else {
    SetInits.push_back(TI);
  }
  if (SetInits.empty() || !classifySetType(SetInits.front().Type))
    return nullptr;

  SetTable &T = Model.SetTables.emplace_back();
  T.Var = Def;
  T.Family = F;
  T.IsArray = IsArray;
  T.HasErrors = TI.ILE->containsErrors();
  Model.SetByVar[Key] = &T;
  for (const TypedInit &SetILE : SetInits) {
    SetEntry E;
    E.Init = SetILE.ILE;
    E.Set = guidRef(fieldInit(SetILE, "Set"), Ctx);
    E.ItemsCount =
        tableValue(fieldInit(SetILE, spelling(F).SetCountField), Ctx);
    E.ItemsExpr = fieldInit(SetILE, spelling(F).SetItemsField);
    E.ItemsNull = !E.ItemsExpr || isNullPointer(E.ItemsExpr, Ctx);
    if (!E.ItemsNull)
      E.Items = itemArray(referencedVar(E.ItemsExpr, Ctx), Ctx);
    E.FastIoCount = tableValue(fieldInit(SetILE, "FastIoCount"), Ctx);
    E.FastItemsExpr = fieldInit(SetILE, "FastIoTable");
    E.FastItemsNull = !E.FastItemsExpr || isNullPointer(E.FastItemsExpr, Ctx);
    if (!E.FastItemsNull)
      E.FastItems = itemArray(referencedVar(E.FastItemsExpr, Ctx), Ctx);
    T.Entries.push_back(E);
  }
  return &T;
}

} // namespace model
} // namespace ks
