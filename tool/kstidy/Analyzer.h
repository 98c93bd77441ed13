//===- Analyzer.h - Runs the clang-tidy engine over translation units -----===//
//
// kstidy is clang-tidy's own engine (options providers, .clang-tidy files,
// CheckOptions, NOLINT) driven per translation unit, so that each TU's
// compile errors can be counted and analysis goes on over what parsed.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_ANALYZER_H
#define KSTIDY_TOOL_ANALYZER_H

#include "Findings.h"
#include "WdkProfile.h"
#include "WholeDriver.h"
#include "model/ModelBuilder.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class DiagnosticsEngine;
namespace tidy {
class ClangTidyContext;
class ClangTidyDiagnosticConsumer;
} // namespace tidy
} // namespace clang

namespace ks {

class DirectoryListingCache;
class PreambleStore;

/// Receives the KS model of each analyzed TU (for --export-model).
using ModelSink = model::ModelBuilder::CompletionHandler;

struct AnalysisOptions {
  std::string Checks = "-*,ks-*"; ///< default, before .clang-tidy files
  std::optional<std::string> ChecksOverride; ///< --checks
  std::optional<std::string> HeaderFilter;   ///< --header-filter
  std::optional<std::string> ConfigOverride; ///< --config (YAML)
  WdkProfileMode Profile = WdkProfileMode::Auto;
  std::vector<std::string> ExtraArgs;       ///< appended to every command
  std::vector<std::string> ExtraArgsBefore; ///< inserted after the compiler
  std::string ResourceDir;                  ///< clang's builtin headers
  /// TUs of one run with the same preamble share it (SharedPreamble.h);
  /// off: --no-shared-preambles.
  bool SharedPreambles = true;
  /// ... among at least this many (--share-preambles-from).
  unsigned PreambleMinSharers = 4;
  /// Record the files each TU reads (TuResult::Inputs), for the result
  /// cache.
  bool RecordInputs = false;
};

/// An `#include` whose header was found nowhere. clang stops a TU at the
/// first one; kstidy goes on without the header and says so once per header.
struct MissingInclude {
  std::string Header; ///< as spelled in the directive
  std::string From;   ///< the file holding the directive (absolute)
  unsigned Line = 0;
};

/// A table in user code that the model could not analyse (its declaration
/// or initializer has compile errors): a blind spot, never "clean".
struct BlindSpot {
  std::string Name;
  std::string Kind;
  Location Where;
  std::string Reason;
  /// In code the preprocessor skipped (an #if this build leaves out).
  bool Disabled = false;
};

/// What happened to one translation unit.
struct TuResult {
  std::string File;
  bool ProfileApplied = false;
  bool ConvertedCl = false; ///< a cl.exe/clang-cl command, rewritten
  bool DroppedPch = false;  ///< precompiled-header flags dropped
  /// Compile-command flags that would have written files, dropped.
  std::vector<std::string> DroppedWriters;
  unsigned Errors = 0;
  std::vector<Finding> CompileErrors; ///< kept for --show-parse-errors
  std::vector<MissingInclude> MissingIncludes;
  /// C++ declarations without a type, read as int (MSVC: C4430, int assumed).
  unsigned MsvcDefaultInt = 0;
  std::vector<BlindSpot> BlindSpots;
  /// The tables user code defines in compiled code (analysed or not).
  std::vector<std::string> Tables;
  /// Not analysed at all (not a source file, unreadable): why.
  std::optional<std::string> Skipped;
  /// How the source was read where that differs from a plain C/C++ file
  /// (e.g. NUL bytes read as whitespace, as MSVC does).
  std::vector<std::string> InputNotes;
  /// Entries whose handlers have no body in this TU, for the whole-driver
  /// join (WholeDriver.h); after it, the handlers no TU of the run defined.
  std::vector<DeferredJudgement> Deferred;
  /// The same as the check wrote them (readDeferred's input), for the
  /// result cache.
  std::vector<Finding> DeferredMarkers;
  std::vector<UnjudgedHandler> Unjudged;
  /// Entry points that touch an address the caller chose but were not
  /// judged by ks-property-user-buffer (they test the requestor mode).
  std::vector<BlindSpot> UnjudgedEntries;
  /// How the TU's leading #include block was parsed (SharedPreamble.h);
  /// Cached: not parsed at all, replayed from the result cache.
  enum class PreambleUse {
    Parsed,
    Built,
    Reused,
    Cached
  } Preamble = PreambleUse::Parsed;
  /// Every file the TU read, absolute (with AnalysisOptions::RecordInputs).
  std::vector<std::string> Inputs;
};

class Analyzer {
public:
  Analyzer(const clang::tooling::CompilationDatabase &DB,
           AnalysisOptions Options, WdkProfile Profile);
  ~Analyzer();

  /// Fails with a one-line message when the configuration is unusable
  /// (malformed --config or .clang-tidy given explicitly).
  static llvm::Expected<std::unique_ptr<Analyzer>>
  create(const clang::tooling::CompilationDatabase &DB, AnalysisOptions O,
         WdkProfile Profile);

  /// Analyzes one TU, appending its findings. Every text of the result is
  /// valid UTF-8: names and reasons taken from the source (skipped code, a
  /// comment that swallowed a line) are repaired, since the JSON and SARIF
  /// writers accept nothing else.
  TuResult analyze(llvm::StringRef File, std::vector<Finding> &Findings);

  /// Asks for the KS model of every TU analyzed from now on.
  void setModelSink(ModelSink Sink) { OnModel = std::move(Sink); }

  /// Shares preambles with the other analyzers of the run through \p S.
  void setPreambleStore(std::shared_ptr<PreambleStore> S) {
    Preambles = std::move(S);
  }

  /// Enabled check names for \p File's configuration.
  std::vector<std::string> enabledChecks(llvm::StringRef File);

  /// \p File's whole configuration (.clang-tidy files, --config, --checks
  /// and the defaults merged), as YAML: part of the result cache's key.
  std::string configurationFor(llvm::StringRef File);

private:
  TuResult analyzeAsRead(llvm::StringRef File, std::vector<Finding> &Findings);

  const clang::tooling::CompilationDatabase &DB;
  AnalysisOptions Options;
  WdkProfile Profile;
  std::unique_ptr<clang::tidy::ClangTidyContext> Context;
  std::unique_ptr<clang::tidy::ClangTidyDiagnosticConsumer> DiagConsumer;
  std::unique_ptr<clang::DiagnosticsEngine> DiagEngine;
  ModelSink OnModel;
  /// Directory listings for Windows-style lookups, shared by all analyzers.
  std::shared_ptr<DirectoryListingCache> Listings;
  std::shared_ptr<PreambleStore> Preambles;
};

} // namespace ks

#endif
