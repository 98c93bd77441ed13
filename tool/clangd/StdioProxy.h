//===- StdioProxy.h - kstidy-clangd between the editor and clangd ---------===//
//
// kstidy-clangd runs clangd in its own process. Two small pumps sit on
// clangd's stdin and stdout:
//  - the input pump hands clangd the editor's messages unchanged; before
//    clangd starts, kstidy-clangd reads the first one (LSP "initialize") to
//    learn the workspace root, and the pump replays it;
//  - the output pump rewrites clangd's messages on their way to the editor:
//    the documentation link of each ks-* diagnostic points at kstidy's page
//    of the check, not at clang-tidy's site (which has no such page).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CLANGD_STDIOPROXY_H
#define KSTIDY_CLANGD_STDIOPROXY_H

#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <thread>

namespace ks {
namespace clangd {

/// One LSP message read from a file descriptor: its bytes as read (headers
/// and body) and its body parsed, when it is JSON.
struct LspMessage {
  std::string Raw;
  std::optional<llvm::json::Value> Body;
};

/// Reads one Content-Length framed message from \p Fd. An empty Raw means
/// end of input before any byte.
LspMessage readMessage(int Fd);

/// The documentation link of check \p Check (e.g. "ks-property-item-size").
std::string checkDocsUrl(llvm::StringRef Check);

/// Rewrites one message body from clangd: every diagnostic whose code is a
/// ks-* check gets kstidy's documentation link. Returns the body unchanged
/// when there is nothing to rewrite.
std::string rewriteServerMessage(llvm::StringRef Body);

/// Puts the pumps in place on file descriptors 0 and 1, so that clangd,
/// started afterwards, reads and writes through them. \p AlreadyRead is
/// handed to clangd before the rest of the input. Returns the output pump:
/// once clangd is done, flush and close descriptor 1, then join it, so that
/// clangd's last messages reach the editor.
std::thread installPumps(std::string AlreadyRead);

} // namespace clangd
} // namespace ks

#endif
