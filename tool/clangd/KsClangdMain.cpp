//===- KsClangdMain.cpp - clangd with the ks module linked in -------------===//
//
// Debian does not ship clangd's headers, only its libraries; clangdMain is
// declared here with the signature it has in LLVM 19's and 22's
// ClangdMain.cpp.
//
// Before clangd starts, kstidy-clangd reads the editor's "initialize"
// request for the workspace root and sets the workspace up as the kstidy
// CLI would analyse it (ZeroConfig.h): a driver tree needs no .clangd, no
// compile_flags.txt and no database. --kstidy-no-setup (or
// KSTIDY_CLANGD_SETUP=0) starts plain clangd with the ks module.
//
//===----------------------------------------------------------------------===//
#include "StdioProxy.h"
#include "Version.h"
#include "ZeroConfig.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

#ifndef KSTIDY_CLANG_RESOURCE_DIR
#define KSTIDY_CLANG_RESOURCE_DIR ""
#endif

namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

namespace {

bool hasFlag(const std::vector<std::string> &Args, llvm::StringRef Flag) {
  for (llvm::StringRef A : Args)
    if (A == Flag || A.starts_with(Flag.str() + "="))
      return true;
  return false;
}

/// Sets the workspace up (ZeroConfig.h); returns the flags clangd gets for
/// it. Every step that fails is logged and skipped: clangd still starts.
std::vector<std::string> setUp(const char *Argv0, llvm::StringRef Root,
                               const std::vector<std::string> &Args) {
  std::vector<std::string> Extra;
  auto Log = [](const llvm::Twine &Line) {
    llvm::errs() << "kstidy-clangd: " << Line << "\n";
  };
  if (Root.empty()) {
    llvm::SmallString<256> Cwd;
    if (llvm::sys::fs::current_path(Cwd))
      return Extra;
    Root = Cwd.str();
    Log("the editor names no workspace root; using the working directory " +
        Root);
  }
  std::string State = ks::clangd::stateDirectory(Root);
  ks::WdkProfile Profile = ks::WdkProfile::locate(Argv0);
  std::vector<std::string> KitWarnings;
  llvm::consumeError(
      Profile.selectKit(ks::WdkProfileMode::Auto, "", KitWarnings));
  for (const std::string &W : KitWarnings)
    Log("WDK profile: " + W);
  if (!Profile.KitIncludeDir.empty())
    Log("WDK profile: the Windows Kits headers in " + Profile.KitIncludeDir +
        " (" + Profile.KitSource + ")");
  for (const std::string &P : Profile.problems())
    Log("WDK profile: " + P);
  if (!hasFlag(Args, "--compile-commands-dir")) {
    llvm::SmallString<256> DbDir(State);
    llvm::sys::path::append(DbDir, "db");
    auto Summary = ks::clangd::writeDatabase(Root, DbDir, Profile,
                                             ks::WdkProfileMode::Auto);
    if (!Summary) {
      Log("no compile commands for " + Root + ": " +
          llvm::toString(Summary.takeError()));
    } else {
      Log(llvm::Twine(Summary->Entries) + " compile commands from " +
          Summary->From + ", " + llvm::Twine(Summary->ProfileApplied) +
          " with the WDK profile, in " + DbDir);
      Extra.push_back("--compile-commands-dir=" + std::string(DbDir));
    }
  }
  // The user's configuration, read through ours (ZeroConfig.h).
  llvm::SmallString<256> UserConfig;
  if (llvm::sys::path::user_config_directory(UserConfig))
    llvm::sys::path::append(UserConfig, "clangd", "config.yaml");
  llvm::SmallString<256> ConfigHome(State);
  llvm::sys::path::append(ConfigHome, "config");
  std::vector<std::string> Deciding =
      ks::clangd::clangTidyFilesNamingKsChecks(Root);
  if (!Deciding.empty())
    Log("the ks checks are left to " + Deciding.front() +
        ", which names them (and " + llvm::Twine(Deciding.size() - 1) +
        " other .clang-tidy files)");
  if (llvm::Error E = ks::clangd::writeUserConfig(
          ConfigHome,
          llvm::sys::fs::exists(UserConfig) ? UserConfig.str()
                                            : llvm::StringRef(),
          /*AddChecks=*/Deciding.empty())) {
    Log("cannot write the configuration that enables the ks checks: " +
        llvm::toString(std::move(E)));
  } else {
    ::setenv("XDG_CONFIG_HOME", ConfigHome.c_str(), 1);
  }
  return Extra;
}

} // namespace

int main(int argc, char *argv[]) {
  std::vector<std::string> Args(argv + 1, argv + argc);
  if (hasFlag(Args, "--version")) {
    llvm::outs() << "kstidy-clangd " << KSTIDY_VERSION
                 << " (kstidy's ks-* checks in clangd, LLVM "
                 << LLVM_VERSION_STRING << ")\n";
    return 0;
  }
  bool SetUp = true;
  if (const char *E = std::getenv("KSTIDY_CLANGD_SETUP"))
    SetUp = std::strcmp(E, "0") != 0;
  if (hasFlag(Args, "--kstidy-no-setup")) {
    SetUp = false;
    Args.erase(std::remove(Args.begin(), Args.end(), "--kstidy-no-setup"),
               Args.end());
  }
  // --check=FILE, --help and the like do not speak LSP on stdin.
  const bool Lsp = !hasFlag(Args, "--check") && !hasFlag(Args, "--help") &&
                   !hasFlag(Args, "-help") && !hasFlag(Args, "--help-hidden");
  std::thread OutputPump;
  if (SetUp && Lsp) {
    ks::clangd::LspMessage First = ks::clangd::readMessage(0);
    std::string Root =
        First.Body ? ks::clangd::workspaceRoot(*First.Body) : std::string();
    for (std::string &Flag : setUp(argv[0], Root, Args))
      Args.push_back(std::move(Flag));
    OutputPump = ks::clangd::installPumps(std::move(First.Raw));
  }

  // clangd looks for clang's builtin headers next to its own binary; this
  // one lives elsewhere, so point it at the installed clang's unless the
  // user did.
  if (!hasFlag(Args, "--resource-dir") && !hasFlag(Args, "-resource-dir") &&
      std::strlen(KSTIDY_CLANG_RESOURCE_DIR) > 0)
    Args.insert(Args.begin(),
                std::string("--resource-dir=") + KSTIDY_CLANG_RESOURCE_DIR);
  std::vector<char *> Argv = {argv[0]};
  for (std::string &A : Args)
    Argv.push_back(A.data());
  Argv.push_back(nullptr);
  int Status =
      clang::clangd::clangdMain(static_cast<int>(Argv.size()) - 1, Argv.data());
  if (OutputPump.joinable()) {
    llvm::outs().flush();
    ::close(1); // the pump sees the end of clangd's output
    OutputPump.join();
  }
  return Status;
}
