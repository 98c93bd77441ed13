//===- DescriptorSizeCheck.h - ks-descriptor-size -------------------------===//
//
// A filter descriptor tells the runtime how far apart its pin and node
// descriptors lie (PCFILTER_DESCRIPTOR PinSize/NodeSize,
// KSFILTER_DESCRIPTOR PinDescriptorSize/NodeDescriptorSize), so that a
// driver may extend them. The runtime reads descriptor i at i times that
// size: a size other than the array's element size reads every descriptor
// after the first from the wrong offset, and one below the base descriptor
// overlaps them (docs/sources.md: PCFILTER_DESCRIPTOR, KSFILTER_DESCRIPTOR).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_DESCRIPTORSIZECHECK_H
#define KSTIDY_CHECKS_DESCRIPTORSIZECHECK_H

#include "KsModelCheck.h"

namespace ks {

/// ks-descriptor-size; docs/checks/ks-descriptor-size.md.
class DescriptorSizeCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
  void judge(const model::FilterDescriptor &F, const model::Stride &S,
             const model::CountedArray &A, llvm::StringRef EntryWord,
             clang::ASTContext &Ctx);
};

} // namespace ks

#endif
