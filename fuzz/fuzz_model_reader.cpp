//===- fuzz_model_reader.cpp - kstidy --replay=EXPORT ---------------------===//
//
// The model reader of --replay and --compare: a model export (JSON, as
// --export-model writes it) parsed as readJsonFile does, its "schema"
// checked as --replay checks it (ks::schema::readDocument), then
// ks::replayModel, which builds the runtime reference's tables and
// allocators from it and sends them requests; then the comparison with (no)
// static findings and its printing, as --compare does.
//
//===----------------------------------------------------------------------===//
#include "JsonOracle.h"

#include "Comparison.h"
#include "Replay.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  auto Doc = ks_fuzz::parseJsonLikeKstidy(ks_fuzz::asText(Data, Size));
  if (!Doc)
    return 0;
  // As --replay (Driver.cpp): anything but a kstidy model export is refused
  // before the replay.
  ks::schema::Document Model = ks::schema::readDocument(*Doc);
  if (Model.Schema != ks::schema::SchemaName)
    return 0;
  std::vector<ks::RuntimeFinding> Runtime = ks::replayModel(Model);
  std::vector<ks::ComparisonRow> Rows =
      ks::compareFindings(/*Static=*/{}, Runtime, "/fuzz");
  llvm::raw_null_ostream Null;
  ks::printRuntimeFindings(Null, Runtime);
  ks::printComparison(Null, Rows);
  (void)ks::comparisonToJson(Rows);
  return 0;
}
