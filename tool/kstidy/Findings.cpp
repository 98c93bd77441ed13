//===- Findings.cpp - Findings: conversion, order, identity ---------------===//
//
// The engine's diagnostics become Findings (absolute paths, line and column
// read from the files), sorted and de-duplicated, each with a fingerprint
// that survives unrelated edits. How they are written: Output.cpp.
//
//===----------------------------------------------------------------------===//
#include "Findings.h"
#include "SafeIO.h"

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include <algorithm>
#include <memory>
#include <tuple>

namespace ks {

namespace {

/// Maps byte offsets to 1-based line/column, reading each file once.
class LineTable {
public:
  void locate(Location &L) {
    if (L.File.empty())
      return;
    const std::vector<unsigned> *Starts = lineStarts(L.File);
    if (!Starts)
      return;
    auto It = std::upper_bound(Starts->begin(), Starts->end(), L.Offset);
    unsigned LineIndex = static_cast<unsigned>(It - Starts->begin()) - 1;
    L.Line = LineIndex + 1;
    L.Column = L.Offset - (*Starts)[LineIndex] + 1;
  }

private:
  const std::vector<unsigned> *lineStarts(const std::string &File) {
    auto It = Cache.find(File);
    if (It != Cache.end())
      return It->second.get();
    std::unique_ptr<std::vector<unsigned>> Starts;
    if (auto Buf = readSourceText(File)) {
      Starts = std::make_unique<std::vector<unsigned>>();
      Starts->push_back(0);
      llvm::StringRef Text = Buf->getBuffer();
      for (size_t I = 0; I < Text.size(); ++I)
        if (Text[I] == '\n')
          Starts->push_back(static_cast<unsigned>(I + 1));
    }
    return (Cache[File] = std::move(Starts)).get();
  }
  llvm::StringMap<std::unique_ptr<std::vector<unsigned>>> Cache;
};

/// The file's lines, read once per thread.
class SourceLines {
public:
  llvm::StringRef line(const std::string &File, unsigned Line) {
    auto It = Files.find(File);
    if (It == Files.end()) {
      It = Files.try_emplace(File, readSourceText(File)).first;
    }
    if (!It->second || Line == 0)
      return {};
    llvm::StringRef Text = It->second->getBuffer();
    for (unsigned I = 1; I < Line && !Text.empty(); ++I)
      Text = Text.split('\n').second;
    return Text.split('\n').first;
  }
  void clear() { Files.clear(); }

private:
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Files;
};

std::string absolutePath(llvm::StringRef Path, llvm::StringRef BuildDir) {
  if (Path.empty())
    return {};
  llvm::SmallString<256> P(Path);
  if (!llvm::sys::path::is_absolute(P) && !BuildDir.empty()) {
    llvm::SmallString<256> Joined(BuildDir);
    llvm::sys::path::append(Joined, P);
    P = Joined;
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

} // namespace

std::vector<Finding>
toFindings(const std::vector<clang::tidy::ClangTidyError> &Errors) {
  LineTable Lines;
  std::vector<Finding> Out;
  for (const clang::tidy::ClangTidyError &E : Errors) {
    Finding F;
    F.Check = E.DiagnosticName;
    F.IsError = E.DiagLevel == clang::tooling::Diagnostic::Error;
    F.Message = utf8(E.Message.Message);
    F.Where.File = absolutePath(E.Message.FilePath, E.BuildDirectory);
    F.Where.Offset = E.Message.FileOffset;
    Lines.locate(F.Where);
    for (const auto &N : E.Notes) {
      Note Out;
      Out.Message = utf8(N.Message);
      Out.Where.File = absolutePath(N.FilePath, E.BuildDirectory);
      Out.Where.Offset = N.FileOffset;
      Lines.locate(Out.Where);
      F.Notes.push_back(std::move(Out));
    }
    for (const auto &FileAndReplacements : E.Message.Fix) {
      for (const clang::tooling::Replacement &R : FileAndReplacements.second) {
        FixIt X;
        X.Where.File = absolutePath(R.getFilePath(), E.BuildDirectory);
        X.Where.Offset = R.getOffset();
        Lines.locate(X.Where);
        X.Length = R.getLength();
        // Shown and written to JSON/SARIF, so as UTF-8: a source in a
        // Windows code page (a 0xA0 space in the replaced text) is not.
        if (auto Buf = readSourceText(X.Where.File))
          X.Original = utf8(Buf->getBuffer().substr(X.Where.Offset, X.Length));
        X.Replacement = utf8(R.getReplacementText());
        F.Fixes.push_back(std::move(X));
      }
    }
    Out.push_back(std::move(F));
  }
  return Out;
}

void sortAndDeduplicate(std::vector<Finding> &Findings) {
  auto Key = [](const Finding &F) {
    return std::tie(F.Where.File, F.Where.Offset, F.Check, F.Message);
  };
  std::stable_sort(
      Findings.begin(), Findings.end(),
      [&](const Finding &A, const Finding &B) { return Key(A) < Key(B); });
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [&](const Finding &A, const Finding &B) {
                               return Key(A) == Key(B);
                             }),
                 Findings.end());
}

std::string plural(size_t N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One.str() : Many.str());
}

std::string displayPath(llvm::StringRef Path, llvm::StringRef BaseDir) {
  if (Path.empty())
    return "<command line>";
  llvm::SmallString<256> Base(BaseDir);
  if (!Base.empty() && !Base.ends_with("/"))
    Base += "/";
  if (!Base.empty() && Path.starts_with(Base))
    Path = Path.drop_front(Base.size());
  return utf8(Path);
}

std::string utf8(llvm::StringRef Text) {
  // A file or header name is bytes on Linux; JSON and SARIF need UTF-8.
  return llvm::json::isUTF8(Text) ? Text.str() : llvm::json::fixUTF8(Text);
}

namespace {
thread_local SourceLines ThreadLines;
} // namespace

llvm::StringRef sourceLine(const std::string &File, unsigned Line) {
  return ThreadLines.line(File, Line);
}

void forgetSourceLines() { ThreadLines.clear(); }

std::string fingerprint(const Finding &F, llvm::StringRef BaseDir) {
  llvm::SHA1 Hash;
  Hash.update(F.Check);
  Hash.update("\n");
  Hash.update(displayPath(F.Where.File, BaseDir));
  Hash.update("\n");
  Hash.update(sourceLine(F.Where.File, F.Where.Line).trim());
  Hash.update("\n");
  Hash.update(F.Message);
  auto Digest = Hash.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest.data(), 16), true);
}

} // namespace ks
