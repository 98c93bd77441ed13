//===- WdkProfile.cpp -----------------------------------------------------===//
#include "WdkProfile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#ifndef KSTIDY_WDK_COMPAT_DIR
#error "KSTIDY_WDK_COMPAT_DIR must be defined by the build"
#endif
#ifndef KSTIDY_MINGW_INCLUDE_DIR
#define KSTIDY_MINGW_INCLUDE_DIR "/usr/share/mingw-w64/include"
#endif

namespace ks {

std::optional<WdkProfileMode> parseWdkProfileMode(llvm::StringRef S) {
  if (S == "auto")
    return WdkProfileMode::Auto;
  if (S == "mingw")
    return WdkProfileMode::Mingw;
  if (S == "none")
    return WdkProfileMode::None;
  return std::nullopt;
}

WdkProfile WdkProfile::locate(const char *Argv0) {
  WdkProfile P;
  P.MingwIncludeDir = KSTIDY_MINGW_INCLUDE_DIR;
  if (auto Env = llvm::sys::Process::GetEnv("KSTIDY_WDK_COMPAT_DIR")) {
    P.CompatDir = *Env;
    return P;
  }
  if (Argv0) {
    std::string Exe = llvm::sys::fs::getMainExecutable(
        Argv0, reinterpret_cast<void *>(&WdkProfile::locate));
    llvm::SmallString<256> Installed(llvm::sys::path::parent_path(Exe));
    llvm::sys::path::append(Installed, "..", "share", "kstidy", "wdk-compat");
    if (llvm::sys::fs::is_directory(Installed)) {
      llvm::sys::path::remove_dots(Installed, /*remove_dot_dot=*/true);
      P.CompatDir = std::string(Installed);
      return P;
    }
  }
  P.CompatDir = KSTIDY_WDK_COMPAT_DIR;
  return P;
}

std::vector<std::string> WdkProfile::flags() const {
  llvm::SmallString<256> Ddk(MingwIncludeDir);
  llvm::sys::path::append(Ddk, "ddk");
  llvm::SmallString<256> Overlay(CompatDir);
  llvm::sys::path::append(Overlay, "include");
  llvm::SmallString<256> Header(CompatDir);
  llvm::sys::path::append(Header, "kstidy-wdk-compat.h");
  return {
      "--target=x86_64-w64-windows-gnu",
      "-fms-extensions",
      // MSVC's leniency where driver code relies on it (a goto past an
      // initialisation, default int, unqualified dependent base members):
      // warnings, not errors. -fms-compatibility alone drops __GNUC__, and
      // mingw's headers need it for their intrinsics and vector types.
      "-fms-compatibility",
      "-fgnuc-version=4.2.1",
      // Template bodies are parsed where they stand, as the model needs
      // (-fms-compatibility would otherwise delay them on some targets).
      "-fno-delayed-template-parsing",
      // What MSVC only warns about in C (C4013, C4047, C4133, implicit int
      // in K&R-style parameter lists) clang 19 rejects by default.
      "-Wno-error=implicit-int",
      "-Wno-error=implicit-function-declaration",
      "-Wno-error=int-conversion",
      "-Wno-error=incompatible-pointer-types",
      // MSVC's preprocessor pastes "a" "b" string literals without
      // complaint (debug-print macros do it).
      "-Wno-error=invalid-token-paste",
      // An unknown identifier stays unknown: typo correction would put a
      // similar declared one in its place, and the checks would judge a
      // guess. Here too so that clangd and the plugin, which take these
      // flags from --print-wdk-flags, never guess either.
      "-fno-spell-checking",
      // Our overlay first: it fixes include-order problems with
      // #include_next wrappers around mingw's headers.
      "-isystem",
      std::string(Overlay),
      "-isystem",
      MingwIncludeDir,
      "-isystem",
      std::string(Ddk),
      // wdm.h declares these intrinsics again after intrin-impl.h did.
      "-D__INTRINSIC_DEFINED_InterlockedBitTestAndSet",
      "-D__INTRINSIC_DEFINED_InterlockedBitTestAndReset",
      "-DDECLSPEC_NOVTABLE=__declspec(novtable)",
      "-DDECLSPEC_NOTHROW=__declspec(nothrow)",
      // mingw's STDMETHOD_ declares COM methods nothrow while its IMP_* and
      // DECLARE_STD_UNKNOWN overrides are not: one warning per override of
      // every miniport class, in clangd.
      "-Wno-microsoft-exception-spec",
      "-include",
      std::string(Header),
  };
}

bool WdkProfile::commandTargetsWindows(
    llvm::ArrayRef<std::string> CommandLine) {
  auto TripleIsWindows = [](llvm::StringRef T) {
    T = T.trim();
    return T.contains_insensitive("windows") ||
           T.contains_insensitive("win32") || T.contains_insensitive("mingw");
  };
  for (size_t I = 0; I < CommandLine.size(); ++I) {
    llvm::StringRef A = CommandLine[I];
    if (A.consume_front("--target=") || A.consume_front("-target=")) {
      if (TripleIsWindows(A))
        return true;
      continue;
    }
    if ((A == "-target" || A == "--target") && I + 1 < CommandLine.size()) {
      if (TripleIsWindows(CommandLine[I + 1]))
        return true;
      continue;
    }
    // A WDK include directory ("Windows Kits\10\Include\<ver>\km") means the
    // command was made for the real WDK — when that WDK is on this host. An
    // MSBuild database made on Windows names directories that do not exist
    // here: the profile stands in for them.
    if (A.contains_insensitive("windows kits") ||
        A.contains_insensitive("\\km") || A.contains_insensitive("/km/") ||
        A.ends_with_insensitive("/km")) {
      llvm::StringRef Dir = A;
      for (const char *Prefix : {"-isystem", "-I", "/I", "-imsvc", "/imsvc"})
        if (Dir.consume_front(Prefix))
          break;
      if (llvm::sys::fs::is_directory(Dir.trim()))
        return true;
    }
  }
  return false;
}

bool WdkProfile::apply(std::vector<std::string> &CommandLine,
                       WdkProfileMode Mode) const {
  if (Mode == WdkProfileMode::None)
    return false;
  if (Mode == WdkProfileMode::Auto && commandTargetsWindows(CommandLine))
    return false;
  // The profile's triple must win: drop the command's own (non-Windows)
  // target, which would otherwise come later and override it.
  for (size_t I = 1; I < CommandLine.size();) {
    llvm::StringRef A = CommandLine[I];
    if (A.starts_with("--target=") || A.starts_with("-target=")) {
      CommandLine.erase(CommandLine.begin() + I);
    } else if ((A == "-target" || A == "--target") &&
               I + 1 < CommandLine.size()) {
      CommandLine.erase(CommandLine.begin() + I, CommandLine.begin() + I + 2);
    } else {
      ++I;
    }
  }
  std::vector<std::string> F = flags();
  auto Pos = CommandLine.empty() ? CommandLine.end() : CommandLine.begin() + 1;
  CommandLine.insert(Pos, F.begin(), F.end());
  return true;
}

std::vector<std::string> WdkProfile::problems() const {
  std::vector<std::string> Out;
  llvm::SmallString<256> Ks(MingwIncludeDir);
  llvm::sys::path::append(Ks, "ks.h");
  if (!llvm::sys::fs::exists(Ks))
    Out.push_back("mingw-w64 headers not found at " + MingwIncludeDir +
                  " (install the Debian package mingw-w64-common)");
  llvm::SmallString<256> Header(CompatDir);
  llvm::sys::path::append(Header, "kstidy-wdk-compat.h");
  if (!llvm::sys::fs::exists(Header))
    Out.push_back("WDK compat header not found at " + std::string(Header) +
                  " (set KSTIDY_WDK_COMPAT_DIR)");
  return Out;
}

} // namespace ks
