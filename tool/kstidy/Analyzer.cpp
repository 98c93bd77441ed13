//===- Analyzer.cpp -------------------------------------------------------===//
#include "Analyzer.h"

#include "CommandLine.h"
#include "DisabledCode.h"
#include "InputRecorder.h"
#include "SafeIO.h"
#include "SharedPreamble.h"
#include "WindowsPathFileSystem.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "model/BlindSpots.h"
#include "model/ModelBuilder.h"
#include "model/SharedModel.h"
#include "model/TopLevelDecls.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExternalASTSource.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;
using namespace clang::tooling;

namespace ks {

namespace {

/// Restricts AST traversal (and so every matcher) to the top-level
/// declarations outside system headers, and gives the model the same ones
/// (model/TopLevelDecls.h). Runs before the checks' consumer.
class UserCodeScope : public ASTConsumer {
public:
  /// \p PreambleUserFiles: the driver's headers in the TU's shared
  /// preamble, if it loads one.
  explicit UserCodeScope(const std::vector<std::string> *PreambleUserFiles)
      : PreambleUserFiles(PreambleUserFiles) {}
  void Initialize(ASTContext &Ctx) override { SM = &Ctx.getSourceManager(); }
  /// With SkipFunctionBodies: only the bodies in system headers.
  bool shouldSkipFunctionBody(Decl *D) override {
    return SM && skipsFunctionBody(*SM, D);
  }
  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    for (Decl *D : Group)
      Decls.push_back(D);
    return true;
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    const SourceManager &SM = Ctx.getSourceManager();
    // From a shared preamble (SharedPreamble.h), the declarations of the
    // driver's headers it parsed: they come first, as they would have been
    // parsed.
    std::vector<Decl *> Scope = preambleDecls(Ctx);
    for (Decl *D : Decls)
      if (!SM.isInSystemHeader(SM.getFileLoc(D->getLocation())))
        Scope.push_back(D);
    Ctx.setTraversalScope(Scope);
    Registered.emplace(Ctx, std::move(Scope));
  }

private:
  /// The preamble's top-level declarations outside system headers, in
  /// their order in the TU, read back from the driver's own headers alone:
  /// reading every declaration of the preamble (all of the WDK's) back
  /// would cost a third of the TU.
  std::vector<Decl *> preambleDecls(ASTContext &Ctx) const {
    std::vector<Decl *> Out;
    ExternalASTSource *Ext = Ctx.getExternalSource();
    if (!Ext || !PreambleUserFiles)
      return Out;
    SourceManager &SM = Ctx.getSourceManager();
    llvm::DenseSet<const Decl *> Seen;
    for (const std::string &Name : *PreambleUserFiles) {
      OptionalFileEntryRef File = SM.getFileManager().getOptionalFileRef(Name);
      if (!File)
        continue;
      FileID Id = SM.translateFile(*File);
      if (Id.isInvalid())
        continue;
      llvm::SmallVector<Decl *, 64> Found;
      Ext->FindFileRegionDecls(Id, 0, SM.getFileIDSize(Id), Found);
      for (Decl *D : Found)
        if (D->getLexicalDeclContext()->isTranslationUnit() &&
            !isTemplatePattern(D) &&
            !SM.isInSystemHeader(SM.getFileLoc(D->getLocation())) &&
            Seen.insert(D).second)
          Out.push_back(D);
    }
    std::stable_sort(Out.begin(), Out.end(), [&](Decl *A, Decl *B) {
      return SM.isBeforeInTranslationUnit(SM.getFileLoc(A->getLocation()),
                                          SM.getFileLoc(B->getLocation()));
    });
    return Out;
  }
  /// The function, class, variable or alias a template declares: a member
  /// of the template, not of the translation unit.
  static bool isTemplatePattern(const Decl *D) {
    if (const auto *F = dyn_cast<FunctionDecl>(D))
      return F->getDescribedFunctionTemplate();
    if (const auto *R = dyn_cast<CXXRecordDecl>(D))
      return R->getDescribedClassTemplate();
    if (const auto *V = dyn_cast<VarDecl>(D))
      return V->getDescribedVarTemplate();
    if (const auto *A = dyn_cast<TypeAliasDecl>(D))
      return A->getDescribedAliasTemplate();
    return false;
  }

  const std::vector<std::string> *PreambleUserFiles;
  std::vector<Decl *> Decls;
  const SourceManager *SM = nullptr;
  std::optional<model::UserTopLevelDecls> Registered;
};

/// After the checks: the tables of a TU with compile errors that the model
/// could not analyse, so that "not looked at" never reads as "clean".
class BlindSpotCollector : public ASTConsumer {
public:
  BlindSpotCollector(std::vector<BlindSpot> &Out,
                     std::vector<std::string> &Tables)
      : Out(Out), Tables(Tables) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    // What compiled: a table skipped in one TU may be compiled in another.
    Tables = model::compiledTableNames(Ctx);
    if (!Ctx.getDiagnostics().hasErrorOccurred())
      return;
    for (model::UnanalysedTable &T : model::findUnanalysedTables(Ctx)) {
      BlindSpot B;
      B.Name = std::move(T.Name);
      B.Kind = std::move(T.Kind);
      B.Where.File = std::move(T.File);
      B.Where.Line = T.Line;
      B.Where.Column = T.Column;
      B.Reason = std::move(T.Reason);
      Out.push_back(std::move(B));
    }
  }

private:
  std::vector<BlindSpot> &Out;
  std::vector<std::string> &Tables;
};

/// Records each `#include` that found no header. The diagnostic itself is
/// still reported (as an error, no longer fatal: see Action).
class MissingIncludeRecorder : public PPCallbacks {
public:
  MissingIncludeRecorder(const SourceManager &SM,
                         std::vector<MissingInclude> &Out)
      : SM(SM), Out(Out) {}
  void InclusionDirective(SourceLocation HashLoc, const Token &,
                          StringRef FileName, bool, CharSourceRange,
                          OptionalFileEntryRef File, StringRef, StringRef,
                          const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    if (File)
      return;
    PresumedLoc P = SM.getPresumedLoc(HashLoc);
    MissingInclude M;
    M.Header = utf8(FileName);
    if (P.isValid()) {
      M.From = P.getFilename();
      M.Line = P.getLine();
    }
    Out.push_back(std::move(M));
  }

private:
  const SourceManager &SM;
  std::vector<MissingInclude> &Out;
};

/// Passes every diagnostic on to clang-tidy's consumer but the errors MSVC
/// accepts and clang cannot be told to: C++ declarations without a type
/// (`const DebugLevel = 1;`), which MSVC reads as int (C4430, "int
/// assumed", a warning drivers can turn off). clang recovers the
/// same way (an int declaration, marked invalid so no check reads it); the
/// TU is not counted as broken for it, and kstidy says how many it met.
class MsvcToleranceConsumer : public DiagnosticConsumer {
public:
  MsvcToleranceConsumer(DiagnosticConsumer &Next, TuResult &Result)
      : Next(Next), Result(Result) {}

  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    CPlusPlus = LO.CPlusPlus;
    Next.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Next.EndSourceFile(); }
  void finish() override { Next.finish(); }
  void clear() override {
    DiagnosticConsumer::clear();
    Next.clear();
  }
  bool IncludeInDiagnosticCounts() const override {
    return Next.IncludeInDiagnosticCounts();
  }

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    if (Level == DiagnosticsEngine::Note) {
      if (!Swallowing)
        Next.HandleDiagnostic(Level, Info);
      return;
    }
    Swallowing = CPlusPlus && Level == DiagnosticsEngine::Error &&
                 Info.getID() == diag::err_missing_type_specifier;
    if (Swallowing) {
      ++Result.MsvcDefaultInt;
      return;
    }
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    Next.HandleDiagnostic(Level, Info);
  }

private:
  DiagnosticConsumer &Next;
  TuResult &Result;
  bool CPlusPlus = false;
  bool Swallowing = false;
};

/// Hands each TU to clang-tidy's consumer factory: the checks, their
/// matchers and PP callbacks exactly as clang-tidy itself sets them up.
class TidyActionFactory : public FrontendActionFactory {
public:
  TidyActionFactory(tidy::ClangTidyContext &Context,
                    IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                    const ModelSink &OnModel, TuResult &Result,
                    PreambleStore *Preambles, bool WarningsReported,
                    bool RecordInputs)
      : Consumers(Context, std::move(FS)), OnModel(OnModel), Result(Result),
        Preambles(Preambles), WarningsReported(WarningsReported),
        RecordInputs(RecordInputs) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Consumers, OnModel, Result, Preamble,
                                    RecordInputs);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHOps,
                     DiagnosticConsumer *Diags) override {
    // Code under `#ifdef __clang_analyzer__` is meant for analysis tools.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    // The bodies of inline functions in system (mingw, WDK) headers are
    // skipped, as clangd skips them in preambles: no table or handler
    // lives there and no check looks inside them (UserCodeScope decides
    // per function; constexpr ones are parsed anyway). A third of the
    // parse, on the example drivers.
    Invocation->getFrontendOpts().SkipFunctionBodies = true;
    if (Preambles) {
      IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS(
          &Files->getVirtualFileSystem());
      if (auto Request = Preambles->describe(*Invocation, *FS)) {
        bool Built = false;
        std::shared_ptr<const SharedPreamble> P =
            Preambles->get(*Request, *Invocation, FS, PCHOps, Built);
        // Its warnings would be lost to the TUs that use it.
        if (P && (!P->Warnings || !WarningsReported)) {
          Result.Preamble = Built ? TuResult::PreambleUse::Built
                                  : TuResult::PreambleUse::Reused;
          Preamble = P.get();
          if (RecordInputs)
            Result.Inputs.insert(Result.Inputs.end(), P->Inputs.begin(),
                                 P->Inputs.end());
          Invocation->getPreprocessorOpts().RetainRemappedFileBuffers = true;
          // The preamble was built from another file whose leading
          // directives are the same tokens: this file's own are skipped.
          P->Preamble.AddImplicitPreamble(*Invocation, FS,
                                          Request->MainFile.get());
          Invocation->getPreprocessorOpts().PrecompiledPreambleBytes = {
              Request->Bounds.Size, Request->Bounds.PreambleEndsAtStartOfLine};
          auto WithPch = llvm::makeIntrusiveRefCnt<FileManager>(
              Files->getFileSystemOpts(), std::move(FS));
          bool Ok = FrontendActionFactory::runInvocation(
              std::move(Invocation), WithPch.get(), std::move(PCHOps), Diags);
          Preamble = nullptr;
          return Ok;
        }
      }
    }
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCHOps), Diags);
  }

private:
  class Action : public ASTFrontendAction {
  public:
    Action(tidy::ClangTidyASTConsumerFactory &F, const ModelSink &OnModel,
           TuResult &Result, const SharedPreamble *Preamble, bool RecordInputs)
        : Factory(F), OnModel(OnModel), Builder(OnModel), Result(Result),
          Preamble(Preamble), RecordInputs(RecordInputs) {}

    bool BeginSourceFileAction(CompilerInstance &CI) override {
      // A header that is not found is fatal by default: clang would drop
      // the rest of the TU, and with it every table after the #include.
      // As an error the TU goes on and the checks see what did parse.
      CI.getDiagnostics().setSeverity(diag::err_pp_file_not_found,
                                      diag::Severity::Error, SourceLocation());
      CI.getPreprocessor().addPPCallbacks(
          std::make_unique<MissingIncludeRecorder>(CI.getSourceManager(),
                                                   Result.MissingIncludes));
      // Tables in #if blocks this build skips are never parsed: named.
      auto Disabled = std::make_unique<DisabledTableRecorder>(
          CI.getPreprocessor(), Result.BlindSpots);
      if (Preamble)
        Disabled->adoptPreamble(Preamble->DisabledTables);
      CI.getPreprocessor().addPPCallbacks(std::move(Disabled));
      // For the result cache: what this TU read.
      if (RecordInputs)
        CI.getPreprocessor().addPPCallbacks(std::make_unique<InputRecorder>(
            CI.getSourceManager(), Result.Inputs));
      return true;
    }
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      std::vector<std::unique_ptr<ASTConsumer>> Consumers;
      // First: keep the matchers out of system (mingw, WDK) headers, where
      // no driver table lives and no finding is ever reported.
      Consumers.push_back(std::make_unique<UserCodeScope>(
          Preamble ? &Preamble->UserFiles : nullptr));
      {
        // --export-model: the exporter reads the model the checks build;
        // only when no ks check is enabled is it built for the exporter.
        std::optional<model::SharedModel::Observer> Export;
        if (OnModel)
          Export.emplace(OnModel);
        Consumers.push_back(Factory.createASTConsumer(CI, File));
        if (Export && !Export->attached()) {
          Builder.registerMatchers(&Finder);
          Consumers.push_back(Finder.newASTConsumer());
        }
      }
      Consumers.push_back(std::make_unique<BlindSpotCollector>(
          Result.BlindSpots, Result.Tables));
      return std::make_unique<MultiplexConsumer>(std::move(Consumers));
    }

  private:
    tidy::ClangTidyASTConsumerFactory &Factory;
    const ModelSink &OnModel;
    ks::model::ModelBuilder Builder;
    ast_matchers::MatchFinder Finder;
    TuResult &Result;
    const SharedPreamble *Preamble;
    const bool RecordInputs;
  };
  tidy::ClangTidyASTConsumerFactory Consumers;
  const ModelSink &OnModel;
  TuResult &Result;
  PreambleStore *Preambles;
  const bool WarningsReported;
  const bool RecordInputs;
  /// The shared preamble of the action being run, if it loads one.
  const SharedPreamble *Preamble = nullptr;
};

bool hasFlag(const CommandLineArguments &Args, StringRef Prefix) {
  for (const std::string &A : Args)
    if (StringRef(A).starts_with(Prefix))
      return true;
  return false;
}

} // namespace

Analyzer::Analyzer(const CompilationDatabase &DB, AnalysisOptions O,
                   WdkProfile P)
    : DB(DB), Options(std::move(O)), Profile(std::move(P)) {
  // One cache per process: every worker reads the same directories.
  static auto Shared = std::make_shared<DirectoryListingCache>();
  Listings = Shared;
}

Analyzer::~Analyzer() = default;

llvm::Expected<std::unique_ptr<Analyzer>>
Analyzer::create(const CompilationDatabase &DB, AnalysisOptions O,
                 WdkProfile Profile) {
  tidy::ClangTidyOptions Defaults = tidy::ClangTidyOptions::getDefaults();
  Defaults.Checks = O.Checks;
  // Driver tables live in headers as often as in .cpp files; system (mingw,
  // WDK) headers stay excluded through SystemHeaders=false.
  Defaults.HeaderFilterRegex = ".*";
  Defaults.SystemHeaders = false;
  // ks-property-min-size hands entries whose handler is defined in another
  // TU to the whole-driver join (WholeDriver.h) instead of dropping them.
  Defaults.CheckOptions["KsWholeDriver"] =
      tidy::ClangTidyOptions::ClangTidyValue("true");

  tidy::ClangTidyOptions Overrides;
  if (O.ConfigOverride) {
    auto Parsed = tidy::parseConfiguration(
        llvm::MemoryBufferRef(*O.ConfigOverride, "--config"));
    if (!Parsed)
      return llvm::createStringError(Parsed.getError(), "invalid --config: %s",
                                     Parsed.getError().message().c_str());
    Overrides = std::move(*Parsed);
  }
  if (O.ChecksOverride)
    Overrides.Checks = *O.ChecksOverride;
  if (O.HeaderFilter)
    Overrides.HeaderFilterRegex = *O.HeaderFilter;

  auto A = std::unique_ptr<Analyzer>(
      new Analyzer(DB, std::move(O), std::move(Profile)));
  auto Provider = std::make_unique<tidy::FileOptionsProvider>(
      tidy::ClangTidyGlobalOptions(), std::move(Defaults), std::move(Overrides),
      llvm::vfs::getRealFileSystem());
  A->Context = std::make_unique<tidy::ClangTidyContext>(std::move(Provider));
  // One diagnostics engine for every TU: the context maps the custom
  // diagnostic ids the checks create to check names, and ids from a fresh
  // engine per TU would be attributed to the checks of the previous one.
  A->DiagConsumer = std::make_unique<tidy::ClangTidyDiagnosticConsumer>(
      *A->Context, nullptr, /*RemoveIncompatibleErrors=*/true,
      /*GetFixesFromNotes=*/false);
#if CLANG_VERSION_MAJOR >= 22
  // The context owns the options the engine refers to.
  auto DiagOpts = std::make_unique<DiagnosticOptions>();
  A->DiagEngine = std::make_unique<DiagnosticsEngine>(
      new DiagnosticIDs(), *DiagOpts, A->DiagConsumer.get(),
      /*ShouldOwnClient=*/false);
  A->Context->setDiagnosticsEngine(std::move(DiagOpts), A->DiagEngine.get());
#else
  A->DiagEngine = std::make_unique<DiagnosticsEngine>(
      new DiagnosticIDs(), new DiagnosticOptions(), A->DiagConsumer.get(),
      /*ShouldOwnClient=*/false);
  A->Context->setDiagnosticsEngine(A->DiagEngine.get());
#endif
  return std::move(A);
}

std::string Analyzer::configurationFor(StringRef File) {
  return tidy::configurationAsText(Context->getOptionsForFile(File));
}

std::vector<std::string> Analyzer::enabledChecks(StringRef File) {
  Context->setCurrentFile(File);
  tidy::ClangTidyASTConsumerFactory Factory(*Context);
  return Factory.getCheckNames();
}

namespace {

/// Repairs the texts of \p R that come from the input's bytes.
void keepUtf8(TuResult &R) {
  auto Fix = [](std::string &S) { S = utf8(S); };
  auto FixSpots = [&](std::vector<BlindSpot> &Spots) {
    for (BlindSpot &B : Spots) {
      Fix(B.Name);
      Fix(B.Kind);
      Fix(B.Reason);
      Fix(B.Where.File);
    }
  };
  Fix(R.File);
  FixSpots(R.BlindSpots);
  FixSpots(R.UnjudgedEntries);
  for (MissingInclude &M : R.MissingIncludes) {
    Fix(M.Header);
    Fix(M.From);
  }
  if (R.Skipped)
    Fix(*R.Skipped);
  for (auto *List : {&R.Tables, &R.InputNotes, &R.DroppedWriters})
    for (std::string &S : *List)
      Fix(S);
}

} // namespace

TuResult Analyzer::analyze(StringRef File, std::vector<Finding> &Findings) {
  TuResult Result = analyzeAsRead(File, Findings);
  keepUtf8(Result);
  return Result;
}

TuResult Analyzer::analyzeAsRead(StringRef File,
                                 std::vector<Finding> &Findings) {
  TuResult Result;
  Result.File = std::string(File);

  // ClangTool moves into each command's directory and gives up the whole
  // process when it cannot (a database from another machine): such a TU is
  // reported and skipped, the others go on.
  for (const CompileCommand &C : DB.getCompileCommands(File))
    if (!llvm::sys::fs::is_directory(C.Directory)) {
      Result.Skipped = "its compile command's directory \"" + C.Directory +
                       "\" does not exist here (a database from another "
                       "machine?)";
      return Result;
    }

  // ClangTool moves the file system into each command's directory and back.
  // The shared real file system would do that with a process-wide chdir,
  // under the feet of the other workers' parses (-j): this one keeps a
  // working directory of its own.
  // Over it, NTFS's lookup rules (case-insensitive names, backslashes).
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::makeIntrusiveRefCnt<WindowsPathFileSystem>(
          llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
              llvm::vfs::createPhysicalFileSystem().release()),
          Listings));
  // Visual Studio saves some sources as UTF-16, which clang does not read:
  // such a main file is read through its UTF-8 transcoding, in memory.
  if (auto Head = llvm::MemoryBuffer::getFileSlice(File, 2, 0);
      Head && isUtf16((*Head)->getBuffer())) {
    auto Utf8 = readSourceText(File);
    if (!Utf8) {
      Result.Skipped = "UTF-16 byte order mark, but not valid UTF-16";
      return Result;
    }
    auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
    Memory->addFile(File, 0, std::move(Utf8));
    FS->pushOverlay(Memory);
  }
  ClangTool Tool(DB, {std::string(File)},
                 std::make_shared<PCHContainerOperations>(), FS);
  // kstidy reports parse errors itself, counted per TU.
  Tool.setPrintErrorMessage(false);

  tidy::ClangTidyContext &Ctx = *Context;
  Tool.appendArgumentsAdjuster([this, &Ctx,
                                &Result](const CommandLineArguments &Args,
                                         StringRef Filename) {
    CommandLineArguments Adjusted = Args;
    tidy::ClangTidyOptions Opts = Ctx.getOptionsForFile(Filename);
    auto AfterCompiler = [&Adjusted] {
      return Adjusted.empty() ? Adjusted.end() : Adjusted.begin() + 1;
    };
    if (Opts.ExtraArgsBefore)
      Adjusted.insert(AfterCompiler(), Opts.ExtraArgsBefore->begin(),
                      Opts.ExtraArgsBefore->end());
    Adjusted.insert(AfterCompiler(), Options.ExtraArgsBefore.begin(),
                    Options.ExtraArgsBefore.end());
    CommandCleanup Cleanup = normalizeCommand(Adjusted);
    Result.ConvertedCl = Cleanup.ConvertedCl;
    Result.DroppedPch = Cleanup.DroppedPch;
    Result.ProfileApplied = Profile.apply(Adjusted, Options.Profile);
    // Options go before a "--" that ends them: a command the database
    // interpolated for a source it does not list ends "-- file.cpp", and
    // what follows "--" is read as file names.
    auto OptionsEnd = [&Adjusted] {
      return std::find(Adjusted.begin(), Adjusted.end(), "--");
    };
    if (Opts.ExtraArgs)
      Adjusted.insert(OptionsEnd(), Opts.ExtraArgs->begin(),
                      Opts.ExtraArgs->end());
    Adjusted.insert(OptionsEnd(), Options.ExtraArgs.begin(),
                    Options.ExtraArgs.end());
    // Count every error, not the first 20; no "N warnings generated."
    Adjusted.insert(AfterCompiler(), "-ferror-limit=0");
    // An unknown identifier stays unknown: typo correction would put a
    // similar declared one in its place (KSPROPERTY_PIN_PROPOSEDATAFORMAT2
    // read as ..._PROPOSEDATAFORMAT), and the checks would judge a guess.
    Adjusted.insert(OptionsEnd(), "-fno-spell-checking");
    Adjusted.insert(AfterCompiler(), "-fno-caret-diagnostics");
    if (!Options.ResourceDir.empty() && !hasFlag(Adjusted, "-resource-dir"))
      Adjusted.insert(AfterCompiler(), "-resource-dir=" + Options.ResourceDir);
    // kstidy reads; nothing in a compile command makes it write.
    Result.DroppedWriters = dropFileWritingFlags(Adjusted);
    return Adjusted;
  });
  Tool.appendArgumentsAdjuster(getStripPluginsAdjuster());

  MsvcToleranceConsumer Tolerance(*DiagConsumer, Result);
  Tool.setDiagnosticConsumer(&Tolerance);

  // Compiler warnings become findings only when a clang-diagnostic-* glob
  // enables them.
  bool WarningsReported =
      StringRef(Ctx.getOptionsForFile(File).Checks.value_or(""))
          .contains("clang-diagnostic-");
  TidyActionFactory Factory(Ctx, FS, OnModel, Result,
                            Options.SharedPreambles ? Preambles.get() : nullptr,
                            WarningsReported, Options.RecordInputs);
  Tool.run(&Factory);

  for (Finding &F : toFindings(DiagConsumer->take())) {
    if (auto Deferred = readDeferred(F)) {
      // Only the check writes these; one it could not have meant is not
      // the input's fault, and not a finding either.
      if (*Deferred) {
        Result.Deferred.push_back(std::move(**Deferred));
        if (Options.RecordInputs)
          Result.DeferredMarkers.push_back(std::move(F));
      } else {
        llvm::consumeError(Deferred->takeError());
      }
      continue;
    }
    bool Compiler = StringRef(F.Check).starts_with("clang-diagnostic-");
    if (F.IsError && Compiler) {
      ++Result.Errors;
      Result.CompileErrors.push_back(std::move(F));
    } else if (!Compiler || !F.IsError) {
      Findings.push_back(std::move(F));
    }
  }
  return Result;
}

} // namespace ks
