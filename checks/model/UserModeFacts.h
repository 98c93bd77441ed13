//===- UserModeFacts.h - What user-mode KS code does with allocators
//-------===//
//
// Proxy plugins and applications reach KS allocators through ksproxy.h's
// IKsAllocator(Ex) and Windows Media's IWMSBufferAllocator. These helpers
// read, within one function, the framing requirements it sets up and the
// evidence that it needs page-aligned buffers.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_USERMODEFACTS_H
#define KSTIDY_CHECKS_MODEL_USERMODEFACTS_H

#include "KsModel.h"

namespace ks {
namespace model {

/// The last constant stored into a `RequirementsFlags` / `OptionsFlags`
/// member in \p Body.
void findRequirementsFlags(const clang::Stmt *Body, clang::ASTContext &Ctx,
                           AllocatorModeCall &Call);

/// A CreateFile with FILE_FLAG_NO_BUFFERING, or a pointer tested against
/// the page size, in \p Body.
void findPageAlignedUse(const clang::Stmt *Body, clang::ASTContext &Ctx,
                        WmsAllocation &A);

/// IKsAllocatorEx, IKsAllocatorEx *, IKsAllocatorEx ** ...
bool namesAllocatorEx(clang::QualType T);

} // namespace model
} // namespace ks

#endif
