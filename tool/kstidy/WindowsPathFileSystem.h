//===- WindowsPathFileSystem.h - NTFS lookup rules on a Linux host --------===//
//
// Driver trees are written on Windows, where `#include "Common.h"` finds
// common.h and `#include "..\inc\hw.h"` uses backslashes. On a Linux host
// clang looks names up byte for byte, so such a tree stops at "file not
// found". This file system answers a lookup the underlying one misses by
// reading backslashes as separators and matching each path component
// case-insensitively, as NTFS does. Exact hits never pay for it.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_WINDOWSPATHFILESYSTEM_H
#define KSTIDY_TOOL_WINDOWSPATHFILESYSTEM_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ks {

/// Directory listings, lower-cased name -> the names on disk. Shared by the
/// file systems of one run: directories do not change while kstidy reads.
class DirectoryListingCache {
public:
  /// The names in \p Dir whose lower-case spelling is \p LowerName;
  /// nothing when \p Dir cannot be listed (it does not exist as spelled).
  std::optional<std::vector<std::string>> lookup(llvm::vfs::FileSystem &FS,
                                                 llvm::StringRef Dir,
                                                 llvm::StringRef LowerName);

private:
  struct Listing {
    bool Listed = false;
    llvm::StringMap<std::vector<std::string>> Names;
  };
  std::mutex Lock;
  llvm::StringMap<std::shared_ptr<Listing>> Listings;
};

class WindowsPathFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  WindowsPathFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                        std::shared_ptr<DirectoryListingCache> Cache);

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override;
  /// As status(): ProxyFileSystem's would ask the file system below.
  bool exists(const llvm::Twine &Path) override { return bool(status(Path)); }
  /// The file on disk a name the lookup rules resolve stands for (for the
  /// result cache, which hashes what was read).
  std::error_code getRealPath(const llvm::Twine &Path,
                              llvm::SmallVectorImpl<char> &Output) override;
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override;

  /// The path on disk that \p Path names under Windows rules, if any and
  /// if it differs from \p Path.
  std::optional<std::string> resolve(llvm::StringRef Path);

private:
  std::shared_ptr<DirectoryListingCache> Cache;
};

} // namespace ks

#endif
