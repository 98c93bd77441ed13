//===- PropertyUserBufferCheck.cpp - ks-property-user-buffer --------------===//
#include "PropertyUserBufferCheck.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace ks::model;

namespace ks {

PropertyUserBufferCheck::Defect
PropertyUserBufferCheck::defectOf(const UserAddressAccess &A) {
  if (A.Use == UserAddressUse::LockKernelMode)
    return Defect::LockedKernelMode;
  if (A.Use == UserAddressUse::MapNonPaged)
    return Defect::MappedNonPaged;
  if (!A.Probe)
    return Defect::NotProbed;
  if (!A.Probe->InTry)
    return Defect::ProbeOutsideTry;
  if (!A.InTry)
    return Defect::AccessOutsideTry;
  if (A.Probe->Length == ProbeLength::Constant && A.Probe->Bytes && A.Size &&
      *A.Probe->Bytes < *A.Size)
    return Defect::ProbeTooShort;
  if (A.Probe->Length == ProbeLength::Unchecked)
    return Defect::LengthUnchecked;
  return Defect::None;
}

namespace {

std::string quoted(const FunctionDecl *F) {
  return "'" + F->getQualifiedNameAsString() + "'";
}

/// "'Helper' (called from 'SetFoo')" or "'SetFoo'".
std::string who(const UserAddressAccess &A) {
  std::string W = quoted(A.Function);
  if (A.Function->getCanonicalDecl() != A.Entry->getCanonicalDecl())
    W += " (called from " + quoted(A.Entry) + ")";
  return W;
}

std::string address(const UserAddressAccess &A) {
  std::string T = "'" + A.AddressText + "'";
  switch (A.Source) {
  case UserAddressSource::UserBuffer:
  case UserAddressSource::Type3InputBuffer:
    return T + ", an address the caller passed,";
  case UserAddressSource::Embedded:
    return T + ", an address the caller put in the request's input,";
  }
  return T;
}

std::string bytes(uint64_t N) {
  return std::to_string(N) + (N == 1 ? " byte" : " bytes");
}

std::string access(const UserAddressAccess &A) {
  const char *Verb = A.Use == UserAddressUse::Write ? "writes" : "reads";
  return A.Size ? std::string(Verb) + " " + bytes(*A.Size) + " at"
                : std::string(Verb);
}

const char *probeName(const UserAddressAccess &A) {
  return A.Use == UserAddressUse::Write ? "ProbeForWrite" : "ProbeForRead";
}

} // namespace

void PropertyUserBufferCheck::checkModel(const KsModel &Model,
                                         ASTContext &Ctx) {
  // Each access once, also when two entry points reach it.
  llvm::DenseSet<const Expr *> Places;
  for (const UserAddressAccess &A : Model.UserAddressAccesses) {
    const Defect D = defectOf(A);
    // A probe outside __try is reported once, at the probe.
    if (D == Defect::None ||
        !Places.insert(D == Defect::ProbeOutsideTry ? A.Probe->Call : A.Where)
             .second)
      continue;
    const std::string Who = who(A), Addr = address(A);
    switch (D) {
    case Defect::LockedKernelMode:
      diag(at(A.Where),
           "%0 locks %1 with MmProbeAndLockPages(..., KernelMode, ...): "
           "KernelMode access skips the check that the pages are user "
           "memory, so any caller can make the driver read and write kernel "
           "memory; pass Irp->RequestorMode")
          << Who << Addr;
      break;
    case Defect::MappedNonPaged:
      diag(at(A.Where),
           "%0 describes %1 with MmBuildMdlForNonPagedPool, which is for "
           "nonpaged kernel memory only: the address is neither checked nor "
           "locked, so any caller can make the driver read and write kernel "
           "memory")
          << Who << Addr;
      break;
    case Defect::NotProbed:
      diag(at(A.Where), "%0 %1 %2 without %3 inside __try: a caller in user "
                        "mode can pass a kernel address, and the kernel %4 it "
                        "(kernel memory disclosed or corrupted, or a bugcheck)")
          << Who << access(A) << Addr << probeName(A)
          << (A.Use == UserAddressUse::Write ? "writes" : "reads");
      break;
    case Defect::ProbeOutsideTry:
      diag(at(A.Probe->Call),
           "%0 probes %1 outside __try: %2 raises an exception for an "
           "address outside user memory, and an exception the driver does "
           "not handle is a bugcheck")
          << Who << Addr << (A.Probe->Write ? "ProbeForWrite" : "ProbeForRead");
      break;
    case Defect::AccessOutsideTry:
      diag(at(A.Where), "%0 %1 %2 outside __try: the caller can free or "
                        "protect its pages after the probe, and the fault is "
                        "then a bugcheck")
          << Who << access(A) << Addr;
      diag(at(A.Probe->Call), "probed here", DiagnosticIDs::Note);
      break;
    case Defect::ProbeTooShort:
      diag(at(A.Where), "%0 %1 %2 but probed only %3: the bytes past the "
                        "probe may lie in kernel memory")
          << Who << access(A) << Addr << bytes(A.Probe->Bytes.value_or(0));
      diag(at(A.Probe->Call), "probed here", DiagnosticIDs::Note);
      break;
    case Defect::LengthUnchecked:
      diag(at(A.Where),
           "%0 %1 %2 after probing it with a length the caller chose, never "
           "compared with what it accesses: with a length of 0 %3 checks "
           "nothing, and the access reaches any address")
          << Who << access(A) << Addr
          << (A.Probe->Write ? "ProbeForWrite" : "ProbeForRead");
      diag(at(A.Probe->Call), "probed here", DiagnosticIDs::Note);
      break;
    case Defect::None:
      break;
    }
  }
  (void)Ctx;
}

} // namespace ks
