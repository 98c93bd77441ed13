//===- Driver.h - The kstidy command line ---------------------------------===//
#ifndef KSTIDY_TOOL_DRIVER_H
#define KSTIDY_TOOL_DRIVER_H

#include <string>

namespace ks {

/// Exit codes, stable for CI scripts.
enum ExitCode : int {
  ExitClean = 0,       ///< analyzed, no findings
  ExitFindings = 1,    ///< findings reported
  ExitUsage = 2,       ///< bad usage or bad input (a source not analysed)
  ExitParseErrors = 3, ///< no findings, but some TU had compile errors
};

/// kstidy's main: parses the command line and runs the mode it asks for
/// (Modes.h).
int runKstidy(int Argc, const char **Argv);

/// Prints `kstidy: error: <Message>` on stderr and returns \p Code.
int fail(const std::string &Message, int Code = ExitUsage);

} // namespace ks

#endif
