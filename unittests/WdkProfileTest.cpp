//===- WdkProfileTest.cpp - When and how the WDK profile applies ----------===//
#include "WdkProfile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

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
}

TEST(WdkProfile, ReportsMissingPieces) {
  WdkProfile P = profile();
  P.MingwIncludeDir = "/nonexistent/mingw";
  auto Problems = P.problems();
  ASSERT_EQ(Problems.size(), 2u);
  EXPECT_NE(Problems[0].find("mingw-w64-common"), std::string::npos);
}

} // namespace
