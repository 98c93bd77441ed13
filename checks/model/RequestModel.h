//===- RequestModel.h - What handlers do with caller-chosen addresses -----===//
//
// The request domain of the KS model: the places where a handler (or a
// helper it calls) touches an address the caller of the request chose, not
// a buffer the runtime captured for it: Irp->UserBuffer, the stack
// location's Type3InputBuffer, or a pointer embedded in the request's input
// (UserAddresses.cpp finds them). Such an address is only safe to touch after
// ProbeForRead/ProbeForWrite over the bytes touched, inside __try; locked
// or mapped with KernelMode access it is never checked at all.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_REQUESTMODEL_H
#define KSTIDY_CHECKS_MODEL_REQUESTMODEL_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ks {
namespace model {

/// Where a caller-chosen address comes from.
enum class UserAddressSource {
  UserBuffer,       ///< Irp->UserBuffer
  Type3InputBuffer, ///< Parameters.DeviceIoControl.Type3InputBuffer
  Embedded,         ///< a pointer stored in the request's input buffer
};

/// What the kernel does with it.
enum class UserAddressUse {
  Read,           ///< dereferenced, or the source of a copy
  Write,          ///< assigned through, or the destination of a copy
  LockKernelMode, ///< MmProbeAndLockPages(Mdl, KernelMode, ...) of its MDL
  MapNonPaged,    ///< MmBuildMdlForNonPagedPool of its MDL
};

/// How the length handed to ProbeForRead/ProbeForWrite relates to the
/// access.
enum class ProbeLength {
  Constant,  ///< a constant (ProbeBytes)
  Checked,   ///< the caller's length, compared before the access
  Unchecked, ///< the caller's length, never compared before the access
  OfAccess,  ///< the same length the access copies (memcpy's length)
};

/// The probe of the address that comes before an access, if any.
struct AddressProbe {
  const clang::CallExpr *Call = nullptr;
  bool Write = false; ///< ProbeForWrite
  bool InTry = false; ///< inside a __try block
  ProbeLength Length = ProbeLength::Unchecked;
  std::optional<uint64_t> Bytes; ///< Constant
};

/// One access to a caller-chosen address, on the way from an entry point
/// (a handler or dispatch routine the runtime calls) through at most two
/// levels of the driver's helpers.
struct UserAddressAccess {
  const clang::FunctionDecl *Entry = nullptr;    ///< the runtime calls it
  const clang::FunctionDecl *Function = nullptr; ///< holds the access
  UserAddressSource Source = UserAddressSource::UserBuffer;
  /// How the address is spelt where it is read: "Irp->UserBuffer",
  /// "Request->Address".
  std::string AddressText;
  UserAddressUse Use = UserAddressUse::Read;
  const clang::Expr *Where = nullptr; ///< the access or the call
  /// The bytes accessed from the address on, when known.
  std::optional<uint64_t> Size;
  /// The access lies inside __try (in its function or around the calls
  /// that lead to it).
  bool InTry = false;
  std::optional<AddressProbe> Probe;
};

/// What a PFNKSALLOCATOR callback's body does with the buffer
/// (ParameterAllocators.cpp).
struct ParameterAllocatorCallback {
  const clang::FunctionDecl *Definition = nullptr;
  /// A `return STATUS_SUCCESS` reachable without storing a buffer in
  /// Irp->AssociatedIrp.SystemBuffer (nor handing the IRP to a function
  /// of the driver's that may).
  const clang::Stmt *SuccessWithoutBuffer = nullptr;
  /// A `return STATUS_SUCCESS` reachable where its pool allocation
  /// returned NULL (no test, or a test that still returns success).
  const clang::Stmt *SuccessAfterFailedAllocation = nullptr;
  /// The pool allocation that SuccessAfterFailedAllocation follows.
  const clang::Expr *Allocation = nullptr;
  /// The callback takes the buffer from pool (ExAllocatePool* & co.); one
  /// that hands out blocks of the driver's own has its own way to take
  /// them back, which kstidy does not know.
  bool AllocatesFromPool = false;
  /// `Irp->Flags |= IRP_DEALLOCATE_BUFFER`: the I/O manager frees the
  /// buffer when the IRP completes.
  const clang::Expr *SetsDeallocateBuffer = nullptr;
};

/// A custom parameter allocator (PFNKSALLOCATOR) handed to
/// KsPropertyHandlerWithAllocator, KsMethodHandlerWithAllocator or
/// KsEnableEventWithAllocator, with what the callback does with the buffer
/// and what the filter that made the call does with it afterwards.
struct ParameterAllocatorUse {
  const clang::CallExpr *Call = nullptr;
  std::string Api; ///< "KsPropertyHandlerWithAllocator"
  const clang::FunctionDecl *Filter = nullptr; ///< makes the call
  /// The callback the code names (null: not a function it names), and
  /// what its body does when the body is in the TU (Definition null: it is
  /// not; a run over the whole driver joins it with the TU that has it).
  const clang::FunctionDecl *AllocatorDecl = nullptr;
  std::string AllocatorName;
  ParameterAllocatorCallback Callback;

  // The filter, after the call, along the paths to the end of its function.
  /// Why the filter's paths were not judged; null when they were.
  const char *FilterNotJudged = nullptr;
  /// The fewest and the most releases of the buffer on one path (counted up
  /// to 2): ExFreePool & co. of it, handing it (or the IRP) to a function of
  /// the driver's that releases it, or setting IRP_DEALLOCATE_BUFFER.
  unsigned MinReleases = 0, MaxReleases = 0;
  /// Where a path with no release leaves the function (a return, or the
  /// end of the body).
  clang::SourceLocation LeakingExit;
  /// The first and second release on a path with two; else the first
  /// release on any path.
  const clang::Expr *FirstRelease = nullptr, *SecondRelease = nullptr;
};

/// The request facts of one translation unit.
struct RequestModel {
  /// Functions with a dispatch routine's signature (UserAddresses.h).
  std::vector<const clang::FunctionDecl *> DispatchRoutines;
  /// `DriverObject->MajorFunction[Index] = Routine`: the routine
  /// (canonical) and the index, when constant.
  std::vector<std::pair<const clang::FunctionDecl *, std::optional<uint64_t>>>
      MajorFunctionSlots;
  std::vector<UserAddressAccess> UserAddressAccesses;
  /// Entry points that touch a caller-chosen address but tell callers
  /// apart (Irp->RequestorMode, ExGetPreviousMode, a test for
  /// IRP_MJ_INTERNAL_DEVICE_CONTROL), and why: kstidy does not read which
  /// paths such a test leaves to user-mode callers, so they are not judged.
  struct UnjudgedEntry {
    const clang::FunctionDecl *Function = nullptr;
    const char *Why = "";
  };
  std::vector<UnjudgedEntry> ModeAwareEntries;
  std::vector<ParameterAllocatorUse> ParameterAllocators;
  /// Every function this TU defines with a PFNKSALLOCATOR signature, used
  /// here or not (a call in another TU may name it).
  std::vector<ParameterAllocatorCallback> ParameterAllocatorCallbacks;
};

} // namespace model
} // namespace ks

#endif
