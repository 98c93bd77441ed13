//===- fuzz_vcxproj.cpp - kstidy <project.vcxproj> ------------------------===//
//
// The MSBuild project reader as `kstidy driver.vcxproj` uses it:
// ks::msbuild::loadMsBuildDatabase over the input written as a .vcxproj
// beside a real project of a copy of test/msbuild (so that its
// `..\common\KsDemo.props` import, its sources and wildcards, and the
// solution above it resolve), then every compile command it made, through
// ks::normalizeCommand as the analyzer would.
//
// Input: the .vcxproj text. The copy lives in a scratch directory of this
// process (removed at exit); the project file is rewritten per input.
//
//===----------------------------------------------------------------------===//
#include "FuzzSupport.h"

#include "CommandLine.h"
#include "MsBuildProject.h"

namespace {
std::string ProjectPath;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  std::string Repo =
      ks_fuzz::msbuildFixture(ks_fuzz::scratchDir("fuzz-vcxproj"));
  llvm::SmallString<256> P(Repo);
  llvm::sys::path::append(P, "Capture", "Fuzz.vcxproj");
  ProjectPath = std::string(P);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  ks_fuzz::writeFile(ProjectPath, ks_fuzz::asText(Data, Size));
  std::vector<std::string> Notes;
  auto DB =
      ks::msbuild::loadMsBuildDatabase({ProjectPath}, std::nullopt, Notes);
  if (!DB) {
    llvm::consumeError(DB.takeError());
    return 0;
  }
  for (clang::tooling::CompileCommand &C : (*DB)->getAllCompileCommands()) {
    std::vector<std::string> Args = C.CommandLine;
    ks::normalizeCommand(Args);
  }
  return 0;
}
