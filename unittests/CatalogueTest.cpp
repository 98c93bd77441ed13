//===- CatalogueTest.cpp - the check catalogue and what derives from it ---===//
//
// checks/KsChecks.def is the one list of checks. The module registers exactly
// its entries, every entry has a docs page and a fixture directory, and every
// check name ksref tags its violations with is an entry.
//
//===----------------------------------------------------------------------===//
#include "ksref/Violation.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/Version.h"
// Clang 22 declares the registry in ClangTidyModule.h (this header is
// deprecated there).
#if CLANG_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif
#include "llvm/Support/FileSystem.h"

#include "gtest/gtest.h"

#include <set>
#include <string>
#include <vector>

namespace {

struct Entry {
  const char *Name;
  const char *Title;
  const char *Summary;
};

const Entry Catalogue[] = {
#define KS_CHECK(Name, Class, Title, Summary) {Name, Title, Summary},
#include "KsChecks.def"
};

std::set<std::string> catalogueNames() {
  std::set<std::string> Names;
  for (const Entry &E : Catalogue)
    Names.insert(E.Name);
  return Names;
}

TEST(Catalogue, EntriesAreSortedUniqueAndDescribed) {
  std::vector<std::string> Names;
  for (const Entry &E : Catalogue) {
    Names.push_back(E.Name);
    EXPECT_TRUE(llvm::StringRef(E.Name).starts_with("ks-")) << E.Name;
    EXPECT_FALSE(llvm::StringRef(E.Title).empty()) << E.Name;
    EXPECT_TRUE(llvm::StringRef(E.Summary).ends_with(".")) << E.Name;
  }
  EXPECT_TRUE(std::is_sorted(Names.begin(), Names.end()));
  EXPECT_EQ(catalogueNames().size(), Names.size());
}

TEST(Catalogue, ModuleRegistersExactlyTheCatalogue) {
  std::set<std::string> Registered;
  bool Found = false;
  for (const auto &Module : clang::tidy::ClangTidyModuleRegistry::entries()) {
    if (Module.getName() != "ks-module")
      continue;
    Found = true;
    clang::tidy::ClangTidyCheckFactories Factories;
    Module.instantiate()->addCheckFactories(Factories);
    for (const auto &F : Factories)
      Registered.insert(F.getKey().str());
  }
  ASSERT_TRUE(Found) << "the ks module is not linked into the test";
  EXPECT_EQ(Registered, catalogueNames());
}

TEST(Catalogue, EveryCheckHasDocsAndFixtures) {
  for (const Entry &E : Catalogue) {
    std::string Docs =
        std::string(KSTIDY_TEST_SOURCE_DIR "/docs/checks/") + E.Name + ".md";
    std::string Fixtures =
        std::string(KSTIDY_TEST_SOURCE_DIR "/test/checkers/") + E.Name;
    EXPECT_TRUE(llvm::sys::fs::is_regular_file(Docs)) << Docs;
    EXPECT_TRUE(llvm::sys::fs::is_directory(Fixtures)) << Fixtures;
  }
}

TEST(Catalogue, KsrefTagsViolationsWithCatalogueNames) {
  std::set<std::string> Names = catalogueNames();
  std::set<std::string> Tags;
  for (const char *Check : ksref::checks::All) {
    EXPECT_TRUE(Names.count(Check)) << Check << " is not in the catalogue";
    Tags.insert(Check);
  }
  EXPECT_EQ(Tags.size(), std::size(ksref::checks::All)) << "a tag twice";
}

} // namespace
