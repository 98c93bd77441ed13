//===- JsonOracle.h - kstidy's JSON reading, checked against LLVM's -------===//
#ifndef KSTIDY_FUZZ_JSONORACLE_H
#define KSTIDY_FUZZ_JSONORACLE_H

#include "FuzzSupport.h"

#include "SafeIO.h"

#include <optional>

namespace ks_fuzz {

/// ks::parseJsonText as every JSON reader of kstidy calls it, with two
/// oracles: what it accepts nests no deeper than ks::MaxNesting, and what
/// it refuses is no JSON document within that limit.
inline std::optional<llvm::json::Value>
parseJsonLikeKstidy(llvm::StringRef Text) {
  auto Doc = ks::parseJsonText(Text, "fuzz");
  if (Doc) {
    if (valueDepth(*Doc) > ks::MaxNesting)
      fail("parseJsonText accepted JSON nested deeper than MaxNesting");
    return std::move(*Doc);
  }
  llvm::consumeError(Doc.takeError());
  // Within the limit (and only then: LLVM's parser recurses once per level),
  // a document LLVM's parser reads must not have been refused.
  if (jsonDepth(Text) <= ks::MaxNesting) {
    auto Plain = llvm::json::parse(Text);
    if (Plain)
      fail("parseJsonText refused a JSON document within MaxNesting");
    llvm::consumeError(Plain.takeError());
  }
  return std::nullopt;
}

} // namespace ks_fuzz

#endif
