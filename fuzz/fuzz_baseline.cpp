//===- fuzz_baseline.cpp - kstidy --baseline=FILE -------------------------===//
//
// The baseline reader: the JSON text as readJsonFile parses it
// (ks::parseJsonText, with its nesting limit), then ks::readBaseline.
//
//===----------------------------------------------------------------------===//
#include "JsonOracle.h"

#include "Baseline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  auto Doc = ks_fuzz::parseJsonLikeKstidy(ks_fuzz::asText(Data, Size));
  if (!Doc)
    return 0;
  auto Fingerprints = ks::readBaseline(*Doc);
  if (!Fingerprints) {
    llvm::consumeError(Fingerprints.takeError());
    return 0;
  }
  return 0;
}
