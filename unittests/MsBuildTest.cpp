//===- MsBuildTest.cpp - .vcxproj / .sln without a compile database -------===//
//
// The evaluator on its own (conditions, properties, paths) and on the
// fixture tree test/msbuild (a solution, two projects, a property
// sheet).
//
//===----------------------------------------------------------------------===//
#include "MsBuildProject.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace ks::msbuild;

namespace {

std::string fixture(llvm::StringRef Rel) {
  llvm::SmallString<256> P(KSTIDY_TEST_SOURCE_DIR);
  llvm::sys::path::append(P, "test", "msbuild", Rel);
  return std::string(P);
}

Expander props(std::initializer_list<std::pair<const char *, const char *>> L) {
  Expander E;
  for (const auto &[K, V] : L)
    E.Properties[K] = V;
  return E;
}

const CompileUnit *unitFor(const Project &P, llvm::StringRef FileName) {
  for (const CompileUnit &U : P.Units)
    if (llvm::sys::path::filename(U.File) == FileName)
      return &U;
  return nullptr;
}

bool hasArg(const CompileUnit &U, llvm::StringRef A) {
  return llvm::is_contained(U.Command, A.str());
}

/// A scratch directory, removed afterwards.
class TempDir {
public:
  TempDir() {
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("kstidy-msbuild", Dir));
  }
  ~TempDir() { llvm::sys::fs::remove_directories(Dir); }
  std::string write(llvm::StringRef Rel, llvm::StringRef Text) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Rel);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    EXPECT_FALSE(EC) << EC.message();
    OS << Text;
    return std::string(P);
  }
  std::string path(llvm::StringRef Rel) const {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Rel);
    return std::string(P);
  }
  llvm::SmallString<256> Dir;
};

const char ProjectHead[] =
    R"(<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
)";

} // namespace

// --- Conditions ------------------------------------------------------------

TEST(MsBuildCondition, ConfigurationPlatformPair) {
  Expander E = props({{"Configuration", "Release"}, {"Platform", "x64"}});
  EXPECT_EQ(evaluateCondition("'$(Configuration)|$(Platform)'=='Release|x64'",
                              E, "/"),
            Truth::True);
  EXPECT_EQ(
      evaluateCondition("'$(Configuration)|$(Platform)'=='Debug|x64'", E, "/"),
      Truth::False);
  // Comparisons ignore case, as MSBuild's do.
  EXPECT_EQ(evaluateCondition(" '$(Configuration)' == 'RELEASE' ", E, "/"),
            Truth::True);
  EXPECT_EQ(evaluateCondition("'$(Platform)' != 'Win32'", E, "/"), Truth::True);
  EXPECT_EQ(evaluateCondition("", E, "/"), Truth::True);
}

TEST(MsBuildCondition, AndOrNotAndParentheses) {
  Expander E = props({{"Configuration", "Debug"}, {"Platform", "x64"}});
  EXPECT_EQ(evaluateCondition(
                "'$(Configuration)'=='Debug' and '$(Platform)'=='x64'", E, "/"),
            Truth::True);
  EXPECT_EQ(
      evaluateCondition("'$(Configuration)'=='Release' or '$(Platform)'=='x64'",
                        E, "/"),
      Truth::True);
  EXPECT_EQ(
      evaluateCondition("!('$(Configuration)'=='Debug') AND true", E, "/"),
      Truth::False);
  EXPECT_EQ(
      evaluateCondition(
          "'$(Configuration)'=='Release' Or ('$(Platform)'=='ARM64' or !false)",
          E, "/"),
      Truth::True);
}

TEST(MsBuildCondition, UnknownPropertiesMakeItUnknown) {
  Expander E = props({{"Configuration", "Release"}});
  EXPECT_EQ(evaluateCondition("'$(VisualStudioVersion)' >= '16.0'", E, "/"),
            Truth::Unknown);
  EXPECT_EQ(
      evaluateCondition("'$(PlatformToolset)' == 'WindowsKernelModeDriver10.0'",
                        E, "/"),
      Truth::Unknown);
  // A known False decides an and, a known True an or.
  EXPECT_EQ(evaluateCondition(
                "'$(Configuration)'=='Debug' and '$(Unknown)'=='x'", E, "/"),
            Truth::False);
  EXPECT_EQ(evaluateCondition(
                "'$(Configuration)'=='Release' or '$(Unknown)'=='x'", E, "/"),
            Truth::True);
  EXPECT_EQ(evaluateCondition(
                "'$(Configuration)'=='Release' and '$(Unknown)'=='x'", E, "/"),
            Truth::Unknown);
  // Property functions and unsupported forms are unknown, never guessed.
  EXPECT_EQ(evaluateCondition("$([MSBuild]::IsOsPlatform('Windows'))", E, "/"),
            Truth::Unknown);
  EXPECT_EQ(evaluateCondition("'@(Inf)' != ''", E, "/"), Truth::Unknown);
  EXPECT_EQ(evaluateCondition("'$(Configuration)' == ", E, "/"),
            Truth::Unknown);
}

TEST(MsBuildCondition, NumbersAndFunctions) {
  Expander E = props({{"Ver", "10"}, {"Dir", "some\\dir\\"}});
  EXPECT_EQ(evaluateCondition("$(Ver) > 8", E, "/"), Truth::True);
  EXPECT_EQ(evaluateCondition("'$(Ver)' <= '9.5'", E, "/"), Truth::False);
  EXPECT_EQ(evaluateCondition("HasTrailingSlash('$(Dir)')", E, "/"),
            Truth::True);
  TempDir T;
  T.write("Sub/There.props", "<Project/>");
  EXPECT_EQ(evaluateCondition("Exists('sub\\there.props')", E, T.Dir),
            Truth::True);
  EXPECT_EQ(evaluateCondition("exists('sub\\missing.props')", E, T.Dir),
            Truth::False);
  EXPECT_EQ(evaluateCondition("!Exists('$(UserRootDir)\\x.props')", E, T.Dir),
            Truth::Unknown);
}

// --- Properties and paths --------------------------------------------------

TEST(MsBuildExpand, KnownAndUnknownProperties) {
  Expander E = props({{"ProjectDir", "/src/drv/"}, {"Platform", "x64"}});
  std::set<std::string> Unknown;
  EXPECT_EQ(E.expand("$(projectdir)inc;$(IntDir)gen;$(Platform)", &Unknown),
            "/src/drv/inc;$(IntDir)gen;x64");
  EXPECT_EQ(Unknown, std::set<std::string>{"$(IntDir)"});
  EXPECT_TRUE(hasUnexpanded("$(IntDir)gen"));
  EXPECT_FALSE(hasUnexpanded("/src/drv/inc"));
  // Property functions stay as written.
  Unknown.clear();
  EXPECT_EQ(E.expand("$([System.IO.Path]::Combine('a', 'b'))", &Unknown),
            "$([System.IO.Path]::Combine('a', 'b'))");
  EXPECT_EQ(Unknown.size(), 1u);
}

TEST(MsBuildExpand, MetadataInheritance) {
  Expander E;
  NameMap Meta{{"PreprocessorDefinitions", "A;B"}};
  E.Metadata = &Meta;
  EXPECT_EQ(E.expand("C;%(PreprocessorDefinitions)"), "C;A;B");
  EXPECT_EQ(E.expand("%(ClCompile.PreprocessorDefinitions);D"), "A;B;D");
  // Undefined metadata is empty.
  EXPECT_EQ(E.expand("%(AdditionalIncludeDirectories);inc"), ";inc");
}

TEST(MsBuildPath, ResolvesCaseInsensitively) {
  TempDir T;
  T.write("Driver/Include/KsTables.h", "");
  EXPECT_EQ(resolvePath("driver\\include\\kstables.h", T.Dir),
            T.path("Driver/Include/KsTables.h"));
  EXPECT_EQ(resolvePath("DRIVER/Sub/../INCLUDE", T.Dir),
            T.path("Driver/Include"));
  // What does not exist keeps its spelling.
  EXPECT_EQ(resolvePath("driver\\missing\\x.h", T.Dir),
            T.path("Driver/missing/x.h"));
}

// --- Configurations --------------------------------------------------------

TEST(MsBuildConfig, DefaultIsTheFirstX64Release) {
  std::vector<ProjectConfig> L = {{"Debug", "Win32"},
                                  {"Debug", "x64"},
                                  {"Release", "ARM64"},
                                  {"Release", "x64"}};
  EXPECT_EQ(chooseDefaultConfig(L)->str(), "Release|x64");
  L = {{"Win7 Debug", "x64"}, {"Win8 Release", "x64"}};
  EXPECT_EQ(chooseDefaultConfig(L)->str(), "Win8 Release|x64");
  L = {{"Debug", "ARM64"}, {"Checked", "Win32"}};
  EXPECT_EQ(chooseDefaultConfig(L)->str(), "Debug|ARM64");
  EXPECT_FALSE(chooseDefaultConfig({}));
  EXPECT_FALSE(ProjectConfig::parse("Release"));
  EXPECT_EQ(ProjectConfig::parse(" Release | x64 ")->str(), "Release|x64");
}

TEST(MsBuildProjectTest, FixtureDefaultConfiguration) {
  auto P = loadProject(fixture("Capture/Capture.vcxproj"));
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  EXPECT_EQ(P->Chosen.str(), "Release|x64");
  EXPECT_EQ(P->Configurations.size(), 3u);
  // legacy.cpp is ExcludedFromBuild in Release|x64; Pins\*.cpp matches
  // pins/pin.cpp.
  std::vector<std::string> Names;
  for (const CompileUnit &U : P->Units)
    Names.push_back(llvm::sys::path::filename(U.File).str());
  EXPECT_EQ(Names,
            (std::vector<std::string>{"capture.cpp", "pin.cpp", "clock.c"}));
}

TEST(MsBuildProjectTest, FixtureMetadataAndOverrides) {
  auto P = loadProject(fixture("Capture/Capture.vcxproj"));
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  const CompileUnit *Capture = unitFor(*P, "capture.cpp");
  const CompileUnit *Pin = unitFor(*P, "pin.cpp");
  const CompileUnit *Clock = unitFor(*P, "clock.c");
  ASSERT_TRUE(Capture && Pin && Clock);
  // The per-file override on capture.cpp, on top of the definitions.
  EXPECT_TRUE(hasArg(*Capture, "-DKSDEMO_SEED_DEFECT"));
  EXPECT_FALSE(hasArg(*Pin, "-DKSDEMO_SEED_DEFECT"));
  // Definitions from the project and from the imported .props, in order.
  EXPECT_TRUE(hasArg(*Pin, "-DKSDEMO_CAPTURE_x64"));
  EXPECT_TRUE(hasArg(*Pin, "-DKSDEMO_SHARED=1"));
  EXPECT_TRUE(hasArg(*Pin, "-DKSDEMO_RELEASE_BUILD"));
  EXPECT_TRUE(hasArg(*Pin, "-UKSDEMO_NOT_WANTED"));
  EXPECT_TRUE(hasArg(*Pin, "-I" + fixture("common/include")));
  EXPECT_TRUE(hasArg(*Pin, fixture("common/include/ksdemo_forced.h")));
  EXPECT_TRUE(hasArg(*Pin, "-std=c++17"));
  // C sources: the C language and LanguageStandard_C.
  EXPECT_EQ(Clock->Command[0], "clang");
  EXPECT_TRUE(hasArg(*Clock, "c"));
  EXPECT_TRUE(hasArg(*Clock, "-std=c11"));
  EXPECT_EQ(Clock->Command.back(), fixture("Capture/clock.c"));
  // No WDK directory ($(KMDF_INC_PATH)) made it in.
  for (const std::string &A : Pin->Command)
    EXPECT_FALSE(llvm::StringRef(A).contains("KMDF")) << A;
  EXPECT_GE(P->WdkIncludeDirs, 1u);
}

TEST(MsBuildProjectTest, FixtureOtherConfiguration) {
  LoadOptions O;
  O.Config = ProjectConfig{"debug", "X64"};
  auto P = loadProject(fixture("Capture/Capture.vcxproj"), O);
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  EXPECT_EQ(P->Chosen.str(), "Debug|x64");
  const CompileUnit *Legacy = unitFor(*P, "legacy.cpp");
  ASSERT_TRUE(Legacy);
  EXPECT_TRUE(hasArg(*Legacy, "-DDBG=1"));
  EXPECT_TRUE(hasArg(*Legacy, "-DKSDEMO_CHECKED_BUILD"));
  EXPECT_FALSE(hasArg(*unitFor(*P, "capture.cpp"), "-DKSDEMO_SEED_DEFECT"));

  O.Config = ProjectConfig{"Release", "ARM64"};
  auto Missing = loadProject(fixture("Capture/Capture.vcxproj"), O);
  ASSERT_FALSE(bool(Missing));
  EXPECT_EQ(llvm::toString(Missing.takeError()),
            "project " + fixture("Capture/Capture.vcxproj") +
                " has no configuration 'Release|ARM64' (it has Debug|Win32, "
                "Debug|x64, Release|x64)");
}

TEST(MsBuildProjectTest, UnexpandablePropertiesMakeOneNote) {
  auto P = loadProject(fixture("Capture/Capture.vcxproj"));
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  EXPECT_EQ(P->UnknownProperties, std::set<std::string>{"$(IntDir)"});
  std::vector<std::string> Notes = P->notes();
  ASSERT_EQ(Notes.size(), 1u);
  EXPECT_EQ(Notes[0],
            fixture("Capture/Capture.vcxproj") +
                " (Release|x64): could not expand $(IntDir) (1 entry using "
                "them dropped); 1 condition could not be evaluated and was "
                "not applied: ['$(VisualStudioVersion)' >= '16.0']");
  // The entry is dropped, not guessed.
  for (const CompileUnit &U : P->Units)
    for (const std::string &A : U.Command)
      EXPECT_FALSE(llvm::StringRef(A).contains("generated")) << A;
}

TEST(MsBuildProjectTest, ImportedPropsAndPropertyOrder) {
  TempDir T;
  T.write("Build/Common.props", std::string(ProjectHead) + R"(
  <PropertyGroup>
    <DrvInc>$(MSBuildThisFileDirectory)..\Inc</DrvInc>
    <Tag>FROM_PROPS</Tag>
  </PropertyGroup>
  <Import Project="More.props" />
</Project>)");
  T.write("Build/More.props", std::string(ProjectHead) + R"(
  <PropertyGroup><Extra>$(Tag)_MORE</Extra></PropertyGroup>
</Project>)");
  T.write("Inc/x.h", "");
  T.write("Drv/a.cpp", "");
  std::string Proj = T.write("Drv/drv.vcxproj", std::string(ProjectHead) + R"(
  <PropertyGroup><Tag>FROM_PROJECT</Tag></PropertyGroup>
  <Import Project="..\build\common.props" />
  <Import Project="$(WDKContentRoot)\build\WindowsDriver.Common.targets" />
  <Import Project="..\Build\NotThere.props" />
  <PropertyGroup><Late>$(Tag)</Late></PropertyGroup>
  <ItemDefinitionGroup>
    <ClCompile>
      <AdditionalIncludeDirectories>$(DrvInc)</AdditionalIncludeDirectories>
      <PreprocessorDefinitions>$(Extra);LATE_$(Late);NAME_$(ProjectName);CFG_$(Configuration)_$(Platform)</PreprocessorDefinitions>
    </ClCompile>
  </ItemDefinitionGroup>
  <ItemGroup><ClCompile Include="A.CPP" /></ItemGroup>
</Project>)");
  auto P = loadProject(Proj);
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  ASSERT_EQ(P->Units.size(), 1u);
  const CompileUnit &U = P->Units[0];
  EXPECT_EQ(U.File, T.path("Drv/a.cpp"));
  EXPECT_TRUE(hasArg(U, "-I" + T.path("Inc")));
  EXPECT_TRUE(hasArg(U, "-DFROM_PROPS_MORE"));
  EXPECT_TRUE(hasArg(U, "-DLATE_FROM_PROPS"));
  EXPECT_TRUE(hasArg(U, "-DNAME_drv"));
  EXPECT_TRUE(hasArg(U, "-DCFG_Release_x64"));
  // The WDK's import is skipped silently; a missing one inside the repo is
  // named.
  EXPECT_EQ(P->MissingImports,
            std::vector<std::string>{"../Build/NotThere.props"});
  EXPECT_TRUE(P->UnknownProperties.empty());
}

TEST(MsBuildProjectTest, ItemMetadataOverridesAndCompileAs) {
  TempDir T;
  T.write("a.cpp", "");
  T.write("b.c", "");
  T.write("c.cpp", "");
  std::string Proj = T.write("p.vcxproj", std::string(ProjectHead) + R"(
  <ItemDefinitionGroup>
    <ClCompile>
      <PreprocessorDefinitions>BASE</PreprocessorDefinitions>
      <LanguageStandard>stdcpp14</LanguageStandard>
    </ClCompile>
  </ItemDefinitionGroup>
  <ItemGroup>
    <ClCompile Include="a.cpp;b.c">
      <PreprocessorDefinitions>%(PreprocessorDefinitions);FILE_%(Filename)</PreprocessorDefinitions>
    </ClCompile>
    <ClCompile Include="c.cpp" LanguageStandard="stdcpplatest" CompileAs="CompileAsC" />
    <ClCompile Include="*.cpp" Exclude="c.cpp" />
  </ItemGroup>
  <ItemGroup>
    <ClCompile Update="a.cpp" UndefinePreprocessorDefinitions="BASE" />
  </ItemGroup>
</Project>)");
  auto P = loadProject(Proj);
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  ASSERT_EQ(P->Units.size(), 3u);
  const CompileUnit *A = unitFor(*P, "a.cpp"), *B = unitFor(*P, "b.c"),
                    *C = unitFor(*P, "c.cpp");
  EXPECT_TRUE(hasArg(*A, "-DBASE") && hasArg(*A, "-DFILE_a"));
  EXPECT_TRUE(hasArg(*A, "-UBASE"));
  EXPECT_TRUE(hasArg(*A, "-std=c++14"));
  EXPECT_TRUE(hasArg(*B, "-DFILE_b"));
  EXPECT_FALSE(hasArg(*B, "-std=c++14"));
  // CompileAs wins over the extension; a C file has no C++ standard.
  EXPECT_EQ(C->Command[0], "clang");
  EXPECT_FALSE(hasArg(*C, "-std=c++23"));
}

// --- Solutions -------------------------------------------------------------

TEST(MsBuildSolutionTest, ParsesProjectsAndConfigurations) {
  auto S = parseSolution(fixture("ksdemo.sln"));
  ASSERT_TRUE(bool(S)) << llvm::toString(S.takeError());
  ASSERT_EQ(S->Projects.size(), 2u); // the solution folder is not a project
  EXPECT_EQ(S->Projects[0].Name, "Capture");
  EXPECT_EQ(S->Projects[0].Path, "Capture/Capture.vcxproj");
  EXPECT_EQ(S->Projects[1].Path, "render/Render.vcxproj");
  EXPECT_EQ(S->Projects[1].Guid, "{0C0D0E0F-0000-4000-8000-000000000003}");
  ASSERT_EQ(S->Configurations.size(), 2u);
  EXPECT_EQ(S->Configurations[0].str(), "Checked|x64");
  EXPECT_EQ(
      S->ActiveConfig.at("{0C0D0E0F-0000-4000-8000-000000000002}.checked|x64")
          .str(),
      "Debug|x64");
  EXPECT_TRUE(
      S->Builds.count("{0C0D0E0F-0000-4000-8000-000000000002}.checked|x64"));
  EXPECT_FALSE(
      S->Builds.count("{0C0D0E0F-0000-4000-8000-000000000003}.checked|x64"));
}

TEST(MsBuildSolutionTest, DatabaseFromSolution) {
  std::vector<std::string> Notes;
  auto DB = loadMsBuildDatabase({fixture("ksdemo.sln")}, std::nullopt, Notes);
  ASSERT_TRUE(bool(DB)) << llvm::toString(DB.takeError());
  std::vector<std::string> Files = (*DB)->getAllFiles();
  EXPECT_EQ(Files.size(), 4u);
  // render\Render.vcxproj is render/render.vcxproj on disk; its
  // $(SolutionDir) import brings the shared definitions.
  auto Render = (*DB)->getCompileCommands(fixture("Render/render.cpp"));
  ASSERT_EQ(Render.size(), 1u);
  EXPECT_TRUE(llvm::is_contained(Render[0].CommandLine, "-DKSDEMO_SHARED=1"));
  EXPECT_TRUE(llvm::is_contained(Render[0].CommandLine, "-std=c++20"));
  // WindowsSdkDir and "Windows Kits" directories are left out.
  for (const std::string &A : Render[0].CommandLine)
    EXPECT_FALSE(llvm::StringRef(A).contains_insensitive("windows kits")) << A;

  // Checked|x64 maps the capture driver to Debug|x64, skips the render one.
  Notes.clear();
  DB = loadMsBuildDatabase({fixture("ksdemo.sln")}, "Checked|x64", Notes);
  ASSERT_TRUE(bool(DB)) << llvm::toString(DB.takeError());
  auto Legacy = (*DB)->getCompileCommands(fixture("Capture/legacy.cpp"));
  ASSERT_EQ(Legacy.size(), 1u);
  EXPECT_TRUE(llvm::is_contained(Legacy[0].CommandLine, "-DDBG=1"));
  EXPECT_TRUE((*DB)->getCompileCommands(fixture("Render/render.cpp")).empty());
  ASSERT_EQ(Notes.size(), 2u);
  EXPECT_EQ(Notes[1], fixture("Render/render.vcxproj") +
                          ": not built in solution configuration Checked|x64, "
                          "skipped");
}

TEST(MsBuildSolutionTest, ProjectAloneFindsItsSolutionDir) {
  std::vector<std::string> Notes;
  auto DB = loadMsBuildDatabase({fixture("Render/render.vcxproj")},
                                std::string("Debug|x64"), Notes);
  ASSERT_TRUE(bool(DB)) << llvm::toString(DB.takeError());
  auto Render = (*DB)->getCompileCommands(fixture("Render/render.cpp"));
  ASSERT_EQ(Render.size(), 1u);
  EXPECT_TRUE(llvm::is_contained(Render[0].CommandLine, "-DKSDEMO_SHARED=1"));
  EXPECT_TRUE(llvm::is_contained(Render[0].CommandLine, "-std=c++23"));
  EXPECT_TRUE(Notes.empty());
}

// --- Errors ----------------------------------------------------------------

TEST(MsBuildErrors, MalformedMissingEmpty) {
  auto Bad = loadProject(fixture("bad/malformed.vcxproj"));
  ASSERT_FALSE(bool(Bad));
  std::string Message = llvm::toString(Bad.takeError());
  EXPECT_EQ(Message, "malformed project " + fixture("bad/malformed.vcxproj") +
                         ": XML error at line 4: mismatched closing tag");
  EXPECT_EQ(Message.find('\n'), std::string::npos);

  auto Missing = loadProject(fixture("bad/nothere.vcxproj"));
  ASSERT_FALSE(bool(Missing));
  EXPECT_EQ(llvm::toString(Missing.takeError()),
            "no such project: " + fixture("bad/nothere.vcxproj"));

  auto Empty = loadProject(fixture("bad/headers-only.vcxproj"));
  ASSERT_FALSE(bool(Empty));
  EXPECT_EQ(
      llvm::toString(Empty.takeError()),
      "project " + fixture("bad/headers-only.vcxproj") +
          " has no ClCompile items (for Release|x64): nothing to analyze");

  TempDir T;
  std::string NotProject =
      T.write("x.vcxproj", "<Root><ClCompile Include='a.cpp'/></Root>");
  auto Wrong = loadProject(NotProject);
  ASSERT_FALSE(bool(Wrong));
  EXPECT_NE(llvm::toString(Wrong.takeError()).find("is not an MSBuild project"),
            std::string::npos);

  auto Sln = parseSolution(fixture("bad/not-a-solution.sln"));
  ASSERT_FALSE(bool(Sln));
  EXPECT_NE(
      llvm::toString(Sln.takeError()).find("not a Visual Studio solution"),
      std::string::npos);

  std::vector<std::string> Notes;
  auto Gone = loadMsBuildDatabase({fixture("bad/lists-missing.sln")},
                                  std::nullopt, Notes);
  ASSERT_FALSE(bool(Gone));
  EXPECT_NE(llvm::toString(Gone.takeError())
                .find("lists project gone/Gone.vcxproj, which does not exist"),
            std::string::npos);

  auto BadConfig = loadMsBuildDatabase({fixture("ksdemo.sln")},
                                       std::string("Release"), Notes);
  ASSERT_FALSE(bool(BadConfig));
  EXPECT_EQ(llvm::toString(BadConfig.takeError()),
            "--msbuild-config must be Configuration|Platform (e.g. "
            "Release|x64), not 'Release'");
}

// Found by fuzzing the project reader: a pattern of many stars backtracked
// exponentially, and `\**\*.cpp` walked the whole file system.
TEST(MsBuildWildcards, StarsMatchInLinearTimeAndCaseInsensitively) {
  TempDir T;
  T.write("Src/Filter.CPP", "");
  T.write("Src/pin.cpp", "");
  T.write("Src/notes.txt", "");
  std::string Proj = T.write("Drv.vcxproj", std::string(ProjectHead) + R"(
  <ItemGroup>
    <ClCompile Include="src\*.cpp" />
    <ClCompile Include="*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?Z" />
    <ClCompile Include="\**\*.cpp" />
  </ItemGroup>
</Project>)");
  auto P = loadProject(Proj);
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  std::vector<std::string> Names;
  for (const CompileUnit &U : P->Units)
    Names.push_back(llvm::sys::path::filename(U.File).str());
  std::sort(Names.begin(), Names.end());
  EXPECT_EQ(Names, (std::vector<std::string>{"Filter.CPP", "pin.cpp"}));
}
