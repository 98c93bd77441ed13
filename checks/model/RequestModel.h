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
};

} // namespace model
} // namespace ks

#endif
