//===- SharedPreambleTest.cpp - What part of a main file is shared --------===//
//
// sharedPrefix decides which sources may share a precompiled preamble: the
// same tokens up to the last #include outside any #if block, comments and
// line layout aside. A wrong cut would hand one file another's macros.
//
//===----------------------------------------------------------------------===//
#include "SharedPreamble.h"

#include "clang/Basic/LangOptions.h"
#include "gtest/gtest.h"

#include <string>

namespace ks {
namespace {

clang::LangOptions cxx() {
  clang::LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.MicrosoftExt = true;
  return LO;
}

std::optional<SharedPrefix> prefixOf(const std::string &Text) {
  return sharedPrefix(Text, cxx());
}

TEST(SharedPrefixTest, EndsAfterTheLastIncludeBeforeTheFirstDeclaration) {
  const std::string Text = "// a.cpp\n#include <ntddk.h>\n#include \"drv.h\"\n"
                           "#define LIMIT 4\nstatic int X;\n";
  auto P = prefixOf(Text);
  ASSERT_TRUE(P);
  EXPECT_EQ(Text.substr(0, P->Size),
            "// a.cpp\n#include <ntddk.h>\n#include \"drv.h\"\n");
  EXPECT_EQ(P->Tokens, "\n#include <ntddk.h>\n#include \"drv.h\"");
}

TEST(SharedPrefixTest, CommentsAndLayoutDoNotCount) {
  auto A =
      prefixOf("/* one\n   two */\n#include \"drv.h\"  // shared\nint X;\n");
  auto B = prefixOf("// other\n#  include \"drv.h\"\nint Y;\n");
  ASSERT_TRUE(A && B);
  // "#  include" keeps its space: spacing is kept wherever it is written.
  EXPECT_NE(A->Tokens, B->Tokens);
  auto C = prefixOf("// other\n\n\n#include \"drv.h\"\nint Y;\n");
  ASSERT_TRUE(C);
  EXPECT_EQ(A->Tokens, C->Tokens);
}

TEST(SharedPrefixTest, MacroSpacingCounts) {
  auto A = prefixOf("#define F(x) x\n#include \"drv.h\"\nint X;\n");
  auto B = prefixOf("#define F (x) x\n#include \"drv.h\"\nint X;\n");
  ASSERT_TRUE(A && B);
  EXPECT_NE(A->Tokens, B->Tokens);
}

TEST(SharedPrefixTest, NeverCutsInsideAnIfBlock) {
  const std::string Text = "#include <ntddk.h>\n#ifdef VENDOR\n#include "
                           "\"vendor.h\"\nint X;\n#endif\n";
  auto P = prefixOf(Text);
  ASSERT_TRUE(P);
  EXPECT_EQ(Text.substr(0, P->Size), "#include <ntddk.h>\n");
  // A whole block holding an include is shared, up to its #endif.
  const std::string Whole =
      "#include <ntddk.h>\n#if DBG\n#include \"trace.h\"\n#endif\nint X;\n";
  P = prefixOf(Whole);
  ASSERT_TRUE(P);
  EXPECT_EQ(Whole.substr(0, P->Size),
            "#include <ntddk.h>\n#if DBG\n#include \"trace.h\"\n#endif\n");
}

TEST(SharedPrefixTest, NothingToShareWithoutAnInclude) {
  EXPECT_FALSE(prefixOf("#define A 1\nint X;\n"));
  EXPECT_FALSE(prefixOf("int X;\n#include <ntddk.h>\n"));
  EXPECT_FALSE(prefixOf(""));
  // An #endif without its #if is not guessed at.
  EXPECT_FALSE(prefixOf("#endif\n#include <ntddk.h>\nint X;\n"));
}

TEST(SharedPrefixTest, AnIncludeOnTheLastLineHasNoNextLine) {
  // The preamble must end at the start of a line.
  EXPECT_FALSE(prefixOf("#include <ntddk.h>"));
  auto P = prefixOf("#include <ntddk.h>\n");
  ASSERT_TRUE(P);
  EXPECT_EQ(P->Size, 19u);
}

TEST(SharedPrefixTest, EscapedNewlinesStayInTheDirective) {
  const std::string Text = "#include \\\n  <ntddk.h>\nint X;\n";
  auto P = prefixOf(Text);
  ASSERT_TRUE(P);
  EXPECT_EQ(P->Size, Text.find("int"));
}

TEST(SharedPrefixTest, EveryIncludeOutsideAnIfBlockIsACut) {
  // A source that goes on with its own headers after a common one can
  // share the common part.
  const std::string Text = "#pragma warning(disable : 4127)\n"
                           "#include \"definitions.h\"\n#define X 1\n"
                           "#include \"minwave.h\"\n#ifdef Y\n#include "
                           "\"y.h\"\n#endif\nint Z;\n";
  std::vector<SharedPrefix> Cuts = sharedPrefixes(Text, cxx());
  ASSERT_EQ(Cuts.size(), 3u);
  EXPECT_EQ(Text.substr(0, Cuts[0].Size),
            "#pragma warning(disable : 4127)\n#include \"definitions.h\"\n");
  EXPECT_EQ(Cuts[0].Tokens,
            "\n#pragma warning(disable : 4127)\n#include \"definitions.h\"");
  EXPECT_EQ(Text.substr(Cuts[0].Size, Cuts[1].Size - Cuts[0].Size),
            "#define X 1\n#include \"minwave.h\"\n");
  EXPECT_EQ(Text.substr(Cuts[1].Size, Cuts[2].Size - Cuts[1].Size),
            "#ifdef Y\n#include \"y.h\"\n#endif\n");
  // Each cut's tokens begin with the shorter one's.
  EXPECT_EQ(Cuts[1].Tokens.rfind(Cuts[0].Tokens, 0), 0u);
  EXPECT_EQ(Cuts[2].Tokens.rfind(Cuts[1].Tokens, 0), 0u);
}

} // namespace
} // namespace ks
