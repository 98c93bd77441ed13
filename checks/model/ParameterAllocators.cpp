//===- ParameterAllocators.cpp - PFNKSALLOCATOR callbacks and their buffers
//===//
//
// Two walks over clang's CFG for the callback (a success return without a
// buffer stored; a success return where the allocation returned NULL) and
// one for the filter: from the call to the end of its function, counting
// the releases of the buffer on each path (at most 2), where a branch on
// "the buffer is NULL" ends the paths that have nothing to release.
//
//===----------------------------------------------------------------------===//
#include "ParameterAllocators.h"

#include "AllocatorCallbacks.h"
#include "HandlerAccess.h"
#include "ModelBuilder.h"
#include "TopLevelDecls.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"

#include <climits>
#include <set>

using namespace clang;

namespace ks {
namespace model {

namespace {

/// STATUS_PENDING: the request completes later, elsewhere.
constexpr uint64_t StatusPending = 0x103;
/// POOL_RAISE_IF_ALLOCATION_FAILURE (a POOL_TYPE bit) and
/// POOL_FLAG_RAISE_ON_FAILURE (ExAllocatePool2/3): the allocation raises
/// instead of returning NULL.
constexpr uint64_t PoolRaiseIfAllocationFailure = 0x10;
constexpr uint64_t PoolFlagRaiseOnFailure = 0x20;

/// The variable or parameter an expression is rooted in: `Irp` in
/// `Irp->Tail.Overlay.DriverContext[0]`.
const ValueDecl *rootDecl(const Expr *E) {
  for (int Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase();
    else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      E = ASE->getBase();
    else if (const auto *UO = dyn_cast<UnaryOperator>(E))
      E = UO->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

bool refersTo(const Expr *E, const ValueDecl *D) {
  const auto *DRE = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()) : nullptr;
  return D && DRE && DRE->getDecl() == D;
}

const MemberExpr *member(const Expr *E, llvm::StringRef Name) {
  const auto *ME = E ? dyn_cast<MemberExpr>(E->IgnoreParenCasts()) : nullptr;
  return ME && ME->getMemberDecl()->getName() == Name ? ME : nullptr;
}

/// `Irp->AssociatedIrp.SystemBuffer`.
bool isSystemBufferOf(const Expr *E, const ValueDecl *Irp) {
  const MemberExpr *SB = member(E, "SystemBuffer");
  const MemberExpr *AI = SB ? member(SB->getBase(), "AssociatedIrp") : nullptr;
  return AI && refersTo(AI->getBase(), Irp);
}

/// `Irp->Flags`.
bool isFlagsOf(const Expr *E, const ValueDecl *Irp) {
  const MemberExpr *F = member(E, "Flags");
  return F && refersTo(F->getBase(), Irp) &&
         pointsToRecord(F->getBase()->IgnoreParenImpCasts()->getType(), "_IRP");
}

/// Does some constant operand of an `|` chain have \p Bit?
bool hasBit(const Expr *E, uint64_t Bit, const ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (std::optional<uint64_t> V = evaluateConstant(E, Ctx))
    return (*V & Bit) != 0;
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Or)
    return hasBit(BO->getLHS(), Bit, Ctx) || hasBit(BO->getRHS(), Bit, Ctx);
  return false;
}

/// `Irp->Flags |= IRP_DEALLOCATE_BUFFER` (or `=` a value with the bit).
bool setsDeallocateBuffer(const Stmt *S, const ValueDecl *Irp,
                          const ASTContext &Ctx) {
  const auto *BO = dyn_cast<BinaryOperator>(S);
  return BO &&
         (BO->getOpcode() == BO_OrAssign || BO->getOpcode() == BO_Assign) &&
         isFlagsOf(BO->getLHS(), Irp) &&
         hasBit(BO->getRHS(), IrpDeallocateBuffer, Ctx);
}

bool inSystemHeader(const Decl *D, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  return SM.isInSystemHeader(SM.getFileLoc(D->getLocation()));
}

/// A function of the driver's whose body this TU holds.
const FunctionDecl *driverDefinition(const CallExpr *C, const ASTContext &Ctx) {
  const FunctionDecl *FD = C->getDirectCallee();
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || !Def->hasBody() || inSystemHeader(Def, Ctx) ||
      Def->isDependentContext() || bodyHasErrors(Def->getBody()))
    return nullptr;
  return Def;
}

/// A call of a function the driver declares but this TU does not define.
bool isOpaqueDriverCall(const CallExpr *C, const ASTContext &Ctx) {
  const FunctionDecl *FD = C->getDirectCallee();
  if (!FD)
    return true; // through a pointer: anything
  return !inSystemHeader(FD, Ctx) && !driverDefinition(C, Ctx) &&
         !FD->getBuiltinID();
}

/// A pool allocation that may return NULL.
bool isNullableAllocation(const Expr *E, const ASTContext &Ctx) {
  const auto *C =
      dyn_cast_or_null<CallExpr>(E ? E->IgnoreParenCasts() : nullptr);
  const FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier() || !isPoolAllocation(FD->getName()))
    return false;
  llvm::StringRef Name = FD->getName();
  if (Name.starts_with("ExAllocatePool") && C->getNumArgs() > 0) {
    const uint64_t Raise =
        Name == "ExAllocatePool2" || Name == "ExAllocatePool3"
            ? PoolFlagRaiseOnFailure
            : PoolRaiseIfAllocationFailure;
    if (hasBit(C->getArg(0), Raise, Ctx))
      return false;
  }
  return true;
}

/// The value a branch condition compares with NULL, and whether its true
/// branch is the NULL one: `!P`, `P == NULL`, `P != NULL`, `P`.
struct NullTest {
  const Expr *Tested = nullptr;
  bool NullOnTrue = false;
};
std::optional<NullTest> nullTest(const Expr *Cond, const ASTContext &Ctx) {
  if (!Cond)
    return std::nullopt;
  Cond = Cond->IgnoreParenImpCasts();
  // `(P = Allocate(...))` tests what it stores.
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond);
      BO && BO->getOpcode() == BO_Assign)
    Cond = BO->getLHS()->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
      UO && UO->getOpcode() == UO_LNot) {
    std::optional<NullTest> T = nullTest(UO->getSubExpr(), Ctx);
    if (T)
      T->NullOnTrue = !T->NullOnTrue;
    return T;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond);
      BO && (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE)) {
    auto IsNull = [&](const Expr *E) {
      return E->IgnoreParenCasts()->isNullPointerConstant(
                 const_cast<ASTContext &>(Ctx),
                 Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
    };
    const Expr *Other = IsNull(BO->getRHS())   ? BO->getLHS()
                        : IsNull(BO->getLHS()) ? BO->getRHS()
                                               : nullptr;
    if (!Other)
      return std::nullopt;
    Other = Other->IgnoreParenImpCasts();
    if (const auto *Assign = dyn_cast<BinaryOperator>(Other);
        Assign && Assign->getOpcode() == BO_Assign)
      Other = Assign->getLHS()->IgnoreParenImpCasts();
    return NullTest{Other, BO->getOpcode() == BO_EQ};
  }
  if (Cond->getType()->isPointerType())
    return NullTest{Cond, false};
  return std::nullopt;
}

/// Locals that hold the buffer: assigned from \p IsSource.
template <typename Pred>
llvm::DenseSet<const ValueDecl *> holders(const FunctionDecl *Def,
                                          Pred IsSource) {
  struct Finder : RecursiveASTVisitor<Finder> {
    Pred &IsSource;
    llvm::DenseSet<const ValueDecl *> Out;
    explicit Finder(Pred &P) : IsSource(P) {}
    bool VisitVarDecl(VarDecl *VD) {
      if (VD->hasLocalStorage() && VD->getInit() && IsSource(VD->getInit()))
        Out.insert(VD);
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->getOpcode() == BO_Assign && IsSource(BO->getRHS()))
        if (const auto *DRE =
                dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenCasts()))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
              VD && VD->hasLocalStorage())
            Out.insert(VD);
      return true;
    }
  } F(IsSource);
  F.TraverseStmt(Def->getBody());
  return std::move(F.Out);
}

std::unique_ptr<CFG> buildCfg(const FunctionDecl *Def, ASTContext &Ctx) {
  CFG::BuildOptions Options;
  return CFG::buildCFG(Def, Def->getBody(), &Ctx, Options);
}

/// The successors a branch leaves to the paths that follow it: a test of
/// \p IsBuffer against NULL keeps only the branch named by \p KeepNull.
template <typename Pred>
llvm::SmallVector<const CFGBlock *, 2> followed(const CFGBlock *B,
                                                Pred IsBuffer, bool KeepNull,
                                                const ASTContext &Ctx) {
  llvm::SmallVector<const CFGBlock *, 2> Out;
  std::optional<NullTest> T;
  if (const Expr *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition()))
    T = nullTest(Cond, Ctx);
  if (T && IsBuffer(T->Tested) && B->succ_size() == 2) {
    const bool TakeTrue = T->NullOnTrue == KeepNull;
    if (const CFGBlock *S = *(B->succ_begin() + (TakeTrue ? 0 : 1)))
      Out.push_back(S);
    return Out;
  }
  for (const CFGBlock *S : B->succs())
    if (S)
      Out.push_back(S);
  return Out;
}

// --- The callback ---------------------------------------------------------

void analyzeCallback(const FunctionDecl *Def, ParameterAllocatorCallback &U,
                     ASTContext &Ctx) {
  U.Definition = Def;
  const ParmVarDecl *Irp =
      Def->getNumParams() > 0 ? Def->getParamDecl(0) : nullptr;
  if (!Irp)
    return;
  std::unique_ptr<CFG> G = buildCfg(Def, Ctx);
  if (!G)
    return;
  auto IsAllocation = [&](const Expr *E) {
    return isNullableAllocation(E, Ctx);
  };
  llvm::DenseSet<const ValueDecl *> Holders = holders(Def, IsAllocation);
  // The allocations whose result lands where a test can be read: a local,
  // or SystemBuffer itself. One stored anywhere else (a field of the
  // driver's, a global) is tested there, which the walk does not follow:
  // not judged.
  struct Tracked : RecursiveASTVisitor<Tracked> {
    const ParmVarDecl *Irp = nullptr;
    llvm::DenseSet<const Expr *> Calls;
    static const Expr *call(const Expr *E) {
      return E ? E->IgnoreParenCasts() : nullptr;
    }
    bool VisitVarDecl(VarDecl *VD) {
      if (VD->hasLocalStorage() && VD->getInit())
        Calls.insert(call(VD->getInit()));
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->getOpcode() != BO_Assign)
        return true;
      const Expr *L = BO->getLHS()->IgnoreParenCasts();
      const auto *DRE = dyn_cast<DeclRefExpr>(L);
      const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      if ((VD && VD->hasLocalStorage()) || isSystemBufferOf(L, Irp))
        Calls.insert(call(BO->getRHS()));
      return true;
    }
  } Track;
  Track.Irp = Irp;
  Track.TraverseStmt(Def->getBody());
  struct PoolFinder : RecursiveASTVisitor<PoolFinder> {
    bool Found = false;
    bool VisitCallExpr(CallExpr *C) {
      const FunctionDecl *FD = C->getDirectCallee();
      Found = Found ||
              (FD && FD->getIdentifier() && isPoolAllocation(FD->getName()));
      return true;
    }
  } Pool;
  Pool.TraverseStmt(Def->getBody());
  U.AllocatesFromPool = Pool.Found;
  auto IsBuffer = [&](const Expr *E) {
    return isSystemBufferOf(E, Irp) ||
           (isa<DeclRefExpr>(E->IgnoreParenCasts()) &&
            Holders.contains(rootDecl(E)));
  };
  // A store of the buffer, or the IRP handed to a function of the
  // driver's (which may store it).
  auto Stores = [&](const Stmt *S) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      return BO->isAssignmentOp() && isSystemBufferOf(BO->getLHS(), Irp);
    if (const auto *C = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *FD = C->getDirectCallee();
      if (FD && inSystemHeader(FD, Ctx))
        return false;
      for (const Expr *Arg : C->arguments())
        if (rootDecl(Arg) == Irp)
          return true;
    }
    return false;
  };

  for (const CFGBlock *B : *G)
    for (const CFGElement &E : *B)
      if (auto CS = E.getAs<CFGStmt>();
          CS && setsDeallocateBuffer(CS->getStmt(), Irp, Ctx) &&
          !U.SetsDeallocateBuffer)
        U.SetsDeallocateBuffer = cast<Expr>(CS->getStmt());

  // A success return reachable without a store.
  U.SuccessWithoutBuffer = successReturnReachedWithout(*G, Stores, Ctx);

  // From each allocation that may return NULL, along the paths where it
  // did: a success return there hands the runtime a NULL buffer.
  for (const CFGBlock *Start : *G) {
    for (auto It = Start->begin(); It != Start->end(); ++It) {
      auto CS = It->getAs<CFGStmt>();
      const auto *Alloc = CS ? dyn_cast<Expr>(CS->getStmt()) : nullptr;
      if (!Alloc || !isa<CallExpr>(Alloc) || !IsAllocation(Alloc) ||
          !Track.Calls.contains(Alloc))
        continue;
      llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
      std::vector<std::pair<const CFGBlock *, CFGBlock::const_iterator>> Work =
          {{Start, std::next(It)}};
      while (!Work.empty() && !U.SuccessAfterFailedAllocation) {
        auto [B, From] = Work.back();
        Work.pop_back();
        bool Ended = false;
        for (auto I = From; I != B->end(); ++I)
          if (auto S = I->getAs<CFGStmt>())
            if (isa<ReturnStmt>(S->getStmt())) {
              if (isSuccessReturn(S->getStmt(), Ctx)) {
                U.SuccessAfterFailedAllocation = S->getStmt();
                U.Allocation = Alloc;
              }
              Ended = true;
              break;
            }
        if (Ended)
          continue;
        for (const CFGBlock *S : followed(B, IsBuffer, /*KeepNull=*/true, Ctx))
          if (Seen.insert(S).second)
            Work.push_back({S, S->begin()});
      }
      if (U.SuccessAfterFailedAllocation) {
        // `if (P) Irp->AssociatedIrp.SystemBuffer = P; return
        // STATUS_SUCCESS;`: the return without a store is the one after
        // the failed allocation, not a second defect.
        if (U.SuccessWithoutBuffer == U.SuccessAfterFailedAllocation)
          U.SuccessWithoutBuffer = nullptr;
        return;
      }
    }
  }
}

// --- The filter -----------------------------------------------------------

/// Functions that pend, forward or queue the IRP: it completes elsewhere.
bool handsIrpOn(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {
      "IoMarkIrpPending", "IoSetCompletionRoutine", "IoSetCompletionRoutineEx",
      "IoCallDriver",     "IofCallDriver",          "PoCallDriver",
      "KsForwardIrp",     "KsForwardAndCatchIrp",   "KsAddIrpToCancelableQueue",
      "IoCsqInsertIrp",   "IoCsqInsertIrpEx",       "IoStartPacket",
      "KsDispatchIrp"};
  return Names.contains(Name);
}

struct FilterWalk {
  ASTContext &Ctx;
  const ValueDecl *Irp;
  llvm::DenseSet<const ValueDecl *> Aliases;
  bool CountFlag; ///< setting IRP_DEALLOCATE_BUFFER releases it
  const char *NotJudged = nullptr;

  bool isBuffer(const Expr *E) const {
    return isSystemBufferOf(E, Irp) ||
           (isa<DeclRefExpr>(E->IgnoreParenCasts()) &&
            Aliases.contains(rootDecl(E)));
  }
  bool mentionsBuffer(const Expr *E) const {
    const ValueDecl *Root = rootDecl(E);
    return isBuffer(E) || (Root && Root == Irp);
  }

  /// Does a helper of the driver's release SystemBuffer of the IRP it is
  /// handed (parameter \p P), at most \p Depth calls further?
  bool helperReleases(const FunctionDecl *Def, const ParmVarDecl *P,
                      int Depth) const {
    struct Finder : RecursiveASTVisitor<Finder> {
      const FilterWalk &W;
      const ParmVarDecl *P;
      int Depth;
      bool Found = false;
      Finder(const FilterWalk &W, const ParmVarDecl *P, int D)
          : W(W), P(P), Depth(D) {}
      llvm::DenseSet<const ValueDecl *> Locals;
      bool fromParam(const Expr *E) const {
        const ValueDecl *Root = rootDecl(E);
        return Root && (Root == P || Locals.contains(Root));
      }
      bool VisitCallExpr(CallExpr *C) {
        const FunctionDecl *FD = C->getDirectCallee();
        if (FD && FD->getIdentifier() && isPoolFree(FD->getName())) {
          for (const Expr *Arg : C->arguments())
            if (fromParam(Arg))
              Found = true;
        } else if (const FunctionDecl *Def =
                       Depth > 0 ? driverDefinition(C, W.Ctx) : nullptr) {
          for (unsigned I = 0; I < C->getNumArgs() && I < Def->getNumParams();
               ++I)
            if (rootDecl(C->getArg(I)) == P &&
                W.helperReleases(Def, Def->getParamDecl(I), Depth - 1))
              Found = true;
        }
        return !Found;
      }
      bool VisitBinaryOperator(BinaryOperator *BO) {
        if (W.CountFlag && setsDeallocateBuffer(BO, P, W.Ctx))
          Found = true;
        return !Found;
      }
    } F(*this, P, Depth);
    // `PVOID Buffer = Irp->AssociatedIrp.SystemBuffer; ExFreePool(Buffer);`
    F.Locals = holders(Def, [&](const Expr *E) { return rootDecl(E) == P; });
    F.TraverseStmt(Def->getBody());
    return F.Found;
  }

  /// Does \p S release the buffer? Notes why the paths cannot be judged.
  bool releases(const Stmt *S) {
    if (CountFlag && setsDeallocateBuffer(S, Irp, Ctx))
      return true;
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      std::optional<uint64_t> V = R->getRetValue()
                                      ? evaluateConstant(R->getRetValue(), Ctx)
                                      : std::nullopt;
      if (V && *V == StatusPending)
        NotJudged = "it returns STATUS_PENDING: the request completes "
                    "elsewhere";
      return false;
    }
    const auto *C = dyn_cast<CallExpr>(S);
    if (!C)
      return false;
    const FunctionDecl *FD = C->getDirectCallee();
    llvm::StringRef Name =
        FD && FD->getIdentifier() ? FD->getName() : llvm::StringRef();
    bool Mentions = false, Buffer = false;
    for (const Expr *Arg : C->arguments()) {
      Mentions = Mentions || mentionsBuffer(Arg);
      Buffer = Buffer || isBuffer(Arg);
    }
    if (!Mentions)
      return false;
    if (!Name.empty() && isPoolFree(Name))
      return true;
    if (!Name.empty() && handsIrpOn(Name)) {
      NotJudged = "it pends, forwards or queues the IRP: the request "
                  "completes elsewhere";
      return false;
    }
    if (const FunctionDecl *Def = driverDefinition(C, Ctx)) {
      // Handing the buffer itself over is taken as handing it back.
      if (Buffer)
        return true;
      for (unsigned I = 0; I < C->getNumArgs() && I < Def->getNumParams(); ++I)
        if (rootDecl(C->getArg(I)) == Irp &&
            helperReleases(Def, Def->getParamDecl(I), 1))
          return true;
      return false;
    }
    if (isOpaqueDriverCall(C, Ctx))
      NotJudged = "it hands the IRP or the buffer to a function whose body "
                  "is not in this translation unit";
    return false;
  }
};

/// KsPropertyHandler(WithAllocator) & co. of \p Irp.
bool isDispatchOf(const CallExpr *C, const ValueDecl *Irp) {
  static const llvm::StringSet<> Names = {
      "KsPropertyHandler", "KsPropertyHandlerWithAllocator",
      "KsMethodHandler",   "KsMethodHandlerWithAllocator",
      "KsEnableEvent",     "KsEnableEventWithAllocator"};
  const FunctionDecl *FD = C->getDirectCallee();
  return FD && FD->getIdentifier() && Names.contains(FD->getName()) &&
         C->getNumArgs() > 0 && refersTo(C->getArg(0), Irp);
}

void analyzeFilter(const FunctionDecl *Def, const CallExpr *Call,
                   ParameterAllocatorUse &U, ASTContext &Ctx) {
  const ValueDecl *Irp = rootDecl(Call->getArg(0));
  if (!Irp || !refersTo(Call->getArg(0), Irp)) {
    U.FilterNotJudged = "the IRP it passes is not a variable";
    return;
  }
  std::unique_ptr<CFG> G = buildCfg(Def, Ctx);
  const CFGBlock *CallBlock = nullptr;
  CFGBlock::const_iterator After;
  if (G)
    for (const CFGBlock *B : *G)
      for (auto It = B->begin(); It != B->end() && !CallBlock; ++It)
        if (auto CS = It->getAs<CFGStmt>(); CS && CS->getStmt() == Call) {
          CallBlock = B;
          After = std::next(It);
        }
  if (!CallBlock) {
    U.FilterNotJudged = "the paths from the call could not be followed";
    return;
  }
  FilterWalk W{Ctx, Irp, {}, U.Callback.SetsDeallocateBuffer == nullptr};
  W.Aliases =
      holders(Def, [&](const Expr *E) { return isSystemBufferOf(E, Irp); });
  auto IsBuffer = [&](const Expr *E) { return W.isBuffer(E); };

  struct State {
    const CFGBlock *B;
    CFGBlock::const_iterator From;
    unsigned Count;
    const Expr *First;
    SourceLocation LastReturn;
  };
  std::set<std::pair<unsigned, unsigned>> Seen;
  std::vector<State> Work = {{CallBlock, After, 0, nullptr, {}}};
  unsigned Min = UINT_MAX, Max = 0;
  auto End = [&](const State &S) {
    Min = std::min(Min, S.Count);
    Max = std::max(Max, S.Count);
    if (S.Count == 0 && U.LeakingExit.isInvalid())
      U.LeakingExit =
          S.LastReturn.isValid() ? S.LastReturn : Def->getBody()->getEndLoc();
  };
  while (!Work.empty()) {
    State S = Work.back();
    Work.pop_back();
    bool Ended = false;
    for (auto I = S.From; I != S.B->end() && !Ended; ++I) {
      auto CS = I->getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *St = CS->getStmt();
      // The next dispatch of the same IRP stores a buffer of its own: the
      // life of this one ends there.
      if (const auto *Next = dyn_cast<CallExpr>(St);
          Next && Next != Call && isDispatchOf(Next, Irp)) {
        End(S);
        Ended = true;
        continue;
      }
      if (isa<ReturnStmt>(St))
        S.LastReturn = St->getBeginLoc();
      if (!W.releases(St))
        continue;
      if (!U.FirstRelease)
        U.FirstRelease = cast<Expr>(St);
      if (S.Count == 1 && !U.SecondRelease) {
        U.FirstRelease = S.First;
        U.SecondRelease = cast<Expr>(St);
      }
      if (S.Count == 0)
        S.First = cast<Expr>(St);
      S.Count = std::min(S.Count + 1, 2u);
    }
    if (Ended)
      continue;
    if (S.B == &G->getExit()) {
      End(S);
      continue;
    }
    for (const CFGBlock *Next :
         followed(S.B, IsBuffer, /*KeepNull=*/false, Ctx))
      if (Seen.insert({Next->getBlockID(), S.Count}).second)
        Work.push_back({Next, Next->begin(), S.Count, S.First, S.LastReturn});
  }
  if (W.NotJudged) {
    U.FilterNotJudged = W.NotJudged;
    return;
  }
  if (Min == UINT_MAX) {
    U.FilterNotJudged = "no path from the call reaches the end of its function";
    return;
  }
  U.MinReleases = Min;
  U.MaxReleases = Max;
}

const FunctionDecl *enclosingFunction(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  for (int Depth = 0; !Parents.empty() && Depth < 256; ++Depth) {
    if (const auto *FD = Parents[0].get<FunctionDecl>())
      return FD;
    if (Parents[0].get<Decl>() && !Parents[0].get<VarDecl>())
      return nullptr; // a lambda's class, a block: not followed
    Parents = Ctx.getParents(Parents[0]);
  }
  return nullptr;
}

} // namespace

bool parameterAllocatorSignature(const FunctionDecl *FD) {
  return FD && FD->getNumParams() == 3 &&
         FD->getReturnType()->isIntegerType() &&
         pointsToRecord(FD->getParamDecl(0)->getType(), "_IRP") &&
         FD->getParamDecl(1)->getType()->isIntegerType() &&
         FD->getParamDecl(2)->getType()->isIntegerType();
}

void collectParameterAllocatorCallbacks(
    ASTContext &Ctx, std::vector<ParameterAllocatorCallback> &Out) {
  std::vector<const DeclContext *> Work;
  auto Visit = [&](const Decl *D) {
    if (isa<NamespaceDecl, LinkageSpecDecl>(D)) {
      Work.push_back(cast<DeclContext>(D));
      return;
    }
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody() ||
        FD->isDependentContext() || !parameterAllocatorSignature(FD) ||
        inSystemHeader(FD, Ctx) || bodyHasErrors(FD->getBody()))
      return;
    ParameterAllocatorCallback C;
    analyzeCallback(FD, C, Ctx);
    Out.push_back(C);
  };
  forEachTopLevelDecl(Ctx, Visit);
  while (!Work.empty()) {
    const DeclContext *DC = Work.back();
    Work.pop_back();
    for (const Decl *D : DC->decls())
      Visit(D);
  }
}

bool analyzeParameterAllocator(
    const CallExpr *Call, llvm::StringRef Api, const Expr *AllocatorArg,
    const std::vector<ParameterAllocatorCallback> &Callbacks,
    ParameterAllocatorUse &U, ASTContext &Ctx) {
  if (AllocatorArg->isValueDependent() ||
      AllocatorArg->IgnoreParenCasts()->isNullPointerConstant(
          Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull)
    return false;
  const FunctionDecl *Filter = enclosingFunction(Call, Ctx);
  if (!Filter || Filter->isDependentContext() || !Filter->hasBody())
    return false;
  U.Call = Call;
  U.Api = Api.str();
  U.Filter = Filter;
  const Expr *A = AllocatorArg->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(A);
      UO && UO->getOpcode() == UO_AddrOf)
    A = UO->getSubExpr()->IgnoreParenCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(A);
  const auto *FD = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
  if (!FD) {
    U.FilterNotJudged = "its Allocator is not a function the code names";
    return true;
  }
  U.AllocatorDecl = FD;
  U.AllocatorName = FD->getQualifiedNameAsString();
  const FunctionDecl *Def = FD->getDefinition();
  for (const ParameterAllocatorCallback &C : Callbacks)
    if (Def && C.Definition == Def)
      U.Callback = C;
  if (Def && !U.Callback.Definition && Def->hasBody() &&
      !bodyHasErrors(Def->getBody()))
    analyzeCallback(Def, U.Callback, Ctx); // not at namespace scope
  if (bodyHasErrors(Filter->getBody()))
    U.FilterNotJudged = "its function has errors";
  else
    analyzeFilter(Filter, Call, U, Ctx);
  return true;
}

} // namespace model
} // namespace ks
