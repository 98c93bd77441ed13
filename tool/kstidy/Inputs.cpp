//===- Inputs.cpp - Which sources a run analyzes, and how they are read ---===//
//
// Sources that cannot be analysed are named and skipped, never silently
// dropped; malformed configurations stop the run before it starts.
//
//===----------------------------------------------------------------------===//
#include "Inputs.h"

#include "SafeIO.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace ks {

namespace {

/// Parses a clang-tidy configuration, turning the YAML parser's
/// diagnostic into one line ("file:line:col: message") instead of letting
/// it print a multi-line report of its own.
std::optional<std::string> configProblem(llvm::MemoryBufferRef Config) {
  // The YAML parser recurses once per level: refuse a bomb before it runs.
  if (auto Deep = nestingProblem(Config.getBuffer(), TextSyntax::Yaml))
    return Config.getBufferIdentifier().str() + ": " + *Deep;
  std::string Problem;
  auto Parsed = clang::tidy::parseConfigurationWithDiags(
      Config, [&](const llvm::SMDiagnostic &D) {
        if (Problem.empty())
          Problem =
              fmt::format("{}:{}:{}: {}", D.getFilename().str(), D.getLineNo(),
                          D.getColumnNo() + 1, D.getMessage().str());
      });
  if (Parsed)
    return std::nullopt;
  return Problem.empty() ? Parsed.getError().message() : Problem;
}

SourceCheck checkSource(llvm::StringRef Path) {
  SourceCheck C;
  if (std::string Reason = unreadableReason(Path); !Reason.empty()) {
    C.Skip = Reason; // no such file, a symlink loop, a directory, ...
    return C;
  }
  if (!llvm::sys::fs::is_regular_file(Path)) {
    C.Skip = "not a regular file";
    return C;
  }
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    C.Skip = "cannot read it: " + Buf.getError().message();
    return C;
  }
  llvm::StringRef Text = (*Buf)->getBuffer();
  if (Text.starts_with("\xFF\xFE") || Text.starts_with("\xFE\xFF")) {
    C.Notes.push_back("UTF-16 text read through its UTF-8 transcoding "
                      "(columns count UTF-8 bytes)");
    return C;
  }
  // Source text holds no control characters but tab, line breaks, form
  // feed and ^Z; a stray NUL byte in whitespace is something MSVC skips
  // (and clang too, with a warning). Anything else is not source.
  size_t Nuls = 0, Controls = 0;
  for (unsigned char Ch : Text) {
    if (Ch == 0)
      ++Nuls;
    else if (Ch < 0x20 && Ch != '\t' && Ch != '\n' && Ch != '\r' &&
             Ch != '\f' && Ch != '\v' && Ch != 0x1a)
      ++Controls;
  }
  if (Controls || Nuls * 8 > Text.size()) {
    C.Skip = "binary content, not C/C++ source";
    return C;
  }
  if (Nuls)
    C.Notes.push_back(plural(Nuls, "NUL byte", "NUL bytes") +
                      " read as whitespace, as MSVC does");
  return C;
}

/// .clang-tidy files from the source's directory up to the root: a
/// malformed one is an input error, not something to ignore silently.
std::optional<std::string> checkConfigFiles(llvm::StringRef Source,
                                            std::set<std::string> &Seen) {
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Source));
  while (!Dir.empty()) {
    llvm::SmallString<256> Config(Dir);
    llvm::sys::path::append(Config, ".clang-tidy");
    if (Seen.insert(std::string(Config)).second &&
        llvm::sys::fs::is_regular_file(Config)) {
      auto Buf = llvm::MemoryBuffer::getFile(Config);
      if (!Buf)
        return "cannot read " + std::string(Config);
      if (auto Problem = configProblem(**Buf))
        return "malformed configuration " + firstLine(*Problem);
    }
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir.resize(Parent.size()); // Parent is a prefix of Dir: no self-assign
  }
  return std::nullopt;
}

} // namespace

std::string firstLine(llvm::StringRef S) {
  S = S.trim();
  return std::string(S.take_until([](char C) { return C == '\n'; }));
}

std::string absoluteSource(llvm::StringRef Source) {
  llvm::SmallString<256> Abs(Source);
  // Best effort: a path that cannot be made absolute stays as given, and
  // opening it reports the problem.
  (void)llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

std::optional<std::string> loadConfiguration(CliOptions &O) {
  if (O.ConfigFile) {
    auto Buf = llvm::MemoryBuffer::getFile(*O.ConfigFile);
    if (!Buf)
      return "cannot read --config-file " + *O.ConfigFile + ": " +
             Buf.getError().message();
    O.Analysis.ConfigOverride = std::string((*Buf)->getBuffer());
  }
  if (O.Analysis.ConfigOverride) {
    if (auto Problem = configProblem(
            llvm::MemoryBufferRef(*O.Analysis.ConfigOverride, "--config")))
      return "malformed " + firstLine(*Problem);
  }
  return std::nullopt;
}

std::optional<std::string> checkSources(CliOptions &O, SourceChecks &Out) {
  std::set<std::string> SeenConfigs;
  for (std::string &Source : O.Sources) {
    SourceCheck Check = checkSource(Source);
    Source = absoluteSource(Source);
    if (!Check.Skip)
      if (auto Problem = checkConfigFiles(Source, SeenConfigs))
        return Problem;
    Out[Source] = std::move(Check);
  }

  if (O.ShardCount) {
    // A deterministic slice: the sources in path order, every N-th.
    std::sort(O.Sources.begin(), O.Sources.end());
    std::vector<std::string> Slice;
    for (size_t I = 0; I < O.Sources.size(); ++I)
      if (I % O.ShardCount == O.ShardIndex - 1)
        Slice.push_back(O.Sources[I]);
    O.Sources = std::move(Slice);
  }
  return std::nullopt;
}

} // namespace ks
