//===- Driver.cpp - kstidy's command line, dispatched to its modes --------===//
//
// The options are parsed (Options.h) and one mode runs (Modes.h), in this
// order of precedence: merge-sarif, --help, --version, --print-wdk-flags,
// --replay, then the analysis (with --list-checks or --compare, if given).
//
//===----------------------------------------------------------------------===//
#include "Driver.h"

#include "Modes.h"
#include "Options.h"
#include "WdkProfile.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace ks {

int fail(const std::string &Message, int Code) {
  llvm::errs() << "kstidy: error: " << Message << "\n";
  return Code;
}

int runKstidy(int Argc, const char **Argv) {
  if (Argc > 1 && llvm::StringRef(Argv[1]) == "merge-sarif")
    return runMergeSarif(Argc, Argv);
  CliOptions O;
  if (auto Problem = parseArgs(Argc, Argv, O))
    return fail(*Problem);
  if (O.Help)
    return runHelp();
  if (O.Version)
    return runVersion();

  WdkProfile Profile = WdkProfile::locate(Argv[0]);
  std::vector<std::string> KitWarnings;
  if (llvm::Error E =
          Profile.selectKit(O.Analysis.Profile, O.WdkKitDir, KitWarnings))
    return fail(llvm::toString(std::move(E)));
  for (const std::string &W : KitWarnings)
    llvm::errs() << "kstidy: warning: " << W << "\n";
  // A kit the environment chose is said once: the user did not ask for it.
  if (O.Analysis.Profile == WdkProfileMode::Auto &&
      !Profile.KitIncludeDir.empty() && !O.PrintWdkFlags)
    llvm::errs() << "kstidy: WDK profile: the Windows Kits headers in "
                 << Profile.KitIncludeDir << " (" << Profile.KitSource << ")\n";
  if (O.PrintWdkFlags)
    return runPrintWdkFlags(Profile);
  if (O.Replay)
    return runReplay(O);
  return runAnalysis(O, Profile);
}

} // namespace ks
