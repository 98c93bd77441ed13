//===- ModelExport.cpp ----------------------------------------------------===//
#include "ModelExport.h"

#include "Findings.h"
#include "model/BlindSpots.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <map>

using namespace clang;
using namespace ks::model;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace ks {

namespace {

class Exporter {
public:
  Exporter(const KsModel &M, ASTContext &Ctx, llvm::StringRef BaseDir)
      : M(M), Ctx(Ctx), SM(Ctx.getSourceManager()), BaseDir(BaseDir) {}

  Value location(SourceLocation L) const {
    if (L.isInvalid())
      return nullptr;
    PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(L));
    if (P.isInvalid())
      return nullptr;
    return Object{{"file", displayPath(P.getFilename(), BaseDir)},
                  {"line", static_cast<int64_t>(P.getLine())},
                  {"column", static_cast<int64_t>(P.getColumn())}};
  }

  static Value number(const std::optional<uint64_t> &V) {
    return V ? Value(static_cast<int64_t>(*V)) : Value(nullptr);
  }
  static Value number(const TableValue &V) { return number(V.Value); }

  static const char *family(ItemFamily F) {
    return F == ItemFamily::Property ? "property"
           : F == ItemFamily::Method ? "method"
                                     : "event";
  }
  static const char *framework(Framework W) {
    return W == Framework::Ks ? "ks" : "portcls";
  }

  Value handler(const HandlerRef &H) const {
    if (!H.Present)
      return nullptr;
    Object O{{"name", H.name()}};
    if (H.Unresolved)
      O["unresolved"] = true; // did not compile: nothing known about it
    if (H.Function) {
      const FunctionDecl *Def = H.Function->getDefinition();
      O["location"] = location((Def ? Def : H.Function)->getLocation());
    }
    return O;
  }

  Value guid(const GuidRef &G) const {
    if (G.IsNull || (!G.Expr && G.Name.empty()))
      return nullptr;
    return Object{{"name", G.Name},
                  {"value", G.Value.empty() ? Value(nullptr) : Value(G.Value)}};
  }

  static Value name(const DeclaratorDecl *D) {
    if (!D)
      return nullptr;
    // A table kept as a field of a driver struct is named by the field (its
    // owner variable is exported beside it).
    if (isa<FieldDecl>(D))
      return D->getName().str();
    return D->getQualifiedNameAsString();
  }

  /// The last line of what \p R spans in the file: for text a macro
  /// produced, the end of the macro's use.
  Value endLocation(SourceRange R) const {
    SourceLocation End = R.getEnd();
    if (End.isMacroID())
      End = SM.getExpansionRange(End).getEnd();
    return location(End);
  }

  Value entry(const ItemArray &A, const ItemEntry &E) const {
    Object O{{"index", static_cast<int64_t>(E.Index)},
             {"location", location(E.Init->getBeginLoc())},
             {"end", endLocation(E.Init->getSourceRange())},
             {"id", number(E.Id)}};
    if (E.Id.Expr)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(E.Id.Expr->IgnoreParenImpCasts()))
        if (isa<EnumConstantDecl>(DRE->getDecl()))
          O["idName"] = DRE->getDecl()->getName().str();
    if (A.Info.Fw == Framework::PortCls) {
      O["propertySet"] = guid(E.PcSet);
      O["flags"] = number(E.Flags);
      O["handler"] = handler(E.PcHandler);
    } else if (A.Fast) {
      O["get"] = handler(E.Get);
      O["set"] = handler(E.Set);
    } else {
      O["minProperty"] = number(E.MinProperty);
      O["minData"] = number(E.MinData);
      O["get"] = handler(E.Get);
      O["set"] = handler(E.Set);
      O["support"] = handler(E.Support);
    }
    // The fields whose expressions had errors: unknown, never judged.
    Array Unresolved;
    auto Check = [&](const char *Name, bool Bad) {
      if (Bad)
        Unresolved.push_back(Name);
    };
    Check("id", E.Id.Unresolved);
    Check("minProperty", E.MinProperty.Unresolved);
    Check("minData", E.MinData.Unresolved);
    Check("flags", E.Flags.Unresolved);
    Check("propertySet", E.PcSet.Unresolved);
    Check("get", E.Get.Unresolved);
    Check("set", E.Set.Unresolved);
    Check("support", E.Support.Unresolved);
    Check("handler", E.PcHandler.Unresolved);
    if (!Unresolved.empty())
      O["unresolved"] = std::move(Unresolved);
    if (A.Info.Extended) {
      Object Handlers;
      for (const auto &[Field, H] : E.ExtHandlers)
        Handlers[Field] = handler(H);
      O["extension"] = Object{{"minProperty", number(E.ExtMinProperty)},
                              {"minData", number(E.ExtMinData)},
                              {"handlers", std::move(Handlers)}};
    }
    return O;
  }

  Value itemArray(const ItemArray &A) const {
    Array Entries;
    for (const ItemEntry &E : A.Entries)
      Entries.push_back(entry(A, E));
    // KS items carry no set of their own: the set entries pointing at the
    // array name it (PortCls entries name theirs, in "propertySet").
    Array Sets;
    for (const auto &[Table, SetE] : M.setsPointingAt(&A))
      Sets.push_back(Object{{"setTable", name(Table->Var)},
                            {"set", guid(SetE->Set)}});
    Object O{{"name", name(A.Var)},
             {"location", location(A.Var->getLocation())},
             {"family", family(A.Info.Family)},
             {"framework", framework(A.Info.Fw)},
             {"fast", A.Fast},
             {"extended", A.Info.Extended},
             {"elementType", typeName(A.ElementType, Ctx)},
             {"elementSize", number(A.ElementSize)},
             {"count", static_cast<int64_t>(A.Count)},
             {"sets", std::move(Sets)},
             {"items", std::move(Entries)}};
    if (A.Single)
      O["single"] = true; // one item object, not an array
    if (A.Owner) // a field of a driver struct: the variable that fills it
      O["owner"] = A.Owner->getQualifiedNameAsString();
    if (A.HasErrors)
      O["hasErrors"] = true;
    return O;
  }

  Value setTable(const SetTable &T) const {
    Array Sets;
    for (const SetEntry &E : T.Entries)
      Sets.push_back(Object{
          {"location", location(E.Init->getBeginLoc())},
          {"end", endLocation(E.Init->getSourceRange())},
          {"set", guid(E.Set)},
          {"itemsCount", number(E.ItemsCount)},
          {"items", E.Items ? name(E.Items->Var) : Value(nullptr)},
          {"fastIoCount", number(E.FastIoCount)},
          {"fastItems", E.FastItems ? name(E.FastItems->Var) : Value(nullptr)},
      });
    return Object{{"name", T.Var->getQualifiedNameAsString()},
                  {"location", location(T.Var->getLocation())},
                  {"family", family(T.Family)},
                  {"sets", std::move(Sets)}};
  }

  Value target(const ItemSizeSite &S) const {
    if (S.Sets)
      return name(S.Sets->Var);
    if (S.PcItems)
      return name(S.PcItems->Var);
    return nullptr;
  }

  Object sizeAndCount(const ItemSizeSite &S) const {
    return Object{{"itemSize", number(S.Value)},
                  // KsPropertyHandler & co. take no size: plain items.
                  {"itemSizeLocation",
                   S.SizeExpr ? location(S.Loc) : Value(nullptr)},
                  {"count", number(S.Count)},
                  {"countLocation", S.Count.Expr
                                        ? location(S.Count.Expr->getBeginLoc())
                                        : Value(nullptr)},
                  {"table", target(S)},
                  {"tableIsNull", S.TargetNull}};
  }

  Value callback(const CallbackRef &C) const {
    Value H = handler(C.Ref);
    if (auto *O = H.getAsObject()) {
      (*O)["castInTable"] = C.CastInTable;
      (*O)["slotLocation"] = C.Ref.Expr ? location(C.Ref.Expr->getBeginLoc())
                                        : Value(nullptr);
      if (C.CastInTable && C.Ref.Function && C.SlotType->isPointerType())
        if (const auto *Want = C.SlotType->getPointeeType()
                                   ->getAs<FunctionProtoType>())
          if (const auto *Have =
                  C.Ref.Function->getType()->getAs<FunctionProtoType>()) {
            (*O)["parameters"] = static_cast<int64_t>(Have->getNumParams());
            (*O)["slotParameters"] = static_cast<int64_t>(Want->getNumParams());
            QualType HR = Have->getReturnType(), WR = Want->getReturnType();
            (*O)["returnMismatch"] =
                HR->isVoidType() != WR->isVoidType() ||
                HR->isPointerType() != WR->isPointerType();
          }
      (*O)["effects"] = effects(C);
    }
    return H;
  }

  Value stmtLocation(const Stmt *S) const {
    return S ? location(S->getBeginLoc()) : Value(nullptr);
  }

  /// What a callback's body does, as the allocator checks read it.
  Value effects(const CallbackRef &C) const {
    const AllocatorCallbackFacts *F = M.callbackFacts(C.Ref.Function);
    if (!F)
      return nullptr;
    Object O;
    auto Fact = [&](const char *Name, const Stmt *S) {
      if (S)
        O[Name] = stmtLocation(S);
    };
    Fact("successWithoutContext", F->SuccessWithoutContext);
    Fact("successAfterFailedAllocation", F->SuccessAfterFailedAllocation);
    if (F->IgnoresPinAndFraming)
      O["ignoresPinAndFraming"] = location(F->Definition->getLocation());
    if (!F->StoredContextType.isNull())
      O["storedContextType"] = typeName(F->StoredContextType, Ctx);
    if (!F->ContextCastType.isNull()) {
      O["contextCastType"] = typeName(F->ContextCastType, Ctx);
      O["contextCastLocation"] = stmtLocation(F->ContextCast);
    }
    Fact("returnsUninitialized", F->ReturnsUninitialized);
    Fact("returnsSentinel", F->ReturnsSentinel);
    Fact("returnsFreed", F->ReturnsFreed);
    Fact("raisesInsteadOfNull", F->RaisesInsteadOfNull);
    if (F->SmallestAllocation) {
      O["smallestAllocation"] = static_cast<int64_t>(*F->SmallestAllocation);
      O["smallestAllocationLocation"] = stmtLocation(F->SmallestAllocationExpr);
    }
    O["allocatesFromPool"] = F->AllocatesFromPool;
    return O;
  }

  Value allocatorDispatch(const AllocatorDispatch &D) const {
    return Object{{"name", name(D.Var)},
                  {"location", location(D.Var->getLocation())},
                  {"initializeAllocator", callback(D.Initialize)},
                  {"deleteAllocator", callback(D.Delete)},
                  {"allocate", callback(D.Allocate)},
                  {"free", callback(D.Free)}};
  }

  Value framing(const Framing &F) const {
    return Object{
        {"name", name(F.Var)},
        {"location", location(F.Var->getLocation())},
        {"kind", F.Ex ? "KSALLOCATOR_FRAMING_EX" : "KSALLOCATOR_FRAMING"},
        {"memoryType",
         F.MemoryType.empty() ? Value(nullptr) : Value(F.MemoryType)},
        {"flags", number(F.Flags)},
        {"frames", number(F.Frames)},
        {"fileAlignment", number(F.FileAlignment)},
        {"minFrameSize", number(F.MinFrameSize)},
        {"maxFrameSize", number(F.MaxFrameSize)}};
  }

  Value pinDispatch(const PinDispatch &P) const {
    return Object{{"name", name(P.Var)},
                  {"location", location(P.Var->getLocation())},
                  {"allocator", P.Allocator ? name(P.Allocator->Var)
                                            : Value(nullptr)},
                  {"customAllocator", !P.AllocatorNull}};
  }

  Value pin(const PinDescriptor &P) const {
    return Object{{"array", name(P.Array)},
                  {"index", static_cast<int64_t>(P.Index)},
                  {"location", location(P.Init->getBeginLoc())},
                  {"dispatch", P.Dispatch ? name(P.Dispatch->Var)
                                          : Value(nullptr)},
                  {"allocatorFraming", P.AllocatorFraming
                                           ? name(P.AllocatorFraming->Var)
                                           : Value(nullptr)},
                  {"flags", number(P.Flags)},
                  {"flagsLocation", P.Flags.Expr ? location(P.Flags.Expr->getBeginLoc())
                                                 : Value(nullptr)},
                  {"dataFlow", number(P.DataFlow)},
                  {"communication", number(P.Communication)}};
  }

  Value document(llvm::StringRef MainFile) const {
    Array Arrays, Sets, Tables, Calls, Handlers;
    for (const ItemArray &A : M.ItemArrays)
      Arrays.push_back(itemArray(A));
    for (const SetTable &T : M.SetTables)
      Sets.push_back(setTable(T));
    // Sites of one automation table are consecutive, property first.
    using TableKey = std::pair<const VarDecl *, int>;
    std::vector<TableKey> Order;
    std::map<TableKey, Object> ByTable;
    for (const ItemSizeSite &S : M.Sites) {
      if (S.Kind == SiteKind::HandlerCall) {
        Object C = sizeAndCount(S);
        C["api"] = S.Api;
        C["family"] = family(S.Family);
        C["location"] = location(S.Call->getBeginLoc());
        Calls.push_back(std::move(C));
        continue;
      }
      TableKey Key{S.Table, S.TableIndex};
      auto [It, New] = ByTable.try_emplace(Key);
      if (New) {
        Order.push_back(Key);
        It->second = Object{{"name", KsModel::siteTableName(S)},
                            {"location", location(S.Table->getLocation())},
                            {"framework", framework(S.Fw)}};
      }
      It->second[family(S.Family)] = sizeAndCount(S);
    }
    for (const TableKey &K : Order)
      Tables.push_back(std::move(ByTable[K]));

    std::vector<std::pair<const FunctionDecl *, const HandlerAccess *>> Acc;
    for (const ItemArray &A : M.ItemArrays)
      for (const FunctionDecl *FD : A.Handlers)
        if (const HandlerAccess *H = M.accessOf(FD))
          if (std::none_of(Acc.begin(), Acc.end(),
                           [&](const auto &P) { return P.second == H; }))
            Acc.emplace_back(FD, H);
    // What each handler reads through KSPROPERTY_ITEM_IRP_STORAGE & co.
    struct StorageRead {
      Value Size, First, Last;
    };
    auto Storage = [&](const FunctionDecl *FD) {
      std::optional<uint64_t> Max;
      const ItemStorageCast *First = nullptr, *Last = nullptr;
      for (const ItemStorageCast &C : M.StorageCasts)
        if (C.Handler == FD->getCanonicalDecl())
          if (auto Size = typeSize(Ctx, C.Target)) {
            Max = std::max(Max.value_or(0), *Size);
            if (!First)
              First = &C;
            Last = &C;
          }
      return StorageRead{
          number(Max),
          First ? location(First->Cast->getBeginLoc()) : Value(nullptr),
          Last ? location(Last->Cast->getBeginLoc()) : Value(nullptr)};
    };
    for (const auto &[FD, H] : Acc) {
      StorageRead SR = Storage(FD);
      HandlerRef Named;
      Named.Function = FD;
      Named.Present = true;
      Handlers.push_back(Object{
          {"name", Named.name()}, // as items name it: GetValue<long long>
          {"location", location(H->Definition->getLocation())},
          {"framework", framework(H->Fw)},
          {"propertyRead", number(H->PropertyRead)},
          {"propertyType", H->PropertyType.isNull()
                               ? Value(nullptr)
                               : Value(typeName(H->PropertyType, Ctx))},
          {"dataAccess", number(H->DataAccess)},
          {"dataType", H->DataType.isNull()
                           ? Value(nullptr)
                           : Value(typeName(H->DataType, Ctx))},
          {"checksLength", H->ChecksLength},
          {"itemStorageRead", std::move(SR.Size)},
          {"itemStorageReadLocation", std::move(SR.First)},
          {"itemStorageReadEnd", std::move(SR.Last)},
      });
    }
    Array Dispatches, Framings, PinDispatches, Pins;
    for (const AllocatorDispatch &D : M.AllocatorDispatches)
      Dispatches.push_back(allocatorDispatch(D));
    for (const Framing &F : M.Framings)
      Framings.push_back(framing(F));
    for (const PinDispatch &P : M.PinDispatches)
      PinDispatches.push_back(pinDispatch(P));
    for (const PinDescriptor &P : M.Pins)
      Pins.push_back(pin(P));
    Array Modes, Wms, ExUses;
    for (const AllocatorModeCall &C : M.ModeCalls)
      Modes.push_back(Object{{"location", stmtLocation(C.Call)},
                             {"mode", C.User ? "user" : "kernel"},
                             {"requirementsFlags", number(C.RequirementsFlags)},
                             {"requirementsLocation", stmtLocation(C.FlagsExpr)}});
    for (const WmsAllocation &A : M.WmsAllocations)
      Wms.push_back(Object{
          {"location", stmtLocation(A.Call)},
          {"method", A.PageSize ? "AllocatePageSizeBuffer" : "AllocateBuffer"},
          {"pageAlignedUse", stmtLocation(A.PageAlignedUse)}});
    for (const AllocatorExUse &U : M.AllocatorExUses)
      ExUses.push_back(Object{{"location", location(U.Loc)}});
    // Tables the model could not (fully) read because of compile errors.
    Array Unanalysed;
    for (const UnanalysedTable &T : findUnanalysedTables(Ctx))
      Unanalysed.push_back(Object{
          {"name", T.Name},
          {"kind", T.Kind},
          {"location",
           T.File.empty()
               ? Value(nullptr)
               : Value(Object{{"file", displayPath(T.File, BaseDir)},
                              {"line", static_cast<int64_t>(T.Line)},
                              {"column", static_cast<int64_t>(T.Column)}})},
          {"reason", T.Reason}});
    return Object{{"file", displayPath(MainFile, BaseDir)},
                  {"allocatorModeCalls", std::move(Modes)},
                  {"bufferAllocations", std::move(Wms)},
                  {"allocatorExUses", std::move(ExUses)},
                  {"allocatorDispatches", std::move(Dispatches)},
                  {"framings", std::move(Framings)},
                  {"pinDispatches", std::move(PinDispatches)},
                  {"pins", std::move(Pins)},
                  {"itemArrays", std::move(Arrays)},
                  {"setTables", std::move(Sets)},
                  {"automationTables", std::move(Tables)},
                  {"dispatchCalls", std::move(Calls)},
                  {"handlers", std::move(Handlers)},
                  {"unanalysedTables", std::move(Unanalysed)}};
  }

private:
  const KsModel &M;
  ASTContext &Ctx;
  const SourceManager &SM;
  llvm::StringRef BaseDir;
};

} // namespace

Value exportTranslationUnit(const KsModel &Model, ASTContext &Ctx,
                            llvm::StringRef MainFile,
                            llvm::StringRef BaseDir) {
  return Exporter(Model, Ctx, BaseDir).document(MainFile);
}

Value exportDocument(Array TranslationUnits) {
  return Object{{"schema", "kstidy-model"},
                {"version", ModelSchemaVersion},
                {"translationUnits", std::move(TranslationUnits)}};
}

} // namespace ks
