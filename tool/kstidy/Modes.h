//===- Modes.h - What kstidy does, one function per mode ------------------===//
//
// runKstidy (Driver.cpp) parses the command line and calls one of these.
// Each returns the process's exit code (Driver.h) after saying what went
// wrong on stderr, one line per problem.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_MODES_H
#define KSTIDY_TOOL_MODES_H

#include "Options.h"
#include "WdkProfile.h"

namespace ks {

/// --help: the usage text on stdout.
int runHelp();

/// --version: kstidy's and LLVM's versions on stdout.
int runVersion();

/// --print-wdk-flags: the WDK profile's flags, one a line, on stdout.
int runPrintWdkFlags(const WdkProfile &Profile);

/// --replay=<model.json>: the model export replayed against the runtime
/// reference; its failures on stdout.
int runReplay(const CliOptions &O);

/// `kstidy merge-sarif <a.sarif>... -o <all.sarif>`: shard outputs merged
/// into one SARIF log. \p Argv[1] is "merge-sarif".
int runMergeSarif(int Argc, const char **Argv);

/// Every other command line: the sources analyzed and their findings
/// reported (or, with --list-checks, the enabled checks listed; with
/// --compare, each finding with its runtime verdict).
int runAnalysis(CliOptions &O, const WdkProfile &Profile);

} // namespace ks

#endif
