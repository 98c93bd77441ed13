//===- fuzz_clang_tidy_config.cpp - .clang-tidy files and --config --------===//
//
// What kstidy does with a clang-tidy configuration it is given (Driver.cpp
// configProblem): ks::nestingProblem in YAML mode, then, when that passes,
// clang::tidy::parseConfigurationWithDiags (LLVM's YAML parser, which
// recurses once per nesting level).
//
// Oracle: the parse runs on a thread with a small stack (StackBytes) that a
// configuration within ks::MaxNesting never comes near, so a nesting the
// limit failed to see overflows it (ASan: stack-overflow) at a depth of a
// few thousand levels, which the fuzzer reaches within -max_len, rather
// than at the main thread's megabytes.
//
//===----------------------------------------------------------------------===//
#include "FuzzSupport.h"

#include "SafeIO.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

namespace {
// 256 levels (ks::MaxNesting), flow or block, take ~100 KB of stack under
// ASan (~370 bytes a level; measured with KSTIDY_FUZZ_STACK_KB): this
// overflows past ~1000 levels.
size_t StackBytes = 384u << 10;
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  if (const char *KB = std::getenv("KSTIDY_FUZZ_STACK_KB"))
    StackBytes = std::strtoul(KB, nullptr, 10) << 10;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text = ks_fuzz::asText(Data, Size);
  if (ks::nestingProblem(Text, ks::TextSyntax::Yaml))
    return 0;
  ks_fuzz::runWithStack(StackBytes, [&] {
    unsigned Diags = 0;
    auto Parsed = clang::tidy::parseConfigurationWithDiags(
        llvm::MemoryBufferRef(Text, ".clang-tidy"),
        [&](const llvm::SMDiagnostic &D) {
          ++Diags;
          (void)D.getLineNo();
          (void)D.getMessage();
        });
    if (Parsed) {
      // What the analyzer reads of it.
      (void)Parsed->Checks;
      (void)Parsed->CheckOptions.size();
    }
  });
  return 0;
}
