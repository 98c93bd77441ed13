//===- MsBuildSolution.cpp - .sln files: projects, configurations ---------===//
//
// A .sln is a line-oriented text file, not XML: Project(...) lines name the
// projects, the Global section maps each solution configuration to the
// configuration of each project (ActiveCfg) and says whether it builds
// (Build.0).
//
//===----------------------------------------------------------------------===//
#include "MsBuildEvaluation.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <map>

namespace ks::msbuild {

namespace detail {

std::string absolute(StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  std::replace(Abs.begin(), Abs.end(), '\\', '/');
  // Best effort: a path that cannot be made absolute stays as given.
  (void)llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

std::string configKey(StringRef Guid, const ProjectConfig &C) {
  return StringRef(Guid).upper() + "." + StringRef(C.str()).lower();
}

} // namespace detail

using namespace detail;

namespace {

/// The double-quoted strings of a line, in order.
std::vector<std::string> quoted(StringRef Line) {
  std::vector<std::string> Out;
  while (true) {
    size_t Open = Line.find('"');
    if (Open == StringRef::npos)
      break;
    size_t Close = Line.find('"', Open + 1);
    if (Close == StringRef::npos) {
      Out.clear();
      Out.push_back("\x01"); // unbalanced
      break;
    }
    Out.push_back(Line.slice(Open + 1, Close).str());
    Line = Line.drop_front(Close + 1);
  }
  return Out;
}

} // namespace

llvm::Expected<Solution> parseSolution(StringRef Path) {
  Solution S;
  S.Path = absolute(Path);
  if (!llvm::sys::fs::exists(S.Path))
    return error("no such solution: " + Path);
  if (!llvm::sys::fs::is_regular_file(S.Path))
    return error("solution " + Path + " is not a regular file");
  auto Buf = llvm::MemoryBuffer::getFile(S.Path);
  if (!Buf)
    return error("cannot read solution " + Path + ": " +
                 Buf.getError().message());
  StringRef Bytes = (*Buf)->getBuffer();
  std::string Utf8;
  if (Bytes.starts_with("\xFF\xFE") || Bytes.starts_with("\xFE\xFF")) {
    if (!llvm::convertUTF16ToUTF8String(
            llvm::ArrayRef<char>(Bytes.data(), Bytes.size()), Utf8))
      return error("malformed solution " + Path + ": invalid UTF-16");
    Bytes = Utf8;
  }
  Bytes.consume_front("\xEF\xBB\xBF");

  llvm::SmallVector<StringRef, 256> Lines;
  Bytes.split(Lines, '\n');
  bool SawHeader = false;
  enum { None, SolutionConfigs, ProjectConfigs } Section = None;
  for (size_t N = 0; N < Lines.size(); ++N) {
    StringRef Line = Lines[N].trim();
    if (Line.empty() || Line.starts_with("#"))
      continue;
    if (!SawHeader) {
      if (!Line.starts_with("Microsoft Visual Studio Solution File"))
        return error("malformed solution " + Path + ": line " +
                     llvm::Twine(N + 1) +
                     ": not a Visual Studio solution (no \"Microsoft Visual "
                     "Studio Solution File\" header)");
      SawHeader = true;
      continue;
    }
    if (Line.starts_with("Project(")) {
      // Project("{type}") = "Name", "path\to\x.vcxproj", "{GUID}"
      std::vector<std::string> Q = quoted(Line);
      if (Q.size() != 4)
        return error("malformed solution " + Path + ": line " +
                     llvm::Twine(N + 1) +
                     ": a Project line needs a type, a "
                     "name, a path and a GUID in double quotes");
      if (!StringRef(Q[2]).ends_with_insensitive(".vcxproj"))
        continue; // a solution folder, or a project kstidy does not read
      std::string P = Q[2];
      std::replace(P.begin(), P.end(), '\\', '/');
      S.Projects.push_back({Q[1], P, StringRef(Q[3]).upper()});
      continue;
    }
    if (Line.starts_with("GlobalSection(")) {
      if (Line.contains("(SolutionConfigurationPlatforms)"))
        Section = SolutionConfigs;
      else if (Line.contains("(ProjectConfigurationPlatforms)"))
        Section = ProjectConfigs;
      else
        Section = None;
      continue;
    }
    if (Line.starts_with("EndGlobalSection")) {
      Section = None;
      continue;
    }
    if (Section == None)
      continue;
    auto [Key, Value] = Line.split('=');
    Key = Key.trim();
    Value = Value.trim();
    if (Section == SolutionConfigs) {
      if (auto C = ProjectConfig::parse(Key);
          C && !llvm::is_contained(S.Configurations, *C))
        S.Configurations.push_back(*C);
      continue;
    }
    // {GUID}.Release|x64.ActiveCfg = Release|x64 ; ....Build.0 = ...
    size_t GuidEnd = Key.find("}.");
    if (!Key.starts_with("{") || GuidEnd == StringRef::npos)
      continue;
    StringRef Guid = Key.take_front(GuidEnd + 1);
    StringRef Rest = Key.drop_front(GuidEnd + 2);
    bool Active = Rest.consume_back(".ActiveCfg");
    bool Build = !Active && Rest.consume_back(".Build.0");
    auto SolCfg = ProjectConfig::parse(Rest);
    if (!SolCfg || (!Active && !Build))
      continue;
    std::string K = configKey(Guid, *SolCfg);
    if (Active) {
      if (auto ProjCfg = ProjectConfig::parse(Value)) {
        // Visual Studio writes "AnyCPU" for "Any CPU" here.
        S.ActiveConfig[K] = *ProjCfg;
      }
    } else {
      S.Builds.insert(K);
    }
  }
  if (!SawHeader)
    return error("malformed solution " + Path + ": empty file");
  return std::move(S);
}

} // namespace ks::msbuild
