//===- HandlerAccess.cpp --------------------------------------------------===//
#include "HandlerAccess.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/CFGStmtMap.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace ks {
namespace model {

namespace {

/// Functions that take the IRP but cannot be checking its buffer lengths
/// for the handler; handing the IRP or the PortCls request to anything else
/// counts as "may check" (a helper of the driver's own).
bool isNonCheckingApi(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {
      "IoGetCurrentIrpStackLocation",
      "IoGetNextIrpStackLocation",
      "KsGetFilterFromIrp",
      "KsGetPinFromIrp",
      "KsGetObjectTypeFromIrp",
      "KsGetNodeIdFromIrp",
      "IoMarkIrpPending",
      "IoCompleteRequest",
  };
  return Names.contains(Name);
}

/// The buffers a handler is handed, as far as a length check goes.
enum class Buffer { Property, Data, Both };

/// The buffer whose length \p Name is: the IRP's InputBufferLength is the
/// property argument's (ks.sys captures the KSPROPERTY and what follows it
/// there), OutputBufferLength Data's; PortCls's ValueSize is Value's
/// (InstanceSize is the Instance buffer's, which is not Value).
std::optional<Buffer> lengthOf(llvm::StringRef Name, Framework Fw) {
  if (Fw == Framework::PortCls)
    return Name == "ValueSize" ? std::optional(Buffer::Data) : std::nullopt;
  if (Name == "InputBufferLength")
    return Buffer::Property;
  if (Name == "OutputBufferLength")
    return Buffer::Data;
  return std::nullopt;
}

/// memcpy-like functions and which arguments are buffers / the size.
struct MemFunction {
  const char *Name;
  int Dest, Src, Size;
};
const MemFunction MemFunctions[] = {
    {"memcpy", 0, 1, 2},         {"memmove", 0, 1, 2},
    {"memset", 0, -1, 2},        {"RtlCopyMemory", 0, 1, 2},
    {"RtlMoveMemory", 0, 1, 2},  {"RtlZeroMemory", 0, -1, 1},
    {"RtlFillMemory", 0, -1, 1}, {"RtlSecureZeroMemory", 0, -1, 1},
    {"RtlCopyBytes", 0, 1, 2},
};

class AccessVisitor : public RecursiveASTVisitor<AccessVisitor> {
public:
  AccessVisitor(ASTContext &Ctx, HandlerAccess &A, const ParmVarDecl *Irp,
                const ParmVarDecl *Property, const ParmVarDecl *Data,
                const ParmVarDecl *Request, unsigned Depth = 0)
      : Ctx(Ctx), A(A), Irp(Irp), Property(Property), Data(Data),
        Request(Request), Depth(Depth) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  // Storing a length (`Request->ValueSize = sizeof(LONG)`) is no check.
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParens()))
        StoredLengths.insert(ME);
    // `(PBYTE)PropertyRequest->Value + Offset` computes an address (where
    // it is read, if ever, is past what this cast says); comparing one
    // reads nothing. (Visited before the casts below it.)
    if (BO->isAdditiveOp() || BO->isComparisonOp())
      for (const Expr *Side : {BO->getLHS(), BO->getRHS()})
        if (const auto *CE =
                dyn_cast<ExplicitCastExpr>(Side->IgnoreParenImpCasts()))
          AddressOnly.insert(CE);
    return true;
  }

  bool VisitMemberExpr(MemberExpr *ME) {
    if (auto Of = lengthOf(ME->getMemberDecl()->getName(), A.Fw);
        Of && !StoredLengths.count(ME))
      Guards.push_back({*Of, ME});
    // A typed Data/Property parameter read through `->`.
    if (ME->isArrow())
      derefOfTypedParam(ME->getBase(), ME);
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_Deref)
      derefOfTypedParam(UO->getSubExpr(), UO);
    return true;
  }

  bool VisitArraySubscriptExpr(ArraySubscriptExpr *ASE) {
    derefOfTypedParam(ASE->getBase(), ASE);
    return true;
  }

  bool VisitExplicitCastExpr(ExplicitCastExpr *CE) {
    if (AddressOnly.count(CE))
      return true;
    QualType To = CE->getTypeAsWritten();
    if (!To->isPointerType())
      return true;
    QualType Pointee = To->getPointeeType();
    if (Pointee->isVoidType())
      return true;
    std::optional<uint64_t> Size = typeSize(Ctx, Pointee);
    if (!Size)
      return true;
    const Expr *Sub = CE->getSubExpr();
    if (isData(Sub))
      noteData(*Size, Pointee, CE);
    else if (isParam(Sub, Property))
      noteProperty(*Size, Pointee, CE);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    llvm::StringRef Name =
        Callee && Callee->getIdentifier() ? Callee->getName() : "";
    for (const MemFunction &M : MemFunctions) {
      if (Name != M.Name || Call->getNumArgs() <= static_cast<unsigned>(M.Size))
        continue;
      bool TouchesData =
          isData(stripCasts(Call->getArg(M.Dest))) ||
          (M.Src >= 0 && isData(stripCasts(Call->getArg(M.Src))));
      if (!TouchesData)
        continue;
      const Expr *SizeArg = Call->getArg(M.Size);
      if (!SizeArg->isValueDependent() && !SizeArg->containsErrors())
        if (auto V = SizeArg->getIntegerConstantExpr(Ctx))
          noteData(V->getZExtValue(), QualType(), Call);
      return true;
    }
    if (Callee && isNonCheckingApi(Name))
      return true;
    if (summarizeCallee(Call, Callee))
      return true;
    // A function of the driver's whose body is not here (or too deep): it
    // may check either length (the benefit of the doubt).
    for (const Expr *Arg : Call->arguments())
      if (isParam(Arg, Irp) || isParam(Arg, Request)) {
        Guards.push_back({Buffer::Both, Call});
        break;
      }
    return true;
  }

  /// What the body touches, and where it may check which length.
  struct Access {
    Buffer Of;
    uint64_t Size;
    QualType Type;
    const Expr *Where; ///< the access itself (in a helper: there)
    /// Where it happens in this body: the access, or the call of the
    /// helper that makes it.
    const Expr *Site = nullptr;
    const Expr *site() const { return Site ? Site : Where; }
  };
  struct Guard {
    Buffer Of;
    const Expr *Where;
  };
  llvm::SmallVector<Access, 8> Accesses;
  llvm::SmallVector<Guard, 4> Guards;

private:
  static const Expr *stripCasts(const Expr *E) { return E->IgnoreParenCasts(); }

  static bool isParam(const Expr *E, const ParmVarDecl *P) {
    if (!P || !E)
      return false;
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == P;
  }

  /// Data (KS) or PropertyRequest->Value (PortCls).
  bool isData(const Expr *E) const {
    if (!E)
      return false;
    if (Data)
      return isParam(E, Data);
    const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
    return Request && ME && ME->getMemberDecl()->getName() == "Value" &&
           isParam(ME->getBase(), Request);
  }

  void derefOfTypedParam(const Expr *Base, const Expr *Use) {
    for (const ParmVarDecl *P : {Data, Property}) {
      if (!P || !isParam(Base, P))
        continue;
      QualType Pointee = P->getType()->getPointeeType();
      if (Pointee.isNull() || Pointee->isVoidType())
        continue;
      std::optional<uint64_t> Size = typeSize(Ctx, Pointee);
      if (!Size)
        continue;
      if (P == Data)
        noteData(*Size, Pointee, Use);
      else
        noteProperty(*Size, Pointee, Use);
    }
  }

  /// A helper of the driver's with its body in the TU, handed the IRP, the
  /// property argument, Data or the PortCls request: its accesses to them
  /// count at the call (judged by the checks before the call, unless the
  /// helper checks first itself), and a length it checks counts as checked
  /// after the call. One or two levels deep; false when it cannot be read
  /// (no body, a system header, compile errors, too deep).
  bool summarizeCallee(const CallExpr *Call, const FunctionDecl *Callee);

  void noteData(uint64_t Size, QualType T, const Expr *Where) {
    Accesses.push_back({Buffer::Data, Size, T, Where});
  }

  void noteProperty(uint64_t Size, QualType T, const Expr *Where) {
    Accesses.push_back({Buffer::Property, Size, T, Where});
  }

  ASTContext &Ctx;
  HandlerAccess &A;
  const ParmVarDecl *Irp, *Property, *Data, *Request;
  unsigned Depth;

public:
  llvm::SmallPtrSet<const MemberExpr *, 4> StoredLengths;
  llvm::SmallPtrSet<const ExplicitCastExpr *, 4> AddressOnly;
};

} // namespace

/// Something in the body did not compile: what the handler reads, writes or
/// checks cannot be known from what is left of it (clang drops or replaces
/// the broken parts).
bool bodyHasErrors(const Stmt *Root) {
  llvm::SmallVector<const Stmt *, 64> Stack{
      Root}; // no recursion: see Initializers
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (!S)
      continue;
    if (const auto *E = dyn_cast<Expr>(S))
      if (E->containsErrors())
        return true;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (D->isInvalidDecl())
          return true;
    for (const Stmt *Child : S->children())
      Stack.push_back(Child);
  }
  return false;
}

namespace {

/// Whether checks come before an access on every path to it: walking back
/// from the access, every path to the function's entry meets a block with a
/// check (or the access's own block has one spelled before it). Without a
/// CFG (clang could not build one) every check counts for every access, as
/// a check anywhere in the body did.
class GuardOrder {
public:
  GuardOrder(const FunctionDecl *Def, ASTContext &Ctx)
      : SM(Ctx.getSourceManager()), Body(Def->getBody()),
        Parents(Def->getBody()) {
    CFG::BuildOptions Options;
    Graph = CFG::buildCFG(Def, Def->getBody(), &Ctx, Options);
    if (!Graph)
      return;
#if CLANG_VERSION_MAJOR >= 22
    Map = std::make_unique<CFGStmtMap>(*Graph, Parents);
#else
    Map.reset(CFGStmtMap::Build(Graph.get(), &Parents));
#endif
    for (const CFGBlock *B : *Graph)
      for (unsigned I = 0; I < B->size(); ++I)
        if (std::optional<CFGStmt> S = (*B)[I].getAs<CFGStmt>())
          Position[S->getStmt()] = I;
  }

  bool guarded(const Expr *Use, llvm::ArrayRef<const Expr *> Checks) const {
    if (Checks.empty())
      return false;
    if (!Map)
      return true;
    const CFGBlock *U = block(Use);
    if (!U)
      return true; // not in the graph (an unevaluated operand): unknown
    llvm::SmallPtrSet<const CFGBlock *, 16> Checked;
    for (const Expr *C : Checks) {
      const CFGBlock *B = block(C);
      if (!B)
        return true; // a check the graph does not place: benefit of doubt
      if (B == U && earlier(C, Use))
        return true;
      Checked.insert(B);
    }
    // Back from the access's block; a block with a check ends a path.
    llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
    llvm::SmallVector<const CFGBlock *, 32> Work;
    for (const CFGBlock *Pred : U->preds())
      if (Pred)
        Work.push_back(Pred);
    if (U == &Graph->getEntry())
      return false;
    while (!Work.empty()) {
      const CFGBlock *B = Work.pop_back_val();
      if (!Seen.insert(B).second || Checked.count(B))
        continue;
      if (B == &Graph->getEntry())
        return false; // a path from the entry without a check
      for (const CFGBlock *Pred : B->preds())
        if (Pred)
          Work.push_back(Pred);
    }
    return true;
  }

  /// Where an access found at \p Where happens: a cast whose value is kept
  /// in a local pointer (`PKSP_PIN Pin = (PKSP_PIN)Property;`) accesses the
  /// buffer where the local is used, not where it is cast.
  llvm::SmallVector<const Expr *, 4> usesOf(const Expr *Where) const {
    const Stmt *S = Where;
    const Stmt *P = Parents.getParent(S);
    while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P) ||
                 isa<ExprWithCleanups>(P))) {
      S = P;
      P = Parents.getParent(P);
    }
    const VarDecl *Var = nullptr;
    const Expr *Stored = nullptr; // the local's name on the left of `=`
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->getInit() && VD->getInit()->IgnoreParenImpCasts() ==
                                   Where->IgnoreParenImpCasts())
            Var = VD;
    } else if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P);
               BO && BO->getOpcode() == BO_Assign && BO->getRHS() == S) {
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts())) {
        Var = dyn_cast<VarDecl>(DRE->getDecl());
        Stored = DRE;
      }
    }
    if (!Var || !Var->hasLocalStorage() || !Var->getType()->isPointerType())
      return {Where};
    llvm::SmallVector<const Expr *, 4> Uses;
    llvm::SmallVector<const Stmt *, 64> Stack{Body};
    while (!Stack.empty()) {
      const Stmt *X = Stack.pop_back_val();
      if (!X)
        continue;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(X);
          DRE && DRE != Stored && DRE->getDecl() == Var)
        Uses.push_back(DRE);
      for (const Stmt *Child : X->children())
        Stack.push_back(Child);
    }
    return Uses;
  }

  /// Finds the branches on the item id (\p IsItemId tells an expression
  /// that reads it): switches on it, and `==`/`!=` tests of it against a
  /// constant (each operand of `&&`/`||` is a block of its own).
  void findIdBranches(llvm::function_ref<bool(const Expr *)> IsItemId,
                      ASTContext &Ctx) {
    if (!Map)
      return;
    for (const CFGBlock *B : *Graph) {
      if (B->succ_size() < 2)
        continue;
      if (const auto *SW =
              dyn_cast_or_null<SwitchStmt>(B->getTerminatorStmt())) {
        if (!IsItemId(SW->getCond()))
          continue;
        Branch Br;
        Br.IsSwitch = true;
        bool Constant = true;
        for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
          std::optional<int64_t> V;
          const CFGBlock *To = Succ.getReachableBlock();
          if (const auto *CS =
                  To ? dyn_cast_or_null<CaseStmt>(To->getLabel()) : nullptr) {
            V = constantOf(CS->getLHS(), Ctx);
            if (!V || CS->getRHS())
              Constant = false; // a case range, or a value not known
          }
          Br.Cases.push_back(V);
          if (V)
            Br.All.push_back(*V);
        }
        if (!Constant)
          continue;
        llvm::sort(Br.All);
        Named.insert(Named.end(), Br.All.begin(), Br.All.end());
        Branches[B] = std::move(Br);
        continue;
      }
      if (B->succ_size() != 2)
        continue;
      const auto *BO = dyn_cast_or_null<BinaryOperator>(
          B->getLastCondition() ? B->getLastCondition()->IgnoreParens()
                                : nullptr);
      if (!BO || (BO->getOpcode() != BO_EQ && BO->getOpcode() != BO_NE))
        continue;
      const Expr *Other = IsItemId(BO->getLHS())   ? BO->getRHS()
                          : IsItemId(BO->getRHS()) ? BO->getLHS()
                                                   : nullptr;
      std::optional<int64_t> V = Other ? constantOf(Other, Ctx) : std::nullopt;
      if (!V)
        continue;
      Branch Br;
      Br.Value = *V;
      Br.Equal = BO->getOpcode() == BO_EQ;
      Named.push_back(*V);
      Branches[B] = std::move(Br);
    }
    llvm::sort(Named);
    Named.erase(std::unique(Named.begin(), Named.end()), Named.end());
    for (int64_t V : Named)
      Reach.push_back(reachable(V));
    Reach.push_back(reachable(std::nullopt));
  }

  /// Which ids reach any of \p Uses.
  IdFilter filterOf(llvm::ArrayRef<const Expr *> Uses) const {
    IdFilter F;
    if (Named.empty())
      return F;
    auto Reached = [&](const llvm::SmallPtrSet<const CFGBlock *, 32> &R) {
      return llvm::any_of(Uses, [&](const Expr *U) {
        const CFGBlock *B = block(U);
        return !B || R.count(B); // not placed: any id may reach it
      });
    };
    for (size_t I = 0; I < Named.size(); ++I)
      if (Reached(Reach[I]))
        F.Ids.push_back(Named[I]);
    F.Other = Reached(Reach.back());
    return F;
  }

  std::vector<int64_t> Named;

private:
  /// A branch on the item id: a switch (the case value of each successor,
  /// nothing for default or the way past the switch) or a comparison.
  struct Branch {
    bool IsSwitch = false;
    std::vector<std::optional<int64_t>> Cases;
    std::vector<int64_t> All; ///< the switch's case values, sorted
    int64_t Value = 0;
    bool Equal = true;
  };

  static std::optional<int64_t> constantOf(const Expr *E, ASTContext &Ctx) {
    if (!E || E->isValueDependent() || E->containsErrors())
      return std::nullopt;
    std::optional<llvm::APSInt> V = E->getIntegerConstantExpr(Ctx);
    if (!V || V->getBitWidth() > 64)
      return std::nullopt;
    return static_cast<int64_t>(V->getZExtValue());
  }

  /// The blocks an item with id \p Id (nothing: an id no branch names)
  /// can reach from the entry.
  llvm::SmallPtrSet<const CFGBlock *, 32>
  reachable(std::optional<int64_t> Id) const {
    llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
    llvm::SmallVector<const CFGBlock *, 32> Work{&Graph->getEntry()};
    while (!Work.empty()) {
      const CFGBlock *B = Work.pop_back_val();
      if (!B || !Seen.insert(B).second)
        continue;
      auto It = Branches.find(B);
      unsigned I = 0;
      for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
        unsigned Index = I++;
        const CFGBlock *To = Succ.getReachableBlock();
        if (!To)
          continue;
        if (It != Branches.end()) {
          const Branch &Br = It->second;
          bool Taken;
          if (Br.IsSwitch) {
            std::optional<int64_t> Case = Br.Cases[Index];
            Taken = Case ? Id && *Id == *Case
                         : !Id || !std::binary_search(Br.All.begin(),
                                                      Br.All.end(), *Id);
          } else {
            bool Same = Id && *Id == Br.Value;
            Taken = (Index == 0) == (Br.Equal == Same);
          }
          if (!Taken)
            continue;
        }
        Work.push_back(To);
      }
    }
    return Seen;
  }

  const CFGBlock *block(const Expr *E) const {
    return Map->getBlock(const_cast<Expr *>(E));
  }

  /// Where \p S runs in its block: the CFG element of the innermost
  /// statement around it that is one.
  std::optional<unsigned> position(const Stmt *S) const {
    for (; S; S = Parents.getParent(S))
      if (auto It = Position.find(S); It != Position.end())
        return It->second;
    return std::nullopt;
  }

  /// Within one block: evaluation order (a store's right side runs before
  /// it), else the order in the source.
  bool earlier(const Expr *Check, const Expr *Use) const {
    std::optional<unsigned> C = position(Check), U = position(Use);
    if (C && U && *C != *U)
      return *C < *U;
    return SM.isBeforeInTranslationUnit(Check->getBeginLoc(),
                                        Use->getBeginLoc());
  }

  const SourceManager &SM;
  const Stmt *Body;
  ParentMap Parents;
  std::unique_ptr<CFG> Graph;
  std::unique_ptr<CFGStmtMap> Map;
  llvm::DenseMap<const Stmt *, unsigned> Position;
  llvm::DenseMap<const CFGBlock *, Branch> Branches;
  /// Per named id, then for the other ids: the blocks they reach.
  std::vector<llvm::SmallPtrSet<const CFGBlock *, 32>> Reach;
};

/// Whether an expression reads the id of the item the handler was called
/// for: `Property->Id` (through casts, or the `Property` member of a
/// KSP_PIN / KSNODEPROPERTY the argument is cast to),
/// `PropertyRequest->PropertyItem->Id`, or a local that holds one of these
/// and is never changed.
class ItemIdReader {
public:
  ItemIdReader(const Stmt *Body, const ParmVarDecl *Property,
               const ParmVarDecl *Request)
      : Property(Property), Request(Request) {
    llvm::SmallVector<const Stmt *, 64> Stack{Body};
    llvm::SmallVector<const VarDecl *, 4> Candidates;
    while (!Stack.empty()) {
      const Stmt *S = Stack.pop_back_val();
      if (!S)
        continue;
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D);
              VD && VD->hasLocalStorage() && VD->getInit())
            Candidates.push_back(VD);
      noteChange(S);
      for (const Stmt *Child : S->children())
        Stack.push_back(Child);
    }
    // A pointer first (`PKSP_PIN Pin = (PKSP_PIN)Property;`), then the ids
    // read through it.
    for (bool Pointers : {true, false})
      for (const VarDecl *VD : Candidates) {
        if (Changed.count(VD) || VD->getType()->isPointerType() != Pointers)
          continue;
        const Expr *Init = VD->getInit();
        if (Pointers ? isArgument(Init) : (*this)(Init))
          (Pointers ? ArgumentLocals : IdLocals).insert(VD);
      }
  }

  bool operator()(const Expr *E) const {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return IdLocals.count(DRE->getDecl());
    const auto *ME = dyn_cast<MemberExpr>(E);
    if (!ME || ME->getMemberDecl()->getName() != "Id")
      return false;
    const Expr *Base = throughAnonymous(ME->getBase());
    if (Request) {
      const auto *Item = dyn_cast<MemberExpr>(Base);
      return Item && Item->getMemberDecl()->getName() == "PropertyItem" &&
             refersTo(Item->getBase(), Request);
    }
    if (isArgument(Base))
      return true;
    const auto *Inner = dyn_cast<MemberExpr>(Base);
    return Inner && Inner->getMemberDecl()->getName() == "Property" &&
           isArgument(Inner->getBase());
  }

private:
  /// KSIDENTIFIER keeps Set/Id/Flags in an anonymous struct in an anonymous
  /// union: `Property->Id` reaches Id through both.
  static const Expr *throughAnonymous(const Expr *E) {
    E = E->IgnoreParenCasts();
    while (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!FD || !FD->isAnonymousStructOrUnion())
        break;
      E = ME->getBase()->IgnoreParenCasts();
    }
    return E;
  }

  static bool refersTo(const Expr *E, const ValueDecl *D) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
    return D && DRE && DRE->getDecl() == D;
  }
  /// The property argument, or a local pointer that holds it.
  bool isArgument(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
    return DRE && Property &&
           (DRE->getDecl() == Property || ArgumentLocals.count(DRE->getDecl()));
  }
  void noteChange(const Stmt *S) {
    const Expr *Target = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->isAssignmentOp())
      Target = BO->getLHS();
    else if (const auto *UO = dyn_cast<UnaryOperator>(S);
             UO &&
             (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf))
      Target = UO->getSubExpr();
    if (const auto *DRE =
            Target ? dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts())
                   : nullptr)
      Changed.insert(DRE->getDecl());
  }

  const ParmVarDecl *Property, *Request;
  llvm::SmallPtrSet<const ValueDecl *, 4> Changed, IdLocals, ArgumentLocals;
};

} // namespace

bool pointsToRecord(QualType T, llvm::StringRef Name) {
  T = T.getCanonicalType();
  if (!T->isPointerType())
    return false;
  const RecordDecl *RD = T->getPointeeType()->getAsRecordDecl();
  return RD && RD->getName() == Name;
}

std::optional<Framework> handlerSignature(const FunctionDecl *FD) {
  if (!FD || !FD->getReturnType()->isIntegerType())
    return std::nullopt;
  if (FD->getNumParams() == 3 &&
      pointsToRecord(FD->getParamDecl(0)->getType(), "_IRP") &&
      FD->getParamDecl(1)->getType()->isPointerType() &&
      FD->getParamDecl(2)->getType()->isPointerType())
    return Framework::Ks;
  if (FD->getNumParams() == 1 &&
      pointsToRecord(FD->getParamDecl(0)->getType(), "_PCPROPERTY_REQUEST"))
    return Framework::PortCls;
  return std::nullopt;
}

namespace {

bool AccessVisitor::summarizeCallee(const CallExpr *Call,
                                    const FunctionDecl *Callee) {
  if (!Callee || Depth >= 2)
    return false;
  const FunctionDecl *Def = Callee->getDefinition();
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Def || !Def->hasBody() || Def->isInvalidDecl() ||
      SM.isInSystemHeader(SM.getFileLoc(Def->getLocation())) ||
      bodyHasErrors(Def->getBody()))
    return false;
  // Which of the callee's parameters receives which of ours.
  const ParmVarDecl *CIrp = nullptr, *CProperty = nullptr, *CData = nullptr,
                    *CRequest = nullptr;
  bool Handed = false;
  for (unsigned I = 0; I < Call->getNumArgs() && I < Def->getNumParams(); ++I) {
    const Expr *Arg = Call->getArg(I);
    const ParmVarDecl *P = Def->getParamDecl(I);
    const Expr *Bare = stripCasts(Arg);
    if (isParam(Bare, Irp))
      CIrp = P;
    else if (isParam(Bare, Property))
      CProperty = P;
    else if (isData(Bare))
      CData = P;
    else if (isParam(Bare, Request))
      CRequest = P;
    else
      continue;
    Handed = true;
  }
  if (!Handed)
    return false;
  HandlerAccess Inner;
  Inner.Fw = A.Fw;
  AccessVisitor V(Ctx, Inner, CIrp, CProperty, CData, CRequest, Depth + 1);
  V.TraverseStmt(Def->getBody());
  GuardOrder Order(Def, Ctx);
  bool Checks[2] = {false, false};
  for (const Guard &G : V.Guards) {
    if (G.Of != Buffer::Data)
      Checks[0] = true;
    if (G.Of != Buffer::Property)
      Checks[1] = true;
  }
  for (const Access &Acc : V.Accesses) {
    llvm::SmallVector<const Expr *, 4> Own;
    for (const Guard &G : V.Guards)
      if (G.Of == Acc.Of || G.Of == Buffer::Both)
        Own.push_back(G.Where);
    // Checked in the helper before its access: nothing left to judge here.
    if (llvm::all_of(Order.usesOf(Acc.site()),
                     [&](const Expr *U) { return Order.guarded(U, Own); }))
      continue;
    Accesses.push_back({Acc.Of, Acc.Size, Acc.Type, Acc.Where, Call});
  }
  // After the call, a length the helper checks counts as checked.
  if (Checks[0] && Checks[1])
    Guards.push_back({Buffer::Both, Call});
  else if (Checks[0])
    Guards.push_back({Buffer::Property, Call});
  else if (Checks[1])
    Guards.push_back({Buffer::Data, Call});
  return true;
}

} // namespace

std::optional<HandlerAccess> analyzeHandler(const FunctionDecl *FD,
                                            Framework Fw, ASTContext &Ctx) {
  if (!FD)
    return std::nullopt;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->hasBody() || Def->isInvalidDecl() ||
      bodyHasErrors(Def->getBody()))
    return std::nullopt;
  HandlerAccess A;
  A.Definition = Def;
  A.Fw = Fw;
  const ParmVarDecl *Irp = nullptr, *Property = nullptr, *Data = nullptr,
                    *Request = nullptr;
  if (Fw == Framework::Ks) {
    // PFNKSHANDLER(PIRP Irp, PKSIDENTIFIER Request, PVOID Data)
    if (Def->getNumParams() != 3)
      return std::nullopt;
    Irp = Def->getParamDecl(0);
    Property = Def->getParamDecl(1);
    Data = Def->getParamDecl(2);
  } else {
    // PCPFNPROPERTY_HANDLER(PPCPROPERTY_REQUEST PropertyRequest)
    if (Def->getNumParams() != 1)
      return std::nullopt;
    Request = Def->getParamDecl(0);
  }
  AccessVisitor V(Ctx, A, Irp, Property, Data, Request);
  V.TraverseStmt(Def->getBody());
  GuardOrder Order(Def, Ctx);
  Order.findIdBranches(ItemIdReader(Def->getBody(), Property, Request), Ctx);
  A.NamedIds = Order.Named;
  for (Buffer Of : {Buffer::Property, Buffer::Data}) {
    // The largest access no check of its buffer guards; else the largest.
    const AccessVisitor::Access *Unguarded = nullptr, *Largest = nullptr;
    for (const AccessVisitor::Access &Acc : V.Accesses) {
      if (Acc.Of != Of)
        continue;
      if (!Largest || Acc.Size > Largest->Size)
        Largest = &Acc;
      llvm::SmallVector<const Expr *, 4> Checks;
      for (const AccessVisitor::Guard &G : V.Guards)
        if (G.Of == Of || G.Of == Buffer::Both)
          Checks.push_back(G.Where);
      // Every place the access happens must be guarded.
      llvm::SmallVector<const Expr *, 4> Uses = Order.usesOf(Acc.site());
      bool Guarded = llvm::all_of(
          Uses, [&](const Expr *U) { return Order.guarded(U, Checks); });
      HandlerAccess::Access Fact;
      Fact.Fact.Of = Of == Buffer::Property ? HandlerBuffer::Property
                                            : HandlerBuffer::Data;
      Fact.Fact.Size = Acc.Size;
      Fact.Fact.Guarded = Guarded;
      Fact.Fact.Ids = Order.filterOf(Uses);
      Fact.Type = Acc.Type;
      Fact.Where = Acc.Where;
      A.Accesses.push_back(std::move(Fact));
      if (!Guarded && (!Unguarded || Acc.Size > Unguarded->Size))
        Unguarded = &Acc;
    }
    const AccessVisitor::Access *Shown = Unguarded ? Unguarded : Largest;
    if (!Shown)
      continue;
    if (Of == Buffer::Property) {
      A.PropertyRead = Shown->Size;
      A.PropertyType = Shown->Type;
      A.PropertyReadExpr = Shown->Where;
      A.ChecksPropertyLength = !Unguarded;
    } else {
      A.DataAccess = Shown->Size;
      A.DataType = Shown->Type;
      A.DataAccessExpr = Shown->Where;
      A.ChecksDataLength = !Unguarded;
    }
  }
  return A;
}

} // namespace model
} // namespace ks
