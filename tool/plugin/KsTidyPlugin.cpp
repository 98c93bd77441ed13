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

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
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

// The major version in the name of the libLLVM the process has loaded
// (libLLVM-14.so.1, libLLVM.so.19.1), for hosts older than LLVMGetVersion;
// 0 when there is none (a clang-tidy linked statically).
int loadedLibLlvmMajor() {
  int Major = 0;
  dl_iterate_phdr(
      [](struct dl_phdr_info *Info, size_t, void *Data) {
        const char *Name = Info->dlpi_name ? Info->dlpi_name : "";
        const char *Base = std::strrchr(Name, '/');
        Base = Base ? Base + 1 : Name;
        const char *Digits = nullptr;
        if (std::strncmp(Base, "libLLVM-", 8) == 0)
          Digits = Base + 8;
        else if (std::strncmp(Base, "libLLVM.so.", 11) == 0)
          Digits = Base + 11;
        if (!Digits || !std::isdigit(static_cast<unsigned char>(*Digits)))
          return 0;
        *static_cast<int *>(Data) = std::atoi(Digits);
        return 1;
      },
      &Major);
  return Major;
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
    if (!GetVersion) {
      int Loaded = loadedLibLlvmMajor();
      std::string Host = Loaded ? "runs LLVM " + std::to_string(Loaded)
                                : std::string("is older than LLVM 16");
      refuse("built for LLVM " + std::to_string(Want) +
             ", but the loading clang-tidy " + Host +
             "; load it with clang-tidy-" + std::to_string(Want));
    }
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
