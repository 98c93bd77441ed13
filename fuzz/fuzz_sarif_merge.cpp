//===- fuzz_sarif_merge.cpp - kstidy merge-sarif --------------------------===//
//
// ks::SarifMerger over one to three logs: the input is split at its first
// two NUL bytes (make-seeds.sh joins real shard logs that way). Each log is
// added as `kstidy merge-sarif` adds it, stopping at the first error; when
// every add succeeds the merged log is written, and what was written must be
// JSON (a merge that writes invalid JSON is a bug) holding one run.
//
//===----------------------------------------------------------------------===//
#include "FuzzSupport.h"

#include "SafeIO.h"
#include "SarifMerge.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Rest = ks_fuzz::asText(Data, Size);
  llvm::SmallVector<llvm::StringRef, 3> Logs;
  for (int I = 0; I < 2; ++I) {
    auto [Log, Tail] = Rest.split('\0');
    if (Tail.data() == nullptr || Log.size() == Rest.size())
      break;
    Logs.push_back(Log);
    Rest = Tail;
  }
  Logs.push_back(Rest);

  ks::SarifMerger Merger;
  for (size_t I = 0; I < Logs.size(); ++I)
    if (llvm::Error E =
            Merger.add(Logs[I], "shard" + std::to_string(I) + ".sarif")) {
      llvm::consumeError(std::move(E));
      return 0;
    }
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  if (llvm::Error E = Merger.write(OS)) {
    llvm::consumeError(std::move(E));
    return 0;
  }
  OS.flush();
  // The merged log is read back by code scanning and by merge-sarif itself
  // (shards of shards): it must be JSON, within the nesting kstidy reads.
  if (auto Deep = ks::nestingProblem(Out, ks::TextSyntax::Json))
    ks_fuzz::fail("merge-sarif wrote a log nested too deep: " + *Deep, Out);
  auto Parsed = llvm::json::parse(Out);
  if (!Parsed)
    ks_fuzz::fail("merge-sarif wrote invalid JSON: " +
                      llvm::toString(Parsed.takeError()),
                  Out);
  const llvm::json::Object *Root = Parsed->getAsObject();
  const llvm::json::Array *Runs = Root ? Root->getArray("runs") : nullptr;
  if (!Runs || Runs->size() != 1)
    ks_fuzz::fail("merge-sarif wrote a log without exactly one run", Out);
  // What it wrote, it merges again (a merge of merged logs).
  ks::SarifMerger Again;
  if (llvm::Error E = Again.add(Out, "merged.sarif"))
    ks_fuzz::fail("merge-sarif refuses the log it wrote: " +
                      llvm::toString(std::move(E)),
                  Out);
  if (Again.results() != Merger.results())
    ks_fuzz::fail("merging the merged log again changes its result count", Out);
  return 0;
}
