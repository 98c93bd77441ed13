//===- MsBuildProject.h - Compile commands from .vcxproj and .sln files ---===//
//
// Driver repos build with MSBuild and the WDK, which do not run on Linux:
// most have no compile_commands.json. kstidy reads the project files
// themselves instead: the ClCompile items, their compiler settings for one
// configuration (include directories, defines, forced includes, language
// standard), and makes one clang command per source. What is read and what
// is not: docs/msbuild.md.
//
// The evaluation follows MSBuild's model closely enough for driver projects
// and stays environment-free: properties come from the project, the files it
// imports from inside the repository, and a few reserved ones (ProjectDir,
// Configuration, ...). Anything else (the toolset's, the WDK's, the
// environment's) is unknown: a condition using it is not applied, a list
// entry using it is dropped, and one note per project names them.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_MSBUILDPROJECT_H
#define KSTIDY_TOOL_MSBUILDPROJECT_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ks::msbuild {

/// Names compare case-insensitively, as MSBuild's property and metadata
/// names do.
struct CaseInsensitiveLess {
  bool operator()(const std::string &A, const std::string &B) const;
};
using NameMap = std::map<std::string, std::string, CaseInsensitiveLess>;

/// Properties and item metadata for expansion. `$(Name)` expands to a known
/// property; an unknown one stays as written (and is recorded), so that the
/// list entry holding it can be dropped rather than guessed.
class Expander {
public:
  NameMap Properties;
  const NameMap *Metadata = nullptr; ///< for `%(Name)`; unset: left as is

  /// Expands \p Text. Every unknown `$(...)` (an undefined property, or a
  /// property function) is left in place and its text (e.g. "$(IntDir)")
  /// added to \p Unknown.
  std::string expand(llvm::StringRef Text,
                     std::set<std::string> *Unknown = nullptr) const;
};

/// Does the (expanded) text still hold something unknown: `$(`, `@(`?
bool hasUnexpanded(llvm::StringRef Text);

enum class Truth { False, True, Unknown };

/// Evaluates an MSBuild condition: quoted strings and `$(...)`, ==, !=, <,
/// >, <=, >=, and/or/!, parentheses, Exists('path') and
/// HasTrailingSlash('s'). Anything else, or an operand that cannot be
/// expanded, is Unknown. Relative paths in Exists are relative to
/// \p BaseDir.
Truth evaluateCondition(llvm::StringRef Condition, const Expander &E,
                        llvm::StringRef BaseDir);

/// `\` to `/`, then the path as it exists on this (case-sensitive) file
/// system when only the case differs, Windows semantics. An absolute path;
/// relative ones are taken relative to \p BaseDir. Dots are removed.
std::string resolvePath(llvm::StringRef Path, llvm::StringRef BaseDir);

/// A Configuration|Platform pair ("Release|x64").
struct ProjectConfig {
  std::string Configuration, Platform;
  std::string str() const { return Configuration + "|" + Platform; }
  static std::optional<ProjectConfig> parse(llvm::StringRef S);
  bool operator==(const ProjectConfig &O) const;
};

/// The default among \p Available: the first x64 Release one, then the first
/// one. None when the list is empty.
std::optional<ProjectConfig>
chooseDefaultConfig(llvm::ArrayRef<ProjectConfig> Available);

/// One source and its clang command.
struct CompileUnit {
  std::string File;                 ///< absolute
  std::string Directory;            ///< the project's directory
  std::vector<std::string> Command; ///< clang++ ... File
};

struct LoadOptions {
  std::optional<ProjectConfig> Config;    ///< unset: the default one
  std::optional<std::string> SolutionDir; ///< with a trailing '/'
  std::optional<std::string> SolutionPath;
  /// From a solution: a project without ClCompile items is no error.
  bool AllowEmpty = false;
};

struct Project {
  std::string Path; ///< absolute
  std::string Name;
  std::vector<ProjectConfig> Configurations; ///< its ProjectConfiguration items
  ProjectConfig Chosen;
  std::vector<CompileUnit> Units;
  Expander Properties;                        ///< the final properties
  std::set<std::string> UnknownProperties;    ///< "$(IntDir)", ...
  std::set<std::string> DroppedEntries;       ///< list entries dropped for them
  std::vector<std::string> UnknownConditions; ///< not applied
  std::vector<std::string> MissingImports;    ///< expanded, but not found
  std::vector<std::string> MissingSources;    ///< ClCompile files not found
  size_t WdkIncludeDirs = 0; ///< left out: the WDK profile stands in

  /// The one-line notes about what could not be evaluated (none when all
  /// was).
  std::vector<std::string> notes() const;
};

/// Reads a .vcxproj. Fails with a one-line message (no such file, malformed
/// XML, not a project, unknown configuration, no ClCompile items).
llvm::Expected<Project> loadProject(llvm::StringRef Path,
                                    const LoadOptions &O = {});

struct SolutionProject {
  std::string Name;
  std::string Path; ///< as written, '\' turned to '/'
  std::string Guid; ///< upper case, with braces
};

struct Solution {
  std::string Path;                          ///< absolute
  std::vector<SolutionProject> Projects;     ///< the .vcxproj ones
  std::vector<ProjectConfig> Configurations; ///< SolutionConfigurationPlatforms
  /// "{GUID}.Release|x64" -> the project's configuration (ActiveCfg).
  std::map<std::string, ProjectConfig> ActiveConfig;
  /// "{GUID}.Release|x64" present when the project builds (Build.0).
  std::set<std::string> Builds;
};

/// Parses a .sln (a text format, not XML).
llvm::Expected<Solution> parseSolution(llvm::StringRef Path);

/// Is \p Path a project or solution kstidy reads (by its extension)?
bool isProjectFile(llvm::StringRef Path);
bool isSolutionFile(llvm::StringRef Path);

/// Loads every .vcxproj and .sln in \p Inputs for \p Config (or each one's
/// default) into a compile database. The notes (one line each, without the
/// "kstidy: note: " prefix) go to \p Notes.
/// The .vcxproj files that compile some of \p Sources (absolute paths), in a
/// stable order: looked for beside each source and up to three directories
/// above it, never past a repository root (a directory holding .git). A
/// project that does not load is left out.
std::vector<std::string>
findProjectsListing(llvm::ArrayRef<std::string> Sources);

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadMsBuildDatabase(llvm::ArrayRef<std::string> Inputs,
                    std::optional<std::string> Config,
                    std::vector<std::string> &Notes);

} // namespace ks::msbuild

#endif
