//===- ReplayRequests.cpp - Request buffers against ksref -----------------===//
//
// Each access to an address the caller of a request chose is run against
// the requests a hostile caller in user mode sends (ksref/UserAddress.h).
// A violation spans the probe and the access: a probe outside __try fails
// at the probe, the others at the access.
//
// Each custom parameter allocator is run through the life of its buffer
// (ksref/ParameterAllocator.h): a NULL buffer is reported at the callback's
// success return, a leak at the call, a double free at the release.
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

void replayParameterAllocators(TuContext &C, const RunCallbacks &Run) {
  for (const schema::ParameterAllocator &A : C.Tu.ParameterAllocators) {
    // The callback: this TU's facts, or those of the TU that defines it.
    const schema::ParameterAllocatorCallback *Callback = nullptr;
    schema::ParameterAllocatorCallback Here{A.Allocator,
                                            std::nullopt,
                                            A.AllocatesFromPool,
                                            A.SuccessWithoutBuffer,
                                            A.SuccessAfterFailedAllocation,
                                            A.Allocation,
                                            A.SetsDeallocateBuffer};
    if (A.AllocatorKnown) {
      Callback = &Here;
    } else if (auto It = Run.find(A.Allocator); It != Run.end()) {
      Callback = It->second;
    }
    if (!Callback)
      continue; // what the callback does is unknown
    ksref::ParameterAllocatorCode K;
    K.Api = A.Api;
    K.Allocator = A.Allocator;
    K.Filter = A.Filter;
    K.SuccessWithoutBuffer = Callback->SuccessWithoutBuffer.has_value();
    K.SuccessAfterFailedAllocation =
        Callback->SuccessAfterFailedAllocation.has_value();
    K.AllocatesFromPool = Callback->AllocatesFromPool;
    K.SetsDeallocateBuffer = Callback->SetsDeallocateBuffer.has_value();
    if (!A.FilterNotJudged && A.MinReleases && A.MaxReleases &&
        *A.MinReleases >= 0 && *A.MaxReleases >= 0) {
      K.MinReleases = static_cast<unsigned>(*A.MinReleases);
      K.MaxReleases = static_cast<unsigned>(*A.MaxReleases);
    }
    const ksref::AllocatorOutcome O = ksref::replayParameterAllocator(K);
    if (O.NullBuffer)
      C.report(*O.NullBuffer,
               orElse(span(Callback->SuccessAfterFailedAllocation),
                      span(Callback->SuccessWithoutBuffer)),
               "a " + A.Api + " request");
    if (O.Leak)
      C.report(*O.Leak, span(A.Where),
               "a request down the filter's path with the fewest releases");
    if (O.DoubleFree)
      C.report(*O.DoubleFree,
               K.SetsDeallocateBuffer
                   ? span(A.FirstRelease)
                   : orElse(span(A.SecondRelease), span(A.FirstRelease)),
               "a request down the filter's path with the most releases");
  }
}

} // namespace replay
} // namespace ks
