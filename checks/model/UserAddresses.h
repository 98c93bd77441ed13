//===- UserAddresses.h - Following caller-chosen addresses ----------------===//
//
// From each entry point the runtime calls, finds every access to an address
// the caller of the request chose (RequestModel.h) and what guards it: the
// ProbeForRead/ProbeForWrite before it, whether both lie inside __try, and
// what the probe's length is.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_USERADDRESSES_H
#define KSTIDY_CHECKS_MODEL_USERADDRESSES_H

#include "RequestModel.h"

#include "clang/AST/ASTContext.h"

namespace ks {
namespace model {

/// IRP_MJ_INTERNAL_DEVICE_CONTROL (wdm.h): requests only kernel-mode
/// drivers send.
inline constexpr uint64_t IrpMjInternalDeviceControl = 0x0f;

/// How the runtime calls an entry point, which says which of its
/// parameters carry the request's input.
enum class EntryKind {
  KsHandler,      ///< (PIRP, PKSIDENTIFIER-like, PVOID): request and data
  PcHandler,      ///< (PPCPROPERTY_REQUEST): Value and Instance
  DispatchRoutine ///< (PDEVICE_OBJECT/PKSDEVICE/PKSFILTER/PKSPIN, PIRP)
};

/// The entry kind of \p FD's signature, if it is one the runtime calls.
std::optional<EntryKind> entrySignature(const clang::FunctionDecl *FD);

/// Follows every caller-chosen address of \p Entry (a definition) through
/// its body and at most two levels of the driver's helpers, and appends
/// what it finds to \p Out.
void analyzeUserAddresses(const clang::FunctionDecl *Entry, EntryKind Kind,
                          RequestModel &Out, clang::ASTContext &Ctx);

} // namespace model
} // namespace ks

#endif
