//===- ModelBuilder.cpp ---------------------------------------------------===//
#include "ModelBuilder.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>

#include "HandlerAccess.h"
#include "Initializers.h"
#include "UserModeFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace ks {
namespace model {

namespace {

/// The KS dispatch functions and where their item size goes.
struct DispatchApi {
  const char *Name;
  ItemFamily Family;
  unsigned CountArg;
  unsigned SetsArg;
  int SizeArg; ///< -1: no size parameter, the runtime assumes plain items
  bool FastIo = false;
};

// Prototypes from ks.h: KsPropertyHandlerWithAllocator(Irp, Count, Sets,
// Allocator, PropertyItemSize), KsMethodHandlerWithAllocator(Irp, Count,
// Sets, Allocator, MethodItemSize), KsEnableEventWithAllocator(Irp, Count,
// Sets, EventsList, EventsFlags, EventsLock, Allocator, EventItemSize).
// KsFastPropertyHandler(FileObject, Property, PropertyLength, Data,
// DataLength, IoStatus, PropertySetsCount, PropertySet) walks FastIoTables.
const DispatchApi DispatchApis[] = {
    {"KsPropertyHandler", ItemFamily::Property, 1, 2, -1},
    {"KsPropertyHandlerWithAllocator", ItemFamily::Property, 1, 2, 4},
    {"KsMethodHandler", ItemFamily::Method, 1, 2, -1},
    {"KsMethodHandlerWithAllocator", ItemFamily::Method, 1, 2, 4},
    {"KsEnableEvent", ItemFamily::Event, 1, 2, -1},
    {"KsEnableEventWithAllocator", ItemFamily::Event, 1, 2, 7},
    {"KsFastPropertyHandler", ItemFamily::Property, 6, 7, -1, true},
};

const DispatchApi *findApi(llvm::StringRef Name) {
  for (const DispatchApi &A : DispatchApis)
    if (Name == A.Name)
      return &A;
  return nullptr;
}

bool isAllocatorModelType(QualType T) {
  return isKsRecord(T, "KSALLOCATOR_DISPATCH") ||
         isKsRecord(T, "KSPIN_DISPATCH") ||
         isKsRecord(T, "KSALLOCATOR_FRAMING") ||
         isKsRecord(T, "KSALLOCATOR_FRAMING_EX") ||
         isKsRecord(T, "KSPIN_DESCRIPTOR_EX");
}

AST_MATCHER(VarDecl, isKsTableVar) {
  QualType T = Node.getType();
  if (T->isDependentType())
    return false;
  if (classifyAutomationTable(T) || isAllocatorModelType(T))
    return true;
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe();
      AT && isKsRecord(AT->getElementType(), "KSPIN_DESCRIPTOR_EX"))
    return true;
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    return classifySetType(AT->getElementType()).has_value() ||
           classifyItemType(AT->getElementType()).has_value() ||
           isKsRecord(AT->getElementType(), "KSFASTPROPERTY_ITEM") ||
           classifyAutomationTable(AT->getElementType()).has_value();
  // One item object on its own (a set may point at it by address, or code
  // may hand it over): a table of one.
  return Node.hasGlobalStorage() && Node.hasInit() &&
         (classifyItemType(T).has_value() ||
          isKsRecord(T, "KSFASTPROPERTY_ITEM"));
}

/// The item arrays among a driver struct's fields (the struct is not a KS
/// type itself): tables a driver keeps inside an object of its own and fills
/// from one aggregate initializer.
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

AST_MATCHER(VarDecl, holdsItemArrayFields) {
  QualType T = Node.getType();
  return !T->isDependentType() && Node.hasInit() &&
         !classifyItemType(T) && !itemArrayFields(T).empty();
}

AST_MATCHER(DeclaratorDecl, declaredAsAllocatorEx) {
  return namesAllocatorEx(Node.getType());
}

AST_MATCHER(ExplicitCastExpr, readsItemIrpStorage) {
  return Node.getTypeAsWritten()->isPointerType() &&
         itemStorageFamily(Node.getSubExpr()).has_value();
}

AST_MATCHER(RecordDecl, isExtendedItemRecord) {
  if (Node.isInvalidDecl() || Node.isDependentType())
    return false;
  auto Info = classifyItemType(Node.getASTContext().getRecordType(&Node));
  return Info && Info->Extended;
}

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
    for (TableValue *V : {&E.Id, &E.MinProperty, &E.MinData, &E.Flags})
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
      break;
    case ItemFamily::Event:
      E.Id = tableValue(fieldInit(Base, "EventId"), Ctx);
      E.MinData = tableValue(fieldInit(Base, "DataInput"), Ctx);
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

std::optional<uint64_t> evaluateConstant(const Expr *E,
                                         const ASTContext &Ctx) {
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
    E.ItemsCount = tableValue(fieldInit(SetILE, spelling(F).SetCountField), Ctx);
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

void ModelBuilder::addCallSite(const CallExpr *Call, const FunctionDecl *API,
                               ASTContext &Ctx) {
  const DispatchApi *Api = findApi(API->getName());
  if (!Api || Call->getNumArgs() <= Api->SetsArg ||
      (Api->SizeArg >= 0 &&
       Call->getNumArgs() <= static_cast<unsigned>(Api->SizeArg)))
    return;
  ItemSizeSite S;
  S.Kind = SiteKind::HandlerCall;
  S.Family = Api->Family;
  S.Fw = Framework::Ks;
  S.Api = Api->Name;
  S.Call = Call;
  S.FastIo = Api->FastIo;
  S.Count = tableValue(Call->getArg(Api->CountArg), Ctx);
  if (Api->SizeArg >= 0) {
    S.SizeExpr = Call->getArg(Api->SizeArg);
    S.Value = evaluateConstant(S.SizeExpr, Ctx);
    S.Loc = S.SizeExpr->getBeginLoc();
  } else {
    S.Value = 0;
    S.Loc = Call->getArg(Api->SetsArg)->getBeginLoc();
  }
  const Expr *SetsArg = Call->getArg(Api->SetsArg);
  S.TargetNull = isNullPointer(SetsArg, Ctx);
  S.Sets = setTable(referencedVar(SetsArg, Ctx), Api->Family, Ctx);
  Model.Sites.push_back(S);
}

void ModelBuilder::addAutomationTable(const VarDecl *VD, Framework W,
                                      ASTContext &Ctx) {
  auto [Def, TI] = definitionWithTypedInit(VD);
  if (!Def || Def != VD)
    return; // the definition is matched on its own
  // `PCAUTOMATION_TABLE Tables[] = {...}`: each element is a table of its
  // own (descriptors point at &Tables[i]).
  std::vector<TypedInit> Tables;
  const bool IsArray = Ctx.getAsArrayType(Def->getType()) != nullptr;
  if (IsArray) {
    bool Complete = true;
    Tables = arrayElements(TI, Complete);
  } else {
    Tables.push_back(TI);
  }
  int Index = 0;
  for (const TypedInit &ILE : Tables) {
    addAutomationTable(VD, IsArray ? Index : -1, ILE, W, Ctx);
    ++Index;
  }
}

void ModelBuilder::addAutomationTable(const VarDecl *VD, int Index,
                                      const TypedInit &ILE, Framework W,
                                      ASTContext &Ctx) {
  for (ItemFamily F :
       {ItemFamily::Property, ItemFamily::Method, ItemFamily::Event}) {
    const FamilySpelling &Names = spelling(F);
    const Expr *SizeInit = fieldInit(ILE, Names.ItemSizeField);
    const Expr *TableInit = fieldInit(
        ILE, W == Framework::Ks ? Names.TableSetsField : Names.PcItemsField);
    if (!SizeInit)
      continue;
    ItemSizeSite S;
    S.Kind = W == Framework::Ks ? SiteKind::KsAutomationTable
                                : SiteKind::PcAutomationTable;
    S.Family = F;
    S.Fw = W;
    S.Api = W == Framework::Ks ? "KSAUTOMATION_TABLE" : "PCAUTOMATION_TABLE";
    S.Table = VD;
    S.TableIndex = Index;
    S.Value = hasErrors(SizeInit) ? std::nullopt
                                  : evaluateConstant(SizeInit, Ctx);
    S.Count = tableValue(
        fieldInit(ILE, W == Framework::Ks ? Names.TableSetsCountField
                                          : Names.PcCountField),
        Ctx);
    if (!isa<ImplicitValueInitExpr>(SizeInit->IgnoreImplicit()) &&
        SizeInit != ILE.ILE) {
      S.SizeExpr = SizeInit;
      S.Loc = SizeInit->getBeginLoc();
    } else {
      S.Loc = Index >= 0 ? ILE.ILE->getBeginLoc() : VD->getLocation();
    }
    S.TargetNull = !TableInit || isNullPointer(TableInit, Ctx);
    if (!S.TargetNull) {
      const VarDecl *Target = referencedVar(TableInit, Ctx);
      if (W == Framework::Ks)
        S.Sets = setTable(Target, F, Ctx);
      else
        S.PcItems = itemArray(Target, Ctx);
    }
    Model.Sites.push_back(S);
  }
}

void ModelBuilder::registerMatchers(MatchFinder *Finder) {
  std::vector<llvm::StringRef> Names;
  for (const DispatchApi &A : DispatchApis)
    Names.push_back(A.Name);
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(Names)).bind("api")))
          .bind("call"),
      this);
  Finder->addMatcher(varDecl(isKsTableVar()).bind("table"), this);
  Finder->addMatcher(varDecl(holdsItemArrayFields()).bind("owner"), this);
  Finder->addMatcher(
      explicitCastExpr(readsItemIrpStorage(),
                       forCallable(functionDecl().bind("handler")))
          .bind("storage"),
      this);
  Finder->addMatcher(recordDecl(isDefinition(), isExtendedItemRecord())
                         .bind("extended"),
                     this);
  // User-mode proxy and application code.
  Finder->addMatcher(
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName("KsSetAllocatorMode"))),
                        forCallable(functionDecl().bind("fn")))
          .bind("mode"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(
              hasAnyName("AllocateBuffer", "AllocatePageSizeBuffer"),
              ofClass(cxxRecordDecl(isSameOrDerivedFrom("IWMSBufferAllocator"))))),
          forCallable(functionDecl().bind("fn")))
          .bind("wms"),
      this);
  Finder->addMatcher(
      declRefExpr(to(varDecl(hasName("IID_IKsAllocatorEx")))).bind("ex-iid"),
      this);
  Finder->addMatcher(declaratorDecl(declaredAsAllocatorEx()).bind("ex-decl"),
                     this);
}

void ModelBuilder::run(const MatchFinder::MatchResult &R) {
  ASTContext &C = *R.Context;
  Ctx = &C;
  if (const auto *Call = R.Nodes.getNodeAs<CallExpr>("call")) {
    if (!Call->containsErrors())
      addCallSite(Call, R.Nodes.getNodeAs<FunctionDecl>("api"), C);
    return;
  }
  if (const auto *VD = R.Nodes.getNodeAs<VarDecl>("table")) {
    QualType T = VD->getType();
    if (auto W = classifyAutomationTable(T)) {
      addAutomationTable(VD, *W, C);
    } else if (const ArrayType *AT = T->getAsArrayTypeUnsafe();
               AT && classifyAutomationTable(AT->getElementType())) {
      addAutomationTable(VD, *classifyAutomationTable(AT->getElementType()),
                         C);
    } else if (isKsRecord(T, "KSALLOCATOR_DISPATCH")) {
      allocatorDispatch(VD, C);
    } else if (isKsRecord(T, "KSPIN_DISPATCH")) {
      pinDispatch(VD, C);
    } else if (isKsRecord(T, "KSALLOCATOR_FRAMING") ||
               isKsRecord(T, "KSALLOCATOR_FRAMING_EX")) {
      framing(VD, C);
    } else if (isKsRecord(T, "KSPIN_DESCRIPTOR_EX") ||
               (T->isArrayType() &&
                isKsRecord(T->getAsArrayTypeUnsafe()->getElementType(),
                           "KSPIN_DESCRIPTOR_EX"))) {
      addPinDescriptors(VD, C);
    } else if (const ArrayType *AT = T->getAsArrayTypeUnsafe()) {
      if (auto F = classifySetType(AT->getElementType()))
        setTable(VD, *F, C);
      else
        itemArray(VD, C); // also when no set of this TU points at it
    } else {
      itemArray(VD, C); // a single item object
    }
    return;
  }
  if (const auto *VD = R.Nodes.getNodeAs<VarDecl>("owner")) {
    addItemArrayFields(VD, C);
    return;
  }
  if (const auto *Cast = R.Nodes.getNodeAs<ExplicitCastExpr>("storage")) {
    const auto *Handler = R.Nodes.getNodeAs<FunctionDecl>("handler");
    QualType Target = Cast->getTypeAsWritten()->getPointeeType();
    std::optional<ItemFamily> F = itemStorageFamily(Cast->getSubExpr());
    if (!Handler || !F || Target.isNull() || !Target->isRecordType() ||
        Cast->containsErrors())
      return;
    auto Info = classifyItemType(Target);
    if (Info && !Info->Extended)
      return; // a plain item: what the storage really holds
    Model.StorageCasts.push_back(
        {Handler->getCanonicalDecl(), Cast, *F, Target});
    return;
  }
  if (const auto *Call = R.Nodes.getNodeAs<CXXMemberCallExpr>("mode")) {
    const auto *Fn = R.Nodes.getNodeAs<FunctionDecl>("fn");
    AllocatorModeCall M;
    M.Call = Call;
    M.Function = Fn;
    if (Call->getNumArgs() > 0)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(
              Call->getArg(0)->IgnoreParenImpCasts()))
        M.User = DRE->getDecl()->getName() == "KsAllocatorMode_User";
    if (Fn && Fn->hasBody())
      findRequirementsFlags(Fn->getBody(), C, M);
    Model.ModeCalls.push_back(M);
    return;
  }
  if (const auto *Call = R.Nodes.getNodeAs<CXXMemberCallExpr>("wms")) {
    const auto *Fn = R.Nodes.getNodeAs<FunctionDecl>("fn");
    WmsAllocation A;
    A.Call = Call;
    A.Function = Fn;
    A.PageSize =
        Call->getMethodDecl()->getName() == "AllocatePageSizeBuffer";
    if (Fn && Fn->hasBody())
      findPageAlignedUse(Fn->getBody(), C, A);
    Model.WmsAllocations.push_back(A);
    return;
  }
  // Uses in the SDK's own headers (ksproxy.h) are not the driver's.
  auto AddExUse = [&](SourceLocation L) {
    if (!C.getSourceManager().isInSystemHeader(
            C.getSourceManager().getFileLoc(L)))
      Model.AllocatorExUses.push_back({L});
  };
  if (const auto *DRE = R.Nodes.getNodeAs<DeclRefExpr>("ex-iid")) {
    AddExUse(DRE->getBeginLoc());
    return;
  }
  if (const auto *D = R.Nodes.getNodeAs<DeclaratorDecl>("ex-decl")) {
    AddExUse(D->getTypeSpecStartLoc());
    return;
  }
  if (const auto *RD = R.Nodes.getNodeAs<RecordDecl>("extended")) {
    if (auto Info = classifyItemType(C.getRecordType(RD)))
      Model.ExtendedRecords.push_back({RD, *Info});
    return;
  }
}

void ModelBuilder::onStartOfTranslationUnit() {
  Model.clear();
  PinArraysSeen.clear();
}

void ModelBuilder::analyzeHandlers(ASTContext &C) {
  for (const ItemArray &A : Model.ItemArrays) {
    if (A.Info.Family != ItemFamily::Property || A.Fast)
      continue;
    for (const ItemEntry &E : A.Entries) {
      std::vector<const HandlerRef *> Refs = {&E.Get, &E.Set, &E.Support,
                                              &E.PcHandler};
      for (const auto &Ext : E.ExtHandlers)
        Refs.push_back(&Ext.second);
      for (const HandlerRef *H : Refs) {
        if (!H->Function || Model.Accesses.count(H->Function))
          continue;
        if (auto Access = analyzeHandler(H->Function, A.Info.Fw, C))
          Model.Accesses[H->Function] = *Access;
      }
    }
  }
}

void ModelBuilder::onEndOfTranslationUnit() {
  if (Ctx) {
    analyzeHandlers(*Ctx);
    analyzeCallbacks(*Ctx);
  }
  if (OnComplete && Ctx)
    OnComplete(Model, *Ctx);
  Ctx = nullptr;
}

} // namespace model
} // namespace ks
