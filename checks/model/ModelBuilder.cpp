//===- ModelBuilder.cpp - Matching what the KS model is built from --------===//
//
// The matchers of the model: table variables, dispatch calls, automation
// tables, allocator and user-mode facts; each match is handed to the readers
// (ItemTables.cpp for item and set tables) and the TU's model completed at
// its end.
//
//===----------------------------------------------------------------------===//
#include "ModelBuilder.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>

#include "HandlerAccess.h"
#include "Initializers.h"
#include "ParameterAllocators.h"
#include "UserAddresses.h"
#include "UserModeFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/Version.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace ks {
namespace model {

namespace {

/// The type a record declares.
QualType recordType(const ASTContext &Ctx, const RecordDecl *RD) {
#if CLANG_VERSION_MAJOR >= 22
  return Ctx.getCanonicalTagType(RD);
#else
  return Ctx.getRecordType(RD);
#endif
}

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

/// Filter, pin and connection tables, and data range objects (one, or an
/// array of them).
bool isDescriptorType(QualType T) {
  return isKsRecord(T, "KSFILTER_DESCRIPTOR") ||
         isKsRecord(T, "PCFILTER_DESCRIPTOR") ||
         isKsRecord(T, "PCPIN_DESCRIPTOR") ||
         isKsRecord(T, "PCCONNECTION_DESCRIPTOR") ||
         isKsRecord(T, "KSTOPOLOGY_CONNECTION") || isDataRangeType(T);
}

AST_MATCHER(VarDecl, isKsTableVar) {
  QualType T = Node.getType();
  if (T->isDependentType())
    return false;
  if (classifyAutomationTable(T) || isAllocatorModelType(T))
    return true;
  // Descriptors the runtime keeps pointers to live in global storage; a
  // local one is filled at run time.
  if (Node.hasGlobalStorage() && Node.hasInit()) {
    const ArrayType *AT = T->getAsArrayTypeUnsafe();
    if (isDescriptorType(AT ? AT->getElementType() : T))
      return true;
  }
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

AST_MATCHER(VarDecl, holdsItemArrayFields) {
  QualType T = Node.getType();
  return !T->isDependentType() && Node.hasInit() && !classifyItemType(T) &&
         !itemArrayFields(T).empty();
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
  auto Info = classifyItemType(recordType(Node.getASTContext(), &Node));
  return Info && Info->Extended;
}

} // namespace

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
    S.Value =
        hasErrors(SizeInit) ? std::nullopt : evaluateConstant(SizeInit, Ctx);
    S.Count =
        tableValue(fieldInit(ILE, W == Framework::Ks ? Names.TableSetsCountField
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
  // Candidates for handlers; handlerSignature() tells which are.
  // and dispatch routines (entrySignature()).
  Finder->addMatcher(functionDecl(isDefinition(), anyOf(parameterCountIs(1),
                                                        parameterCountIs(2),
                                                        parameterCountIs(3)))
                         .bind("handler-def"),
                     this);
  std::vector<llvm::StringRef> Names;
  for (const DispatchApi &A : DispatchApis)
    Names.push_back(A.Name);
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(Names)).bind("api")))
          .bind("call"),
      this);
  Finder->addMatcher(varDecl(isKsTableVar()).bind("table"), this);
  // DriverObject->MajorFunction[IRP_MJ_...] = Routine;
  Finder->addMatcher(
      binaryOperator(
          isAssignmentOperator(),
          hasLHS(ignoringParenImpCasts(
              arraySubscriptExpr(hasBase(ignoringParenImpCasts(memberExpr(
                                     member(hasName("MajorFunction"))))))
                  .bind("mj-slot"))),
          hasRHS(ignoringParenCasts(
              declRefExpr(to(functionDecl().bind("mj-routine"))))))
          .bind("mj-assign"),
      this);
  Finder->addMatcher(varDecl(holdsItemArrayFields()).bind("owner"), this);
  Finder->addMatcher(
      explicitCastExpr(readsItemIrpStorage(),
                       forCallable(functionDecl().bind("handler")))
          .bind("storage"),
      this);
  Finder->addMatcher(
      recordDecl(isDefinition(), isExtendedItemRecord()).bind("extended"),
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
              ofClass(
                  cxxRecordDecl(isSameOrDerivedFrom("IWMSBufferAllocator"))))),
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
  if (const auto *FD = R.Nodes.getNodeAs<FunctionDecl>("handler-def")) {
    if (std::optional<Framework> Fw = handlerSignature(FD))
      Model.HandlerDefinitions.push_back({FD, *Fw});
    else if (entrySignature(FD) == EntryKind::DispatchRoutine)
      Model.DispatchRoutines.push_back(FD);
    return;
  }
  if (const auto *Slot = R.Nodes.getNodeAs<ArraySubscriptExpr>("mj-slot")) {
    const auto *Routine = R.Nodes.getNodeAs<FunctionDecl>("mj-routine");
    std::optional<uint64_t> Index;
    Expr::EvalResult V;
    if (!Slot->getIdx()->isValueDependent() &&
        !Slot->getIdx()->containsErrors() &&
        Slot->getIdx()->EvaluateAsInt(V, C) && !V.Val.getInt().isNegative())
      Index = V.Val.getInt().getZExtValue();
    Model.MajorFunctionSlots.push_back({Routine->getCanonicalDecl(), Index});
    return;
  }
  if (const auto *Call = R.Nodes.getNodeAs<CallExpr>("call")) {
    if (!Call->containsErrors())
      addCallSite(Call, R.Nodes.getNodeAs<FunctionDecl>("api"), C);
    return;
  }
  if (const auto *VD = R.Nodes.getNodeAs<VarDecl>("table")) {
    QualType T = VD->getType();
    const ArrayType *AT = T->getAsArrayTypeUnsafe();
    auto W = classifyAutomationTable(T);
    if (!W && AT)
      W = classifyAutomationTable(AT->getElementType());
    if (W) {
      addAutomationTable(VD, *W, C);
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
      pinTable(VD, C);
    } else if (QualType E = AT ? AT->getElementType() : T;
               isKsRecord(E, "KSFILTER_DESCRIPTOR") ||
               isKsRecord(E, "PCFILTER_DESCRIPTOR")) {
      addFilterDescriptors(VD, C);
    } else if (isKsRecord(E, "PCPIN_DESCRIPTOR")) {
      pinTable(VD, C);
    } else if (isKsRecord(E, "PCCONNECTION_DESCRIPTOR") ||
               isKsRecord(E, "KSTOPOLOGY_CONNECTION")) {
      connectionTable(VD, C);
    } else if (isDataRangeType(E)) {
      addDataRanges(VD, C);
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
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts()))
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
    A.PageSize = Call->getMethodDecl()->getName() == "AllocatePageSizeBuffer";
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
    if (auto Info = classifyItemType(recordType(C, RD)))
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
  // The handlers no table of this TU names: a table of another TU may
  // (the whole-driver join, the export).
  const SourceManager &SM = C.getSourceManager();
  for (const auto &[FD, Fw] : Model.HandlerDefinitions) {
    const FunctionDecl *Canonical = FD->getCanonicalDecl();
    if (Model.Accesses.count(Canonical) ||
        SM.isInSystemHeader(SM.getFileLoc(FD->getLocation())))
      continue;
    if (auto Access = analyzeHandler(FD, Fw, C))
      Model.Accesses[Canonical] = *Access;
  }
}

void ModelBuilder::analyzeRequests(ASTContext &C) {
  const SourceManager &SM = C.getSourceManager();
  llvm::DenseSet<const FunctionDecl *> Seen;
  auto Entry = [&](const FunctionDecl *FD, std::optional<EntryKind> Kind) {
    const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
    if (!Def || !Kind || !Seen.insert(Def->getCanonicalDecl()).second ||
        SM.isInSystemHeader(SM.getFileLoc(Def->getLocation())))
      return;
    analyzeUserAddresses(Def, *Kind, Model, C);
  };
  // A table names its handlers whatever their parameters are called.
  for (const ItemArray &A : Model.ItemArrays) {
    if (A.Fast)
      continue;
    for (const ItemEntry &E : A.Entries)
      for (const HandlerRef *H : {&E.Get, &E.Set, &E.Support, &E.PcHandler}) {
        if (!H->Function)
          continue;
        std::optional<EntryKind> Kind = entrySignature(H->Function);
        if (!Kind && handlerSignature(H->Function) == Framework::Ks)
          Kind = EntryKind::KsHandler;
        Entry(H->Function, Kind);
      }
  }
  for (const auto &[FD, Fw] : Model.HandlerDefinitions)
    Entry(FD, entrySignature(FD));
  // A routine the driver installs for IRP_MJ_INTERNAL_DEVICE_CONTROL alone
  // serves kernel-mode callers only.
  llvm::DenseMap<const FunctionDecl *, bool> InternalOnly;
  for (const auto &[Routine, Index] : Model.MajorFunctionSlots) {
    bool Internal = Index && *Index == IrpMjInternalDeviceControl;
    auto [It, New] = InternalOnly.try_emplace(Routine, Internal);
    if (!New)
      It->second = It->second && Internal;
  }
  for (const FunctionDecl *FD : Model.DispatchRoutines) {
    auto It = InternalOnly.find(FD->getCanonicalDecl());
    if (It == InternalOnly.end() || !It->second)
      Entry(FD, EntryKind::DispatchRoutine);
  }
}

void ModelBuilder::analyzeParameterAllocators(ASTContext &C) {
  collectParameterAllocatorCallbacks(C, Model.ParameterAllocatorCallbacks);
  for (const ItemSizeSite &S : Model.Sites) {
    if (S.Kind != SiteKind::HandlerCall || !S.Call ||
        !llvm::StringRef(S.Api).ends_with("WithAllocator"))
      continue;
    // The Allocator parameter (DispatchApis above).
    const unsigned Arg = S.Family == ItemFamily::Event ? 6 : 3;
    if (S.Call->getNumArgs() <= Arg)
      continue;
    ParameterAllocatorUse U;
    if (analyzeParameterAllocator(S.Call, S.Api, S.Call->getArg(Arg),
                                  Model.ParameterAllocatorCallbacks, U, C))
      Model.ParameterAllocators.push_back(std::move(U));
  }
}

void ModelBuilder::onEndOfTranslationUnit() {
  if (Ctx) {
    analyzeHandlers(*Ctx);
    analyzeRequests(*Ctx);
    analyzeParameterAllocators(*Ctx);
    analyzeCallbacks(*Ctx);
  }
  if (OnComplete && Ctx)
    OnComplete(Model, *Ctx);
  Ctx = nullptr;
}

} // namespace model
} // namespace ks
