//===- main.cpp - kstidy --------------------------------------------------===//
#include "Driver.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Signals.h"

extern volatile int KsTidyModuleAnchorSource;

int main(int Argc, const char **Argv) {
  llvm::sys::PrintStackTraceOnErrorSignal(Argv[0]);
  (void)KsTidyModuleAnchorSource; // keep the ks module's registration
  return ks::runKstidy(Argc, Argv);
}
