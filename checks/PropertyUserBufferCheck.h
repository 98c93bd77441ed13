//===- PropertyUserBufferCheck.h - ks-property-user-buffer ----------------===//
//
// Handler touches a caller-chosen address without probing it. The KS
// runtime captures a request's property and data into kernel buffers; an
// address the caller chose itself (Irp->UserBuffer, Type3InputBuffer, a
// pointer inside the request's input) is only safe after ProbeForRead /
// ProbeForWrite over the bytes touched, inside __try, and is never to be
// locked with KernelMode access (docs/sources.md: ProbeForRead,
// MmProbeAndLockPages, "Using Neither Buffered Nor Direct I/O").
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_PROPERTYUSERBUFFERCHECK_H
#define KSTIDY_CHECKS_PROPERTYUSERBUFFERCHECK_H

#include "KsModelCheck.h"

namespace ks {

/// ks-property-user-buffer; docs/checks/ks-property-user-buffer.md.
class PropertyUserBufferCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

  /// What is wrong with one access, in the order the check asks.
  enum class Defect {
    None,
    LockedKernelMode, ///< MmProbeAndLockPages(..., KernelMode, ...)
    MappedNonPaged,   ///< MmBuildMdlForNonPagedPool
    NotProbed,        ///< no ProbeForRead/ProbeForWrite before it
    ProbeOutsideTry,  ///< the probe is not inside __try
    AccessOutsideTry, ///< the access is not inside __try
    ProbeTooShort,    ///< a constant probe length below the bytes accessed
    LengthUnchecked,  ///< the caller's length, never compared
  };
  static Defect defectOf(const model::UserAddressAccess &A);

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
};

} // namespace ks

#endif
