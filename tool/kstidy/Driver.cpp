//===- Driver.cpp - kstidy's options, inputs and exit codes ---------------===//
#include "Driver.h"

#include "Analyzer.h"
#include "Findings.h"
#include "ModelExport.h"
#include "MsBuildProject.h"
#include "Notices.h"
#include "Output.h"
#include "Comparison.h"
#include "Replay.h"
#include "SafeIO.h"
#include "SarifMerge.h"
#include "WdkProfile.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Threading.h"

#include <fmt/format.h>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <map>
#include <set>

#ifndef KSTIDY_VERSION
#define KSTIDY_VERSION "0.0.0"
#endif
#ifndef KSTIDY_CLANG_RESOURCE_DIR
#define KSTIDY_CLANG_RESOURCE_DIR ""
#endif

using namespace clang::tooling;

namespace ks {

namespace {

const char Usage[] =
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
  -p <path>                 compile_commands.json, or the directory holding it
  --msbuild-config=<c|p>    with a .vcxproj/.sln: the Configuration|Platform
                            to read (default: the first x64 Release one)
  --no-msbuild-discovery    sources named on the command line: do not look
                            for the .vcxproj files that list them
  -j <n>                    analyze n translation units at a time (default:
                            every core)
  --source-filter=<regex>   with -p (or a .vcxproj/.sln): only the database's
                            files matching it
  --checks=<globs>          checks to run, appended to the configuration
                            (default: ks-*)
  --config=<yaml>           configuration, as in a .clang-tidy file
  --config-file=<file>      read that configuration from a file
  --header-filter=<regex>   headers whose findings are shown (default: .*;
                            system and WDK headers never are)
  --wdk-profile=<mode>      auto (default): add the mingw WDK flags when the
                            command targets no Windows triple and names no WDK
                            include dir; mingw: always; none: never
  --export-model=<file>     write the KS model of every analyzed TU as JSON
                            (schema: docs/model.md)
  --replay=<model.json>     replay a model export against the runtime
                            reference and print the failures it observes
  --compare                 analyze, replay the model, and print each finding
                            with its static and runtime verdicts; exit 1 when
                            a row is not confirmed
  --compare-json=<file>     with --compare: also write the rows as JSON
  --format=<fmt>            text (default), json (docs/output.md) or sarif
                            (SARIF 2.1.0)
  -o <file>                 write the findings there (atomically), not stdout
  --sarif-base=<dir>        SARIF paths are relative to it (default: the
                            compile database's directory, or the current one)
  --write-baseline=<file>   record the current findings as accepted
  --baseline=<file>         report (and fail on) findings not in the baseline
  --shard=<k>/<n>           analyze the k-th of n deterministic slices of the
                            translation units (merge with kstidy merge-sarif)

  kstidy merge-sarif <a.sarif> <b.sarif>... -o <all.sarif>
                            merge shard outputs (rules and results
                            de-duplicated)
  --print-wdk-flags         print the WDK profile flags (for compile_flags.txt,
                            .clangd or clang-tidy) and exit
  --extra-arg=<arg>         append <arg> to every compile command
  --extra-arg-before=<arg>  insert <arg> after the compiler name
  --list-checks             list the enabled checks and exit
  --show-parse-errors       print each compile error, not only the count
  --allow-parse-errors      exit 0 instead of 3 when TUs had compile errors
                            but nothing was found
  --quiet                   no summary line
  --version                 print kstidy's and LLVM's versions
  --help                    this text

EXIT CODES
  0  no findings     1  findings     2  usage or input error
  3  no findings, but some translation unit had compile errors
)";

struct CliOptions {
  std::optional<std::string> BuildPath;
  std::vector<std::string> MsBuildInputs; ///< .vcxproj / .sln
  std::optional<std::string> MsBuildConfig; ///< --msbuild-config
  bool MsBuildDiscovery = true; ///< off: --no-msbuild-discovery
  std::vector<std::string> Sources;
  std::vector<std::string> CompilerArgs;
  bool HaveCompilerArgs = false;
  AnalysisOptions Analysis;
  std::optional<std::string> ConfigFile;
  std::optional<std::string> ExportModel;
  unsigned Jobs = 0; ///< 0: every core
  std::string Format = "text";
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
  bool ListChecks = false;
  bool ShowParseErrors = false;
  bool AllowParseErrors = false;
  bool Quiet = false;
  bool Version = false;
  bool Help = false;
};

class UsageError {
public:
  explicit UsageError(std::string M) : Message(std::move(M)) {}
  std::string Message;
};

int fail(const std::string &Message, int Code = ExitUsage) {
  llvm::errs() << "kstidy: error: " << Message << "\n";
  return Code;
}

std::string firstLine(llvm::StringRef S) {
  S = S.trim();
  return std::string(S.take_until([](char C) { return C == '\n'; }));
}

/// Parses a clang-tidy configuration, turning the YAML parser's
/// diagnostic into one line ("file:line:col: message") instead of letting
/// it print a multi-line report of its own.
std::optional<std::string> configProblem(llvm::MemoryBufferRef Config) {
  // The YAML parser recurses once per level: refuse a bomb before it runs.
  if (auto Deep = nestingProblem(Config.getBuffer(), TextSyntax::Yaml))
    return Config.getBufferIdentifier().str() + ": " + *Deep;
  std::string Problem;
  auto Parsed = clang::tidy::parseConfigurationWithDiags(
      Config, [&](const llvm::SMDiagnostic &D) {
        if (Problem.empty())
          Problem = fmt::format("{}:{}:{}: {}", D.getFilename().str(),
                                D.getLineNo(), D.getColumnNo() + 1,
                                D.getMessage().str());
      });
  if (Parsed)
    return std::nullopt;
  return Problem.empty() ? Parsed.getError().message() : Problem;
}

/// Parses argv. Accepts -opt=value, --opt=value and "-opt value" forms for
/// the options that take a value, like clang-tidy does.
std::optional<std::string> parseArgs(int Argc, const char **Argv,
                                     CliOptions &O) {
  static const char *const ValueOptions[] = {
      "p",      "checks",    "config",          "config-file",
      "header-filter", "wdk-profile", "extra-arg", "extra-arg-before",
      "export-model", "replay", "compare-json", "j", "source-filter", "format",
      "o", "sarif-base", "write-baseline", "baseline", "shard",
      "msbuild-config"};
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
    bool TakesValue = llvm::is_contained(ValueOptions, Name);
    if (TakesValue && !Value) {
      if (I + 1 >= Argc)
        return "option '" + A.str() + "' needs a value";
      Value = std::string(Argv[++I]);
    }
    if (!TakesValue && Value)
      return "option '" + Name.str() + "' takes no value";
    if (Name == "p")
      O.BuildPath = *Value;
    else if (Name == "msbuild-config")
      O.MsBuildConfig = *Value;
    else if (Name == "checks")
      O.Analysis.ChecksOverride = *Value;
    else if (Name == "config")
      O.Analysis.ConfigOverride = *Value;
    else if (Name == "config-file")
      O.ConfigFile = *Value;
    else if (Name == "export-model")
      O.ExportModel = *Value;
    else if (Name == "replay")
      O.Replay = *Value;
    else if (Name == "j") {
      unsigned N = 0;
      if (llvm::StringRef(*Value).getAsInteger(10, N) || N == 0)
        return "-j needs a positive number, not '" + *Value + "'";
      O.Jobs = N;
    } else if (Name == "source-filter")
      O.SourceFilter = *Value;
    else if (Name == "format") {
      if (*Value != "text" && *Value != "json" && *Value != "sarif")
        return "--format must be text, json or sarif, not '" + *Value + "'";
      O.Format = *Value;
    } else if (Name == "o")
      O.OutputFile = *Value;
    else if (Name == "sarif-base")
      O.SarifBase = *Value;
    else if (Name == "write-baseline")
      O.WriteBaseline = *Value;
    else if (Name == "baseline")
      O.Baseline = *Value;
    else if (Name == "shard") {
      auto [K, N] = llvm::StringRef(*Value).split('/');
      if (K.getAsInteger(10, O.ShardIndex) || N.getAsInteger(10, O.ShardCount) ||
          O.ShardCount == 0 || O.ShardIndex == 0 || O.ShardIndex > O.ShardCount)
        return "--shard must be K/N with 1 <= K <= N, not '" + *Value + "'";
    }
    else if (Name == "compare")
      O.Compare = true;
    else if (Name == "compare-json")
      O.CompareJson = *Value;
    else if (Name == "header-filter")
      O.Analysis.HeaderFilter = *Value;
    else if (Name == "wdk-profile") {
      auto Mode = parseWdkProfileMode(*Value);
      if (!Mode)
        return "--wdk-profile must be auto, mingw or none, not '" + *Value +
               "'";
      O.Analysis.Profile = *Mode;
    } else if (Name == "extra-arg")
      O.Analysis.ExtraArgs.push_back(*Value);
    else if (Name == "extra-arg-before")
      O.Analysis.ExtraArgsBefore.push_back(*Value);
    else if (Name == "print-wdk-flags")
      O.PrintWdkFlags = true;
    else if (Name == "list-checks")
      O.ListChecks = true;
    else if (Name == "show-parse-errors")
      O.ShowParseErrors = true;
    else if (Name == "allow-parse-errors")
      O.AllowParseErrors = true;
    else if (Name == "quiet")
      O.Quiet = true;
    else if (Name == "no-msbuild-discovery")
      O.MsBuildDiscovery = false;
    else if (Name == "version")
      O.Version = true;
    else if (Name == "help" || Name == "h")
      O.Help = true;
    else
      return "unknown option '" + A.str() + "' (see kstidy --help)";
  }
  return std::nullopt;
}

/// A source kstidy can analyze: it exists, is a regular readable file and is
/// text. Returns the one-line problem otherwise.
/// A source as the analysis names it: absolute, without `.` or `..`.
std::string absoluteSource(llvm::StringRef Source) {
  llvm::SmallString<256> Abs(Source);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

/// Whether a source can be analysed, and how it will be read. A file that
/// is not source is skipped (the rest of the run goes on); one that MSVC
/// compiles although clang would balk at it is read as MSVC reads it.
struct SourceCheck {
  std::optional<std::string> Skip; ///< why it is not analysed
  std::vector<std::string> Notes;  ///< how it is read
};

SourceCheck checkSource(llvm::StringRef Path) {
  SourceCheck C;
  if (std::string Reason = unreadableReason(Path); !Reason.empty()) {
    C.Skip = Reason; // no such file, a symlink loop, a directory, ...
    return C;
  }
  if (!llvm::sys::fs::is_regular_file(Path)) {
    C.Skip = "not a regular file";
    return C;
  }
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    C.Skip = "cannot read it: " + Buf.getError().message();
    return C;
  }
  llvm::StringRef Text = (*Buf)->getBuffer();
  if (Text.starts_with("\xFF\xFE") || Text.starts_with("\xFE\xFF")) {
    C.Notes.push_back("UTF-16 text read through its UTF-8 transcoding "
                      "(columns count UTF-8 bytes)");
    return C;
  }
  // Source text holds no control characters but tab, line breaks, form
  // feed and ^Z; a stray NUL byte in whitespace is something MSVC skips
  // (and clang too, with a warning). Anything else is not source.
  size_t Nuls = 0, Controls = 0;
  for (unsigned char Ch : Text) {
    if (Ch == 0)
      ++Nuls;
    else if (Ch < 0x20 && Ch != '\t' && Ch != '\n' && Ch != '\r' &&
             Ch != '\f' && Ch != '\v' && Ch != 0x1a)
      ++Controls;
  }
  if (Controls || Nuls * 8 > Text.size()) {
    C.Skip = "binary content, not C/C++ source";
    return C;
  }
  if (Nuls)
    C.Notes.push_back(plural(Nuls, "NUL byte", "NUL bytes") +
                      " read as whitespace, as MSVC does");
  return C;
}

/// .clang-tidy files from the source's directory up to the root: a
/// malformed one is an input error, not something to ignore silently.
std::optional<std::string> checkConfigFiles(llvm::StringRef Source,
                                            std::set<std::string> &Seen) {
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Source));
  while (!Dir.empty()) {
    llvm::SmallString<256> Config(Dir);
    llvm::sys::path::append(Config, ".clang-tidy");
    if (Seen.insert(std::string(Config)).second &&
        llvm::sys::fs::is_regular_file(Config)) {
      auto Buf = llvm::MemoryBuffer::getFile(Config);
      if (!Buf)
        return "cannot read " + std::string(Config);
      if (auto Problem = configProblem(**Buf))
        return "malformed configuration " + firstLine(*Problem);
    }
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir.resize(Parent.size()); // Parent is a prefix of Dir: no self-assign
  }
  return std::nullopt;
}

/// The commands of the MSBuild projects that list a source, with the flags
/// given after "--" appended; the plain "--" command for the others. A
/// source several projects compile (a shared folder, a sample built as two
/// drivers) takes the nearest one's: the project in its own directory, then
/// in the closest directory above it.
class ProjectFirstDatabase : public CompilationDatabase {
public:
  struct Project {
    std::string Dir;
    std::unique_ptr<CompilationDatabase> DB;
  };
  ProjectFirstDatabase(std::vector<Project> Projects,
                       std::unique_ptr<CompilationDatabase> Fallback,
                       std::vector<std::string> Extra)
      : Projects(std::move(Projects)), Fallback(std::move(Fallback)),
        Extra(std::move(Extra)) {}

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    std::vector<clang::tooling::CompileCommand> Commands;
    size_t BestDepth = 0;
    for (const Project &P : Projects) {
      auto Mine = P.DB->getCompileCommands(File);
      if (Mine.empty())
        continue;
      llvm::StringRef Dir = P.Dir;
      size_t Depth = File.starts_with_insensitive(Dir) &&
                             File.drop_front(Dir.size()).starts_with("/")
                         ? Dir.size() + 1 // an ancestor: the deeper the nearer
                         : 0;
      if (Commands.empty() || Depth > BestDepth) {
        Commands = std::move(Mine);
        BestDepth = Depth;
      }
    }
    if (Commands.empty())
      return Fallback->getCompileCommands(File);
    for (clang::tooling::CompileCommand &C : Commands) {
      // The source stays last: the extra flags go before it.
      auto Pos = C.CommandLine.empty() ? C.CommandLine.end()
                                       : C.CommandLine.end() - 1;
      C.CommandLine.insert(Pos, Extra.begin(), Extra.end());
    }
    return Commands;
  }
  std::vector<std::string> getAllFiles() const override {
    std::vector<std::string> All;
    for (const Project &P : Projects) {
      std::vector<std::string> Files = P.DB->getAllFiles();
      All.insert(All.end(), Files.begin(), Files.end());
    }
    return All;
  }

private:
  std::vector<Project> Projects;
  std::unique_ptr<CompilationDatabase> Fallback;
  std::vector<std::string> Extra;
};

std::unique_ptr<CompilationDatabase> loadDatabase(llvm::StringRef Path,
                                                  std::string &Error) {
  llvm::SmallString<256> File(Path);
  if (llvm::sys::fs::is_directory(File))
    llvm::sys::path::append(File, "compile_commands.json");
  if (!llvm::sys::fs::exists(File)) {
    Error = "no compile database at " + std::string(File);
    return nullptr;
  }
  // Validate the JSON first: the database loader's YAML parser would print
  // a multi-line report of its own before failing.
  auto Text = llvm::MemoryBuffer::getFile(File);
  if (!Text) {
    Error = "cannot read " + std::string(File) + ": " +
            Text.getError().message();
    return nullptr;
  }
  if (auto Deep = nestingProblem((*Text)->getBuffer(), TextSyntax::Json)) {
    Error = "cannot load compile database " + std::string(File) + ": " + *Deep;
    return nullptr;
  }
  if (auto Parsed = llvm::json::parse((*Text)->getBuffer()); !Parsed) {
    Error = "cannot load compile database " + std::string(File) +
            ": invalid JSON: " + llvm::toString(Parsed.takeError());
    return nullptr;
  }
  std::string Message;
  auto DB = JSONCompilationDatabase::loadFromFile(
      File, Message, JSONCommandLineSyntax::AutoDetect);
  if (!DB) {
    Error = "cannot load compile database " + std::string(File) + ": " +
            firstLine(Message);
    return nullptr;
  }
  return DB;
}

/// One line on a terminal's stderr: TUs done, findings so far, elapsed,
/// ETA. Silent when stderr is not a terminal or with --quiet.
class Progress {
public:
  Progress(size_t Total, bool Enabled)
      : Total(Total), Enabled(Enabled),
        Start(std::chrono::steady_clock::now()) {}

  void done(size_t NewFindings) {
    std::lock_guard<std::mutex> Lock(M);
    ++Done;
    Findings += NewFindings;
    if (!Enabled)
      return;
    double Elapsed = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - Start)
                         .count();
    double Eta = Done ? Elapsed / Done * (Total - Done) : 0;
    llvm::errs() << fmt::format("\r\x1b[Kkstidy: [{}/{}] {} so far, {:.0f}s "
                                "elapsed, ETA {:.0f}s",
                                Done, Total,
                                plural(Findings, "finding", "findings"),
                                Elapsed, Eta);
    llvm::errs().flush();
  }

  void finish() {
    if (Enabled && Done)
      llvm::errs() << "\r\x1b[K";
  }

private:
  std::mutex M;
  size_t Total, Done = 0, Findings = 0;
  bool Enabled;
  std::chrono::steady_clock::time_point Start;
};

struct RunOutput {
  std::vector<std::string> Checks; ///< enabled for the first source
  std::vector<Finding> Findings; ///< sorted, de-duplicated
  std::vector<TuResult> Results; ///< in source order
  llvm::json::Array Exported;    ///< in source order (--export-model)
  std::string Error;
};

/// Analyzes every source, \p O.Jobs at a time, each worker with an analyzer
/// (clang-tidy context and diagnostics engine) of its own. Results come back
/// in source order whatever the scheduling.
RunOutput analyzeAll(const CompilationDatabase &DB, const CliOptions &O,
                     const WdkProfile &Profile,
                     const std::map<std::string, SourceCheck> &SourceChecks,
                     std::unique_ptr<Analyzer> First, llvm::StringRef Cwd) {
  RunOutput Out;
  const size_t N = O.Sources.size();
  unsigned Jobs = O.Jobs ? O.Jobs : std::max(1u, llvm::hardware_concurrency().compute_thread_count());
  Jobs = std::min<unsigned>(Jobs, std::max<size_t>(N, 1));
  std::vector<std::unique_ptr<Analyzer>> Analyzers;
  if (N)
    Out.Checks = First->enabledChecks(O.Sources.front());
  Analyzers.push_back(std::move(First));
  for (unsigned I = 1; I < Jobs; ++I) {
    auto A = Analyzer::create(DB, O.Analysis, Profile);
    if (!A) {
      Out.Error = llvm::toString(A.takeError());
      return Out;
    }
    Analyzers.push_back(std::move(*A));
  }
  std::vector<std::vector<Finding>> PerTu(N);
  std::vector<TuResult> Results(N);
  std::vector<std::optional<llvm::json::Value>> Exports(N);
  const bool WantModel = O.ExportModel || O.Compare;

  Progress Bar(N, !O.Quiet && llvm::sys::Process::StandardErrIsDisplayed());
  std::atomic<size_t> Next{0};
  auto Work = [&](Analyzer &A) {
    size_t Current = 0;
    if (WantModel)
      A.setModelSink([&](const model::KsModel &M, clang::ASTContext &Ctx) {
        Exports[Current] =
            exportTranslationUnit(M, Ctx, O.Sources[Current], Cwd);
      });
    for (size_t I; (I = Next++) < N;) {
      Current = I;
      auto Check = SourceChecks.find(O.Sources[I]);
      if (Check != SourceChecks.end() && Check->second.Skip) {
        Results[I].File = O.Sources[I];
        Results[I].Skipped = Check->second.Skip;
      } else {
        Results[I] = A.analyze(O.Sources[I], PerTu[I]);
        if (Check != SourceChecks.end())
          Results[I].InputNotes = Check->second.Notes;
      }
      Bar.done(PerTu[I].size());
    }
  };
  if (Jobs == 1) {
    Work(*Analyzers.front());
  } else {
    std::vector<std::thread> Threads;
    for (unsigned I = 0; I < Jobs; ++I)
      Threads.emplace_back(Work, std::ref(*Analyzers[I]));
    for (std::thread &T : Threads)
      T.join();
  }
  Bar.finish();
  for (size_t I = 0; I < N; ++I) {
    for (Finding &F : PerTu[I])
      Out.Findings.push_back(std::move(F));
    if (Exports[I])
      Out.Exported.push_back(std::move(*Exports[I]));
  }
  Out.Results = std::move(Results);
  sortAndDeduplicate(Out.Findings);
  return Out;
}

} // namespace

int mergeSarifCommand(int Argc, const char **Argv) {
  std::vector<std::string> Inputs;
  std::optional<std::string> Output;
  for (int I = 2; I < Argc; ++I) {
    llvm::StringRef A = Argv[I];
    if (A == "-o" && I + 1 < Argc)
      Output = Argv[++I];
    else if (A.consume_front("-o="))
      Output = A.str();
    else if (A.starts_with("-"))
      return fail("merge-sarif: unknown option '" + A.str() + "'");
    else
      Inputs.push_back(A.str());
  }
  if (Inputs.empty() || !Output)
    return fail("usage: kstidy merge-sarif <a.sarif> <b.sarif>... -o <all.sarif>");
  SarifMerger Merger;
  for (const std::string &In : Inputs) {
    if (std::string Reason = unreadableReason(In); !Reason.empty())
      return fail("cannot read " + In + ": " + Reason);
    auto Buf = llvm::MemoryBuffer::getFile(In);
    if (!Buf)
      return fail("cannot read " + In + ": " + Buf.getError().message());
    if (llvm::Error E = Merger.add((*Buf)->getBuffer(), In))
      return fail("merge-sarif: " + llvm::toString(std::move(E)));
  }
  std::optional<std::string> WriteError;
  if (auto Problem = writeAtomically(*Output, [&](llvm::raw_ostream &OS) {
        if (llvm::Error E = Merger.write(OS))
          WriteError = llvm::toString(std::move(E));
      }))
    return fail(*Problem);
  if (WriteError)
    return fail("merge-sarif: " + *WriteError);
  return ExitClean;
}

int runKstidy(int Argc, const char **Argv) {
  if (Argc > 1 && llvm::StringRef(Argv[1]) == "merge-sarif")
    return mergeSarifCommand(Argc, Argv);
  CliOptions O;
  if (auto Problem = parseArgs(Argc, Argv, O))
    return fail(*Problem);
  if (O.Help) {
    llvm::outs() << Usage;
    return ExitClean;
  }
  if (O.Version) {
    llvm::outs() << "kstidy " << KSTIDY_VERSION << " (LLVM "
                 << LLVM_VERSION_STRING << ")\n";
    return ExitClean;
  }

  WdkProfile Profile = WdkProfile::locate(Argv[0]);
  if (O.PrintWdkFlags) {
    for (const std::string &F : Profile.flags())
      llvm::outs() << F << "\n";
    return ExitClean;
  }

  if (O.Replay) {
    auto Doc = readJsonFile(*O.Replay);
    if (!Doc)
      return fail(llvm::toString(Doc.takeError()));
    schema::Document Model = schema::readDocument(*Doc);
    if (Model.Schema != schema::SchemaName)
      return fail(*O.Replay + " is not a kstidy model export");
    std::vector<RuntimeFinding> Runtime = replayModel(Model);
    printRuntimeFindings(llvm::outs(), Runtime);
    if (!O.Quiet)
      llvm::errs() << "kstidy: replay observed "
                   << plural(Runtime.size(), "runtime failure",
                             "runtime failures")
                   << "\n";
    return Runtime.empty() ? ExitClean : ExitFindings;
  }

  if (O.ConfigFile) {
    auto Buf = llvm::MemoryBuffer::getFile(*O.ConfigFile);
    if (!Buf)
      return fail("cannot read --config-file " + *O.ConfigFile + ": " +
                  Buf.getError().message());
    O.Analysis.ConfigOverride = std::string((*Buf)->getBuffer());
  }
  if (O.Analysis.ConfigOverride) {
    if (auto Problem = configProblem(
            llvm::MemoryBufferRef(*O.Analysis.ConfigOverride, "--config")))
      return fail("malformed " + firstLine(*Problem));
  }

  // The compile database: -p, or the flags after "--", or none at all.
  std::unique_ptr<CompilationDatabase> DB;
  if (O.BuildPath && !O.MsBuildInputs.empty())
    return fail("-p and a .vcxproj/.sln cannot be combined: the project "
                "stands in for the compile database");
  if (O.MsBuildConfig && O.MsBuildInputs.empty())
    return fail("--msbuild-config needs a .vcxproj or .sln input");
  if (O.BuildPath || !O.MsBuildInputs.empty()) {
    std::string Error;
    if (O.BuildPath) {
      DB = loadDatabase(*O.BuildPath, Error);
    } else {
      // A .vcxproj/.sln: its compile commands, made from the project files.
      std::vector<std::string> Notes;
      auto Loaded = msbuild::loadMsBuildDatabase(O.MsBuildInputs,
                                                 O.MsBuildConfig, Notes);
      if (!Loaded)
        return fail(llvm::toString(Loaded.takeError()));
      DB = std::move(*Loaded);
      if (!O.Quiet)
        for (const std::string &Note : Notes)
          llvm::errs() << "kstidy: note: " << Note << "\n";
    }
    if (!DB)
      return fail(Error);
    if (O.Sources.empty()) {
      O.Sources = DB->getAllFiles();
      if (O.SourceFilter) {
        llvm::Regex Filter(*O.SourceFilter);
        std::string Error;
        if (!Filter.isValid(Error))
          return fail("invalid --source-filter: " + Error);
        llvm::erase_if(O.Sources, [&](const std::string &F) {
          return !Filter.match(F);
        });
      }
      if (O.Sources.empty())
        return fail((O.BuildPath ? "compile database " + *O.BuildPath
                                 : O.MsBuildInputs.front()) +
                    " lists no files" +
                    (O.SourceFilter ? " matching --source-filter" : ""));
    }
    O.Analysis.ExtraArgs.insert(O.Analysis.ExtraArgs.end(),
                                O.CompilerArgs.begin(), O.CompilerArgs.end());
    DB = inferMissingCompileCommands(std::move(DB));
  } else {
    if (O.Sources.empty() && !O.ListChecks)
      return fail("no input files (usage: kstidy [options] <source>... "
                  "[-- <compiler args>], or kstidy -p <build dir>)");
    DB = std::make_unique<FixedCompilationDatabase>(".", O.CompilerArgs);
    if (O.MsBuildDiscovery && !O.Sources.empty()) {
      // Sources given by name in a driver tree: the MSBuild projects that
      // compile them know their defines and include directories (which
      // decide what tables exist at all); the flags after "--" still apply.
      std::vector<std::string> Absolute;
      for (const std::string &Source : O.Sources)
        Absolute.push_back(absoluteSource(Source));
      std::vector<std::string> Projects =
          msbuild::findProjectsListing(Absolute);
      std::vector<std::string> Notes;
      std::vector<ProjectFirstDatabase::Project> Loaded;
      for (const std::string &P : Projects) {
        auto DB = msbuild::loadMsBuildDatabase({P}, std::nullopt, Notes);
        if (DB)
          Loaded.push_back({llvm::sys::path::parent_path(P).str(), std::move(*DB)});
        else
          llvm::consumeError(DB.takeError());
      }
      if (!Loaded.empty()) {
        {
          size_t Covered = llvm::count_if(Absolute, [&](const std::string &F) {
            return llvm::any_of(Loaded, [&](const auto &P) {
              return !P.DB->getCompileCommands(F).empty();
            });
          });
          if (!O.Quiet) {
            std::string Names;
            for (const std::string &P : Projects)
              Names += (Names.empty() ? "" : ", ") +
                       displayPath(P, llvm::sys::path::parent_path(Absolute.front()));
            llvm::errs() << "kstidy: note: compile settings of "
                         << plural(Covered, "source", "sources")
                         << " taken from the MSBuild projects that list them ("
                         << Names << "); --no-msbuild-discovery turns this off\n";
            for (const std::string &Note : Notes)
              llvm::errs() << "kstidy: note: " << Note << "\n";
          }
          DB = std::make_unique<ProjectFirstDatabase>(
              std::move(Loaded), std::move(DB), O.CompilerArgs);
        }
      }
    }
  }

  std::set<std::string> SeenConfigs;
  std::map<std::string, SourceCheck> SourceChecks;
  for (std::string &Source : O.Sources) {
    SourceCheck Check = checkSource(Source);
    Source = absoluteSource(Source);
    if (!Check.Skip)
      if (auto Problem = checkConfigFiles(Source, SeenConfigs))
        return fail(*Problem);
    SourceChecks[Source] = std::move(Check);
  }

  if (O.ShardCount) {
    // A deterministic slice: the sources in path order, every N-th.
    std::sort(O.Sources.begin(), O.Sources.end());
    std::vector<std::string> Slice;
    for (size_t I = 0; I < O.Sources.size(); ++I)
      if (I % O.ShardCount == O.ShardIndex - 1)
        Slice.push_back(O.Sources[I]);
    O.Sources = std::move(Slice);
  }

  for (const std::string &Problem : Profile.problems())
    if (O.Analysis.Profile != WdkProfileMode::None)
      llvm::errs() << "kstidy: warning: " << Problem << "\n";

  O.Analysis.ResourceDir = KSTIDY_CLANG_RESOURCE_DIR;
  auto A = Analyzer::create(*DB, O.Analysis, Profile);
  if (!A)
    return fail(llvm::toString(A.takeError()));

  if (O.ListChecks) {
    llvm::SmallString<256> Probe;
    if (!O.Sources.empty())
      Probe = O.Sources.front();
    else {
      llvm::sys::fs::current_path(Probe);
      llvm::sys::path::append(Probe, "probe.cpp");
    }
    llvm::outs() << "Enabled checks:\n";
    for (const std::string &Name : (*A)->enabledChecks(Probe))
      llvm::outs() << "    " << Name << "\n";
    return ExitClean;
  }

  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);

  RunOutput Run = analyzeAll(*DB, O, Profile, SourceChecks, std::move(*A), Cwd);
  if (!Run.Error.empty())
    return fail(Run.Error);
  // A check option with an invalid value is a configuration error, not a
  // finding in the driver: nothing is reported from a misconfigured run.
  std::set<std::string> ConfigErrors;
  for (const Finding &F : Run.Findings)
    if (F.Check == "clang-tidy-config")
      ConfigErrors.insert(F.Message);
  if (!ConfigErrors.empty()) {
    for (const std::string &M : ConfigErrors)
      llvm::errs() << "kstidy: error: " << M << "\n";
    return ExitUsage;
  }
  std::vector<Finding> &Findings = Run.Findings;
  std::vector<TuResult> &Results = Run.Results;
  llvm::json::Array &Exported = Run.Exported;

  llvm::json::Value Document = exportDocument(std::move(Exported));
  if (O.Compare) {
    std::vector<RuntimeFinding> Runtime = replayModel(Document);
    std::vector<ComparisonRow> Rows = compareFindings(Findings, Runtime, Cwd);
    printComparison(llvm::outs(), Rows);
    size_t Unconfirmed = 0;
    for (const ComparisonRow &R : Rows)
      Unconfirmed += R.Verdict != "confirmed";
    if (O.CompareJson)
      if (auto Problem = writeAtomically(*O.CompareJson, [&](llvm::raw_ostream &OS) {
            OS << llvm::formatv("{0:2}", comparisonToJson(Rows)) << "\n";
          }))
        return fail(*Problem);
    if (!O.Quiet)
      llvm::errs() << "kstidy: " << plural(Rows.size(), "row", "rows") << ", "
                   << Rows.size() - Unconfirmed << " confirmed, "
                   << Unconfirmed << " not confirmed\n";
    return Unconfirmed ? ExitFindings : ExitClean;
  }

  if (O.ExportModel) {
    if (auto Problem = writeAtomically(
            *O.ExportModel, [&](llvm::raw_ostream &OS) {
              OS << llvm::formatv("{0:2}", Document) << "\n";
            }))
      return fail(*Problem);
  }
  // SARIF and baselines name files relative to one base: --sarif-base, the
  // compile database's directory, or the current one.
  llvm::SmallString<256> Base(Cwd);
  if (O.SarifBase) {
    Base = *O.SarifBase;
    llvm::sys::fs::make_absolute(Base);
  } else if (O.BuildPath) {
    Base = *O.BuildPath;
    if (!llvm::sys::fs::is_directory(Base))
      Base.resize(llvm::sys::path::parent_path(Base).size());
    llvm::sys::fs::make_absolute(Base);
  }
  llvm::sys::path::remove_dots(Base, /*remove_dot_dot=*/true);

  if (O.WriteBaseline)
    if (auto Problem = writeAtomically(*O.WriteBaseline, [&](llvm::raw_ostream &OS) {
          OS << llvm::formatv("{0:2}", toBaseline(Findings, Base)) << "\n";
        }))
      return fail(*Problem);
  size_t Accepted = 0, Gone = 0;
  if (O.Baseline) {
    auto Doc = readJsonFile(*O.Baseline);
    if (!Doc)
      return fail("baseline: " + llvm::toString(Doc.takeError()));
    auto Known = readBaseline(*Doc);
    if (!Known)
      return fail("baseline " + *O.Baseline + ": " +
                  llvm::toString(Known.takeError()));
    std::set<std::string> Present;
    llvm::erase_if(Findings, [&](const Finding &F) {
      std::string FP = fingerprint(F, Base);
      Present.insert(FP);
      if (F.IsError || !Known->count(FP))
        return false;
      ++Accepted;
      return true;
    });
    for (const std::string &FP : *Known)
      if (!Present.count(FP)) {
        ++Gone;
        if (!O.Quiet)
          llvm::errs() << "kstidy: note: baseline finding " << FP
                       << " is gone\n";
      }
  }

  std::vector<Notice> Notices =
      collectNotices(Results, Base, O.ShowParseErrors);
  auto Emit = [&](llvm::raw_ostream &OS) {
    if (O.Format == "json")
      OS << llvm::formatv("{0:2}", toJson(Findings, Results, Notices, Base))
         << "\n";
    else if (O.Format == "sarif")
      OS << llvm::formatv("{0:2}",
                          toSarif(Findings, Run.Checks, Notices, Base))
         << "\n";
    else
      printText(OS, Findings, Cwd);
  };
  if (O.OutputFile) {
    if (auto Problem = writeAtomically(*O.OutputFile, Emit))
      return fail(*Problem);
  } else {
    Emit(llvm::outs());
    // The report is the product: losing it (a full disk, a closed pipe) is
    // an error, not a run with findings.
    if (auto Problem = flushStdout())
      return fail(*Problem);
  }
  if (O.Baseline && !O.Quiet)
    llvm::errs() << "kstidy: baseline: " << Accepted
                 << " known findings not reported, " << Gone
                 << " baseline entries gone\n";

  size_t TusWithErrors = 0, Skipped = 0;
  for (const TuResult &R : Results) {
    TusWithErrors += R.Errors != 0;
    Skipped += R.Skipped.has_value();
    if (R.Errors && O.ShowParseErrors)
      printText(llvm::errs(), R.CompileErrors, Cwd);
  }
  // Notices name files as the text output does: relative to the current
  // directory.
  if (!O.Quiet)
    printNotices(llvm::errs(),
                 Base == Cwd ? Notices
                             : collectNotices(Results, Cwd, O.ShowParseErrors));
  // When nothing could be analysed, the errors above are the whole story.
  if (!O.Quiet && Skipped < Results.size()) {
    std::map<std::string, size_t> ByCheck;
    for (const Finding &F : Findings)
      ++ByCheck[F.Check];
    std::string PerCheck;
    for (const auto &[Check, N] : ByCheck)
      PerCheck += fmt::format("{}{}: {}", PerCheck.empty() ? " (" : ", ",
                              Check, N);
    if (!PerCheck.empty())
      PerCheck += ")";
    llvm::errs() << "kstidy: "
                 << plural(Results.size() - Skipped, "translation unit",
                           "translation units")
                 << " analyzed, " << plural(Findings.size(), "finding",
                                            "findings")
                 << PerCheck << ", "
                 << plural(TusWithErrors, "translation unit",
                           "translation units")
                 << " with compile errors"
                 << (Skipped ? ", " + plural(Skipped, "source", "sources") +
                                   " not analysed"
                             : std::string())
                 << "\n";
  }
  if (!Findings.empty())
    return ExitFindings;
  // A source that could not be analysed is an input error, even though the
  // others were analysed and reported.
  if (Skipped)
    return ExitUsage;
  if (TusWithErrors && !O.AllowParseErrors)
    return ExitParseErrors;
  return ExitClean;
}

} // namespace ks
