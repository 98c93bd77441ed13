//===- Options.cpp - kstidy's option table, parser and --help text --------===//
//
// One table says everything about each option; the parser and the --help
// text read it. Adding an option is adding a row here (and a line to
// README.md's option table: OptionsTest checks it).
//
//===----------------------------------------------------------------------===//
#include "Options.h"

#include "MsBuildProject.h"
#include "ResultCache.h"
#include "WdkProfile.h"

#include "llvm/ADT/STLExtras.h"

namespace ks {

namespace {

using ApplyResult = std::optional<std::string>;

/// Row helpers: an option that stores its value, one that sets a flag.
#define KS_STORE(Member)                                                       \
  [](CliOptions &O, llvm::StringRef V) -> ApplyResult {                        \
    O.Member = V.str();                                                        \
    return std::nullopt;                                                       \
  }
#define KS_SET(Member, To)                                                     \
  [](CliOptions &O, llvm::StringRef) -> ApplyResult {                          \
    O.Member = To;                                                             \
    return std::nullopt;                                                       \
  }

const OptionSpec Table[] = {
    {"p", "", OptionKind::Value, "-p <path>",
     "compile_commands.json, or the directory holding it", KS_STORE(BuildPath)},
    {"msbuild-config", "", OptionKind::Value, "--msbuild-config=<c|p>",
     "with a .vcxproj/.sln: the Configuration|Platform\n"
     "to read (default: the first x64 Release one)",
     KS_STORE(MsBuildConfig)},
    {"no-msbuild-discovery", "", OptionKind::Flag, "--no-msbuild-discovery",
     "sources named on the command line: do not look\n"
     "for the .vcxproj files that list them",
     KS_SET(MsBuildDiscovery, false)},
    {"j", "", OptionKind::Value, "-j <n>",
     "analyze n translation units at a time (default:\n"
     "every core)",
     [](CliOptions &O, llvm::StringRef V) -> ApplyResult {
       unsigned N = 0;
       if (V.getAsInteger(10, N) || N == 0)
         return "-j needs a positive number, not '" + V.str() + "'";
       O.Jobs = N;
       return std::nullopt;
     }},
    {"source-filter", "", OptionKind::Value, "--source-filter=<regex>",
     "with -p (or a .vcxproj/.sln): only the database's\n"
     "files matching it",
     KS_STORE(SourceFilter)},
    {"checks", "", OptionKind::Value, "--checks=<globs>",
     "checks to run, appended to the configuration\n"
     "(default: ks-*)",
     KS_STORE(Analysis.ChecksOverride)},
    {"config", "", OptionKind::Value, "--config=<yaml>",
     "configuration, as in a .clang-tidy file",
     KS_STORE(Analysis.ConfigOverride)},
    {"config-file", "", OptionKind::Value, "--config-file=<file>",
     "read that configuration from a file", KS_STORE(ConfigFile)},
    {"header-filter", "", OptionKind::Value, "--header-filter=<regex>",
     "headers whose findings are shown (default: .*;\n"
     "system and WDK headers never are)",
     KS_STORE(Analysis.HeaderFilter)},
    {"wdk-profile", "", OptionKind::Value, "--wdk-profile=<mode>",
     "auto (default): add the WDK flags when the command\n"
     "targets no Windows triple and names no WDK include\n"
     "dir: the Windows Kits tree of $WDKContentRoot or\n"
     "$WindowsSdkDir if set, else mingw-w64; wdk:<dir>: as\n"
     "auto, with the Windows Kits tree in <dir>; mingw:\n"
     "always, mingw-w64; none: never",
     [](CliOptions &O, llvm::StringRef V) -> ApplyResult {
       std::string KitDir;
       auto Mode = parseWdkProfileMode(V, &KitDir);
       if (!Mode)
         return "--wdk-profile must be auto, mingw, none or wdk:<dir>, not '" +
                V.str() + "'";
       O.Analysis.Profile = *Mode;
       O.WdkKitDir = KitDir;
       return std::nullopt;
     }},
    {"export-model", "", OptionKind::Value, "--export-model=<file>",
     "write the KS model of every analyzed TU as JSON\n"
     "(schema: docs/model.md)",
     KS_STORE(ExportModel)},
    {"replay", "", OptionKind::Value, "--replay=<model.json>",
     "replay a model export against the runtime\n"
     "reference and print the failures it observes",
     KS_STORE(Replay)},
    {"compare", "", OptionKind::Flag, "--compare",
     "analyze, replay the model, and print each finding\n"
     "with its static and runtime verdicts; exit 1 when\n"
     "a row is not confirmed",
     KS_SET(Compare, true)},
    {"compare-json", "", OptionKind::Value, "--compare-json=<file>",
     "with --compare: also write the rows as JSON", KS_STORE(CompareJson)},
    {"format", "", OptionKind::Value, "--format=<fmt>",
     "text (default), json (docs/output.md) or sarif\n"
     "(SARIF 2.1.0)",
     [](CliOptions &O, llvm::StringRef V) -> ApplyResult {
       auto Format = parseOutputFormat(V);
       if (!Format)
         return "--format must be text, json or sarif, not '" + V.str() + "'";
       O.Format = *Format;
       return std::nullopt;
     }},
    {"o", "", OptionKind::Value, "-o <file>",
     "write the findings there (atomically), not stdout", KS_STORE(OutputFile)},
    {"sarif-base", "", OptionKind::Value, "--sarif-base=<dir>",
     "SARIF paths are relative to it (default: the\n"
     "compile database's directory, or the current one)",
     KS_STORE(SarifBase)},
    {"write-baseline", "", OptionKind::Value, "--write-baseline=<file>",
     "record the current findings as accepted", KS_STORE(WriteBaseline)},
    {"baseline", "", OptionKind::Value, "--baseline=<file>",
     "report (and fail on) findings not in the baseline", KS_STORE(Baseline)},
    {"shard", "", OptionKind::Value, "--shard=<k>/<n>",
     "analyze the k-th of n deterministic slices of the\n"
     "translation units (merge with kstidy merge-sarif)",
     [](CliOptions &O, llvm::StringRef V) -> ApplyResult {
       auto [K, N] = V.split('/');
       if (K.getAsInteger(10, O.ShardIndex) ||
           N.getAsInteger(10, O.ShardCount) || O.ShardCount == 0 ||
           O.ShardIndex == 0 || O.ShardIndex > O.ShardCount)
         return "--shard must be K/N with 1 <= K <= N, not '" + V.str() + "'";
       return std::nullopt;
     }},
    {"merge-sarif", "", OptionKind::Command,
     "kstidy merge-sarif <a.sarif> <b.sarif>... -o <all.sarif>",
     "merge shard outputs (rules and results\n"
     "de-duplicated)",
     nullptr},
    {"print-wdk-flags", "", OptionKind::Flag, "--print-wdk-flags",
     "print the WDK profile flags (for compile_flags.txt,\n"
     ".clangd or clang-tidy) and exit",
     KS_SET(PrintWdkFlags, true)},
    {"extra-arg", "", OptionKind::Value, "--extra-arg=<arg>",
     "append <arg> to every compile command",
     [](CliOptions &O, llvm::StringRef V) -> ApplyResult {
       O.Analysis.ExtraArgs.push_back(V.str());
       return std::nullopt;
     }},
    {"extra-arg-before", "", OptionKind::Value, "--extra-arg-before=<arg>",
     "insert <arg> after the compiler name",
     [](CliOptions &O, llvm::StringRef V) -> ApplyResult {
       O.Analysis.ExtraArgsBefore.push_back(V.str());
       return std::nullopt;
     }},
    {"list-checks", "", OptionKind::Flag, "--list-checks",
     "list the enabled checks and exit", KS_SET(ListChecks, true)},
    {"show-parse-errors", "", OptionKind::Flag, "--show-parse-errors",
     "print each compile error, not only the count",
     KS_SET(ShowParseErrors, true)},
    {"allow-parse-errors", "", OptionKind::Flag, "--allow-parse-errors",
     "exit 0 instead of 3 when TUs had compile errors\n"
     "but nothing was found",
     KS_SET(AllowParseErrors, true)},
    {"no-shared-preambles", "", OptionKind::Flag, "--no-shared-preambles",
     "parse every TU's #include block on its own instead\n"
     "of sharing one precompiled preamble among the TUs\n"
     "that start alike",
     KS_SET(Analysis.SharedPreambles, false)},
    {"share-preambles-from", "", OptionKind::Value,
     "--share-preambles-from=<n>",
     "share a precompiled preamble only among at least n\n"
     "TUs that start alike (default: 4, at least 2)",
     [](CliOptions &O, llvm::StringRef V) -> ApplyResult {
       unsigned N = 0;
       if (V.getAsInteger(10, N) || N < 2)
         return "--share-preambles-from needs a number of at least 2, not '" +
                V.str() + "'";
       O.Analysis.PreambleMinSharers = N;
       return std::nullopt;
     }},
    {"cache-dir", "", OptionKind::Value, "--cache-dir=<dir>",
     "keep each TU's results in dir and replay the TUs\n"
     "whose inputs did not change (default:\n"
     "$KSTIDY_CACHE_DIR)",
     KS_STORE(CacheDir)},
    {"cache-size", "", OptionKind::Value, "--cache-size=<size>",
     "the cache directory's limit, as 512M or 2G (default:\n"
     "$KSTIDY_CACHE_SIZE, or 1G)",
     [](CliOptions &O, llvm::StringRef V) -> ApplyResult {
       O.CacheSize = parseByteSize(V);
       if (!O.CacheSize)
         return "--cache-size needs a size such as 512M or 2G, not '" +
                V.str() + "'";
       return std::nullopt;
     }},
    {"no-cache", "", OptionKind::Flag, "--no-cache",
     "neither replay nor store results, whatever\n"
     "--cache-dir or $KSTIDY_CACHE_DIR says",
     KS_SET(NoCache, true)},
    {"stats", "", OptionKind::Flag, "--stats",
     "after the summary, how the TUs were parsed (shared\n"
     "preambles built and reused, results replayed from\n"
     "the cache)",
     KS_SET(Stats, true)},
    {"quiet", "", OptionKind::Flag, "--quiet", "no summary line",
     KS_SET(Quiet, true)},
    {"version", "", OptionKind::Flag, "--version",
     "print kstidy's and LLVM's versions", KS_SET(Version, true)},
    {"help", "h", OptionKind::Flag, "--help", "this text", KS_SET(Help, true)},
};

#undef KS_STORE
#undef KS_SET

/// The text before the option list.
const char UsageHead[] =
    R"(kstidy - static analysis of Windows Kernel Streaming driver tables

USAGE
  kstidy [options] <source>... [-- <compiler args>]
  kstidy -p <build dir | compile_commands.json> [options] [<source>...]
  kstidy [options] <project.vcxproj | solution.sln>... [<source>...]

  With -p and no <source>, every translation unit of the database is
  analyzed. Configuration comes from .clang-tidy files as in clang-tidy
  (Checks, CheckOptions, HeaderFilterRegex, ExtraArgs); NOLINT comments work.
  A .vcxproj or .sln stands in for a compile database: the ClCompile sources
  of its projects are analyzed with their include directories, defines and
  language standard (docs/msbuild.md). Sources named without -p or a project
  take the settings of the .vcxproj that lists them, when one is found beside
  them or up to three directories above.

OPTIONS
)";

/// The text after the option list.
const char UsageTail[] = R"(
EXIT CODES
  0  no findings     1  findings     2  usage or input error
  3  no findings, but some translation unit had compile errors
)";

/// Where the right column of --help starts.
constexpr size_t HelpColumn = 28;
constexpr size_t Indent = 2;

/// The row spelled \p Name (or with that alias); commands are not options.
const OptionSpec *findOption(llvm::StringRef Name) {
  for (const OptionSpec &S : Table)
    if (S.Kind != OptionKind::Command &&
        (Name == S.Name || (*S.Alias && Name == S.Alias)))
      return &S;
  return nullptr;
}

} // namespace

llvm::ArrayRef<OptionSpec> optionTable() { return Table; }

std::string usageText() {
  std::string Out = UsageHead;
  for (const OptionSpec &S : Table) {
    // A subcommand stands apart from the options around it.
    if (S.Kind == OptionKind::Command)
      Out += "\n";
    std::string Row = std::string(Indent, ' ') + S.Synopsis;
    // A synopsis too wide for the left column puts its help on the next
    // line.
    if (Row.size() + 2 > HelpColumn) {
      Out += Row + "\n";
      Row.clear();
    }
    Row.resize(HelpColumn, ' ');
    llvm::StringRef Help = S.Help;
    while (!Help.empty()) {
      auto [Line, Rest] = Help.split('\n');
      Out += Row + Line.str() + "\n";
      Row.assign(HelpColumn, ' ');
      Help = Rest;
    }
  }
  return Out + UsageTail;
}

std::optional<std::string> parseArgs(int Argc, const char **Argv,
                                     CliOptions &O) {
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef A = Argv[I];
    if (A == "--") {
      O.HaveCompilerArgs = true;
      for (int J = I + 1; J < Argc; ++J)
        O.CompilerArgs.push_back(Argv[J]);
      break;
    }
    if (!A.starts_with("-") || A == "-") {
      if (msbuild::isProjectFile(A) || msbuild::isSolutionFile(A))
        O.MsBuildInputs.push_back(std::string(A));
      else
        O.Sources.push_back(std::string(A));
      continue;
    }
    llvm::StringRef Name = A.drop_front(A.starts_with("--") ? 2 : 1);
    std::optional<std::string> Value;
    if (size_t Eq = Name.find('='); Eq != llvm::StringRef::npos) {
      Value = std::string(Name.substr(Eq + 1));
      Name = Name.take_front(Eq);
    }
    const OptionSpec *Spec = findOption(Name);
    bool TakesValue = Spec && Spec->Kind == OptionKind::Value;
    if (TakesValue && !Value) {
      if (I + 1 >= Argc)
        return "option '" + A.str() + "' needs a value";
      Value = std::string(Argv[++I]);
    }
    if (!TakesValue && Value)
      return "option '" + Name.str() + "' takes no value";
    if (!Spec)
      return "unknown option '" + A.str() + "' (see kstidy --help)";
    if (auto Problem = Spec->Apply(O, Value ? *Value : ""))
      return Problem;
  }
  return std::nullopt;
}

} // namespace ks
