//===- Modes.cpp - The modes of kstidy that analyze no source -------------===//
//
// --help, --version, --print-wdk-flags, --replay and merge-sarif. The
// analysis and its variants: AnalysisMode.cpp.
//
//===----------------------------------------------------------------------===//
#include "Modes.h"
#include "Version.h"

#include "Driver.h"
#include "Findings.h"
#include "Replay.h"
#include "SafeIO.h"
#include "SarifMerge.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace ks {

int runHelp() {
  llvm::outs() << usageText();
  return ExitClean;
}

int runVersion() {
  llvm::outs() << "kstidy " << KSTIDY_VERSION << " (LLVM "
               << LLVM_VERSION_STRING << ")\n";
  return ExitClean;
}

int runPrintWdkFlags(const WdkProfile &Profile) {
  for (const std::string &F : Profile.flags())
    llvm::outs() << F << "\n";
  return ExitClean;
}

int runReplay(const CliOptions &O) {
  if (!O.Replay)
    return fail("--replay needs a model export");
  const std::string &Path = *O.Replay;
  auto Doc = readJsonFile(Path);
  if (!Doc)
    return fail(llvm::toString(Doc.takeError()));
  schema::Document Model = schema::readDocument(*Doc);
  if (Model.Schema != schema::SchemaName)
    return fail(Path + " is not a kstidy model export");
  std::vector<RuntimeFinding> Runtime = replayModel(Model);
  printRuntimeFindings(llvm::outs(), Runtime);
  if (!O.Quiet)
    llvm::errs() << "kstidy: replay observed "
                 << plural(Runtime.size(), "runtime failure",
                           "runtime failures")
                 << "\n";
  return Runtime.empty() ? ExitClean : ExitFindings;
}

int runMergeSarif(int Argc, const char **Argv) {
  std::vector<std::string> Inputs;
  std::optional<std::string> Output;
  for (int I = 2; I < Argc; ++I) {
    llvm::StringRef A = Argv[I];
    if (A == "-o" && I + 1 < Argc)
      Output = Argv[++I];
    else if (A.consume_front("-o="))
      Output = A.str();
    else if (A.starts_with("-"))
      return fail("merge-sarif: unknown option '" + A.str() + "'");
    else
      Inputs.push_back(A.str());
  }
  if (Inputs.empty() || !Output)
    return fail(
        "usage: kstidy merge-sarif <a.sarif> <b.sarif>... -o <all.sarif>");
  SarifMerger Merger;
  for (const std::string &In : Inputs) {
    if (std::string Reason = unreadableReason(In); !Reason.empty())
      return fail("cannot read " + In + ": " + Reason);
    auto Buf = llvm::MemoryBuffer::getFile(In);
    if (!Buf)
      return fail("cannot read " + In + ": " + Buf.getError().message());
    if (llvm::Error E = Merger.add((*Buf)->getBuffer(), In))
      return fail("merge-sarif: " + llvm::toString(std::move(E)));
  }
  std::optional<std::string> WriteError;
  if (auto Problem = writeAtomically(*Output, [&](llvm::raw_ostream &OS) {
        if (llvm::Error E = Merger.write(OS))
          WriteError = llvm::toString(std::move(E));
      }))
    return fail(*Problem);
  if (WriteError)
    return fail("merge-sarif: " + *WriteError);
  return ExitClean;
}

} // namespace ks
