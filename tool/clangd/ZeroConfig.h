//===- ZeroConfig.h - A driver tree in the editor with no set-up ----------===//
//
// What kstidy-clangd does before clangd starts, so that a driver developer
// who opens a file of a driver tree sees the ks findings without writing a
// .clangd, a compile_flags.txt or a database:
//  - the compile commands of the workspace, found the way the kstidy CLI
//    finds them (a compile_commands.json, the MSBuild projects, or none),
//    each with the WDK profile applied by the CLI's `auto` rule, written to
//    a compile_commands.json of kstidy-clangd's own that clangd is pointed
//    at (--compile-commands-dir);
//  - a clangd user configuration that enables the ks-* checks and keeps
//    clangd's fast-check filter from hiding them, read before the user's
//    own configuration, which it includes, and the project's .clangd.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CLANGD_ZEROCONFIG_H
#define KSTIDY_CLANGD_ZEROCONFIG_H

#include "WdkProfile.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace ks {
namespace clangd {

/// The workspace root an LSP "initialize" request names (rootUri, rootPath,
/// the first workspace folder); empty when it names none.
std::string workspaceRoot(const llvm::json::Value &Initialize);

/// Where kstidy-clangd keeps what it writes for workspace \p Root:
/// $XDG_CACHE_HOME (or ~/.cache)/kstidy-clangd/<hash of Root>.
std::string stateDirectory(llvm::StringRef Root);

/// The source files (.c, .cc, .cpp, .cxx) under \p Root, hidden directories
/// skipped; at most \p Limit.
std::vector<std::string> sourcesUnder(llvm::StringRef Root, size_t Limit);

struct DatabaseSummary {
  size_t Entries = 0;        ///< commands written
  size_t ProfileApplied = 0; ///< of them, with the WDK profile added
  std::string From;          ///< where the commands came from, for the log
};

/// Writes \p Dir/compile_commands.json for workspace \p Root: the commands
/// of its own database (Root or Root/build compile_commands.json), of its
/// MSBuild projects, or, for sources with neither, none; each normalized
/// as the kstidy CLI does (cl.exe syntax rewritten, precompiled headers and
/// file-writing flags dropped) and with \p Profile applied in \p Mode.
llvm::Expected<DatabaseSummary> writeDatabase(llvm::StringRef Root,
                                              llvm::StringRef Dir,
                                              const WdkProfile &Profile,
                                              WdkProfileMode Mode);

/// The .clang-tidy files of workspace \p Root (in it, below it and above
/// it) whose Checks name a ks check: then they decide which ks checks run,
/// and kstidy-clangd does not add them.
std::vector<std::string> clangTidyFilesNamingKsChecks(llvm::StringRef Root);

/// The clangd configuration kstidy-clangd reads first: ks-* on (unless
/// \p AddChecks is false) and never filtered as "not known to be fast".
std::string ksConfigFragment(bool AddChecks);

/// Writes \p ConfigHome/clangd/config.yaml: ksConfigFragment(AddChecks),
/// then the user's own configuration \p UserConfig (when it exists), so
/// that what the user wrote still wins. Point XDG_CONFIG_HOME at
/// \p ConfigHome.
llvm::Error writeUserConfig(llvm::StringRef ConfigHome,
                            llvm::StringRef UserConfig, bool AddChecks);

} // namespace clangd
} // namespace ks

#endif
