//===- KsModelCheck.cpp - Base of the checks that read the KS model -------===//
//
// The #include pointer of KsHeaderFindingsAtInclude (KsModelCheck.h).
//
//===----------------------------------------------------------------------===//
#include "KsModelCheck.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace ks {

namespace {

/// Whether the #include spelling \p Spelled can name \p Path: its
/// components, after any leading "." and "..", end \p Path's.
bool spellingNames(llvm::StringRef Spelled, llvm::StringRef Path) {
  auto Split = [](llvm::StringRef S) {
    llvm::SmallVector<llvm::StringRef, 8> Parts;
    for (llvm::StringRef Rest = S; !Rest.empty();) {
      size_t Cut = Rest.find_first_of("/\\");
      llvm::StringRef Part = Rest.take_front(Cut);
      if (!Part.empty())
        Parts.push_back(Part);
      if (Cut == llvm::StringRef::npos)
        break;
      Rest = Rest.drop_front(Cut + 1);
    }
    return Parts;
  };
  llvm::SmallVector<llvm::StringRef, 8> Name = Split(Spelled);
  llvm::SmallVector<llvm::StringRef, 8> Full = Split(Path);
  size_t First = 0;
  while (First < Name.size() && (Name[First] == "." || Name[First] == ".."))
    ++First;
  size_t Count = Name.size() - First;
  if (Count == 0 || Count > Full.size())
    return false;
  for (size_t I = 0; I < Count; ++I)
    if (!Name[First + I].equals_insensitive(Full[Full.size() - Count + I]))
      return false;
  return true;
}

/// The #include directive of the main file that brings in \p Header: its
/// file name's opening quote. The include location clang keeps is not
/// always the directive (clangd's preamble maps it to the file's start), so
/// the directives are read from the main file's text; \p Recorded breaks a
/// tie and stands when no directive names the header (a macro include).
clang::SourceLocation includeDirective(const clang::SourceManager &SM,
                                       clang::FileID Header,
                                       clang::SourceLocation Recorded) {
  clang::OptionalFileEntryRef Entry = SM.getFileEntryRefForID(Header);
  if (!Entry)
    return Recorded;
  clang::FileID Main = SM.getMainFileID();
  llvm::StringRef Text = SM.getBufferData(Main);
  clang::SourceLocation Start = SM.getLocForStartOfFile(Main);
  unsigned RecordedOffset = SM.getFileOffset(Recorded);
  clang::SourceLocation Best;
  for (size_t LineStart = 0; LineStart < Text.size();) {
    size_t End = Text.find('\n', LineStart);
    if (End == llvm::StringRef::npos)
      End = Text.size();
    llvm::StringRef Line = Text.slice(LineStart, End);
    llvm::StringRef Rest = Line.ltrim();
    if (Rest.consume_front("#")) {
      Rest = Rest.ltrim();
      if (Rest.consume_front("include_next") || Rest.consume_front("include") ||
          Rest.consume_front("import")) {
        Rest = Rest.ltrim();
        char Close = Rest.starts_with("<") ? '>' : '"';
        if (!Rest.empty() && (Rest[0] == '"' || Rest[0] == '<')) {
          size_t Quote = LineStart + (Line.size() - Rest.size());
          llvm::StringRef Spelled = Rest.drop_front().take_until(
              [Close](char C) { return C == Close; });
          if (spellingNames(Spelled, Entry->getName())) {
            clang::SourceLocation Here = Start.getLocWithOffset(Quote);
            if (Best.isInvalid() || Quote == RecordedOffset)
              Best = Here;
          }
        }
      }
    }
    LineStart = End + 1;
  }
  return Best.isValid() ? Best : Recorded;
}

} // namespace

void KsModelCheck::countHeaderFinding(clang::SourceLocation Loc) {
  if (!Ctx || Loc.isInvalid())
    return;
  const clang::SourceManager &SM = Ctx->getSourceManager();
  clang::FileID Main = SM.getMainFileID();
  clang::OptionalFileEntryRef MainEntry = SM.getFileEntryRefForID(Main);
  // clangd's preamble brings a second copy of the main file (the one its
  // #include lines were parsed in): it counts as the main file.
  auto InMain = [&](clang::SourceLocation L) {
    if (SM.isInMainFile(L))
      return true;
    clang::OptionalFileEntryRef E = SM.getFileEntryRefForID(SM.getFileID(L));
    return E && MainEntry && *E == *MainEntry;
  };
  clang::SourceLocation Spelled = SM.getFileLoc(Loc);
  if (InMain(Spelled) || SM.isInSystemHeader(Spelled))
    return;
  // Up the include chain to the header the main file includes.
  clang::FileID Top = SM.getFileID(Spelled);
  clang::SourceLocation Include = SM.getIncludeLoc(Top);
  while (Include.isValid() && !InMain(Include)) {
    Top = SM.getFileID(SM.getFileLoc(Include));
    Include = SM.getIncludeLoc(Top);
  }
  if (Include.isInvalid())
    return; // not reached from the main file (e.g. a -include'd prelude)
  Include = includeDirective(SM, Top,
                             SM.getLocForStartOfFile(Main).getLocWithOffset(
                                 SM.getFileOffset(SM.getFileLoc(Include))));
  HeaderFindings &H = Pointers[Include];
  if (H.Count++ == 0)
    H.First = Spelled;
}

void KsModelCheck::pointAtHeaderFindings() {
  if (Pointers.empty())
    return;
  const clang::SourceManager &SM = Ctx->getSourceManager();
  // Moved out first: the diagnostics below go through ClangTidyCheck::diag,
  // never back into the counter.
  std::map<clang::SourceLocation, HeaderFindings> Found;
  Found.swap(Pointers);
  for (const auto &[Include, H] : Found) {
    llvm::StringRef Header = SM.getFilename(H.First);
    ClangTidyCheck::diag(Include,
                         "%0 %plural{1:finding|:findings}0 of this check in "
                         "the header '%1' included here (line %2); open it "
                         "to see %plural{1:it|:them}0")
        << H.Count << llvm::sys::path::filename(Header)
        << SM.getSpellingLineNumber(H.First);
    ClangTidyCheck::diag(H.First, "first finding in '%0'",
                         clang::DiagnosticIDs::Note)
        << llvm::sys::path::filename(Header);
  }
}

} // namespace ks
