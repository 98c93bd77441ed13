//===- MsBuildSolution.cpp - .sln files and the compile database ----------===//
//
// A .sln is a line-oriented text file, not XML: Project(...) lines name the
// projects, the Global section maps each solution configuration to the
// configuration of each project (ActiveCfg) and says whether it builds
// (Build.0).
//
//===----------------------------------------------------------------------===//
#include "MsBuildProject.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <map>

namespace ks::msbuild {

using llvm::StringRef;

namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(std::errc::invalid_argument, "%s",
                                 Message.str().c_str());
}

std::string absolute(StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  std::replace(Abs.begin(), Abs.end(), '\\', '/');
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

/// The double-quoted strings of a line, in order.
std::vector<std::string> quoted(StringRef Line) {
  std::vector<std::string> Out;
  while (true) {
    size_t Open = Line.find('"');
    if (Open == StringRef::npos)
      break;
    size_t Close = Line.find('"', Open + 1);
    if (Close == StringRef::npos) {
      Out.clear();
      Out.push_back("\x01"); // unbalanced
      break;
    }
    Out.push_back(Line.slice(Open + 1, Close).str());
    Line = Line.drop_front(Close + 1);
  }
  return Out;
}

std::string configKey(StringRef Guid, const ProjectConfig &C) {
  return StringRef(Guid).upper() + "." + StringRef(C.str()).lower();
}

} // namespace

llvm::Expected<Solution> parseSolution(StringRef Path) {
  Solution S;
  S.Path = absolute(Path);
  if (!llvm::sys::fs::exists(S.Path))
    return error("no such solution: " + Path);
  if (!llvm::sys::fs::is_regular_file(S.Path))
    return error("solution " + Path + " is not a regular file");
  auto Buf = llvm::MemoryBuffer::getFile(S.Path);
  if (!Buf)
    return error("cannot read solution " + Path + ": " +
                 Buf.getError().message());
  StringRef Bytes = (*Buf)->getBuffer();
  std::string Utf8;
  if (Bytes.starts_with("\xFF\xFE") || Bytes.starts_with("\xFE\xFF")) {
    if (!llvm::convertUTF16ToUTF8String(
            llvm::ArrayRef<char>(Bytes.data(), Bytes.size()), Utf8))
      return error("malformed solution " + Path + ": invalid UTF-16");
    Bytes = Utf8;
  }
  Bytes.consume_front("\xEF\xBB\xBF");

  llvm::SmallVector<StringRef, 256> Lines;
  Bytes.split(Lines, '\n');
  bool SawHeader = false;
  enum { None, SolutionConfigs, ProjectConfigs } Section = None;
  for (size_t N = 0; N < Lines.size(); ++N) {
    StringRef Line = Lines[N].trim();
    if (Line.empty() || Line.starts_with("#"))
      continue;
    if (!SawHeader) {
      if (!Line.starts_with("Microsoft Visual Studio Solution File"))
        return error("malformed solution " + Path +
                     ": line " + llvm::Twine(N + 1) +
                     ": not a Visual Studio solution (no \"Microsoft Visual "
                     "Studio Solution File\" header)");
      SawHeader = true;
      continue;
    }
    if (Line.starts_with("Project(")) {
      // Project("{type}") = "Name", "path\to\x.vcxproj", "{GUID}"
      std::vector<std::string> Q = quoted(Line);
      if (Q.size() != 4)
        return error("malformed solution " + Path + ": line " +
                     llvm::Twine(N + 1) + ": a Project line needs a type, a "
                     "name, a path and a GUID in double quotes");
      if (!StringRef(Q[2]).ends_with_insensitive(".vcxproj"))
        continue; // a solution folder, or a project kstidy does not read
      std::string P = Q[2];
      std::replace(P.begin(), P.end(), '\\', '/');
      S.Projects.push_back({Q[1], P, StringRef(Q[3]).upper()});
      continue;
    }
    if (Line.starts_with("GlobalSection(")) {
      if (Line.contains("(SolutionConfigurationPlatforms)"))
        Section = SolutionConfigs;
      else if (Line.contains("(ProjectConfigurationPlatforms)"))
        Section = ProjectConfigs;
      else
        Section = None;
      continue;
    }
    if (Line.starts_with("EndGlobalSection")) {
      Section = None;
      continue;
    }
    if (Section == None)
      continue;
    auto [Key, Value] = Line.split('=');
    Key = Key.trim();
    Value = Value.trim();
    if (Section == SolutionConfigs) {
      if (auto C = ProjectConfig::parse(Key);
          C && !llvm::is_contained(S.Configurations, *C))
        S.Configurations.push_back(*C);
      continue;
    }
    // {GUID}.Release|x64.ActiveCfg = Release|x64 ; ....Build.0 = ...
    size_t GuidEnd = Key.find("}.");
    if (!Key.starts_with("{") || GuidEnd == StringRef::npos)
      continue;
    StringRef Guid = Key.take_front(GuidEnd + 1);
    StringRef Rest = Key.drop_front(GuidEnd + 2);
    bool Active = Rest.consume_back(".ActiveCfg");
    bool Build = !Active && Rest.consume_back(".Build.0");
    auto SolCfg = ProjectConfig::parse(Rest);
    if (!SolCfg || (!Active && !Build))
      continue;
    std::string K = configKey(Guid, *SolCfg);
    if (Active) {
      if (auto ProjCfg = ProjectConfig::parse(Value)) {
        // Visual Studio writes "AnyCPU" for "Any CPU" here.
        S.ActiveConfig[K] = *ProjCfg;
      }
    } else {
      S.Builds.insert(K);
    }
  }
  if (!SawHeader)
    return error("malformed solution " + Path + ": empty file");
  return std::move(S);
}

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
      if (isSolutionFile(D->path()) && llvm::sys::fs::is_regular_file(D->path()))
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
        if (StringRef(resolvePath(P.Path, SlnDir)).equals_insensitive(ProjectPath))
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
                   "Release|x64), not '" + *ConfigText + "'");
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
