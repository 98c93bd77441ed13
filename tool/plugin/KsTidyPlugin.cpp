//===- KsTidyPlugin.cpp - The KsTidy.so loader with its LLVM version guard ===//
//
// `clang-tidy --load=KsTidy.so` loads this small library first. It references
// no clang or LLVM symbol, so it loads into any clang-tidy; it then checks
// the LLVM version of the process and only on a match loads the checks
// (KsTidyChecks.so, next to it), whose static initializers register the ks
// module with the host's clang-tidy. A clang-tidy of another LLVM major
// would otherwise fail with an undefined-symbol message from the dynamic
// loader (older LLVMs) or crash deep inside a check (ABI drift); the user
// gets one readable line instead.
//
//===----------------------------------------------------------------------===//
#include "llvm/Config/llvm-config.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>

namespace {

[[noreturn]] void refuse(const std::string &Why) {
  std::fprintf(stderr, "KsTidy plugin: %s\n", Why.c_str());
  std::fflush(stderr);
  std::_Exit(2);
}

std::string ownDirectory() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&ownDirectory), &Info) ||
      !Info.dli_fname)
    return ".";
  // Through symbolic links: KsTidyChecks.so sits beside the real file,
  // not beside a link to it that a user put elsewhere.
  std::string Path = Info.dli_fname;
  if (char *Real = realpath(Info.dli_fname, nullptr)) {
    Path = Real;
    std::free(Real);
  }
  size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "." : Path.substr(0, Slash);
}

struct LoadChecksIfLlvmMatches {
  LoadChecksIfLlvmMatches() {
    // LLVMGetVersion is part of libLLVM's C API since LLVM 16.
    using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);
    auto GetVersion =
        reinterpret_cast<GetVersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"));
    unsigned Major = 0, Minor = 0, Patch = 0;
    if (GetVersion)
      GetVersion(&Major, &Minor, &Patch);
    const int Want = LLVM_VERSION_MAJOR;
    if (!GetVersion)
      refuse("built for LLVM " + std::to_string(Want) +
             ", but the loading clang-tidy is older than LLVM 16; load it "
             "with clang-tidy-" +
             std::to_string(Want));
    if (Major != static_cast<unsigned>(Want))
      refuse("built for LLVM " + std::to_string(Want) +
             ", but the loading clang-tidy runs LLVM " + std::to_string(Major) +
             "." + std::to_string(Minor) + "." + std::to_string(Patch) +
             "; load it with clang-tidy-" + std::to_string(Want));
    std::string Checks = ownDirectory() + "/KsTidyChecks.so";
    if (!dlopen(Checks.c_str(), RTLD_NOW | RTLD_GLOBAL)) {
      const char *Err = dlerror();
      refuse("cannot load " + Checks + ": " + (Err ? Err : "unknown error"));
    }
  }
};

const LoadChecksIfLlvmMatches Loader;

} // namespace
