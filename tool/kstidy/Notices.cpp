//===- Notices.cpp --------------------------------------------------------===//
#include "Notices.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

using llvm::json::Array;
using llvm::json::Object;

namespace ks {

namespace {

Location at(const std::string &File, unsigned Line = 0, unsigned Column = 0) {
  Location L;
  L.File = File;
  L.Line = Line;
  L.Column = Column;
  return L;
}

/// "3 property item tables in pin.cpp were not analysed: A, B, C (their
/// initializers have compile errors)", one notice per file, kind and reason.
void addBlindSpots(const std::vector<TuResult> &Results,
                   llvm::StringRef BaseDir, std::vector<Notice> &Out) {
  // A table in a header is met once per TU that includes it.
  std::set<std::tuple<std::string, unsigned, std::string>> Seen;
  std::map<std::tuple<std::string, std::string, std::string>,
           std::vector<const BlindSpot *>>
      Groups;
  // A table in code one TU skips is analysed where another compiles it.
  std::set<std::string> Compiled;
  for (const TuResult &R : Results)
    Compiled.insert(R.Tables.begin(), R.Tables.end());
  for (const TuResult &R : Results)
    for (const BlindSpot &B : R.BlindSpots)
      if (!(B.Disabled && Compiled.count(B.Name)) &&
          Seen.insert({B.Where.File, B.Where.Line, B.Name}).second)
        // Skipped code: one line per file and condition, whatever the kinds.
        Groups[{B.Where.File, B.Disabled ? "table" : B.Kind, B.Reason}]
            .push_back(&B);
  for (const auto &[Key, Spots] : Groups) {
    const auto &[File, Kind, Reason] = Key;
    std::string Names;
    for (const BlindSpot *B : Spots)
      Names += (Names.empty() ? "" : ", ") + B->Name +
               (B->Disabled ? " (" + B->Kind + ")" : "");
    Notice N;
    // Skipped code is the build's choice: said, not warned about.
    N.Severity =
        Spots.front()->Disabled ? Notice::Level::Note : Notice::Level::Warning;
    N.Kind = "tables-not-analysed";
    N.Message = plural(Spots.size(), Kind, Kind + "s") + " in " +
                displayPath(File, BaseDir) +
                (Spots.size() == 1 ? " was" : " were") +
                " not analysed: " + Names + " (" + Reason + ")";
    N.Where = Spots.front()->Where;
    Out.push_back(std::move(N));
  }
}

/// Headers of user-mode frameworks that kstidy's profile does not provide on
/// purpose: audio processing objects and COM servers built on ATL and WIL run
/// in the audio engine's process, not in the KS runtime, and hold no table
/// the runtime walks.
bool isOutOfScopeUserModeHeader(llvm::StringRef Header) {
  std::string H = Header.lower();
  std::replace(H.begin(), H.end(), '\\', '/');
  llvm::StringRef Name(H);
  return Name.starts_with("atl") || Name.starts_with("wil/") ||
         Name.starts_with("audioenginebaseapo") ||
         Name == "baseaudioprocessingobject.h" || Name == "audiomediatype.h" ||
         Name == "mmdeviceapi.h" || Name == "propkey.h";
}

/// Each missing header once per run: where it was first asked for, and how
/// many TUs went on without it.
void addMissingHeaders(const std::vector<TuResult> &Results,
                       llvm::StringRef BaseDir, std::vector<Notice> &Out) {
  struct Miss {
    const MissingInclude *First = nullptr;
    std::set<std::string> Units;
  };
  std::map<std::string, Miss> ByHeader;
  std::vector<std::string> Order;
  for (const TuResult &R : Results)
    for (const MissingInclude &M : R.MissingIncludes) {
      Miss &Entry = ByHeader[M.Header];
      if (!Entry.First) {
        Entry.First = &M;
        Order.push_back(M.Header);
      }
      Entry.Units.insert(R.File);
    }
  for (const std::string &Header : Order) {
    const Miss &M = ByHeader[Header];
    Notice N;
    N.Kind = "missing-header";
    N.Message =
        "header '" + Header + "' not found (" +
        displayPath(M.First->From, BaseDir) + ":" +
        std::to_string(M.First->Line) + ", " +
        plural(M.Units.size(), "translation unit", "translation units") +
        "); analysed without it: what it declares is unknown" +
        (isOutOfScopeUserModeHeader(Header)
             ? std::string(" (user-mode ATL/WIL/APO code is out of "
                           "kstidy's scope: it holds no table the KS "
                           "runtime walks)")
             : std::string());
    N.Where = at(M.First->From, M.First->Line);
    Out.push_back(std::move(N));
  }
}

} // namespace

namespace {

/// Handlers that tables name but no TU of the run defines: the entries
/// were not judged against what the handler does (WholeDriver.h). Once per
/// handler, at its first entry.
void addUnjudgedHandlers(const std::vector<TuResult> &Results,
                         llvm::StringRef BaseDir, std::vector<Notice> &Out) {
  std::map<std::string, std::vector<const UnjudgedHandler *>> ByHandler;
  std::vector<std::string> Order;
  for (const TuResult &R : Results)
    for (const UnjudgedHandler &U : R.Unjudged) {
      auto &List = ByHandler[U.Handler];
      if (List.empty())
        Order.push_back(U.Handler);
      // An entry deferred for its MinProperty and its MinData: once.
      if (llvm::none_of(List, [&](const UnjudgedHandler *Seen) {
            return Seen->Item == U.Item;
          }))
        List.push_back(&U);
    }
  for (const std::string &H : Order) {
    const std::vector<const UnjudgedHandler *> &List = ByHandler[H];
    const UnjudgedHandler &First = *List.front();
    if (First.Rule == "descriptorCount") {
      Out.push_back(
          {Notice::Level::Note, "array-not-analysed",
           displayPath(First.Where.File, BaseDir) + ":" +
               std::to_string(First.Where.Line) + ": " + First.Item +
               (List.size() > 1 ? " (and " +
                                      plural(List.size() - 1, "other count",
                                             "other counts") +
                                      ")"
                                : std::string()) +
               " counts the entries of '" + H +
               "', which is declared without a bound and defined in none of "
               "the analysed sources: the count was not judged "
               "(ks-descriptor-count); analyse the file that defines it in "
               "the same run",
           First.Where});
      continue;
    }
    if (First.Rule == "parameterAllocator") {
      Out.push_back(
          {Notice::Level::Note, "handler-not-analysed",
           displayPath(First.Where.File, BaseDir) + ":" +
               std::to_string(First.Where.Line) + ": allocator '" + H +
               "' of " + First.Item +
               (List.size() > 1
                    ? " (and " +
                          plural(List.size() - 1, "other call", "other calls") +
                          ")"
                    : std::string()) +
               " is defined in none of the analysed sources: what it does "
               "with the buffer, and whether the filter frees it right, were "
               "not judged (ks-parameter-allocator); analyse the file that "
               "defines it in the same run",
           First.Where});
      continue;
    }
    Out.push_back(
        {Notice::Level::Note, "handler-not-analysed",
         displayPath(First.Where.File, BaseDir) + ":" +
             std::to_string(First.Where.Line) + ": handler '" + H + "' of " +
             First.Item +
             (List.size() > 1 ? " (and " +
                                    plural(List.size() - 1, "other entry",
                                           "other entries") +
                                    ")"
                              : std::string()) +
             " is defined in none of the analysed sources: its buffer "
             "accesses were not judged against the item sizes "
             "(ks-property-min-size); analyse the file that defines it in "
             "the same run",
         First.Where});
  }
}

} // namespace

std::vector<Notice> collectNotices(const std::vector<TuResult> &Results,
                                   llvm::StringRef BaseDir,
                                   bool ShowParseErrors) {
  std::vector<Notice> Out;
  size_t Pch = 0, Cl = 0, WriterCommands = 0;
  std::set<std::string> Writers;
  for (const TuResult &R : Results) {
    std::string File = displayPath(R.File, BaseDir);
    Pch += R.DroppedPch;
    Cl += R.ConvertedCl;
    WriterCommands += !R.DroppedWriters.empty();
    Writers.insert(R.DroppedWriters.begin(), R.DroppedWriters.end());
    if (R.Skipped) {
      Out.push_back({Notice::Level::Error, "input-skipped",
                     File + ": not analysed: " + *R.Skipped, at(R.File)});
      continue;
    }
    for (const std::string &Read : R.InputNotes)
      Out.push_back(
          {Notice::Level::Note, "input-read", File + ": " + Read, at(R.File)});
    if (R.MsvcDefaultInt)
      Out.push_back(
          {Notice::Level::Note, "msvc-default-int",
           File + ": " +
               plural(R.MsvcDefaultInt, "declaration", "declarations") +
               " without a type read as int (MSVC C4430: int assumed)",
           at(R.File)});
    if (R.Errors)
      Out.push_back(
          {Notice::Level::Note, "compile-errors",
           File + ": " + plural(R.Errors, "compile error", "compile errors") +
               "; checks ran on what parsed" +
               (ShowParseErrors ? "" : " (--show-parse-errors lists them)"),
           at(R.File)});
  }
  addMissingHeaders(Results, BaseDir, Out);
  addBlindSpots(Results, BaseDir, Out);
  addUnjudgedHandlers(Results, BaseDir, Out);
  // Entry points ks-property-user-buffer left alone, each once.
  std::set<std::pair<std::string, unsigned>> EntriesSaid;
  for (const TuResult &R : Results)
    for (const BlindSpot &B : R.UnjudgedEntries)
      if (EntriesSaid.insert({B.Where.File, B.Where.Line}).second)
        Out.push_back(
            {Notice::Level::Note, "entry-not-judged",
             displayPath(B.Where.File, BaseDir) + ":" +
                 std::to_string(B.Where.Line) + ": '" + B.Name +
                 "' touches an address the caller of the request chose, but " +
                 B.Reason +
                 ", which kstidy does not read path by path: its accesses "
                 "were not judged (ks-property-user-buffer)",
             B.Where});
  if (Pch)
    Out.push_back({Notice::Level::Note, "pch-dropped",
                   "dropped precompiled-header flags (/Yu, /Yc, /Fp, "
                   "-include-pch, .gch/.pch) from " +
                       plural(Pch, "compile command", "compile commands") +
                       ": they name headers built elsewhere",
                   Location()});
  if (WriterCommands) {
    std::string List;
    for (const std::string &W : Writers)
      List += (List.empty() ? "" : ", ") + W;
    Out.push_back(
        {Notice::Level::Note, "writer-flags-dropped",
         "ignored flags that would write files (" + List + ") in " +
             plural(WriterCommands, "compile command", "compile commands") +
             ": kstidy only reads",
         Location()});
  }
  if (Cl)
    Out.push_back(
        {Notice::Level::Note, "cl-command",
         "read " +
             plural(Cl, "cl.exe/clang-cl command", "cl.exe/clang-cl commands") +
             " as clang commands (/I, /D, /U, /FI, /std: kept)",
         Location()});
  return Out;
}

void printNotices(llvm::raw_ostream &OS, const std::vector<Notice> &Notices) {
  for (const Notice &N : Notices)
    OS << "kstidy: "
       << (N.Severity == Notice::Level::Error     ? "error: "
           : N.Severity == Notice::Level::Warning ? "warning: "
                                                  : "note: ")
       << N.Message << "\n";
}

llvm::json::Value noticesToJson(const std::vector<Notice> &Notices,
                                llvm::StringRef BaseDir) {
  Array Out;
  for (const Notice &N : Notices) {
    Object O{{"kind", N.Kind},
             {"level", N.Severity == Notice::Level::Error     ? "error"
                       : N.Severity == Notice::Level::Warning ? "warning"
                                                              : "note"},
             {"message", N.Message}};
    if (!N.Where.File.empty()) {
      Object L{{"file", displayPath(N.Where.File, BaseDir)}};
      if (N.Where.Line)
        L["line"] = static_cast<int64_t>(N.Where.Line);
      if (N.Where.Column)
        L["column"] = static_cast<int64_t>(N.Where.Column);
      O["location"] = std::move(L);
    }
    Out.push_back(std::move(O));
  }
  return Out;
}

} // namespace ks
