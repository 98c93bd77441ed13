//===- KsClangdMain.cpp - clangd with the ks module linked in -------------===//
//
// Debian does not ship clangd's headers, only its libraries; clangdMain is
// declared here with the signature it has in LLVM 19's ClangdMain.cpp.
//
//===----------------------------------------------------------------------===//
#include <cstring>
#include <string>
#include <vector>

#ifndef KSTIDY_CLANG_RESOURCE_DIR
#define KSTIDY_CLANG_RESOURCE_DIR ""
#endif

namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

int main(int argc, char *argv[]) {
  // clangd looks for clang's builtin headers next to its own binary; this
  // one lives elsewhere, so point it at the installed clang's unless the
  // user did.
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false;
  for (int I = 1; I < argc; ++I)
    if (std::strncmp(argv[I], "--resource-dir", 14) == 0 ||
        std::strncmp(argv[I], "-resource-dir", 13) == 0)
      HasResourceDir = true;
  std::string ResourceDir =
      std::string("--resource-dir=") + KSTIDY_CLANG_RESOURCE_DIR;
  if (!HasResourceDir && std::strlen(KSTIDY_CLANG_RESOURCE_DIR) > 0)
    Args.insert(Args.begin() + 1, ResourceDir.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
