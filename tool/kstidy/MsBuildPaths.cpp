//===- MsBuildPaths.cpp - Windows paths and wildcards on Linux ------------===//
//
// Project files name files the Windows way: backslashes, any case,
// wildcards. Here they are found on a case-sensitive file system, within a
// budget (a `**` from a drive root must not walk a whole disk).
//
//===----------------------------------------------------------------------===//
#include "MsBuildEvaluation.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace ks::msbuild {

using namespace detail;

std::string resolvePath(StringRef Path, StringRef BaseDir) {
  llvm::SmallString<256> P(toSlashes(Path));
  if (!llvm::sys::path::is_absolute(P)) {
    llvm::SmallString<256> Abs(BaseDir);
    llvm::sys::path::append(Abs, P);
    P = Abs;
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  if (llvm::sys::fs::exists(P))
    return std::string(P);
  // Windows file systems ignore case: find each component as it is spelt
  // on disk.
  llvm::SmallString<256> Out(llvm::sys::path::root_path(P));
  auto It = llvm::sys::path::begin(P), End = llvm::sys::path::end(P);
  if (It != End && *It == llvm::sys::path::root_path(P))
    ++It;
  for (; It != End; ++It) {
    llvm::SmallString<256> Next(Out);
    llvm::sys::path::append(Next, *It);
    if (!llvm::sys::fs::exists(Next)) {
      std::error_code EC;
      for (llvm::sys::fs::directory_iterator D(Out, EC), DEnd; !EC && D != DEnd;
           D.increment(EC)) {
        StringRef Name = llvm::sys::path::filename(D->path());
        if (Name.equals_insensitive(*It)) {
          Next = Out;
          llvm::sys::path::append(Next, Name);
          break;
        }
      }
    }
    Out = Next;
  }
  return std::string(Out);
}

namespace {

/// `*` and `?` matched case-insensitively, in O(pattern x name): on a
/// mismatch only the last `*` backtracks (a pattern of many stars once
/// backtracked exponentially).
bool wildMatch(StringRef Pattern, StringRef Name) {
  size_t P = 0, N = 0, Star = StringRef::npos, Resume = 0;
  while (N < Name.size()) {
    if (P < Pattern.size() &&
        (Pattern[P] == '?' ||
         (Pattern[P] != '*' &&
          llvm::toLower(Pattern[P]) == llvm::toLower(Name[N])))) {
      ++P, ++N;
    } else if (P < Pattern.size() && Pattern[P] == '*') {
      Star = P++;
      Resume = N;
    } else if (Star != StringRef::npos) {
      P = Star + 1;
      N = ++Resume;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

/// How many directories one wildcard entry may list: `\**\*.cpp` from a
/// drive root, or a link loop under `**`, must not walk a whole disk.
constexpr size_t GlobBudget = 20000;

void globInto(StringRef Dir, llvm::ArrayRef<std::string> Parts,
              std::vector<std::string> &Out, size_t &Budget) {
  if (Parts.empty()) {
    if (llvm::sys::fs::is_regular_file(Dir))
      Out.push_back(Dir.str());
    return;
  }
  const std::string &Part = Parts.front();
  auto Entries = [&](bool DirsOnly) {
    std::vector<std::string> Names;
    if (Budget == 0)
      return Names;
    --Budget;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator D(Dir, EC), DEnd; !EC && D != DEnd;
         D.increment(EC)) {
      // `**` does not follow directory links (a loop would never end).
      if (DirsOnly && D->type() != llvm::sys::fs::file_type::directory_file)
        continue;
      Names.push_back(D->path());
    }
    std::sort(Names.begin(), Names.end());
    return Names;
  };
  if (Part == "**") {
    globInto(Dir, Parts.drop_front(), Out, Budget);
    for (const std::string &Sub : Entries(/*DirsOnly=*/true))
      globInto(Sub, Parts, Out, Budget);
  } else if (StringRef(Part).find_first_of("*?") != StringRef::npos) {
    for (const std::string &E : Entries(/*DirsOnly=*/false))
      if (wildMatch(Part, llvm::sys::path::filename(E)))
        globInto(E, Parts.drop_front(), Out, Budget);
  } else {
    globInto(resolvePath(Part, Dir), Parts.drop_front(), Out, Budget);
  }
}

} // namespace

namespace detail {

/// The files an Include/Exclude entry names: wildcards (*, ?, **) matched
/// case-insensitively, relative paths against \p BaseDir.
std::vector<std::string> expandEntry(StringRef Entry, StringRef BaseDir) {
  std::string P = toSlashes(Entry);
  if (StringRef(P).find_first_of("*?") == StringRef::npos)
    return {resolvePath(P, BaseDir)};
  llvm::SmallString<256> Abs(P);
  if (!llvm::sys::path::is_absolute(Abs)) {
    Abs = BaseDir;
    llvm::sys::path::append(Abs, P);
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  std::vector<std::string> Parts;
  for (auto It = llvm::sys::path::begin(Abs), End = llvm::sys::path::end(Abs);
       It != End; ++It)
    if (*It != "/")
      Parts.push_back(It->str());
  std::vector<std::string> Out;
  // A wildcard right under the root (`\**\*.cpp`, `C:\*\x.cpp`) would
  // list the whole disk: not expanded.
  if (Parts.empty() ||
      StringRef(Parts.front()).find_first_of("*?") != StringRef::npos)
    return Out;
  size_t Budget = GlobBudget;
  globInto("/", Parts, Out, Budget);
  return Out;
}

} // namespace detail

} // namespace ks::msbuild
