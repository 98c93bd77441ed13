//===- OptionsTest.cpp - The option table, --help and README.md agree -----===//
//
// Every option is one row of ks::optionTable(): the parser and --help read
// it, and README.md's "Options" table must document every row and nothing
// else.
//
//===----------------------------------------------------------------------===//
#include "Options.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

using namespace ks;

namespace {

/// How a row is spelled in documentation: "-p", "--checks", or for a
/// subcommand "kstidy merge-sarif".
std::string documentedSpelling(const OptionSpec &S) {
  llvm::StringRef Synopsis = S.Synopsis;
  if (S.Kind == OptionKind::Command)
    return "kstidy " + std::string(S.Name);
  return Synopsis.take_until([](char C) { return C == '=' || C == ' '; }).str();
}

/// The spellings in the first column of README.md's option table.
std::set<std::string> readmeSpellings() {
  llvm::SmallString<256> Path(KSTIDY_TEST_SOURCE_DIR);
  llvm::sys::path::append(Path, "README.md");
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  EXPECT_TRUE(bool(Buf)) << "cannot read " << Path.str().str();
  std::set<std::string> Out;
  if (!Buf)
    return Out;
  llvm::StringRef Text = (*Buf)->getBuffer();
  size_t Start = Text.find("\n### Options\n");
  EXPECT_NE(Start, llvm::StringRef::npos) << "README.md has no Options section";
  if (Start == llvm::StringRef::npos)
    return Out;
  llvm::StringRef Section = Text.drop_front(Start + 1);
  Section = Section.take_front(Section.find("\n#", 1));
  llvm::SmallVector<llvm::StringRef> Lines;
  Section.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (!Line.starts_with("| `"))
      continue;
    // The first cell: up to the first " | " (a `\|` inside it has no
    // spaces around it).
    llvm::StringRef Cell = Line.drop_front(2);
    Cell = Cell.take_front(Cell.find(" | "));
    // Each `...` span names one spelling.
    while (true) {
      size_t Open = Cell.find('`');
      size_t Close = Cell.find('`', Open + 1);
      if (Open == llvm::StringRef::npos || Close == llvm::StringRef::npos)
        break;
      llvm::StringRef Span = Cell.slice(Open + 1, Close);
      Cell = Cell.drop_front(Close + 1);
      if (Span.consume_front("kstidy "))
        Out.insert("kstidy " + Span.take_until(llvm::isSpace).str());
      else
        Out.insert(
            Span.take_until([](char C) { return C == '=' || llvm::isSpace(C); })
                .str());
    }
  }
  return Out;
}

TEST(Options, ReadmeDocumentsEveryOptionAndNoOther) {
  std::set<std::string> Documented = readmeSpellings();
  std::set<std::string> Known;
  for (const OptionSpec &S : optionTable()) {
    std::string Spelling = documentedSpelling(S);
    Known.insert(Spelling);
    EXPECT_TRUE(Documented.count(Spelling))
        << Spelling << " is not in README.md's option table";
    if (*S.Alias)
      Known.insert((llvm::StringRef(S.Alias).size() == 1 ? "-" : "--") +
                   std::string(S.Alias));
  }
  for (const std::string &D : Documented)
    EXPECT_TRUE(Known.count(D))
        << "README.md documents " << D << ", which kstidy does not have";
}

TEST(Options, EveryRowIsSpelledAsItsNameAndShownOnce) {
  std::string Help = usageText();
  std::set<std::string> Names;
  for (const OptionSpec &S : optionTable()) {
    EXPECT_TRUE(Names.insert(S.Name).second) << S.Name << " twice";
    std::string Spelling = documentedSpelling(S);
    if (S.Kind != OptionKind::Command)
      EXPECT_EQ(llvm::StringRef(Spelling).ltrim('-'), S.Name);
    EXPECT_EQ(S.Kind == OptionKind::Command, S.Apply == nullptr) << S.Name;
    // A value option shows its value in the synopsis, a flag does not.
    bool ShowsValue = llvm::StringRef(S.Synopsis).contains('<');
    EXPECT_EQ(ShowsValue, S.Kind != OptionKind::Flag) << S.Synopsis;
    // A row of its own: the synopsis, then its help or a line break.
    std::string Row = std::string("\n  ") + S.Synopsis;
    size_t Rows = 0;
    for (size_t At = Help.find(Row); At != std::string::npos;
         At = Help.find(Row, At + 1))
      Rows += At + Row.size() < Help.size() &&
              (Help[At + Row.size()] == ' ' || Help[At + Row.size()] == '\n');
    EXPECT_EQ(Rows, 1u) << S.Synopsis;
  }
}

std::optional<std::string> parse(std::vector<const char *> Args,
                                 CliOptions &O) {
  Args.insert(Args.begin(), "kstidy");
  return parseArgs(static_cast<int>(Args.size()), Args.data(), O);
}

TEST(Options, ValueFormsAreAlike) {
  for (std::vector<const char *> Args :
       {std::vector<const char *>{"--checks=-*,ks-a", "-j", "3"},
        {"--checks", "-*,ks-a", "-j=3"},
        {"-checks", "-*,ks-a", "--j", "3"},
        {"-checks=-*,ks-a", "--j=3"}}) {
    CliOptions O;
    EXPECT_EQ(parse(Args, O), std::nullopt);
    EXPECT_EQ(O.Analysis.ChecksOverride, std::optional<std::string>("-*,ks-a"));
    EXPECT_EQ(O.Jobs, 3u);
  }
}

TEST(Options, ProblemsAreOneLine) {
  CliOptions O;
  EXPECT_EQ(parse({"--nope"}, O),
            std::optional<std::string>(
                "unknown option '--nope' (see kstidy --help)"));
  EXPECT_EQ(parse({"--quiet=yes"}, O),
            std::optional<std::string>("option 'quiet' takes no value"));
  EXPECT_EQ(parse({"--nope=1"}, O),
            std::optional<std::string>("option 'nope' takes no value"));
  EXPECT_EQ(parse({"-o"}, O),
            std::optional<std::string>("option '-o' needs a value"));
  EXPECT_EQ(parse({"--format=xml"}, O),
            std::optional<std::string>(
                "--format must be text, json or sarif, not 'xml'"));
  EXPECT_EQ(parse({"--merge-sarif"}, O),
            std::optional<std::string>(
                "unknown option '--merge-sarif' (see kstidy --help)"));
}

TEST(Options, SourcesProjectsAndCompilerArgs) {
  CliOptions O;
  EXPECT_EQ(parse({"a.cpp", "-h", "d.vcxproj", "-", "--", "-DX", "--quiet"}, O),
            std::nullopt);
  EXPECT_TRUE(O.Help);
  EXPECT_FALSE(O.Quiet);
  EXPECT_EQ(O.Sources, (std::vector<std::string>{"a.cpp", "-"}));
  EXPECT_EQ(O.MsBuildInputs, (std::vector<std::string>{"d.vcxproj"}));
  EXPECT_TRUE(O.HaveCompilerArgs);
  EXPECT_EQ(O.CompilerArgs, (std::vector<std::string>{"-DX", "--quiet"}));
}

} // namespace
