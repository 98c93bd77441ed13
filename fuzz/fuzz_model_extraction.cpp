//===- fuzz_model_extraction.cpp - kstidy over one source -----------------===//
//
// The whole analysis of one translation unit as `kstidy --export-model`
// runs it, on a C++ source the fuzzer writes: ks::Analyzer (clang-tidy's
// engine: the parse, every ks-* check, the model builder, the blind-spot
// collector, the MSVC tolerance), with the model sink exporting the TU
// (ks::exportTranslationUnit). Then what kstidy does with the results:
// notices, text/JSON/SARIF output, the baseline, and --replay of the export.
//
// To keep an execution in the milliseconds, the WDK profile is off: a small
// prelude of KS/PortCls declarations (fuzz/ks_prelude.h) is -include'd
// instead of the mingw-w64 + wdk-compat headers (~0.4 s a parse). Inputs
// write their tables against it (make-seeds.sh strips the WDK #includes
// from the fixtures).
//
// Oracles: what kstidy writes, kstidy reads back. Its SARIF log is accepted
// by merge-sarif; its baseline, read with --baseline, gives the fingerprints
// of its findings; its model export is JSON within the nesting limit.
//
//===----------------------------------------------------------------------===//
#include "FuzzSupport.h"

#include "Analyzer.h"
#include "Baseline.h"
#include "Comparison.h"
#include "Findings.h"
#include "ModelExport.h"
#include "Notices.h"
#include "Output.h"
#include "Replay.h"
#include "SafeIO.h"
#include "SarifMerge.h"
#include "WdkProfile.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/FormatVariadic.h"

#include <set>

namespace {

std::string Dir, SourcePath;
std::unique_ptr<clang::tooling::FixedCompilationDatabase> DB;
std::unique_ptr<ks::Analyzer> TheAnalyzer;
std::vector<std::string> Checks;
std::optional<llvm::json::Value> Export;

std::string text(const llvm::json::Value &V) {
  return llvm::formatv("{0:2}", V).str();
}

/// What kstidy does with one TU's results once the analysis is over.
void outputs(const std::vector<ks::Finding> &Findings,
             const std::vector<ks::TuResult> &Results) {
  std::vector<ks::Notice> Notices =
      ks::collectNotices(Results, Dir, /*ShowParseErrors=*/false);
  llvm::raw_null_ostream Null;
  ks::printText(Null, Findings, Dir);
  ks::printNotices(Null, Notices);
  (void)text(ks::toJson(Findings, Results, Notices, Dir));

  // --format=sarif, then merge-sarif over it.
  std::string Sarif = text(ks::toSarif(Findings, Checks, Notices, Dir));
  ks::SarifMerger Merger;
  if (llvm::Error E = Merger.add(Sarif, "kstidy.sarif"))
    ks_fuzz::fail("merge-sarif refuses kstidy's own SARIF log: " +
                      llvm::toString(std::move(E)),
                  Sarif);
  std::string Merged;
  llvm::raw_string_ostream MergedOS(Merged);
  if (llvm::Error E = Merger.write(MergedOS))
    ks_fuzz::fail("merge-sarif cannot write kstidy's own SARIF log: " +
                  llvm::toString(std::move(E)));

  // --write-baseline, then --baseline.
  std::string Baseline = text(ks::toBaseline(Findings, Dir));
  auto Doc = ks::parseJsonText(Baseline, "baseline");
  if (!Doc)
    ks_fuzz::fail("kstidy cannot read its own baseline: " +
                      llvm::toString(Doc.takeError()),
                  Baseline);
  auto Known = ks::readBaseline(*Doc);
  if (!Known)
    ks_fuzz::fail("readBaseline refuses kstidy's own baseline: " +
                      llvm::toString(Known.takeError()),
                  Baseline);
  std::set<std::string> Expected;
  for (const ks::Finding &F : Findings)
    if (!F.IsError)
      Expected.insert(ks::fingerprint(F, Dir));
  if (*Known != Expected)
    ks_fuzz::fail("the baseline read back differs from the findings' "
                  "fingerprints",
                  Baseline);

  // --export-model, then --replay.
  if (Export) {
    llvm::json::Array Tus;
    Tus.push_back(std::move(*Export));
    std::string Model = text(ks::exportDocument(std::move(Tus)));
    auto ModelDoc = ks::parseJsonText(Model, "model export");
    if (!ModelDoc)
      ks_fuzz::fail("kstidy cannot read its own model export: " +
                        llvm::toString(ModelDoc.takeError()),
                    Model);
    std::vector<ks::RuntimeFinding> Runtime = ks::replayModel(*ModelDoc);
    ks::printComparison(Null, ks::compareFindings(Findings, Runtime, Dir));
  }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  Dir = ks_fuzz::scratchDir("fuzz-model-extraction");
  SourcePath = Dir + "/driver.cpp";
  ks_fuzz::writeFile(SourcePath, "");
  std::vector<std::string> Args = {
      "-xc++",
      "-std=c++17",
      // As the WDK profile parses: a Windows target, MSVC's dialect.
      "--target=x86_64-w64-windows-gnu",
      "-fms-extensions",
      "-fms-compatibility",
      "-fno-delayed-template-parsing",
      "-include",
      KSTIDY_FUZZ_SOURCE_DIR "/ks_prelude.h",
  };
  DB = std::make_unique<clang::tooling::FixedCompilationDatabase>(Dir, Args);
  ks::AnalysisOptions O;
  O.Profile = ks::WdkProfileMode::None;
  O.ResourceDir = KSTIDY_CLANG_RESOURCE_DIR;
  auto Created = ks::Analyzer::create(*DB, O, ks::WdkProfile{});
  if (!Created) {
    llvm::errs() << llvm::toString(Created.takeError()) << "\n";
    std::exit(2);
  }
  TheAnalyzer = std::move(*Created);
  TheAnalyzer->setModelSink(
      [](const ks::model::KsModel &M, clang::ASTContext &Ctx) {
        Export = ks::exportTranslationUnit(M, Ctx, SourcePath, Dir);
      });
  Checks = TheAnalyzer->enabledChecks(SourcePath);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  ks_fuzz::writeFile(SourcePath, ks_fuzz::asText(Data, Size));
  Export.reset();
  std::vector<ks::Finding> Findings;
  std::vector<ks::TuResult> Results;
  Results.push_back(TheAnalyzer->analyze(SourcePath, Findings));
  ks::sortAndDeduplicate(Findings);
  // The SARIF and baseline writers quote source lines from a per-thread
  // cache, which kstidy (one output per process) never empties: this input
  // rewrote the file.
  ks::forgetSourceLines();
  outputs(Findings, Results);
  return 0;
}
