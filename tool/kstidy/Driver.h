//===- Driver.h - The kstidy command line ---------------------------------===//
#ifndef KSTIDY_TOOL_DRIVER_H
#define KSTIDY_TOOL_DRIVER_H

namespace ks {

/// Exit codes, stable for CI scripts.
enum ExitCode : int {
  ExitClean = 0,       ///< analyzed, no findings
  ExitFindings = 1,    ///< findings reported
  ExitUsage = 2,       ///< bad usage or bad input (a source not analysed)
  ExitParseErrors = 3, ///< no findings, but some TU had compile errors
};

int runKstidy(int Argc, const char **Argv);

} // namespace ks

#endif
