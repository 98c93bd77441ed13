//===- fuzz_sln.cpp - kstidy <solution.sln> -------------------------------===//
//
// The solution reader: ks::msbuild::parseSolution over the input written as
// a .sln at the root of a copy of test/msbuild, then, as `kstidy x.sln`
// does, ks::msbuild::loadMsBuildDatabase over it (the projects it lists and
// the configurations it maps them to, read from the copy).
//
//===----------------------------------------------------------------------===//
#include "FuzzSupport.h"

#include "MsBuildProject.h"

namespace {
std::string SolutionPath;
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  std::string Repo = ks_fuzz::msbuildFixture(ks_fuzz::scratchDir("fuzz-sln"));
  llvm::SmallString<256> P(Repo);
  llvm::sys::path::append(P, "Fuzz.sln");
  SolutionPath = std::string(P);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  ks_fuzz::writeFile(SolutionPath, ks_fuzz::asText(Data, Size));
  auto S = ks::msbuild::parseSolution(SolutionPath);
  if (!S) {
    llvm::consumeError(S.takeError());
    return 0;
  }
  (void)ks::msbuild::chooseDefaultConfig(S->Configurations);
  std::vector<std::string> Notes;
  auto DB =
      ks::msbuild::loadMsBuildDatabase({SolutionPath}, std::nullopt, Notes);
  if (!DB)
    llvm::consumeError(DB.takeError());
  return 0;
}
