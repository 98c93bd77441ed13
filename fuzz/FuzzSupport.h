//===- FuzzSupport.h - what the kstidy fuzz targets share -----------------===//
//
// Helpers for the LLVMFuzzerTestOneInput targets of fuzz/: the input as
// text, an oracle failure that libFuzzer records as a crash, a scratch
// directory per process for the readers that take a path, and a worker
// thread with a small stack so that a recursive parser that a nesting limit
// failed to guard overflows it (and is reported) at a depth the fuzzer can
// reach within -max_len, instead of needing megabytes of input.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_FUZZ_FUZZSUPPORT_H
#define KSTIDY_FUZZ_FUZZSUPPORT_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>
#include <string>

namespace ks_fuzz {

inline llvm::StringRef asText(const uint8_t *Data, size_t Size) {
  return llvm::StringRef(reinterpret_cast<const char *>(Data), Size);
}

/// An oracle saw a bug: says what, then aborts (libFuzzer saves the input
/// as a crash artifact).
[[noreturn]] inline void fail(llvm::StringRef What,
                              llvm::StringRef Detail = "") {
  llvm::errs() << "kstidy fuzz oracle: " << What << "\n";
  if (!Detail.empty())
    llvm::errs() << Detail.take_front(2000) << "\n";
  llvm::errs().flush();
  std::abort();
}

/// A directory of this process's own under $TMPDIR (or /tmp), removed at
/// exit. For readers that take a path (MSBuild projects and solutions, the
/// analyzer's sources).
inline const std::string &scratchDir(llvm::StringRef Tag) {
  // Never destroyed: the exit handler that removes the directory runs after
  // the destructors of function-local statics constructed before it.
  static const std::string *Dir = [&] {
    llvm::SmallString<128> Path;
    if (std::error_code EC =
            llvm::sys::fs::createUniqueDirectory("kstidy-" + Tag.str(), Path)) {
      llvm::errs() << "cannot create a scratch directory: " << EC.message()
                   << "\n";
      std::exit(2);
    }
    return new std::string(Path);
  }();
  static const bool Registered =
      std::atexit([] { llvm::sys::fs::remove_directories(*Dir); }) == 0;
  (void)Registered;
  return *Dir;
}

/// Writes \p Text to \p Path (truncating); aborts when it cannot: the
/// scratch directory is ours.
inline void writeFile(llvm::StringRef Path, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    fail("cannot write the scratch file " + Path.str() + ": " + EC.message());
  OS << Text;
}

/// Copies the files under \p From to \p To (directories created), leaving
/// out the entries whose name \p Skip returns true for.
inline void copyTree(llvm::StringRef From, llvm::StringRef To,
                     llvm::function_ref<bool(llvm::StringRef)> Skip) {
  if (std::error_code EC = llvm::sys::fs::create_directories(To))
    fail("cannot create " + To.str() + ": " + EC.message());
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(From, EC), End; !EC && It != End;
       It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (Skip(Name))
      continue;
    llvm::SmallString<256> Target(To);
    llvm::sys::path::append(Target, Name);
    if (llvm::sys::fs::is_directory(It->path()))
      copyTree(It->path(), Target, Skip);
    else if (std::error_code CopyEC =
                 llvm::sys::fs::copy_file(It->path(), Target))
      fail("cannot copy " + It->path() + ": " + CopyEC.message());
  }
  if (EC)
    fail("cannot list " + From.str() + ": " + EC.message());
}

/// A copy of the MSBuild fixture tree test/msbuild (two driver projects,
/// a shared .props, sources, a solution) in \p Dir/repo, made a repository
/// root (.git) so that no lookup climbs out of it; returns Dir/repo.
inline std::string msbuildFixture(llvm::StringRef Dir) {
  llvm::SmallString<256> Repo(Dir);
  llvm::sys::path::append(Repo, "repo");
  llvm::SmallString<256> From(KSTIDY_FUZZ_SOURCE_DIR);
  llvm::sys::path::append(From, "..", "test", "msbuild");
  copyTree(From, Repo, [](llvm::StringRef Name) {
    return Name == "bad" || Name.ends_with(".test") || Name.ends_with(".cfg");
  });
  llvm::SmallString<256> Git(Repo);
  llvm::sys::path::append(Git, ".git");
  llvm::sys::fs::create_directories(Git);
  // Driver sources have long names; wildcard matching costs grow with them.
  llvm::SmallString<256> Long(Repo);
  llvm::sys::path::append(Long, "Capture",
                          "AvsCaptureSensorPropertyHandlersAndTables.cpp");
  writeFile(Long, "int AvsCaptureSensor;\n");
  return std::string(Repo);
}

/// Runs \p Work on a thread with a \p StackBytes stack and waits for it.
inline void runWithStack(size_t StackBytes, llvm::function_ref<void()> Work) {
  pthread_attr_t Attr;
  pthread_attr_init(&Attr);
  pthread_attr_setstacksize(&Attr, StackBytes);
  pthread_t Thread;
  auto Trampoline = [](void *Arg) -> void * {
    (*static_cast<llvm::function_ref<void()> *>(Arg))();
    return nullptr;
  };
  if (pthread_create(&Thread, &Attr, Trampoline, &Work) != 0)
    fail("pthread_create failed");
  pthread_join(Thread, nullptr);
  pthread_attr_destroy(&Attr);
}

/// The deepest nesting of arrays/objects in JSON text, strings skipped
/// (a reference for ks::nestingProblem; exact for valid JSON).
inline unsigned jsonDepth(llvm::StringRef Text) {
  unsigned Depth = 0, Max = 0;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
    } else if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      Max = std::max(Max, ++Depth);
    } else if ((C == ']' || C == '}') && Depth) {
      --Depth;
    }
  }
  return Max;
}

/// The nesting of a parsed JSON value (1 for a scalar inside nothing).
inline unsigned valueDepth(const llvm::json::Value &V) {
  unsigned Max = 0;
  if (const auto *A = V.getAsArray()) {
    for (const auto &E : *A)
      Max = std::max(Max, valueDepth(E));
    return Max + 1;
  }
  if (const auto *O = V.getAsObject()) {
    for (const auto &KV : *O)
      Max = std::max(Max, valueDepth(KV.second));
    return Max + 1;
  }
  return 0;
}

} // namespace ks_fuzz

#endif
