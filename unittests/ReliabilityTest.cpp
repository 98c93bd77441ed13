//===- ReliabilityTest.cpp - bad input and hostile files, unit by unit ----===//
//
// The readers, writers and command-line filters that stand between kstidy
// and files it did not write: nesting bombs, special files, symbolic links,
// full disks, malformed SARIF shards, compile commands that would write
// files, UTF-16 sources. Each test reproduces a defect that once crashed,
// hung or lost output (docs/reliability.md lists them).
//
//===----------------------------------------------------------------------===//
#include "CommandLine.h"
#include "DisabledCode.h"
#include "SafeIO.h"
#include "SarifMerge.h"

#include "ksref/Memory.h"
#include "ksref/PropertyDispatch.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace ks {
namespace {

std::string repeat(llvm::StringRef S, size_t N) {
  std::string Out;
  Out.reserve(S.size() * N);
  for (size_t I = 0; I < N; ++I)
    Out += S;
  return Out;
}

// --- nesting limits (LLVM's JSON and YAML parsers recurse per level) ------

TEST(Nesting, JsonBombIsRefusedBeforeParsing) {
  auto Problem = nestingProblem(repeat("[", 100000), TextSyntax::Json);
  ASSERT_TRUE(Problem);
  EXPECT_NE(Problem->find("nested deeper than 256 levels"), std::string::npos);
  auto Parsed = parseJsonText(repeat("{\"a\":", 50000), "bomb.json");
  ASSERT_FALSE(static_cast<bool>(Parsed));
  EXPECT_NE(llvm::toString(Parsed.takeError()).find("bomb.json"),
            std::string::npos);
}

TEST(Nesting, OrdinaryJsonPasses) {
  std::string Deep = repeat("[", 200) + repeat("]", 200);
  EXPECT_FALSE(nestingProblem(Deep, TextSyntax::Json));
  // Brackets inside strings (escaped quotes too) are text, not nesting.
  std::string InString = "[\"" + repeat("[{", 5000) + "\\\"" + "\"]";
  EXPECT_FALSE(nestingProblem(InString, TextSyntax::Json));
  auto Parsed = parseJsonText(InString, "s.json");
  ASSERT_TRUE(static_cast<bool>(Parsed)) << llvm::toString(Parsed.takeError());
}

TEST(Nesting, YamlFlowBlockAndIndicatorBombsAreRefused) {
  EXPECT_TRUE(
      nestingProblem("Checks: " + repeat("[", 100000), TextSyntax::Yaml));
  std::string Block;
  for (int I = 0; I < 3000; ++I)
    Block += std::string(I, ' ') + "a:\n";
  EXPECT_TRUE(nestingProblem(Block, TextSyntax::Yaml));
  EXPECT_TRUE(nestingProblem(repeat("- ", 30000) + "x\n", TextSyntax::Yaml));
}

// Found by fuzzing: an escaped quote once opened a "string" that hid the
// brackets after it from the count.
TEST(Nesting, QuotesHideNoFlowNesting) {
  EXPECT_TRUE(nestingProblem("Checks: [\"\\\", \", " + repeat("[", 5000),
                             TextSyntax::Yaml));
  EXPECT_TRUE(nestingProblem("[x \"" + repeat("[", 5000), TextSyntax::Yaml));
  EXPECT_TRUE(nestingProblem("a: \"multi\n  line\" \n" + repeat("[", 5000),
                             TextSyntax::Yaml));
}

TEST(Nesting, RealClangTidyConfigurationsPass) {
  const char *Config = "Checks: '-*,ks-*'\n"
                       "WarningsAsErrors: ''\n"
                       "CheckOptions:\n"
                       "  - key: ks-property-item-size.Assume64Bit\n"
                       "    value: true\n"
                       "  ks-allocator-ex-application-use.ProxyFiles: "
                       "'proxy/*.cpp' # [not a bracket]\n"
                       "ExtraArgs: ['-DX=\"[[\"', \"-DY\"]\n";
  EXPECT_FALSE(nestingProblem(Config, TextSyntax::Yaml));
}

// --- writing: atomic for files, direct for devices and FIFOs --------------

class Files : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("kstidy-rel", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }
  std::string path(llvm::StringRef Name) const {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }
  std::string read(llvm::StringRef P) const {
    auto B = llvm::MemoryBuffer::getFile(P);
    return B ? std::string((*B)->getBuffer()) : "<unreadable>";
  }
  void put(llvm::StringRef P, llvm::StringRef Text) const {
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }
  /// Names in the directory: no temporary file may be left behind.
  std::vector<std::string> listing() const {
    std::vector<std::string> Names;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator I(Dir, EC), E; !EC && I != E;
         I.increment(EC))
      Names.push_back(llvm::sys::path::filename(I->path()).str());
    std::sort(Names.begin(), Names.end());
    return Names;
  }
  llvm::SmallString<256> Dir;
};

auto Text(llvm::StringRef S) {
  return [S](llvm::raw_ostream &OS) { OS << S; };
}

TEST_F(Files, ReplacesARegularFileAndKeepsItsPermissions) {
  std::string Out = path("out.txt");
  put(Out, "old");
  ASSERT_EQ(::chmod(Out.c_str(), 0640), 0);
  EXPECT_FALSE(writeAtomically(Out, Text("new")));
  EXPECT_EQ(read(Out), "new");
  struct stat St;
  ASSERT_EQ(::stat(Out.c_str(), &St), 0);
  EXPECT_EQ(St.st_mode & 0777, 0640u);
  EXPECT_EQ(listing(), std::vector<std::string>{"out.txt"});
}

TEST_F(Files, ASymbolicLinkStaysALinkAndItsTargetIsReplaced) {
  std::string Target = path("target.txt"), Link = path("link.txt");
  put(Target, "old");
  ASSERT_EQ(::symlink("target.txt", Link.c_str()), 0);
  EXPECT_FALSE(writeAtomically(Link, Text("new")));
  llvm::sys::fs::file_status St;
  ASSERT_FALSE(llvm::sys::fs::status(Link, St, /*Follow=*/false));
  EXPECT_EQ(St.type(), llvm::sys::fs::file_type::symlink_file);
  EXPECT_EQ(read(Target), "new");
  EXPECT_EQ(listing(), (std::vector<std::string>{"link.txt", "target.txt"}));
}

TEST_F(Files, ADanglingLinkCreatesItsTarget) {
  std::string Link = path("link.txt");
  ASSERT_EQ(::symlink("made.txt", Link.c_str()), 0);
  EXPECT_FALSE(writeAtomically(Link, Text("new")));
  EXPECT_EQ(read(path("made.txt")), "new");
}

TEST_F(Files, AFifoGetsTheBytesAndStaysAFifo) {
  std::string Fifo = path("out.fifo");
  ASSERT_EQ(::mkfifo(Fifo.c_str(), 0600), 0);
  std::string Received;
  std::thread Reader([&] {
    int FD = ::open(Fifo.c_str(), O_RDONLY);
    char Buf[64];
    for (ssize_t N; FD >= 0 && (N = ::read(FD, Buf, sizeof Buf)) > 0;)
      Received.append(Buf, static_cast<size_t>(N));
    if (FD >= 0)
      ::close(FD);
  });
  EXPECT_FALSE(writeAtomically(Fifo, Text("through the pipe")));
  Reader.join();
  EXPECT_EQ(Received, "through the pipe");
  llvm::sys::fs::file_status St;
  ASSERT_FALSE(llvm::sys::fs::status(Fifo, St));
  EXPECT_EQ(St.type(), llvm::sys::fs::file_type::fifo_file);
  EXPECT_EQ(listing(), std::vector<std::string>{"out.fifo"});
}

TEST_F(Files, DevicesAreWrittenNotReplaced) {
  EXPECT_FALSE(writeAtomically("/dev/null", Text("discarded")));
  llvm::sys::fs::file_status St;
  ASSERT_FALSE(llvm::sys::fs::status("/dev/null", St));
  EXPECT_EQ(St.type(), llvm::sys::fs::file_type::character_file);
  // A full device: the reason, not just "cannot write".
  auto Problem = writeAtomically("/dev/full", Text(repeat("x", 1 << 16)));
  ASSERT_TRUE(Problem);
  EXPECT_NE(Problem->find("No space left on device"), std::string::npos)
      << *Problem;
}

TEST_F(Files, ADirectoryIsAnErrorAndNothingIsLeftBehind) {
  auto Problem = writeAtomically(Dir, Text("x"));
  ASSERT_TRUE(Problem);
  EXPECT_NE(Problem->find("is a directory"), std::string::npos);
  auto Missing = writeAtomically(path("no/such/dir/out.txt"), Text("x"));
  ASSERT_TRUE(Missing);
  EXPECT_NE(Missing->find("No such file or directory"), std::string::npos);
  EXPECT_TRUE(listing().empty());
}

TEST_F(Files, UnreadableReasonsNameTheCause) {
  std::string A = path("a"), B = path("b");
  ASSERT_EQ(::symlink("b", A.c_str()), 0);
  ASSERT_EQ(::symlink("a", B.c_str()), 0);
  EXPECT_EQ(unreadableReason(A), "too many levels of symbolic links");
  EXPECT_EQ(unreadableReason(path("none")), "no such file or directory");
  EXPECT_EQ(unreadableReason(Dir), "is a directory");
  put(path("ok"), "x");
  EXPECT_EQ(unreadableReason(path("ok")), "");
}

TEST_F(Files, Utf16SourcesAreReadAsUtf8) {
  const std::string Source = "int x; // caf\xC3\xA9\n";
  std::string Le = "\xFF\xFE", Be = "\xFE\xFF";
  for (unsigned char C : std::string("int x; // caf")) {
    Le += static_cast<char>(C), Le += '\0';
    Be += '\0', Be += static_cast<char>(C);
  }
  Le += "\xE9";
  Le += '\0';
  Le += "\n";
  Le += '\0';
  Be += '\0';
  Be += "\xE9";
  Be += '\0';
  Be += "\n";
  put(path("le.cpp"), Le);
  put(path("be.cpp"), Be);
  for (const char *Name : {"le.cpp", "be.cpp"}) {
    auto Buf = readSourceText(path(Name));
    ASSERT_TRUE(Buf) << Name;
    llvm::StringRef T = Buf->getBuffer();
    T.consume_front("\xEF\xBB\xBF"); // the mark, if kept, is UTF-8's
    EXPECT_EQ(T, Source) << Name;
  }
  put(path("odd.cpp"), std::string("\xFF\xFE\x41", 3)); // half a unit
  EXPECT_FALSE(readSourceText(path("odd.cpp")));
}

// --- compile commands never make kstidy write ------------------------------

TEST(WriterFlags, EveryFileWritingFlagIsDropped) {
  std::vector<std::string> Cmd = {"clang++",
                                  "-DKEEP=1",
                                  "-MJ",
                                  "frag.json",
                                  "-MJother.json",
                                  "-Xclang",
                                  "-stats-file=stats.txt",
                                  "-Xclang",
                                  "-dependency-file",
                                  "-Xclang",
                                  "dep.d",
                                  "-Xclang",
                                  "-header-include-file",
                                  "-Xclang",
                                  "hdr.txt",
                                  "-module-dependency-dir",
                                  "moddir",
                                  "-ftime-trace",
                                  "-ftime-trace=trace.json",
                                  "-save-temps=obj",
                                  "-fmodules",
                                  "-fmodules-cache-path=cache",
                                  "--serialize-diagnostics",
                                  "diag.dia",
                                  "-Wp,-MD,wp.d",
                                  "-Xclang",
                                  "-fms-extensions",
                                  "-Ifoo",
                                  "a.cpp"};
  std::vector<std::string> Dropped = dropFileWritingFlags(Cmd);
  EXPECT_EQ(Cmd,
            (std::vector<std::string>{"clang++", "-DKEEP=1", "-Xclang",
                                      "-fms-extensions", "-Ifoo", "a.cpp"}));
  EXPECT_EQ(Dropped.size(), 13u);
  EXPECT_EQ(Dropped[0], "-MJ frag.json");
  EXPECT_EQ(Dropped[3], "-Xclang -dependency-file -Xclang dep.d");
}

TEST(WriterFlags, ReadOnlyFlagsThatLookAlikeStay) {
  std::vector<std::string> Cmd = {"clang", "-ftime-trace-granularity=5",
                                  "-fmodules-ts", "-fms-compatibility",
                                  "-MJ"}; // a trailing flag without value
  std::vector<std::string> Dropped = dropFileWritingFlags(Cmd);
  EXPECT_EQ(Cmd,
            (std::vector<std::string>{"clang", "-ftime-trace-granularity=5",
                                      "-fmodules-ts", "-fms-compatibility"}));
  EXPECT_EQ(Dropped, std::vector<std::string>{"-MJ"});
}

// --- merge-sarif: malformed shards are errors, never dropped ---------------

std::string shard(llvm::StringRef Results,
                  llvm::StringRef Rules = R"([{"id":"ks-a"},{"id":"ks-b"}])") {
  return (R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"kstidy","rules":)" +
          Rules + R"(}},"results":)" + Results + "}]}")
      .str();
}

std::string result(llvm::StringRef Rule, int Line, llvm::StringRef FP) {
  return (R"({"ruleId":")" + Rule +
          R"(","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///a.cpp"},"region":{"startLine":)" +
          std::to_string(Line) +
          R"(}}}],"partialFingerprints":{"kstidyFingerprint/v1":")" + FP +
          R"("}})")
      .str();
}

std::string errorOf(llvm::StringRef Log) {
  SarifMerger M;
  llvm::Error E = M.add(Log, "shard.sarif");
  return E ? llvm::toString(std::move(E)) : "";
}

TEST(MergeSarif, MalformedResultsAreErrorsNamingTheResult) {
  EXPECT_EQ(
      errorOf(shard(
          R"([{"ruleId":"ks-a","message":{"text":"m"},"locations":[5]}])")),
      "shard.sarif: run 0, result 0: a location is not an object");
  EXPECT_EQ(errorOf(shard("5")),
            "shard.sarif: run 0: \"results\" is not an array");
  EXPECT_EQ(errorOf(shard("[" + result("ks-a", 1, "1") +
                          R"(,{"message":{"text":"m"}}])")),
            "shard.sarif: run 0, result 1: it has no \"ruleId\" string");
  EXPECT_EQ(errorOf(shard("[5]")),
            "shard.sarif: run 0, result 0: not an object");
  EXPECT_EQ(errorOf(R"({"version":"2.1.0","runs":[]} trailing)"),
            "shard.sarif: not JSON (a SARIF log is one JSON object)");
  EXPECT_NE(errorOf(repeat("[", 100000)).find("nested deeper"),
            std::string::npos);
}

// Found by fuzzing (in the sanitizer build): the first run was copied after
// an erase and read a tombstone bucket as a value.
TEST(MergeSarif, ARunWithOddInvocationsIsKept) {
  SarifMerger M;
  EXPECT_FALSE(static_cast<bool>(M.add(
      R"({"runs":[{"invocations":[{},{"":0}],"tool":{"driver":{"name":"kstidy"}}}],"version":"2.1.0"})",
      "odd.sarif")));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  EXPECT_FALSE(static_cast<bool>(M.write(OS)));
  auto Doc = llvm::json::parse(Out);
  ASSERT_TRUE(static_cast<bool>(Doc)) << llvm::toString(Doc.takeError());
}

TEST(MergeSarif, UnitesRulesDeduplicatesAndSortsWhateverTheShardOrder) {
  std::string A =
      shard("[" + result("ks-b", 9, "x") + "," + result("ks-a", 3, "y") + "]");
  std::string B =
      shard("[" + result("ks-c", 1, "z") + "," + result("ks-b", 9, "x") + "]",
            R"([{"id":"ks-c"},{"id":"ks-b"}])");
  auto Merge = [](std::vector<std::string> Logs) {
    SarifMerger M;
    for (const std::string &L : Logs)
      EXPECT_FALSE(static_cast<bool>(M.add(L, "s")));
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    EXPECT_FALSE(static_cast<bool>(M.write(OS)));
    return Out;
  };
  std::string AB = Merge({A, B}), BA = Merge({B, A});
  auto Doc = llvm::json::parse(AB);
  ASSERT_TRUE(static_cast<bool>(Doc)) << llvm::toString(Doc.takeError());
  const llvm::json::Object &Run =
      *(*Doc->getAsObject()->getArray("runs"))[0].getAsObject();
  const llvm::json::Array &Rules =
      *Run.getObject("tool")->getObject("driver")->getArray("rules");
  ASSERT_EQ(Rules.size(), 3u);
  const llvm::json::Array &Results = *Run.getArray("results");
  ASSERT_EQ(Results.size(), 3u); // the shared fingerprint once
  std::vector<int64_t> Lines;
  for (const llvm::json::Value &R : Results) {
    const llvm::json::Object &O = *R.getAsObject();
    int64_t Index = *O.getInteger("ruleIndex");
    EXPECT_EQ(Rules[Index].getAsObject()->getString("id"),
              O.getString("ruleId"));
    Lines.push_back(*(*O.getArray("locations"))[0]
                         .getAsObject()
                         ->getObject("physicalLocation")
                         ->getObject("region")
                         ->getInteger("startLine"));
  }
  EXPECT_EQ(Lines, (std::vector<int64_t>{1, 3, 9}));
  // Rule indices depend on which shard came first; the results do not.
  auto ResultsOf = [](const std::string &Log) {
    auto D = llvm::json::parse(Log);
    std::vector<std::string> Ids;
    for (const auto &R :
         *(*D->getAsObject()->getArray("runs"))[0].getAsObject()->getArray(
             "results"))
      Ids.push_back(R.getAsObject()->getString("ruleId")->str());
    return Ids;
  };
  EXPECT_EQ(ResultsOf(AB), ResultsOf(BA));
}

// --- ksref: one image per table across the requests of a replay -----------

TEST(ReplayCache, RequestsShareOneImageAndAnswerAsWithout) {
  ksref::ItemArray A;
  A.Name = "Items";
  for (uint32_t Id = 0; Id < 64; ++Id) {
    ksref::PropertyItem P;
    P.Id = Id;
    P.MinProperty = 24;
    P.MinData = 4;
    P.Get.Name = "Get" + std::to_string(Id);
    A.Items.push_back(P);
  }
  ksref::PropertySet Set;
  Set.Guid = "{set}";
  Set.PropertiesCount = 64;
  Set.Items = &A;
  ksref::ImageCache Cache;
  ksref::DispatchOptions Cached, Plain;
  Cached.Images = &Cache;
  for (uint32_t Id = 0; Id < 70; ++Id) {
    ksref::PropertyRequest R;
    R.Set = "{set}";
    R.Id = Id;
    R.PropertyLength = 24;
    R.DataLength = 4;
    ksref::DispatchOutcome X = ksref::dispatchProperty({Set}, 1, R, Cached);
    ksref::DispatchOutcome Y = ksref::dispatchProperty({Set}, 1, R, Plain);
    EXPECT_EQ(X.St, Y.St) << Id;
    EXPECT_EQ(X.ItemIndex, Y.ItemIndex) << Id;
    EXPECT_EQ(X.Violations.size(), Y.Violations.size()) << Id;
  }
  EXPECT_EQ(Cache.size(), 1u);
}

// --- tables in code the preprocessor skips ----------------------------------

TEST(DisabledTables, DeclarationsAreFoundLexically) {
  const char *Text = "#ifdef FEATURE\n"
                     "const PCPROPERTY_ITEM Props[] = { {0} };\n"
                     "static const KSEVENT_ITEM\n  Events [2] = {};\n"
                     "DEFINE_KSPROPERTY_TABLE(Filter) { };\n"
                     "DEFINE_KSPROPERTY_SET_TABLE(Sets) { };\n"
                     "const PCAUTOMATION_TABLE Automation = { 0 };\n"
                     "DEFINE_PCAUTOMATION_TABLE_PROP(AutoProp, Props);\n"
                     "#endif\n";
  std::vector<DisabledTable> T = scanDisabledTables(Text, 10);
  ASSERT_EQ(T.size(), 6u);
  EXPECT_EQ(T[0].Name, "Props");
  EXPECT_EQ(T[0].Kind, "PortCls property item table");
  EXPECT_EQ(T[0].Line, 11u);
  EXPECT_EQ(T[1].Name, "Events");
  EXPECT_EQ(T[1].Kind, "event item table");
  EXPECT_EQ(T[1].Line, 13u);
  EXPECT_EQ(T[2].Name, "Filter");
  EXPECT_EQ(T[3].Kind, "property set table");
  EXPECT_EQ(T[4].Name, "Automation");
  EXPECT_EQ(T[5].Name, "AutoProp");
}

TEST(DisabledTables, CommentsStringsPointersAndUsesAreNotTables) {
  const char *Text = "// const KSPROPERTY_ITEM InComment[] = {};\n"
                     "/* PCPROPERTY_ITEM Block[] */\n"
                     "const char *S = \"KSPROPERTY_ITEM InString[\";\n"
                     "PKSPROPERTY_ITEM Pointer[4];\n"
                     "const KSPROPERTY_ITEM *Ptr;\n"
                     "x = sizeof(KSPROPERTY_ITEM);\n"
                     "PCAUTOMATION_TABLE Declared;\n";
  EXPECT_TRUE(scanDisabledTables(Text, 1).empty());
}

} // namespace
} // namespace ks
