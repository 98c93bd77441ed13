//===- fuzz_compile_db.cpp - kstidy -p <compile_commands.json> ------------===//
//
// What `kstidy -p` does with a compile database's text (Driver.cpp
// loadDatabase): the nesting limit, LLVM's JSON parser, then clang's
// JSONCompilationDatabase (its YAML parser); then, for every command, what
// the analyzer does to it: ks::normalizeCommand (cl.exe commands rewritten,
// precompiled headers dropped) and ks::dropFileWritingFlags.
//
// Oracle: after dropFileWritingFlags no argument is a flag that makes clang
// write a file (running it again removes nothing).
//
//===----------------------------------------------------------------------===//
#include "FuzzSupport.h"

#include "CommandLine.h"
#include "SafeIO.h"

#include "clang/Tooling/JSONCompilationDatabase.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text = ks_fuzz::asText(Data, Size);
  if (ks::nestingProblem(Text, ks::TextSyntax::Json))
    return 0;
  if (auto Parsed = llvm::json::parse(Text); !Parsed) {
    llvm::consumeError(Parsed.takeError());
    return 0;
  }
  std::string Message;
  auto DB = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
      Text, Message, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return 0;
  (void)DB->getAllFiles();
  for (clang::tooling::CompileCommand &C : DB->getAllCompileCommands()) {
    std::vector<std::string> Args = C.CommandLine;
    (void)ks::isClStyle(Args);
    ks::normalizeCommand(Args);
    std::vector<std::string> Kept = Args;
    ks::dropFileWritingFlags(Kept);
    std::vector<std::string> Again = Kept;
    std::vector<std::string> Missed = ks::dropFileWritingFlags(Again);
    if (!Missed.empty())
      ks_fuzz::fail("dropFileWritingFlags left a file-writing flag: " +
                        Missed.front(),
                    Text);
  }
  return 0;
}
