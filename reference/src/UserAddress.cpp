//===- UserAddress.cpp - addresses a request's caller chose ---------------===//
#include "ksref/UserAddress.h"

#include <algorithm>
#include <cstdio>

namespace ksref {

namespace {

/// A kernel address a hostile caller passes (the start of the x64 kernel's
/// system space).
constexpr uint64_t KernelAddress = 0xFFFFF80000000000ULL;
/// A user address the caller owns, until it frees it.
constexpr uint64_t UserAddress = 0x10000ULL;

bool outsideUserMemory(uint64_t Address, uint64_t Length) {
  uint64_t End = Address + Length;
  return End < Address || End > UserProbeAddress;
}

std::string hex(uint64_t V) {
  char Buffer[32];
  std::snprintf(Buffer, sizeof(Buffer), "0x%llx",
                static_cast<unsigned long long>(V));
  return Buffer;
}

std::string bytes(uint64_t N) {
  return std::to_string(N) + (N == 1 ? " byte" : " bytes");
}

} // namespace

Status probeUserRange(uint64_t Address, uint64_t Length, uint32_t Alignment) {
  if (Length == 0)
    return Status::Success;
  if (Alignment > 1 && Address % Alignment != 0)
    return Status::DatatypeMisalignment;
  if (outsideUserMemory(Address, Length))
    return Status::AccessViolation;
  return Status::Success;
}

UserAccessOutcome runUserAddressCode(const UserAddressCode &Code,
                                     const UserRequest &R) {
  using Use = UserAddressCode::Use;
  using Length = UserAddressCode::Length;
  UserAccessOutcome Out;
  const std::string Who = "'" + Code.Function + "'";
  const std::string Where = "'" + Code.Address + "' = " + hex(R.Address);
  uint64_t Size = Code.Size.value_or(1);
  if (Code.Kind == Use::LockKernelMode || Code.Kind == Use::MapNonPaged) {
    // Neither checks the range: KernelMode access trusts the address, and
    // MmBuildMdlForNonPagedPool assumes nonpaged kernel memory.
    uint64_t N = std::max<uint64_t>(R.Length, 1);
    if (outsideUserMemory(R.Address, N))
      addViolation(Out.Violations, checks::PropertyUserBuffer,
                   Who +
                       (Code.Kind == Use::LockKernelMode
                            ? " locked kernel memory at "
                            : " described kernel memory at ") +
                       Where +
                       " for the caller, which can then read and "
                       "write it through the MDL");
    return Out;
  }
  if (Code.Probed) {
    uint64_t L = Code.ProbeBytes;
    switch (Code.ProbeLength) {
    case Length::Constant:
      if (!Code.Size)
        Size = std::max<uint64_t>(L, 1); // the access stays in the probe
      break;
    case Length::Checked:
      if (R.Length < Size) {
        Out.St = Status::BufferTooSmall; // the code's own comparison
        return Out;
      }
      L = R.Length;
      break;
    case Length::Unchecked:
      L = R.Length;
      break;
    case Length::OfAccess:
      L = R.Length;
      Size = R.Length;
      break;
    }
    Status P = probeUserRange(R.Address, L, 1);
    if (P != Status::Success) {
      if (!Code.ProbeInTry) {
        Out.Bugcheck = true;
        addViolation(Out.Violations, checks::PropertyUserBuffer,
                     Who + " probed " + Where +
                         " outside __try: " + statusName(P) +
                         " raised where the driver does not handle it, a "
                         "bugcheck");
      } else {
        Out.St = P;
      }
      return Out;
    }
  }
  if (Size == 0)
    return Out;
  const char *Verb = Code.Kind == Use::Write ? " wrote " : " read ";
  if (outsideUserMemory(R.Address, Size)) {
    addViolation(Out.Violations, checks::PropertyUserBuffer,
                 Who + Verb + bytes(Size) + " at " + Where +
                     ", kernel memory the caller chose");
    return Out;
  }
  if (R.FreedAfterProbe) {
    if (!Code.AccessInTry) {
      Out.Bugcheck = true;
      addViolation(Out.Violations, checks::PropertyUserBuffer,
                   Who + Verb + Where +
                       " after the caller freed it, outside __try: "
                       "STATUS_ACCESS_VIOLATION where the driver does not "
                       "handle it, a bugcheck");
    } else {
      Out.St = Status::AccessViolation;
    }
  }
  return Out;
}

std::vector<UserRequest> hostileRequests(const UserAddressCode &Code) {
  const uint64_t Size = std::max<uint64_t>(Code.Size.value_or(1), 1);
  std::vector<UserRequest> Out = {
      {KernelAddress, 0, false},
      {KernelAddress, Size, false},
      {UserAddress, Size, true},
  };
  // Just inside user memory for the probe, past it for the access.
  if (Code.Probed && Code.ProbeLength == UserAddressCode::Length::Constant &&
      Code.ProbeBytes > 0 && Code.ProbeBytes <= UserProbeAddress)
    Out.push_back({UserProbeAddress - Code.ProbeBytes, Size, false});
  return Out;
}

std::vector<Violation> replayUserAddressCode(const UserAddressCode &Code) {
  std::vector<Violation> Out;
  for (const UserRequest &R : hostileRequests(Code))
    for (Violation &V : runUserAddressCode(Code, R).Violations)
      addViolation(Out, std::move(V.Check), std::move(V.What));
  return Out;
}

} // namespace ksref
