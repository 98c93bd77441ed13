//===- UserAddresses.cpp - Following caller-chosen addresses --------------===//
//
// One walk per entry point, in source order, through the entry's body and
// the bodies of the driver's helpers it calls (two levels deep). The walk
// keeps what it has seen so far: the probes (by the field that holds the
// probed address) and the comparisons (by the lengths they compare). Each
// access to a caller-chosen address is recorded with the last probe of the
// same address before it.
//
// An address is caller-chosen when it is read from Irp->UserBuffer, from a
// stack location's Type3InputBuffer, or from a pointer member of the
// request's input (a KS handler's property argument and Data, PortCls's
// Value and Instance, Irp->AssociatedIrp.SystemBuffer), directly or through
// locals and parameters that hold nothing else.
//
//===----------------------------------------------------------------------===//
#include "UserAddresses.h"

#include "HandlerAccess.h"
#include "KsTypes.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace ks {
namespace model {

namespace {

const RecordDecl *pointeeRecord(QualType T) {
  T = T.getCanonicalType();
  if (!T->isPointerType())
    return nullptr;
  return T->getPointeeType()->getAsRecordDecl();
}

llvm::StringRef calleeName(const CallExpr *C) {
  const FunctionDecl *F = C->getDirectCallee();
  return F && F->getIdentifier() ? F->getName() : llvm::StringRef();
}

/// The outermost record a field belongs to (through anonymous unions and
/// structs).
const RecordDecl *outermostRecord(const FieldDecl *FD) {
  const RecordDecl *RD = FD->getParent();
  while (RD && RD->isAnonymousStructOrUnion())
    RD = dyn_cast<RecordDecl>(RD->getDeclContext());
  return RD;
}

/// The value of \p E when it is an integer constant (never evaluated in a
/// template's pattern, where it may depend on the parameters).
std::optional<llvm::APSInt> constant(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (!E || E->isValueDependent() || E->containsErrors() ||
      !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt();
}

/// A non-negative integer constant.
std::optional<uint64_t> nonNegative(const Expr *E, const ASTContext &Ctx) {
  std::optional<llvm::APSInt> V = constant(E, Ctx);
  if (!V || V->isNegative())
    return std::nullopt;
  return V->getZExtValue();
}

/// memcpy-like functions: which arguments are the destination, the source
/// and the length (-1: none).
struct CopyFunction {
  const char *Name;
  int Dest, Src, Src2, Size;
};
const CopyFunction CopyFunctions[] = {
    {"memcpy", 0, 1, -1, 2},           {"memmove", 0, 1, -1, 2},
    {"memset", 0, -1, -1, 2},          {"memcmp", -1, 0, 1, 2},
    {"RtlCopyMemory", 0, 1, -1, 2},    {"RtlMoveMemory", 0, 1, -1, 2},
    {"RtlZeroMemory", 0, -1, -1, 1},   {"RtlFillMemory", 0, -1, -1, 1},
    {"RtlCopyBytes", 0, 1, -1, 2},     {"RtlSecureZeroMemory", 0, -1, -1, 1},
    {"RtlCompareMemory", -1, 0, 1, 2},
};

/// The declarations a length expression is made of: its variables and the
/// fields it reads; a local stands also for what it was assigned.
using Atoms = llvm::SmallPtrSet<const ValueDecl *, 4>;

bool intersects(const Atoms &A, const Atoms &B) {
  for (const ValueDecl *D : A)
    if (B.count(D))
      return true;
  return false;
}

/// A caller-chosen address as it flows through the code.
struct Taint {
  UserAddressSource Source = UserAddressSource::UserBuffer;
  const FieldDecl *Key = nullptr; ///< the field that held it
  std::string Text;
  /// How far past the caller's address this pointer points (`&p->Field`,
  /// `p + 2`); nothing when unknown.
  std::optional<uint64_t> Offset = 0;

  Taint moved(std::optional<uint64_t> By) const {
    Taint T = *this;
    T.Offset = Offset && By ? std::optional(*Offset + *By) : std::nullopt;
    return T;
  }
};

struct ProbeSeen {
  const FieldDecl *Key = nullptr;
  AddressProbe Probe;
  Atoms LengthAtoms;
};

/// What one entry's walk has seen so far.
struct WalkState {
  const FunctionDecl *Entry = nullptr;
  std::vector<ProbeSeen> Probes;
  std::vector<Atoms> Comparisons;
  std::vector<UserAddressAccess> Found;
  llvm::DenseSet<const FunctionDecl *> HelpersWalked;
  /// Why the entry tells callers apart (nothing: it does not).
  const char *ModeAware = nullptr;
};

class Walker : public RecursiveASTVisitor<Walker> {
public:
  Walker(ASTContext &Ctx, WalkState &S, const FunctionDecl *Fn, unsigned Depth,
         bool CallInTry)
      : Ctx(Ctx), S(S), Fn(Fn), Depth(Depth), CallInTry(CallInTry),
        PM(Fn->getBody()) {
    collectValues(Fn->getBody());
  }

  llvm::DenseMap<const ParmVarDecl *, Taint> ParamTaint;
  llvm::SmallPtrSet<const ParmVarDecl *, 4> InputParams;
  llvm::DenseMap<const ParmVarDecl *, Atoms> ParamAtoms;

  void walk() { TraverseStmt(Fn->getBody()); }

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return false; }

  // sizeof(*p) and the like read nothing.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->getOpcode() != UO_Deref)
      return true;
    if (std::optional<Taint> T = taintOf(U->getSubExpr()))
      if (isAccessed(U))
        record(U, *T, useOf(U), pointeeSize(U->getSubExpr()->getType()), {});
    return true;
  }

  bool VisitMemberExpr(MemberExpr *M) {
    const auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl());
    if (FD && FD->getName() == "RequestorMode" && !isLockModeArgument(M))
      S.ModeAware = "it reads Irp->RequestorMode";
    if (!M->isArrow() || !FD)
      return true;
    if (std::optional<Taint> T = taintOf(M->getBase()))
      if (isAccessed(M))
        record(M, *T, useOf(M), accessEnd(M), {});
    return true;
  }

  /// The bytes from the pointer on up to the end of what `p->a.b.c`
  /// reads: through the `.` members around \p Arrow (an anonymous
  /// union's members too).
  std::optional<uint64_t> accessEnd(const MemberExpr *Arrow) const {
    const Expr *Outer = Arrow;
    for (const Stmt *P = PM.getParent(Outer); P; P = PM.getParent(Outer)) {
      if (isa<ParenExpr>(P)) {
        Outer = cast<Expr>(P);
        continue;
      }
      const auto *M = dyn_cast<MemberExpr>(P);
      if (!M || M->isArrow() || M->getBase()->IgnoreParens() != Outer ||
          !isa<FieldDecl>(M->getMemberDecl()))
        break;
      Outer = M;
    }
    // From the outermost member down, the offsets add up.
    const auto *Last = dyn_cast<MemberExpr>(Outer->IgnoreParens());
    if (!Last)
      return std::nullopt;
    std::optional<uint64_t> Offset = 0;
    std::optional<uint64_t> Size = typeSize(Ctx, Last->getType());
    for (const MemberExpr *M = Last;;
         M = cast<MemberExpr>(M->getBase()->IgnoreParens())) {
      std::optional<uint64_t> In =
          fieldOffset(cast<FieldDecl>(M->getMemberDecl()));
      Offset = Offset && In ? std::optional(*Offset + *In) : std::nullopt;
      if (M == Arrow)
        break;
    }
    if (!Offset || !Size)
      return std::nullopt;
    return *Offset + *Size;
  }

  bool VisitArraySubscriptExpr(ArraySubscriptExpr *A) {
    const Expr *Base = A->getBase();
    if (!Base->getType()->isPointerType())
      return true;
    if (std::optional<Taint> T = taintOf(Base)) {
      if (!isAccessed(A))
        return true;
      std::optional<uint64_t> Size;
      if (std::optional<uint64_t> Index = nonNegative(A->getIdx(), Ctx))
        if (auto Elem = pointeeSize(Base->getType()))
          Size = (*Index + 1) * *Elem;
      record(A, *T, useOf(A), Size, {});
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isComparisonOp()) {
      Atoms A = atomsOf(B->getLHS());
      Atoms R = atomsOf(B->getRHS());
      A.insert(R.begin(), R.end());
      S.Comparisons.push_back(std::move(A));
      if (B->isEqualityOp() && (isInternalControl(B->getLHS(), B->getRHS()) ||
                                isInternalControl(B->getRHS(), B->getLHS())))
        S.ModeAware = "it tests for IRP_MJ_INTERNAL_DEVICE_CONTROL";
    }
    return true;
  }

  // `case IRP_MJ_INTERNAL_DEVICE_CONTROL:` of a switch on MajorFunction.
  bool VisitSwitchStmt(SwitchStmt *Sw) {
    for (const SwitchCase *C = Sw->getSwitchCaseList(); C;
         C = C->getNextSwitchCase())
      if (const auto *Case = dyn_cast<CaseStmt>(C))
        if (isInternalControl(Sw->getCond(), Case->getLHS()))
          S.ModeAware = "it tests for IRP_MJ_INTERNAL_DEVICE_CONTROL";
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    llvm::StringRef Name = calleeName(C);
    if (Name.empty())
      return true;
    if (Name == "ProbeForRead" || Name == "ProbeForWrite") {
      probe(C, Name == "ProbeForWrite");
      return true;
    }
    if (Name == "ExGetPreviousMode" || Name == "KeGetPreviousMode") {
      S.ModeAware = "it calls ExGetPreviousMode";
      return true;
    }
    for (const CopyFunction &F : CopyFunctions)
      if (Name == F.Name) {
        copy(C, F);
        return true;
      }
    if (Name == "MmProbeAndLockPages" && C->getNumArgs() >= 2) {
      if (std::optional<Taint> T = mdlTaint(C->getArg(0)))
        if (std::optional<llvm::APSInt> Mode = constant(C->getArg(1), Ctx);
            Mode && *Mode == 0)
          record(C, *T, UserAddressUse::LockKernelMode, std::nullopt, {});
      return true;
    }
    if (Name == "MmBuildMdlForNonPagedPool" && C->getNumArgs() >= 1) {
      if (std::optional<Taint> T = mdlTaint(C->getArg(0)))
        record(C, *T, UserAddressUse::MapNonPaged, std::nullopt, {});
      return true;
    }
    helper(C);
    return true;
  }

private:
  ASTContext &Ctx;
  WalkState &S;
  const FunctionDecl *Fn;
  unsigned Depth;
  bool CallInTry;
  ParentMap PM;
  /// What each local (and each parameter the body assigns) is given.
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>> Values;
  llvm::SmallPtrSet<const VarDecl *, 4> AddressTaken;
  llvm::SmallPtrSet<const VarDecl *, 4> Visiting;

  void collectValues(const Stmt *Root) {
    llvm::SmallVector<const Stmt *, 64> Stack{Root};
    while (!Stack.empty()) {
      const Stmt *St = Stack.pop_back_val();
      if (!St)
        continue;
      if (const auto *DS = dyn_cast<DeclStmt>(St)) {
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D))
            if (const Expr *Init = VD->getInit())
              Values[VD].push_back(Init);
      } else if (const auto *B = dyn_cast<BinaryOperator>(St)) {
        if (B->isAssignmentOp())
          if (const auto *D =
                  dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts()))
            if (const auto *VD = dyn_cast<VarDecl>(D->getDecl()))
              Values[VD].push_back(B->getOpcode() == BO_Assign ? B->getRHS()
                                                               : B->getLHS());
      } else if (const auto *U = dyn_cast<UnaryOperator>(St)) {
        if (U->getOpcode() == UO_AddrOf)
          if (const auto *D =
                  dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParenImpCasts()))
            if (const auto *VD = dyn_cast<VarDecl>(D->getDecl()))
              AddressTaken.insert(VD);
      }
      for (const Stmt *Child : St->children())
        Stack.push_back(Child);
    }
  }

  std::string text(const Expr *E) const {
    const SourceManager &SM = Ctx.getSourceManager();
    CharSourceRange R = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(E->getSourceRange()), SM,
        Ctx.getLangOpts());
    llvm::StringRef T = Lexer::getSourceText(R, SM, Ctx.getLangOpts());
    std::string Out;
    for (char Ch : T) // one line, single spaces
      if (!std::isspace(static_cast<unsigned char>(Ch)))
        Out += Ch;
      else if (!Out.empty() && Out.back() != ' ')
        Out += ' ';
    return Out.empty() || Out.size() > 80 ? std::string("<address>") : Out;
  }

  /// A local (or a parameter the body assigns) that holds nothing but
  /// values \p Is accepts.
  template <typename Fn> bool onlyHolds(const VarDecl *VD, Fn &&Is) {
    if (AddressTaken.count(VD) || Visiting.count(VD))
      return false;
    auto It = Values.find(VD);
    if (It == Values.end() || It->second.empty())
      return false;
    Visiting.insert(VD);
    bool All = llvm::all_of(It->second, Is);
    Visiting.erase(VD);
    return All;
  }

  /// Points into the request's input buffer.
  bool isInput(const Expr *E) {
    E = E->IgnoreParenCasts();
    if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(D->getDecl());
      if (!VD)
        return false;
      if (const auto *P = dyn_cast<ParmVarDecl>(VD))
        if (InputParams.count(P) && !Values.count(P) &&
            !pointsToRecord(P->getType(), "_KSEVENT_ENTRY"))
          return true;
      return Values.count(VD) &&
             onlyHolds(VD, [&](const Expr *V) { return isInput(V); });
    }
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      const auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl());
      if (!FD)
        return false;
      if (FD->getName() == "SystemBuffer") {
        const RecordDecl *RD = outermostRecord(FD);
        return RD && RD->getName() == "_IRP";
      }
      if (FD->getName() == "Value" || FD->getName() == "Instance")
        return M->isArrow() &&
               pointsToRecord(M->getBase()->getType(), "_PCPROPERTY_REQUEST");
      return false;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E))
      if (B->isAdditiveOp() && B->getLHS()->getType()->isPointerType())
        return isInput(B->getLHS());
    return false;
  }

  /// \p M reads a member of an object that lies in the request's input.
  bool inInputObject(const MemberExpr *M) {
    const Expr *Base = M->getBase()->IgnoreParenImpCasts();
    if (M->isArrow())
      return isInput(Base);
    if (const auto *BM = dyn_cast<MemberExpr>(Base))
      return inInputObject(BM);
    if (const auto *U = dyn_cast<UnaryOperator>(Base))
      return U->getOpcode() == UO_Deref && isInput(U->getSubExpr());
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(Base))
      return isInput(A->getBase());
    return false;
  }

  std::optional<Taint> taintOf(const Expr *E) {
    E = E->IgnoreParens();
    if (const auto *CE = dyn_cast<CastExpr>(E)) {
      const Expr *Sub = CE->getSubExpr();
      if (E->getType()->isPointerType() && Sub->getType()->isIntegerType()) {
        // A 64-bit address the input carries as an integer.
        const auto *M = dyn_cast<MemberExpr>(Sub->IgnoreParenImpCasts());
        const auto *FD = M ? dyn_cast<FieldDecl>(M->getMemberDecl()) : nullptr;
        if (FD && inInputObject(M) &&
            Ctx.getTypeSize(FD->getType()) >= Ctx.getTypeSize(E->getType()))
          return Taint{UserAddressSource::Embedded, FD, text(M)};
        return std::nullopt;
      }
      return taintOf(Sub);
    }
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      const auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl());
      if (!FD)
        return std::nullopt;
      if (FD->getName() == "UserBuffer") {
        const RecordDecl *RD = outermostRecord(FD);
        if (RD && RD->getName() == "_IRP")
          return Taint{UserAddressSource::UserBuffer, FD, text(M)};
        return std::nullopt;
      }
      if (FD->getName() == "Type3InputBuffer")
        return Taint{UserAddressSource::Type3InputBuffer, FD, text(M)};
      if (FD->getType()->isPointerType() && inInputObject(M))
        return Taint{UserAddressSource::Embedded, FD, text(M)};
      return std::nullopt;
    }
    if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(D->getDecl());
      if (!VD)
        return std::nullopt;
      if (const auto *P = dyn_cast<ParmVarDecl>(VD)) {
        auto It = ParamTaint.find(P);
        if (It != ParamTaint.end() && !Values.count(P))
          return It->second;
      }
      if (!Values.count(VD))
        return std::nullopt;
      std::optional<Taint> First;
      bool Same = onlyHolds(VD, [&](const Expr *V) {
        std::optional<Taint> T = taintOf(V);
        if (!T || (First && First->Key != T->Key))
          return false;
        if (!First)
          First = T;
        return true;
      });
      return Same ? First : std::nullopt;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      if (U->getOpcode() == UO_AddrOf)
        return addressInside(U->getSubExpr()->IgnoreParens());
    if (const auto *B = dyn_cast<BinaryOperator>(E))
      if (B->isAdditiveOp() && B->getLHS()->getType()->isPointerType())
        if (std::optional<Taint> T = taintOf(B->getLHS()))
          return T->moved(B->getOpcode() == BO_Add
                              ? scaled(B->getRHS(), B->getLHS()->getType())
                              : std::nullopt);
    return std::nullopt;
  }

  /// `&p->Field`, `&p[I]`, `&*p` of a caller-chosen p: an address inside
  /// the same range.
  std::optional<Taint> addressInside(const Expr *Sub) {
    std::optional<uint64_t> Offset = 0;
    // Down the `.` members to the `->` or `[]` that leaves the pointer.
    while (const auto *M = dyn_cast<MemberExpr>(Sub)) {
      const auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl());
      if (!FD)
        return std::nullopt;
      std::optional<uint64_t> In = fieldOffset(FD);
      Offset = Offset && In ? std::optional(*Offset + *In) : std::nullopt;
      if (M->isArrow()) {
        std::optional<Taint> T = taintOf(M->getBase());
        return T ? std::optional(T->moved(Offset)) : std::nullopt;
      }
      Sub = M->getBase()->IgnoreParens();
    }
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(Sub)) {
      if (!A->getBase()->getType()->isPointerType())
        return std::nullopt;
      std::optional<Taint> T = taintOf(A->getBase());
      return T ? std::optional(
                     T->moved(scaled(A->getIdx(), A->getBase()->getType())))
               : std::nullopt;
    }
    if (const auto *D = dyn_cast<UnaryOperator>(Sub))
      if (D->getOpcode() == UO_Deref)
        return taintOf(D->getSubExpr());
    return std::nullopt;
  }

  /// \p Index elements of the pointee of \p Pointer, in bytes.
  std::optional<uint64_t> scaled(const Expr *Index, QualType Pointer) const {
    std::optional<uint64_t> N = nonNegative(Index, Ctx);
    std::optional<uint64_t> Elem = pointeeSize(Pointer);
    if (!N || !Elem)
      return std::nullopt;
    return *N * *Elem;
  }

  /// The offset of \p FD in the record that declares it.
  std::optional<uint64_t> fieldOffset(const FieldDecl *FD) const {
    const RecordDecl *RD = FD->getParent();
    if (!RD || RD->isInvalidDecl() || RD->isDependentType() ||
        !RD->getDefinition() || FD->isBitField())
      return std::nullopt;
    return Ctx.getASTRecordLayout(RD->getDefinition())
               .getFieldOffset(FD->getFieldIndex()) /
           8;
  }

  /// An MDL that IoAllocateMdl built for a caller-chosen address.
  std::optional<Taint> mdlTaint(const Expr *E) {
    E = E->IgnoreParenCasts();
    if (const auto *C = dyn_cast<CallExpr>(E))
      return calleeName(C) == "IoAllocateMdl" && C->getNumArgs() >= 1
                 ? taintOf(C->getArg(0))
                 : std::nullopt;
    const auto *D = dyn_cast<DeclRefExpr>(E);
    const auto *VD = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
    if (!VD || !Values.count(VD))
      return std::nullopt;
    std::optional<Taint> First;
    bool All = onlyHolds(VD, [&](const Expr *V) {
      std::optional<Taint> T = mdlTaint(V);
      if (T && !First)
        First = T;
      return T.has_value();
    });
    return All ? First : std::nullopt;
  }

  Atoms atomsOf(const Expr *E, unsigned Level = 0) {
    Atoms Out;
    llvm::SmallVector<const Stmt *, 16> Stack{E};
    while (!Stack.empty()) {
      const Stmt *St = Stack.pop_back_val();
      if (!St || isa<UnaryExprOrTypeTraitExpr>(St))
        continue;
      if (const auto *D = dyn_cast<DeclRefExpr>(St)) {
        if (const auto *VD = dyn_cast<VarDecl>(D->getDecl())) {
          Out.insert(VD);
          if (const auto *P = dyn_cast<ParmVarDecl>(VD)) {
            auto It = ParamAtoms.find(P);
            if (It != ParamAtoms.end())
              Out.insert(It->second.begin(), It->second.end());
          }
          auto It = Values.find(VD);
          if (Level < 2 && It != Values.end())
            for (const Expr *V : It->second) {
              Atoms A = atomsOf(V, Level + 1);
              Out.insert(A.begin(), A.end());
            }
        }
      } else if (const auto *M = dyn_cast<MemberExpr>(St)) {
        Out.insert(M->getMemberDecl());
      }
      for (const Stmt *Child : St->children())
        Stack.push_back(Child);
    }
    return Out;
  }

  const Stmt *parentOf(const Stmt *St) const {
    const Stmt *P = PM.getParent(St);
    while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P)))
      P = PM.getParent(P);
    return P;
  }

  /// The address \p E stands for is read or written, not only computed
  /// (`&p->Field`, `&p[1]`, `&*p`).
  bool isAccessed(const Expr *E) const {
    const Stmt *Child = E;
    const Stmt *P = PM.getParent(Child);
    while (P) {
      if (isa<ParenExpr>(P)) {
        Child = P;
        P = PM.getParent(P);
        continue;
      }
      if (const auto *M = dyn_cast<MemberExpr>(P);
          M && !M->isArrow() && M->getBase() == Child) {
        Child = P; // p->a.b: the address of p->a.b is still computed
        P = PM.getParent(P);
        continue;
      }
      if (const auto *U = dyn_cast<UnaryOperator>(P))
        return U->getOpcode() != UO_AddrOf;
      return true;
    }
    return true;
  }

  UserAddressUse useOf(const Expr *E) const {
    const Stmt *Child = E;
    const Stmt *P = PM.getParent(Child);
    while (P && (isa<ParenExpr>(P) ||
                 (isa<MemberExpr>(P) && !cast<MemberExpr>(P)->isArrow()))) {
      Child = P;
      P = PM.getParent(P);
    }
    if (const auto *B = dyn_cast_or_null<BinaryOperator>(P))
      if (B->isAssignmentOp() && B->getLHS()->IgnoreParens() == Child)
        return UserAddressUse::Write;
    if (const auto *U = dyn_cast_or_null<UnaryOperator>(P))
      if (U->isIncrementDecrementOp())
        return UserAddressUse::Write;
    return UserAddressUse::Read;
  }

  /// \p Major reads a stack location's MajorFunction and \p Value is
  /// IRP_MJ_INTERNAL_DEVICE_CONTROL: requests only kernel-mode drivers send,
  /// whose Type3InputBuffer and UserBuffer are kernel addresses.
  bool isInternalControl(const Expr *Major, const Expr *Value) const {
    const auto *M = dyn_cast<MemberExpr>(Major->IgnoreParenImpCasts());
    std::optional<llvm::APSInt> V = constant(Value, Ctx);
    return M && M->getMemberDecl()->getName() == "MajorFunction" &&
           !M->getType()->isArrayType() && V &&
           *V == IrpMjInternalDeviceControl;
  }

  bool isLockModeArgument(const Expr *E) const {
    const Stmt *P = parentOf(E);
    const auto *C = dyn_cast_or_null<CallExpr>(P);
    return C && calleeName(C) == "MmProbeAndLockPages" &&
           C->getNumArgs() >= 2 && C->getArg(1)->IgnoreParenImpCasts() == E;
  }

  bool inTry(const Stmt *St) const {
    const Stmt *Child = St;
    for (const Stmt *P = PM.getParent(Child); P; Child = P, P = PM.getParent(P))
      if (const auto *T = dyn_cast<SEHTryStmt>(P))
        if (T->getTryBlock() == Child)
          return true;
    return false;
  }

  std::optional<uint64_t> pointeeSize(QualType T) const {
    T = T.getCanonicalType();
    if (!T->isPointerType())
      return std::nullopt;
    QualType P = T->getPointeeType();
    if (P->isVoidType() || P->isIncompleteType())
      return std::nullopt;
    return typeSize(Ctx, P);
  }

  void probe(const CallExpr *C, bool Write) {
    if (C->getNumArgs() < 2)
      return;
    std::optional<Taint> T = taintOf(C->getArg(0));
    if (!T)
      return;
    ProbeSeen P;
    P.Key = T->Key;
    P.Probe.Call = C;
    P.Probe.Write = Write;
    P.Probe.InTry = CallInTry || inTry(C);
    if (std::optional<uint64_t> Bytes = nonNegative(C->getArg(1), Ctx)) {
      P.Probe.Length = ProbeLength::Constant;
      P.Probe.Bytes = Bytes;
    } else {
      P.LengthAtoms = atomsOf(C->getArg(1));
    }
    S.Probes.push_back(std::move(P));
  }

  void copy(const CallExpr *C, const CopyFunction &F) {
    std::optional<uint64_t> Size;
    Atoms SizeAtoms;
    if (F.Size >= 0 && static_cast<unsigned>(F.Size) < C->getNumArgs()) {
      Size = nonNegative(C->getArg(F.Size), Ctx);
      if (!Size)
        SizeAtoms = atomsOf(C->getArg(F.Size));
    }
    for (auto [Index, Use] : {std::pair{F.Dest, UserAddressUse::Write},
                              std::pair{F.Src, UserAddressUse::Read},
                              std::pair{F.Src2, UserAddressUse::Read}})
      if (Index >= 0 && static_cast<unsigned>(Index) < C->getNumArgs())
        if (std::optional<Taint> T = taintOf(C->getArg(Index)))
          record(C, *T, Use, Size, SizeAtoms);
  }

  void record(const Expr *Where, const Taint &T, UserAddressUse Use,
              std::optional<uint64_t> Size, const Atoms &SizeAtoms) {
    UserAddressAccess A;
    A.Entry = S.Entry;
    A.Function = Fn;
    A.Source = T.Source;
    A.AddressText = T.Text;
    A.Use = Use;
    A.Where = Where;
    // The bytes from the caller's address on.
    A.Size = Size && T.Offset ? std::optional(*T.Offset + *Size) : std::nullopt;
    A.InTry = CallInTry || inTry(Where);
    for (auto It = S.Probes.rbegin(); It != S.Probes.rend(); ++It) {
      if (It->Key != T.Key)
        continue;
      AddressProbe P = It->Probe;
      if (P.Length != ProbeLength::Constant) {
        if (!SizeAtoms.empty() && intersects(SizeAtoms, It->LengthAtoms))
          P.Length = ProbeLength::OfAccess;
        else if (llvm::any_of(S.Comparisons, [&](const Atoms &C) {
                   return intersects(C, It->LengthAtoms);
                 }))
          P.Length = ProbeLength::Checked;
        else
          P.Length = ProbeLength::Unchecked;
      }
      A.Probe = P;
      break;
    }
    S.Found.push_back(std::move(A));
  }

  /// A function of the driver's: walked with what its parameters receive.
  void helper(const CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    // An overloaded operator's arguments do not line up with its
    // parameters (a member's object comes first): not followed.
    if (!Callee || Depth >= 2 || isa<CXXOperatorCallExpr>(C))
      return;
    const FunctionDecl *Def = Callee->getDefinition();
    const SourceManager &SM = Ctx.getSourceManager();
    if (!Def || !Def->hasBody() || Def == Fn || Def->isDependentContext() ||
        SM.isInSystemHeader(SM.getFileLoc(Def->getLocation())) ||
        bodyHasErrors(Def->getBody()))
      return;
    Walker W(Ctx, S, Def, Depth + 1, CallInTry || inTry(C));
    bool Carries = false;
    for (unsigned I = 0; I < C->getNumArgs() && I < Def->getNumParams(); ++I) {
      const ParmVarDecl *P = Def->getParamDecl(I);
      const Expr *Arg = C->getArg(I);
      if (std::optional<Taint> T = taintOf(Arg)) {
        W.ParamTaint[P] = *T;
        Carries = true;
      } else if (isInput(Arg)) {
        W.InputParams.insert(P);
        Carries = true;
      }
      W.ParamAtoms[P] = atomsOf(Arg);
    }
    // A helper handed nothing caller-chosen reads the same things each time
    // it is called: walk it once.
    if (!Carries && !S.HelpersWalked.insert(Def).second)
      return;
    W.walk();
  }
};

bool isKsIdentifierLike(QualType T) {
  const RecordDecl *RD = pointeeRecord(T);
  if (!RD)
    return false;
  llvm::StringRef Name = recordName(RD);
  Name.consume_front("_");
  return Name.starts_with("KS");
}

} // namespace

std::optional<EntryKind> entrySignature(const FunctionDecl *FD) {
  if (!FD || !FD->getReturnType()->isIntegerType())
    return std::nullopt;
  if (std::optional<Framework> Fw = handlerSignature(FD)) {
    if (*Fw == Framework::PortCls)
      return EntryKind::PcHandler;
    if (isKsIdentifierLike(FD->getParamDecl(1)->getType()))
      return EntryKind::KsHandler;
    return std::nullopt;
  }
  if (FD->getNumParams() == 2 &&
      pointsToRecord(FD->getParamDecl(1)->getType(), "_IRP")) {
    const RecordDecl *RD = pointeeRecord(FD->getParamDecl(0)->getType());
    llvm::StringRef Name = RD ? recordName(RD) : llvm::StringRef();
    Name.consume_front("_");
    if (Name == "DEVICE_OBJECT" || Name == "KSDEVICE" || Name == "KSFILTER" ||
        Name == "KSPIN")
      return EntryKind::DispatchRoutine;
  }
  return std::nullopt;
}

void analyzeUserAddresses(const FunctionDecl *Entry, EntryKind Kind,
                          RequestModel &Out, ASTContext &Ctx) {
  // A template's pattern is judged through its instantiations, where the
  // types and sizes are known.
  if (!Entry || !Entry->hasBody() || Entry->isDependentContext() ||
      bodyHasErrors(Entry->getBody()))
    return;
  WalkState S;
  S.Entry = Entry;
  Walker W(Ctx, S, Entry, 0, false);
  if (Kind == EntryKind::KsHandler && Entry->getNumParams() == 3) {
    W.InputParams.insert(Entry->getParamDecl(1));
    W.InputParams.insert(Entry->getParamDecl(2));
  }
  W.walk();
  if (S.ModeAware) {
    if (!S.Found.empty())
      Out.ModeAwareEntries.push_back({Entry, S.ModeAware});
    return;
  }
  for (UserAddressAccess &A : S.Found)
    Out.UserAddressAccesses.push_back(std::move(A));
}

} // namespace model
} // namespace ks
