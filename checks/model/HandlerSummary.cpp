//===- HandlerSummary.cpp -------------------------------------------------===//
#include "HandlerSummary.h"
#include "HandlerAccess.h"
#include "TopLevelDecls.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace ks {
namespace model {

std::string usrOf(const FunctionDecl *FD) {
  llvm::SmallString<128> Buf;
  if (!FD || index::generateUSRForDecl(FD->getCanonicalDecl(), Buf))
    return {};
  return std::string(Buf);
}

std::string usrOf(const VarDecl *VD) {
  llvm::SmallString<128> Buf;
  if (!VD || index::generateUSRForDecl(VD->getCanonicalDecl(), Buf))
    return {};
  return std::string(Buf);
}

namespace {

void collectArrays(const Decl *D, ASTContext &Ctx,
                   std::vector<const VarDecl *> &Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (isa<NamespaceDecl, LinkageSpecDecl>(D)) {
    for (const Decl *Child : cast<DeclContext>(D)->decls())
      collectArrays(Child, Ctx, Out);
    return;
  }
  const auto *VD = dyn_cast<VarDecl>(D);
  if (VD && !VD->isInvalidDecl() &&
      VD->isThisDeclarationADefinition() != VarDecl::DeclarationOnly &&
      VD->hasExternalFormalLinkage() &&
      Ctx.getAsConstantArrayType(VD->getType()) &&
      !SM.isInSystemHeader(SM.getExpansionLoc(VD->getLocation())))
    Out.push_back(VD);
}

} // namespace

std::vector<const VarDecl *> definedArrays(ASTContext &Ctx) {
  std::vector<const VarDecl *> Out;
  forEachTopLevelDecl(Ctx, [&](const Decl *D) { collectArrays(D, Ctx, Out); });
  return Out;
}

std::vector<ArraySummary> summarizeArrays(ASTContext &Ctx) {
  std::vector<ArraySummary> Out;
  for (const VarDecl *VD : definedArrays(Ctx))
    if (std::string Usr = usrOf(VD); !Usr.empty())
      Out.push_back(
          {std::move(Usr), VD->getQualifiedNameAsString(),
           Ctx.getAsConstantArrayType(VD->getType())->getSize().getZExtValue(),
           filePosition(VD->getLocation(), Ctx.getSourceManager())});
  return Out;
}

FilePosition filePosition(SourceLocation L, const SourceManager &SM) {
  FilePosition P;
  L = SM.getFileLoc(L);
  if (L.isInvalid())
    return P;
  FileID F = SM.getFileID(L);
  if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(F)) {
    llvm::SmallString<256> Path(Entry->getName());
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    P.File = std::string(Path);
  }
  P.Offset = SM.getFileOffset(L);
  P.Line = SM.getSpellingLineNumber(L);
  P.Column = SM.getSpellingColumnNumber(L);
  return P;
}

namespace {

std::string typeText(QualType T, const ASTContext &Ctx) {
  return T.isNull() ? std::string() : typeName(T, Ctx);
}

} // namespace

std::vector<HandlerSummary> summarizeHandlers(const KsModel &Model,
                                              ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<HandlerSummary> Out;
  for (const auto &[FD, Fw] : Model.HandlerDefinitions) {
    if (SM.isInSystemHeader(SM.getFileLoc(FD->getLocation())))
      continue;
    // The model analysed every one (ModelBuilder::analyzeHandlers).
    const HandlerAccess *A = Model.accessOf(FD);
    std::string Usr = usrOf(FD);
    if (!A || Usr.empty())
      continue;
    HandlerSummary S;
    S.Usr = std::move(Usr);
    S.Name = FD->getQualifiedNameAsString();
    S.Fw = Fw;
    S.NamedIds = A->NamedIds;
    for (const HandlerAccess::Access &Acc : A->Accesses)
      S.Accesses.push_back({Acc.Fact, typeText(Acc.Type, Ctx),
                            filePosition(Acc.Where->getBeginLoc(), SM)});
    Out.push_back(std::move(S));
  }
  return Out;
}

std::optional<int64_t> itemId(const ItemEntry &E) {
  if (E.Id.unknown() || !E.Id.Value)
    return std::nullopt;
  return static_cast<int64_t>(*E.Id.Value);
}

namespace {

template <typename Fn>
void forEachUse(const KsModel &Model, ASTContext &Ctx, Fn &&Use) {
  const uint64_t KsProperty = namedTypeSize(Ctx, "KSPROPERTY").value_or(0);
  auto Guarantee = [](const TableValue &V,
                      uint64_t Floor) -> std::optional<uint64_t> {
    if (V.unknown())
      return std::nullopt; // could be anything
    return std::max(V.Value.value_or(0), Floor);
  };
  for (const ItemArray &A : Model.ItemArrays) {
    if (A.Info.Family == ItemFamily::Method && A.Info.Fw == Framework::Ks &&
        !A.Fast) {
      // A method handler is a PFNKSHANDLER too: MinMethod (never below a
      // KSMETHOD, the size of a KSPROPERTY) and MinData guard it.
      for (const ItemEntry &E : A.Entries) {
        const std::optional<int64_t> Id = itemId(E);
        Use(E.Get, GuaranteeKind::MinData, Sharer{Id, Guarantee(E.MinData, 0)});
        for (const HandlerRef *H : {&E.Get, &E.Support})
          Use(*H, GuaranteeKind::MinProperty,
              Sharer{Id, Guarantee(E.MinProperty, KsProperty)});
      }
      continue;
    }
    if (A.Info.Family != ItemFamily::Property || A.Fast)
      continue;
    for (const ItemEntry &E : A.Entries) {
      const std::optional<int64_t> Id = itemId(E);
      for (const HandlerRef *H : {&E.Get, &E.Set}) {
        Use(*H, GuaranteeKind::MinData, Sharer{Id, Guarantee(E.MinData, 0)});
        Use(*H, GuaranteeKind::MinProperty,
            Sharer{Id, Guarantee(E.MinProperty, KsProperty)});
      }
      Use(E.Support, GuaranteeKind::MinProperty,
          Sharer{Id, Guarantee(E.MinProperty, KsProperty)});
      for (const auto &Ext : E.ExtHandlers)
        Use(Ext.second, GuaranteeKind::ExtMinData,
            Sharer{Id, Guarantee(E.ExtMinData, 0)});
    }
  }
}

} // namespace

llvm::DenseMap<const FunctionDecl *, ItemSharers>
handlerSharers(const KsModel &Model, ASTContext &Ctx) {
  llvm::DenseMap<const FunctionDecl *, ItemSharers> Out;
  forEachUse(Model, Ctx,
             [&](const HandlerRef &H, GuaranteeKind K, const Sharer &S) {
               if (!H.Function)
                 return;
               ItemSharers &I = Out[H.Function];
               (K == GuaranteeKind::MinProperty ? I.MinProperty
                : K == GuaranteeKind::MinData   ? I.MinData
                                                : I.ExtMinData)
                   .push_back(S);
             });
  return Out;
}

std::vector<HandlerUse> handlerUses(const KsModel &Model, ASTContext &Ctx) {
  std::vector<HandlerUse> Out;
  llvm::DenseMap<const FunctionDecl *, std::string> Usrs;
  forEachUse(Model, Ctx,
             [&](const HandlerRef &H, GuaranteeKind K, const Sharer &S) {
               if (!H.Function)
                 return;
               auto It = Usrs.try_emplace(H.Function).first;
               if (It->second.empty())
                 It->second = usrOf(H.Function);
               if (!It->second.empty())
                 Out.push_back({It->second, K, S});
             });
  return Out;
}

std::vector<ParameterAllocatorSummary>
summarizeParameterAllocators(const KsModel &Model, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  auto At = [&](const Stmt *S) -> std::optional<FilePosition> {
    if (!S)
      return std::nullopt;
    FilePosition P = filePosition(S->getBeginLoc(), SM);
    if (P.File.empty())
      return std::nullopt;
    return P;
  };
  std::vector<ParameterAllocatorSummary> Out;
  for (const ParameterAllocatorCallback &C :
       Model.ParameterAllocatorCallbacks) {
    ParameterAllocatorSummary S;
    S.Usr = usrOf(C.Definition);
    if (S.Usr.empty())
      continue;
    S.Name = C.Definition->getQualifiedNameAsString();
    S.SuccessWithoutBuffer = At(C.SuccessWithoutBuffer);
    S.SuccessAfterFailedAllocation = At(C.SuccessAfterFailedAllocation);
    S.Allocation = At(C.Allocation);
    S.SetsDeallocateBuffer = At(C.SetsDeallocateBuffer);
    S.AllocatesFromPool = C.AllocatesFromPool;
    Out.push_back(std::move(S));
  }
  return Out;
}

} // namespace model
} // namespace ks
