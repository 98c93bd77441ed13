//===- ParameterAllocatorCheck.h - ks-parameter-allocator -----------------===//
//
// Custom parameter allocator that loses or double-frees its buffer. With an
// Allocator, KsPropertyHandlerWithAllocator & co. capture the request's
// parameters into the buffer the callback stored in
// Irp->AssociatedIrp.SystemBuffer, and set neither IRP_BUFFERED_IO nor
// IRP_DEALLOCATE_BUFFER: the filter frees the buffer when it completes the
// IRP (docs/sources.md: KsPropertyHandlerWithAllocator, PFNKSALLOCATOR).
// When the callback's body is in another translation unit, the check hands
// the call over to kstidy's whole-driver join (tool/kstidy/WholeDriver.h)
// as a deferred judgement, which the join decides with the same rule and
// messages.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_PARAMETERALLOCATORCHECK_H
#define KSTIDY_CHECKS_PARAMETERALLOCATORCHECK_H

#include "KsModelCheck.h"

namespace ks {

/// ks-parameter-allocator; docs/checks/ks-parameter-allocator.md.
class ParameterAllocatorCheck : public KsModelCheck {
public:
  ParameterAllocatorCheck(llvm::StringRef Name,
                          clang::tidy::ClangTidyContext *Context);

  /// What is wrong with one use, in the order the check asks; a use can
  /// have a defect of the callback and one of the filter.
  enum class Defect {
    SuccessAfterFailedAllocation, ///< success with a NULL buffer
    SuccessWithoutBuffer,         ///< success, SystemBuffer not set
    Leak,                         ///< a path that never frees it
    DoubleFreeWithFlag, ///< freed, and IRP_DEALLOCATE_BUFFER frees it again
    DoubleFree,         ///< freed twice on one path
  };

  /// The facts the rule reads, known on both sides of the join.
  struct Facts {
    // The callback.
    bool SuccessWithoutBuffer = false;
    bool SuccessAfterFailedAllocation = false;
    bool AllocatesFromPool = false;
    bool SetsDeallocateBuffer = false;
    // The filter.
    bool FilterJudged = false;
    unsigned MinReleases = 0, MaxReleases = 0;
    bool HasFirstRelease = false, HasSecondRelease = false;
  };
  static std::vector<Defect> defectsOf(const Facts &F);

  /// The names a message shows, quoted as they appear.
  struct Names {
    std::string Allocator, Filter, Api;
    bool NeverFreed = false; ///< no path frees it (else: some path)
  };
  static std::string message(Defect D, const Names &N);
  /// The note of \p D (where its second place is).
  static std::string note(Defect D, const Names &N);

private:
  /// KsWholeDriver (kstidy sets it): hand calls whose callback has no body
  /// here to the join; else say nothing about them.
  const bool WholeDriver;
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
