//===- Analyzer.cpp -------------------------------------------------------===//
#include "Analyzer.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;
using namespace clang::tooling;

namespace ks {

namespace {

/// Hands each TU to clang-tidy's consumer factory: the checks, their
/// matchers and PP callbacks exactly as clang-tidy itself sets them up.
class TidyActionFactory : public FrontendActionFactory {
public:
  TidyActionFactory(tidy::ClangTidyContext &Context,
                    IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS)
      : Consumers(Context, std::move(FS)) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Consumers);
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
    explicit Action(tidy::ClangTidyASTConsumerFactory &F) : Factory(F) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      return Factory.createASTConsumer(CI, File);
    }

  private:
    tidy::ClangTidyASTConsumerFactory &Factory;
  };
  tidy::ClangTidyASTConsumerFactory Consumers;
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

  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
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

  tidy::ClangTidyDiagnosticConsumer DiagConsumer(Ctx, nullptr,
                                                 /*RemoveIncompatibleErrors=*/true,
                                                 /*GetFixesFromNotes=*/false);
  DiagnosticsEngine DE(new DiagnosticIDs(), new DiagnosticOptions(),
                       &DiagConsumer, /*ShouldOwnClient=*/false);
  Ctx.setDiagnosticsEngine(&DE);
  Tool.setDiagnosticConsumer(&DiagConsumer);

  TidyActionFactory Factory(Ctx, FS);
  Tool.run(&Factory);

  for (Finding &F : toFindings(DiagConsumer.take())) {
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
