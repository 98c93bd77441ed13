//===- BaselineTest.cpp - fingerprints and baseline files -----------------===//
//
// A baseline accepts findings by fingerprint, so a fingerprint must stay the
// same when unrelated lines move or the tree is checked out elsewhere, and
// change with anything that makes it another finding. fingerprint, toBaseline
// and readBaseline directly: what is and is not the same finding, and what
// readBaseline refuses.
//
//===----------------------------------------------------------------------===//
#include "Baseline.h"
#include "Output.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace ks {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

/// Sources in temporary directories. fingerprint reads each file once per
/// thread and keeps it, so every test writes files of its own names.
class Fingerprint : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("kstidy-fp", Root));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  /// Writes \p Text to \p Name under the root; returns its path.
  std::string put(llvm::StringRef Name, llvm::StringRef Text) {
    llvm::SmallString<256> P(Root);
    llvm::sys::path::append(P, Name);
    EXPECT_FALSE(
        llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P)));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    EXPECT_FALSE(EC) << EC.message();
    OS << Text;
    return std::string(P);
  }
  std::string under(llvm::StringRef Dir) const {
    llvm::SmallString<256> P(Root);
    llvm::sys::path::append(P, Dir);
    return std::string(P);
  }

  llvm::SmallString<256> Root;
};

Finding finding(const std::string &File, unsigned Line,
                const std::string &Check = "ks-property-item-size",
                const std::string &Message = "item size 76") {
  Finding F;
  F.Check = Check;
  F.Where.File = File;
  F.Where.Line = Line;
  F.Where.Column = 5;
  F.Message = Message;
  return F;
}

TEST_F(Fingerprint, IsThirtyTwoLowercaseHexDigits) {
  std::string FP =
      fingerprint(finding(put("hex/a.cpp", "int x;\n"), 1), under("hex"));
  ASSERT_EQ(FP.size(), 32u);
  for (char C : FP)
    EXPECT_TRUE((C >= '0' && C <= '9') || (C >= 'a' && C <= 'f')) << FP;
}

TEST_F(Fingerprint, SurvivesMovedLinesIndentationAndAnotherCheckout) {
  // The same line, moved down and re-indented, in a checkout elsewhere.
  std::string A = put("one/src/drv.cpp", "// a\n  Items[] = {76};\nint y;\n");
  std::string B = put("two/src/drv.cpp",
                      "// a\n// b\n// c\n\t\tItems[] = {76};   \nint y;\n");
  EXPECT_EQ(fingerprint(finding(A, 2), under("one")),
            fingerprint(finding(B, 4), under("two")));
  // The base directory with or without its trailing slash.
  EXPECT_EQ(fingerprint(finding(A, 2), under("one")),
            fingerprint(finding(A, 2), under("one") + "/"));
}

TEST_F(Fingerprint, LineEndingsDoNotMatter) {
  std::string Lf = put("lf/drv.cpp", "int a;\nItems[] = {76};\n");
  std::string Crlf = put("crlf/drv.cpp", "int a;\r\nItems[] = {76};\r\n");
  EXPECT_EQ(fingerprint(finding(Lf, 2), under("lf")),
            fingerprint(finding(Crlf, 2), under("crlf")));
}

TEST_F(Fingerprint, AnythingThatMakesItAnotherFindingChangesIt) {
  std::string File = put("diff/drv.cpp", "Items[] = {76};\nOther[] = {76};\n");
  std::string Renamed =
      put("diff/renamed.cpp", "Items[] = {76};\nOther[] = {76};\n");
  std::string Base = under("diff");
  std::string FP = fingerprint(finding(File, 1), Base);
  EXPECT_NE(FP, fingerprint(finding(File, 2), Base)) << "another line text";
  EXPECT_NE(FP, fingerprint(finding(Renamed, 1), Base)) << "another file";
  EXPECT_NE(FP, fingerprint(finding(File, 1, "ks-property-set-count"), Base))
      << "another check";
  EXPECT_NE(
      FP, fingerprint(finding(File, 1, "ks-property-item-size", "item size 77"),
                      Base))
      << "another message";
  // Outside the base directory the path is absolute: another identity.
  EXPECT_NE(FP, fingerprint(finding(File, 1), under("elsewhere")));
}

TEST_F(Fingerprint, ColumnNotesAndFixesAreNotPartOfIt) {
  std::string File = put("extras/drv.cpp", "Items[] = {76};\n");
  Finding Plain = finding(File, 1);
  Finding Extra = Plain;
  Extra.Where.Column = 40;
  Extra.Where.Offset = 39;
  Extra.Notes.push_back({Plain.Where, "declared here"});
  Extra.Fixes.push_back({Plain.Where, 2, "76", "80"});
  EXPECT_EQ(fingerprint(Plain, under("extras")),
            fingerprint(Extra, under("extras")));
}

TEST_F(Fingerprint, UnreadableOrMissingLinesStillGiveOne) {
  std::string Short = put("short/drv.cpp", "only line\n");
  std::string Base = under("short");
  // Past the end, line 0 and a missing file: the line text is empty, so
  // the findings differ only in a line number, which is not part of it.
  EXPECT_EQ(fingerprint(finding(Short, 7), Base),
            fingerprint(finding(Short, 0), Base));
  std::string Missing = under("short/missing.cpp");
  EXPECT_EQ(fingerprint(finding(Missing, 3), Base),
            fingerprint(finding(Missing, 9), Base));
  EXPECT_NE(fingerprint(finding(Missing, 3), Base),
            fingerprint(finding(Short, 0), Base));
  // A finding without a file (a command-line diagnostic) too.
  EXPECT_EQ(fingerprint(finding("", 0), Base).size(), 32u);
}

TEST_F(Fingerprint, Utf16SourcesFingerprintAsTheirUtf8Text) {
  std::string Utf8 = put("u8/drv.cpp", "int a;\nItems[] = {76};\n");
  // The same text as UTF-16LE with a byte order mark.
  std::string Wide("\xFF\xFE", 2);
  for (char C : llvm::StringRef("int a;\nItems[] = {76};\n")) {
    Wide += C;
    Wide += '\0';
  }
  std::string Utf16 = put("u16/drv.cpp", Wide);
  EXPECT_EQ(fingerprint(finding(Utf8, 2), under("u8")),
            fingerprint(finding(Utf16, 2), under("u16")));
}

// --- toBaseline and readBaseline -------------------------------------------

TEST_F(Fingerprint, ABaselineReadsBackAsTheFingerprintsOfItsWarnings) {
  std::string File = put("round/drv.cpp", "A[] = {1};\nB[] = {2};\n");
  std::string Base = under("round");
  Finding Error = finding(File, 2, "clang-diagnostic-error", "oops");
  Error.IsError = true;
  std::vector<Finding> Findings = {finding(File, 1), finding(File, 2), Error};
  Value Doc = toBaseline(Findings, Base);
  const Object *Root = Doc.getAsObject();
  ASSERT_TRUE(Root);
  EXPECT_EQ(Root->getString("tool"), llvm::StringRef("kstidy-baseline"));
  EXPECT_EQ(Root->getInteger("version"), OutputSchemaVersion);
  const Array *Entries = Root->getArray("findings");
  ASSERT_TRUE(Entries);
  ASSERT_EQ(Entries->size(), 2u); // compile errors are never accepted
  const Object *First = (*Entries)[0].getAsObject();
  EXPECT_EQ(First->getString("check"),
            llvm::StringRef("ks-property-item-size"));
  EXPECT_EQ(First->getString("file"), llvm::StringRef("drv.cpp"));
  EXPECT_EQ(First->getString("message"), llvm::StringRef("item size 76"));

  // Through its text, as a file would carry it.
  std::string Text;
  llvm::raw_string_ostream(Text) << Doc;
  auto Parsed = llvm::json::parse(Text);
  ASSERT_TRUE(static_cast<bool>(Parsed)) << llvm::toString(Parsed.takeError());
  auto Read = readBaseline(*Parsed);
  ASSERT_TRUE(static_cast<bool>(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(*Read, (std::set<std::string>{fingerprint(Findings[0], Base),
                                          fingerprint(Findings[1], Base)}));
}

TEST(ReadBaseline, KeepsFingerprintsOnceAndSkipsEntriesWithout) {
  Value Doc =
      Object{{"tool", "kstidy-baseline"},
             {"version", 1},
             {"findings",
              Array{Object{{"fingerprint", "bbb"}},
                    Object{{"fingerprint", "aaa"}, {"check", "ks-x"}},
                    Object{{"fingerprint", "bbb"}},
                    Object{{"check", "no fingerprint"}},
                    Object{{"fingerprint", 42}}, "not an object", 7, nullptr}}};
  auto Read = readBaseline(Doc);
  ASSERT_TRUE(static_cast<bool>(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(*Read, (std::set<std::string>{"aaa", "bbb"}));
}

TEST(ReadBaseline, AnEmptyBaselineAcceptsNothing) {
  auto Read =
      readBaseline(Object{{"tool", "kstidy-baseline"}, {"findings", Array{}}});
  ASSERT_TRUE(static_cast<bool>(Read)) << llvm::toString(Read.takeError());
  EXPECT_TRUE(Read->empty());
}

std::string errorOf(const Value &Doc) {
  auto Read = readBaseline(Doc);
  if (Read)
    return "<accepted>";
  return llvm::toString(Read.takeError());
}

TEST(ReadBaseline, WhatIsNotABaselineIsRefused) {
  const std::string Refused = "not a kstidy baseline";
  EXPECT_EQ(errorOf(Array{}), Refused);
  EXPECT_EQ(errorOf("kstidy-baseline"), Refused);
  EXPECT_EQ(errorOf(nullptr), Refused);
  EXPECT_EQ(errorOf(Object{}), Refused);
  EXPECT_EQ(errorOf(Object{{"findings", Array{}}}), Refused);
  // Another kstidy document (the JSON output also has "findings").
  EXPECT_EQ(errorOf(Object{{"tool", "kstidy"}, {"findings", Array{}}}),
            Refused);
  EXPECT_EQ(errorOf(Object{{"tool", 1}, {"findings", Array{}}}), Refused);
  EXPECT_EQ(errorOf(Object{{"tool", "kstidy-baseline"}}), Refused);
  EXPECT_EQ(errorOf(Object{{"tool", "kstidy-baseline"}, {"findings", "x"}}),
            Refused);
  EXPECT_EQ(
      errorOf(Object{{"tool", "kstidy-baseline"}, {"findings", Object{}}}),
      Refused);
}

} // namespace
} // namespace ks
