//===- ksref/UserAddress.h - addresses a request's caller chose -*- C++ -*-===//
//
// What the kernel does when a driver touches an address the caller of a
// request chose itself (Irp->UserBuffer, Type3InputBuffer, a pointer in the
// request's input) rather than a buffer the I/O manager or the KS runtime
// captured. The model is the x64 address space as ProbeForRead and
// ProbeForWrite see it (Microsoft's pages of both, docs/sources.md): user
// memory lies below MmUserProbeAddress; a probe of length 0 checks nothing;
// a probe raises an exception for a range that is not user memory, which
// only a __try of the driver's catches; MmProbeAndLockPages with KernelMode
// access does not check the range at all.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_USERADDRESS_H
#define KSREF_USERADDRESS_H

#include "ksref/Status.h"
#include "ksref/Violation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ksref {

/// The first address above user memory (MmUserProbeAddress on x64).
inline constexpr uint64_t UserProbeAddress = 0x7FFFFFFF0000ULL;

/// ProbeForRead / ProbeForWrite of [Address, Address + Length): Success, or
/// the exception they raise (STATUS_ACCESS_VIOLATION for a range that wraps
/// or ends above user memory, STATUS_DATATYPE_MISALIGNMENT for an address
/// not aligned to \p Alignment). A Length of 0 checks nothing.
Status probeUserRange(uint64_t Address, uint64_t Length, uint32_t Alignment);

/// How a driver's code reaches a caller-chosen address: one access, with
/// what comes before it (kstidy's model export records it per access).
struct UserAddressCode {
  std::string Function; ///< the function that accesses it
  std::string Address;  ///< how the code spells it ("Irp->UserBuffer")
  enum class Use { Read, Write, LockKernelMode, MapNonPaged } Kind = Use::Read;
  std::optional<uint64_t> Size; ///< bytes accessed, when known
  bool Probed = false;
  bool ProbeInTry = false;
  bool AccessInTry = false;
  /// Constant: ProbeBytes. Checked: the caller's length, which the code
  /// compares before the access (it goes on only with enough bytes).
  /// Unchecked: the caller's length as it is. OfAccess: the length the
  /// access itself copies.
  enum class Length {
    Constant,
    Checked,
    Unchecked,
    OfAccess
  } ProbeLength = Length::Constant;
  uint64_t ProbeBytes = 0;
};

/// A request a caller in user mode sends: the address it puts in the
/// request, the length it claims, and whether it frees the pages between
/// the probe and the access (another thread of the same process can).
struct UserRequest {
  uint64_t Address = 0;
  uint64_t Length = 0;
  bool FreedAfterProbe = false;
};

struct UserAccessOutcome {
  /// What the code returns: Success, or the exception its __try caught.
  Status St = Status::Success;
  /// A bugcheck: an exception no __try of the driver's caught.
  bool Bugcheck = false;
  std::vector<Violation> Violations;
};

/// Runs one access of \p Code for request \p R.
UserAccessOutcome runUserAddressCode(const UserAddressCode &Code,
                                     const UserRequest &R);

/// The requests a hostile caller tries: a kernel address with length 0 and
/// with a length that covers the access, the last bytes of user memory,
/// and a user buffer it frees after the probe.
std::vector<UserRequest> hostileRequests(const UserAddressCode &Code);

/// Every violation \p Code lets one of the hostile requests cause.
std::vector<Violation> replayUserAddressCode(const UserAddressCode &Code);

} // namespace ksref

#endif
