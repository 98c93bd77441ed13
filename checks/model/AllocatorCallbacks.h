//===- AllocatorCallbacks.h - What the KSALLOCATOR_DISPATCH callbacks do --===//
//
// AVStream calls a custom allocator's callbacks as Microsoft's pages for
// ks.h document them (PFNKSPININITIALIZEALLOCATOR, PFNKSDEFAULTALLOCATE,
// PFNKSDEFAULTFREE, PFNKSDELETEALLOCATOR; docs/sources.md):
// InitializeAllocator(Pin, AllocatorFraming, &Context) returns STATUS_SUCCESS
// or the error it got creating the allocator, and sets *Context, which must
// lead to the pin or its framing; Allocate(Context) returns the frame, or
// NULL when the allocation fails; Free(Context, Frame); DeleteAllocator
// (Context). These analyses read the callbacks' bodies for what the checks
// need, path-sensitively where a path matters (clang's CFG), and compare a
// callback's prototype with its slot's.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_ALLOCATORCALLBACKS_H
#define KSTIDY_CHECKS_MODEL_ALLOCATORCALLBACKS_H

#include "KsModel.h"

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace ks {
namespace model {

/// InitializeAllocator(PKSPIN Pin, PKSALLOCATOR_FRAMING Framing,
/// PVOID *Context).
void analyzeInitializeAllocator(const clang::FunctionDecl *Def,
                                AllocatorCallbackFacts &Facts,
                                clang::ASTContext &Ctx);

/// How Allocate / Free / DeleteAllocator read their Context (parameter 0).
void analyzeContextUse(const clang::FunctionDecl *Def,
                       AllocatorCallbackFacts &Facts, clang::ASTContext &Ctx);

/// Allocate(PVOID Context) -> frame or NULL.
void analyzeAllocate(const clang::FunctionDecl *Def,
                     AllocatorCallbackFacts &Facts, clang::ASTContext &Ctx);

/// Compares the prototype of the function in a dispatch slot with the
/// slot's, when a cast in the table hides the difference (else nothing is
/// compared). The rule both the ks-allocator-dispatch-callbacks check and
/// the model export read.
CallbackSignature compareSignature(const CallbackRef &C,
                                   const clang::ASTContext &Ctx);

/// Is \p Name a kernel pool (or lookaside) allocation function?
bool isPoolAllocation(llvm::StringRef Name);

/// Is \p Name the function that releases what one of them returned?
bool isPoolFree(llvm::StringRef Name);

/// `return STATUS_SUCCESS` (a constant 0).
bool isSuccessReturn(const clang::Stmt *S, const clang::ASTContext &Ctx);

/// The first `return STATUS_SUCCESS` reachable from the
/// entry of \p G on a path that passes no statement for which \p Ends
/// holds; null when there is none.
const clang::Stmt *
successReturnReachedWithout(const clang::CFG &G,
                            llvm::function_ref<bool(const clang::Stmt *)> Ends,
                            const clang::ASTContext &Ctx);

} // namespace model
} // namespace ks

#endif
