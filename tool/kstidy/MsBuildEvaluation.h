//===- MsBuildEvaluation.h - Internals shared by the MSBuild reader -------===//
//
// Not part of the reader's interface (MsBuildProject.h): the text helpers,
// wildcard expansion, solution keys and the project loader that the
// MsBuild*.cpp files share.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_MSBUILDEVALUATION_H
#define KSTIDY_TOOL_MSBUILDEVALUATION_H

#include "MsBuildProject.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Path.h"

#include <tinyxml2.h>

#include <memory>
#include <string>
#include <vector>

namespace ks::msbuild {

using llvm::StringRef;

namespace detail {

// --- Text (MsBuildExpand.cpp) ----------------------------------------------

/// A character of a property, metadata or function name.
bool isNameChar(char C);

/// The index of the ')' closing the '(' at \p Open, quotes respected; npos
/// when there is none.
size_t matchingParen(StringRef Text, size_t Open);

/// MSBuild's %XX escapes (%3B for ';', %24 for '$', ...).
std::string unescape(StringRef S);

/// The `$(...)` references left in an expanded text.
std::vector<std::string> unexpandedRefs(StringRef Text);

/// The non-empty, trimmed entries of a `;`-separated list.
std::vector<std::string> splitList(StringRef S);

/// \p S with every backslash turned into a slash.
std::string toSlashes(StringRef S);

/// C:\..., \\server\share: a Windows path with no meaning here.
bool isWindowsAbsolute(StringRef S);

// --- Wildcards (MsBuildPaths.cpp) ------------------------------------------

/// The files an Include/Exclude entry names: wildcards (*, ?, **) matched
/// case-insensitively, relative paths against \p BaseDir.
std::vector<std::string> expandEntry(StringRef Entry, StringRef BaseDir);

// --- Errors and XML (MsBuildProject.cpp) -----------------------------------

/// A one-line error of the reader.
llvm::Error error(const llvm::Twine &Message);

/// The attribute's value; empty when it is absent.
StringRef attr(const tinyxml2::XMLElement *E, const char *Name);

/// The element's text, trimmed.
std::string text(const tinyxml2::XMLElement *E);

/// \p Dir with one trailing '/'.
std::string withSlash(StringRef Dir);

// --- Solutions (MsBuildSolution.cpp) --------------------------------------

/// \p Path absolute, with slashes and without dots.
std::string absolute(StringRef Path);

/// The key of a project's configuration in Solution::ActiveConfig and
/// Solution::Builds: "{GUID}.release|x64".
std::string configKey(StringRef Guid, const ProjectConfig &C);

// --- The loader (MsBuildProject.cpp, MsBuildItems.cpp) ---------------------

/// A ClCompile item: its file and metadata.
struct Item {
  std::string File;
  NameMap Metadata;
};

/// Evaluates one project: properties and imports in file order
/// (MsBuildProject.cpp), then item definitions and ClCompile items, which
/// become compile units (MsBuildItems.cpp).
class ProjectLoader {
public:
  ProjectLoader(Project &P, const LoadOptions &O) : P(P), O(O) {}

  llvm::Error load();

private:
  Project &P;
  const LoadOptions &O;
  Expander E;
  std::string ProjectDir; ///< no trailing '/'
  std::vector<std::unique_ptr<tinyxml2::XMLDocument>> Docs;
  std::vector<std::string> ImportStack;

  struct Deferred {
    const tinyxml2::XMLElement *Element;
    std::string File;
  };
  std::vector<Deferred> Definitions, ItemGroups;
  NameMap ClCompileDefaults;
  std::vector<Item> Items;

  void enterFile(StringRef File) {
    E.Properties["MSBuildThisFile"] = llvm::sys::path::filename(File).str();
    E.Properties["MSBuildThisFileName"] = llvm::sys::path::stem(File).str();
    E.Properties["MSBuildThisFileExtension"] =
        llvm::sys::path::extension(File).str();
    E.Properties["MSBuildThisFileFullPath"] = File.str();
    E.Properties["MSBuildThisFileDirectory"] =
        withSlash(llvm::sys::path::parent_path(File));
  }

  Truth condition(const tinyxml2::XMLElement *El, const Expander &X,
                  bool Silent = false) {
    StringRef C = attr(El, "Condition");
    Truth T = evaluateCondition(C, X, ProjectDir);
    if (T == Truth::Unknown && !Silent &&
        !llvm::is_contained(P.UnknownConditions, C.trim().str()))
      P.UnknownConditions.push_back(C.trim().str());
    return T;
  }

  llvm::Error walk(const tinyxml2::XMLElement *Parent, StringRef File);
  llvm::Error import(const tinyxml2::XMLElement *El, StringRef File);
  /// Calls \p F for each ClCompile element of \p Groups whose group and own
  /// conditions hold, with the group's file entered.
  void
  forEachClCompile(const std::vector<Deferred> &Groups,
                   llvm::function_ref<void(const tinyxml2::XMLElement *)> F);
  void evaluateDefinitions();
  void evaluateItems();
  void applyMetadata(const tinyxml2::XMLElement *El, Item &It);
  /// The metadata written as child elements of \p El, each under its own
  /// Condition, expanded with \p X into \p Into.
  void readMetadataElements(const tinyxml2::XMLElement *El, const Expander &X,
                            NameMap &Into);
  void makeUnits();

  /// Splits a metadata value into entries, dropping (and recording) the
  /// ones that hold unknown properties.
  std::vector<std::string> entries(StringRef Value, bool IncludeDirs = false);
};

} // namespace detail

} // namespace ks::msbuild

#endif
