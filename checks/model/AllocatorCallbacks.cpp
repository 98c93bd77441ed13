//===- AllocatorCallbacks.cpp ---------------------------------------------===//
#include "AllocatorCallbacks.h"

#include "ModelBuilder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/UninitializedValues.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace ks {
namespace model {

namespace {

/// Pool allocation functions and the index of their size argument (-1: the
/// size is fixed elsewhere, e.g. a lookaside list).
struct PoolFunction {
  const char *Name;
  int SizeArg;
  bool PoolAligned; ///< 16-byte pool alignment (not page-aligned memory)
};
const PoolFunction PoolFunctions[] = {
    {"ExAllocatePool", 1, true},
    {"ExAllocatePoolWithTag", 1, true},
    {"ExAllocatePoolWithQuota", 1, true},
    {"ExAllocatePoolWithQuotaTag", 1, true},
    {"ExAllocatePoolWithTagPriority", 1, true},
    {"ExAllocatePoolZero", 1, true},
    {"ExAllocatePoolUninitialized", 1, true},
    {"ExAllocatePoolQuotaZero", 1, true},
    {"ExAllocatePoolQuotaUninitialized", 1, true},
    {"ExAllocatePoolPriorityZero", 1, true},
    {"ExAllocatePoolPriorityUninitialized", 1, true},
    {"ExAllocatePool2", 1, true},
    {"ExAllocatePool3", 1, true},
    {"ExAllocateFromNPagedLookasideList", -1, true},
    {"ExAllocateFromPagedLookasideList", -1, true},
    {"ExAllocateFromLookasideListEx", -1, true},
    {"MmAllocateContiguousMemory", 0, false},
    {"MmAllocateContiguousMemorySpecifyCache", 0, false},
    {"MmAllocateNonCachedMemory", 0, false},
};

const PoolFunction *poolFunction(const CallExpr *Call) {
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier())
    return nullptr;
  for (const PoolFunction &P : PoolFunctions)
    if (FD->getName() == P.Name)
      return &P;
  return nullptr;
}

bool isFreeFunction(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {"ExFreePool",
                                          "ExFreePoolWithTag",
                                          "ExFreePool2",
                                          "ExFreeToNPagedLookasideList",
                                          "ExFreeToPagedLookasideList",
                                          "ExFreeToLookasideListEx",
                                          "MmFreeContiguousMemory",
                                          "MmFreeNonCachedMemory"};
  return Names.contains(Name);
}

bool isRaiseFunction(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {"KeBugCheck",
                                          "KeBugCheckEx",
                                          "ExRaiseStatus",
                                          "ExRaiseAccessViolation",
                                          "ExRaiseDatatypeMisalignment",
                                          "RtlRaiseStatus",
                                          "RtlRaiseException"};
  return Names.contains(Name);
}

const ParmVarDecl *param(const FunctionDecl *FD, unsigned I) {
  return FD->getNumParams() > I ? FD->getParamDecl(I) : nullptr;
}

bool refersTo(const Expr *E, const ValueDecl *D) {
  if (!E || !D)
    return false;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  return DRE && DRE->getDecl() == D;
}

/// `*Context` (or `Context[0]`).
bool isDerefOf(const Expr *E, const ValueDecl *P) {
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Deref && refersTo(UO->getSubExpr(), P);
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    return refersTo(ASE->getBase(), P);
  return false;
}

/// Stores into *Context, or hands Context to a function that may.
bool storesContext(const Stmt *S, const ParmVarDecl *Context) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->isAssignmentOp() && isDerefOf(BO->getLHS(), Context);
  if (const auto *Call = dyn_cast<CallExpr>(S))
    for (const Expr *Arg : Call->arguments())
      if (refersTo(Arg, Context))
        return true;
  return false;
}

/// The value under test in `!V`, `V == NULL`, `NULL == V`, `V == 0`.
const Expr *nullTested(const Expr *Cond, ASTContext &Ctx) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
    return UO->getOpcode() == UO_LNot ? UO->getSubExpr()->IgnoreParenImpCasts()
                                      : nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (BO->getOpcode() != BO_EQ)
      return nullptr;
    auto IsNull = [&](const Expr *E) {
      return E->IgnoreParenCasts()->isNullPointerConstant(
                 Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
    };
    if (IsNull(BO->getRHS()))
      return BO->getLHS()->IgnoreParenImpCasts();
    if (IsNull(BO->getLHS()))
      return BO->getRHS()->IgnoreParenImpCasts();
  }
  return nullptr;
}

/// The same storage: a variable, or `*Context`.
bool sameStorage(const Expr *A, const Expr *B) {
  A = A->IgnoreParenCasts();
  B = B->IgnoreParenCasts();
  if (const auto *DA = dyn_cast<DeclRefExpr>(A))
    if (const auto *DB = dyn_cast<DeclRefExpr>(B))
      return DA->getDecl() == DB->getDecl();
  const auto *UA = dyn_cast<UnaryOperator>(A);
  const auto *UB = dyn_cast<UnaryOperator>(B);
  return UA && UB && UA->getOpcode() == UO_Deref &&
         UB->getOpcode() == UO_Deref &&
         sameStorage(UA->getSubExpr(), UB->getSubExpr());
}

bool isAllocation(const Expr *E) {
  E = E->IgnoreParenCasts();
  return poolFunction(dyn_cast<CallExpr>(E)) || isa<CXXNewExpr>(E);
}

/// Collects the statements of a body for the simple (flow-insensitive)
/// questions.
class BodyScan : public RecursiveASTVisitor<BodyScan> {
public:
  std::vector<const ReturnStmt *> Returns;
  std::vector<const IfStmt *> Ifs;
  std::vector<const CallExpr *> Calls;
  std::vector<const BinaryOperator *> Assignments;
  std::vector<const VarDecl *> Locals;
  std::vector<const DeclRefExpr *> Refs;
  std::vector<const CastExpr *> Casts;
  std::vector<const CompoundStmt *> Blocks;

  bool VisitReturnStmt(ReturnStmt *S) { return push(Returns, S); }
  bool VisitIfStmt(IfStmt *S) { return push(Ifs, S); }
  bool VisitCallExpr(CallExpr *S) { return push(Calls, S); }
  bool VisitBinaryOperator(BinaryOperator *S) {
    return S->isAssignmentOp() ? push(Assignments, S) : true;
  }
  bool VisitVarDecl(VarDecl *D) { return push(Locals, D); }
  bool VisitDeclRefExpr(DeclRefExpr *S) { return push(Refs, S); }
  bool VisitCastExpr(CastExpr *S) { return push(Casts, S); }
  bool VisitCompoundStmt(CompoundStmt *S) { return push(Blocks, S); }

private:
  template <typename T, typename U> static bool push(T &V, U *X) {
    V.push_back(X);
    return true;
  }
};

BodyScan scan(const FunctionDecl *Def) {
  BodyScan S;
  S.TraverseStmt(Def->getBody());
  return S;
}

/// `UNREFERENCED_PARAMETER(Pin)` is a mention, not a use.
bool inUnreferencedMacro(SourceLocation L, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (int Depth = 0; L.isMacroID() && Depth < 8; ++Depth) {
    llvm::StringRef Name =
        Lexer::getImmediateMacroName(L, SM, Ctx.getLangOpts());
    if (Name.contains("UNREFERENCED_PARAMETER"))
      return true;
    L = SM.getImmediateMacroCallerLoc(L);
  }
  return false;
}

/// The pointee as the driver spelled it (a typedef, not the tag), for
/// messages; compare with hasSameUnqualifiedType.
QualType pointeeOf(const Expr *E) {
  QualType T = E->IgnoreParenCasts()->getType();
  if (T.isNull() || !T->isPointerType())
    return QualType();
  QualType P = T->getPointeeType();
  return P->isVoidType() ? QualType() : P.getUnqualifiedType();
}

} // namespace

bool isPoolAllocation(llvm::StringRef Name) {
  for (const PoolFunction &P : PoolFunctions)
    if (Name == P.Name)
      return true;
  return false;
}

bool isPoolFree(llvm::StringRef Name) { return isFreeFunction(Name); }

bool isSuccessReturn(const Stmt *S, const ASTContext &Ctx) {
  const auto *R = dyn_cast_or_null<ReturnStmt>(S);
  if (!R || !R->getRetValue())
    return false;
  auto V = evaluateConstant(R->getRetValue(), Ctx);
  return V && *V == 0; // STATUS_SUCCESS
}

const Stmt *
successReturnReachedWithout(const CFG &G,
                            llvm::function_ref<bool(const Stmt *)> Ends,
                            const ASTContext &Ctx) {
  llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
  std::vector<const CFGBlock *> Work = {&G.getEntry()};
  while (!Work.empty()) {
    const CFGBlock *B = Work.back();
    Work.pop_back();
    if (!B || !Seen.insert(B).second)
      continue;
    bool Ended = false;
    for (const CFGElement &E : *B) {
      auto CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *St = CS->getStmt();
      if (Ends(St)) {
        Ended = true;
        break;
      }
      if (isSuccessReturn(St, Ctx))
        return St;
    }
    if (!Ended)
      for (const CFGBlock *Succ : B->succs())
        Work.push_back(Succ);
  }
  return nullptr;
}

void analyzeInitializeAllocator(const FunctionDecl *Def,
                                AllocatorCallbackFacts &F, ASTContext &Ctx) {
  const ParmVarDecl *Pin = param(Def, 0), *Framing = param(Def, 1),
                    *Context = param(Def, 2);
  if (!Context)
    return;
  BodyScan S = scan(Def);

  // A success return reachable from the entry without a store to *Context.
  CFG::BuildOptions Options;
  if (std::unique_ptr<CFG> G =
          CFG::buildCFG(Def, Def->getBody(), &Ctx, Options))
    F.SuccessWithoutContext = successReturnReachedWithout(
        *G, [&](const Stmt *St) { return storesContext(St, Context); }, Ctx);

  // `p = ExAllocatePool...(); if (!p) return STATUS_SUCCESS;`
  std::vector<std::pair<const Expr *, const Expr *>> Allocated; // target, call
  for (const VarDecl *VD : S.Locals)
    if (VD->getInit() && isAllocation(VD->getInit()))
      Allocated.emplace_back(nullptr, VD->getInit());
  for (const BinaryOperator *BO : S.Assignments)
    if (BO->getOpcode() == BO_Assign && isAllocation(BO->getRHS()))
      Allocated.emplace_back(BO->getLHS(), BO->getRHS());
  for (const IfStmt *If : S.Ifs) {
    const Expr *Tested =
        If->getCond() ? nullTested(If->getCond(), Ctx) : nullptr;
    if (!Tested)
      continue;
    const Expr *Alloc = nullptr;
    for (const auto &[Target, Call] : Allocated) {
      if (Target && sameStorage(Target, Tested))
        Alloc = Call;
      const auto *DRE = dyn_cast<DeclRefExpr>(Tested->IgnoreParenCasts());
      if (!Target && DRE)
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
            VD && VD->getInit() == Call)
          Alloc = Call;
    }
    if (!Alloc)
      continue;
    const Stmt *Then = If->getThen();
    const Stmt *Ret = nullptr;
    if (isSuccessReturn(Then, Ctx))
      Ret = Then;
    else if (const auto *CS = dyn_cast<CompoundStmt>(Then))
      for (const Stmt *X : CS->body())
        if (isSuccessReturn(X, Ctx))
          Ret = X;
    if (Ret) {
      F.SuccessAfterFailedAllocation = Ret;
      F.FailedAllocation = Alloc;
      break;
    }
  }

  // Does the body use Pin or AllocatorFraming at all?
  bool Uses = false;
  for (const DeclRefExpr *DRE : S.Refs)
    if ((DRE->getDecl() == Pin || DRE->getDecl() == Framing) &&
        !inUnreferencedMacro(DRE->getBeginLoc(), Ctx))
      Uses = true;
  F.IgnoresPinAndFraming = (Pin || Framing) && !Uses;

  // What goes into *Context.
  bool Ambiguous = false;
  for (const BinaryOperator *BO : S.Assignments) {
    if (BO->getOpcode() != BO_Assign || !isDerefOf(BO->getLHS(), Context))
      continue;
    QualType T = pointeeOf(BO->getRHS());
    if (T.isNull())
      continue; // NULL or a PVOID: nothing to compare against
    if (!F.StoredContextType.isNull() &&
        !Ctx.hasSameUnqualifiedType(F.StoredContextType, T))
      Ambiguous = true;
    F.StoredContextType = T;
    F.ContextStore = BO;
  }
  if (Ambiguous) {
    F.StoredContextType = QualType();
    F.ContextStore = nullptr;
  }
}

void analyzeContextUse(const FunctionDecl *Def, AllocatorCallbackFacts &F,
                       ASTContext &Ctx) {
  const ParmVarDecl *Context = param(Def, 0);
  if (!Context)
    return;
  BodyScan S = scan(Def);
  for (const CastExpr *CE : S.Casts) {
    if (!refersTo(CE->getSubExpr(), Context) || !CE->getType()->isPointerType())
      continue;
    // `(MY_CTX *)Context`, or C's implicit `MY_CTX *c = Context;`.
    if (!isa<ExplicitCastExpr>(CE) && CE->getCastKind() != CK_BitCast)
      continue;
    QualType T = CE->getType()->getPointeeType();
    if (T->isVoidType() || T->isCharType())
      continue;
    T = T.getUnqualifiedType();
    if (!F.ContextCastType.isNull() &&
        !Ctx.hasSameUnqualifiedType(F.ContextCastType, T)) {
      F.ContextCastType = QualType(); // read as two types: do not judge
      F.ContextCast = nullptr;
      return;
    }
    F.ContextCastType = T;
    F.ContextCast = CE;
  }
}

namespace {
class ReturnUninit : public UninitVariablesHandler {
public:
  ReturnUninit(const std::vector<const ReturnStmt *> &Returns,
               AllocatorCallbackFacts &F)
      : Returns(Returns), F(F) {}
  void handleUseOfUninitVariable(const VarDecl *VD,
                                 const UninitUse &Use) override {
    if (Use.getKind() == UninitUse::Maybe)
      return; // loops and the like: not certain
    for (const ReturnStmt *R : Returns)
      if (R->getRetValue() &&
          R->getRetValue()->IgnoreParenImpCasts() == Use.getUser())
        if (!F.ReturnsUninitialized)
          F.ReturnsUninitialized = R;
  }

private:
  const std::vector<const ReturnStmt *> &Returns;
  AllocatorCallbackFacts &F;
};
} // namespace

void analyzeAllocate(const FunctionDecl *Def, AllocatorCallbackFacts &F,
                     ASTContext &Ctx) {
  BodyScan S = scan(Def);

  // A non-pointer sentinel: (PVOID)-1, (PVOID)1.
  for (const ReturnStmt *R : S.Returns) {
    const Expr *V = R->getRetValue();
    if (!V || !isa<CastExpr>(V->IgnoreParens()))
      continue;
    const Expr *Inner = V->IgnoreParenCasts();
    if (!Inner->getType()->isIntegerType() || Inner->isValueDependent())
      continue;
    if (auto N = Inner->getIntegerConstantExpr(Ctx); N && *N != 0) {
      F.ReturnsSentinel = R;
      break;
    }
  }

  // An uninitialized pointer on some path (clang's -Wuninitialized engine).
  AnalysisDeclContextManager Manager(Ctx);
  // As Sema's -Wuninitialized does: every statement in the CFG.
  Manager.getCFGBuildOptions().setAllAlwaysAdd();
  if (AnalysisDeclContext *AC = Manager.getContext(Def))
    if (const CFG *G = AC->getCFG()) {
      ReturnUninit Handler(S.Returns, F);
      UninitVariablesAnalysisStats Stats;
      runUninitializedVariablesAnalysis(*Def, *G, *AC, Handler, Stats);
    }

  // `ExFreePool(p); return p;` in one block.
  for (const CompoundStmt *Block : S.Blocks) {
    llvm::SmallPtrSet<const Decl *, 4> Freed;
    for (const Stmt *X : Block->body()) {
      if (const auto *Call = dyn_cast<CallExpr>(X)) {
        const FunctionDecl *FD = Call->getDirectCallee();
        if (FD && FD->getIdentifier() && isFreeFunction(FD->getName()))
          for (const Expr *Arg : Call->arguments())
            if (const auto *DRE =
                    dyn_cast<DeclRefExpr>(Arg->IgnoreParenCasts()))
              Freed.insert(DRE->getDecl());
      } else if (const auto *BO = dyn_cast<BinaryOperator>(X)) {
        if (BO->isAssignmentOp())
          if (const auto *DRE =
                  dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenCasts()))
            Freed.erase(DRE->getDecl());
      } else if (const auto *R = dyn_cast<ReturnStmt>(X)) {
        if (R->getRetValue())
          if (const auto *DRE =
                  dyn_cast<DeclRefExpr>(R->getRetValue()->IgnoreParenCasts()))
            if (Freed.count(DRE->getDecl()) && !F.ReturnsFreed)
              F.ReturnsFreed = R;
      }
    }
  }

  // Raising or bugchecking instead of returning NULL; pool allocations.
  for (const CallExpr *Call : S.Calls) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->getIdentifier())
      continue;
    llvm::StringRef Name = FD->getName();
    if (isRaiseFunction(Name) && !F.RaisesInsteadOfNull)
      F.RaisesInsteadOfNull = Call;
    const PoolFunction *P = poolFunction(Call);
    if (!P)
      continue;
    F.AllocatesFromPool = true;
    // POOL_FLAG_RAISE_ON_FAILURE (0x20) for ExAllocatePool2/3;
    // POOL_RAISE_IF_ALLOCATION_FAILURE (16) in a POOL_TYPE.
    if (Call->getNumArgs() > 0)
      if (auto Flags = evaluateConstant(Call->getArg(0), Ctx)) {
        bool Pool2 = Name == "ExAllocatePool2" || Name == "ExAllocatePool3";
        bool Legacy =
            Name.starts_with("ExAllocatePool") && !Pool2 && P->SizeArg == 1;
        if (((Pool2 && (*Flags & 0x20)) || (Legacy && (*Flags & 16))) &&
            !F.RaisesInsteadOfNull)
          F.RaisesInsteadOfNull = Call;
      }
    if (P->SizeArg >= 0 && P->PoolAligned &&
        Call->getNumArgs() > static_cast<unsigned>(P->SizeArg))
      if (auto Size = evaluateConstant(Call->getArg(P->SizeArg), Ctx))
        if (!F.SmallestAllocation || *Size < *F.SmallestAllocation) {
          F.SmallestAllocation = Size;
          F.SmallestAllocationExpr = Call->getArg(P->SizeArg);
        }
  }
}

/// Pointer and integer parameters of one size pass the same way; a different
/// type otherwise, or a pointer where an integer is expected, does not.
static bool passesAs(QualType Have, QualType Want, const ASTContext &Ctx) {
  if (Ctx.hasSameUnqualifiedType(Have, Want))
    return true;
  return Have->isPointerType() && Want->isPointerType(); // PVOID Context
                                                         // as MY_CONTEXT *
}

CallbackSignature compareSignature(const CallbackRef &C,
                                   const ASTContext &Ctx) {
  CallbackSignature S;
  if (!C.Ref.Function || !C.CastInTable || C.SlotType.isNull() ||
      !C.SlotType->isPointerType())
    return S;
  S.Slot = C.SlotType->getPointeeType()->getAs<FunctionProtoType>();
  S.Callback = C.Ref.Function->getType()->getAs<FunctionProtoType>();
  if (!S.Slot || !S.Callback)
    return S;
  S.Compared = true;
  unsigned Common =
      std::min(S.Callback->getNumParams(), S.Slot->getNumParams());
  for (unsigned I = 0; I < Common && S.IncompatibleParam < 0; ++I)
    if (!passesAs(S.Callback->getParamType(I), S.Slot->getParamType(I), Ctx))
      S.IncompatibleParam = static_cast<int>(I);
  QualType Have = S.Callback->getReturnType(), Want = S.Slot->getReturnType();
  S.ReturnMismatch = Have->isVoidType() != Want->isVoidType() ||
                     (!Have->isVoidType() && !passesAs(Have, Want, Ctx));
  return S;
}

} // namespace model
} // namespace ks
