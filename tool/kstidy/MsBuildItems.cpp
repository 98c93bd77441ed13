//===- MsBuildItems.cpp - ClCompile items to compile commands -------------===//
//
// After the properties: the ClCompile item definitions, then the items
// (Include, Exclude, Remove, Update, per-file metadata), then one clang
// command per source built from their metadata.
//
//===----------------------------------------------------------------------===//
#include "MsBuildEvaluation.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace ks::msbuild {

using namespace detail;

namespace {

/// Properties whose value only the toolset, the SDK or the WDK knows: an
/// include directory built from them is a WDK/SDK directory.
bool isToolsetReference(StringRef Ref) {
  StringRef Name = Ref;
  Name.consume_front("$(");
  Name.consume_back(")");
  static const char *const Prefixes[] = {"WindowsSdk",
                                         "WindowsSDK_",
                                         "WDK",
                                         "KMDF_",
                                         "UMDF_",
                                         "DDK_",
                                         "SDK_",
                                         "KIT_",
                                         "KM_",
                                         "UM_",
                                         "CRT_",
                                         "UniversalCRT",
                                         "VC_",
                                         "VCInstallDir",
                                         "VSInstallDir",
                                         "NetFx",
                                         "WindowsKits",
                                         "IncludePath",
                                         "ExternalIncludePath",
                                         "WindowsTargetPlatformVersion",
                                         "TargetPlatformVersion",
                                         "VCToolsInstallDir"};
  for (const char *P : Prefixes)
    if (Name.starts_with_insensitive(P))
      return true;
  return false;
}

bool isWdkDirectory(StringRef Entry) {
  if (Entry.contains_insensitive("windows kits"))
    return true;
  for (const std::string &Ref : unexpandedRefs(Entry))
    if (isToolsetReference(Ref))
      return true;
  return false;
}

std::optional<std::string> languageStandard(StringRef V, bool C) {
  V = V.trim();
  if (C) {
    if (V.equals_insensitive("stdc11"))
      return "-std=c11";
    if (V.equals_insensitive("stdc17"))
      return "-std=c17";
    if (V.equals_insensitive("stdclatest"))
      return "-std=c23";
    return std::nullopt;
  }
  if (V.equals_insensitive("stdcpp14"))
    return "-std=c++14";
  if (V.equals_insensitive("stdcpp17"))
    return "-std=c++17";
  if (V.equals_insensitive("stdcpp20"))
    return "-std=c++20";
  if (V.equals_insensitive("stdcpplatest"))
    return "-std=c++23";
  return std::nullopt;
}

} // namespace

namespace detail {

std::vector<std::string> ProjectLoader::entries(StringRef Value,
                                                bool IncludeDirs) {
  std::vector<std::string> Out;
  for (std::string &Entry : splitList(Value)) {
    if (IncludeDirs && isWdkDirectory(Entry)) {
      ++P.WdkIncludeDirs;
      continue;
    }
    if (hasUnexpanded(Entry)) {
      for (std::string &Ref : unexpandedRefs(Entry))
        P.UnknownProperties.insert(std::move(Ref));
      P.DroppedEntries.insert(Entry);
      continue;
    }
    Out.push_back(unescape(Entry));
  }
  return Out;
}

void ProjectLoader::forEachClCompile(
    const std::vector<Deferred> &Groups,
    llvm::function_ref<void(const tinyxml2::XMLElement *)> F) {
  for (const Deferred &D : Groups) {
    enterFile(D.File);
    if (condition(D.Element, E) != Truth::True)
      continue;
    for (const tinyxml2::XMLElement *Cl =
             D.Element->FirstChildElement("ClCompile");
         Cl; Cl = Cl->NextSiblingElement("ClCompile"))
      if (condition(Cl, E) == Truth::True)
        F(Cl);
  }
}

void ProjectLoader::evaluateDefinitions() {
  forEachClCompile(Definitions, [&](const tinyxml2::XMLElement *Cl) {
    Expander X = E;
    X.Metadata = &ClCompileDefaults;
    readMetadataElements(Cl, X, ClCompileDefaults);
  });
}

void ProjectLoader::readMetadataElements(const tinyxml2::XMLElement *El,
                                         const Expander &X, NameMap &Into) {
  for (const tinyxml2::XMLElement *M = El->FirstChildElement(); M;
       M = M->NextSiblingElement()) {
    if (condition(M, X) != Truth::True)
      continue;
    // Expanded before it is stored: `%(Name)` in it means the earlier value.
    std::string V = X.expand(text(M));
    Into[M->Name()] = std::move(V);
  }
}

void ProjectLoader::applyMetadata(const tinyxml2::XMLElement *El, Item &It) {
  Expander X = E;
  X.Metadata = &It.Metadata;
  static const char *const Reserved[] = {"Include",
                                         "Exclude",
                                         "Remove",
                                         "Update",
                                         "Condition",
                                         "Label",
                                         "KeepMetadata",
                                         "RemoveMetadata",
                                         "KeepDuplicates",
                                         "MatchOnMetadata",
                                         "MatchOnMetadataOptions"};
  for (const tinyxml2::XMLAttribute *A = El->FirstAttribute(); A; A = A->Next())
    if (!llvm::is_contained(Reserved, StringRef(A->Name())))
      It.Metadata[A->Name()] = X.expand(A->Value());
  readMetadataElements(El, X, It.Metadata);
}

void ProjectLoader::evaluateItems() {
  auto Files = [&](StringRef List) {
    std::vector<std::string> Out;
    for (const std::string &Entry : entries(E.expand(List)))
      for (std::string &F : expandEntry(Entry, ProjectDir))
        Out.push_back(std::move(F));
    return Out;
  };
  auto Find = [&](StringRef F) {
    return llvm::find_if(Items, [&](const Item &I) {
      return StringRef(I.File).equals_insensitive(F);
    });
  };
  forEachClCompile(ItemGroups, [&](const tinyxml2::XMLElement *Cl) {
    if (const char *Remove = Cl->Attribute("Remove")) {
      for (const std::string &F : Files(Remove))
        if (auto It = Find(F); It != Items.end())
          Items.erase(It);
      return;
    }
    if (const char *Update = Cl->Attribute("Update")) {
      for (const std::string &F : Files(Update))
        if (auto It = Find(F); It != Items.end())
          applyMetadata(Cl, *It);
      return;
    }
    std::vector<std::string> Excluded = Files(attr(Cl, "Exclude"));
    for (const std::string &F : Files(attr(Cl, "Include"))) {
      if (llvm::any_of(Excluded, [&](const std::string &X) {
            return StringRef(X).equals_insensitive(F);
          }))
        continue;
      if (Find(F) != Items.end())
        continue; // listed twice: the first one stands
      Item It;
      It.File = F;
      It.Metadata = ClCompileDefaults;
      It.Metadata["Identity"] = F;
      It.Metadata["FullPath"] = F;
      It.Metadata["Filename"] = llvm::sys::path::stem(F).str();
      It.Metadata["Extension"] = llvm::sys::path::extension(F).str();
      It.Metadata["Directory"] = withSlash(llvm::sys::path::parent_path(F));
      applyMetadata(Cl, It);
      Items.push_back(std::move(It));
    }
  });
}

void ProjectLoader::makeUnits() {
  for (const Item &It : Items) {
    auto Get = [&](StringRef Name) -> std::string {
      auto I = It.Metadata.find(Name.str());
      return I == It.Metadata.end() ? std::string() : I->second;
    };
    if (StringRef(Get("ExcludedFromBuild")).trim().equals_insensitive("true"))
      continue;
    StringRef CompileAs = StringRef(Get("CompileAs")).trim();
    bool IsC = CompileAs.equals_insensitive("CompileAsC") ||
               (!CompileAs.equals_insensitive("CompileAsCpp") &&
                llvm::sys::path::extension(It.File).equals_insensitive(".c"));
    if (!llvm::sys::fs::is_regular_file(It.File)) {
      P.MissingSources.push_back(It.File);
      continue;
    }
    CompileUnit U;
    U.File = It.File;
    U.Directory = ProjectDir;
    std::vector<std::string> &C = U.Command;
    C = {IsC ? "clang" : "clang++", "-x", IsC ? "c" : "c++"};
    if (auto Std = languageStandard(
            Get(IsC ? "LanguageStandard_C" : "LanguageStandard"), IsC))
      C.push_back(*Std);
    for (const std::string &D : entries(Get("PreprocessorDefinitions")))
      C.push_back("-D" + D);
    for (const std::string &D : entries(Get("UndefinePreprocessorDefinitions")))
      C.push_back("-U" + D);
    for (const std::string &I :
         entries(Get("AdditionalIncludeDirectories"), /*IncludeDirs=*/true)) {
      if (isWindowsAbsolute(I)) {
        P.UnknownProperties.insert("(absolute Windows path " + I + ")");
        P.DroppedEntries.insert(I);
        continue;
      }
      std::string Flag = "-I" + resolvePath(I, ProjectDir);
      if (!llvm::is_contained(C, Flag))
        C.push_back(std::move(Flag));
    }
    for (const std::string &F : entries(Get("ForcedIncludeFiles"))) {
      std::string Local = resolvePath(F, ProjectDir);
      C.push_back("-include");
      C.push_back(llvm::sys::fs::exists(Local) ? Local : toSlashes(F));
    }
    C.push_back(It.File);
    P.Units.push_back(std::move(U));
  }
}

} // namespace detail

} // namespace ks::msbuild
