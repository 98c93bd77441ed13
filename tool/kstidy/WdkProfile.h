//===- WdkProfile.h - Compiler flags that let driver code parse on Linux --===//
//
// Driver sources include ntddk.h/wdm.h/ks.h/portcls.h. Off Windows, Debian's
// mingw-w64 headers stand in for the WDK, with a compat layer of our own
// (tool/wdk-compat) for what they lack; or, where the real Windows Kits
// headers are at hand (an EWDK mount, WSL's view of an installed WDK), the
// profile parses against those with the MSVC target. The profile is applied
// to a compile command unless it already targets Windows or names a WDK
// include dir.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_WDKPROFILE_H
#define KSTIDY_TOOL_WDKPROFILE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace ks {

/// Auto: the profile for commands that do not target Windows (the real WDK
/// when the environment names one, mingw-w64 otherwise); Mingw: always, with
/// mingw-w64; Wdk: as Auto, with the Windows Kits tree given by
/// --wdk-profile=wdk:DIR; None: never.
enum class WdkProfileMode { Auto, Mingw, Wdk, None };

/// "auto", "mingw", "none", or "wdk:DIR" (\p KitDir receives DIR).
std::optional<WdkProfileMode>
parseWdkProfileMode(llvm::StringRef S, std::string *KitDir = nullptr);

struct WdkProfile {
  std::string CompatDir;       ///< tool/wdk-compat (or its installed copy)
  std::string MingwIncludeDir; ///< /usr/share/mingw-w64/include
  /// A Windows Kits `Include/<version>` directory (with km/, shared/, ...):
  /// when set, the flags parse against it with the MSVC target instead of
  /// mingw-w64. KitSource says where it came from (for messages).
  std::string KitIncludeDir;
  std::string KitSource;

  /// Locates the compat layer and the mingw headers: $KSTIDY_WDK_COMPAT_DIR,
  /// then <exe>/../share/kstidy/wdk-compat, then the source tree.
  static WdkProfile locate(const char *Argv0);

  /// Finds the Windows Kits include tree in \p Dir: Dir itself when it has
  /// km/, else Dir/<version> or Dir/Include/<version> (the kit's root, as
  /// WDKContentRoot names it): \p Version when given and present, otherwise
  /// the highest version that has km/. A Windows path (C:\...) that does not
  /// exist as written is also looked for under /mnt/<drive> (WSL).
  static llvm::Expected<std::string> findKitIncludeDir(llvm::StringRef Dir,
                                                       llvm::StringRef Version);

  /// The kit the environment names: WDKContentRoot, then WindowsSdkDir, at
  /// the version of Version_Number, WindowsSDKVersion or
  /// WindowsTargetPlatformVersion. std::nullopt when none is set; a
  /// variable that is set but names no kit adds a line to \p Problems.
  struct EnvironmentKit {
    std::string IncludeDir;
    std::string Source; ///< e.g. "WDKContentRoot=/mnt/d/Program Files/..."
  };
  static std::optional<EnvironmentKit>
  kitFromEnvironment(std::vector<std::string> &Problems);

  /// Chooses the kit for \p Mode: wdk:DIR's (an error when DIR holds none),
  /// the environment's for Auto (its problems are warnings, in \p
  /// Warnings), none for Mingw and None.
  llvm::Error selectKit(WdkProfileMode Mode, llvm::StringRef KitDir,
                        std::vector<std::string> &Warnings);

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
