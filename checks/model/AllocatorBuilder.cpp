//===- AllocatorBuilder.cpp - Allocator dispatches, framing and pins ------===//
//
// The allocator part of ModelBuilder: KSALLOCATOR_DISPATCH tables and their
// callbacks, KSALLOCATOR_FRAMING(_EX) (DECLARE_SIMPLE_FRAMING_EX or
// aggregates), KSPIN_DISPATCH tables and KSPIN_DESCRIPTOR_EX entries.
//
//===----------------------------------------------------------------------===//
#include "AllocatorCallbacks.h"
#include "Initializers.h"
#include "ModelBuilder.h"

#include "clang/AST/ASTContext.h"

using namespace clang;

namespace ks {
namespace model {

namespace {

CallbackRef callbackRef(const InitListExpr *ILE, llvm::StringRef Field,
                        ASTContext &Ctx) {
  CallbackRef C;
  const Expr *E = fieldInit(ILE, Field);
  C.Ref = handlerRef(E, Ctx);
  if (E) {
    C.SlotType = E->getType();
    C.CastInTable = isa<ExplicitCastExpr>(E->IgnoreParenImpCasts());
  }
  C.Signature = compareSignature(C, Ctx);
  return C;
}

const InitListExpr *firstElement(const Expr *ArrayInit) {
  const InitListExpr *ILE = asInitList(ArrayInit);
  return ILE && ILE->getNumInits() > 0 ? asInitList(ILE->getInit(0)) : nullptr;
}

} // namespace

const AllocatorDispatch *ModelBuilder::allocatorDispatch(const VarDecl *VD,
                                                         ASTContext &Ctx) {
  if (!VD)
    return nullptr;
  const VarDecl *Key = VD->getCanonicalDecl();
  if (auto It = Model.DispatchByVar.find(Key); It != Model.DispatchByVar.end())
    return It->second;
  auto [Def, ILE] = definitionWithInitList(VD);
  if (!Def || !isKsRecord(Def->getType(), "KSALLOCATOR_DISPATCH"))
    return nullptr;
  AllocatorDispatch &D = Model.AllocatorDispatches.emplace_back();
  D.Var = Def;
  D.Initialize = callbackRef(ILE, "InitializeAllocator", Ctx);
  D.Delete = callbackRef(ILE, "DeleteAllocator", Ctx);
  D.Allocate = callbackRef(ILE, "Allocate", Ctx);
  D.Free = callbackRef(ILE, "Free", Ctx);
  Model.DispatchByVar[Key] = &D;
  return &D;
}

namespace {

/// CountItems beside the items a KSALLOCATOR_FRAMING_EX object has room for:
/// the one FramingItem of the header's type, or more in a larger object.
void framingItems(Framing &F, const InitListExpr *ILE, ASTContext &Ctx) {
  CountedArray &A = F.Items;
  A.CountField = "CountItems";
  A.ArrayField = "FramingItem";
  A.Count = tableValue(fieldInit(ILE, "CountItems"), Ctx);
  A.Array = F.Var;
  const Expr *Items = fieldInit(ILE, "FramingItem");
  A.ArrayExpr = Items && !isa<ImplicitValueInitExpr>(Items) ? Items : nullptr;
  A.Unresolved = ILE->containsErrors();
  const RecordDecl *Decl = F.Var->getType()->getAsRecordDecl();
  const RecordDecl *RD = Decl ? Decl->getDefinition() : nullptr;
  if (!RD || RD->isInvalidDecl())
    return;
  for (const FieldDecl *FD : RD->fields()) {
    const auto *AT = Ctx.getAsConstantArrayType(FD->getType());
    if (FD->getName() != "FramingItem" || !AT)
      continue;
    const uint64_t Offset = Ctx.getFieldOffset(FD) / 8;
    const uint64_t Item =
        Ctx.getTypeSizeInChars(AT->getElementType()).getQuantity();
    const uint64_t Object =
        Ctx.getTypeSizeInChars(F.Var->getType()).getQuantity();
    A.ElementType = AT->getElementType();
    if (Item && Object >= Offset)
      A.Length = (Object - Offset) / Item;
    return;
  }
}

/// The KS_FRAMING_RANGEs of each framing item the initializer writes.
void framingRanges(Framing &F, const InitListExpr *ILE, ASTContext &Ctx) {
  const InitListExpr *Items = asInitList(fieldInit(ILE, "FramingItem"));
  if (!Items || Items->containsErrors())
    return;
  for (unsigned I = 0; I < Items->getNumInits(); ++I) {
    const InitListExpr *Item = asInitList(Items->getInit(I));
    if (!Item)
      continue;
    auto Add = [&](llvm::StringRef Member, const Expr *E) {
      const InitListExpr *R = asInitList(E);
      if (!R)
        return;
      Framing::Range Out;
      Out.Item = I;
      Out.Member = Member;
      Out.Init = R;
      Out.MinFrameSize = tableValue(fieldInit(R, "MinFrameSize"), Ctx);
      Out.MaxFrameSize = tableValue(fieldInit(R, "MaxFrameSize"), Ctx);
      Out.Stepping = tableValue(fieldInit(R, "Stepping"), Ctx);
      F.Ranges.push_back(Out);
    };
    Add("PhysicalRange", fieldInit(Item, "PhysicalRange"));
    Add("FramingRange.Range",
        fieldInit(asInitList(fieldInit(Item, "FramingRange")), "Range"));
  }
}

} // namespace

const Framing *ModelBuilder::framing(const VarDecl *VD, ASTContext &Ctx) {
  if (!VD)
    return nullptr;
  const VarDecl *Key = VD->getCanonicalDecl();
  if (auto It = Model.FramingByVar.find(Key); It != Model.FramingByVar.end())
    return It->second;
  auto [Def, ILE] = definitionWithInitList(VD);
  if (!Def)
    return nullptr;
  bool Ex = isKsRecord(Def->getType(), "KSALLOCATOR_FRAMING_EX");
  if (!Ex && !isKsRecord(Def->getType(), "KSALLOCATOR_FRAMING"))
    return nullptr;
  Framing &F = Model.Framings.emplace_back();
  F.Var = Def;
  F.Ex = Ex;
  if (Ex) {
    // The first framing item is what DECLARE_SIMPLE_FRAMING_EX writes and
    // what AVStream's default allocator honours.
    const InitListExpr *Item = firstElement(fieldInit(ILE, "FramingItem"));
    if (Item) {
      F.MemoryType = guidValue(asInitList(fieldInit(Item, "MemoryType")), Ctx);
      F.Flags = tableValue(fieldInit(Item, "Flags"), Ctx);
      F.Frames = tableValue(fieldInit(Item, "Frames"), Ctx);
      F.FileAlignment = tableValue(fieldInit(Item, "FileAlignment"), Ctx);
      const InitListExpr *Range = asInitList(
          fieldInit(asInitList(fieldInit(Item, "FramingRange")), "Range"));
      F.MinFrameSize = tableValue(fieldInit(Range, "MinFrameSize"), Ctx);
      F.MaxFrameSize = tableValue(fieldInit(Range, "MaxFrameSize"), Ctx);
    }
    framingItems(F, ILE, Ctx);
    framingRanges(F, ILE, Ctx);
  } else {
    const Expr *Flags = fieldInit(ILE, "RequirementsFlags");
    F.Flags = tableValue(Flags ? Flags : fieldInit(ILE, "OptionsFlags"), Ctx);
    F.Frames = tableValue(fieldInit(ILE, "Frames"), Ctx);
    F.FileAlignment = tableValue(fieldInit(ILE, "FileAlignment"), Ctx);
    F.MinFrameSize = F.MaxFrameSize =
        tableValue(fieldInit(ILE, "FrameSize"), Ctx);
  }
  Model.FramingByVar[Key] = &F;
  return &F;
}

const PinDispatch *ModelBuilder::pinDispatch(const VarDecl *VD,
                                             ASTContext &Ctx) {
  if (!VD)
    return nullptr;
  const VarDecl *Key = VD->getCanonicalDecl();
  if (auto It = Model.PinDispatchByVar.find(Key);
      It != Model.PinDispatchByVar.end())
    return It->second;
  auto [Def, ILE] = definitionWithInitList(VD);
  if (!Def || !isKsRecord(Def->getType(), "KSPIN_DISPATCH"))
    return nullptr;
  PinDispatch &P = Model.PinDispatches.emplace_back();
  P.Var = Def;
  P.AllocatorExpr = fieldInit(ILE, "Allocator");
  P.AllocatorNull = !P.AllocatorExpr || isNullPointer(P.AllocatorExpr, Ctx);
  if (!P.AllocatorNull)
    P.Allocator = allocatorDispatch(referencedVar(P.AllocatorExpr, Ctx), Ctx);
  Model.PinDispatchByVar[Key] = &P;
  return &P;
}

void ModelBuilder::addPinDescriptors(const VarDecl *VD, ASTContext &Ctx) {
  auto [Def, ILE] = definitionWithInitList(VD);
  if (!Def || PinArraysSeen.count(Def->getCanonicalDecl()))
    return;
  PinArraysSeen.insert(Def->getCanonicalDecl());
  std::vector<const InitListExpr *> Entries;
  if (Ctx.getAsConstantArrayType(Def->getType())) {
    for (const Expr *E : ILE->inits())
      if (const InitListExpr *Entry = asInitList(E))
        Entries.push_back(Entry);
  } else {
    Entries.push_back(ILE);
  }
  unsigned Index = 0;
  for (const InitListExpr *E : Entries) {
    PinDescriptor P;
    P.Array = Def;
    P.Index = Index++;
    P.Init = E;
    if (const Expr *D = fieldInit(E, "Dispatch"); D && !isNullPointer(D, Ctx))
      P.Dispatch = pinDispatch(referencedVar(D, Ctx), Ctx);
    if (const Expr *F = fieldInit(E, "AllocatorFraming");
        F && !isNullPointer(F, Ctx))
      P.AllocatorFraming = framing(referencedVar(F, Ctx), Ctx);
    P.Flags = tableValue(fieldInit(E, "Flags"), Ctx);
    const InitListExpr *Desc = asInitList(fieldInit(E, "PinDescriptor"));
    P.DataFlow = tableValue(fieldInit(Desc, "DataFlow"), Ctx);
    P.Communication = tableValue(fieldInit(Desc, "Communication"), Ctx);
    Model.Pins.push_back(P);
  }
}

void ModelBuilder::analyzeCallbacks(ASTContext &Ctx) {
  auto Facts = [&](const CallbackRef &C) -> AllocatorCallbackFacts * {
    if (!C.Ref.Function)
      return nullptr;
    const FunctionDecl *Def = C.Ref.Function->getDefinition();
    if (!Def || !Def->hasBody() || Def->isInvalidDecl())
      return nullptr;
    AllocatorCallbackFacts &F = Model.Callbacks[C.Ref.Function];
    F.Definition = Def;
    return &F;
  };
  for (const AllocatorDispatch &D : Model.AllocatorDispatches) {
    if (AllocatorCallbackFacts *F = Facts(D.Initialize))
      analyzeInitializeAllocator(F->Definition, *F, Ctx);
    if (AllocatorCallbackFacts *F = Facts(D.Allocate)) {
      analyzeContextUse(F->Definition, *F, Ctx);
      analyzeAllocate(F->Definition, *F, Ctx);
    }
    for (const CallbackRef *C : {&D.Free, &D.Delete})
      if (AllocatorCallbackFacts *F = Facts(*C))
        analyzeContextUse(F->Definition, *F, Ctx);
  }
}

} // namespace model
} // namespace ks
