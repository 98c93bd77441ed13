//===- ParameterAllocatorCheck.cpp - ks-parameter-allocator ---------------===//
#include "ParameterAllocatorCheck.h"
#include "PropertyMinSizeCheck.h"
#include "model/HandlerSummary.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

using namespace clang;
using namespace ks::model;

namespace ks {

ParameterAllocatorCheck::ParameterAllocatorCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : KsModelCheck(Name, Context),
      WholeDriver(Options.getLocalOrGlobal("KsWholeDriver", false)) {}

std::vector<ParameterAllocatorCheck::Defect>
ParameterAllocatorCheck::defectsOf(const Facts &F) {
  std::vector<Defect> Out;
  if (F.SuccessAfterFailedAllocation)
    Out.push_back(Defect::SuccessAfterFailedAllocation);
  else if (F.SuccessWithoutBuffer)
    Out.push_back(Defect::SuccessWithoutBuffer);
  // What frees a block the driver handed out of its own store is unknown.
  if (!F.FilterJudged || !F.AllocatesFromPool)
    return Out;
  if (F.SetsDeallocateBuffer) {
    if (F.MaxReleases >= 1 && F.HasFirstRelease)
      Out.push_back(Defect::DoubleFreeWithFlag);
  } else if (F.MinReleases == 0) {
    Out.push_back(Defect::Leak);
  } else if (F.MaxReleases >= 2 && F.HasSecondRelease) {
    Out.push_back(Defect::DoubleFree);
  }
  return Out;
}

std::string ParameterAllocatorCheck::message(Defect D, const Names &N) {
  switch (D) {
  case Defect::SuccessAfterFailedAllocation:
    return N.Allocator +
           " returns STATUS_SUCCESS where its allocation returned NULL: " +
           N.Api +
           " then captures the request's parameters into a NULL buffer (a "
           "bugcheck under low memory); return STATUS_INSUFFICIENT_RESOURCES";
  case Defect::SuccessWithoutBuffer:
    return N.Allocator +
           " returns STATUS_SUCCESS without storing a buffer in "
           "Irp->AssociatedIrp.SystemBuffer: " +
           N.Api +
           " then captures the request's parameters through a NULL or stale "
           "SystemBuffer (a bugcheck, or a write into memory the filter does "
           "not own)";
  case Defect::Leak:
    return "the buffer " + N.Allocator + " hands out for " + N.Api + " is " +
           (N.NeverFreed ? "never freed" : "not freed on every path") + " by " +
           N.Filter +
           ": with a custom allocator the runtime sets no "
           "IRP_DEALLOCATE_BUFFER, so each request" +
           (N.NeverFreed ? "" : " that takes that path") +
           " leaks the buffer (a caller can exhaust pool)";
  case Defect::DoubleFreeWithFlag:
    return N.Filter + " frees the buffer " + N.Allocator + " hands out, but " +
           N.Allocator +
           " set IRP_DEALLOCATE_BUFFER: the I/O manager frees it again when "
           "the IRP completes (a double free, pool corruption)";
  case Defect::DoubleFree:
    return N.Filter + " frees the buffer " + N.Allocator + " hands out for " +
           N.Api +
           " a second time on this path (a double free, pool corruption)";
  }
  return "";
}

std::string ParameterAllocatorCheck::note(Defect D, const Names &N) {
  switch (D) {
  case Defect::SuccessAfterFailedAllocation:
    return "the allocation that can fail";
  case Defect::SuccessWithoutBuffer:
    return "handed to " + N.Api + " here";
  case Defect::Leak:
    return "this path completes the request without freeing it";
  case Defect::DoubleFreeWithFlag:
    return "IRP_DEALLOCATE_BUFFER set here";
  case Defect::DoubleFree:
    return "first freed here";
  }
  return "";
}

namespace {

std::string quoted(const FunctionDecl *F) {
  return "'" + F->getQualifiedNameAsString() + "'";
}

llvm::json::Value position(SourceLocation L, const SourceManager &SM) {
  if (L.isInvalid())
    return nullptr;
  FilePosition P = filePosition(L, SM);
  if (P.File.empty())
    return nullptr;
  return llvm::json::Object{{"file", P.File},
                            {"offset", P.Offset},
                            {"line", P.Line},
                            {"column", P.Column}};
}

SourceLocation begin(const Stmt *S) {
  return S ? S->getBeginLoc() : SourceLocation();
}

} // namespace

void ParameterAllocatorCheck::checkModel(const KsModel &Model,
                                         ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const ParameterAllocatorUse &U : Model.ParameterAllocators) {
    const ParameterAllocatorCallback &C = U.Callback;
    if (!C.Definition) {
      // The callback's body is in another TU: the join decides, with the
      // facts of the filter and those of the TU that defines the callback.
      // Through clang-tidy's own diag: NOLINT and the header filter apply
      // to it as to the finding it may become.
      std::string Usr = U.AllocatorDecl ? usrOf(U.AllocatorDecl) : "";
      if (!WholeDriver || U.FilterNotJudged || Usr.empty())
        continue;
      llvm::json::Object Payload{
          {"rule", "parameterAllocator"},
          {"usr", Usr},
          {"allocator", U.AllocatorName},
          {"api", U.Api},
          {"filter", U.Filter->getQualifiedNameAsString()},
          {"minReleases", U.MinReleases},
          {"maxReleases", U.MaxReleases},
          {"leakingExit", position(U.LeakingExit, SM)},
          {"firstRelease", position(begin(U.FirstRelease), SM)},
          {"secondRelease", position(begin(U.SecondRelease), SM)}};
      ClangTidyCheck::diag(at(U.Call), "%0")
          << (PropertyMinSizeCheck::DeferredMarker +
              llvm::formatv("{0}", llvm::json::Value(std::move(Payload)))
                  .str());
      continue;
    }
    Facts F;
    F.SuccessWithoutBuffer = C.SuccessWithoutBuffer != nullptr;
    F.SuccessAfterFailedAllocation = C.SuccessAfterFailedAllocation != nullptr;
    F.AllocatesFromPool = C.AllocatesFromPool;
    F.SetsDeallocateBuffer = C.SetsDeallocateBuffer != nullptr;
    F.FilterJudged = U.FilterNotJudged == nullptr;
    F.MinReleases = U.MinReleases;
    F.MaxReleases = U.MaxReleases;
    F.HasFirstRelease = U.FirstRelease != nullptr;
    F.HasSecondRelease = U.SecondRelease != nullptr;
    Names N{quoted(C.Definition), quoted(U.Filter), U.Api, U.MaxReleases == 0};
    for (Defect D : defectsOf(F)) {
      SourceLocation Where, NoteAt;
      switch (D) {
      case Defect::SuccessAfterFailedAllocation:
        Where = begin(C.SuccessAfterFailedAllocation);
        NoteAt = begin(C.Allocation);
        break;
      case Defect::SuccessWithoutBuffer:
        Where = begin(C.SuccessWithoutBuffer);
        NoteAt = begin(U.Call);
        break;
      case Defect::Leak:
        Where = begin(U.Call);
        NoteAt = U.LeakingExit;
        break;
      case Defect::DoubleFreeWithFlag:
        Where = begin(U.FirstRelease);
        NoteAt = begin(C.SetsDeallocateBuffer);
        break;
      case Defect::DoubleFree:
        Where = begin(U.SecondRelease);
        NoteAt = begin(U.FirstRelease);
        break;
      }
      diag(at(Where), "%0") << message(D, N);
      if (NoteAt.isValid())
        diag(at(NoteAt), "%0", DiagnosticIDs::Note) << note(D, N);
    }
  }
}

} // namespace ks
