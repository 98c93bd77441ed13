//===- SharedPreamble.cpp -------------------------------------------------===//
#include "SharedPreamble.h"

#include "DisabledCode.h"
#include "InputRecorder.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Lex/Lexer.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;

namespace ks {

namespace {

/// The skipped #if blocks of the preamble and the files it read, recorded
/// as its build goes.
class BuildCallbacks : public PreambleCallbacks {
public:
  BuildCallbacks(std::vector<BlindSpot> &Out, std::vector<std::string> &Inputs,
                 std::vector<std::string> &UserFiles)
      : Out(Out), Inputs(Inputs), UserFiles(UserFiles) {}
  void BeforeExecute(CompilerInstance &CI) override {
    PP = &CI.getPreprocessor();
  }
  /// As the TU (Analyzer.cpp's UserCodeScope): the bodies of functions in
  /// system headers are skipped, the driver's own headers' kept.
  bool shouldSkipFunctionBody(Decl *D) override {
    return skipsFunctionBody(PP->getSourceManager(), D);
  }
  std::unique_ptr<PPCallbacks> createPPCallbacks() override {
    if (!PP)
      return nullptr;
    return std::make_unique<PPChainedCallbacks>(
        std::make_unique<DisabledTableRecorder>(*PP, Out,
                                                /*Unfiltered=*/true),
        std::make_unique<InputRecorder>(PP->getSourceManager(), Inputs,
                                        &UserFiles));
  }

private:
  std::vector<BlindSpot> &Out;
  std::vector<std::string> &Inputs;
  std::vector<std::string> &UserFiles;
  Preprocessor *PP = nullptr;
};

/// The preamble of \p R built, or null when it must not be shared.
std::shared_ptr<const SharedPreamble>
build(const PreambleRequest &R, const CompilerInvocation &CI,
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
      std::shared_ptr<PCHContainerOperations> Ops) {
  // The engine counts what the build reports; nothing is printed.
  IgnoringDiagConsumer Quiet;
#if CLANG_VERSION_MAJOR >= 22
  // The engine refers to its options, which outlive it here.
  DiagnosticOptions Options(CI.getDiagnosticOpts());
#else
  auto Options =
      llvm::makeIntrusiveRefCnt<DiagnosticOptions>(CI.getDiagnosticOpts());
#endif
  // Reference-counted: the build's compiler instance holds it too.
  auto Diags = llvm::makeIntrusiveRefCnt<DiagnosticsEngine>(
      new DiagnosticIDs(), Options, &Quiet, /*ShouldOwnClient=*/false);
  std::vector<BlindSpot> Disabled;
  std::vector<std::string> Inputs, UserFiles;
  BuildCallbacks Callbacks(Disabled, Inputs, UserFiles);
#if CLANG_VERSION_MAJOR >= 22
  auto Built = PrecompiledPreamble::Build(
      CI, R.MainFile.get(), R.Bounds, Diags, std::move(FS), std::move(Ops),
      /*StoreInMemory=*/true, /*StoragePath=*/"", Callbacks);
#else
  auto Built = PrecompiledPreamble::Build(
      CI, R.MainFile.get(), R.Bounds, *Diags, std::move(FS), std::move(Ops),
      /*StoreInMemory=*/true, /*StoragePath=*/"", Callbacks);
#endif
  if (!Built || Diags->hasErrorOccurred())
    return nullptr;
  // A skipped block of the main file itself is named by that file's path,
  // which differs between the TUs sharing the preamble.
  llvm::StringRef Main = CI.getFrontendOpts().Inputs[0].getFile();
  for (const BlindSpot &B : Disabled)
    if (B.Where.File == Main)
      return nullptr;
  auto P = std::make_shared<SharedPreamble>(std::move(*Built));
  P->DisabledTables = std::move(Disabled);
  P->Inputs = std::move(Inputs);
  P->UserFiles = std::move(UserFiles);
  P->Warnings = Diags->getNumWarnings();
  return P;
}

} // namespace

std::vector<SharedPrefix> sharedPrefixes(llvm::StringRef Source,
                                         const LangOptions &LO) {
  PreambleBounds Bounds =
      ComputePreambleBounds(LO, llvm::MemoryBufferRef(Source, ""), 0);
  // The lexer needs a NUL after the text.
  const std::string Copy = Source.take_front(Bounds.Size).str();
  const llvm::StringRef Text(Copy.c_str(), Copy.size());
  Lexer L(SourceLocation(), LO, Text.begin(), Text.begin(), Text.end());
  L.SetCommentRetentionState(false);
  std::string Tokens;
  std::vector<SharedPrefix> Cuts;
  // The directive being read: its first words, its nesting.
  int Depth = 0, Word = 0;
  bool Include = false, EndIf = false;
  auto EndOfDirective = [&](const char *After) {
    if (Include || EndIf) {
      if (Depth == 0) {
        // Up to the start of the next line (the one after any escaped
        // newline ending this one).
        size_t Cut = After - Text.begin();
        while (Cut < Text.size() && Text[Cut] != '\n')
          Cut += Text[Cut] == '\\' ? 2 : 1;
        if (Cut < Text.size())
          Cuts.push_back({Cut + 1, Tokens});
      }
    }
    Include = EndIf = false;
    Word = 0;
  };
  const char *LastEnd = Text.begin();
  Token T;
  for (bool AtEnd = false; !AtEnd;) {
    AtEnd = L.LexFromRawLexer(T);
    if (T.is(tok::eof))
      break;
    if (T.isAtStartOfLine()) {
      if (Word)
        EndOfDirective(LastEnd);
      if (T.isNot(tok::hash))
        break; // not a directive: the preamble ends before it
      Tokens += '\n';
    } else if (T.hasLeadingSpace()) {
      Tokens += ' ';
    }
    // The lexer stops right after the token it returns.
    const char *End = L.getBufferLocation();
    if (End < Text.begin() + T.getLength() || End > Text.end())
      return {};
    llvm::StringRef Spelling(End - T.getLength(), T.getLength());
    Tokens += Spelling;
    LastEnd = End;
    if (++Word == 2) {
      if (Spelling.starts_with("if"))
        ++Depth;
      else if (Spelling == "endif")
        EndIf = --Depth == 0;
      Include = Spelling.starts_with("include") || Spelling == "import";
      if (Depth < 0)
        return {};
    }
  }
  if (Word)
    EndOfDirective(LastEnd);
  return Cuts;
}

std::optional<SharedPrefix> sharedPrefix(llvm::StringRef Source,
                                         const LangOptions &LO) {
  std::vector<SharedPrefix> Cuts = sharedPrefixes(Source, LO);
  if (Cuts.empty())
    return std::nullopt;
  return std::move(Cuts.back());
}

std::optional<PreambleRequest>
PreambleStore::describe(const CompilerInvocation &CI,
                        llvm::vfs::FileSystem &FS) const {
  const FrontendOptions &FO = CI.getFrontendOpts();
  if (FO.Inputs.size() != 1 || !FO.Inputs[0].isFile())
    return std::nullopt;
  llvm::StringRef Path = FO.Inputs[0].getFile();
  auto Buffer = FS.getBufferForFile(Path);
  if (!Buffer)
    return std::nullopt;
  PreambleRequest R;
  R.MainFile = std::move(*Buffer);
  std::vector<SharedPrefix> Cuts =
      sharedPrefixes(R.MainFile->getBuffer(), CI.getLangOpts());
  if (Cuts.empty())
    return std::nullopt;
  llvm::SmallString<256> Absolute(Path);
  if (FS.makeAbsolute(Absolute))
    return std::nullopt;
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  R.Path = Absolute.str().str();
  // The cut the database's sources share (expect()), else the longest.
  const SharedPrefix *Prefix = &Cuts.back();
  {
    std::lock_guard<std::mutex> Lock(M);
    if (auto It = Chosen.find(R.Path); It != Chosen.end())
      for (const SharedPrefix &P : Cuts)
        if (P.Size == It->second)
          Prefix = &P;
  }
  R.Bounds = PreambleBounds(Prefix->Size, /*PreambleEndsAtStartOfLine=*/true);
  const std::string &Tokens = Prefix->Tokens;
  // Quoted #include lines look beside the main file first, and relative
  // paths are resolved in the working directory: both are part of the key,
  // with every flag but the ones that name the main file.
  auto Cwd = FS.getCurrentWorkingDirectory();
  if (!Cwd)
    return std::nullopt;
  llvm::raw_string_ostream Key(R.Key);
  Key << "dir " << llvm::sys::path::parent_path(Absolute) << '\n'
      << "cwd " << *Cwd << '\n'
      << "at-line-start " << R.Bounds.PreambleEndsAtStartOfLine << '\n';
  std::vector<std::string> Args = CI.getCC1CommandLine();
  for (size_t I = 0; I < Args.size(); ++I) {
    if (Args[I] == "-main-file-name") {
      ++I;
      continue;
    }
    if (Args[I] == Path || Args[I] == Absolute)
      continue;
    Key << "arg " << Args[I] << '\n';
  }
  Key << "tokens" << Tokens;
  return R;
}

void PreambleStore::expect(const tooling::CompilationDatabase &DB,
                           const std::vector<std::string> &Sources) {
  // A cheaper key than the real one (PreambleRequest::describe): the
  // database's command rather than clang's, the text read as plain C++.
  LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.MicrosoftExt = true;
  // Sources often start with a common header and go on with their own
  // (`"driver.h"` then `"minwave.h"`): each shares the longest cut that
  // another source has too.
  std::map<std::string, unsigned> Count;
  std::vector<
      std::pair<std::string, std::vector<std::pair<std::string, size_t>>>>
      Files;
  for (const std::string &Source : Sources) {
    std::vector<tooling::CompileCommand> Commands =
        DB.getCompileCommands(Source);
    if (Commands.size() != 1)
      continue;
    const tooling::CompileCommand &C = Commands.front();
    llvm::SmallString<256> Path(C.Filename);
#if LLVM_VERSION_MAJOR >= 22
    llvm::sys::path::make_absolute(C.Directory, Path);
#else
    llvm::sys::fs::make_absolute(C.Directory, Path);
#endif
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    auto Text = llvm::MemoryBuffer::getFile(Path);
    if (!Text)
      continue;
    std::string Base =
        llvm::sys::path::parent_path(Path).str() + '\n' + C.Directory;
    for (const std::string &Arg : C.CommandLine)
      if (Arg != C.Filename && Arg != Path)
        Base += '\n' + Arg;
    std::vector<std::pair<std::string, size_t>> Keys;
    for (SharedPrefix &P : sharedPrefixes((*Text)->getBuffer(), LO)) {
      Keys.emplace_back(Base + "\ntokens" + P.Tokens, P.Size);
      ++Count[Keys.back().first];
    }
    Files.emplace_back(Path.str().str(), std::move(Keys));
  }
  std::lock_guard<std::mutex> Lock(M);
  for (auto &[Path, Keys] : Files)
    for (auto K = Keys.rbegin(); K != Keys.rend(); ++K)
      if (Count[K->first] >= MinSharers) {
        Chosen[Path] = K->second;
        break;
      }
}

std::shared_ptr<const SharedPreamble>
PreambleStore::get(const PreambleRequest &R, const CompilerInvocation &CI,
                   llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                   std::shared_ptr<PCHContainerOperations> Ops, bool &Built) {
  Built = false;
  std::shared_ptr<Slot> S;
  {
    std::lock_guard<std::mutex> Lock(M);
    if (Unusable.count(R.Key))
      return nullptr;
    for (auto It = Live.begin(); It != Live.end(); ++It)
      if (It->first == R.Key) {
        S = It->second;
        Live.splice(Live.begin(), Live, It);
        break;
      }
    if (!S) {
      // Too few TUs share it: a preamble would cost them more.
      if (!Chosen.count(R.Path) && ++Seen[R.Key] < MinSharers)
        return nullptr;
      S = std::make_shared<Slot>();
      Live.emplace_front(R.Key, S);
      while (Live.size() > MaxLive)
        Live.pop_back();
    }
  }
  std::lock_guard<std::mutex> Lock(S->M);
  if (!S->Done) {
    S->P = build(R, CI, std::move(FS), std::move(Ops));
    S->Done = true;
    Built = S->P != nullptr;
    if (!S->P) {
      std::lock_guard<std::mutex> Lock(M);
      Unusable.insert(R.Key);
    }
  }
  return S->P;
}

} // namespace ks
