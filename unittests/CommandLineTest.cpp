//===- CommandLineTest.cpp - cl-style compile commands made GNU-style -----===//
//
// normalizeCommand and isClStyle, function by function: which commands count
// as cl.exe / clang-cl, which cl flags become which GNU flags, which are
// dropped, where the source ends up, and how precompiled headers made on
// another host disappear from either kind of command. (The flags that would
// make a parse write files are ReliabilityTest's.)
//
//===----------------------------------------------------------------------===//
#include "CommandLine.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ks {
namespace {

using Args = std::vector<std::string>;

/// \p In normalized, with what normalizeCommand said about it.
struct Normalized {
  Args Out;
  CommandCleanup Cleanup;
};

Normalized normalized(Args In) {
  Normalized N;
  N.Cleanup = normalizeCommand(In);
  N.Out = std::move(In);
  return N;
}

// --- isClStyle -------------------------------------------------------------

TEST(IsClStyle, NamesTheDriverWhateverItsPathCaseOrQuotes) {
  EXPECT_TRUE(isClStyle({"cl.exe", "a.cpp"}));
  EXPECT_TRUE(isClStyle({"CL.EXE", "a.cpp"}));
  EXPECT_TRUE(isClStyle({"cl", "a.cpp"}));
  EXPECT_TRUE(isClStyle({"clang-cl", "a.cpp"}));
  EXPECT_TRUE(isClStyle({"Clang-Cl.exe", "a.cpp"}));
  EXPECT_TRUE(isClStyle({"C:\\Program Files\\LLVM\\bin\\clang-cl.exe"}));
  EXPECT_TRUE(isClStyle({"\"C:\\VS\\bin\\Hostx64\\x64\\cl.exe\"", "a.cpp"}));
  EXPECT_TRUE(isClStyle({"/usr/bin/clang-cl", "a.cpp"}));
}

TEST(IsClStyle, OtherDriversAreGnuStyle) {
  EXPECT_FALSE(isClStyle({}));
  EXPECT_FALSE(isClStyle({"clang", "a.cpp"}));
  EXPECT_FALSE(isClStyle({"/usr/bin/clang++-19", "a.cpp"}));
  EXPECT_FALSE(isClStyle({"gcc", "a.c"}));
  EXPECT_FALSE(isClStyle({"cl-wrapper", "a.cpp"}));
  EXPECT_FALSE(isClStyle({"mycl.exe", "a.cpp"}));
  // The name of the source does not make the command cl-style.
  EXPECT_FALSE(isClStyle({"clang", "cl.exe"}));
}

TEST(IsClStyle, DriverModeClAnywhereMakesItClStyle) {
  EXPECT_TRUE(isClStyle({"clang", "--driver-mode=cl", "a.cpp"}));
  EXPECT_TRUE(isClStyle({"clang", "a.cpp", "--driver-mode=cl"}));
  EXPECT_FALSE(isClStyle({"clang", "--driver-mode=g++", "a.cpp"}));
  EXPECT_FALSE(isClStyle({"clang", "--driver-mode=cl2", "a.cpp"}));
}

// --- GNU-style commands -----------------------------------------------------

TEST(NormalizeCommand, GnuCommandsAreLeftAlone) {
  Args In = {"/usr/bin/clang++",
             "-Iinc",
             "-DX=1",
             "-std=c++17",
             "-O2",
             "-c",
             "a.cpp",
             "-o",
             "a.o"};
  Normalized N = normalized(In);
  EXPECT_EQ(N.Out, In);
  EXPECT_FALSE(N.Cleanup.ConvertedCl);
  EXPECT_FALSE(N.Cleanup.DroppedPch);
}

TEST(NormalizeCommand, EmptyCommandStaysEmpty) {
  Normalized N = normalized({});
  EXPECT_TRUE(N.Out.empty());
  EXPECT_FALSE(N.Cleanup.ConvertedCl);
  EXPECT_FALSE(N.Cleanup.DroppedPch);
}

TEST(NormalizeCommand, GnuPrecompiledHeadersAreDropped) {
  Normalized N =
      normalized({"clang++", "-include-pch", "pre.pch", "-include",
                  "stdafx.h.gch", "-include", "config.h", "-Iinc", "a.cpp"});
  EXPECT_EQ(N.Out, (Args{"clang++", "-include", "config.h", "-Iinc", "a.cpp"}));
  EXPECT_TRUE(N.Cleanup.DroppedPch);
  EXPECT_FALSE(N.Cleanup.ConvertedCl);
}

TEST(NormalizeCommand, AStrayPrecompiledHeaderArgumentIsDropped) {
  Normalized N = normalized({"clang", "x.pch", "y.gch", "a.c"});
  EXPECT_EQ(N.Out, (Args{"clang", "a.c"}));
  EXPECT_TRUE(N.Cleanup.DroppedPch);
}

TEST(NormalizeCommand, IncludePchWithoutItsValueIsKept) {
  // Nothing follows: there is no file to drop.
  Normalized N = normalized({"clang", "a.c", "-include-pch"});
  EXPECT_EQ(N.Out, (Args{"clang", "a.c", "-include-pch"}));
  EXPECT_FALSE(N.Cleanup.DroppedPch);
}

// --- cl-style commands ------------------------------------------------------

TEST(NormalizeCommand, ClFlagsThatChangeTheParseBecomeGnuFlags) {
  Normalized N = normalized({"C:\\VS\\bin\\cl.exe",
                             "/nologo",
                             "/I",
                             "inc",
                             "/Iother",
                             "-Ithird",
                             "/DFOO=1",
                             "/D",
                             "BAR",
                             "-DBAZ",
                             "/UNDEBUG",
                             "/FIconfig.h",
                             "/FI",
                             "extra.h",
                             "/W4",
                             "/EHsc",
                             "/Zi",
                             "/O2",
                             "/MD",
                             "/kernel",
                             "src\\a.cpp",
                             "/Foout\\a.obj"});
  EXPECT_EQ(N.Out, (Args{"clang",    "-I",       "inc",     "-I",
                         "other",    "-I",       "third",   "-D",
                         "FOO=1",    "-D",       "BAR",     "-D",
                         "BAZ",      "-U",       "NDEBUG",  "-include",
                         "config.h", "-include", "extra.h", "src\\a.cpp"}));
  EXPECT_TRUE(N.Cleanup.ConvertedCl);
  EXPECT_FALSE(N.Cleanup.DroppedPch);
}

TEST(NormalizeCommand, TheSourceGoesLastAndOnlyTheLastSourceStays) {
  EXPECT_EQ(normalized({"cl", "a.cpp", "/DX"}).Out,
            (Args{"clang", "-D", "X", "a.cpp"}));
  EXPECT_EQ(normalized({"cl", "a.c", "/DX", "B.CXX"}).Out,
            (Args{"clang", "-D", "X", "B.CXX"}));
  // Without a source, nothing is appended.
  EXPECT_EQ(normalized({"cl", "/DX", "notes.txt"}).Out,
            (Args{"clang", "-D", "X"}));
}

TEST(NormalizeCommand, LanguageStandardsClangKnows) {
  EXPECT_EQ(normalized({"cl", "/std:c++17", "a.cpp"}).Out,
            (Args{"clang", "-std=c++17", "a.cpp"}));
  EXPECT_EQ(normalized({"cl", "-std:c++20", "a.cpp"}).Out,
            (Args{"clang", "-std=c++20", "a.cpp"}));
  EXPECT_EQ(normalized({"cl", "/std:c11", "a.c"}).Out,
            (Args{"clang", "-std=c11", "a.c"}));
  EXPECT_EQ(normalized({"cl", "/std:c17", "a.c"}).Out,
            (Args{"clang", "-std=c17", "a.c"}));
  // A C standard clang's GNU driver does not spell this way is dropped.
  EXPECT_EQ(normalized({"cl", "/std:clatest", "a.c"}).Out,
            (Args{"clang", "a.c"}));
}

TEST(NormalizeCommand, LanguageAndTargetFlags) {
  EXPECT_EQ(normalized({"cl", "/TP", "a.c"}).Out,
            (Args{"clang", "-xc++", "a.c"}));
  EXPECT_EQ(normalized({"cl", "-TC", "a.cpp"}).Out,
            (Args{"clang", "-xc", "a.cpp"}));
  EXPECT_EQ(
      normalized({"clang-cl", "--target=x86_64-pc-windows-msvc", "a.cpp"}).Out,
      (Args{"clang", "--target=x86_64-pc-windows-msvc", "a.cpp"}));
}

TEST(NormalizeCommand, ClPrecompiledHeadersAreDropped) {
  Normalized N =
      normalized({"cl.exe", "/Yustdafx.h", "/Fpout\\pre.pch", "-Ycstdafx.h",
                  "/FI", "stdafx.pch", "/DX", "a.cpp"});
  EXPECT_EQ(N.Out, (Args{"clang", "-D", "X", "a.cpp"}));
  EXPECT_TRUE(N.Cleanup.ConvertedCl);
  EXPECT_TRUE(N.Cleanup.DroppedPch);
}

TEST(NormalizeCommand, ClFlagWithoutItsValueIsDropped) {
  // "/I" last: no directory follows, and the bare flag is not GNU's.
  Normalized N = normalized({"cl", "a.cpp", "/I"});
  EXPECT_EQ(N.Out, (Args{"clang", "a.cpp"}));
}

TEST(NormalizeCommand, DriverModeClIsConvertedToo) {
  Normalized N =
      normalized({"/usr/bin/clang", "--driver-mode=cl", "/DX", "a.cpp"});
  EXPECT_EQ(N.Out, (Args{"clang", "-D", "X", "a.cpp"}));
  EXPECT_TRUE(N.Cleanup.ConvertedCl);
}

TEST(NormalizeCommand, NormalizingTwiceChangesNothing) {
  Args Once = normalized({"cl.exe", "/Iinc", "/DX", "/std:c++17", "/TP",
                          "/Yupre.h", "a.cpp"})
                  .Out;
  Normalized Twice = normalized(Once);
  EXPECT_EQ(Twice.Out, Once);
  EXPECT_FALSE(Twice.Cleanup.ConvertedCl);
  EXPECT_FALSE(Twice.Cleanup.DroppedPch);
}

// --- cl-style commands: sources and targets ----------------------------------

TEST(NormalizeCommand, ClCommandKeepsAnAbsolutePosixSource) {
  Normalized N = normalized(
      {"clang-cl", "/nologo", "/W4", "/Iinc", "/home/dev/drv/adapter.cpp"});
  EXPECT_TRUE(N.Cleanup.ConvertedCl);
  ASSERT_FALSE(N.Out.empty());
  EXPECT_EQ(N.Out.back(), "/home/dev/drv/adapter.cpp");
  EXPECT_EQ(N.Out, (Args{"clang", "-I", "inc", "/home/dev/drv/adapter.cpp"}));
}

TEST(NormalizeCommand, ClCommandKeepsTheSeparateTargetValue) {
  Normalized N = normalized(
      {"clang-cl", "-target", "x86_64-pc-windows-msvc", "/DX=1", "a.cpp"});
  EXPECT_EQ(N.Out, (Args{"clang", "--target=x86_64-pc-windows-msvc", "-D",
                         "X=1", "a.cpp"}));
}

TEST(NormalizeCommand, ClTpAndTcNameTheSourceAndItsLanguage) {
  EXPECT_EQ(normalized({"cl.exe", "/Tpdrv.c"}).Out,
            (Args{"clang", "-xc++", "drv.c"}));
  EXPECT_EQ(normalized({"cl.exe", "/Tcdrv.cpp"}).Out,
            (Args{"clang", "-xc", "drv.cpp"}));
}

TEST(NormalizeCommand, ClOptionsEndingInASourceExtensionAreNotSources) {
  // An option whose value ends like a source but has no second '/'.
  Normalized N = normalized({"cl.exe", "/Fooutput.cpp", "a.cpp"});
  EXPECT_EQ(N.Out, (Args{"clang", "a.cpp"}));
}

} // namespace
} // namespace ks
