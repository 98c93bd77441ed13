//===- KsTidyPlugin.cpp - Load-time guard of the KsTidy plugin ------------===//
//
// The plugin resolves every clang/LLVM symbol from the clang-tidy that loads
// it. A clang-tidy of another LLVM major would run our checks against a
// different AST layout and crash somewhere deep; refuse with a readable
// message instead, before any check is instantiated.
//
//===----------------------------------------------------------------------===//
#include "llvm/Config/llvm-config.h"

#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>

namespace {

struct LlvmVersionGuard {
  LlvmVersionGuard() {
    // LLVMGetVersion is part of libLLVM's C API since LLVM 16.
    using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);
    auto GetVersion =
        reinterpret_cast<GetVersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"));
    unsigned Major = 0, Minor = 0, Patch = 0;
    if (GetVersion)
      GetVersion(&Major, &Minor, &Patch);
    if (Major == LLVM_VERSION_MAJOR)
      return;
    if (Major)
      std::fprintf(stderr,
                   "KsTidy plugin: built for LLVM %d, but the loading "
                   "clang-tidy runs LLVM %u.%u.%u; use clang-tidy-%d "
                   "(or rebuild kstidy against this LLVM)\n",
                   LLVM_VERSION_MAJOR, Major, Minor, Patch,
                   LLVM_VERSION_MAJOR);
    else
      std::fprintf(stderr,
                   "KsTidy plugin: built for LLVM %d, but the loading "
                   "process has no LLVM %d (LLVMGetVersion not found); "
                   "load it with clang-tidy-%d\n",
                   LLVM_VERSION_MAJOR, LLVM_VERSION_MAJOR, LLVM_VERSION_MAJOR);
    std::_Exit(2);
  }
};

// Constructed when the dynamic loader runs the plugin's initializers; the
// ks module's registration sits in another object of the same library.
const LlvmVersionGuard Guard __attribute__((init_priority(101)));

} // namespace
