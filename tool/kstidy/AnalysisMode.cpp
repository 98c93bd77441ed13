//===- AnalysisMode.cpp - kstidy's analysis run, from sources to report ---===//
//
// The sources are analyzed, then: --list-checks lists the enabled checks,
// --compare puts each finding beside its runtime verdict, and otherwise the
// findings (less a baseline's) are reported in the chosen format, followed
// by the notices and a summary line on stderr.
//
//===----------------------------------------------------------------------===//
#include "AnalyzeAll.h"
#include "Baseline.h"
#include "Comparison.h"
#include "CompileDatabase.h"
#include "Driver.h"
#include "Inputs.h"
#include "ModelExport.h"
#include "Modes.h"
#include "Notices.h"
#include "Output.h"
#include "Replay.h"
#include "ResultCache.h"
#include "SafeIO.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>
#include <map>
#include <set>

#ifndef KSTIDY_CLANG_RESOURCE_DIR
#define KSTIDY_CLANG_RESOURCE_DIR ""
#endif

namespace ks {

namespace {

/// --list-checks: the checks enabled for the first source (or for a file
/// in the current directory).
int runListChecks(const CliOptions &O, Analyzer &A) {
  llvm::SmallString<256> Probe;
  if (!O.Sources.empty())
    Probe = O.Sources.front();
  else {
    // Without a working directory the probe is a relative name, which
    // finds no .clang-tidy: the defaults are listed.
    (void)llvm::sys::fs::current_path(Probe);
    llvm::sys::path::append(Probe, "probe.cpp");
  }
  llvm::outs() << "Enabled checks:\n";
  for (const std::string &Name : A.enabledChecks(Probe))
    llvm::outs() << "    " << Name << "\n";
  return ExitClean;
}

/// --compare: the model of the run replayed, and each finding with its
/// static and runtime verdicts.
int runCompare(const CliOptions &O, const std::vector<Finding> &Findings,
               const llvm::json::Value &Document, llvm::StringRef Cwd) {
  std::vector<RuntimeFinding> Runtime = replayModel(Document);
  std::vector<ComparisonRow> Rows = compareFindings(Findings, Runtime, Cwd);
  printComparison(llvm::outs(), Rows);
  size_t Unconfirmed = 0;
  for (const ComparisonRow &R : Rows)
    Unconfirmed += R.Verdict != "confirmed";
  if (O.CompareJson)
    if (auto Problem =
            writeAtomically(*O.CompareJson, [&](llvm::raw_ostream &OS) {
              OS << llvm::formatv("{0:2}", comparisonToJson(Rows)) << "\n";
            }))
      return fail(*Problem);
  if (!O.Quiet)
    llvm::errs() << "kstidy: " << plural(Rows.size(), "row", "rows") << ", "
                 << Rows.size() - Unconfirmed << " confirmed, " << Unconfirmed
                 << " not confirmed\n";
  return Unconfirmed ? ExitFindings : ExitClean;
}

/// SARIF and baselines name files relative to one base: --sarif-base, the
/// compile database's directory, or the current one.
llvm::SmallString<256> reportBase(const CliOptions &O, llvm::StringRef Cwd) {
  llvm::SmallString<256> Base(Cwd);
  if (O.SarifBase) {
    Base = *O.SarifBase;
    // Best effort: a base that cannot be made absolute is used as given.
    (void)llvm::sys::fs::make_absolute(Base);
  } else if (O.BuildPath) {
    Base = *O.BuildPath;
    if (!llvm::sys::fs::is_directory(Base))
      Base.resize(llvm::sys::path::parent_path(Base).size());
    (void)llvm::sys::fs::make_absolute(Base);
  }
  llvm::sys::path::remove_dots(Base, /*remove_dot_dot=*/true);
  return Base;
}

/// The summary line: TUs analyzed, findings per check, TUs with compile
/// errors, sources not analysed.
void printSummary(const std::vector<Finding> &Findings, size_t Analyzed,
                  size_t TusWithErrors, size_t Skipped) {
  std::map<std::string, size_t> ByCheck;
  for (const Finding &F : Findings)
    ++ByCheck[F.Check];
  std::string PerCheck;
  for (const auto &[Check, N] : ByCheck)
    PerCheck +=
        fmt::format("{}{}: {}", PerCheck.empty() ? " (" : ", ", Check, N);
  if (!PerCheck.empty())
    PerCheck += ")";
  llvm::errs() << "kstidy: "
               << plural(Analyzed, "translation unit", "translation units")
               << " analyzed, "
               << plural(Findings.size(), "finding", "findings") << PerCheck
               << ", "
               << plural(TusWithErrors, "translation unit", "translation units")
               << " with compile errors"
               << (Skipped ? ", " + plural(Skipped, "source", "sources") +
                                 " not analysed"
                           : std::string())
               << "\n";
}

/// --stats: how the TUs were parsed, and what the result cache did.
void printStats(const std::vector<TuResult> &Results,
                const ResultCache *Cache) {
  size_t Built = 0, Reused = 0, Whole = 0;
  for (const TuResult &R : Results) {
    if (R.Skipped)
      continue;
    Built += R.Preamble == TuResult::PreambleUse::Built;
    Reused += R.Preamble == TuResult::PreambleUse::Reused;
    Whole += R.Preamble == TuResult::PreambleUse::Parsed;
  }
  llvm::errs() << fmt::format(
      "kstidy: {} built, used by {}; {} parsed whole\n",
      plural(Built, "shared preamble", "shared preambles"),
      plural(Built + Reused, "translation unit", "translation units"),
      plural(Whole, "translation unit", "translation units"));
  if (!Cache)
    return;
  const ResultCache::Stats &S = Cache->stats();
  std::string Extra;
  if (S.Unreadable)
    Extra += fmt::format(", {} unreadable and replaced",
                         plural(S.Unreadable, "entry", "entries"));
  if (S.Evicted)
    Extra += fmt::format(", {} removed to stay under the limit",
                         plural(S.Evicted, "old entry", "old entries"));
  llvm::errs() << fmt::format(
      "kstidy: result cache {}: {} replayed, {} analysed, {} written{}\n",
      Cache->directory(),
      plural(S.Hits, "translation unit", "translation units"), S.Misses.load(),
      S.Stored.load(), Extra);
}

/// The result cache the options and environment ask for; null for none.
/// Fails with the one-line problem of an unusable directory or size.
llvm::Expected<std::unique_ptr<ResultCache>>
openResultCache(const CliOptions &O) {
  std::optional<std::string> Dir = O.CacheDir;
  if (!Dir)
    if (auto Env = llvm::sys::Process::GetEnv("KSTIDY_CACHE_DIR");
        Env && !Env->empty())
      Dir = *Env;
  if (O.NoCache || !Dir)
    return nullptr;
  uint64_t Size = uint64_t(1) << 30;
  if (O.CacheSize) {
    Size = *O.CacheSize;
  } else if (auto Env = llvm::sys::Process::GetEnv("KSTIDY_CACHE_SIZE");
             Env && !Env->empty()) {
    auto Parsed = parseByteSize(*Env);
    if (!Parsed)
      return llvm::createStringError(
          std::errc::invalid_argument,
          "KSTIDY_CACHE_SIZE needs a size such as 512M or 2G, not '%s'",
          Env->c_str());
    Size = *Parsed;
  }
  return ResultCache::open(*Dir, Size);
}

/// The findings of \p Run reported: the model export, the baselines, the
/// report in --format, then the notices and the summary on stderr.
int report(const CliOptions &O, RunOutput &Run,
           const llvm::json::Value &Document, llvm::StringRef Cwd,
           const ResultCache *Cache) {
  std::vector<Finding> &Findings = Run.Findings;
  const std::vector<TuResult> &Results = Run.Results;
  if (O.ExportModel) {
    if (auto Problem =
            writeAtomically(*O.ExportModel, [&](llvm::raw_ostream &OS) {
              OS << llvm::formatv("{0:2}", Document) << "\n";
            }))
      return fail(*Problem);
  }
  llvm::SmallString<256> Base = reportBase(O, Cwd);

  if (O.WriteBaseline)
    if (auto Problem =
            writeAtomically(*O.WriteBaseline, [&](llvm::raw_ostream &OS) {
              OS << llvm::formatv("{0:2}", toBaseline(Findings, Base)) << "\n";
            }))
      return fail(*Problem);
  BaselineMatch Matched;
  if (O.Baseline) {
    auto Doc = readJsonFile(*O.Baseline);
    if (!Doc)
      return fail("baseline: " + llvm::toString(Doc.takeError()));
    auto Known = readBaseline(*Doc);
    if (!Known)
      return fail("baseline " + *O.Baseline + ": " +
                  llvm::toString(Known.takeError()));
    Matched = subtractBaseline(Findings, *Known, Base);
    if (!O.Quiet)
      for (const std::string &FP : Matched.Gone)
        llvm::errs() << "kstidy: note: baseline finding " << FP << " is gone\n";
  }

  std::vector<Notice> Notices =
      collectNotices(Results, Base, O.ShowParseErrors);
  Report Written{Findings, Results, Run.Checks, Notices, Base, Cwd};
  auto Emit = [&](llvm::raw_ostream &OS) {
    writeReport(OS, O.Format, Written);
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
    llvm::errs() << "kstidy: baseline: " << Matched.Accepted
                 << " known findings not reported, " << Matched.Gone.size()
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
  if (!O.Quiet && Skipped < Results.size())
    printSummary(Findings, Results.size() - Skipped, TusWithErrors, Skipped);
  if (O.Stats)
    printStats(Results, Cache);
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

} // namespace

int runAnalysis(CliOptions &O, const WdkProfile &Profile) {
  if (auto Problem = loadConfiguration(O))
    return fail(*Problem);
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  if (auto Problem = openCompileDatabase(O, DB))
    return fail(*Problem);
  SourceChecks Checks;
  if (auto Problem = checkSources(O, Checks))
    return fail(*Problem);

  for (const std::string &Problem : Profile.problems())
    if (O.Analysis.Profile != WdkProfileMode::None)
      llvm::errs() << "kstidy: warning: " << Problem << "\n";

  O.Analysis.ResourceDir = KSTIDY_CLANG_RESOURCE_DIR;
  std::unique_ptr<ResultCache> Cache;
  if (!O.ListChecks) {
    auto Opened = openResultCache(O);
    if (!Opened)
      return fail(llvm::toString(Opened.takeError()));
    Cache = std::move(*Opened);
  }
  O.Analysis.RecordInputs = Cache != nullptr;
  auto A = Analyzer::create(*DB, O.Analysis, Profile);
  if (!A)
    return fail(llvm::toString(A.takeError()));
  if (O.ListChecks)
    return runListChecks(O, **A);

  llvm::SmallString<256> Cwd;
  // An unknown working directory leaves Cwd empty: paths are then reported
  // as the compile commands give them.
  (void)llvm::sys::fs::current_path(Cwd);
  RunOutput Run =
      analyzeAll(*DB, O, Profile, Checks, std::move(*A), Cwd, Cache.get());
  if (!Run.Error.empty())
    return fail(Run.Error);
  if (Cache)
    Cache->evict();
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

  llvm::json::Value Document = exportDocument(std::move(Run.Exported));
  if (O.Compare)
    return runCompare(O, Run.Findings, Document, Cwd);
  return report(O, Run, Document, Cwd, Cache.get());
}

} // namespace ks
