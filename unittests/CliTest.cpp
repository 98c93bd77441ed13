//===- CliTest.cpp - kstidy's command line, run as a real process
//----------===//
//
// Exit codes: 0 no findings, 1 findings, 2 usage or input error, 3 compile
// errors without findings. Every input error is one line on stderr.
//
//===----------------------------------------------------------------------===//
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace {

struct Result {
  int Code = -1;
  std::string Out;
  std::string Err;
  size_t errLines() const {
    return llvm::StringRef(Err).trim().empty()
               ? 0
               : llvm::StringRef(Err).trim().count('\n') + 1;
  }
};

class Cli : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("kstidy-cli", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Name) const {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }

  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    std::string P = path(Name);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    EXPECT_FALSE(EC) << EC.message();
    OS << Text;
    return P;
  }

  Result run(std::vector<std::string> Args,
             std::optional<std::string> StdoutTo = std::nullopt) {
    std::string Out = StdoutTo ? *StdoutTo : path("stdout.txt"),
                Err = path("stderr.txt");
    // The redirections do not truncate: a shorter output would keep the
    // tail of the previous run's.
    if (!StdoutTo)
      llvm::sys::fs::remove(Out);
    llvm::sys::fs::remove(Err);
    std::vector<llvm::StringRef> Argv = {KSTIDY_TEST_BIN};
    for (const std::string &A : Args)
      Argv.push_back(A);
    std::optional<llvm::StringRef> Redirects[] = {
        std::nullopt, llvm::StringRef(Out), llvm::StringRef(Err)};
    Result R;
    R.Code = llvm::sys::ExecuteAndWait(KSTIDY_TEST_BIN, Argv, std::nullopt,
                                       Redirects, /*SecondsToWait=*/300);
    if (!StdoutTo)
      if (auto B = llvm::MemoryBuffer::getFile(Out))
        R.Out = std::string((*B)->getBuffer());
    if (auto B = llvm::MemoryBuffer::getFile(Err))
      R.Err = std::string((*B)->getBuffer());
    return R;
  }

  llvm::SmallString<256> Dir;
};

const char BadTable[] = R"(#include <ntddk.h>
#include <ks.h>
NTSTATUS D(PIRP Irp) {
  return KsPropertyHandlerWithAllocator(Irp, 0, NULL, NULL, 76);
}
)";

const char GoodTable[] = R"(#include <ntddk.h>
#include <ks.h>
NTSTATUS D(PIRP Irp) {
  return KsPropertyHandlerWithAllocator(Irp, 0, NULL, NULL, sizeof(KSPROPERTY_ITEM));
}
)";

TEST_F(Cli, VersionNamesKstidyAndLlvm) {
  Result R = run({"--version"});
  EXPECT_EQ(R.Code, 0);
  EXPECT_NE(R.Out.find("kstidy 0."), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("(LLVM " + std::to_string(LLVM_VERSION_MAJOR) + "."),
            std::string::npos)
      << R.Out;
}

TEST_F(Cli, UnknownOptionIsAUsageError) {
  Result R = run({"--frobnicate", write("a.cpp", GoodTable)});
  EXPECT_EQ(R.Code, 2);
  EXPECT_EQ(R.errLines(), 1u) << R.Err;
  EXPECT_NE(R.Err.find("unknown option '--frobnicate'"), std::string::npos);
}

TEST_F(Cli, NoInputIsAUsageError) {
  Result R = run({});
  EXPECT_EQ(R.Code, 2);
  EXPECT_EQ(R.errLines(), 1u) << R.Err;
}

TEST_F(Cli, MissingFileIsAnInputError) {
  Result R = run({path("nope.cpp"), "--"});
  EXPECT_EQ(R.Code, 2);
  EXPECT_EQ(R.errLines(), 1u) << R.Err;
  EXPECT_NE(R.Err.find("no such file"), std::string::npos) << R.Err;
}

TEST_F(Cli, BinaryFileIsAnInputError) {
  std::string P = write("binary.cpp", llvm::StringRef("int x;\0\0\x01", 9));
  Result R = run({P, "--"});
  EXPECT_EQ(R.Code, 2);
  EXPECT_EQ(R.errLines(), 1u) << R.Err;
  EXPECT_NE(R.Err.find("binary content, not C/C++ source"), std::string::npos)
      << R.Err;
}

// One bad input never costs the run: the other TU is analysed and its
// finding reported; the bad one is named, and the run still fails.
TEST_F(Cli, BadSourceIsSkippedAndTheOthersAnalysed) {
  std::string Bin = write("blob.cpp", llvm::StringRef("\x7f"
                                                      "ELF\x02\x01\0\0",
                                                      8));
  std::string Bad = write("bad.cpp", BadTable);
  Result R = run({Bin, path("gone.cpp"), Bad, "--"});
  EXPECT_EQ(R.Code, 1) << R.Err; // findings win over the skipped inputs
  EXPECT_NE(R.Out.find("bad.cpp:4:"), std::string::npos) << R.Out;
  EXPECT_NE(R.Err.find("blob.cpp: not analysed: binary content"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("gone.cpp: not analysed: no such file"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("1 translation unit analyzed"), std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("2 sources not analysed"), std::string::npos) << R.Err;
  // Without a finding, the skipped inputs make the run an input error.
  Result Clean = run({Bin, write("good.cpp", GoodTable), "--"});
  EXPECT_EQ(Clean.Code, 2) << Clean.Err;
}

// MSVC compiles sources with stray NUL bytes in whitespace: so does kstidy,
// and it says how it read them.
TEST_F(Cli, NulBytesInWhitespaceAreReadAsMsvcReadsThem) {
  std::string Text = BadTable;
  Text.insert(Text.find("NTSTATUS D"), llvm::StringRef("\0\0\n", 3).str());
  Result R = run({write("nul.cpp", Text), "--"});
  EXPECT_EQ(R.Code, 1) << R.Err;
  EXPECT_NE(R.Out.find("nul.cpp:5:"), std::string::npos) << R.Out;
  EXPECT_NE(R.Err.find("note: " + path("nul.cpp") +
                       ": 2 NUL bytes read as whitespace"),
            std::string::npos)
      << R.Err;
}

// A header that is not found does not end the TU: the table after the
// #include is still judged, and the header is named once for the run.
TEST_F(Cli, MissingHeaderIsNotFatal) {
  std::string Text =
      "#include \"not_in_this_tree.h\"\n" + std::string(BadTable);
  std::string A = write("a.cpp", Text), B = write("b.cpp", Text);
  Result R = run({A, B, "--"});
  EXPECT_EQ(R.Code, 1) << R.Err;
  EXPECT_NE(R.Out.find("a.cpp:5:"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("b.cpp:5:"), std::string::npos) << R.Out;
  const std::string Note = "note: header 'not_in_this_tree.h' not found (" + A +
                           ":1, 2 translation units); analysed without it";
  EXPECT_NE(R.Err.find(Note), std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.find("not_in_this_tree.h' not found",
                       R.Err.find(Note) + Note.size()),
            std::string::npos)
      << "named once per run:\n"
      << R.Err;
}

// NTFS rules: `#include "Inc\Tables.H"` finds inc/tables.h.
TEST_F(Cli, IncludesResolveCaseInsensitivelyWithBackslashes) {
  write("inc/tables.h", "#define KSTIDY_ITEM_SIZE 76\n");
  std::string Text = std::string("#include \"Inc\\Tables.H\"\n") + BadTable;
  size_t At = Text.find("76");
  Text.replace(At, 2, "KSTIDY_ITEM_SIZE");
  Result R = run({write("drv.cpp", Text), "--"});
  EXPECT_EQ(R.Code, 1) << R.Err;
  EXPECT_NE(R.Out.find("drv.cpp:5:"), std::string::npos) << R.Out;
  EXPECT_NE(R.Err.find("0 translation units with compile errors"),
            std::string::npos)
      << R.Err;
}

// MSVC reads `const Level = 1;` as an int declaration; clang refuses it
// whatever its flags. Not counted as a compile error, but said.
TEST_F(Cli, MsvcDefaultIntIsToleratedAndSaid) {
  std::string Text = std::string(GoodTable) + "const DebugLevel = 1;\n";
  Result R = run({write("dflt.cpp", Text), "--"});
  EXPECT_EQ(R.Code, 0) << R.Err;
  EXPECT_NE(R.Err.find("note: " + path("dflt.cpp") +
                       ": 1 declaration without a type read as int (MSVC "
                       "C4430: int assumed)"),
            std::string::npos)
      << R.Err;
}

// User-mode APO code (ATL, WIL) is out of scope, and the note says so; a
// kernel header that is missing is not.
TEST_F(Cli, UserModeFrameworkHeadersAreNamedOutOfScope) {
  std::string Apo = write("apo.cpp", "#include <atlbase.h>\nint x;\n");
  std::string Drv = write("drv.cpp", "#include <hwprivate.h>\nint y;\n");
  Result R = run({Apo, Drv, "--"});
  EXPECT_EQ(R.Code, 3) << R.Err;
  size_t Atl = R.Err.find("header 'atlbase.h' not found");
  ASSERT_NE(Atl, std::string::npos) << R.Err;
  EXPECT_NE(
      R.Err.find("user-mode ATL/WIL/APO code is out of kstidy's scope", Atl),
      std::string::npos)
      << R.Err;
  size_t Hw = R.Err.find("header 'hwprivate.h' not found");
  ASSERT_NE(Hw, std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.substr(Hw, R.Err.find('\n', Hw) - Hw).find("out of"),
            std::string::npos)
      << R.Err;
}

// A table whose initializer does not compile is a blind spot, said as such
// in text, JSON and SARIF; a good table beside it is still judged.
TEST_F(Cli, TablesWithCompileErrorsAreReportedNotAnalysed) {
  std::string Text = std::string(BadTable) + R"(
static NTSTATUS Get(PIRP, PKSPROPERTY, PVOID) { return STATUS_SUCCESS; }
static const KSPROPERTY_ITEM BrokenItems[] = {
    {0, {Get}, sizeof(KSPROPERTY), sizeof(ULONG_NOT_DECLARED), {NULL}, NULL, 0, NULL, NULL, 0},
};
)";
  std::string Src = write("blind.cpp", Text);
  Result R = run({Src, "--"});
  EXPECT_EQ(R.Code, 1) << R.Err;
  EXPECT_NE(R.Out.find("blind.cpp:4:"), std::string::npos) << R.Out;
  EXPECT_NE(R.Err.find("warning: 1 property item table in " + Src +
                       " was not analysed: BrokenItems ("),
            std::string::npos)
      << R.Err;
  Result J = run({"--format=json", Src, "--"});
  EXPECT_NE(J.Out.find("\"kind\": \"tables-not-analysed\""), std::string::npos)
      << J.Out;
  EXPECT_NE(J.Out.find("\"name\": \"BrokenItems\""), std::string::npos)
      << J.Out;
  Result S = run({"--format=sarif", Src, "--"});
  EXPECT_NE(S.Out.find("was not analysed: BrokenItems"), std::string::npos)
      << S.Out;
  // Without errors there is nothing to say.
  Result Clean = run({write("clean.cpp", GoodTable), "--"});
  EXPECT_EQ(Clean.Err.find("not analysed"), std::string::npos) << Clean.Err;
}

// Clang never checks comments or skipped code for valid UTF-8, and Windows
// trees hold Windows-1252 comments: what kstidy quotes from the source (here
// the #ifdef line of a skipped table) reaches every output repaired, never
// as bytes a JSON or SARIF reader refuses (found by fuzz-model-extraction).
TEST_F(Cli, InvalidUtf8InSkippedCodeIsRepairedInEveryOutput) {
  std::string Text = std::string(GoodTable) +
                     "#ifdef FEATURE // caf\xe9\n"
                     "static const KSPROPERTY_ITEM Skipped[] = {{0}};\n"
                     "#endif\n";
  std::string Src = write("cp1252.cpp", Text);
  const std::string Repaired = "caf\xef\xbf\xbd"; // U+FFFD
  for (const char *Format :
       {"--format=text", "--format=json", "--format=sarif"}) {
    Result R = run({Format, Src, "--"});
    EXPECT_EQ(R.Code, 0) << Format << "\n" << R.Err;
    for (const std::string *Stream : {&R.Out, &R.Err})
      EXPECT_TRUE(llvm::json::isUTF8(*Stream)) << Format << "\n" << *Stream;
    if (llvm::StringRef(Format) != "--format=text") {
      auto Doc = llvm::json::parse(R.Out);
      EXPECT_TRUE(static_cast<bool>(Doc)) << Format;
      if (!Doc)
        llvm::consumeError(Doc.takeError());
    }
    EXPECT_NE((R.Out + R.Err).find(Repaired), std::string::npos)
        << Format << "\n"
        << R.Out << R.Err;
  }
}

// The notices reach JSON and SARIF too (toolExecutionNotifications).
TEST_F(Cli, NoticesReachJsonAndSarif) {
  std::string Text =
      "#include <no_such_wdk_header.h>\n" + std::string(GoodTable);
  std::string Src = write("n.cpp", Text);
  Result J = run({"--format=json", Src, "--"});
  EXPECT_NE(J.Out.find("\"kind\": \"missing-header\""), std::string::npos)
      << J.Out;
  EXPECT_NE(J.Out.find("\"header\": \"no_such_wdk_header.h\""),
            std::string::npos)
      << J.Out;
  Result S = run({"--format=sarif", Src, "--"});
  EXPECT_NE(S.Out.find("\"toolExecutionNotifications\""), std::string::npos)
      << S.Out;
  EXPECT_NE(S.Out.find("header 'no_such_wdk_header.h' not found"),
            std::string::npos)
      << S.Out;
}

TEST_F(Cli, MalformedCompileDatabaseIsAnInputError) {
  write("build/compile_commands.json", "[{\"directory\": 42,");
  Result R = run({"-p", path("build")});
  EXPECT_EQ(R.Code, 2);
  EXPECT_EQ(R.errLines(), 1u) << R.Err;
  EXPECT_NE(R.Err.find("cannot load compile database"), std::string::npos)
      << R.Err;
}

TEST_F(Cli, MissingCompileDatabaseIsAnInputError) {
  llvm::sys::fs::create_directories(path("empty"));
  Result R = run({"-p", path("empty")});
  EXPECT_EQ(R.Code, 2);
  EXPECT_EQ(R.errLines(), 1u) << R.Err;
  EXPECT_NE(R.Err.find("no compile database"), std::string::npos) << R.Err;
}

TEST_F(Cli, MalformedConfigIsAnInputError) {
  Result R =
      run({"--config={Checks: [unterminated", write("a.cpp", GoodTable), "--"});
  EXPECT_EQ(R.Code, 2);
  EXPECT_EQ(R.errLines(), 1u) << R.Err;
  EXPECT_NE(R.Err.find("malformed --config"), std::string::npos) << R.Err;
}

TEST_F(Cli, MalformedClangTidyFileIsAnInputError) {
  write("proj/.clang-tidy", "Checks: [\n  oops: {\n");
  Result R = run({write("proj/a.cpp", GoodTable), "--"});
  EXPECT_EQ(R.Code, 2);
  EXPECT_EQ(R.errLines(), 1u) << R.Err;
  EXPECT_NE(R.Err.find("malformed configuration"), std::string::npos) << R.Err;
}

TEST_F(Cli, BadWdkProfileValueIsAUsageError) {
  Result R = run({"--wdk-profile=msvc", write("a.cpp", GoodTable)});
  EXPECT_EQ(R.Code, 2);
  EXPECT_EQ(R.errLines(), 1u) << R.Err;
}

TEST_F(Cli, CleanSourceExitsZero) {
  Result R = run({write("a.cpp", GoodTable), "--"});
  EXPECT_EQ(R.Code, 0) << R.Err;
  EXPECT_EQ(R.Out, "");
  EXPECT_NE(R.Err.find("1 translation unit analyzed, 0 findings"),
            std::string::npos)
      << R.Err;
}

TEST_F(Cli, FindingExitsOneInClangStyle) {
  Result R = run({write("a.cpp", BadTable), "--"});
  EXPECT_EQ(R.Code, 1) << R.Err;
  EXPECT_NE(R.Out.find("a.cpp:4:61: warning: PropertyItemSize 76 passed to "
                       "KsPropertyHandlerWithAllocator is not a multiple of 8"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("[ks-property-item-size]"), std::string::npos);
}

TEST_F(Cli, CompileErrorsWithoutFindingsExitThreeUnlessAllowed) {
  std::string P = write("broken.cpp", std::string(GoodTable) +
                                          "UNKNOWN_TYPE x;\nint y = nope();\n");
  Result R = run({P, "--"});
  EXPECT_EQ(R.Code, 3) << R.Err;
  EXPECT_NE(R.Err.find("broken.cpp: 2 compile errors"), std::string::npos)
      << R.Err;
  Result Allowed = run({"--allow-parse-errors", P, "--"});
  EXPECT_EQ(Allowed.Code, 0) << Allowed.Err;
  Result Shown = run({"--show-parse-errors", P, "--"});
  EXPECT_NE(Shown.Err.find("error: unknown type name 'UNKNOWN_TYPE'"),
            std::string::npos)
      << Shown.Err;
}

TEST_F(Cli, FindingsStillReportedInABrokenTu) {
  std::string P =
      write("broken.cpp", std::string("UNKNOWN_TYPE x;\n") + BadTable);
  Result R = run({P, "--"});
  EXPECT_EQ(R.Code, 1) << R.Err;
  EXPECT_NE(R.Out.find("PropertyItemSize 76"), std::string::npos) << R.Out;
}

TEST_F(Cli, ClangTidyFileCanDisableTheCheck) {
  write("proj/.clang-tidy", "Checks: '-ks-property-item-size'\n");
  Result R = run({write("proj/a.cpp", BadTable), "--"});
  EXPECT_EQ(R.Code, 0) << R.Out << R.Err;
  Result Listed = run({"--list-checks", path("proj/a.cpp")});
  EXPECT_EQ(Listed.Out.find("ks-property-item-size"), std::string::npos);
}

TEST_F(Cli, ClangTidyFileCheckOptionsReachTheCheck) {
  // Self-contained declarations, a 32-bit target: with Assume64Bit=false the
  // 36-byte size is fine for this TU's own pointer size.
  const char Source[] = R"(typedef unsigned long ULONG;
typedef struct { ULONG Id; void *Handlers[5]; ULONG Min[2]; } KSPROPERTY_ITEM;
long KsPropertyHandlerWithAllocator(void *Irp, ULONG Count, const void *Sets,
                                    void *Allocator, ULONG PropertyItemSize);
long D(void *Irp) {
  return KsPropertyHandlerWithAllocator(Irp, 0, 0, 0, sizeof(KSPROPERTY_ITEM) + 4);
}
)";
  std::vector<std::string> Args = {"--wdk-profile=none", "", "--",
                                   "--target=i686-w64-windows-gnu"};
  Args[1] = write("default/a.c", Source);
  EXPECT_EQ(run(Args).Code, 1);
  write("configured/.clang-tidy",
        "CheckOptions:\n  ks-property-item-size.Assume64Bit: false\n");
  Args[1] = write("configured/a.c", Source);
  Result R = run(Args);
  EXPECT_EQ(R.Code, 0) << R.Out << R.Err;
}

TEST_F(Cli, ChecksOptionOverridesTheDefault) {
  Result R = run({"--checks=-ks-*", write("a.cpp", BadTable), "--"});
  EXPECT_EQ(R.Code, 0) << R.Err;
  Result Listed = run({"--list-checks"});
  EXPECT_NE(Listed.Out.find("ks-property-item-size"), std::string::npos);
}

TEST_F(Cli, WdkProfileNoneLeavesTheCommandAlone) {
  // Without the profile the WDK headers are not found: a fatal error, no AST
  // worth checking, exit 3.
  Result R = run({"--wdk-profile=none", write("a.cpp", BadTable), "--"});
  EXPECT_EQ(R.Code, 3) << R.Err;
  // A Windows triple on the command line turns "auto" off as well.
  Result W =
      run({write("b.cpp", BadTable), "--", "--target=x86_64-pc-windows-msvc"});
  EXPECT_EQ(W.Code, 3) << W.Err;
}

TEST_F(Cli, CompileDatabaseRunsEveryTranslationUnitOnceEach) {
  std::string Header = write("src/table.h", R"(#pragma once
#include <ntddk.h>
#include <ks.h>
static inline NTSTATUS Shared(PIRP Irp) {
  return KsPropertyHandlerWithAllocator(Irp, 0, NULL, NULL, 12);
}
)");
  write("src/one.cpp", "#include \"table.h\"\n");
  write("src/two.cpp", "#include \"table.h\"\nint two;\n");
  std::string Src = path("src");
  write("src/compile_commands.json",
        "[{\"directory\": \"" + Src +
            "\", \"command\": \"clang++ -c one.cpp\", \"file\": \"one.cpp\"},"
            " {\"directory\": \"" +
            Src +
            "\", \"arguments\": [\"clang++\", \"-c\", \"two.cpp\"], "
            "\"file\": \"two.cpp\"}]");
  Result R = run({"-p", Src});
  EXPECT_EQ(R.Code, 1) << R.Err;
  EXPECT_NE(R.Err.find("2 translation units analyzed, 1 finding"),
            std::string::npos)
      << R.Err;
  // The header's finding is reported once, not once per TU.
  EXPECT_EQ(llvm::StringRef(R.Out).count("warning:"), 1u) << R.Out;
  // -p also takes the database file itself, and named sources narrow it.
  Result One =
      run({"-p", path("src/compile_commands.json"), path("src/two.cpp")});
  EXPECT_EQ(One.Code, 1) << One.Err;
  EXPECT_NE(One.Err.find("1 translation unit analyzed, 1 finding"),
            std::string::npos)
      << One.Err;
}

TEST_F(Cli, PrintWdkFlagsGivesAUsableProfile) {
  Result R = run({"--print-wdk-flags"});
  EXPECT_EQ(R.Code, 0);
  EXPECT_NE(R.Out.find("--target=x86_64-w64-windows-gnu\n"), std::string::npos);
  EXPECT_NE(R.Out.find("kstidy-wdk-compat.h\n"), std::string::npos);
  EXPECT_NE(R.Out.find("/usr/share/mingw-w64/include/ddk\n"),
            std::string::npos);
}

TEST_F(Cli, ReplayRejectsWhatIsNotAModelExport) {
  Result Missing = run({"--replay=" + path("nope.json")});
  EXPECT_EQ(Missing.Code, 2);
  EXPECT_EQ(Missing.errLines(), 1u) << Missing.Err;
  Result NotJson = run({"--replay=" + write("bad.json", "{oops")});
  EXPECT_EQ(NotJson.Code, 2);
  EXPECT_EQ(NotJson.errLines(), 1u) << NotJson.Err;
  Result Other =
      run({"--replay=" + write("other.json", "{\"schema\": \"x\"}")});
  EXPECT_EQ(Other.Code, 2);
  EXPECT_NE(Other.Err.find("not a kstidy model export"), std::string::npos);
}

TEST_F(Cli, ExportThenReplayObservesTheFailure) {
  std::string Model = path("model.json");
  Result Export =
      run({"--export-model=" + Model, write("a.cpp", BadTable), "--"});
  EXPECT_EQ(Export.Code, 1) << Export.Err;
  Result Replay = run({"--replay=" + Model});
  EXPECT_EQ(Replay.Code, 1) << Replay.Err;
  EXPECT_NE(Replay.Out.find("[ks-property-item-size]"), std::string::npos)
      << Replay.Out;
  EXPECT_NE(Replay.Out.find("STATUS_INVALID_PARAMETER"), std::string::npos)
      << Replay.Out;
}

TEST_F(Cli, ReplaySendsMethodsAndEventsThroughTheirOwnDispatchers) {
  std::string Model = path("methods.json");
  Result Export =
      run({"--export-model=" + Model, write("m.cpp", R"(#include <ntddk.h>
#include <ks.h>
static const GUID S = {0x72, 0x20, 0x30, {1, 2, 3, 4, 5, 6, 7, 8}};
static NTSTATUS Alloc(PIRP, PKSMETHOD, PVOID Data) {
  *(PVOID *)Data = NULL;
  return STATUS_SUCCESS;
}
static const KSMETHOD_ITEM Methods[] = {
    DEFINE_KSMETHOD_ITEM(0, KSMETHOD_TYPE_WRITE, Alloc, sizeof(KSMETHOD), 4,
                         NULL),
};
static const KSMETHOD_SET MethodSets[] = {{&S, 1, Methods}};
static const KSEVENT_ITEM Events[] = {
    DEFINE_KSEVENT_ITEM(0, sizeof(ULONG), 0, NULL, NULL, NULL),
};
static const KSEVENT_SET EventSets[] = {{&S, 1, Events}};
NTSTATUS Call(PIRP Irp, PLIST_ENTRY List) {
  KsEnableEvent(Irp, 1, EventSets, List, KSEVENTS_NONE, NULL);
  return KsMethodHandler(Irp, 1, MethodSets);
}
)"),
           "--"});
  EXPECT_EQ(Export.Code, 1) << Export.Err;
  Result Replay = run({"--replay=" + Model});
  EXPECT_EQ(Replay.Code, 1) << Replay.Err;
  // The method handler ran on the 4-byte buffer MinData lets through...
  EXPECT_NE(Replay.Out.find("handler 'Alloc' writes 8 bytes into a 4-byte "
                            "Data buffer"),
            std::string::npos)
      << Replay.Out;
  EXPECT_NE(Replay.Out.find("through KsMethodHandler"), std::string::npos)
      << Replay.Out;
  // ...and the event was enabled with the 4 bytes DataInput lets through.
  EXPECT_NE(Replay.Out.find("has DataInput 4, less than sizeof(KSEVENTDATA) "
                            "(32)"),
            std::string::npos)
      << Replay.Out;
  EXPECT_NE(Replay.Out.find("through KsEnableEvent"), std::string::npos)
      << Replay.Out;
}

TEST_F(Cli, CompareConfirmsOrExitsOne) {
  Result Confirmed = run({"--compare", write("a.cpp", BadTable), "--"});
  EXPECT_EQ(Confirmed.Code, 0) << Confirmed.Out << Confirmed.Err;
  EXPECT_NE(Confirmed.Out.find("confirmed     ks-property-item-size"),
            std::string::npos)
      << Confirmed.Out;
  // A documentation-level contract has no runtime witness: static-only.
  Result StaticOnly = run({"--compare", write("app.cpp", R"(#include <windows.h>
#include <dshow.h>
#include <ks.h>
#include <ksmedia.h>
#include <ksproxy.h>
void Use(IKsAllocatorEx *Allocator) {}
)"),
                           "--"});
  EXPECT_EQ(StaticOnly.Code, 1) << StaticOnly.Out << StaticOnly.Err;
  EXPECT_NE(
      StaticOnly.Out.find("static-only   ks-allocator-ex-application-use"),
      std::string::npos)
      << StaticOnly.Out;
}

TEST_F(Cli, MsBuildDatabaseWithClCommandsAndPrecompiledHeaders) {
  std::string Src = path("msbuild");
  write("msbuild/pch.h", "#pragma once\n");
  write("msbuild/table.cpp", std::string(BadTable));
  // What an MSBuild export made on Windows holds: cl.exe, /I into a WDK
  // that is not on this host, /D, /std:, and a precompiled header.
  write(
      "msbuild/compile_commands.json",
      "[{\"directory\": \"" + Src +
          "\", \"arguments\": [\"C:\\\\VS\\\\bin\\\\cl.exe\", \"/nologo\", "
          "\"/c\", \"/W4\", \"/kernel\", \"/IC:\\\\Program Files "
          "(x86)\\\\Windows "
          "Kits\\\\10\\\\Include\\\\10.0.22621.0\\\\km\", \"/D\", \"_AMD64_\", "
          "\"/DKSTIDY_MSBUILD=1\", \"/std:c++17\", \"/Yupch.h\", "
          "\"/FpDebug\\\\avs.pch\", \"/EHsc-\", \"table.cpp\"], \"file\": "
          "\"table.cpp\"}]");
  Result R = run({"-p", Src});
  EXPECT_EQ(R.Code, 1) << R.Out << R.Err;
  EXPECT_NE(R.Out.find("table.cpp:4:61: warning: PropertyItemSize 76"),
            std::string::npos)
      << R.Out << R.Err;
  EXPECT_NE(R.Err.find("dropped precompiled-header flags"), std::string::npos)
      << R.Err;
  EXPECT_EQ(llvm::StringRef(R.Err).count("dropped precompiled-header"), 1u);
  EXPECT_NE(R.Err.find("0 translation units with compile errors"),
            std::string::npos)
      << R.Err;
}

// --- reliability (docs/reliability.md): each reproduces a defect ----------

// A database made on another machine names directories that do not exist
// here; ClangTool gave up the whole process on them ("Cannot chdir").
TEST_F(Cli, CompileCommandInAMissingDirectorySkipsOnlyThatTu) {
  std::string Db = path("db");
  std::string Bad = write("db/bad.cpp", BadTable);
  std::string Away = write("db/away.cpp", GoodTable);
  std::string Odd = write("db/odd.cpp", GoodTable);
  write("db/compile_commands.json",
        "[{\"directory\": \"/nonexistent/build\", \"file\": \"" + Away +
            "\", \"arguments\": [\"clang\", \"" + Away +
            "\"]},"
            "{\"directory\": 5, \"file\": \"" +
            Odd + "\", \"arguments\": [\"clang\", \"" + Odd +
            "\"]},"
            "{\"directory\": \"" +
            Db + "\", \"file\": \"" + Bad +
            "\", \"arguments\": [\"clang\", \"" + Bad + "\"]}]");
  Result R = run({"-p", Db, Away, Odd, Bad});
  EXPECT_EQ(R.Code, 1) << R.Err;
  EXPECT_NE(R.Out.find("bad.cpp:4:"), std::string::npos) << R.Out << R.Err;
  EXPECT_NE(R.Err.find("away.cpp: not analysed: its compile command's "
                       "directory \"/nonexistent/build\" does not exist"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("odd.cpp: not analysed"), std::string::npos) << R.Err;
  EXPECT_EQ(llvm::StringRef(R.Err).count("Stack dump"), 0u) << R.Err;
}

// A compile database from an untrusted pull request must not make kstidy
// create or overwrite files.
TEST_F(Cli, CompileCommandsCannotMakeKstidyWriteFiles) {
  std::string Db = path("wdb");
  std::string Src = write("wdb/bad.cpp", BadTable);
  auto Q = [](const std::string &S) { return "\"" + S + "\""; };
  std::vector<std::string> Args = {"clang",
                                   "-MJ",
                                   path("frag.json"),
                                   "-Xclang",
                                   "-stats-file=" + path("stats.txt"),
                                   "-Xclang",
                                   "-dependency-file",
                                   "-Xclang",
                                   path("dep.d"),
                                   "-Xclang",
                                   "-MT",
                                   "-Xclang",
                                   "x",
                                   "-Xclang",
                                   "-header-include-file",
                                   "-Xclang",
                                   path("hdr.txt"),
                                   "-module-dependency-dir",
                                   path("moddir"),
                                   "-MD",
                                   "-MF",
                                   path("mf.d"),
                                   "-Wp,-MMD," + path("wp.d"),
                                   Src};
  std::string Json = "[{\"directory\": " + Q(Db) + ", \"file\": " + Q(Src) +
                     ", \"arguments\": [";
  for (size_t I = 0; I < Args.size(); ++I)
    Json += (I ? ", " : "") + Q(Args[I]);
  write("wdb/compile_commands.json", Json + "]}]");
  Result R = run({"-p", Db, Src});
  EXPECT_EQ(R.Code, 1) << R.Err;
  EXPECT_NE(R.Out.find("bad.cpp:4:"), std::string::npos) << R.Out << R.Err;
  for (const char *Made :
       {"frag.json", "stats.txt", "dep.d", "hdr.txt", "moddir", "mf.d", "wp.d"})
    EXPECT_FALSE(llvm::sys::fs::exists(path(Made))) << Made << " was written";
  EXPECT_NE(R.Err.find("ignored flags that would write files"),
            std::string::npos)
      << R.Err;
}

TEST_F(Cli, AFullStandardOutputIsAnError) {
  Result R = run({write("bad.cpp", BadTable), "--"}, "/dev/full");
  EXPECT_EQ(R.Code, 2) << R.Err;
  EXPECT_NE(R.Err.find("cannot write standard output: No space left on device"),
            std::string::npos)
      << R.Err;
  Result O = run({"-o", "/dev/full", write("bad2.cpp", BadTable), "--"});
  EXPECT_EQ(O.Code, 2) << O.Err;
  EXPECT_NE(O.Err.find("cannot write /dev/full: No space left on device"),
            std::string::npos)
      << O.Err;
}

TEST_F(Cli, OutputThroughALinkKeepsTheLink) {
  std::string Src = write("bad.cpp", BadTable);
  write("report.txt", "old");
  ASSERT_FALSE(llvm::sys::fs::create_link("report.txt", path("latest.txt")));
  Result R = run({"-o", path("latest.txt"), Src, "--"});
  EXPECT_EQ(R.Code, 1) << R.Err;
  llvm::sys::fs::file_status St;
  ASSERT_FALSE(llvm::sys::fs::status(path("latest.txt"), St, false));
  EXPECT_EQ(St.type(), llvm::sys::fs::file_type::symlink_file);
  auto B = llvm::MemoryBuffer::getFile(path("report.txt"));
  ASSERT_TRUE(B);
  EXPECT_NE((*B)->getBuffer().find("PropertyItemSize 76"),
            llvm::StringRef::npos);
}

// Opening a FIFO waits for a writer: an #include of one hung forever.
TEST_F(Cli, AnIncludedFifoIsRefusedNotWaitedFor) {
  ASSERT_EQ(::mkfifo(path("pipe.h").c_str(), 0600), 0);
  std::string Src = write("uses.cpp", "#include \"pipe.h\"\nint x;\n");
  Result R = run({Src, "--"}); // run() gives up after 300 s: a hang fails
  EXPECT_EQ(R.Code, 3) << R.Err;
  EXPECT_NE(R.Err.find("pipe.h"), std::string::npos) << R.Err;
}

// Deeply nested input crashed every reader (LLVM's parsers recurse).
TEST_F(Cli, NestingBombsAreInputErrors) {
  std::string Bomb = write("bomb.json", std::string(100000, '['));
  std::string Src = write("good.cpp", GoodTable);
  std::string YamlBomb = "Checks: " + std::string(100000, '[');
  write("cfg/.clang-tidy", YamlBomb);
  std::string InCfg = write("cfg/good.cpp", GoodTable);
  std::vector<std::vector<std::string>> Runs = {
      {"--replay=" + Bomb},
      {"--baseline=" + Bomb, Src, "--"},
      {"-p", Bomb, Src},
      {"--config=" + YamlBomb, Src, "--"},
      {"--config-file=" + write("bomb.yaml", YamlBomb), Src, "--"},
      {InCfg, "--"},
      {"merge-sarif", Bomb, "-o", path("m.sarif")}};
  for (const auto &Args : Runs) {
    Result R = run(Args);
    EXPECT_EQ(R.Code, 2) << Args.front() << ": " << R.Err;
    EXPECT_EQ(R.errLines(), 1u) << R.Err;
    EXPECT_NE(R.Err.find("nested deeper than 256 levels"), std::string::npos)
        << R.Err;
  }
}

TEST_F(Cli, MalformedSarifShardIsAnErrorNotDropped) {
  std::string Src = write("bad.cpp", BadTable);
  Result S = run({"--format=sarif", "-o", path("a.sarif"), Src, "--"});
  ASSERT_EQ(S.Code, 1) << S.Err;
  auto B = llvm::MemoryBuffer::getFile(path("a.sarif"));
  ASSERT_TRUE(B);
  std::string Log((*B)->getBuffer());
  size_t At = Log.find("\"locations\": [");
  ASSERT_NE(At, std::string::npos);
  std::string Broken =
      Log.substr(0, At) + "\"locations\": [5], \"x\": [" + Log.substr(At + 14);
  write("broken.sarif", Broken);
  Result R = run({"merge-sarif", path("a.sarif"), path("broken.sarif"), "-o",
                  path("m.sarif")});
  EXPECT_EQ(R.Code, 2) << R.Err;
  EXPECT_NE(R.Err.find("broken.sarif: run 0, result 0: a location is not an "
                       "object"),
            std::string::npos)
      << R.Err;
  EXPECT_FALSE(llvm::sys::fs::exists(path("m.sarif")));
}

TEST_F(Cli, InvalidCheckOptionIsAConfigurationError) {
  Result R = run({"--config={CheckOptions: {ks-property-item-size.Assume64Bit: "
                  "maybe}}",
                  write("bad.cpp", BadTable), "--"});
  EXPECT_EQ(R.Code, 2) << R.Out << R.Err;
  EXPECT_EQ(R.errLines(), 1u) << R.Err;
  EXPECT_NE(R.Err.find("invalid configuration value 'maybe' for option "
                       "'ks-property-item-size.Assume64Bit'"),
            std::string::npos)
      << R.Err;
  EXPECT_EQ(R.Out, "");
}

TEST_F(Cli, UnreadableInputsSayWhy) {
  ASSERT_FALSE(llvm::sys::fs::create_link("loop2.cpp", path("loop1.cpp")));
  ASSERT_FALSE(llvm::sys::fs::create_link("loop1.cpp", path("loop2.cpp")));
  Result R = run({path("loop1.cpp"), "--"});
  EXPECT_EQ(R.Code, 2);
  EXPECT_NE(R.Err.find("loop1.cpp: not analysed: too many levels of symbolic "
                       "links"),
            std::string::npos)
      << R.Err;
}

// Visual Studio saves some sources as UTF-16: read, at the right lines.
TEST_F(Cli, Utf16SourceIsAnalysedAtTheRightLines) {
  std::string Utf16 = "\xFF\xFE";
  for (char C : std::string(BadTable)) {
    Utf16 += C;
    Utf16 += '\0';
  }
  std::string Src = write("wide.cpp", Utf16);
  Result R = run({Src, "--"});
  EXPECT_EQ(R.Code, 1) << R.Err;
  EXPECT_NE(R.Out.find("wide.cpp:4:61: warning: PropertyItemSize 76"),
            std::string::npos)
      << R.Out << R.Err;
  EXPECT_NE(R.Err.find("UTF-16 text read through its UTF-8 transcoding"),
            std::string::npos)
      << R.Err;
}

// A generated initializer of 60,000 terms: clang parses it; the model's
// walks over it were recursive and overflowed the stack.
TEST_F(Cli, DeepInitializerExpressionsDoNotOverflow) {
  std::string Terms;
  for (int I = 0; I < 60000; ++I)
    Terms += I ? "+sizeof(KSPROPERTY)" : "sizeof(KSPROPERTY)";
  std::string Src = write(
      "deep.cpp", "#include <ntddk.h>\n#include <ks.h>\n"
                  "NTSTATUS H(PIRP, PKSIDENTIFIER, PVOID);\n"
                  "const KSPROPERTY_ITEM Items[] = {{1, (PFNKSHANDLER)H, " +
                      Terms + ", 4, 0, 0, 0, 0, 0, 0}};\n");
  Result R = run({"-j", "1", Src, "--"});
  EXPECT_EQ(R.Code, 0) << R.Err.substr(0, 2000);
}

// Code an #if leaves out is never parsed: its tables are named, not passed
// over in silence; with the define they are analysed.
TEST_F(Cli, TablesInSkippedCodeAreNamed) {
  write("feature.h", "#pragma once\n#include <ntddk.h>\n#include <ks.h>\n"
                     "static const KSPROPERTY_ITEM HeaderItems[] = {};\n");
  std::string Src = write(
      "drv.cpp",
      "#include <ntddk.h>\n#include <ks.h>\n"
      "#ifdef FEATURE_X\n#include \"feature.h\"\n"
      "NTSTATUS D(PIRP Irp) {\n"
      "  return KsPropertyHandlerWithAllocator(Irp, 0, NULL, NULL, 76);\n}\n"
      "static const KSPROPERTY_ITEM SkippedItems[] = {};\n"
      "#endif\n"
      "#if defined(V2)\nstatic const KSEVENT_ITEM Both[] = {};\n"
      "#else\nstatic const KSEVENT_ITEM Both[] = {};\n#endif\n");
  Result R = run({Src, "--"});
  EXPECT_EQ(R.Code, 0) << R.Err;
  EXPECT_NE(R.Err.find("drv.cpp was not analysed: SkippedItems "
                       "(property item table) (in code this build leaves out: "
                       "#ifdef FEATURE_X; define what it needs (-D)"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("feature.h was not analysed: HeaderItems (property "
                       "item table) (in a header included only from code this "
                       "build leaves out (drv.cpp:3: #ifdef FEATURE_X)"),
            std::string::npos)
      << R.Err;
  EXPECT_EQ(R.Err.find("Both"), std::string::npos) << R.Err;
  Result On = run({Src, "--", "-DFEATURE_X"});
  EXPECT_EQ(On.Code, 1) << On.Err;
  EXPECT_NE(On.Out.find("drv.cpp:6:61: warning: PropertyItemSize 76"),
            std::string::npos)
      << On.Out << On.Err;
  EXPECT_EQ(On.Err.find("leaves out"), std::string::npos) << On.Err;
  // JSON carries them with the other tables it could not analyse.
  Result J = run({"--format=json", Src, "--"});
  EXPECT_NE(J.Out.find("\"name\": \"SkippedItems\""), std::string::npos)
      << J.Out;
}

// Found by fuzzing the model reader: an export without the locations the
// replay copies (hand-edited, truncated) crashed it.
TEST_F(Cli, ReplayOfAnExportWithoutLocationsDoesNotCrash) {
  for (
      const char *Doc :
      {R"({"schema":"kstidy-model","version":1,"translationUnits":[{"automationTables":[{"framework":"ks","event":{}}]}]})",
       R"({"schema":"kstidy-model","version":1,"translationUnits":[{"automationTables":[{"framework":"ks","property":{}}]}]})",
       R"({"schema":"kstidy-model","version":1,"translationUnits":[{"dispatchCalls":[{"family":"property"}]}]})",
       // Nor a set table without a name (an abort in a build with
       // _GLIBCXX_ASSERTIONS).
       R"({"schema":"kstidy-model","version":1,"translationUnits":[{"setTables":[{"family":"method"}]}]})",
       R"({"schema":"kstidy-model","version":1,"translationUnits":[{"setTables":[{"family":"event"}]}]})"}) {
    Result R = run({"--replay=" + write("m.json", Doc)});
    EXPECT_EQ(R.Code, 0) << Doc << "\n" << R.Err.substr(0, 500);
  }
}

// Found by fuzzing: a header name that is not UTF-8 reached the JSON and
// SARIF writers (an assertion in builds with assertions).
TEST_F(Cli, NonUtf8NamesGiveValidJsonAndSarif) {
  std::string Src = write("bytes.cpp", "#include <\xDF\xFF.h>\nint x;\n");
  for (const char *Format : {"--format=json", "--format=sarif"}) {
    Result R = run({Format, Src, "--"});
    EXPECT_EQ(R.Code, 3) << R.Err;
    auto Doc = llvm::json::parse(R.Out);
    EXPECT_TRUE(static_cast<bool>(Doc)) << Format;
    if (!Doc)
      llvm::consumeError(Doc.takeError());
  }
}

} // namespace