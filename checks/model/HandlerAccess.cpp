//===- HandlerAccess.cpp --------------------------------------------------===//
#include "HandlerAccess.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
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

/// The length that guards the buffers a handler reads and writes: the IRP's
/// buffer lengths for ks.sys, ValueSize for PortCls's Value (InstanceSize
/// guards the Instance buffer, not Value).
bool isLengthField(llvm::StringRef Name, Framework Fw) {
  if (Fw == Framework::PortCls)
    return Name == "ValueSize";
  return Name == "OutputBufferLength" || Name == "InputBufferLength";
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
                const ParmVarDecl *Request)
      : Ctx(Ctx), A(A), Irp(Irp), Property(Property), Data(Data),
        Request(Request) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  // Storing a length (`Request->ValueSize = sizeof(LONG)`) is no check.
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParens()))
        StoredLengths.insert(ME);
    return true;
  }

  bool VisitMemberExpr(MemberExpr *ME) {
    if (isLengthField(ME->getMemberDecl()->getName(), A.Fw) &&
        !StoredLengths.count(ME))
      A.ChecksLength = true;
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
    if (!Callee || !isNonCheckingApi(Name))
      for (const Expr *Arg : Call->arguments())
        if (isParam(Arg, Irp) || isParam(Arg, Request))
          A.ChecksLength = true;
    return true;
  }

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

  void noteData(uint64_t Size, QualType T, const Expr *Where) {
    if (!A.DataAccess || Size > *A.DataAccess) {
      A.DataAccess = Size;
      A.DataType = T;
      A.DataAccessExpr = Where;
    }
  }

  void noteProperty(uint64_t Size, QualType T, const Expr *Where) {
    if (!A.PropertyRead || Size > *A.PropertyRead) {
      A.PropertyRead = Size;
      A.PropertyType = T;
      A.PropertyReadExpr = Where;
    }
  }

  ASTContext &Ctx;
  HandlerAccess &A;
  const ParmVarDecl *Irp, *Property, *Data, *Request;
  llvm::SmallPtrSet<const MemberExpr *, 4> StoredLengths;
};

} // namespace

/// Something in the body did not compile: what the handler reads, writes or
/// checks cannot be known from what is left of it (clang drops or replaces
/// the broken parts).
static bool bodyHasErrors(const Stmt *Root) {
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
  return A;
}

} // namespace model
} // namespace ks
