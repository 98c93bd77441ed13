//===- fuzz_msbuild_condition.cpp - MSBuild conditions and expansion
//-------===//
//
// The small evaluators of the MSBuild reader, on their own (they are
// cheap, so this target runs far more inputs than fuzz-vcxproj):
// ks::msbuild::evaluateCondition (Condition="..." attributes),
// Expander::expand and hasUnexpanded ($(Property) and %(Metadata)),
// resolvePath (Windows paths on a case-sensitive file system, against a
// copy of test/msbuild) and ProjectConfig::parse (--msbuild-config).
//
//===----------------------------------------------------------------------===//
#include "FuzzSupport.h"

#include "MsBuildProject.h"

namespace {
ks::msbuild::Expander Props;
ks::msbuild::NameMap Metadata;
std::string BaseDir;
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  std::string Repo =
      ks_fuzz::msbuildFixture(ks_fuzz::scratchDir("fuzz-msbuild-condition"));
  BaseDir = Repo + "/Capture";
  Props.Properties = {{"Configuration", "Release"},
                      {"Platform", "x64"},
                      {"ProjectDir", BaseDir + "/"},
                      {"SolutionDir", Repo + "/"},
                      {"MSBuildThisFileDirectory", BaseDir + "/"},
                      {"ProjectName", "Capture"},
                      {"TargetName", "capture"},
                      {"Empty", ""},
                      {"SelfRef", "$(SelfRef)x"},
                      {"Defines", "KS_DEMO=1;$(Undefined);_WIN64"}};
  Metadata = {{"Filename", "capture"},
              {"Extension", ".cpp"},
              {"PreprocessorDefinitions", "A=1;%(PreprocessorDefinitions)"}};
  Props.Metadata = &Metadata;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text = ks_fuzz::asText(Data, Size);
  (void)ks::msbuild::evaluateCondition(Text, Props, BaseDir);
  std::set<std::string> Unknown;
  std::string Expanded = Props.expand(Text, &Unknown);
  (void)ks::msbuild::hasUnexpanded(Expanded);
  (void)ks::msbuild::resolvePath(Expanded, BaseDir);
  if (auto C = ks::msbuild::ProjectConfig::parse(Text)) {
    auto Again = ks::msbuild::ProjectConfig::parse(C->str());
    if (!Again || !(*Again == *C))
      ks_fuzz::fail("ProjectConfig::parse(str()) does not give the same "
                    "configuration back",
                    Text);
  }
  return 0;
}
