//===- WdkProfile.cpp -----------------------------------------------------===//
#include "WdkProfile.h"

#include "llvm/ADT/SmallVector.h"
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

std::optional<WdkProfileMode> parseWdkProfileMode(llvm::StringRef S,
                                                  std::string *KitDir) {
  if (S.consume_front("wdk:")) {
    if (S.empty())
      return std::nullopt;
    if (KitDir)
      *KitDir = S.str();
    return WdkProfileMode::Wdk;
  }
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

namespace {

bool isDirectory(const llvm::Twine &P) {
  return llvm::sys::fs::is_directory(P);
}

std::string joined(llvm::StringRef A, llvm::StringRef B) {
  llvm::SmallString<256> P(A);
  llvm::sys::path::append(P, B);
  return std::string(P);
}

/// "10.0.26100.0" as numbers, for ordering kit versions; nullopt for a name
/// that is not a dotted version.
std::optional<llvm::SmallVector<unsigned, 4>> versionOf(llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, '.');
  llvm::SmallVector<unsigned, 4> Numbers;
  for (llvm::StringRef Part : Parts) {
    unsigned N = 0;
    if (Part.getAsInteger(10, N))
      return std::nullopt;
    Numbers.push_back(N);
  }
  return Numbers;
}

/// In an `Include` directory: \p Version's subdirectory when it has km/,
/// otherwise the highest version that has.
std::optional<std::string> pickVersion(llvm::StringRef IncludeDir,
                                       llvm::StringRef Version) {
  if (!Version.empty() &&
      isDirectory(joined(joined(IncludeDir, Version), "km")))
    return joined(IncludeDir, Version);
  std::optional<std::string> Best;
  llvm::SmallVector<unsigned, 4> BestVersion;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator I(IncludeDir, EC), E; I != E && !EC;
       I.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(I->path());
    auto V = versionOf(Name);
    if (!V || !isDirectory(joined(I->path(), "km")))
      continue;
    if (!Best || BestVersion < *V) {
      Best = I->path();
      BestVersion = *V;
    }
  }
  return Best;
}

/// `C:\Program Files (x86)\Windows Kits\10\` as WSL mounts it,
/// `/mnt/c/Program Files (x86)/Windows Kits/10`; "" for a path that is not
/// a Windows drive path.
std::string wslPathOf(llvm::StringRef P) {
  if (P.size() < 3 || !llvm::isAlpha(P[0]) || P[1] != ':' ||
      (P[2] != '\\' && P[2] != '/'))
    return "";
  std::string Out = "/mnt/";
  Out += llvm::toLower(P[0]);
  for (char C : P.drop_front(2))
    Out += C == '\\' ? '/' : C;
  while (Out.size() > 1 && Out.back() == '/')
    Out.pop_back();
  return Out;
}

} // namespace

llvm::Expected<std::string>
WdkProfile::findKitIncludeDir(llvm::StringRef Dir, llvm::StringRef Version) {
  std::string Root = Dir.str();
  if (!isDirectory(Root)) {
    std::string Wsl = wslPathOf(Dir);
    if (Wsl.empty() || !isDirectory(Wsl))
      return llvm::createStringError(
          std::make_error_code(std::errc::no_such_file_or_directory),
          "no such directory: " + Dir.str() +
              (Wsl.empty() ? "" : " (nor " + Wsl + ")"));
    Root = Wsl;
  }
  llvm::SmallString<256> Abs(Root);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  Root = std::string(Abs);
  if (isDirectory(joined(Root, "km")))
    return Root;
  for (const char *Include : {"Include", "include"}) {
    std::string Candidate = joined(Root, Include);
    if (isDirectory(Candidate))
      if (auto Picked = pickVersion(Candidate, Version))
        return *Picked;
  }
  if (auto Picked = pickVersion(Root, Version))
    return *Picked;
  return llvm::createStringError(
      std::make_error_code(std::errc::no_such_file_or_directory),
      "no Windows Kits include tree in " + Root +
          ": expected km/ in it, in <version>/ or in Include/<version>/");
}

std::optional<WdkProfile::EnvironmentKit>
WdkProfile::kitFromEnvironment(std::vector<std::string> &Problems) {
  std::string Version;
  for (const char *Name :
       {"Version_Number", "WindowsSDKVersion", "WindowsTargetPlatformVersion"})
    if (auto V = llvm::sys::Process::GetEnv(Name)) {
      Version = llvm::StringRef(*V).trim().rtrim("\\/").str();
      if (!Version.empty())
        break;
    }
  for (const char *Name : {"WDKContentRoot", "WindowsSdkDir"}) {
    auto Value = llvm::sys::Process::GetEnv(Name);
    if (!Value || llvm::StringRef(*Value).trim().empty())
      continue;
    std::string Dir = llvm::StringRef(*Value).trim().str();
    auto Found = findKitIncludeDir(Dir, Version);
    if (!Found) {
      Problems.push_back(std::string(Name) + "=" + Dir + ": " +
                         llvm::toString(Found.takeError()));
      continue;
    }
    return EnvironmentKit{*Found, std::string(Name) + "=" + Dir};
  }
  return std::nullopt;
}

llvm::Error WdkProfile::selectKit(WdkProfileMode Mode, llvm::StringRef KitDir,
                                  std::vector<std::string> &Warnings) {
  KitIncludeDir.clear();
  KitSource.clear();
  if (Mode == WdkProfileMode::Wdk) {
    auto Found = findKitIncludeDir(KitDir, "");
    if (!Found)
      return llvm::createStringError(
          std::make_error_code(std::errc::invalid_argument),
          "--wdk-profile=wdk:" + KitDir.str() + ": " +
              llvm::toString(Found.takeError()));
    KitIncludeDir = *Found;
    KitSource = "--wdk-profile=wdk:" + KitDir.str();
    return llvm::Error::success();
  }
  if (Mode != WdkProfileMode::Auto)
    return llvm::Error::success();
  std::vector<std::string> Problems;
  if (auto Kit = kitFromEnvironment(Problems)) {
    KitIncludeDir = Kit->IncludeDir;
    KitSource = Kit->Source;
  }
  for (std::string &P : Problems)
    Warnings.push_back(P + (KitIncludeDir.empty()
                                ? "; the mingw-w64 profile is used"
                                : "; " + KitSource + " is used"));
  return llvm::Error::success();
}

/// The dialect flags both profiles share: MSVC's language extensions and
/// the leniency driver code relies on. \p GnuHeaders (mingw-w64) adds the
/// __GNUC__ that -fms-compatibility would otherwise drop.
static void appendMsvcDialect(std::vector<std::string> &F, bool GnuHeaders) {
  // MSVC's leniency where driver code relies on it (a goto past an
  // initialisation, default int, unqualified dependent base members):
  // warnings, not errors.
  F.push_back("-fms-extensions");
  F.push_back("-fms-compatibility");
  // -fms-compatibility alone drops __GNUC__, and mingw's headers need it
  // for their intrinsics and vector types.
  if (GnuHeaders)
    F.push_back("-fgnuc-version=4.2.1");
  // Template bodies are parsed where they stand, as the model needs
  // (-fms-compatibility would otherwise delay them on some targets).
  F.push_back("-fno-delayed-template-parsing");
  // What MSVC only warns about in C (C4013, C4047, C4133, implicit int in
  // K&R-style parameter lists) clang 19 rejects by default.
  F.push_back("-Wno-error=implicit-int");
  F.push_back("-Wno-error=implicit-function-declaration");
  F.push_back("-Wno-error=int-conversion");
  F.push_back("-Wno-error=incompatible-pointer-types");
  // MSVC's preprocessor pastes "a" "b" string literals without complaint
  // (debug-print macros do it).
  F.push_back("-Wno-error=invalid-token-paste");
  // An unknown identifier stays unknown: typo correction would put a
  // similar declared one in its place, and the checks would judge a guess.
  // In both profiles so that clangd and the plugin, which take these flags
  // from --print-wdk-flags, never guess either.
  F.push_back("-fno-spell-checking");
}

/// The real Windows Kits headers, as the WDK's MSBuild toolset passes them
/// to cl.exe for an x64 kernel-mode driver: the MSVC triple, the
/// architecture macros the kit's headers test, and km, km/crt, shared, then
/// um and ucrt (for user-mode sources) as system include directories.
static std::vector<std::string> kitFlags(llvm::StringRef Kit) {
  std::vector<std::string> F = {"--target=x86_64-pc-windows-msvc"};
  appendMsvcDialect(F, /*GnuHeaders=*/false);
  for (const char *Define : {"-D_WIN64", "-D_AMD64_", "-DAMD64"})
    F.push_back(Define);
  for (const char *Sub : {"km", "km/crt", "shared", "um", "ucrt"}) {
    std::string Dir = joined(Kit, Sub);
    if (isDirectory(Dir)) {
      F.push_back("-isystem");
      F.push_back(Dir);
    }
  }
  F.push_back("-Wno-microsoft-exception-spec");
  return F;
}

std::vector<std::string> WdkProfile::flags() const {
  if (!KitIncludeDir.empty())
    return kitFlags(KitIncludeDir);
  llvm::SmallString<256> Ddk(MingwIncludeDir);
  llvm::sys::path::append(Ddk, "ddk");
  llvm::SmallString<256> Overlay(CompatDir);
  llvm::sys::path::append(Overlay, "include");
  llvm::SmallString<256> Header(CompatDir);
  llvm::sys::path::append(Header, "kstidy-wdk-compat.h");
  std::vector<std::string> F = {"--target=x86_64-w64-windows-gnu"};
  appendMsvcDialect(F, /*GnuHeaders=*/true);
  F.insert(F.end(), {
                        // Our overlay first: it fixes include-order problems
                        // with #include_next wrappers around mingw's headers.
                        "-isystem",
                        std::string(Overlay),
                        "-isystem",
                        MingwIncludeDir,
                        "-isystem",
                        std::string(Ddk),
                        // wdm.h declares these intrinsics again after
                        // intrin-impl.h did.
                        "-D__INTRINSIC_DEFINED_InterlockedBitTestAndSet",
                        "-D__INTRINSIC_DEFINED_InterlockedBitTestAndReset",
                        "-DDECLSPEC_NOVTABLE=__declspec(novtable)",
                        "-DDECLSPEC_NOTHROW=__declspec(nothrow)",
                        // mingw's STDMETHOD_ declares COM methods nothrow
                        // while its IMP_* and DECLARE_STD_UNKNOWN overrides
                        // are not: one warning per override of every
                        // miniport class, in clangd.
                        "-Wno-microsoft-exception-spec",
                        "-include",
                        std::string(Header),
                    });
  return F;
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
  if ((Mode == WdkProfileMode::Auto || Mode == WdkProfileMode::Wdk) &&
      commandTargetsWindows(CommandLine))
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
  if (!KitIncludeDir.empty()) {
    for (const char *Sub : {"km", "shared"})
      if (!isDirectory(joined(KitIncludeDir, Sub)))
        Out.push_back("the Windows Kits include tree " + KitIncludeDir +
                      " has no " + Sub + "/ directory");
    return Out;
  }
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
