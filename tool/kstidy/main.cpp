//===- main.cpp - kstidy --------------------------------------------------===//
#include "Driver.h"
#include "SafeIO.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

int main(int Argc, const char **Argv) {
  llvm::sys::PrintStackTraceOnErrorSignal(Argv[0]);
  int Code = ks::runKstidy(Argc, Argv);
  // What went to standard output (help, a replay, a report) is lost when it
  // cannot be written: say so, with the usage/input-error code.
  if (auto Problem = ks::flushStdout()) {
    llvm::errs() << "kstidy: error: " << *Problem << "\n";
    return ks::ExitUsage;
  }
  return Code;
}
