//===- CommandLine.cpp ----------------------------------------------------===//
#include "CommandLine.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"

namespace ks {

bool isClStyle(const std::vector<std::string> &CommandLine) {
  if (CommandLine.empty())
    return false;
  llvm::StringRef Exe =
      llvm::sys::path::filename(llvm::StringRef(CommandLine.front()).rtrim('"'),
                                llvm::sys::path::Style::windows);
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
    if (A == "-target" && I + 1 < CommandLine.size()) {
      // Separate form: the triple is the next argument.
      Out.push_back("--target=" + CommandLine[++I]);
      continue;
    }
    if (A.starts_with("--target=") || A.starts_with("-target")) {
      Out.push_back(A.str());
      continue;
    }
    // /Tp<file>, /Tc<file>: one source in the given language.
    if ((A.starts_with("/Tp") || A.starts_with("-Tp") || A.starts_with("/Tc") ||
         A.starts_with("-Tc")) &&
        A.size() > 3) {
      Out.push_back(A[2] == 'p' ? "-xc++" : "-xc");
      Source = A.drop_front(3).str();
      continue;
    }
    // A source; cl's options start with '/' too, but none of them names a
    // file with a source's extension after another '/' (a database written
    // on Linux or under Wine has absolute POSIX paths).
    if (isSource(A) &&
        (!(A.starts_with("/") || A.starts_with("-")) ||
         (A.starts_with("/") && A.find('/', 1) != llvm::StringRef::npos))) {
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

namespace {

/// A flag that makes clang write a file. Separate: the file is the next
/// argument; Joined: "=file" (or, for -MJ, "file") may follow the name.
struct Writer {
  const char *Name;
  bool Separate;
  bool Joined;
};

constexpr Writer Writers[] = {
    {"-MJ", true, true},
    {"-dependency-file", true, true},
    {"-dependency-dot", true, true},
    {"-header-include-file", true, true},
    {"-module-dependency-dir", true, true},
    {"-stats-file", false, true},
    {"-serialize-diagnostic-file", true, false},
    {"-serialize-diagnostics", true, false},
    {"--serialize-diagnostics", true, false},
    {"-fmodules-cache-path", false, true},
    {"-fcrash-diagnostics-dir", false, true},
    {"-ftime-trace", false, true},
    {"-save-temps", false, true},
    {"-foptimization-record-file", false, true},
    {"-fsave-optimization-record", false, true},
    {"-arcmt-migrate-report-output", true, false},
    // Implicit modules are built into a cache directory.
    {"-fmodules", false, false},
    {"-fcxx-modules", false, false},
    {"-fimplicit-modules", false, false},
};

/// Whether \p A is a writer; \p NeedsValue says the file is the next argument.
bool isWriter(llvm::StringRef A, bool &NeedsValue) {
  for (const Writer &W : Writers) {
    llvm::StringRef Name(W.Name);
    if (A == Name) {
      NeedsValue = W.Separate;
      return true;
    }
    if (W.Joined && A.starts_with(Name) &&
        (A[Name.size()] == '=' || Name == "-MJ")) {
      NeedsValue = false;
      return true;
    }
  }
  return false;
}

} // namespace

std::vector<std::string>
dropFileWritingFlags(std::vector<std::string> &CommandLine) {
  std::vector<std::string> Dropped, Out;
  const size_t N = CommandLine.size();
  for (size_t I = 0; I < N; ++I) {
    llvm::StringRef A = CommandLine[I];
    if (I == 0) {
      Out.push_back(A.str());
      continue;
    }
    // -Wp,-MD,file and -Wp,-MMD,file write a dependency file.
    if (A.starts_with("-Wp,") &&
        (A.contains(",-MD") || A.contains(",-MMD") || A.contains(",-MF"))) {
      Dropped.push_back(A.str());
      continue;
    }
    const bool Wrapped = (A == "-Xclang" || A == "-Xpreprocessor") && I + 1 < N;
    llvm::StringRef Flag = Wrapped ? llvm::StringRef(CommandLine[I + 1]) : A;
    bool NeedsValue = false;
    if (!isWriter(Flag, NeedsValue)) {
      Out.push_back(A.str());
      continue;
    }
    size_t Take = Wrapped ? 2 : 1;
    if (NeedsValue) {
      // Wrapped, the value is wrapped too: -Xclang -dependency-file -Xclang F.
      if (Wrapped && I + 3 < N && CommandLine[I + 2] == A)
        Take += 2;
      else if (I + Take < N)
        Take += 1;
    }
    std::string Spelled;
    for (size_t K = I; K < I + Take && K < N; ++K)
      Spelled += (Spelled.empty() ? "" : " ") + CommandLine[K];
    Dropped.push_back(Spelled);
    I += Take - 1;
  }
  CommandLine = std::move(Out);
  return Dropped;
}

} // namespace ks
