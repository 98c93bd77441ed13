//===- Analyzer.cpp -------------------------------------------------------===//
#include "Analyzer.h"

#include "CommandLine.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "model/ModelBuilder.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;
using namespace clang::tooling;

namespace ks {

namespace {

/// Restricts AST traversal (and so every matcher) to the top-level
/// declarations outside system headers. Runs before the checks' consumer.
class UserCodeScope : public ASTConsumer {
public:
  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    for (Decl *D : Group)
      Decls.push_back(D);
    return true;
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    const SourceManager &SM = Ctx.getSourceManager();
    std::vector<Decl *> Scope;
    for (Decl *D : Decls)
      if (!SM.isInSystemHeader(SM.getFileLoc(D->getLocation())))
        Scope.push_back(D);
    Ctx.setTraversalScope(Scope);
  }

private:
  std::vector<Decl *> Decls;
};

/// Hands each TU to clang-tidy's consumer factory: the checks, their
/// matchers and PP callbacks exactly as clang-tidy itself sets them up.
class TidyActionFactory : public FrontendActionFactory {
public:
  TidyActionFactory(tidy::ClangTidyContext &Context,
                    IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                    const ModelSink &OnModel)
      : Consumers(Context, std::move(FS)), OnModel(OnModel) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Consumers, OnModel);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHOps,
                     DiagnosticConsumer *Diags) override {
    // Code under `#ifdef __clang_analyzer__` is meant for analysis tools.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCHOps), Diags);
  }

private:
  class Action : public ASTFrontendAction {
  public:
    Action(tidy::ClangTidyASTConsumerFactory &F, const ModelSink &OnModel)
        : Factory(F), Builder(OnModel) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      std::vector<std::unique_ptr<ASTConsumer>> Consumers;
      // First: keep the matchers out of system (mingw, WDK) headers, where
      // no driver table lives and no finding is ever reported.
      Consumers.push_back(std::make_unique<UserCodeScope>());
      Consumers.push_back(Factory.createASTConsumer(CI, File));
      if (OnModelWanted()) {
        // --export-model: the model once more, for the exporter.
        Builder.registerMatchers(&Finder);
        Consumers.push_back(Finder.newASTConsumer());
      }
      return std::make_unique<MultiplexConsumer>(std::move(Consumers));
    }

  private:
    bool OnModelWanted() const { return Builder.hasCompletionHandler(); }
    tidy::ClangTidyASTConsumerFactory &Factory;
    ks::model::ModelBuilder Builder;
    ast_matchers::MatchFinder Finder;
  };
  tidy::ClangTidyASTConsumerFactory Consumers;
  const ModelSink &OnModel;
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
    : DB(DB), Options(std::move(O)), Profile(std::move(P)) {}

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

  tidy::ClangTidyOptions Overrides;
  if (O.ConfigOverride) {
    auto Parsed = tidy::parseConfiguration(
        llvm::MemoryBufferRef(*O.ConfigOverride, "--config"));
    if (!Parsed)
      return llvm::createStringError(
          Parsed.getError(), "invalid --config: %s",
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
      tidy::ClangTidyGlobalOptions(), std::move(Defaults),
      std::move(Overrides), llvm::vfs::getRealFileSystem());
  A->Context = std::make_unique<tidy::ClangTidyContext>(std::move(Provider));
  // One diagnostics engine for every TU: the context maps the custom
  // diagnostic ids the checks create to check names, and ids from a fresh
  // engine per TU would be attributed to the checks of the previous one.
  A->DiagConsumer = std::make_unique<tidy::ClangTidyDiagnosticConsumer>(
      *A->Context, nullptr, /*RemoveIncompatibleErrors=*/true,
      /*GetFixesFromNotes=*/false);
  A->DiagEngine = std::make_unique<DiagnosticsEngine>(
      new DiagnosticIDs(), new DiagnosticOptions(), A->DiagConsumer.get(),
      /*ShouldOwnClient=*/false);
  A->Context->setDiagnosticsEngine(A->DiagEngine.get());
  return std::move(A);
}

std::vector<std::string> Analyzer::enabledChecks(StringRef File) {
  Context->setCurrentFile(File);
  tidy::ClangTidyASTConsumerFactory Factory(*Context);
  return Factory.getCheckNames();
}

TuResult Analyzer::analyze(StringRef File, std::vector<Finding> &Findings) {
  TuResult Result;
  Result.File = std::string(File);

  // ClangTool moves the file system into each command's directory and back.
  // The shared real file system would do that with a process-wide chdir,
  // under the feet of the other workers' parses (-j): this one keeps a
  // working directory of its own.
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
          llvm::vfs::createPhysicalFileSystem().release()));
  ClangTool Tool(DB, {std::string(File)},
                 std::make_shared<PCHContainerOperations>(), FS);
  // kstidy reports parse errors itself, counted per TU.
  Tool.setPrintErrorMessage(false);

  tidy::ClangTidyContext &Ctx = *Context;
  Tool.appendArgumentsAdjuster(
      [this, &Ctx, &Result](const CommandLineArguments &Args,
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
        if (Opts.ExtraArgs)
          Adjusted.insert(Adjusted.end(), Opts.ExtraArgs->begin(),
                          Opts.ExtraArgs->end());
        Adjusted.insert(Adjusted.end(), Options.ExtraArgs.begin(),
                        Options.ExtraArgs.end());
        // Count every error, not the first 20; no "N warnings generated."
        Adjusted.insert(AfterCompiler(), "-ferror-limit=0");
        Adjusted.insert(AfterCompiler(), "-fno-caret-diagnostics");
        if (!Options.ResourceDir.empty() &&
            !hasFlag(Adjusted, "-resource-dir"))
          Adjusted.insert(AfterCompiler(),
                          "-resource-dir=" + Options.ResourceDir);
        return Adjusted;
      });
  Tool.appendArgumentsAdjuster(getStripPluginsAdjuster());

  Tool.setDiagnosticConsumer(DiagConsumer.get());

  TidyActionFactory Factory(Ctx, FS, OnModel);
  Tool.run(&Factory);

  for (Finding &F : toFindings(DiagConsumer->take())) {
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
