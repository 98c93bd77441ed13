//===- CommandLine.cpp ----------------------------------------------------===//
#include "CommandLine.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"

namespace ks {

bool isClStyle(const std::vector<std::string> &CommandLine) {
  if (CommandLine.empty())
    return false;
  llvm::StringRef Exe = llvm::sys::path::filename(
      llvm::StringRef(CommandLine.front()).rtrim('"'), llvm::sys::path::Style::windows);
  Exe = llvm::sys::path::filename(Exe);
  std::string Lower = Exe.lower();
  llvm::StringRef Name(Lower);
  Name.consume_back(".exe");
  if (Name == "cl" || Name == "clang-cl")
    return true;
  for (const std::string &A : CommandLine)
    if (A == "--driver-mode=cl")
      return true;
  return false;
}

namespace {

bool isSource(llvm::StringRef A) {
  llvm::StringRef Ext = llvm::sys::path::extension(A);
  return Ext.equals_insensitive(".c") || Ext.equals_insensitive(".cpp") ||
         Ext.equals_insensitive(".cc") || Ext.equals_insensitive(".cxx");
}

/// A precompiled header made on another host: unusable here.
bool isPchFlag(llvm::StringRef A) {
  return A.starts_with("/Yu") || A.starts_with("-Yu") || A.starts_with("/Yc") ||
         A.starts_with("-Yc") || A.starts_with("/Fp") || A.starts_with("-Fp") ||
         A.ends_with(".gch") || A.ends_with(".pch");
}

} // namespace

CommandCleanup normalizeCommand(std::vector<std::string> &CommandLine) {
  CommandCleanup Result;
  std::vector<std::string> Out;
  const bool Cl = isClStyle(CommandLine);
  Result.ConvertedCl = Cl;
  std::string Source;
  for (size_t I = 0; I < CommandLine.size(); ++I) {
    llvm::StringRef A = CommandLine[I];
    if (I == 0) {
      Out.push_back(Cl ? "clang" : A.str());
      continue;
    }
    // GNU style: only the precompiled headers go.
    if (A == "-include-pch" && I + 1 < CommandLine.size()) {
      Result.DroppedPch = true;
      ++I;
      continue;
    }
    if ((A == "-include" || A == "/FI") && I + 1 < CommandLine.size() &&
        isPchFlag(CommandLine[I + 1])) {
      Result.DroppedPch = true;
      ++I;
      continue;
    }
    if (isPchFlag(A) && !isSource(A)) {
      Result.DroppedPch = true;
      continue;
    }
    if (!Cl) {
      Out.push_back(A.str());
      continue;
    }
    // cl.exe / clang-cl: keep what changes how the code parses.
    auto Value = [&](llvm::StringRef Flag, llvm::StringRef GnuFlag) -> bool {
      for (const char *Lead : {"/", "-"}) {
        std::string Spelled = std::string(Lead) + Flag.str();
        if (A == Spelled && I + 1 < CommandLine.size()) {
          Out.push_back(GnuFlag.str());
          Out.push_back(CommandLine[++I]);
          return true;
        }
        if (A.starts_with(Spelled) && A.size() > Spelled.size()) {
          Out.push_back(GnuFlag.str());
          Out.push_back(A.drop_front(Spelled.size()).str());
          return true;
        }
      }
      return false;
    };
    if (Value("I", "-I") || Value("D", "-D") || Value("U", "-U") ||
        Value("FI", "-include"))
      continue;
    if (A.starts_with("/std:") || A.starts_with("-std:")) {
      llvm::StringRef Std = A.drop_front(5);
      if (Std.starts_with("c++"))
        Out.push_back(("-std=" + Std).str());
      else if (Std == "c11" || Std == "c17")
        Out.push_back(("-std=" + Std).str());
      continue;
    }
    if (A == "/TP" || A == "-TP") {
      Out.push_back("-xc++");
      continue;
    }
    if (A == "/TC" || A == "-TC") {
      Out.push_back("-xc");
      continue;
    }
    if (A.starts_with("--target=") || A.starts_with("-target")) {
      Out.push_back(A.str());
      continue;
    }
    if (!A.starts_with("/") && !A.starts_with("-") && isSource(A)) {
      Source = A.str();
      continue;
    }
    // Everything else (/W4, /O2, /Zi, /EHsc, /MD, /kernel, /Fo...) does not
    // change what parses.
  }
  if (!Source.empty())
    Out.push_back(Source);
  CommandLine = std::move(Out);
  return Result;
}

} // namespace ks
