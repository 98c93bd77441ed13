//===- UserModeModel.h - Allocator facts of user-mode proxy code ----------===//
//
// The user-mode domain of the KS model: what proxy and application code does
// with IKsAllocatorEx and IWMSBufferAllocator (UserModeFacts.cpp reads it).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_USERMODEMODEL_H
#define KSTIDY_CHECKS_MODEL_USERMODEMODEL_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <vector>

namespace ks {
namespace model {

/// `IKsAllocatorEx::KsSetAllocatorMode(mode)` in user-mode proxy code, with
/// the framing requirements the same function sets up.
struct AllocatorModeCall {
  const clang::Expr *Call = nullptr;
  const clang::FunctionDecl *Function = nullptr;
  bool User = false; ///< KsAllocatorMode_User
  std::optional<uint64_t> RequirementsFlags;
  const clang::Expr *FlagsExpr = nullptr;
};

/// An IWMSBufferAllocator allocation and whether its function needs page
/// alignment (a FILE_FLAG_NO_BUFFERING handle, a page-alignment test).
struct WmsAllocation {
  const clang::Expr *Call = nullptr;
  const clang::FunctionDecl *Function = nullptr;
  bool PageSize = false; ///< AllocatePageSizeBuffer
  const clang::Expr *PageAlignedUse = nullptr;
  const char *PageAlignedWhy = nullptr;
};

/// A place that names IKsAllocatorEx (a declaration of that type, or
/// IID_IKsAllocatorEx).
struct AllocatorExUse {
  clang::SourceLocation Loc;
};

/// The user-mode allocator facts of one translation unit.
struct UserModeModel {
  std::vector<AllocatorModeCall> ModeCalls;
  std::vector<WmsAllocation> WmsAllocations;
  std::vector<AllocatorExUse> AllocatorExUses;
};

} // namespace model
} // namespace ks

#endif
