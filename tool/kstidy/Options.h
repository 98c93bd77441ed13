//===- Options.h - kstidy's command-line options, in one table ------------===//
//
// Every option kstidy accepts is one row of optionTable(): its spelling, its
// alias, whether it takes a value, its --help text and what it sets in
// CliOptions. The parser, the --help text and the list of options that take
// a value all derive from that table; a unit test checks README.md against
// it.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_OPTIONS_H
#define KSTIDY_TOOL_OPTIONS_H

#include "Analyzer.h"
#include "Output.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace ks {

/// What the command line asked for.
struct CliOptions {
  std::optional<std::string> BuildPath;
  std::vector<std::string> MsBuildInputs;   ///< .vcxproj / .sln
  std::optional<std::string> MsBuildConfig; ///< --msbuild-config
  bool MsBuildDiscovery = true;             ///< off: --no-msbuild-discovery
  std::vector<std::string> Sources;
  std::vector<std::string> CompilerArgs;
  bool HaveCompilerArgs = false;
  AnalysisOptions Analysis;
  std::optional<std::string> ConfigFile;
  std::optional<std::string> ExportModel;
  unsigned Jobs = 0; ///< 0: every core
  OutputFormat Format = OutputFormat::Text;
  std::optional<std::string> OutputFile;
  std::optional<std::string> SarifBase;
  std::optional<std::string> WriteBaseline;
  std::optional<std::string> Baseline;
  unsigned ShardIndex = 0, ShardCount = 0; ///< --shard=K/N (K 1-based)
  std::optional<std::string> SourceFilter;
  std::optional<std::string> Replay;
  bool Compare = false;
  std::optional<std::string> CompareJson;
  bool PrintWdkFlags = false;
  /// DIR of --wdk-profile=wdk:DIR (the mode is Analysis.Profile).
  std::string WdkKitDir;
  bool ListChecks = false;
  bool ShowParseErrors = false;
  bool AllowParseErrors = false;
  bool Quiet = false;
  bool Stats = false; ///< --stats
  /// The result cache (ResultCache.h): --cache-dir, --cache-size,
  /// --no-cache; KSTIDY_CACHE_DIR and KSTIDY_CACHE_SIZE when not given.
  std::optional<std::string> CacheDir;
  std::optional<uint64_t> CacheSize;
  bool NoCache = false;
  bool Version = false;
  bool Help = false;
};

/// How a row of the option table is written on the command line.
enum class OptionKind {
  Flag,   ///< `--quiet`
  Value,  ///< `--checks=<globs>`, `--checks <globs>`, `-p <path>`
  Command ///< `kstidy merge-sarif ...`: a first argument, not an option
};

/// One option (or subcommand) of kstidy.
struct OptionSpec {
  /// The spelling without dashes ("checks", "p"); one or two dashes are
  /// accepted alike.
  const char *Name;
  /// Another spelling of the same option ("h" for "help"), not shown in
  /// --help; empty when there is none.
  const char *Alias;
  OptionKind Kind;
  /// The left column of --help ("--checks=<globs>").
  const char *Synopsis;
  /// The right column of --help, its lines separated by '\n'.
  const char *Help;
  /// Stores \p Value (empty for a flag) into \p O; returns the one-line
  /// problem when the value is not valid. Unset for a Command.
  std::optional<std::string> (*Apply)(CliOptions &O, llvm::StringRef Value);
};

/// Every option, in --help order.
llvm::ArrayRef<OptionSpec> optionTable();

/// The --help text.
std::string usageText();

/// Parses argv into \p O. Accepts -opt=value, --opt=value and "-opt value"
/// for the options that take a value, like clang-tidy does. Returns the
/// one-line problem of a bad command line.
std::optional<std::string> parseArgs(int Argc, const char **Argv,
                                     CliOptions &O);

} // namespace ks

#endif
