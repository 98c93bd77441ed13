//===- PageSizeBufferCheck.cpp - ks-page-size-buffer
//-----------------------===//
#include "PageSizeBufferCheck.h"

using namespace clang;
using namespace ks::model;

namespace ks {

void PageSizeBufferCheck::checkModel(const KsModel &Model, ASTContext &Ctx) {
  for (const WmsAllocation &A : Model.WmsAllocations) {
    if (A.PageSize || !A.PageAlignedUse || !A.Function)
      continue;
    diag(A.Call->getExprLoc(),
         "IWMSBufferAllocator::AllocateBuffer gives no page alignment, but "
         "'%0' %1: allocate the buffer with AllocatePageSizeBuffer")
        << A.Function->getQualifiedNameAsString() << A.PageAlignedWhy;
    diag(at(A.PageAlignedUse), "page-aligned use here", DiagnosticIDs::Note);
  }
}

} // namespace ks
