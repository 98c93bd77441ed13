//===- WdkProfileTest.cpp - When and how the WDK profile applies ----------===//
#include "WdkProfile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <algorithm>

using ks::WdkProfile;
using ks::WdkProfileMode;

namespace {

WdkProfile profile() {
  WdkProfile P;
  P.CompatDir = "/opt/kstidy/wdk-compat";
  P.MingwIncludeDir = "/usr/share/mingw-w64/include";
  return P;
}

TEST(WdkProfile, RecognisesCommandsAlreadyMadeForWindows) {
  EXPECT_TRUE(WdkProfile::commandTargetsWindows(
      {"clang++", "--target=x86_64-pc-windows-msvc", "a.cpp"}));
  EXPECT_TRUE(WdkProfile::commandTargetsWindows(
      {"clang", "-target", "i686-w64-mingw32", "a.c"}));
  // A WDK that is not on this host (an MSBuild database made on Windows):
  // the profile stands in for it.
  EXPECT_FALSE(WdkProfile::commandTargetsWindows(
      {"clang",
       "-IC:\\Program Files (x86)\\Windows Kits\\10\\Include\\10.0.22621.0\\km",
       "a.c"}));
  EXPECT_FALSE(WdkProfile::commandTargetsWindows(
      {"cc", "-I/nonexistent/wdk/include/km", "a.c"}));
  // One that is: the command was made for it.
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("wdk", Dir));
  llvm::SmallString<128> Km(Dir);
  llvm::sys::path::append(Km, "km");
  ASSERT_FALSE(llvm::sys::fs::create_directory(Km));
  EXPECT_TRUE(
      WdkProfile::commandTargetsWindows({"cc", "-I" + std::string(Km), "a.c"}));
  llvm::sys::fs::remove_directories(Dir);
  EXPECT_FALSE(WdkProfile::commandTargetsWindows(
      {"g++", "-Iinclude", "-DNDEBUG", "-c", "driver.cpp"}));
  EXPECT_FALSE(WdkProfile::commandTargetsWindows(
      {"clang++", "--target=x86_64-linux-gnu", "-I/src/kmod", "a.cpp"}));
}

TEST(WdkProfile, AutoAddsTheFlagsAfterTheCompilerAndReplacesTheTarget) {
  std::vector<std::string> Cmd = {"clang++", "--target=x86_64-linux-gnu",
                                  "-Iinc", "a.cpp"};
  ASSERT_TRUE(profile().apply(Cmd, WdkProfileMode::Auto));
  EXPECT_EQ(Cmd[0], "clang++");
  EXPECT_EQ(Cmd[1], "--target=x86_64-w64-windows-gnu");
  EXPECT_EQ(std::count(Cmd.begin(), Cmd.end(), "--target=x86_64-linux-gnu"), 0);
  EXPECT_EQ(Cmd.back(), "a.cpp");
  EXPECT_NE(std::find(Cmd.begin(), Cmd.end(),
                      "/opt/kstidy/wdk-compat/kstidy-wdk-compat.h"),
            Cmd.end());
  EXPECT_NE(
      std::find(Cmd.begin(), Cmd.end(), "/usr/share/mingw-w64/include/ddk"),
      Cmd.end());
}

TEST(WdkProfile, ModesDecide) {
  std::vector<std::string> Windows = {"clang",
                                      "--target=x86_64-pc-windows-msvc", "a.c"};
  std::vector<std::string> Copy = Windows;
  EXPECT_FALSE(profile().apply(Copy, WdkProfileMode::Auto));
  EXPECT_EQ(Copy, Windows);
  EXPECT_TRUE(profile().apply(Copy, WdkProfileMode::Mingw));
  std::vector<std::string> Plain = {"clang", "a.c"};
  EXPECT_FALSE(profile().apply(Plain, WdkProfileMode::None));
  EXPECT_EQ(Plain.size(), 2u);
  EXPECT_EQ(ks::parseWdkProfileMode("auto"), WdkProfileMode::Auto);
  EXPECT_FALSE(ks::parseWdkProfileMode("msvc").has_value());
  std::string Kit;
  EXPECT_EQ(ks::parseWdkProfileMode("wdk:/mnt/d/Windows Kits/10", &Kit),
            WdkProfileMode::Wdk);
  EXPECT_EQ(Kit, "/mnt/d/Windows Kits/10");
  EXPECT_FALSE(ks::parseWdkProfileMode("wdk:").has_value());
  // wdk:DIR follows auto's rule: a command made for Windows is left alone.
  Copy = Windows;
  EXPECT_FALSE(profile().apply(Copy, WdkProfileMode::Wdk));
  EXPECT_EQ(Copy, Windows);
}

/// A directory tree for the kit tests: each path relative to a fresh
/// temporary directory, created with its parents.
std::string makeTree(std::initializer_list<const char *> Dirs) {
  llvm::SmallString<128> Root;
  EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("kit", Root));
  for (const char *D : Dirs) {
    llvm::SmallString<128> P(Root);
    llvm::sys::path::append(P, D);
    EXPECT_FALSE(llvm::sys::fs::create_directories(P));
  }
  return std::string(Root);
}

std::string found(llvm::StringRef Dir, llvm::StringRef Version = "") {
  auto F = WdkProfile::findKitIncludeDir(Dir, Version);
  if (!F)
    return "error: " + llvm::toString(F.takeError());
  return llvm::sys::path::filename(*F).str();
}

TEST(WdkProfile, FindsTheHighestKitVersionThatHasKm) {
  // Numeric order (10.0.9 < 10.0.10), not the names' order; a version
  // without km/ and a directory that is no version are not kits.
  std::string Root = makeTree({"Include/10.0.9.0/km", "Include/10.0.10.0/km",
                               "Include/10.0.99.0/um", "Include/wdf/km"});
  EXPECT_EQ(found(Root), "10.0.10.0");
  EXPECT_EQ(found(Root + "/Include"), "10.0.10.0");
  EXPECT_EQ(found(Root + "/Include/10.0.9.0"), "10.0.9.0");
  // The version the environment names wins when it is there.
  EXPECT_EQ(found(Root, "10.0.9.0"), "10.0.9.0");
  EXPECT_EQ(found(Root, "10.0.7.0"), "10.0.10.0");
  EXPECT_EQ(found(Root + "/Include/10.0.99.0")
                .rfind("error: no Windows Kits "
                       "include tree in ",
                       0),
            0u);
  llvm::sys::fs::remove_directories(Root);
}

TEST(WdkProfile, KitFlagsReplaceMingwAndNameOnlyDirectoriesThatExist) {
  std::string Root =
      makeTree({"Include/10.0.1.0/km", "Include/10.0.1.0/shared"});
  WdkProfile P = profile();
  auto Kit = WdkProfile::findKitIncludeDir(Root, "");
  ASSERT_TRUE(bool(Kit));
  P.KitIncludeDir = *Kit;
  std::vector<std::string> F = P.flags();
  EXPECT_EQ(F.front(), "--target=x86_64-pc-windows-msvc");
  EXPECT_EQ(std::count(F.begin(), F.end(), "-isystem"), 2);
  for (const std::string &Flag : F) {
    EXPECT_EQ(Flag.find("mingw"), std::string::npos) << Flag;
    EXPECT_EQ(Flag.find("wdk-compat"), std::string::npos) << Flag;
  }
  EXPECT_TRUE(P.problems().empty());
  std::vector<std::string> Warnings;
  // Mingw and None never use a kit, even one already chosen.
  ASSERT_FALSE(bool(P.selectKit(WdkProfileMode::Mingw, "", Warnings)));
  EXPECT_TRUE(P.KitIncludeDir.empty());
  EXPECT_EQ(P.flags().front(), "--target=x86_64-w64-windows-gnu");
  llvm::Error E = P.selectKit(WdkProfileMode::Wdk, Root + "/none", Warnings);
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("no such directory"),
            std::string::npos);
  ASSERT_FALSE(bool(P.selectKit(WdkProfileMode::Wdk, Root, Warnings)));
  EXPECT_EQ(llvm::sys::path::filename(P.KitIncludeDir), "10.0.1.0");
  EXPECT_TRUE(Warnings.empty());
  llvm::sys::fs::remove_directories(Root);
}

TEST(WdkProfile, KitAndMingwProfilesParseTheSameMsvcDialect) {
  // The leniency driver code needs and the refusal to guess identifiers
  // hold whichever headers are used; only mingw adds __GNUC__.
  std::string Root = makeTree({"Include/10.0.1.0/km"});
  WdkProfile Mingw = profile();
  WdkProfile Kit = profile();
  auto Dir = WdkProfile::findKitIncludeDir(Root, "");
  ASSERT_TRUE(bool(Dir));
  Kit.KitIncludeDir = *Dir;
  std::vector<std::string> M = Mingw.flags(), K = Kit.flags();
  auto Has = [](const std::vector<std::string> &F, llvm::StringRef Flag) {
    return std::find(F.begin(), F.end(), Flag) != F.end();
  };
  for (llvm::StringRef Flag :
       {"-fms-extensions", "-fms-compatibility",
        "-fno-delayed-template-parsing", "-Wno-error=implicit-int",
        "-Wno-error=implicit-function-declaration", "-Wno-error=int-conversion",
        "-Wno-error=incompatible-pointer-types",
        "-Wno-error=invalid-token-paste", "-fno-spell-checking",
        "-Wno-microsoft-exception-spec"}) {
    EXPECT_TRUE(Has(M, Flag)) << Flag.str();
    EXPECT_TRUE(Has(K, Flag)) << Flag.str();
  }
  EXPECT_TRUE(Has(M, "-fgnuc-version=4.2.1"));
  EXPECT_FALSE(Has(K, "-fgnuc-version=4.2.1"));
  llvm::sys::fs::remove_directories(Root);
}

TEST(WdkProfile, ReportsMissingPieces) {
  WdkProfile P = profile();
  P.MingwIncludeDir = "/nonexistent/mingw";
  auto Problems = P.problems();
  ASSERT_EQ(Problems.size(), 2u);
  EXPECT_NE(Problems[0].find("mingw-w64-common"), std::string::npos);
}

} // namespace
