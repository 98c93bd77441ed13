//===- ZeroConfig.cpp - A driver tree in the editor with no set-up --------===//
#include "ZeroConfig.h"

#include "CommandLine.h"
#include "CompileDatabase.h"
#include "Options.h"
#include "SafeIO.h"

#include "clang-tidy/ClangTidyOptions.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/xxhash.h"

namespace ks {
namespace clangd {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace {

/// file:///a%20b/c -> /a b/c; anything else: empty.
std::string pathOfFileUri(llvm::StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return {};
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Byte;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        !Uri.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Out.push_back(static_cast<char>(Byte));
      I += 2;
    } else {
      Out.push_back(Uri[I]);
    }
  }
  return Out;
}

bool isSourceName(llvm::StringRef Name) {
  llvm::StringRef Ext = path::extension(Name);
  return Ext.equals_insensitive(".c") || Ext.equals_insensitive(".cc") ||
         Ext.equals_insensitive(".cpp") || Ext.equals_insensitive(".cxx");
}

std::optional<std::string> existing(llvm::StringRef Dir, llvm::StringRef Sub,
                                    llvm::StringRef Name) {
  llvm::SmallString<256> P(Dir);
  path::append(P, Sub, Name);
  if (fs::is_regular_file(P))
    return std::string(P);
  return std::nullopt;
}

} // namespace

std::string workspaceRoot(const llvm::json::Value &Initialize) {
  const llvm::json::Object *Msg = Initialize.getAsObject();
  const llvm::json::Object *Params = Msg ? Msg->getObject("params") : nullptr;
  if (!Params)
    return {};
  if (auto Uri = Params->getString("rootUri"))
    if (std::string P = pathOfFileUri(*Uri); !P.empty())
      return P;
  if (auto P = Params->getString("rootPath"); P && !P->empty())
    return P->str();
  if (const llvm::json::Array *Folders = Params->getArray("workspaceFolders"))
    for (const llvm::json::Value &F : *Folders)
      if (const llvm::json::Object *O = F.getAsObject())
        if (auto Uri = O->getString("uri"))
          if (std::string P = pathOfFileUri(*Uri); !P.empty())
            return P;
  return {};
}

std::string stateDirectory(llvm::StringRef Root) {
  llvm::SmallString<256> Dir;
  if (auto Xdg = llvm::sys::Process::GetEnv("XDG_CACHE_HOME");
      Xdg && path::is_absolute(*Xdg)) {
    Dir = *Xdg;
  } else if (!path::home_directory(Dir)) {
    path::system_temp_directory(/*ErasedOnReboot=*/true, Dir);
  } else {
    path::append(Dir, ".cache");
  }
  path::append(Dir, "kstidy-clangd",
               llvm::utohexstr(llvm::xxh3_64bits(Root), /*LowerCase=*/true));
  return std::string(Dir);
}

std::vector<std::string> sourcesUnder(llvm::StringRef Root, size_t Limit) {
  std::vector<std::string> Out;
  std::error_code EC;
  for (fs::recursive_directory_iterator It(Root, EC), End;
       It != End && !EC && Out.size() < Limit; It.increment(EC)) {
    llvm::StringRef Name = path::filename(It->path());
    if (It->type() == fs::file_type::directory_file) {
      if (Name.starts_with("."))
        It.no_push();
      continue;
    }
    if (isSourceName(Name))
      Out.push_back(It->path());
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}

llvm::Expected<DatabaseSummary> writeDatabase(llvm::StringRef Root,
                                              llvm::StringRef Dir,
                                              const WdkProfile &Profile,
                                              WdkProfileMode Mode) {
  DatabaseSummary Summary;
  CliOptions O;
  O.Quiet = true;
  if (auto DB = existing(Root, "", "compile_commands.json")) {
    O.BuildPath = Root.str();
    Summary.From = *DB;
  } else if (auto DB = existing(Root, "build", "compile_commands.json")) {
    O.BuildPath = path::parent_path(*DB).str();
    Summary.From = *DB;
  } else {
    O.Sources = sourcesUnder(Root, 20000);
    if (auto Flags = existing(Root, "", "compile_flags.txt")) {
      if (auto Buffer = llvm::MemoryBuffer::getFile(*Flags)) {
        llvm::SmallVector<llvm::StringRef, 32> Lines;
        (*Buffer)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
        for (llvm::StringRef L : Lines)
          if (!L.trim().empty())
            O.CompilerArgs.push_back(L.trim().str());
        O.HaveCompilerArgs = true;
      }
      Summary.From = *Flags;
    } else {
      Summary.From = "the sources under " + Root.str() +
                     " (and the MSBuild projects that list them)";
    }
  }
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  if (!O.Sources.empty() || O.BuildPath)
    if (auto Problem = openCompileDatabase(O, DB))
      return llvm::createStringError(llvm::inconvertibleErrorCode(), *Problem);
  llvm::json::Array Entries;
  if (DB)
    for (const std::string &Source : O.Sources)
      for (clang::tooling::CompileCommand &C : DB->getCompileCommands(Source)) {
        std::vector<std::string> Args = std::move(C.CommandLine);
        (void)normalizeCommand(Args);
        (void)dropFileWritingFlags(Args); // clangd parses as kstidy does
        if (Profile.apply(Args, Mode))
          ++Summary.ProfileApplied;
        llvm::SmallString<256> Directory(C.Directory);
        if (!path::is_absolute(Directory)) {
          llvm::SmallString<256> Abs(Root);
          path::append(Abs, Directory);
          path::remove_dots(Abs, /*remove_dot_dot=*/true);
          Directory = Abs;
        }
        llvm::json::Array Arguments;
        for (std::string &A : Args)
          Arguments.push_back(std::move(A));
        Entries.push_back(llvm::json::Object{
            {"directory", std::string(Directory)},
            {"file", C.Filename},
            {"arguments", std::move(Arguments)},
        });
        ++Summary.Entries;
      }
  if (std::error_code EC = fs::create_directories(Dir))
    return llvm::createStringError(EC, "cannot create %s: %s",
                                   Dir.str().c_str(), EC.message().c_str());
  llvm::SmallString<256> Out(Dir);
  path::append(Out, "compile_commands.json");
  llvm::json::Value Doc(std::move(Entries));
  if (auto Problem = writeAtomically(Out, [&](llvm::raw_ostream &OS) {
        OS << llvm::formatv("{0:2}", Doc) << "\n";
      }))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), *Problem);
  return Summary;
}

std::vector<std::string> clangTidyFilesNamingKsChecks(llvm::StringRef Root) {
  std::vector<std::string> Files;
  auto Consider = [&](llvm::StringRef File) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      return;
    auto Parsed = clang::tidy::parseConfiguration((*Buffer)->getMemBufferRef());
    if (!Parsed)
      return; // clangd reports a broken .clang-tidy itself
    if (Parsed->Checks && llvm::StringRef(*Parsed->Checks).contains("ks-"))
      Files.push_back(File.str());
  };
  for (llvm::StringRef Dir = Root; !Dir.empty(); Dir = path::parent_path(Dir)) {
    if (auto File = existing(Dir, "", ".clang-tidy"))
      Consider(*File);
    if (Dir == path::parent_path(Dir))
      break;
  }
  std::error_code EC;
  size_t Seen = 0;
  for (fs::recursive_directory_iterator It(Root, EC), End;
       It != End && !EC && ++Seen < 200000; It.increment(EC)) {
    llvm::StringRef Name = path::filename(It->path());
    if (It->type() == fs::file_type::directory_file) {
      if (Name.starts_with("."))
        It.no_push();
      continue;
    }
    if (Name == ".clang-tidy" && path::parent_path(It->path()) != Root)
      Consider(It->path());
  }
  return Files;
}

std::string ksConfigFragment(bool AddChecks) {
  std::string Text =
      "# Written by kstidy-clangd: the ks-* checks are on, and clangd's\n"
      "# fast-check filter does not hide them. The user's own\n"
      "# configuration follows and wins; a project's .clangd comes after\n"
      "# both (Diagnostics: ClangTidy: Remove: ks-* turns them off).\n"
      "Diagnostics:\n"
      "  ClangTidy:\n";
  if (AddChecks)
    Text += "    Add: ['ks-*']\n";
  else
    Text +=
        "    # A .clang-tidy of the workspace names ks checks: it decides.\n";
  Text += "    FastCheckFilter: Loose\n"
          "    # A finding in an included header is also pointed at from\n"
          "    # the #include of the open file (clangd shows the open file's\n"
          "    # diagnostics only).\n"
          "    CheckOptions:\n"
          "      KsHeaderFindingsAtInclude: true\n";
  return Text;
}

llvm::Error writeUserConfig(llvm::StringRef ConfigHome,
                            llvm::StringRef UserConfig, bool AddChecks) {
  llvm::SmallString<256> Dir(ConfigHome);
  path::append(Dir, "clangd");
  if (std::error_code EC = fs::create_directories(Dir))
    return llvm::createStringError(EC, "cannot create %s: %s", Dir.c_str(),
                                   EC.message().c_str());
  std::string Text = ksConfigFragment(AddChecks);
  if (!UserConfig.empty())
    if (auto Buffer = llvm::MemoryBuffer::getFile(UserConfig)) {
      Text += "---\n# ";
      Text += UserConfig;
      Text += "\n";
      Text += (*Buffer)->getBuffer();
    }
  llvm::SmallString<256> File(Dir);
  path::append(File, "config.yaml");
  if (auto Problem =
          writeAtomically(File, [&](llvm::raw_ostream &OS) { OS << Text; }))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), *Problem);
  return llvm::Error::success();
}

} // namespace clangd
} // namespace ks
