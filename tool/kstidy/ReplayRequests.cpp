//===- ReplayRequests.cpp - Caller-chosen addresses against ksref ---------===//
//
// Each access to an address the caller of a request chose is run against
// the requests a hostile caller in user mode sends (ksref/UserAddress.h).
// A violation spans the probe and the access: a probe outside __try fails
// at the probe, the others at the access.
//
//===----------------------------------------------------------------------===//
#include "ReplayDomains.h"

#include "ksref/ksref.h"

namespace ks {
namespace replay {

void replayRequests(TuContext &C) {
  using Code = ksref::UserAddressCode;
  for (const schema::UserAddressAccess &A : C.Tu.UserAddressAccesses) {
    Code K;
    K.Function = A.Function;
    K.Address = A.Address;
    if (A.Use == "write")
      K.Kind = Code::Use::Write;
    else if (A.Use == "lockKernelMode")
      K.Kind = Code::Use::LockKernelMode;
    else if (A.Use == "mapNonPaged")
      K.Kind = Code::Use::MapNonPaged;
    else if (A.Use != "read")
      continue; // a use this build does not know
    if (A.Size && *A.Size >= 0)
      K.Size = static_cast<uint64_t>(*A.Size);
    K.AccessInTry = A.InTry;
    Span Where = span(A.Where);
    if (A.ProbedBy) {
      const schema::UserAddressAccess::Probe &P = *A.ProbedBy;
      K.Probed = true;
      K.ProbeInTry = P.InTry;
      if (P.Length == "constant" && P.Bytes && *P.Bytes >= 0) {
        K.ProbeLength = Code::Length::Constant;
        K.ProbeBytes = static_cast<uint64_t>(*P.Bytes);
      } else if (P.Length == "checked") {
        K.ProbeLength = Code::Length::Checked;
      } else if (P.Length == "unchecked") {
        K.ProbeLength = Code::Length::Unchecked;
      } else if (P.Length == "access") {
        K.ProbeLength = Code::Length::OfAccess;
      } else {
        continue; // the probe's length is not known
      }
      Span Probe = span(P.Where);
      if (Probe.File == Where.File && Probe.Line && Where.Line) {
        Where.EndLine = std::max(Where.EndLine, Probe.Line);
        Where.Line = std::min(Where.Line, Probe.Line);
      }
    }
    for (const ksref::Violation &V : ksref::replayUserAddressCode(K))
      C.report(V, Where, "a caller in user mode choosing '" + A.Address + "'");
  }
}

} // namespace replay
} // namespace ks
