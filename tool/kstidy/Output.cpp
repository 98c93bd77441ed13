//===- Output.cpp - Findings written as text, JSON or SARIF ---------------===//
//
// The three report formats of --format (Output.h); docs/output.md describes
// them for their readers.
//
//===----------------------------------------------------------------------===//
#include "Output.h"
#include "Version.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace ks {

namespace {

const char InformationUri[] = "https://github.com/kstidy/kstidy";

/// What each check finds, for SARIF rules, from the catalogue (the docs pages
/// say it at length).
struct CheckInfo {
  const char *Id;
  const char *Short;
  const char *Full;
};
const CheckInfo Catalog[] = {
#define KS_CHECK(Name, Class, Title, Summary) {Name, Title, Summary},
#include "KsChecks.def"
};

const CheckInfo *info(llvm::StringRef Id) {
  for (const CheckInfo &C : Catalog)
    if (Id == C.Id)
      return &C;
  return nullptr;
}

/// The end column of the token that starts at \p Col on \p Line.
unsigned tokenEnd(llvm::StringRef Line, unsigned Col) {
  size_t I = Col ? Col - 1 : 0;
  if (I >= Line.size())
    return Col + 1;
  size_t J = I;
  auto Word = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  if (Word(Line[J]))
    while (J < Line.size() && Word(Line[J]))
      ++J;
  else
    ++J;
  return static_cast<unsigned>(J) + 1;
}

/// A file relative to SRCROOT when it lies under the base, else absolute.
Object artifactLocation(const std::string &File, llvm::StringRef BaseDir) {
  std::string Uri = displayPath(File, BaseDir);
  bool Relative = !llvm::sys::path::is_absolute(Uri);
  Object Artifact{{"uri", Relative ? Uri : "file://" + Uri}};
  if (Relative)
    Artifact["uriBaseId"] = "SRCROOT";
  return Artifact;
}

Value physicalLocation(const Location &L, llvm::StringRef BaseDir) {
  Object Artifact = artifactLocation(L.File, BaseDir);
  Object Region{{"startLine", static_cast<int64_t>(std::max(L.Line, 1u))},
                {"startColumn", static_cast<int64_t>(std::max(L.Column, 1u))}};
  llvm::StringRef Text = sourceLine(L.File, L.Line);
  Region["endLine"] = static_cast<int64_t>(std::max(L.Line, 1u));
  Region["endColumn"] = static_cast<int64_t>(tokenEnd(Text, L.Column));
  return Object{{"artifactLocation", std::move(Artifact)},
                {"region", std::move(Region)}};
}

/// SARIF's account of the run itself: every notice (missing headers,
/// tables not analysed, skipped inputs) as a tool execution notification,
/// so code scanning shows what was not looked at.
Object invocation(const std::vector<Notice> &Notices, llvm::StringRef BaseDir) {
  Array Notifications;
  bool Successful = true;
  for (const Notice &N : Notices) {
    const char *Level = N.Severity == Notice::Level::Error     ? "error"
                        : N.Severity == Notice::Level::Warning ? "warning"
                                                               : "note";
    Successful &= N.Severity != Notice::Level::Error;
    Object Notification{{"level", Level},
                        {"message", Object{{"text", N.Message}}},
                        {"descriptor", Object{{"id", N.Kind}}}};
    if (!N.Where.File.empty()) {
      Object Physical{
          {"artifactLocation", artifactLocation(N.Where.File, BaseDir)}};
      if (N.Where.Line)
        Physical["region"] =
            Object{{"startLine", static_cast<int64_t>(N.Where.Line)}};
      Notification["locations"] =
          Array{Object{{"physicalLocation", std::move(Physical)}}};
    }
    Notifications.push_back(std::move(Notification));
  }
  return Object{{"executionSuccessful", Successful},
                {"toolExecutionNotifications", std::move(Notifications)}};
}

} // namespace

std::optional<OutputFormat> parseOutputFormat(llvm::StringRef Name) {
  if (Name == "text")
    return OutputFormat::Text;
  if (Name == "json")
    return OutputFormat::Json;
  if (Name == "sarif")
    return OutputFormat::Sarif;
  return std::nullopt;
}

void writeReport(llvm::raw_ostream &OS, OutputFormat Format, const Report &R) {
  switch (Format) {
  case OutputFormat::Json:
    OS << llvm::formatv("{0:2}",
                        toJson(R.Findings, R.Results, R.Notices, R.BaseDir))
       << "\n";
    return;
  case OutputFormat::Sarif:
    OS << llvm::formatv("{0:2}",
                        toSarif(R.Findings, R.Checks, R.Notices, R.BaseDir))
       << "\n";
    return;
  case OutputFormat::Text:
    printText(OS, R.Findings, R.TextDir);
    return;
  }
}

static void printLocation(llvm::raw_ostream &OS, const Location &L,
                          llvm::StringRef BaseDir) {
  OS << displayPath(L.File, BaseDir);
  if (L.Line)
    OS << ':' << L.Line << ':' << L.Column;
  OS << ": ";
}

void printText(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               llvm::StringRef BaseDir) {
  for (const Finding &F : Findings) {
    printLocation(OS, F.Where, BaseDir);
    OS << (F.IsError ? "error: " : "warning: ") << F.Message << " [" << F.Check
       << "]\n";
    for (const Note &N : F.Notes) {
      printLocation(OS, N.Where, BaseDir);
      OS << "note: " << N.Message << "\n";
    }
    for (const FixIt &X : F.Fixes) {
      printLocation(OS, X.Where, BaseDir);
      OS << "note: fix-it: replace '" << X.Original << "' with '"
         << X.Replacement << "'\n";
    }
  }
}

Value toJson(const std::vector<Finding> &Findings,
             const std::vector<TuResult> &Results,
             const std::vector<Notice> &Notices, llvm::StringRef BaseDir) {
  auto Loc = [&](const Location &L) {
    return Object{{"file", displayPath(L.File, BaseDir)},
                  {"line", static_cast<int64_t>(L.Line)},
                  {"column", static_cast<int64_t>(L.Column)}};
  };
  Array Out;
  for (const Finding &F : Findings) {
    Array Notes, Fixes;
    for (const Note &N : F.Notes)
      Notes.push_back(
          Object{{"location", Loc(N.Where)}, {"message", N.Message}});
    for (const FixIt &X : F.Fixes)
      Fixes.push_back(Object{{"location", Loc(X.Where)},
                             {"length", static_cast<int64_t>(X.Length)},
                             {"original", X.Original},
                             {"replacement", X.Replacement}});
    Out.push_back(Object{{"check", F.Check},
                         {"severity", F.IsError ? "error" : "warning"},
                         {"location", Loc(F.Where)},
                         {"message", F.Message},
                         {"notes", std::move(Notes)},
                         {"fixes", std::move(Fixes)},
                         {"fingerprint", fingerprint(F, BaseDir)}});
  }
  Array Units;
  for (const TuResult &R : Results) {
    Array Missing, Blind;
    for (const MissingInclude &M : R.MissingIncludes)
      Missing.push_back(Object{{"header", M.Header},
                               {"file", displayPath(M.From, BaseDir)},
                               {"line", static_cast<int64_t>(M.Line)}});
    for (const BlindSpot &B : R.BlindSpots)
      Blind.push_back(Object{{"name", B.Name},
                             {"kind", B.Kind},
                             {"location", Loc(B.Where)},
                             {"reason", B.Reason}});
    Object Unit{{"file", displayPath(R.File, BaseDir)},
                {"analysed", !R.Skipped},
                {"compileErrors", static_cast<int64_t>(R.Errors)},
                {"wdkProfile", R.ProfileApplied},
                {"missingHeaders", std::move(Missing)},
                {"tablesNotAnalysed", std::move(Blind)}};
    if (R.Skipped)
      Unit["skipReason"] = *R.Skipped;
    Units.push_back(std::move(Unit));
  }
  return Object{{"tool", "kstidy"},
                {"version", OutputSchemaVersion},
                {"kstidyVersion", KSTIDY_VERSION},
                {"findings", std::move(Out)},
                {"translationUnits", std::move(Units)},
                {"notices", noticesToJson(Notices, BaseDir)}};
}

Value toSarif(const std::vector<Finding> &Findings,
              const std::vector<std::string> &Checks,
              const std::vector<Notice> &Notices, llvm::StringRef BaseDir) {
  Array Rules;
  llvm::StringMap<int64_t> RuleIndex;
  auto AddRule = [&](llvm::StringRef Id) {
    if (RuleIndex.count(Id))
      return;
    const CheckInfo *I = info(Id);
    std::string Help = std::string(InformationUri) + "/blob/main/docs/checks/" +
                       Id.str() + ".md";
    std::string Short = I ? I->Short : Id.str();
    std::string Full = I ? I->Full : Id.str();
    // A readable name distinct from the opaque id: KsPropertyItemSize.
    std::string Name;
    for (llvm::StringRef Part : llvm::split(Id, '-'))
      if (!Part.empty())
        Name += llvm::toUpper(Part[0]) + Part.drop_front().str();
    RuleIndex[Id] = static_cast<int64_t>(Rules.size());
    Rules.push_back(Object{
        {"id", Id},
        {"name", Name},
        {"shortDescription", Object{{"text", Short}}},
        {"fullDescription", Object{{"text", Full}}},
        {"helpUri", Help},
        {"help",
         Object{{"text", Full},
                {"markdown", "**" + Short + "**\n\n" + Full + "\n\nSee [" +
                                 Id.str() + "](" + Help + ")."}}},
        {"defaultConfiguration", Object{{"level", "warning"}}},
        {"properties",
         Object{{"tags", Array{"kernel-streaming", "correctness", "security"}},
                {"precision", "high"},
                {"problem.severity", "warning"}}}});
  };
  for (const std::string &C : Checks)
    AddRule(C);
  Array Results;
  for (const Finding &F : Findings) {
    if (F.IsError)
      continue;
    AddRule(F.Check);
    Object R{{"ruleId", F.Check},
             {"ruleIndex", RuleIndex[F.Check]},
             {"level", "warning"},
             {"message", Object{{"text", F.Message}}},
             {"locations", Array{Object{{"physicalLocation",
                                         physicalLocation(F.Where, BaseDir)}}}},
             {"partialFingerprints",
              Object{{"kstidyFingerprint/v1", fingerprint(F, BaseDir)}}}};
    Array Related;
    int64_t Id = 1;
    for (const Note &N : F.Notes)
      if (!N.Where.File.empty())
        Related.push_back(
            Object{{"id", Id++},
                   {"message", Object{{"text", N.Message}}},
                   {"physicalLocation", physicalLocation(N.Where, BaseDir)}});
    if (!Related.empty())
      R["relatedLocations"] = std::move(Related);
    Array Fixes;
    for (const FixIt &X : F.Fixes) {
      Object Artifact = artifactLocation(X.Where.File, BaseDir);
      Fixes.push_back(Object{
          {"description",
           Object{{"text", "Replace '" + X.Original + "' with '" +
                               X.Replacement + "'"}}},
          {"artifactChanges",
           Array{Object{
               {"artifactLocation", std::move(Artifact)},
               {"replacements",
                Array{Object{
                    {"deletedRegion",
                     Object{
                         {"charOffset", static_cast<int64_t>(X.Where.Offset)},
                         {"charLength", static_cast<int64_t>(X.Length)}}},
                    {"insertedContent",
                     Object{{"text", X.Replacement}}}}}}}}}});
    }
    if (!Fixes.empty())
      R["fixes"] = std::move(Fixes);
    Results.push_back(std::move(R));
  }
  llvm::SmallString<256> Base(BaseDir);
  if (!Base.ends_with("/"))
    Base += "/";
  Object Run{
      {"tool", Object{{"driver", Object{{"name", "kstidy"},
                                        {"version", KSTIDY_VERSION},
                                        {"semanticVersion", KSTIDY_VERSION},
                                        {"informationUri", InformationUri},
                                        {"rules", std::move(Rules)}}}}},
      {"originalUriBaseIds",
       Object{{"SRCROOT", Object{{"uri", "file://" + std::string(Base)}}}}},
      {"columnKind", "utf16CodeUnits"},
      {"invocations", Array{invocation(Notices, BaseDir)}},
      {"results", std::move(Results)}};
  return Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", Array{std::move(Run)}}};
}

} // namespace ks
