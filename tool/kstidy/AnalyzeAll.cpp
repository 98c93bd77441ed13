//===- AnalyzeAll.cpp - Every source of a run, several at a time ----------===//
//
// Workers take the next source from a shared counter; each writes its
// results into that source's slot, so the output order never depends on
// the scheduling.
//
//===----------------------------------------------------------------------===//
#include "AnalyzeAll.h"

#include "ModelExport.h"
#include "ResultCache.h"
#include "SharedPreamble.h"
#include "Version.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <chrono>
#include <fmt/format.h>
#include <mutex>
#include <thread>

using namespace clang::tooling;

namespace ks {

namespace {

/// The entry points of \p M that touch a caller-chosen address but test
/// the requestor mode: not judged, so said.
std::vector<BlindSpot> unjudgedEntries(const model::KsModel &M,
                                       clang::ASTContext &Ctx) {
  std::vector<BlindSpot> Out;
  const clang::SourceManager &SM = Ctx.getSourceManager();
  for (const model::RequestModel::UnjudgedEntry &E : M.ModeAwareEntries) {
    const clang::FunctionDecl *F = E.Function;
    clang::PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(F->getLocation()));
    BlindSpot B;
    B.Name = F->getQualifiedNameAsString();
    B.Kind = "entry point";
    if (P.isValid()) {
      B.Where.File = P.getFilename();
      B.Where.Line = P.getLine();
      B.Where.Column = P.getColumn();
    }
    B.Reason = E.Why;
    Out.push_back(std::move(B));
  }
  return Out;
}

/// The result cache's key of \p File (ResultCache.h): none when the source
/// cannot be read.
std::optional<std::string>
cacheKeyOf(ResultCache &Cache, Analyzer &A, const CompilationDatabase &DB,
           const CliOptions &O, const WdkProfile &Profile,
           const std::string &File, llvm::StringRef Cwd) {
  // kstidy itself: a rebuilt or reinstalled one may judge differently.
  static const std::optional<std::string> Executable = [&] {
    static int Anchor;
    return Cache.hashOf(llvm::sys::fs::getMainExecutable("kstidy", &Anchor));
  }();
  auto Source = Cache.hashOf(File);
  if (!Executable || !Source)
    return std::nullopt;
  std::vector<std::string> Parts = {"kstidy result cache",
                                    KSTIDY_VERSION,
                                    LLVM_VERSION_STRING,
                                    *Executable,
                                    Cwd.str(),
                                    File,
                                    *Source};
  for (const CompileCommand &C : DB.getCompileCommands(File)) {
    Parts.push_back(C.Directory);
    Parts.push_back(C.Filename);
    Parts.push_back(C.Output);
    Parts.push_back(llvm::join(C.CommandLine, std::string(1, '\0')));
  }
  const AnalysisOptions &An = O.Analysis;
  Parts.push_back(An.Checks);
  for (const std::optional<std::string> *Opt :
       {&An.ChecksOverride, &An.HeaderFilter, &An.ConfigOverride})
    Parts.push_back(*Opt ? "=" + **Opt : std::string("unset"));
  Parts.push_back(std::to_string(static_cast<int>(An.Profile)));
  Parts.push_back(llvm::join(An.ExtraArgs, std::string(1, '\0')));
  Parts.push_back(llvm::join(An.ExtraArgsBefore, std::string(1, '\0')));
  Parts.push_back(An.ResourceDir);
  Parts.push_back(llvm::join(Profile.flags(), std::string(1, '\0')));
  // clang reads these as include directories.
  for (const char *Var : {"CPATH", "C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH"}) {
    auto V = llvm::sys::Process::GetEnv(Var);
    Parts.push_back(V ? "=" + *V : std::string("unset"));
  }
  Parts.push_back(A.configurationFor(File));
  return cacheKey(Parts);
}

} // namespace

namespace {

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
    double Elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count();
    double Eta = Done ? Elapsed / Done * (Total - Done) : 0;
    llvm::errs() << fmt::format(
        "\r\x1b[Kkstidy: [{}/{}] {} so far, {:.0f}s "
        "elapsed, ETA {:.0f}s",
        Done, Total, plural(Findings, "finding", "findings"), Elapsed, Eta);
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

} // namespace

RunOutput analyzeAll(const CompilationDatabase &DB, const CliOptions &O,
                     const WdkProfile &Profile, const SourceChecks &Checks,
                     std::unique_ptr<Analyzer> First, llvm::StringRef Cwd,
                     ResultCache *Cache) {
  RunOutput Out;
  const size_t N = O.Sources.size();
  unsigned Jobs =
      O.Jobs
          ? O.Jobs
          : std::max(1u, llvm::hardware_concurrency().compute_thread_count());
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
  // One TU has nothing to share its preamble with.
  if (N > 1 && O.Analysis.SharedPreambles) {
    auto Store = std::make_shared<PreambleStore>(Jobs + 1,
                                                 O.Analysis.PreambleMinSharers);
    Store->expect(DB, O.Sources);
    for (auto &A : Analyzers)
      A->setPreambleStore(Store);
  }
  std::vector<std::vector<Finding>> PerTu(N);
  std::vector<TuResult> Results(N);
  std::vector<std::optional<llvm::json::Value>> Exports(N);
  const bool WantModel = O.ExportModel || O.Compare;
  // Whole-driver analysis (WholeDriver.h): with several TUs, each one
  // summarizes the handlers it defines for the tables of the others. A
  // cached TU keeps its summaries for a later run with more TUs.
  const bool WantFacts =
      (N > 1 || Cache) &&
      (llvm::is_contained(Out.Checks, "ks-property-min-size") ||
       llvm::is_contained(Out.Checks, "ks-parameter-allocator") ||
       llvm::is_contained(Out.Checks, "ks-descriptor-count"));
  std::vector<TuFacts> Facts(N);
  // Entry points ks-property-user-buffer did not judge, said as notices.
  const bool WantEntries =
      llvm::is_contained(Out.Checks, "ks-property-user-buffer");
  std::vector<std::vector<BlindSpot>> Entries(N);

  Progress Bar(N, !O.Quiet && llvm::sys::Process::StandardErrIsDisplayed());
  std::atomic<size_t> Next{0};
  auto Work = [&](Analyzer &A) {
    size_t Current = 0;
    if (WantModel || WantFacts || WantEntries)
      A.setModelSink([&](const model::KsModel &M, clang::ASTContext &Ctx) {
        if (WantEntries)
          Entries[Current] = unjudgedEntries(M, Ctx);
        if (WantModel)
          Exports[Current] =
              exportTranslationUnit(M, Ctx, O.Sources[Current], Cwd);
        if (WantFacts)
          Facts[Current] = {model::summarizeHandlers(M, Ctx),
                            model::handlerUses(M, Ctx),
                            model::summarizeParameterAllocators(M, Ctx),
                            model::summarizeArrays(Ctx)};
      });
    for (size_t I; (I = Next++) < N;) {
      Current = I;
      auto Check = Checks.find(O.Sources[I]);
      if (Check != Checks.end() && Check->second.Skip) {
        Results[I].File = O.Sources[I];
        Results[I].Skipped = Check->second.Skip;
      } else {
        std::optional<std::string> Key;
        std::optional<CachedTu> Hit;
        if (Cache) {
          Key = cacheKeyOf(*Cache, A, DB, O, Profile, O.Sources[I], Cwd);
          if (Key)
            Hit = Cache->lookup(*Key, WantModel);
        }
        if (Hit) {
          Results[I] = std::move(Hit->Result);
          PerTu[I] = std::move(Hit->Findings);
          if (WantModel)
            Exports[I] = std::move(Hit->Export);
          Facts[I] = std::move(Hit->Facts);
        } else {
          Results[I] = A.analyze(O.Sources[I], PerTu[I]);
          Results[I].UnjudgedEntries = std::move(Entries[I]);
          if (Key)
            Cache->store(*Key,
                         CachedTu{Results[I], PerTu[I], Exports[I], Facts[I]});
        }
        if (Check != Checks.end())
          Results[I].InputNotes = Check->second.Notes;
      }
      Bar.done(PerTu[I].size());
    }
  };
  if (Jobs == 1) {
    Work(*Analyzers.front());
  } else {
    // LLVM creates the lock and the registry of its statistics lazily, on
    // the first statistic a thread touches: two workers reaching their first
    // one together race on that creation (ThreadSanitizer saw it). Create
    // them here, before the workers start.
    (void)llvm::GetStatistics();
    std::vector<std::thread> Threads;
    Threads.reserve(Jobs);
    for (unsigned I = 0; I < Jobs; ++I)
      Threads.emplace_back(Work, std::ref(*Analyzers[I]));
    for (std::thread &T : Threads)
      T.join();
  }
  Bar.finish();
  // The join: each deferred entry against the summaries of every TU.
  std::vector<DeferredJudgement> Deferred;
  for (const TuResult &R : Results)
    Deferred.insert(Deferred.end(), R.Deferred.begin(), R.Deferred.end());
  JoinResult Joined = joinWholeDriver(Deferred, Facts);
  for (Finding &F : Joined.Findings)
    Out.Findings.push_back(std::move(F));
  if (!Joined.Unjudged.empty())
    for (TuResult &R : Results)
      if (!R.Deferred.empty()) {
        R.Unjudged = std::move(Joined.Unjudged); // said once for the run
        break;
      }
  for (size_t I = 0; I < N; ++I) {
    for (Finding &F : PerTu[I])
      Out.Findings.push_back(std::move(F));
    if (auto &E = Exports[I]; E.has_value())
      Out.Exported.push_back(std::move(*E));
  }
  Out.Results = std::move(Results);
  sortAndDeduplicate(Out.Findings);
  return Out;
}

} // namespace ks
