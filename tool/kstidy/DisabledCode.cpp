//===- DisabledCode.cpp
//----------------------------------------------------===//
#include "DisabledCode.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

#include <cctype>
#include <set>
#include <tuple>

namespace ks {

namespace {

struct Token {
  llvm::StringRef Text; ///< an identifier, or one punctuation character
  unsigned Line;
};

/// Identifiers and punctuation of \p Text, without comments, string and
/// character literals, numbers or whitespace.
std::vector<Token> lex(llvm::StringRef Text, unsigned FirstLine) {
  std::vector<Token> Out;
  unsigned Line = FirstLine;
  auto IsIdStart = [](char C) {
    return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || C == '_';
  };
  auto IsId = [&](char C) { return IsIdStart(C) || (C >= '0' && C <= '9'); };
  for (size_t I = 0; I < Text.size();) {
    char C = Text[I];
    if (C == '\n') {
      ++Line, ++I;
    } else if (Text.substr(I).starts_with("//")) {
      while (I < Text.size() && Text[I] != '\n')
        ++I;
    } else if (Text.substr(I).starts_with("/*")) {
      size_t End = Text.find("*/", I + 2);
      End = End == llvm::StringRef::npos ? Text.size() : End + 2;
      Line += Text.slice(I, End).count('\n');
      I = End;
    } else if (C == '"' || C == '\'') {
      size_t J = I + 1;
      while (J < Text.size() && Text[J] != C && Text[J] != '\n')
        J += Text[J] == '\\' ? 2 : 1;
      I = J + 1;
    } else if (IsIdStart(C)) {
      size_t J = I;
      while (J < Text.size() && IsId(Text[J]))
        ++J;
      Out.push_back({Text.slice(I, J), Line});
      I = J;
    } else if (C >= '0' && C <= '9') {
      while (I < Text.size() && IsId(Text[I]))
        ++I;
    } else {
      if (C != ' ' && C != '\t' && C != '\r')
        Out.push_back({Text.substr(I, 1), Line});
      ++I;
    }
  }
  return Out;
}

bool isIdentifier(llvm::StringRef T) {
  return !T.empty() &&
         (std::isalpha(static_cast<unsigned char>(T[0])) || T[0] == '_');
}

/// "property", "method" or "event" for PROPERTY / METHOD / EVENT.
std::string family(llvm::StringRef Upper) { return Upper.lower(); }

/// The kind of table a declaration's type or defining macro names, or "".
/// \p Macro: the form `NAME(table)`; otherwise `TYPE table [` / `TYPE table =`.
std::string tableKind(llvm::StringRef Word, bool &Macro) {
  Macro = false;
  for (llvm::StringRef F : {"PROPERTY", "METHOD", "EVENT"}) {
    if (Word == ("KS" + F + "_ITEM").str())
      return family(F) + " item table";
    if (Word == ("PC" + F + "_ITEM").str())
      return "PortCls " + family(F) + " item table";
    if (Word == ("KS" + F + "_SET").str())
      return family(F) + " set table";
    if (Word == ("DEFINE_KS" + F + "_TABLE").str()) {
      Macro = true;
      return family(F) + " item table";
    }
    if (Word == ("DEFINE_KS" + F + "_SET_TABLE").str()) {
      Macro = true;
      return family(F) + " set table";
    }
  }
  if (Word == "KSAUTOMATION_TABLE" || Word == "PCAUTOMATION_TABLE")
    return "automation table";
  if (Word == "DEFINE_KSAUTOMATION_TABLE" ||
      Word.starts_with("DEFINE_PCAUTOMATION_TABLE")) {
    Macro = true;
    return "automation table";
  }
  return "";
}

/// The text of the line holding \p Offset in \p Buffer, trimmed.
llvm::StringRef lineAt(llvm::StringRef Buffer, size_t Offset) {
  size_t Begin = Buffer.rfind('\n', Offset);
  Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
  size_t End = Buffer.find('\n', Offset);
  return Buffer.slice(Begin, End).trim();
}

/// The `#include "x"` / `#include <x>` directives of a skipped block
/// (names, and whether angled).
std::vector<std::pair<std::string, bool>>
skippedIncludes(llvm::StringRef Text) {
  std::vector<std::pair<std::string, bool>> Out;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    Line = Line.trim();
    if (!Line.consume_front("#"))
      continue;
    Line = Line.ltrim();
    if (!Line.consume_front("include"))
      continue;
    Line = Line.ltrim();
    char Close = Line.starts_with("<") ? '>' : Line.starts_with("\"") ? '"' : 0;
    if (!Close)
      continue; // a macro names the header: unknown
    size_t End = Line.find(Close, 1);
    if (End == llvm::StringRef::npos || End == 1)
      continue;
    Out.push_back({Line.slice(1, End).str(), Close == '>'});
  }
  return Out;
}

} // namespace

std::vector<DisabledTable> scanDisabledTables(llvm::StringRef Text,
                                              unsigned FirstLine) {
  std::vector<DisabledTable> Out;
  std::vector<Token> T = lex(Text, FirstLine);
  for (size_t I = 0; I + 2 < T.size(); ++I) {
    bool Macro;
    std::string Kind = tableKind(T[I].Text, Macro);
    if (Kind.empty())
      continue;
    if (Macro) {
      // DEFINE_KSPROPERTY_TABLE(Name) / DEFINE_PCAUTOMATION_TABLE_PROP(Name,
      // ...)
      if (T[I + 1].Text == "(" && isIdentifier(T[I + 2].Text))
        Out.push_back({T[I + 2].Text.str(), Kind, T[I + 2].Line});
      continue;
    }
    // TYPE Name[ ... ] or (automation tables, single objects) TYPE Name =
    if (isIdentifier(T[I + 1].Text) &&
        (T[I + 2].Text == "[" ||
         (Kind == "automation table" && T[I + 2].Text == "=")))
      Out.push_back({T[I + 1].Text.str(), Kind, T[I + 1].Line});
  }
  return Out;
}

std::string
DisabledTableRecorder::directiveLine(clang::SourceLocation Loc) const {
  const clang::SourceManager &SM = PP.getSourceManager();
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return "";
  std::string Line = lineAt(Buffer, Offset).str();
  // "# if  X" reads as "#if X".
  llvm::StringRef L(Line);
  if (L.consume_front("#"))
    Line = "#" + L.ltrim().str();
  return Line;
}

void DisabledTableRecorder::Else(clang::SourceLocation Loc,
                                 clang::SourceLocation IfLoc) {
  Branches.push_back({Loc, IfLoc});
}

void DisabledTableRecorder::Elif(clang::SourceLocation Loc, clang::SourceRange,
                                 ConditionValueKind,
                                 clang::SourceLocation IfLoc) {
  Branches.push_back({Loc, IfLoc});
}

void DisabledTableRecorder::SourceRangeSkipped(clang::SourceRange Range,
                                               clang::SourceLocation) {
  const clang::SourceManager &SM = PP.getSourceManager();
  clang::SourceLocation Begin = Range.getBegin(), End = Range.getEnd();
  if (Begin.isInvalid() || Begin.isMacroID() || SM.isInSystemHeader(Begin))
    return;
  auto [File, BeginOffset] = SM.getDecomposedLoc(Begin);
  auto [EndFile, EndOffset] = SM.getDecomposedLoc(End);
  if (File != EndFile || EndOffset < BeginOffset)
    return;
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || EndOffset > Buffer.size())
    return;
  const unsigned FirstLine = SM.getLineNumber(File, BeginOffset);
  const llvm::StringRef Text = Buffer.slice(BeginOffset, EndOffset);
  std::vector<DisabledTable> Tables = scanDisabledTables(Text, FirstLine);
  if (Tables.empty() && !Text.contains("include"))
    return;
  // The condition: the directive that opens the skipped block, and for an
  // #else / #elif block the #if it belongs to.
  std::string Condition = directiveLine(Begin);
  llvm::StringRef C(Condition);
  if (C.starts_with("#else") || C.starts_with("#elif")) {
    for (const auto &[BranchLoc, IfLoc] : Branches)
      if (SM.getFileID(BranchLoc) == File &&
          SM.getSpellingLineNumber(BranchLoc) == FirstLine) {
        Condition += " (of " + directiveLine(IfLoc) + ")";
        break;
      }
  }
  // Named as clang names the file, as the other blind spots are.
  clang::PresumedLoc P = SM.getPresumedLoc(Begin);
  std::string Path = P.isValid() ? P.getFilename() : "";
  const std::string Where =
      llvm::sys::path::filename(Path).str() + ":" + std::to_string(FirstLine);
  auto Record = [&](DisabledTable &T, const std::string &File,
                    const std::string &Reason) {
    BlindSpot B;
    B.Name = std::move(T.Name);
    B.Kind = std::move(T.Kind);
    B.Where.File = File;
    B.Where.Line = T.Line;
    B.Where.Column = 1;
    B.Reason = Reason;
    B.Disabled = true;
    Pending.push_back(std::move(B));
  };
  for (DisabledTable &T : Tables)
    Record(T, Path,
           "in code this build leaves out: " + Condition +
               "; define what it needs (-D) to have it analysed");
  // Headers included only from the skipped block are never opened: their
  // tables are left out too, and so are those of the headers they include
  // (followed three levels deep, each header once per block).
  const std::string HeaderReason =
      "in a header included only from code this build leaves out (" + Where +
      ": " + Condition + "); define what it needs (-D) to have it analysed";
  std::set<std::string> Visited;
  std::vector<std::tuple<std::string, bool, std::string, int>> Work;
  for (const auto &[Name, Angled] : skippedIncludes(Text))
    Work.push_back({Name, Angled, "", 0});
  while (!Work.empty()) {
    auto [Name, Angled, FromDir, Depth] = Work.back();
    Work.pop_back();
    clang::OptionalFileEntryRef Header;
    // A quoted include looks beside its includer first.
    if (!Angled && !FromDir.empty()) {
      llvm::SmallString<256> Beside(FromDir);
      llvm::sys::path::append(Beside, Name);
      Header = SM.getFileManager().getOptionalFileRef(Beside);
    }
    if (!Header) {
      clang::ConstSearchDirIterator CurDir = nullptr;
      Header = PP.LookupFile(Begin, Name, Angled, nullptr, nullptr, &CurDir,
                             nullptr, nullptr, nullptr, nullptr, nullptr,
                             /*SkipCache=*/false, /*OpenFile=*/false,
                             /*CacheFailures=*/false);
      if (Header && CurDir && CurDir->isSystemHeaderDirectory())
        continue; // the WDK's or the SDK's: not the driver's tables
    }
    if (!Header || !Visited.insert(Header->getName().str()).second)
      continue;
    auto Buf = SM.getFileManager().getBufferForFile(*Header);
    if (!Buf)
      continue;
    llvm::StringRef HeaderText = (*Buf)->getBuffer();
    std::string HeaderPath = Header->getName().str();
    for (DisabledTable &T : scanDisabledTables(HeaderText, 1))
      Record(T, HeaderPath, HeaderReason);
    if (Depth < 3)
      for (const auto &[Inner, InnerAngled] : skippedIncludes(HeaderText))
        Work.push_back({Inner, InnerAngled,
                        llvm::sys::path::parent_path(HeaderPath).str(),
                        Depth + 1});
  }
}

void DisabledTableRecorder::EndOfMainFile() {
  // A name the compiled code knows (the other branch of the same #if
  // defines the table) is analysed there: not a blind spot. Skipped code
  // never enters the identifier table. A name from a shared preamble is in
  // the table only once something looked it up: asked of the preamble.
  const clang::IdentifierTable &Ids = PP.getIdentifierTable();
  clang::IdentifierInfoLookup *Preamble = Ids.getExternalIdentifierLookup();
  for (BlindSpot &B : Pending)
    if (Unfiltered ||
        (Ids.find(B.Name) == Ids.end() && !(Preamble && Preamble->get(B.Name))))
      Out.push_back(std::move(B));
  Pending.clear();
}

} // namespace ks
