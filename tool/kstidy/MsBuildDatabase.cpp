//===- MsBuildDatabase.cpp - Projects and solutions as a compile database -===//
//
// The compile commands of the .vcxproj files named on the command line, or
// listed by a .sln, for one configuration; and the projects that list
// given sources, for sources named without a project.
//
//===----------------------------------------------------------------------===//
#include "MsBuildEvaluation.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>

namespace ks::msbuild {

using namespace detail;

namespace {

/// The compile commands of the loaded projects, one per source (the first
/// project that compiles a file provides its command).
class MsBuildDatabase : public clang::tooling::CompilationDatabase {
public:
  void add(CompileUnit U) {
    if (Index.count(U.File))
      return;
    Index[U.File] = Commands.size();
    Commands.emplace_back(U.Directory, U.File, std::move(U.Command), "");
  }
  size_t size() const { return Commands.size(); }

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(StringRef FilePath) const override {
    auto It = Index.find(absolute(FilePath));
    if (It == Index.end())
      return {};
    return {Commands[It->second]};
  }
  std::vector<std::string> getAllFiles() const override {
    std::vector<std::string> Out;
    Out.reserve(Commands.size());
    for (const auto &C : Commands)
      Out.push_back(C.Filename);
    return Out;
  }
  std::vector<clang::tooling::CompileCommand>
  getAllCompileCommands() const override {
    return Commands;
  }

private:
  std::vector<clang::tooling::CompileCommand> Commands;
  std::map<std::string, size_t> Index;
};

/// When a project is named on its own, the solution that lists it (in its
/// directory or up to four above, not past a repository root) gives
/// $(SolutionDir), as when Visual Studio builds it.
std::optional<std::string> findSolutionFor(StringRef ProjectPath) {
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(ProjectPath));
  for (int Up = 0; Up <= 4 && !Dir.empty(); ++Up) {
    std::vector<std::string> Slns;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator D(Dir, EC), End; !EC && D != End;
         D.increment(EC))
      if (isSolutionFile(D->path()) &&
          llvm::sys::fs::is_regular_file(D->path()))
        Slns.push_back(D->path());
    std::sort(Slns.begin(), Slns.end());
    for (const std::string &Sln : Slns) {
      auto S = parseSolution(Sln);
      if (!S) {
        llvm::consumeError(S.takeError());
        continue;
      }
      StringRef SlnDir = llvm::sys::path::parent_path(S->Path);
      for (const SolutionProject &P : S->Projects)
        if (StringRef(resolvePath(P.Path, SlnDir))
                .equals_insensitive(ProjectPath))
          return S->Path;
    }
    llvm::SmallString<256> Git(Dir);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      break;
    StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir.resize(Parent.size()); // Parent is a prefix of Dir: no self-assign
  }
  return std::nullopt;
}

void addProject(MsBuildDatabase &DB, Project &P,
                std::vector<std::string> &Notes) {
  for (std::string &N : P.notes())
    Notes.push_back(std::move(N));
  for (CompileUnit &U : P.Units)
    DB.add(std::move(U));
}

} // namespace

std::vector<std::string>
findProjectsListing(llvm::ArrayRef<std::string> Sources) {
  // Windows paths: a project names its sources in any case.
  std::set<std::string> Wanted;
  std::set<std::string> Dirs;
  for (const std::string &S : Sources) {
    Wanted.insert(llvm::StringRef(S).lower());
    Dirs.insert(llvm::sys::path::parent_path(S).str());
  }
  std::vector<std::string> Candidates;
  std::set<std::string> Listed, Visited;
  for (const std::string &Start : Dirs) {
    llvm::SmallString<256> Dir(Start);
    for (int Level = 0; Level < 4 && !Dir.empty(); ++Level) {
      if (Visited.insert(std::string(Dir)).second) {
        std::vector<std::string> Here;
        std::error_code EC;
        for (llvm::sys::fs::directory_iterator I(Dir, EC), E; !EC && I != E;
             I.increment(EC))
          if (isProjectFile(I->path()) && Listed.insert(I->path()).second)
            Here.push_back(I->path());
        llvm::sort(Here);
        Candidates.insert(Candidates.end(), Here.begin(), Here.end());
      }
      llvm::SmallString<256> Git(Dir);
      llvm::sys::path::append(Git, ".git");
      if (llvm::sys::fs::exists(Git))
        break;
      llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
      if (Parent == Dir)
        break;
      Dir = Parent.str();
    }
  }
  std::vector<std::string> Found;
  for (const std::string &Path : Candidates) {
    LoadOptions O;
    O.AllowEmpty = true;
    if (auto Sln = findSolutionFor(Path)) {
      O.SolutionPath = *Sln;
      O.SolutionDir = llvm::sys::path::parent_path(*Sln).str() + "/";
    }
    auto P = loadProject(Path, O);
    if (!P) {
      llvm::consumeError(P.takeError());
      continue;
    }
    if (llvm::any_of(P->Units, [&](const CompileUnit &U) {
          return Wanted.count(llvm::StringRef(U.File).lower());
        }))
      Found.push_back(Path);
  }
  return Found;
}

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadMsBuildDatabase(llvm::ArrayRef<std::string> Inputs,
                    std::optional<std::string> ConfigText,
                    std::vector<std::string> &Notes) {
  std::optional<ProjectConfig> Config;
  if (ConfigText) {
    Config = ProjectConfig::parse(*ConfigText);
    if (!Config)
      return error("--msbuild-config must be Configuration|Platform (e.g. "
                   "Release|x64), not '" +
                   *ConfigText + "'");
  }
  auto DB = std::make_unique<MsBuildDatabase>();
  for (const std::string &Input : Inputs) {
    if (isProjectFile(Input)) {
      LoadOptions O;
      O.Config = Config;
      std::string Abs = absolute(Input);
      if (llvm::sys::fs::exists(Abs))
        if (auto Sln = findSolutionFor(Abs)) {
          O.SolutionPath = *Sln;
          O.SolutionDir = llvm::sys::path::parent_path(*Sln).str() + "/";
        }
      auto P = loadProject(Input, O);
      if (!P)
        return P.takeError();
      addProject(*DB, *P, Notes);
      continue;
    }
    auto S = parseSolution(Input);
    if (!S)
      return S.takeError();
    std::optional<ProjectConfig> SolCfg = Config;
    if (!SolCfg)
      SolCfg = chooseDefaultConfig(S->Configurations);
    else if (!S->Configurations.empty()) {
      auto It = llvm::find(S->Configurations, *Config);
      if (It == S->Configurations.end()) {
        std::string Have;
        for (const ProjectConfig &C : S->Configurations)
          Have += (Have.empty() ? "" : ", ") + C.str();
        return error("solution " + Input + " has no configuration '" +
                     Config->str() + "' (it has " + Have + ")");
      }
      SolCfg = *It;
    }
    StringRef SlnDir = llvm::sys::path::parent_path(S->Path);
    size_t Before = DB->size();
    for (const SolutionProject &SP : S->Projects) {
      std::string Path = resolvePath(SP.Path, SlnDir);
      if (!llvm::sys::fs::exists(Path))
        return error("solution " + Input + " lists project " + SP.Path +
                     ", which does not exist");
      LoadOptions O;
      O.SolutionDir = SlnDir.str() + "/";
      O.SolutionPath = S->Path;
      O.AllowEmpty = true;
      if (SolCfg) {
        std::string Key = configKey(SP.Guid, *SolCfg);
        bool Mapped = false;
        for (const auto &[K, V] : S->ActiveConfig)
          Mapped |= StringRef(K).starts_with(SP.Guid + ".");
        if (auto It = S->ActiveConfig.find(Key); It != S->ActiveConfig.end())
          O.Config = It->second;
        else
          O.Config = SolCfg;
        if (Mapped && !S->Builds.count(Key)) {
          Notes.push_back(Path + ": not built in solution configuration " +
                          SolCfg->str() + ", skipped");
          continue;
        }
      }
      // The project's own spelling of x64 may be "X64", "Any CPU" may be
      // "AnyCPU": ProjectConfig compares without case.
      auto P = loadProject(Path, O);
      if (!P)
        return P.takeError();
      if (P->Units.empty() && P->MissingSources.empty())
        Notes.push_back(Path + " (" + P->Chosen.str() +
                        "): no ClCompile items, skipped");
      addProject(*DB, *P, Notes);
    }
    if (DB->size() == Before && S->Projects.empty())
      return error("solution " + Input + " lists no .vcxproj project");
  }
  if (DB->size() == 0)
    return error("no C/C++ source to analyze in " +
                 (Inputs.size() == 1 ? Inputs.front()
                                     : std::string("the given projects")));
  return std::unique_ptr<clang::tooling::CompilationDatabase>(std::move(DB));
}

} // namespace ks::msbuild
