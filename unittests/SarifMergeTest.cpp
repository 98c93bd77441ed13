//===- SarifMergeTest.cpp - merging the SARIF logs of shards --------------===//
//
// SarifMerger directly: which logs it refuses and how the error names the
// place, what counts as the same result, the order of the merged results
// (numeric, whatever the shard order), rule indices, which run's members
// and which invocations the merged log keeps. (Malformed results, runs with
// odd invocations and the basic unite-and-sort are ReliabilityTest's.)
//
//===----------------------------------------------------------------------===//
#include "SarifMerge.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace ks {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

// --- building logs ----------------------------------------------------------

struct Res {
  std::string Rule;
  std::string Uri; ///< empty: no locations at all
  int64_t Line = 0, Column = 0;
  std::string Message = "m";
  std::string Fingerprint; ///< empty: no partialFingerprints
  std::optional<int64_t> RuleIndex;
};

Value result(const Res &R) {
  Object O{{"ruleId", R.Rule}, {"message", Object{{"text", R.Message}}}};
  if (!R.Uri.empty()) {
    Object Region{{"startLine", R.Line}};
    if (R.Column)
      Region["startColumn"] = R.Column;
    O["locations"] =
        Array{Object{{"physicalLocation",
                      Object{{"artifactLocation", Object{{"uri", R.Uri}}},
                             {"region", std::move(Region)}}}}};
  }
  if (!R.Fingerprint.empty())
    O["partialFingerprints"] = Object{{"kstidyFingerprint/v1", R.Fingerprint}};
  if (R.RuleIndex)
    O["ruleIndex"] = *R.RuleIndex;
  return O;
}

Array rules(std::vector<std::string> Ids, const std::string &Text = "") {
  Array A;
  for (const std::string &Id : Ids) {
    Object Rule{{"id", Id}};
    if (!Text.empty())
      Rule["shortDescription"] = Object{{"text", Text}};
    A.push_back(std::move(Rule));
  }
  return A;
}

/// One run of kstidy. \p Extra members are added to the run.
Value run(Array Rules, std::vector<Res> Results, Object Extra = {},
          std::optional<Value> Invocation = std::nullopt) {
  Array Rs;
  for (const Res &R : Results)
    Rs.push_back(result(R));
  Object Run{{"tool", Object{{"driver", Object{{"name", "kstidy"},
                                               {"rules", std::move(Rules)}}}}},
             {"results", std::move(Rs)}};
  if (Invocation)
    Run["invocations"] = Array{std::move(*Invocation)};
  for (auto &KV : Extra)
    Run[KV.first] = KV.second;
  return Run;
}

/// A SARIF 2.1.0 log of \p Runs, as text.
std::string sarifLog(Array Runs) {
  std::string S;
  llvm::raw_string_ostream(S)
      << Value(Object{{"version", "2.1.0"}, {"runs", std::move(Runs)}});
  return S;
}

Value invocation(bool Successful, std::vector<std::string> Notices) {
  Array Ns;
  for (const std::string &N : Notices)
    Ns.push_back(Object{{"level", "note"}, {"message", Object{{"text", N}}}});
  return Object{{"executionSuccessful", Successful},
                {"toolExecutionNotifications", std::move(Ns)}};
}

// --- reading the merged log -------------------------------------------------

std::string errorOf(llvm::StringRef Text) {
  SarifMerger M;
  llvm::Error E = M.add(Text, "s.sarif");
  return E ? llvm::toString(std::move(E)) : "<accepted>";
}

/// The merged log of \p Logs, parsed; the test fails on any error.
Value merged(const std::vector<std::string> &Logs) {
  SarifMerger M;
  for (const std::string &L : Logs) {
    llvm::Error E = M.add(L, "s.sarif");
    EXPECT_FALSE(static_cast<bool>(E)) << llvm::toString(std::move(E));
  }
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::Error E = M.write(OS);
  EXPECT_FALSE(static_cast<bool>(E)) << llvm::toString(std::move(E));
  auto Doc = llvm::json::parse(Out);
  if (!Doc) {
    ADD_FAILURE() << llvm::toString(Doc.takeError()) << "\n" << Out;
    return nullptr;
  }
  return std::move(*Doc);
}

const Object &onlyRun(const Value &Doc) {
  static const Object Empty;
  const Object *Root = Doc.getAsObject();
  const Array *Runs = Root ? Root->getArray("runs") : nullptr;
  if (!Runs || Runs->size() != 1 || !(*Runs)[0].getAsObject()) {
    ADD_FAILURE() << "not one run";
    return Empty;
  }
  return *(*Runs)[0].getAsObject();
}

/// "uri:line:column rule message" per result, in order.
std::vector<std::string> summary(const Value &Doc) {
  std::vector<std::string> Out;
  const Array *Results = onlyRun(Doc).getArray("results");
  if (!Results)
    return Out;
  for (const Value &V : *Results) {
    const Object &O = *V.getAsObject();
    std::string S;
    if (const Array *Ls = O.getArray("locations")) {
      // As the merger reads it: "" and 0 for what is not there.
      const Object *PL = (*Ls)[0].getAsObject()->getObject("physicalLocation");
      const Object *A = PL ? PL->getObject("artifactLocation") : nullptr;
      const Object *R = PL ? PL->getObject("region") : nullptr;
      S += A ? A->getString("uri").value_or("").str() : "";
      S += ":" +
           std::to_string(R ? R->getInteger("startLine").value_or(0) : 0) +
           ":" +
           std::to_string(R ? R->getInteger("startColumn").value_or(0) : 0);
    } else {
      S += "-";
    }
    S += " " + O.getString("ruleId")->str() + " " +
         O.getObject("message")->getString("text")->str();
    Out.push_back(S);
  }
  return Out;
}

const Array &rulesOf(const Object &Run) {
  static const Array Empty;
  const Object *Tool = Run.getObject("tool");
  const Object *Driver = Tool ? Tool->getObject("driver") : nullptr;
  const Array *Rules = Driver ? Driver->getArray("rules") : nullptr;
  return Rules ? *Rules : Empty;
}

// --- refused logs -----------------------------------------------------------

TEST(SarifMergerErrors, NothingAddedIsAnErrorOnWrite) {
  SarifMerger M;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::Error E = M.write(OS);
  ASSERT_TRUE(static_cast<bool>(E));
  EXPECT_EQ(llvm::toString(std::move(E)), "no runs to merge");
  EXPECT_TRUE(Out.empty());
}

TEST(SarifMergerErrors, WhatIsNotASarif210LogIsRefused) {
  EXPECT_EQ(errorOf("[]"),
            "s.sarif: not JSON (a SARIF log is one JSON object)");
  EXPECT_EQ(errorOf(""), "s.sarif: not JSON (a SARIF log is one JSON object)");
  EXPECT_EQ(errorOf(R"({"version":"2.1.0","runs":[])"),
            "s.sarif: not JSON (a SARIF log is one JSON object)");
  EXPECT_EQ(errorOf(R"({"runs":[]})"), "s.sarif: not a SARIF 2.1.0 log");
  EXPECT_EQ(errorOf(R"({"version":"2.0.0","runs":[]})"),
            "s.sarif: not a SARIF 2.1.0 log");
  EXPECT_EQ(errorOf(R"({"version":2.1,"runs":[]})"),
            "s.sarif: not a SARIF 2.1.0 log");
  EXPECT_EQ(errorOf(R"({"version":"2.1.0"})"),
            "s.sarif: not a SARIF 2.1.0 log");
  EXPECT_EQ(errorOf(R"({"version":"2.1.0","runs":{}})"),
            "s.sarif: \"runs\" is not an array");
}

TEST(SarifMergerErrors, RunsNotMadeByKstidyAreRefusedByIndex) {
  Value Other = Object{{"tool", Object{{"driver", Object{{"name", "clang"}}}}}};
  EXPECT_EQ(errorOf(sarifLog(Array{run(rules({"ks-a"}), {}), Other})),
            "s.sarif: run 1: not made by kstidy");
  EXPECT_EQ(errorOf(sarifLog(Array{Object{{"results", Array{}}}})),
            "s.sarif: run 0: not made by kstidy");
  EXPECT_EQ(errorOf(sarifLog(Array{5})), "s.sarif: run 0: not an object");
}

TEST(SarifMergerErrors, ResultsWithoutMessageTextOrWithOddLocations) {
  auto WithResult = [](Value R) {
    Object Run = *run(rules({"ks-a"}), {}).getAsObject();
    Run["results"] = Array{std::move(R)};
    return sarifLog(Array{std::move(Run)});
  };
  EXPECT_EQ(errorOf(WithResult(Object{{"ruleId", "ks-a"}})),
            "s.sarif: run 0, result 0: it has no \"message\" with a \"text\"");
  EXPECT_EQ(errorOf(WithResult(Object{{"ruleId", "ks-a"},
                                      {"message", Object{{"markdown", "m"}}}})),
            "s.sarif: run 0, result 0: it has no \"message\" with a \"text\"");
  EXPECT_EQ(errorOf(WithResult(
                Object{{"ruleId", 3}, {"message", Object{{"text", "m"}}}})),
            "s.sarif: run 0, result 0: it has no \"ruleId\" string");
  EXPECT_EQ(errorOf(WithResult(Object{{"ruleId", "ks-a"},
                                      {"message", Object{{"text", "m"}}},
                                      {"locations", Object{}}})),
            "s.sarif: run 0, result 0: its \"locations\" is not an array");
  EXPECT_EQ(
      errorOf(WithResult(
          Object{{"ruleId", "ks-a"},
                 {"message", Object{{"text", "m"}}},
                 {"locations", Array{Object{{"physicalLocation", 1}}}}})),
      "s.sarif: run 0, result 0: a \"physicalLocation\" is not an object");
}

TEST(SarifMergerErrors, ALocationWithoutPhysicalLocationIsAccepted) {
  Object Run = *run(rules({"ks-a"}), {}).getAsObject();
  Run["results"] = Array{Object{{"ruleId", "ks-a"},
                                {"message", Object{{"text", "m"}}},
                                {"locations", Array{Object{}}}}};
  Value Doc = merged({sarifLog(Array{std::move(Run)})});
  EXPECT_EQ(summary(Doc), std::vector<std::string>{":0:0 ks-a m"});
}

// --- what is the same result ------------------------------------------------

TEST(SarifMergerResults, OnlyTheFingerprintMakesResultsTheSame) {
  Res A{"ks-a", "a.cpp", 3, 1, "m", "fp-1"};
  Res SameFingerprintElsewhere{"ks-b", "b.cpp", 9, 2, "other", "fp-1"};
  Res NoFingerprint{"ks-a", "a.cpp", 5, 1, "m", ""};
  SarifMerger M;
  for (const std::string &L :
       {sarifLog(Array{
            run(rules({"ks-a", "ks-b"}), {A, NoFingerprint, NoFingerprint})}),
        sarifLog(Array{run(rules({"ks-a", "ks-b"}),
                           {SameFingerprintElsewhere, NoFingerprint})})})
    ASSERT_FALSE(static_cast<bool>(M.add(L, "s.sarif")));
  // One of the two fp-1 (the first added); all three without fingerprint.
  EXPECT_EQ(M.results(), 4u);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  ASSERT_FALSE(static_cast<bool>(M.write(OS)));
  auto Doc = llvm::json::parse(Out);
  ASSERT_TRUE(static_cast<bool>(Doc));
  EXPECT_EQ(summary(*Doc),
            (std::vector<std::string>{"a.cpp:3:1 ks-a m", "a.cpp:5:1 ks-a m",
                                      "a.cpp:5:1 ks-a m", "a.cpp:5:1 ks-a m"}));
}

TEST(SarifMergerResults, AFingerprintRepeatedInOneShardCountsOnce) {
  Res A{"ks-a", "a.cpp", 3, 1, "m", "fp"};
  Value Doc = merged({sarifLog(
      Array{run(rules({"ks-a"}), {A, A}), run(rules({"ks-a"}), {A})})});
  EXPECT_EQ(summary(Doc), std::vector<std::string>{"a.cpp:3:1 ks-a m"});
}

// --- order ------------------------------------------------------------------

TEST(SarifMergerOrder, ByFileThenNumericLineColumnAndRule) {
  std::vector<Res> Results = {
      {"ks-a", "b.cpp", 1, 1, "m", "1"}, {"ks-a", "a.cpp", 10, 1, "m", "2"},
      {"ks-b", "a.cpp", 2, 5, "m", "3"}, {"ks-a", "a.cpp", 2, 5, "m", "4"},
      {"ks-a", "a.cpp", 2, 1, "m", "5"}, {"ks-a", "A.cpp", 99, 1, "m", "6"},
      {"ks-a", "a.cpp", 2, 0, "m", "7"},
  };
  Value Doc = merged({sarifLog(Array{run(rules({"ks-a", "ks-b"}), Results)})});
  EXPECT_EQ(summary(Doc),
            (std::vector<std::string>{"A.cpp:99:1 ks-a m", "a.cpp:2:0 ks-a m",
                                      "a.cpp:2:1 ks-a m", "a.cpp:2:5 ks-a m",
                                      "a.cpp:2:5 ks-b m", "a.cpp:10:1 ks-a m",
                                      "b.cpp:1:1 ks-a m"}));
}

TEST(SarifMergerOrder, ResultsWithoutLocationComeFirst) {
  Value Doc = merged({sarifLog(
      Array{run(rules({"ks-a"}), {{"ks-a", "a.cpp", 1, 1, "m", "1"},
                                  {"ks-a", "", 0, 0, "no location", "2"}})})});
  EXPECT_EQ(summary(Doc), (std::vector<std::string>{"- ks-a no location",
                                                    "a.cpp:1:1 ks-a m"}));
}

TEST(SarifMergerOrder, TheSameWhateverTheShardOrder) {
  std::vector<Res> One = {{"ks-a", "a.cpp", 4, 1, "first", "1"},
                          {"ks-a", "a.cpp", 4, 1, "second", "2"},
                          {"ks-a", "c.cpp", 1, 1, "m", "3"}};
  std::vector<Res> Two = {{"ks-a", "a.cpp", 4, 1, "third", "4"},
                          {"ks-a", "b.cpp", 7, 1, "m", "5"}};
  std::string L1 = sarifLog(Array{run(rules({"ks-a"}), One)});
  std::string L2 = sarifLog(Array{run(rules({"ks-a"}), Two)});
  std::vector<std::string> Forward = summary(merged({L1, L2}));
  EXPECT_EQ(Forward.size(), 5u);
  EXPECT_EQ(Forward, summary(merged({L2, L1})));
}

// --- rules and rule indices -------------------------------------------------

TEST(SarifMergerRules, TheFirstDefinitionOfARuleWinsAndIndicesFollow) {
  std::string L1 = sarifLog(Array{run(rules({"ks-b"}, "from one"),
                                      {{"ks-b", "a.cpp", 1, 1, "m", "1", 0}})});
  std::string L2 = sarifLog(Array{run(rules({"ks-a", "ks-b"}, "from two"),
                                      {{"ks-a", "a.cpp", 2, 1, "m", "2", 0},
                                       {"ks-b", "a.cpp", 3, 1, "m", "3", 1}})});
  Value Doc = merged({L1, L2});
  const Object &Run = onlyRun(Doc);
  const Array &Rules = rulesOf(Run);
  ASSERT_EQ(Rules.size(), 2u);
  EXPECT_EQ(Rules[0].getAsObject()->getString("id"), llvm::StringRef("ks-b"));
  EXPECT_EQ(
      Rules[0].getAsObject()->getObject("shortDescription")->getString("text"),
      llvm::StringRef("from one"));
  EXPECT_EQ(Rules[1].getAsObject()->getString("id"), llvm::StringRef("ks-a"));
  // Each result's index is the merged one, not its shard's.
  const Array &Results = *Run.getArray("results");
  ASSERT_EQ(Results.size(), 3u);
  std::vector<int64_t> Indices;
  for (const Value &R : Results)
    Indices.push_back(R.getAsObject()->getInteger("ruleIndex").value_or(-1));
  EXPECT_EQ(Indices, (std::vector<int64_t>{0, 1, 0}));
}

TEST(SarifMergerRules, AResultOfAnUnknownRuleHasNoIndex) {
  Value Doc = merged({sarifLog(
      Array{run(rules({"ks-a"}), {{"ks-gone", "a.cpp", 1, 1, "m", "1", 7}})})});
  const Array &Results = *onlyRun(Doc).getArray("results");
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0].getAsObject()->get("ruleIndex"), nullptr);
  EXPECT_EQ(Results[0].getAsObject()->getString("ruleId"),
            llvm::StringRef("ks-gone"));
}

// --- the run around the results --------------------------------------------

TEST(SarifMergerRun, OneRunWithTheFirstRunsMembers) {
  Object First{{"columnKind", "utf16CodeUnits"},
               {"originalUriBaseIds",
                Object{{"SRCROOT", Object{{"uri", "file:///one/"}}}}}};
  Object Second{{"columnKind", "unicodeCodePoints"},
                {"properties", Object{{"shard", 2}}}};
  Value Doc = merged({sarifLog(Array{run(rules({"ks-a"}), {}, First),
                                     run(rules({"ks-a"}), {}, Second)})});
  const Object *Root = Doc.getAsObject();
  ASSERT_TRUE(Root);
  EXPECT_EQ(Root->getString("version"), llvm::StringRef("2.1.0"));
  EXPECT_EQ(Root->getString("$schema"),
            llvm::StringRef("https://json.schemastore.org/sarif-2.1.0.json"));
  const Object &Run = onlyRun(Doc);
  EXPECT_EQ(Run.getString("columnKind"), llvm::StringRef("utf16CodeUnits"));
  EXPECT_TRUE(Run.getObject("originalUriBaseIds"));
  EXPECT_FALSE(Run.get("properties")); // only the first run's members
  ASSERT_TRUE(Run.getArray("results"));
  EXPECT_TRUE(Run.getArray("results")->empty());
}

TEST(SarifMergerRun, InvocationsBecomeOneThatFailsIfAnyFailed) {
  std::string Ok = sarifLog(
      Array{run(rules({"ks-a"}), {}, {}, invocation(true, {"one", "two"}))});
  std::string Failed = sarifLog(
      Array{run(rules({"ks-a"}), {}, {}, invocation(false, {"three"}))});
  std::string Silent = sarifLog(Array{run(rules({"ks-a"}), {})});
  auto Invocations = [](const Value &Doc) {
    const Array *Invs = onlyRun(Doc).getArray("invocations");
    EXPECT_TRUE(Invs && Invs->size() == 1u);
    return Invs && !Invs->empty() ? *(*Invs)[0].getAsObject() : Object{};
  };
  auto Texts = [](const Object &Inv) {
    std::vector<std::string> Out;
    if (const Array *Ns = Inv.getArray("toolExecutionNotifications"))
      for (const Value &N : *Ns)
        Out.push_back(
            N.getAsObject()->getObject("message")->getString("text")->str());
    return Out;
  };

  Object Both = Invocations(merged({Failed, Silent, Ok}));
  EXPECT_EQ(Both.getBoolean("executionSuccessful"), false);
  // Every shard's notices, in the order the shards were added.
  EXPECT_EQ(Texts(Both), (std::vector<std::string>{"three", "one", "two"}));

  Object Good = Invocations(merged({Ok, Silent}));
  EXPECT_EQ(Good.getBoolean("executionSuccessful"), true);
  EXPECT_EQ(Texts(Good), (std::vector<std::string>{"one", "two"}));

  Object None = Invocations(merged({Silent}));
  EXPECT_EQ(None.getBoolean("executionSuccessful"), true);
  EXPECT_TRUE(Texts(None).empty());
}

TEST(SarifMergerRun, ResultTextSurvivesTheMergeUnchanged) {
  Res R{"ks-a",
        "dir/\xC3\xA9t\xC3\xA9.cpp",
        1,
        1,
        "a \"quoted\" \\ message\nwith \xE2\x80\x94 two lines",
        "fp"};
  Value Doc = merged({sarifLog(Array{run(rules({"ks-a"}), {R})})});
  const Array &Results = *onlyRun(Doc).getArray("results");
  ASSERT_EQ(Results.size(), 1u);
  Object Expected = *result(R).getAsObject();
  Expected["ruleIndex"] = 0;
  EXPECT_EQ(Results[0], Value(std::move(Expected)));
}

} // namespace
} // namespace ks
