//===- ComparisonTest.cpp - static findings against runtime observations --===//
//
// compareFindings pairs kstidy's static findings with the failures the
// runtime reference observed. Directly: what makes a pair (same check, same
// file relative to the base directory, the static line inside the runtime
// span, bounds included), what does not, the verdicts and the order of the
// rows, and what the rows say.
//
//===----------------------------------------------------------------------===//
#include "Comparison.h"
#include "Findings.h"
#include "Replay.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ks {
namespace {

const char Base[] = "/src/driver";

Finding staticFinding(const std::string &Check, const std::string &File,
                      unsigned Line, const std::string &Message = "static") {
  Finding F;
  F.Check = Check;
  F.Where.File = File;
  F.Where.Line = Line;
  F.Where.Column = 1;
  F.Message = Message;
  return F;
}

RuntimeFinding runtimeFinding(const std::string &Check, const std::string &File,
                              unsigned Line, unsigned EndLine,
                              const std::string &What = "runtime",
                              const std::string &Request = "GET 0") {
  RuntimeFinding R;
  R.Check = Check;
  R.File = File;
  R.Line = Line;
  R.EndLine = EndLine;
  R.What = What;
  R.Request = Request;
  return R;
}

/// "verdict check where static | runtime" per row.
std::vector<std::string> rows(const std::vector<ComparisonRow> &Rows) {
  std::vector<std::string> Out;
  for (const ComparisonRow &R : Rows)
    Out.push_back(R.Verdict + " " + R.Check + " " + R.Where + " " + R.Static +
                  " | " + R.Runtime);
  return Out;
}

TEST(CompareFindings, NothingOnEitherSideGivesNoRows) {
  EXPECT_TRUE(compareFindings({}, {}, Base).empty());
}

TEST(CompareFindings, SameCheckFileAndLineInsideTheSpanIsConfirmed) {
  auto Rows =
      compareFindings({staticFinding("ks-property-item-size",
                                     "/src/driver/a.cpp", 12, "item size 76")},
                      {runtimeFinding("ks-property-item-size", "a.cpp", 10, 14,
                                      "STATUS_INVALID_PARAMETER")},
                      Base);
  ASSERT_EQ(Rows.size(), 1u);
  EXPECT_EQ(Rows[0].Verdict, "confirmed");
  EXPECT_EQ(Rows[0].Check, "ks-property-item-size");
  EXPECT_EQ(Rows[0].Where, "a.cpp:12"); // the static finding's line
  EXPECT_EQ(Rows[0].Static, "item size 76");
  EXPECT_EQ(Rows[0].Runtime, "STATUS_INVALID_PARAMETER"); // no request
}

TEST(CompareFindings, TheSpanIncludesBothEnds) {
  RuntimeFinding R = runtimeFinding("ks-a", "a.cpp", 10, 14);
  for (unsigned Line : {10u, 14u})
    EXPECT_EQ(
        compareFindings({staticFinding("ks-a", "/src/driver/a.cpp", Line)}, {R},
                        Base)[0]
            .Verdict,
        "confirmed")
        << Line;
  for (unsigned Line : {9u, 15u})
    EXPECT_EQ(
        rows(compareFindings({staticFinding("ks-a", "/src/driver/a.cpp", Line)},
                             {R}, Base)),
        (std::vector<std::string>{
            "static-only ks-a a.cpp:" + std::to_string(Line) + " static | -",
            "runtime-only ks-a a.cpp:10 - | runtime [GET 0]"}))
        << Line;
}

TEST(CompareFindings, OneLineSpan) {
  RuntimeFinding R = runtimeFinding("ks-a", "a.cpp", 7, 7);
  EXPECT_EQ(compareFindings({staticFinding("ks-a", "/src/driver/a.cpp", 7)},
                            {R}, Base)[0]
                .Verdict,
            "confirmed");
  // A span that ends before it starts holds no line.
  RuntimeFinding Empty = runtimeFinding("ks-a", "a.cpp", 7, 0);
  EXPECT_EQ(compareFindings({staticFinding("ks-a", "/src/driver/a.cpp", 7)},
                            {Empty}, Base)[0]
                .Verdict,
            "static-only");
}

TEST(CompareFindings, AnotherCheckOrFileIsNoPair) {
  auto Rows =
      compareFindings({staticFinding("ks-a", "/src/driver/a.cpp", 5),
                       staticFinding("ks-b", "/src/driver/b.cpp", 5)},
                      {runtimeFinding("ks-b", "a.cpp", 1, 9, "wrong check"),
                       runtimeFinding("ks-b", "sub/b.cpp", 1, 9, "wrong file")},
                      Base);
  EXPECT_EQ(rows(Rows),
            (std::vector<std::string>{
                "static-only ks-a a.cpp:5 static | -",
                "static-only ks-b b.cpp:5 static | -",
                "runtime-only ks-b a.cpp:1 - | wrong check [GET 0]",
                "runtime-only ks-b sub/b.cpp:1 - | wrong file [GET 0]"}));
}

TEST(CompareFindings, FilesAreComparedRelativeToTheBaseDirectory) {
  RuntimeFinding R = runtimeFinding("ks-a", "sub/a.cpp", 1, 9);
  // The base with or without its trailing slash.
  for (const char *B : {"/src/driver", "/src/driver/"})
    EXPECT_EQ(
        compareFindings({staticFinding("ks-a", "/src/driver/sub/a.cpp", 3)},
                        {R}, B)[0]
            .Verdict,
        "confirmed")
        << B;
  // Outside the base the static path stays absolute and pairs with nothing
  // relative.
  auto Outside = compareFindings(
      {staticFinding("ks-a", "/elsewhere/sub/a.cpp", 3)}, {R}, Base);
  ASSERT_EQ(Outside.size(), 2u);
  EXPECT_EQ(Outside[0].Verdict, "static-only");
  EXPECT_EQ(Outside[0].Where, "/elsewhere/sub/a.cpp:3");
  // A base that is only a prefix of a directory name is not the directory.
  EXPECT_EQ(
      compareFindings({staticFinding("ks-a", "/src/driver2/sub/a.cpp", 3)},
                      {runtimeFinding("ks-a", "2/sub/a.cpp", 1, 9)}, Base)[0]
          .Verdict,
      "static-only");
}

TEST(CompareFindings, CompileErrorsAreLeftOut) {
  Finding Error = staticFinding("clang-diagnostic-error", "/src/driver/a.cpp",
                                5, "expected ';'");
  Error.IsError = true;
  Finding ErrorOfTheCheck = staticFinding("ks-a", "/src/driver/a.cpp", 5);
  ErrorOfTheCheck.IsError = true;
  auto Rows = compareFindings({Error, ErrorOfTheCheck},
                              {runtimeFinding("ks-a", "a.cpp", 1, 9)}, Base);
  // Not even the runtime finding that the error's line would confirm.
  EXPECT_EQ(rows(Rows), (std::vector<std::string>{
                            "runtime-only ks-a a.cpp:1 - | runtime [GET 0]"}));
}

TEST(CompareFindings, OneRuntimeFindingConfirmsEveryStaticFindingInItsSpan) {
  auto Rows = compareFindings(
      {staticFinding("ks-a", "/src/driver/a.cpp", 3, "first"),
       staticFinding("ks-a", "/src/driver/a.cpp", 4, "second")},
      {runtimeFinding("ks-a", "a.cpp", 1, 9, "observed")}, Base);
  EXPECT_EQ(rows(Rows), (std::vector<std::string>{
                            "confirmed ks-a a.cpp:3 first | observed",
                            "confirmed ks-a a.cpp:4 second | observed"}));
}

TEST(CompareFindings, AStaticFindingInSeveralSpansShowsTheLastAndUsesAll) {
  auto Rows = compareFindings({staticFinding("ks-a", "/src/driver/a.cpp", 5)},
                              {runtimeFinding("ks-a", "a.cpp", 1, 9, "outer"),
                               runtimeFinding("ks-a", "a.cpp", 4, 6, "inner")},
                              Base);
  EXPECT_EQ(rows(Rows), (std::vector<std::string>{
                            "confirmed ks-a a.cpp:5 static | inner"}));
}

TEST(CompareFindings, StaticRowsInTheirOrderThenRuntimeOnlyInTheirs) {
  auto Rows = compareFindings(
      {staticFinding("ks-b", "/src/driver/b.cpp", 20, "b20"),
       staticFinding("ks-a", "/src/driver/a.cpp", 3, "a3"),
       staticFinding("ks-a", "/src/driver/a.cpp", 1, "a1")},
      {runtimeFinding("ks-c", "z.cpp", 9, 9, "z", "SET 1"),
       runtimeFinding("ks-a", "a.cpp", 3, 3, "seen"),
       runtimeFinding("ks-c", "c.cpp", 1, 1, "c", "fast GET 2")},
      Base);
  EXPECT_EQ(rows(Rows), (std::vector<std::string>{
                            "static-only ks-b b.cpp:20 b20 | -",
                            "confirmed ks-a a.cpp:3 a3 | seen",
                            "static-only ks-a a.cpp:1 a1 | -",
                            "runtime-only ks-c z.cpp:9 - | z [SET 1]",
                            "runtime-only ks-c c.cpp:1 - | c [fast GET 2]"}));
}

TEST(CompareFindings, DuplicatesOnEitherSideAreKept) {
  Finding F = staticFinding("ks-a", "/src/driver/a.cpp", 2);
  RuntimeFinding R = runtimeFinding("ks-b", "a.cpp", 2, 2);
  EXPECT_EQ(rows(compareFindings({F, F}, {R, R}, Base)),
            (std::vector<std::string>{
                "static-only ks-a a.cpp:2 static | -",
                "static-only ks-a a.cpp:2 static | -",
                "runtime-only ks-b a.cpp:2 - | runtime [GET 0]",
                "runtime-only ks-b a.cpp:2 - | runtime [GET 0]"}));
}

} // namespace
} // namespace ks
