//===- ParameterAllocators.h - PFNKSALLOCATOR callbacks and their buffers -===//
//
// KsPropertyHandlerWithAllocator, KsMethodHandlerWithAllocator and
// KsEnableEventWithAllocator take an optional Allocator(Irp, BufferSize,
// InputOperation) that provides the buffer the runtime captures the
// request's parameters into. Microsoft's pages of the three functions and of
// PFNKSALLOCATOR (docs/sources.md) say: IRP_BUFFERED_IO and
// IRP_DEALLOCATE_BUFFER are not set when a custom allocator is used, and
// the filter must clean the buffer up when it completes the IRP. The
// runtime then works on Irp->AssociatedIrp.SystemBuffer, which the callback
// must have set. These analyses read the callback and the function that
// makes the call, path by path (clang's CFG).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_PARAMETERALLOCATORS_H
#define KSTIDY_CHECKS_MODEL_PARAMETERALLOCATORS_H

#include "RequestModel.h"

#include "clang/AST/ASTContext.h"

namespace ks {
namespace model {

/// IRP_DEALLOCATE_BUFFER (wdm.h): the I/O manager frees SystemBuffer when
/// the IRP completes.
inline constexpr uint64_t IrpDeallocateBuffer = 0x20;

/// A PFNKSALLOCATOR: NTSTATUS (PIRP Irp, ULONG BufferSize, BOOLEAN
/// InputOperation).
bool parameterAllocatorSignature(const clang::FunctionDecl *FD);

/// What every function with that signature defined in the TU (outside
/// system headers) does with the buffer.
void collectParameterAllocatorCallbacks(
    clang::ASTContext &Ctx, std::vector<ParameterAllocatorCallback> &Out);

/// Fills \p U for the call \p Call of \p Api, whose Allocator argument is
/// \p AllocatorArg (its facts from \p Callbacks when it is one of them);
/// false when the argument is NULL (no custom allocator) or the call is in
/// a template pattern (its instantiations are read).
bool analyzeParameterAllocator(
    const clang::CallExpr *Call, llvm::StringRef Api,
    const clang::Expr *AllocatorArg,
    const std::vector<ParameterAllocatorCallback> &Callbacks,
    ParameterAllocatorUse &U, clang::ASTContext &Ctx);

} // namespace model
} // namespace ks

#endif
