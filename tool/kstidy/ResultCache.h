//===- ResultCache.h - A TU's results kept across runs --------------------===//
//
// `--cache-dir DIR` (or KSTIDY_CACHE_DIR) keeps what analysing each TU
// produced, so that a later run replays an unchanged TU instead of parsing
// it (docs/performance.md, "Result cache"):
//
//  - an entry's key is everything that can change the TU's results other
//    than the headers it reads: kstidy's version and executable, LLVM's
//    version, the working directory, the source's path and contents, its
//    compile commands, the analysis options, the WDK profile's flags, the
//    include path variables and the TU's whole configuration;
//  - the entry lists every header the TU read with a BLAKE3 hash of its
//    contents; it is replayed only while every one hashes the same;
//  - a TU with a missing header, or with an input changed during the run,
//    is not stored; an entry that cannot be read is ignored and rewritten;
//  - entries are written atomically (a temporary file renamed), so that
//    workers of one run and runs sharing the directory never see half of
//    one; the directory is kept under a size, least recently used first
//    out.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_RESULTCACHE_H
#define KSTIDY_TOOL_RESULTCACHE_H

#include "Analyzer.h"
#include "Findings.h"
#include "WholeDriver.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ks {

/// What one TU's analysis produced, as the cache keeps it.
struct CachedTu {
  TuResult Result; ///< with Result.Inputs, the headers it read
  std::vector<Finding> Findings;
  std::optional<llvm::json::Value> Export; ///< --export-model's TU
  TuFacts Facts;                           ///< for the whole-driver join
};

/// The entry as JSON, with a BLAKE3 hash (hex) beside each input.
llvm::json::Value toJson(const CachedTu &Entry,
                         llvm::ArrayRef<std::string> InputHashes);
/// Reads an entry back: the error names what is malformed.
llvm::Expected<CachedTu> cachedTuFromJson(const llvm::json::Value &V,
                                          std::vector<std::string> &Hashes);

/// A key from its parts: BLAKE3 of each part with its length, as hex.
std::string cacheKey(llvm::ArrayRef<std::string> Parts);

/// "256M", "1G", "4096": bytes; none for anything else.
std::optional<uint64_t> parseByteSize(llvm::StringRef S);

class ResultCache {
public:
  /// Creates \p Dir if needed; fails when it cannot be made or written.
  static llvm::Expected<std::unique_ptr<ResultCache>> open(llvm::StringRef Dir,
                                                           uint64_t MaxBytes);

  /// The entry of \p Key when every input it lists still hashes the same
  /// (and it holds the model export when \p WantExport).
  std::optional<CachedTu> lookup(const std::string &Key, bool WantExport);

  /// Keeps \p Entry under \p Key, unless it cannot be replayed faithfully
  /// (a header was missing, the TU was skipped, an input changed since the
  /// run began).
  void store(const std::string &Key, const CachedTu &Entry);

  /// After the run: entries least recently used first removed until the
  /// directory holds at most 80% of the limit, when it holds more than it.
  void evict();

  /// BLAKE3 of \p Path's contents as hex, each file read once per run;
  /// none when it cannot be read.
  std::optional<std::string> hashOf(const std::string &Path);

  struct Stats {
    std::atomic<size_t> Hits{0}, Misses{0}, Stored{0}, Unreadable{0},
        Evicted{0};
  };
  const Stats &stats() const { return Counts; }
  const std::string &directory() const { return Dir; }

private:
  ResultCache(std::string Dir, uint64_t MaxBytes);
  std::string entryPath(const std::string &Key) const;

  const std::string Dir;
  const uint64_t MaxBytes;
  /// Inputs modified at or after this moment were changed during the run.
  const std::chrono::system_clock::time_point Started;
  std::mutex M;
  llvm::StringMap<std::optional<std::string>> Hashes;
  Stats Counts;
};

} // namespace ks

#endif
