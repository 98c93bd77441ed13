//===- MsBuildProject.cpp - .vcxproj loading: properties and imports ------===//
//
// Written from Microsoft's public MSBuild documentation (see
// docs/msbuild.md); evaluation order as documented there: properties and
// imports first, in file order, then item definitions, then items
// (MsBuildItems.cpp).
//
//===----------------------------------------------------------------------===//
#include "MsBuildEvaluation.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace ks::msbuild {

using namespace detail;

// --- Configurations --------------------------------------------------------

std::optional<ProjectConfig> ProjectConfig::parse(StringRef S) {
  auto [C, P] = S.split('|');
  C = C.trim();
  P = P.trim();
  if (C.empty() || P.empty() || P.contains('|'))
    return std::nullopt;
  // Visual Studio spells it "Any CPU" in solutions, "AnyCPU" in projects.
  return ProjectConfig{C.str(), P.str()};
}

bool ProjectConfig::operator==(const ProjectConfig &O) const {
  return StringRef(Configuration).equals_insensitive(O.Configuration) &&
         StringRef(Platform).equals_insensitive(O.Platform);
}

std::optional<ProjectConfig>
chooseDefaultConfig(llvm::ArrayRef<ProjectConfig> Available) {
  for (const ProjectConfig &C : Available)
    if (StringRef(C.Platform).equals_insensitive("x64") &&
        StringRef(C.Configuration).equals_insensitive("Release"))
      return C;
  for (const ProjectConfig &C : Available)
    if (StringRef(C.Platform).equals_insensitive("x64") &&
        StringRef(C.Configuration).contains_insensitive("release"))
      return C;
  if (!Available.empty())
    return Available.front();
  return std::nullopt;
}

// --- Project evaluation ----------------------------------------------------

namespace {

const char *xmlProblem(const tinyxml2::XMLDocument &Doc) {
  switch (Doc.ErrorID()) {
  case tinyxml2::XML_ERROR_EMPTY_DOCUMENT:
    return "empty document";
  case tinyxml2::XML_ERROR_MISMATCHED_ELEMENT:
    return "mismatched closing tag";
  case tinyxml2::XML_ERROR_PARSING_ELEMENT:
    return "malformed or unclosed element";
  case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE:
    return "malformed attribute";
  case tinyxml2::XML_ERROR_PARSING_TEXT:
    return "malformed text";
  case tinyxml2::XML_ERROR_PARSING_COMMENT:
    return "malformed comment";
  case tinyxml2::XML_ERROR_PARSING_DECLARATION:
    return "malformed declaration";
  default:
    return Doc.ErrorName();
  }
}

/// Reads and parses an XML file (UTF-8, or UTF-16 with a byte order mark).
llvm::Expected<std::unique_ptr<tinyxml2::XMLDocument>> readXml(StringRef Path,
                                                               StringRef What) {
  if (!llvm::sys::fs::exists(Path))
    return error("no such " + What + ": " + Path);
  if (!llvm::sys::fs::is_regular_file(Path))
    return error(What + " " + Path + " is not a regular file");
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return error("cannot read " + What + " " + Path + ": " +
                 Buf.getError().message());
  StringRef Bytes = (*Buf)->getBuffer();
  std::string Utf8;
  if (Bytes.starts_with("\xFF\xFE") || Bytes.starts_with("\xFE\xFF")) {
    if (!llvm::convertUTF16ToUTF8String(
            llvm::ArrayRef<char>(Bytes.data(), Bytes.size()), Utf8))
      return error("malformed " + What + " " + Path + ": invalid UTF-16");
    Bytes = Utf8;
  }
  auto Doc = std::make_unique<tinyxml2::XMLDocument>();
  if (Doc->Parse(Bytes.data(), Bytes.size()) != tinyxml2::XML_SUCCESS)
    return error("malformed " + What + " " + Path + ": XML error at line " +
                 llvm::Twine(Doc->ErrorLineNum()) + ": " + xmlProblem(*Doc));
  const tinyxml2::XMLElement *Root = Doc->RootElement();
  if (!Root || StringRef(Root->Name()) != "Project")
    return error(What + " " + Path +
                 " is not an MSBuild project (its root element is not "
                 "<Project>)");
  return std::move(Doc);
}

/// Reserved names the project cannot set: the global properties and
/// MSBuild's own.
bool isReadOnlyProperty(StringRef Name) {
  return Name.equals_insensitive("Configuration") ||
         Name.equals_insensitive("Platform") ||
         Name.starts_with_insensitive("MSBuild");
}

/// The ProjectConfiguration items, read before anything is evaluated.
std::vector<ProjectConfig>
listConfigurations(const tinyxml2::XMLElement *Root) {
  std::vector<ProjectConfig> Out;
  for (const tinyxml2::XMLElement *G = Root->FirstChildElement("ItemGroup"); G;
       G = G->NextSiblingElement("ItemGroup"))
    for (const tinyxml2::XMLElement *C =
             G->FirstChildElement("ProjectConfiguration");
         C; C = C->NextSiblingElement("ProjectConfiguration")) {
      std::optional<ProjectConfig> PC =
          ProjectConfig::parse(attr(C, "Include"));
      if (PC && !llvm::is_contained(Out, *PC))
        Out.push_back(*PC);
    }
  return Out;
}

std::string joinList(const std::vector<std::string> &L, size_t Max = 6) {
  std::string Out;
  for (size_t I = 0; I < L.size() && I < Max; ++I)
    Out += (I ? ", " : "") + L[I];
  if (L.size() > Max)
    Out += ", ...";
  return Out;
}

} // namespace

namespace detail {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(std::errc::invalid_argument, "%s",
                                 Message.str().c_str());
}

StringRef attr(const tinyxml2::XMLElement *E, const char *Name) {
  const char *V = E->Attribute(Name);
  return V ? StringRef(V) : StringRef();
}

std::string text(const tinyxml2::XMLElement *E) {
  const char *T = E->GetText();
  return T ? StringRef(T).trim().str() : std::string();
}

std::string withSlash(StringRef Dir) {
  std::string S = Dir.str();
  if (S.empty() || S.back() != '/')
    S += '/';
  return S;
}

llvm::Error ProjectLoader::walk(const tinyxml2::XMLElement *Parent,
                                StringRef File) {
  for (const tinyxml2::XMLElement *El = Parent->FirstChildElement(); El;
       El = El->NextSiblingElement()) {
    StringRef Kind = El->Name();
    if (Kind == "PropertyGroup") {
      if (condition(El, E) != Truth::True)
        continue;
      for (const tinyxml2::XMLElement *Prop = El->FirstChildElement(); Prop;
           Prop = Prop->NextSiblingElement()) {
        if (isReadOnlyProperty(Prop->Name()) ||
            condition(Prop, E) != Truth::True)
          continue;
        E.Properties[Prop->Name()] = E.expand(text(Prop));
      }
    } else if (Kind == "Import") {
      if (auto Err = import(El, File))
        return Err;
    } else if (Kind == "ImportGroup") {
      if (condition(El, E, /*Silent=*/true) != Truth::True)
        continue;
      for (const tinyxml2::XMLElement *I = El->FirstChildElement("Import"); I;
           I = I->NextSiblingElement("Import"))
        if (auto Err = import(I, File))
          return Err;
    } else if (Kind == "ItemDefinitionGroup") {
      Definitions.push_back({El, File.str()});
    } else if (Kind == "ItemGroup") {
      ItemGroups.push_back({El, File.str()});
    } else if (Kind == "Choose") {
      const tinyxml2::XMLElement *Chosen = nullptr;
      bool Unknown = false;
      for (const tinyxml2::XMLElement *W = El->FirstChildElement(); W;
           W = W->NextSiblingElement()) {
        if (StringRef(W->Name()) == "When") {
          Truth T = condition(W, E);
          if (T == Truth::Unknown) {
            Unknown = true;
            break;
          }
          if (T == Truth::True) {
            Chosen = W;
            break;
          }
        } else if (StringRef(W->Name()) == "Otherwise") {
          Chosen = W;
          break;
        }
      }
      if (Chosen && !Unknown)
        if (auto Err = walk(Chosen, File))
          return Err;
    }
    // Target, UsingTask, ProjectExtensions, ...: not about compiling.
  }
  return llvm::Error::success();
}

llvm::Error ProjectLoader::import(const tinyxml2::XMLElement *El,
                                  StringRef File) {
  // The toolset's own imports ($(VCTargetsPath)\..., Sdk="...") are
  // skipped silently: the WDK profile stands in for what they set.
  if (El->Attribute("Sdk") || condition(El, E, /*Silent=*/true) != Truth::True)
    return llvm::Error::success();
  std::string Target = E.expand(attr(El, "Project"));
  if (Target.empty() || hasUnexpanded(Target) || isWindowsAbsolute(Target))
    return llvm::Error::success();
  // Relative to the importing file.
  std::string Dir = llvm::sys::path::parent_path(File).str();
  std::vector<std::string> Files = expandEntry(Target, Dir);
  bool Wildcard = StringRef(Target).find_first_of("*?") != StringRef::npos;
  for (const std::string &F : Files) {
    if (!llvm::sys::fs::is_regular_file(F)) {
      if (!Wildcard)
        P.MissingImports.push_back(toSlashes(Target));
      continue;
    }
    if (llvm::is_contained(ImportStack, F) || ImportStack.size() > 32)
      continue; // an import cycle: MSBuild warns and goes on
    auto Doc = readXml(F, "imported file");
    if (!Doc)
      return Doc.takeError();
    const tinyxml2::XMLElement *Root = (*Doc)->RootElement();
    Docs.push_back(std::move(*Doc));
    ImportStack.push_back(F);
    enterFile(F);
    llvm::Error Err = walk(Root, F);
    ImportStack.pop_back();
    enterFile(File);
    if (Err)
      return Err;
  }
  return llvm::Error::success();
}

llvm::Error ProjectLoader::load() {
  auto Doc = readXml(P.Path, "project");
  if (!Doc)
    return Doc.takeError();
  const tinyxml2::XMLElement *Root = (*Doc)->RootElement();
  Docs.push_back(std::move(*Doc));
  ProjectDir = llvm::sys::path::parent_path(P.Path).str();
  P.Name = llvm::sys::path::stem(P.Path).str();

  P.Configurations = listConfigurations(Root);
  if (O.Config) {
    auto It = llvm::find(P.Configurations, *O.Config);
    if (It != P.Configurations.end()) {
      P.Chosen = *It;
    } else if (P.Configurations.empty()) {
      P.Chosen = *O.Config;
    } else {
      std::string Have;
      for (const ProjectConfig &C : P.Configurations)
        Have += (Have.empty() ? "" : ", ") + C.str();
      return error("project " + P.Path + " has no configuration '" +
                   O.Config->str() + "' (it has " + Have + ")");
    }
  } else {
    P.Chosen = chooseDefaultConfig(P.Configurations)
                   .value_or(ProjectConfig{"Release", "x64"});
  }

  // Reserved and well-known properties: no environment, no toolset.
  NameMap &Props = E.Properties;
  Props["Configuration"] = P.Chosen.Configuration;
  Props["Platform"] = P.Chosen.Platform;
  Props["ProjectDir"] = withSlash(ProjectDir);
  Props["MSBuildProjectDirectory"] = ProjectDir;
  Props["ProjectName"] = P.Name;
  Props["MSBuildProjectName"] = P.Name;
  Props["ProjectFileName"] = llvm::sys::path::filename(P.Path).str();
  Props["MSBuildProjectFile"] = Props["ProjectFileName"];
  Props["MSBuildProjectExtension"] = llvm::sys::path::extension(P.Path).str();
  Props["ProjectPath"] = P.Path;
  Props["MSBuildProjectFullPath"] = P.Path;
  if (O.SolutionDir)
    Props["SolutionDir"] = withSlash(*O.SolutionDir);
  if (O.SolutionPath) {
    Props["SolutionPath"] = *O.SolutionPath;
    Props["SolutionFileName"] =
        llvm::sys::path::filename(*O.SolutionPath).str();
    Props["SolutionName"] = llvm::sys::path::stem(*O.SolutionPath).str();
    Props["SolutionExt"] = llvm::sys::path::extension(*O.SolutionPath).str();
  }
  enterFile(P.Path);
  ImportStack.push_back(P.Path);

  if (auto Err = walk(Root, P.Path))
    return Err;
  evaluateDefinitions();
  evaluateItems();
  makeUnits();
  enterFile(P.Path);
  P.Properties = E;
  if (Items.empty() && !O.AllowEmpty)
    return error("project " + P.Path + " has no ClCompile items (for " +
                 P.Chosen.str() + "): nothing to analyze");
  return llvm::Error::success();
}

} // namespace detail

std::vector<std::string> Project::notes() const {
  std::vector<std::string> Parts;
  if (!UnknownProperties.empty())
    Parts.push_back(
        "could not expand " +
        joinList({UnknownProperties.begin(), UnknownProperties.end()}, 12) +
        " (" + std::to_string(DroppedEntries.size()) +
        (DroppedEntries.size() == 1 ? " entry" : " entries") +
        " using them dropped)");
  if (!UnknownConditions.empty()) {
    std::vector<std::string> Quoted;
    Quoted.reserve(UnknownConditions.size());
    for (const std::string &C : UnknownConditions)
      Quoted.push_back("[" + C + "]");
    Parts.push_back(
        std::to_string(UnknownConditions.size()) +
        (UnknownConditions.size() == 1 ? " condition" : " conditions") +
        " could not be evaluated and " +
        (UnknownConditions.size() == 1 ? "was" : "were") +
        " not applied: " + joinList(Quoted, 3));
  }
  if (!MissingImports.empty())
    Parts.push_back("imports not found, skipped: " + joinList(MissingImports));
  if (!MissingSources.empty())
    Parts.push_back(std::to_string(MissingSources.size()) +
                    " ClCompile source" +
                    (MissingSources.size() == 1 ? " does" : "s do") +
                    " not exist: " + joinList(MissingSources, 3));
  if (Parts.empty())
    return {};
  std::string Line = Path + " (" + Chosen.str() + "): ";
  for (size_t I = 0; I < Parts.size(); ++I)
    Line += (I ? "; " : "") + Parts[I];
  return {Line};
}

llvm::Expected<Project> loadProject(StringRef Path, const LoadOptions &O) {
  Project P;
  llvm::SmallString<256> Abs(toSlashes(Path));
  // A path that cannot be made absolute stays as given; opening it below
  // reports the problem.
  (void)llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  P.Path = std::string(Abs);
  ProjectLoader L(P, O);
  if (auto Err = L.load())
    return std::move(Err);
  return std::move(P);
}

bool isProjectFile(StringRef Path) {
  return llvm::sys::path::extension(Path).equals_insensitive(".vcxproj");
}

bool isSolutionFile(StringRef Path) {
  return llvm::sys::path::extension(Path).equals_insensitive(".sln");
}

} // namespace ks::msbuild
