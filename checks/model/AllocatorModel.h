//===- AllocatorModel.h - Custom allocators, framing and pins -------------===//
//
// The allocator domain of the KS model: KSALLOCATOR_DISPATCH tables and
// what their callbacks do, KSALLOCATOR_FRAMING(_EX) requirements, and the
// KSPIN_DISPATCH / KSPIN_DESCRIPTOR_EX entries that install them.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_ALLOCATORMODEL_H
#define KSTIDY_CHECKS_MODEL_ALLOCATORMODEL_H

#include "ModelValues.h"

#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include <deque>
#include <vector>

namespace ks {
namespace model {

/// How a callback's prototype compares with its slot's. A prototype that
/// differs only compiles behind a cast, so the comparison is made only when
/// an explicit cast sits in the table. Pointer parameters (and pointer
/// returns) of any pointee pass alike; any other type must be the slot's.
struct CallbackSignature {
  /// Both prototypes are known and a cast sits in the table.
  bool Compared = false;
  const clang::FunctionProtoType *Callback = nullptr; ///< the function's
  const clang::FunctionProtoType *Slot = nullptr;     ///< the PFN's pointee
  /// The first parameter (0-based) of the shorter list that does not pass
  /// as the slot's, or -1.
  int IncompatibleParam = -1;
  /// One returns void and the other not, or the returned types do not pass
  /// alike.
  bool ReturnMismatch = false;

  bool countMismatch() const {
    return Compared && Callback->getNumParams() != Slot->getNumParams();
  }
  /// AVStream calls the callback with arguments or a result it does not
  /// take as declared.
  bool mismatch() const {
    return Compared &&
           (countMismatch() || IncompatibleParam >= 0 || ReturnMismatch);
  }
};

/// A callback slot of a dispatch table (KSALLOCATOR_DISPATCH, KSPIN_DISPATCH).
struct CallbackRef {
  HandlerRef Ref;
  clang::QualType SlotType; ///< the PFN type of the field
  bool CastInTable = false; ///< an explicit cast sits between slot and function
  CallbackSignature Signature;
};

/// A KSALLOCATOR_DISPATCH: the four callbacks AVStream calls.
struct AllocatorDispatch {
  const clang::VarDecl *Var = nullptr;
  CallbackRef Initialize, Delete, Allocate, Free;
};

/// KSALLOCATOR_FRAMING_EX (its first framing item) or KSALLOCATOR_FRAMING.
struct Framing {
  const clang::VarDecl *Var = nullptr;
  bool Ex = false;
  std::string MemoryType; ///< GUID value of the framing item (Ex only)
  TableValue Flags;       ///< framing item Flags / RequirementsFlags
  TableValue Frames;
  TableValue FileAlignment;
  TableValue MinFrameSize; ///< Ex: FramingRange.Range; plain: FrameSize
  TableValue MaxFrameSize;
  /// Ex: CountItems beside the FramingItem array the object holds (Array is
  /// the framing variable, Length the items its type has room for).
  CountedArray Items;
  /// Ex: the frame size ranges of every framing item written, each
  /// KS_FRAMING_RANGE (PhysicalRange, FramingRange.Range).
  struct Range {
    unsigned Item = 0;
    llvm::StringRef Member; ///< "PhysicalRange" or "FramingRange.Range"
    const clang::Expr *Init = nullptr;
    TableValue MinFrameSize, MaxFrameSize, Stepping;
  };
  std::vector<Range> Ranges;
};

/// A KSPIN_DISPATCH and the allocator it installs.
struct PinDispatch {
  const clang::VarDecl *Var = nullptr;
  const AllocatorDispatch *Allocator = nullptr;
  bool AllocatorNull = true; ///< no custom allocator: the default one
  const clang::Expr *AllocatorExpr = nullptr;
};

/// One KSPIN_DESCRIPTOR_EX entry.
struct PinDescriptor {
  const clang::VarDecl *Array = nullptr;
  unsigned Index = 0;
  const clang::Expr *Init = nullptr;
  const PinDispatch *Dispatch = nullptr;
  const Framing *AllocatorFraming = nullptr;
  TableValue Flags;
  TableValue DataFlow;
  TableValue Communication;
};

/// What an allocator callback's body does (AllocatorCallbacks.cpp).
struct AllocatorCallbackFacts {
  const clang::FunctionDecl *Definition = nullptr;
  // InitializeAllocator
  /// A `return STATUS_SUCCESS` reachable without storing *Context.
  const clang::Stmt *SuccessWithoutContext = nullptr;
  /// A `return STATUS_SUCCESS` in the branch where its allocation failed.
  const clang::Stmt *SuccessAfterFailedAllocation = nullptr;
  const clang::Expr *FailedAllocation = nullptr;
  /// The body never uses the Pin nor the AllocatorFraming parameter.
  bool IgnoresPinAndFraming = false;
  /// The type stored into *Context (pointee, canonical), when unique.
  clang::QualType StoredContextType;
  const clang::Expr *ContextStore = nullptr;
  // Allocate / Free / DeleteAllocator
  /// The struct the Context parameter is read as, when cast.
  clang::QualType ContextCastType;
  const clang::Expr *ContextCast = nullptr;
  // Allocate
  const clang::Stmt *ReturnsUninitialized = nullptr;
  const clang::Stmt *ReturnsSentinel = nullptr;
  const clang::Stmt *ReturnsFreed = nullptr;
  const clang::Expr *RaisesInsteadOfNull = nullptr;
  /// Pool allocations with a constant size (the smallest one).
  std::optional<uint64_t> SmallestAllocation;
  const clang::Expr *SmallestAllocationExpr = nullptr;
  bool AllocatesFromPool = false;
};

/// The allocators of one translation unit and the pins that install them.
struct AllocatorModel {
  std::deque<AllocatorDispatch> AllocatorDispatches;
  std::deque<Framing> Framings;
  std::deque<PinDispatch> PinDispatches;
  std::vector<PinDescriptor> Pins;

private:
  friend class KsModel;
  friend class ModelBuilder;
  llvm::DenseMap<const clang::FunctionDecl *, AllocatorCallbackFacts> Callbacks;
  llvm::DenseMap<const clang::VarDecl *, AllocatorDispatch *> DispatchByVar;
  llvm::DenseMap<const clang::VarDecl *, Framing *> FramingByVar;
  llvm::DenseMap<const clang::VarDecl *, PinDispatch *> PinDispatchByVar;
};

} // namespace model
} // namespace ks

#endif
