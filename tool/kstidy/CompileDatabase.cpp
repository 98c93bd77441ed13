//===- CompileDatabase.cpp - The compile command of every source of a run -===//
//
// Loading compile_commands.json without the loader's own multi-line
// reports, the MSBuild database, and the project-first database of sources
// named on the command line.
//
//===----------------------------------------------------------------------===//
#include "CompileDatabase.h"

#include "Findings.h"
#include "Inputs.h"
#include "MsBuildProject.h"
#include "SafeIO.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang::tooling;

namespace ks {

namespace {

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
      auto Pos =
          C.CommandLine.empty() ? C.CommandLine.end() : C.CommandLine.end() - 1;
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
    Error =
        "cannot read " + std::string(File) + ": " + Text.getError().message();
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

} // namespace

std::optional<std::string>
openCompileDatabase(CliOptions &O, std::unique_ptr<CompilationDatabase> &DB) {
  // The compile database: -p, or the flags after "--", or none at all.
  if (O.BuildPath && !O.MsBuildInputs.empty())
    return "-p and a .vcxproj/.sln cannot be combined: the project "
           "stands in for the compile database";
  if (O.MsBuildConfig && O.MsBuildInputs.empty())
    return "--msbuild-config needs a .vcxproj or .sln input";
  if (O.BuildPath || !O.MsBuildInputs.empty()) {
    std::string Error;
    if (O.BuildPath) {
      DB = loadDatabase(*O.BuildPath, Error);
    } else {
      // A .vcxproj/.sln: its compile commands, made from the project files.
      std::vector<std::string> Notes;
      auto Loaded =
          msbuild::loadMsBuildDatabase(O.MsBuildInputs, O.MsBuildConfig, Notes);
      if (!Loaded)
        return llvm::toString(Loaded.takeError());
      DB = std::move(*Loaded);
      if (!O.Quiet)
        for (const std::string &Note : Notes)
          llvm::errs() << "kstidy: note: " << Note << "\n";
    }
    if (!DB)
      return Error;
    if (O.Sources.empty()) {
      O.Sources = DB->getAllFiles();
      if (O.SourceFilter) {
        llvm::Regex Filter(*O.SourceFilter);
        std::string Error;
        if (!Filter.isValid(Error))
          return "invalid --source-filter: " + Error;
        llvm::erase_if(O.Sources,
                       [&](const std::string &F) { return !Filter.match(F); });
      }
      if (O.Sources.empty())
        return (O.BuildPath ? "compile database " + *O.BuildPath
                            : O.MsBuildInputs.front()) +
               " lists no files" +
               (O.SourceFilter ? " matching --source-filter" : "");
    }
    O.Analysis.ExtraArgs.insert(O.Analysis.ExtraArgs.end(),
                                O.CompilerArgs.begin(), O.CompilerArgs.end());
    DB = inferMissingCompileCommands(std::move(DB));
  } else {
    if (O.Sources.empty() && !O.ListChecks)
      return "no input files (usage: kstidy [options] <source>... "
             "[-- <compiler args>], or kstidy -p <build dir>)";
    DB = std::make_unique<FixedCompilationDatabase>(".", O.CompilerArgs);
    if (O.MsBuildDiscovery && !O.Sources.empty()) {
      // Sources given by name in a driver tree: the MSBuild projects that
      // compile them know their defines and include directories (which
      // decide what tables exist at all); the flags after "--" still apply.
      std::vector<std::string> Absolute;
      Absolute.reserve(O.Sources.size());
      for (const std::string &Source : O.Sources)
        Absolute.push_back(absoluteSource(Source));
      std::vector<std::string> Projects =
          msbuild::findProjectsListing(Absolute);
      std::vector<std::string> Notes;
      std::vector<ProjectFirstDatabase::Project> Loaded;
      for (const std::string &P : Projects) {
        auto ProjectDB = msbuild::loadMsBuildDatabase({P}, std::nullopt, Notes);
        if (ProjectDB)
          Loaded.push_back(
              {llvm::sys::path::parent_path(P).str(), std::move(*ProjectDB)});
        else
          llvm::consumeError(ProjectDB.takeError());
      }
      if (!Loaded.empty()) {
        size_t Covered = llvm::count_if(Absolute, [&](const std::string &F) {
          return llvm::any_of(Loaded, [&](const auto &P) {
            return !P.DB->getCompileCommands(F).empty();
          });
        });
        if (!O.Quiet) {
          llvm::StringRef Dir = llvm::sys::path::parent_path(Absolute.front());
          std::string Names;
          for (const std::string &P : Projects)
            Names += (Names.empty() ? "" : ", ") + displayPath(P, Dir);
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
  return std::nullopt;
}

} // namespace ks
