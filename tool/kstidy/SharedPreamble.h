//===- SharedPreamble.h - one precompiled preamble for many TUs -----------===//
//
// Most of a driver TU's parse is the WDK headers its leading #include block
// brings in, and the TUs of one driver start alike. Within a run, TUs whose
// leading directives, up to one of their #include lines, are the same
// tokens, in the same directory, under the same compiler flags, share one
// precompiled preamble (clang's PrecompiledPreamble, as clangd builds
// them), built once and reused (docs/performance.md):
//
//  - each source shares the longest such start another source of the run
//    has (PreambleStore::expect); a source alone parses whole, since a
//    preamble would cost it more; a few preambles are kept in memory;
//  - a preamble whose build reported an error (a missing header, say), or
//    a warning when compiler warnings are reported, or a skipped #if block
//    of the main file, is never used: those TUs parse whole, exactly as
//    without sharing;
//  - the tables of a skipped #if block in the preamble's headers are kept
//    and judged by each TU that uses it (DisabledCode.h), and the
//    declarations of the driver's own headers in it are analysed as if
//    parsed (Analyzer.cpp's UserCodeScope).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_SHAREDPREAMBLE_H
#define KSTIDY_TOOL_SHAREDPREAMBLE_H

#include "Analyzer.h"

#include "clang/AST/DeclBase.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/PrecompiledPreamble.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace clang {
namespace tooling {
class CompilationDatabase;
}
class CompilerInvocation;
class LangOptions;
class PCHContainerOperations;
} // namespace clang

namespace ks {

/// A built preamble and what its build saw.
struct SharedPreamble {
  explicit SharedPreamble(clang::PrecompiledPreamble P)
      : Preamble(std::move(P)) {}
  clang::PrecompiledPreamble Preamble;
  /// Tables in blocks the preamble's preprocessor skipped, not yet judged.
  std::vector<BlindSpot> DisabledTables;
  /// Compiler warnings its build reported (outside system headers).
  unsigned Warnings = 0;
  /// Every file its build read, absolute (InputRecorder.h).
  std::vector<std::string> Inputs;
  /// The headers outside system directories it entered, by the names they
  /// were found under: where the driver's own declarations in it are.
  std::vector<std::string> UserFiles;
};

/// Whether the parse skips \p D's body (with SkipFunctionBodies): only in
/// system headers, where no table or handler lives. One rule for TUs
/// (Analyzer.cpp's UserCodeScope) and the preambles they load.
inline bool skipsFunctionBody(const clang::SourceManager &SM,
                              const clang::Decl *D) {
  return SM.isInSystemHeader(SM.getFileLoc(D->getLocation()));
}

/// The part of a main file a shared preamble covers: its leading
/// directives up to the last #include (or the #endif of a block holding
/// one) outside any #if block, so that `#define`s after the includes do not
/// keep two files from sharing. \p Tokens is that text as tokens, one
/// directive per line, spacing kept where it can matter (`#define F(x)` is
/// not `#define F (x)`), comments dropped.
struct SharedPrefix {
  size_t Size = 0; ///< bytes, up to the start of a line
  std::string Tokens;
};
std::optional<SharedPrefix> sharedPrefix(llvm::StringRef Source,
                                         const clang::LangOptions &LO);
/// Every place \p Source's shared preamble may end, shortest first: after
/// each #include (or #endif of a block holding one) outside any #if block.
std::vector<SharedPrefix> sharedPrefixes(llvm::StringRef Source,
                                         const clang::LangOptions &LO);

/// What a TU would share: its main file, read once, and the key of its
/// preamble. None when the TU has no preamble (no leading directives).
struct PreambleRequest {
  std::string Path; ///< the main file, absolute
  std::unique_ptr<llvm::MemoryBuffer> MainFile;
  clang::PreambleBounds Bounds{0, false};
  std::string Key;
};

/// The preambles of one run, shared by its workers.
class PreambleStore {
public:
  /// \p MaxLive preambles are kept in memory at a time (least recently
  /// used first out); a TU using one keeps it alive until it is done. A
  /// preamble is built only for a start at least \p MinSharers sources
  /// share: building and loading one costs about what parsing its headers
  /// two or three times costs.
  PreambleStore(size_t MaxLive, unsigned MinSharers)
      : MaxLive(MaxLive), MinSharers(std::max(2u, MinSharers)) {}

  /// Before the run: for each source of \p DB among \p Sources, the longest
  /// start it has in common with another one (read as plain C++ from the
  /// database's command: a hint, describe() keys on clang's own), where its
  /// preamble will end; such a preamble is built on first use.
  void expect(const clang::tooling::CompilationDatabase &DB,
              const std::vector<std::string> &Sources);

  /// What the TU of \p CI would share: none when it has no #include
  /// block.
  std::optional<PreambleRequest> describe(const clang::CompilerInvocation &CI,
                                          llvm::vfs::FileSystem &FS) const;

  /// The preamble for \p R, built here when this is the second TU to ask
  /// for it (\p Built says so); null: parse the TU whole.
  std::shared_ptr<const SharedPreamble>
  get(const PreambleRequest &R, const clang::CompilerInvocation &CI,
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
      std::shared_ptr<clang::PCHContainerOperations> Ops, bool &Built);

private:
  struct Slot {
    std::mutex M;
    bool Done = false;
    std::shared_ptr<const SharedPreamble> P;
  };
  const size_t MaxLive;
  const unsigned MinSharers;
  mutable std::mutex M;
  std::map<std::string, unsigned> Seen;
  std::map<std::string, size_t> Chosen; ///< main file -> preamble size
  std::set<std::string> Unusable;
  std::list<std::pair<std::string, std::shared_ptr<Slot>>> Live;
};

} // namespace ks

#endif
