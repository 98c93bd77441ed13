//===- ModelBuilder.cpp ---------------------------------------------------===//
#include "ModelBuilder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace ks {
namespace model {

namespace {

/// The KS dispatch functions and where their item size goes.
struct DispatchApi {
  const char *Name;
  ItemFamily Family;
  unsigned SetsArg;
  int SizeArg; ///< -1: no size parameter, the runtime assumes plain items
};

// Prototypes from ks.h: KsPropertyHandlerWithAllocator(Irp, Count, Sets,
// Allocator, PropertyItemSize), KsMethodHandlerWithAllocator(Irp, Count,
// Sets, Allocator, MethodItemSize), KsEnableEventWithAllocator(Irp, Count,
// Sets, EventsList, EventsFlags, EventsLock, Allocator, EventItemSize).
const DispatchApi DispatchApis[] = {
    {"KsPropertyHandler", ItemFamily::Property, 2, -1},
    {"KsPropertyHandlerWithAllocator", ItemFamily::Property, 2, 4},
    {"KsMethodHandler", ItemFamily::Method, 2, -1},
    {"KsMethodHandlerWithAllocator", ItemFamily::Method, 2, 4},
    {"KsEnableEvent", ItemFamily::Event, 2, -1},
    {"KsEnableEventWithAllocator", ItemFamily::Event, 2, 7},
};

const DispatchApi *findApi(llvm::StringRef Name) {
  for (const DispatchApi &A : DispatchApis)
    if (Name == A.Name)
      return &A;
  return nullptr;
}

AST_MATCHER(VarDecl, isKsTableVar) {
  QualType T = Node.getType();
  if (T->isDependentType())
    return false;
  if (classifyAutomationTable(T))
    return true;
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    return classifySetType(AT->getElementType()).has_value();
  return false;
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

const InitListExpr *asInitList(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit();
  if (const auto *ILE = dyn_cast<InitListExpr>(E))
    return ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
  return nullptr;
}

/// The declaration of \p VD that holds its braced initializer, when that
/// initializer parsed without errors; {nullptr, nullptr} otherwise.
std::pair<const VarDecl *, const InitListExpr *>
definitionWithInitList(const VarDecl *VD) {
  const VarDecl *Def = nullptr;
  const Expr *Init = VD->getAnyInitializer(Def);
  const InitListExpr *ILE = asInitList(Init);
  if (!Def || !ILE || Def->isInvalidDecl() || Init->containsErrors())
    return {nullptr, nullptr};
  return {Def, ILE};
}

/// The initializer of a named field in a struct's initializer list; an
/// omitted field yields its ImplicitValueInitExpr.
const Expr *fieldInit(const InitListExpr *ILE, llvm::StringRef Field) {
  if (!ILE)
    return nullptr;
  const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
  if (!RD)
    return nullptr;
  if (RD->isUnion()) {
    const FieldDecl *FD = ILE->getInitializedFieldInUnion();
    return FD && FD->getName() == Field && ILE->getNumInits() > 0
               ? ILE->getInit(0)
               : nullptr;
  }
  unsigned Index = 0;
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
    Index = CRD->getNumBases();
  for (const FieldDecl *FD : RD->fields()) {
    if (FD->getName() == Field)
      return Index < ILE->getNumInits() ? ILE->getInit(Index) : nullptr;
    ++Index;
  }
  return nullptr;
}

void collectFunctionRefs(const Stmt *S,
                         std::vector<const FunctionDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl())) {
      const FunctionDecl *C = FD->getCanonicalDecl();
      if (!llvm::is_contained(Out, C))
        Out.push_back(C);
    }
    return;
  }
  for (const Stmt *Child : S->children())
    collectFunctionRefs(Child, Out);
}

bool isNullPointer(const Expr *E, ASTContext &Ctx) {
  return E && !E->isValueDependent() &&
         E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
             Expr::NPCK_NotNull;
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
  auto [Def, ILE] = definitionWithInitList(VD);
  if (!Def)
    return nullptr;
  const auto *AT = Ctx.getAsConstantArrayType(Def->getType());
  if (!AT)
    return nullptr;
  auto Info = classifyItemType(AT->getElementType());
  if (!Info)
    return nullptr;
  ItemArray &A = Model.ItemArrays.emplace_back();
  A.Var = Def;
  A.ElementType = AT->getElementType();
  A.Info = *Info;
  A.ElementSize = typeSize(Ctx, A.ElementType);
  A.Count = AT->getSize().getZExtValue();
  collectFunctionRefs(ILE, A.Handlers);
  Model.ArrayByVar[Key] = &A;
  return &A;
}

const SetTable *ModelBuilder::setTable(const VarDecl *VD, ItemFamily F,
                                       ASTContext &Ctx) {
  if (!VD)
    return nullptr;
  const VarDecl *Key = VD->getCanonicalDecl();
  if (auto It = Model.SetByVar.find(Key); It != Model.SetByVar.end())
    return It->second;
  auto [Def, ILE] = definitionWithInitList(VD);
  if (!Def)
    return nullptr;

  // A table is an array of sets; a single set object passed by address is a
  // table of one.
  std::vector<const InitListExpr *> SetInits;
  if (Ctx.getAsConstantArrayType(Def->getType())) {
    for (const Expr *E : ILE->inits())
      if (const InitListExpr *SetILE = asInitList(E))
        SetInits.push_back(SetILE);
  } else {
    SetInits.push_back(ILE);
  }
  if (SetInits.empty() || !classifySetType(SetInits.front()->getType()))
    return nullptr;

  static const char *const ItemField[] = {"PropertyItem", "MethodItem",
                                          "EventItem"};
  SetTable &T = Model.SetTables.emplace_back();
  T.Var = Def;
  T.Family = F;
  Model.SetByVar[Key] = &T;
  for (const InitListExpr *SetILE : SetInits) {
    SetEntry E;
    E.Init = SetILE;
    const Expr *ItemsExpr =
        fieldInit(SetILE, ItemField[static_cast<int>(F)]);
    if (ItemsExpr && !isNullPointer(ItemsExpr, Ctx))
      E.Items = itemArray(referencedVar(ItemsExpr, Ctx), Ctx);
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
  if (Api->SizeArg >= 0) {
    S.SizeExpr = Call->getArg(Api->SizeArg);
    S.Value = evaluateConstant(S.SizeExpr, Ctx);
    S.Loc = S.SizeExpr->getBeginLoc();
  } else {
    S.Value = 0;
    S.Loc = Call->getArg(Api->SetsArg)->getBeginLoc();
  }
  S.Sets = setTable(referencedVar(Call->getArg(Api->SetsArg), Ctx),
                    Api->Family, Ctx);
  Model.Sites.push_back(S);
}

void ModelBuilder::addAutomationTable(const VarDecl *VD, Framework W,
                                      ASTContext &Ctx) {
  const InitListExpr *ILE = asInitList(VD->getInit());
  if (!ILE || VD->isInvalidDecl() || ILE->containsErrors())
    return;
  static const struct {
    ItemFamily F;
    const char *KsTable;
    const char *PcTable;
  } Families[] = {
      {ItemFamily::Property, "PropertySets", "Properties"},
      {ItemFamily::Method, "MethodSets", "Methods"},
      {ItemFamily::Event, "EventSets", "Events"},
  };
  for (const auto &Fam : Families) {
    const Expr *SizeInit = fieldInit(ILE, itemSizeFieldName(Fam.F));
    const Expr *TableInit =
        fieldInit(ILE, W == Framework::Ks ? Fam.KsTable : Fam.PcTable);
    if (!SizeInit)
      continue;
    ItemSizeSite S;
    S.Kind = W == Framework::Ks ? SiteKind::KsAutomationTable
                                : SiteKind::PcAutomationTable;
    S.Family = Fam.F;
    S.Fw = W;
    S.Api = W == Framework::Ks ? "KSAUTOMATION_TABLE" : "PCAUTOMATION_TABLE";
    S.Table = VD;
    S.Value = evaluateConstant(SizeInit, Ctx);
    if (!isa<ImplicitValueInitExpr>(SizeInit->IgnoreImplicit())) {
      S.SizeExpr = SizeInit;
      S.Loc = SizeInit->getBeginLoc();
    } else {
      S.Loc = VD->getLocation();
    }
    if (TableInit && !isNullPointer(TableInit, Ctx)) {
      const VarDecl *Target = referencedVar(TableInit, Ctx);
      if (W == Framework::Ks)
        S.Sets = setTable(Target, Fam.F, Ctx);
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
  Finder->addMatcher(
      explicitCastExpr(readsItemIrpStorage(),
                       forCallable(functionDecl().bind("handler")))
          .bind("storage"),
      this);
  Finder->addMatcher(recordDecl(isDefinition(), isExtendedItemRecord())
                         .bind("extended"),
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
    } else if (const ArrayType *AT = T->getAsArrayTypeUnsafe()) {
      if (auto F = classifySetType(AT->getElementType()))
        setTable(VD, *F, C);
    }
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
  if (const auto *RD = R.Nodes.getNodeAs<RecordDecl>("extended")) {
    if (auto Info = classifyItemType(C.getRecordType(RD)))
      Model.ExtendedRecords.push_back({RD, *Info});
    return;
  }
}

void ModelBuilder::onStartOfTranslationUnit() { Model.clear(); }

void ModelBuilder::onEndOfTranslationUnit() {
  if (OnComplete && Ctx)
    OnComplete(Model, *Ctx);
  Ctx = nullptr;
}

} // namespace model
} // namespace ks
