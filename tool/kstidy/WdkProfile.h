//===- WdkProfile.h - Compiler flags that let driver code parse on Linux --===//
//
// Driver sources include ntddk.h/wdm.h/ks.h/portcls.h. Off Windows, Debian's
// mingw-w64 headers stand in for the WDK, with a compat layer of our own
// (tool/wdk-compat) for what they lack. The profile is applied to a compile
// command unless it already targets Windows or names a WDK include dir.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_WDKPROFILE_H
#define KSTIDY_TOOL_WDKPROFILE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace ks {

enum class WdkProfileMode { Auto, Mingw, None };

std::optional<WdkProfileMode> parseWdkProfileMode(llvm::StringRef S);

struct WdkProfile {
  std::string CompatDir;       ///< tool/wdk-compat (or its installed copy)
  std::string MingwIncludeDir; ///< /usr/share/mingw-w64/include

  /// Locates the compat layer and the mingw headers: $KSTIDY_WDK_COMPAT_DIR,
  /// then <exe>/../share/kstidy/wdk-compat, then the source tree.
  static WdkProfile locate(const char *Argv0);

  /// The flags, in order, for the compile command line.
  std::vector<std::string> flags() const;

  /// Does \p CommandLine already target Windows or name the WDK?
  static bool commandTargetsWindows(llvm::ArrayRef<std::string> CommandLine);

  /// Inserts the flags after the compiler name when the mode asks for it.
  /// Returns true when they were added.
  bool apply(std::vector<std::string> &CommandLine, WdkProfileMode Mode) const;

  /// Missing pieces, as one-line messages (e.g. mingw-w64-common absent).
  std::vector<std::string> problems() const;
};

} // namespace ks

#endif
