//===- MsBuildProject.cpp - .vcxproj reader, properties, conditions -------===//
//
// Written from Microsoft's public MSBuild documentation (see
// docs/msbuild.md); evaluation order as documented there: properties and
// imports first, in file order, then item definitions, then items.
//
//===----------------------------------------------------------------------===//
#include "MsBuildProject.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <tinyxml2.h>

#include <algorithm>
#include <cstdlib>

namespace ks::msbuild {

using llvm::StringRef;

bool CaseInsensitiveLess::operator()(const std::string &A,
                                     const std::string &B) const {
  return StringRef(A).compare_insensitive(B) < 0;
}

// --- Expansion -------------------------------------------------------------

namespace {

bool isNameChar(char C) {
  return llvm::isAlnum(C) || C == '_' || C == '-';
}

bool isSimpleName(StringRef S) {
  return !S.empty() && (llvm::isAlpha(S[0]) || S[0] == '_') &&
         llvm::all_of(S, isNameChar);
}

/// The index of the ')' closing the '(' at \p Open, quotes respected; npos
/// when there is none.
size_t matchingParen(StringRef Text, size_t Open) {
  int Depth = 0;
  char Quote = 0;
  for (size_t I = Open; I < Text.size(); ++I) {
    char C = Text[I];
    if (Quote) {
      if (C == Quote)
        Quote = 0;
      continue;
    }
    if (C == '\'' || C == '"' || C == '`')
      Quote = C;
    else if (C == '(')
      ++Depth;
    else if (C == ')' && --Depth == 0)
      return I;
  }
  return StringRef::npos;
}

/// MSBuild's %XX escapes (%3B for ';', %24 for '$', ...).
std::string unescape(StringRef S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] == '%' && I + 2 < S.size() &&
        llvm::isHexDigit(S[I + 1]) && llvm::isHexDigit(S[I + 2])) {
      Out.push_back(char(llvm::hexFromNibbles(S[I + 1], S[I + 2])));
      I += 2;
      continue;
    }
    Out.push_back(S[I]);
  }
  return Out;
}

/// The `$(...)` references left in an expanded text.
std::vector<std::string> unexpandedRefs(StringRef Text) {
  std::vector<std::string> Out;
  for (size_t I = 0; I + 1 < Text.size(); ++I) {
    if ((Text[I] == '$' || Text[I] == '@' || Text[I] == '%') &&
        Text[I + 1] == '(') {
      size_t Close = matchingParen(Text, I + 1);
      if (Close == StringRef::npos)
        Close = Text.size() - 1;
      Out.push_back(Text.slice(I, Close + 1).str());
      I = Close;
    }
  }
  return Out;
}

std::vector<std::string> splitList(StringRef S) {
  llvm::SmallVector<StringRef, 16> Parts;
  S.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Out;
  for (StringRef P : Parts) {
    P = P.trim();
    if (!P.empty())
      Out.push_back(P.str());
  }
  return Out;
}

std::string toSlashes(StringRef S) {
  std::string Out = S.str();
  std::replace(Out.begin(), Out.end(), '\\', '/');
  return Out;
}

/// C:\..., \\server\share: a Windows path with no meaning here.
bool isWindowsAbsolute(StringRef S) {
  return (S.size() >= 2 && llvm::isAlpha(S[0]) && S[1] == ':') ||
         S.starts_with("\\\\") || S.starts_with("//");
}

} // namespace

std::string Expander::expand(StringRef Text,
                             std::set<std::string> *Unknown) const {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    bool Prop = C == '$' && I + 1 < Text.size() && Text[I + 1] == '(';
    bool Meta = C == '%' && I + 1 < Text.size() && Text[I + 1] == '(' &&
                Metadata;
    if (!Prop && !Meta) {
      Out.push_back(C);
      continue;
    }
    size_t Close = matchingParen(Text, I + 1);
    if (Close == StringRef::npos) {
      Out += Text.drop_front(I).str();
      if (Unknown && Prop)
        Unknown->insert(Text.drop_front(I).str());
      break;
    }
    StringRef Inner = Text.slice(I + 2, Close).trim();
    StringRef Whole = Text.slice(I, Close + 1);
    if (Prop) {
      auto It = isSimpleName(Inner) ? Properties.find(Inner.str())
                                    : Properties.end();
      if (It != Properties.end()) {
        Out += It->second;
      } else {
        // Undefined, or a property function: unknown, kept as written.
        Out += Whole.str();
        if (Unknown)
          Unknown->insert(Whole.str());
      }
    } else {
      // %(Name) or %(ItemType.Name): undefined metadata is empty.
      StringRef Name = Inner;
      if (size_t Dot = Name.find('.'); Dot != StringRef::npos)
        Name = Name.drop_front(Dot + 1);
      auto It = Metadata->find(Name.str());
      if (It != Metadata->end())
        Out += It->second;
    }
    I = Close;
  }
  return Out;
}

bool hasUnexpanded(StringRef Text) {
  return Text.contains("$(") || Text.contains("@(") || Text.contains("%(");
}

// --- Paths -----------------------------------------------------------------

std::string resolvePath(StringRef Path, StringRef BaseDir) {
  llvm::SmallString<256> P(toSlashes(Path));
  if (!llvm::sys::path::is_absolute(P)) {
    llvm::SmallString<256> Abs(BaseDir);
    llvm::sys::path::append(Abs, P);
    P = Abs;
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  if (llvm::sys::fs::exists(P))
    return std::string(P);
  // Windows file systems ignore case: find each component as it is spelt
  // on disk.
  llvm::SmallString<256> Out(llvm::sys::path::root_path(P));
  auto It = llvm::sys::path::begin(P), End = llvm::sys::path::end(P);
  if (It != End && *It == llvm::sys::path::root_path(P))
    ++It;
  for (; It != End; ++It) {
    llvm::SmallString<256> Next(Out);
    llvm::sys::path::append(Next, *It);
    if (!llvm::sys::fs::exists(Next)) {
      std::error_code EC;
      for (llvm::sys::fs::directory_iterator D(Out, EC), DEnd; !EC && D != DEnd;
           D.increment(EC)) {
        StringRef Name = llvm::sys::path::filename(D->path());
        if (Name.equals_insensitive(*It)) {
          Next = Out;
          llvm::sys::path::append(Next, Name);
          break;
        }
      }
    }
    Out = Next;
  }
  return std::string(Out);
}

namespace {

/// `*` and `?` matched case-insensitively, in O(pattern x name): on a
/// mismatch only the last `*` backtracks (a pattern of many stars once
/// backtracked exponentially).
bool wildMatch(StringRef Pattern, StringRef Name) {
  size_t P = 0, N = 0, Star = StringRef::npos, Resume = 0;
  while (N < Name.size()) {
    if (P < Pattern.size() &&
        (Pattern[P] == '?' ||
         (Pattern[P] != '*' &&
          llvm::toLower(Pattern[P]) == llvm::toLower(Name[N])))) {
      ++P, ++N;
    } else if (P < Pattern.size() && Pattern[P] == '*') {
      Star = P++;
      Resume = N;
    } else if (Star != StringRef::npos) {
      P = Star + 1;
      N = ++Resume;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

/// How many directories one wildcard entry may list: `\**\*.cpp` from a
/// drive root, or a link loop under `**`, must not walk a whole disk.
constexpr size_t GlobBudget = 20000;

void globInto(StringRef Dir, llvm::ArrayRef<std::string> Parts,
              std::vector<std::string> &Out, size_t &Budget) {
  if (Parts.empty()) {
    if (llvm::sys::fs::is_regular_file(Dir))
      Out.push_back(Dir.str());
    return;
  }
  const std::string &Part = Parts.front();
  auto Entries = [&](bool DirsOnly) {
    std::vector<std::string> Names;
    if (Budget == 0)
      return Names;
    --Budget;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator D(Dir, EC), DEnd; !EC && D != DEnd;
         D.increment(EC)) {
      // `**` does not follow directory links (a loop would never end).
      if (DirsOnly && D->type() != llvm::sys::fs::file_type::directory_file)
        continue;
      Names.push_back(D->path());
    }
    std::sort(Names.begin(), Names.end());
    return Names;
  };
  if (Part == "**") {
    globInto(Dir, Parts.drop_front(), Out, Budget);
    for (const std::string &Sub : Entries(/*DirsOnly=*/true))
      globInto(Sub, Parts, Out, Budget);
  } else if (StringRef(Part).find_first_of("*?") != StringRef::npos) {
    for (const std::string &E : Entries(/*DirsOnly=*/false))
      if (wildMatch(Part, llvm::sys::path::filename(E)))
        globInto(E, Parts.drop_front(), Out, Budget);
  } else {
    globInto(resolvePath(Part, Dir), Parts.drop_front(), Out, Budget);
  }
}

/// The files an Include/Exclude entry names: wildcards (*, ?, **) matched
/// case-insensitively, relative paths against \p BaseDir.
std::vector<std::string> expandEntry(StringRef Entry, StringRef BaseDir) {
  std::string P = toSlashes(Entry);
  if (StringRef(P).find_first_of("*?") == StringRef::npos)
    return {resolvePath(P, BaseDir)};
  llvm::SmallString<256> Abs(P);
  if (!llvm::sys::path::is_absolute(Abs)) {
    Abs = BaseDir;
    llvm::sys::path::append(Abs, P);
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  std::vector<std::string> Parts;
  for (auto It = llvm::sys::path::begin(Abs), End = llvm::sys::path::end(Abs);
       It != End; ++It)
    if (*It != "/")
      Parts.push_back(It->str());
  std::vector<std::string> Out;
  // A wildcard right under the root (`\**\*.cpp`, `C:\*\x.cpp`) would
  // list the whole disk: not expanded.
  if (Parts.empty() || StringRef(Parts.front()).find_first_of("*?") !=
                           StringRef::npos)
    return Out;
  size_t Budget = GlobBudget;
  globInto("/", Parts, Out, Budget);
  return Out;
}

} // namespace

// --- Conditions ------------------------------------------------------------

namespace {

Truth notT(Truth T) {
  return T == Truth::Unknown ? T : T == Truth::True ? Truth::False : Truth::True;
}

class ConditionParser {
public:
  ConditionParser(StringRef Text, const Expander &E, StringRef BaseDir)
      : Text(Text), E(E), BaseDir(BaseDir) {}

  Truth run() {
    Truth T = orExpr();
    skipSpace();
    if (Failed || Pos != Text.size())
      return Truth::Unknown;
    return T;
  }

private:
  struct Operand {
    std::string Value;
    bool Known = true;
  };

  StringRef Text;
  const Expander &E;
  StringRef BaseDir;
  size_t Pos = 0;
  bool Failed = false;

  void skipSpace() {
    while (Pos < Text.size() && llvm::isSpace(Text[Pos]))
      ++Pos;
  }
  bool consumeWord(StringRef W) {
    skipSpace();
    StringRef Rest = Text.drop_front(Pos);
    if (Rest.size() >= W.size() && Rest.take_front(W.size()).equals_insensitive(W) &&
        (Rest.size() == W.size() || !isNameChar(Rest[W.size()]))) {
      Pos += W.size();
      return true;
    }
    return false;
  }
  bool consume(StringRef S) {
    skipSpace();
    if (Text.drop_front(Pos).starts_with(S)) {
      Pos += S.size();
      return true;
    }
    return false;
  }

  /// Three-valued `and`/`or`: the absorbing value (False for and, True for
  /// or) decides alone; otherwise an unknown side makes the whole unknown.
  static Truth combine(Truth L, Truth R, Truth Absorbing) {
    if (L == Absorbing || R == Absorbing)
      return Absorbing;
    if (L == Truth::Unknown || R == Truth::Unknown)
      return Truth::Unknown;
    return Absorbing == Truth::True ? Truth::False : Truth::True;
  }
  Truth orExpr() {
    Truth L = andExpr();
    while (!Failed && consumeWord("or"))
      L = combine(L, andExpr(), Truth::True);
    return L;
  }
  Truth andExpr() {
    Truth L = notExpr();
    while (!Failed && consumeWord("and"))
      L = combine(L, notExpr(), Truth::False);
    return L;
  }
  Truth notExpr() {
    skipSpace();
    if (Pos < Text.size() && Text[Pos] == '!' &&
        !(Pos + 1 < Text.size() && Text[Pos + 1] == '=')) {
      ++Pos;
      return notT(notExpr());
    }
    return primary();
  }

  Truth primary() {
    skipSpace();
    if (consume("(")) {
      Truth T = orExpr();
      if (!consume(")"))
        Failed = true;
      return T;
    }
    // A function call: Name( ... ).
    size_t Start = Pos;
    while (Pos < Text.size() && isNameChar(Text[Pos]))
      ++Pos;
    StringRef Name = Text.slice(Start, Pos);
    size_t AfterName = Pos;
    if (!Name.empty() && consume("(")) {
      std::vector<Operand> Args;
      if (!consume(")")) {
        do
          Args.push_back(operand());
        while (!Failed && consume(","));
        if (!consume(")"))
          Failed = true;
      }
      return call(Name, Args);
    }
    Pos = Start;
    (void)AfterName;
    Operand L = operand();
    if (Failed)
      return Truth::Unknown;
    skipSpace();
    for (StringRef Op : {"==", "!=", "<=", ">=", "<", ">"}) {
      if (consume(Op)) {
        Operand R = operand();
        return compare(L, Op, R);
      }
    }
    // A lone operand: a boolean.
    if (!L.Known)
      return Truth::Unknown;
    StringRef V = StringRef(L.Value).trim();
    if (V.equals_insensitive("true") || V.equals_insensitive("on") ||
        V.equals_insensitive("yes"))
      return Truth::True;
    if (V.equals_insensitive("false") || V.equals_insensitive("off") ||
        V.equals_insensitive("no"))
      return Truth::False;
    return Truth::Unknown;
  }

  Operand operand() {
    skipSpace();
    Operand O;
    std::string Raw;
    if (Pos < Text.size() && Text[Pos] == '\'') {
      size_t End = Text.find('\'', Pos + 1);
      if (End == StringRef::npos) {
        Failed = true;
        return O;
      }
      Raw = Text.slice(Pos + 1, End).str();
      Pos = End + 1;
    } else {
      size_t Start = Pos;
      while (Pos < Text.size()) {
        char C = Text[Pos];
        if ((C == '$' || C == '@' || C == '%') && Pos + 1 < Text.size() &&
            Text[Pos + 1] == '(') {
          size_t Close = matchingParen(Text, Pos + 1);
          if (Close == StringRef::npos) {
            Failed = true;
            return O;
          }
          Pos = Close + 1;
          continue;
        }
        if (llvm::isSpace(C) || StringRef("()=!<>,'").contains(C))
          break;
        ++Pos;
      }
      if (Pos == Start) {
        Failed = true;
        return O;
      }
      Raw = Text.slice(Start, Pos).str();
    }
    O.Value = E.expand(Raw);
    O.Known = !hasUnexpanded(O.Value);
    return O;
  }

  static std::optional<double> number(StringRef S) {
    S = S.trim();
    if (S.empty())
      return std::nullopt;
    uint64_t Hex;
    if (S.starts_with_insensitive("0x") && !S.drop_front(2).getAsInteger(16, Hex))
      return double(Hex);
    double D;
    if (!S.getAsDouble(D))
      return D;
    return std::nullopt;
  }

  Truth compare(const Operand &L, StringRef Op, const Operand &R) {
    if (!L.Known || !R.Known)
      return Truth::Unknown;
    auto B = [](bool V) { return V ? Truth::True : Truth::False; };
    if (Op == "==" || Op == "!=") {
      bool Eq = StringRef(L.Value).equals_insensitive(R.Value);
      if (!Eq) {
        auto LN = number(L.Value), RN = number(R.Value);
        Eq = LN && RN && *LN == *RN;
      }
      return B(Op == "==" ? Eq : !Eq);
    }
    auto LN = number(L.Value), RN = number(R.Value);
    if (!LN || !RN)
      return Truth::Unknown;
    if (Op == "<")
      return B(*LN < *RN);
    if (Op == ">")
      return B(*LN > *RN);
    if (Op == "<=")
      return B(*LN <= *RN);
    return B(*LN >= *RN);
  }

  Truth call(StringRef Name, const std::vector<Operand> &Args) {
    if (Args.size() != 1 || !Args[0].Known)
      return Truth::Unknown;
    StringRef Arg = StringRef(Args[0].Value).trim();
    if (Name.equals_insensitive("Exists")) {
      if (Arg.empty())
        return Truth::False;
      if (isWindowsAbsolute(Arg))
        return Truth::Unknown;
      return llvm::sys::fs::exists(resolvePath(Arg, BaseDir)) ? Truth::True
                                                              : Truth::False;
    }
    if (Name.equals_insensitive("HasTrailingSlash"))
      return Arg.ends_with("/") || Arg.ends_with("\\") ? Truth::True
                                                       : Truth::False;
    return Truth::Unknown;
  }
};

} // namespace

Truth evaluateCondition(StringRef Condition, const Expander &E,
                        StringRef BaseDir) {
  if (Condition.trim().empty())
    return Truth::True;
  return ConditionParser(Condition, E, BaseDir).run();
}

// --- Configurations --------------------------------------------------------

std::optional<ProjectConfig> ProjectConfig::parse(StringRef S) {
  auto [C, P] = S.split('|');
  C = C.trim();
  P = P.trim();
  if (C.empty() || P.empty() || P.contains('|'))
    return std::nullopt;
  // Visual Studio spells it "Any CPU" in solutions, "AnyCPU" in projects.
  return ProjectConfig{C.str(), P.str()};
}

bool ProjectConfig::operator==(const ProjectConfig &O) const {
  return StringRef(Configuration).equals_insensitive(O.Configuration) &&
         StringRef(Platform).equals_insensitive(O.Platform);
}

std::optional<ProjectConfig>
chooseDefaultConfig(llvm::ArrayRef<ProjectConfig> Available) {
  for (const ProjectConfig &C : Available)
    if (StringRef(C.Platform).equals_insensitive("x64") &&
        StringRef(C.Configuration).equals_insensitive("Release"))
      return C;
  for (const ProjectConfig &C : Available)
    if (StringRef(C.Platform).equals_insensitive("x64") &&
        StringRef(C.Configuration).contains_insensitive("release"))
      return C;
  if (!Available.empty())
    return Available.front();
  return std::nullopt;
}

// --- Project evaluation ----------------------------------------------------

namespace {

llvm::Error error(const llvm::Twine &Message) {
  return llvm::createStringError(std::errc::invalid_argument, "%s",
                                 Message.str().c_str());
}

const char *xmlProblem(const tinyxml2::XMLDocument &Doc) {
  switch (Doc.ErrorID()) {
  case tinyxml2::XML_ERROR_EMPTY_DOCUMENT:
    return "empty document";
  case tinyxml2::XML_ERROR_MISMATCHED_ELEMENT:
    return "mismatched closing tag";
  case tinyxml2::XML_ERROR_PARSING_ELEMENT:
    return "malformed or unclosed element";
  case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE:
    return "malformed attribute";
  case tinyxml2::XML_ERROR_PARSING_TEXT:
    return "malformed text";
  case tinyxml2::XML_ERROR_PARSING_COMMENT:
    return "malformed comment";
  case tinyxml2::XML_ERROR_PARSING_DECLARATION:
    return "malformed declaration";
  default:
    return Doc.ErrorName();
  }
}

/// Reads and parses an XML file (UTF-8, or UTF-16 with a byte order mark).
llvm::Expected<std::unique_ptr<tinyxml2::XMLDocument>>
readXml(StringRef Path, StringRef What) {
  if (!llvm::sys::fs::exists(Path))
    return error("no such " + What + ": " + Path);
  if (!llvm::sys::fs::is_regular_file(Path))
    return error(What + " " + Path + " is not a regular file");
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return error("cannot read " + What + " " + Path + ": " +
                 Buf.getError().message());
  StringRef Bytes = (*Buf)->getBuffer();
  std::string Utf8;
  if (Bytes.starts_with("\xFF\xFE") || Bytes.starts_with("\xFE\xFF")) {
    if (!llvm::convertUTF16ToUTF8String(llvm::ArrayRef<char>(Bytes.data(), Bytes.size()), Utf8))
      return error("malformed " + What + " " + Path + ": invalid UTF-16");
    Bytes = Utf8;
  }
  auto Doc = std::make_unique<tinyxml2::XMLDocument>();
  if (Doc->Parse(Bytes.data(), Bytes.size()) != tinyxml2::XML_SUCCESS)
    return error("malformed " + What + " " + Path + ": XML error at line " +
                 llvm::Twine(Doc->ErrorLineNum()) + ": " + xmlProblem(*Doc));
  const tinyxml2::XMLElement *Root = Doc->RootElement();
  if (!Root || StringRef(Root->Name()) != "Project")
    return error(What + " " + Path +
                 " is not an MSBuild project (its root element is not "
                 "<Project>)");
  return std::move(Doc);
}

StringRef attr(const tinyxml2::XMLElement *E, const char *Name) {
  const char *V = E->Attribute(Name);
  return V ? StringRef(V) : StringRef();
}

std::string text(const tinyxml2::XMLElement *E) {
  const char *T = E->GetText();
  return T ? StringRef(T).trim().str() : std::string();
}

std::string withSlash(StringRef Dir) {
  std::string S = Dir.str();
  if (S.empty() || S.back() != '/')
    S += '/';
  return S;
}

/// Properties whose value only the toolset, the SDK or the WDK knows: an
/// include directory built from them is a WDK/SDK directory.
bool isToolsetReference(StringRef Ref) {
  StringRef Name = Ref;
  Name.consume_front("$(");
  Name.consume_back(")");
  static const char *const Prefixes[] = {
      "WindowsSdk", "WindowsSDK_", "WDK", "KMDF_", "UMDF_", "DDK_", "SDK_",
      "KIT_", "KM_", "UM_", "CRT_", "UniversalCRT", "VC_", "VCInstallDir",
      "VSInstallDir", "NetFx", "WindowsKits", "IncludePath", "ExternalIncludePath",
      "WindowsTargetPlatformVersion", "TargetPlatformVersion", "VCToolsInstallDir"};
  for (const char *P : Prefixes)
    if (Name.starts_with_insensitive(P))
      return true;
  return false;
}

bool isWdkDirectory(StringRef Entry) {
  if (Entry.contains_insensitive("windows kits"))
    return true;
  for (const std::string &Ref : unexpandedRefs(Entry))
    if (isToolsetReference(Ref))
      return true;
  return false;
}

/// Reserved names the project cannot set: the global properties and
/// MSBuild's own.
bool isReadOnlyProperty(StringRef Name) {
  return Name.equals_insensitive("Configuration") ||
         Name.equals_insensitive("Platform") ||
         Name.starts_with_insensitive("MSBuild");
}

struct Item {
  std::string File;
  NameMap Metadata;
};

class ProjectLoader {
public:
  ProjectLoader(Project &P, const LoadOptions &O) : P(P), O(O) {}

  llvm::Error load();

private:
  Project &P;
  const LoadOptions &O;
  Expander E;
  std::string ProjectDir; ///< no trailing '/'
  std::vector<std::unique_ptr<tinyxml2::XMLDocument>> Docs;
  std::vector<std::string> ImportStack;

  struct Deferred {
    const tinyxml2::XMLElement *Element;
    std::string File;
  };
  std::vector<Deferred> Definitions, ItemGroups;
  NameMap ClCompileDefaults;
  std::vector<Item> Items;

  void enterFile(StringRef File) {
    E.Properties["MSBuildThisFile"] = llvm::sys::path::filename(File).str();
    E.Properties["MSBuildThisFileName"] = llvm::sys::path::stem(File).str();
    E.Properties["MSBuildThisFileExtension"] =
        llvm::sys::path::extension(File).str();
    E.Properties["MSBuildThisFileFullPath"] = File.str();
    E.Properties["MSBuildThisFileDirectory"] =
        withSlash(llvm::sys::path::parent_path(File));
  }

  Truth condition(const tinyxml2::XMLElement *El, const Expander &X,
                  bool Silent = false) {
    StringRef C = attr(El, "Condition");
    Truth T = evaluateCondition(C, X, ProjectDir);
    if (T == Truth::Unknown && !Silent &&
        !llvm::is_contained(P.UnknownConditions, C.trim().str()))
      P.UnknownConditions.push_back(C.trim().str());
    return T;
  }

  llvm::Error walk(const tinyxml2::XMLElement *Parent, StringRef File);
  llvm::Error import(const tinyxml2::XMLElement *El, StringRef File);
  void evaluateDefinitions();
  void evaluateItems();
  void applyMetadata(const tinyxml2::XMLElement *El, Item &It);
  /// The metadata written as child elements of \p El, each under its own
  /// Condition, expanded with \p X into \p Into.
  void readMetadataElements(const tinyxml2::XMLElement *El, const Expander &X,
                            NameMap &Into);
  void makeUnits();

  /// Splits a metadata value into entries, dropping (and recording) the
  /// ones that hold unknown properties.
  std::vector<std::string> entries(StringRef Value, bool IncludeDirs = false) {
    std::vector<std::string> Out;
    for (std::string &Entry : splitList(Value)) {
      if (IncludeDirs && isWdkDirectory(Entry)) {
        ++P.WdkIncludeDirs;
        continue;
      }
      if (hasUnexpanded(Entry)) {
        for (std::string &Ref : unexpandedRefs(Entry))
          P.UnknownProperties.insert(std::move(Ref));
        P.DroppedEntries.insert(Entry);
        continue;
      }
      Out.push_back(unescape(Entry));
    }
    return Out;
  }
};

llvm::Error ProjectLoader::walk(const tinyxml2::XMLElement *Parent,
                                StringRef File) {
  for (const tinyxml2::XMLElement *El = Parent->FirstChildElement(); El;
       El = El->NextSiblingElement()) {
    StringRef Kind = El->Name();
    if (Kind == "PropertyGroup") {
      if (condition(El, E) != Truth::True)
        continue;
      for (const tinyxml2::XMLElement *Prop = El->FirstChildElement(); Prop;
           Prop = Prop->NextSiblingElement()) {
        if (isReadOnlyProperty(Prop->Name()) ||
            condition(Prop, E) != Truth::True)
          continue;
        E.Properties[Prop->Name()] = E.expand(text(Prop));
      }
    } else if (Kind == "Import") {
      if (auto Err = import(El, File))
        return Err;
    } else if (Kind == "ImportGroup") {
      if (condition(El, E, /*Silent=*/true) != Truth::True)
        continue;
      for (const tinyxml2::XMLElement *I = El->FirstChildElement("Import"); I;
           I = I->NextSiblingElement("Import"))
        if (auto Err = import(I, File))
          return Err;
    } else if (Kind == "ItemDefinitionGroup") {
      Definitions.push_back({El, File.str()});
    } else if (Kind == "ItemGroup") {
      ItemGroups.push_back({El, File.str()});
    } else if (Kind == "Choose") {
      const tinyxml2::XMLElement *Chosen = nullptr;
      bool Unknown = false;
      for (const tinyxml2::XMLElement *W = El->FirstChildElement(); W;
           W = W->NextSiblingElement()) {
        if (StringRef(W->Name()) == "When") {
          Truth T = condition(W, E);
          if (T == Truth::Unknown) {
            Unknown = true;
            break;
          }
          if (T == Truth::True) {
            Chosen = W;
            break;
          }
        } else if (StringRef(W->Name()) == "Otherwise") {
          Chosen = W;
          break;
        }
      }
      if (Chosen && !Unknown)
        if (auto Err = walk(Chosen, File))
          return Err;
    }
    // Target, UsingTask, ProjectExtensions, ...: not about compiling.
  }
  return llvm::Error::success();
}

llvm::Error ProjectLoader::import(const tinyxml2::XMLElement *El,
                                  StringRef File) {
  // The toolset's own imports ($(VCTargetsPath)\..., Sdk="...") are
  // skipped silently: the WDK profile stands in for what they set.
  if (El->Attribute("Sdk") ||
      condition(El, E, /*Silent=*/true) != Truth::True)
    return llvm::Error::success();
  std::string Target = E.expand(attr(El, "Project"));
  if (Target.empty() || hasUnexpanded(Target) || isWindowsAbsolute(Target))
    return llvm::Error::success();
  // Relative to the importing file.
  std::string Dir = llvm::sys::path::parent_path(File).str();
  std::vector<std::string> Files = expandEntry(Target, Dir);
  bool Wildcard = StringRef(Target).find_first_of("*?") != StringRef::npos;
  for (const std::string &F : Files) {
    if (!llvm::sys::fs::is_regular_file(F)) {
      if (!Wildcard)
        P.MissingImports.push_back(toSlashes(Target));
      continue;
    }
    if (llvm::is_contained(ImportStack, F) || ImportStack.size() > 32)
      continue; // an import cycle: MSBuild warns and goes on
    auto Doc = readXml(F, "imported file");
    if (!Doc)
      return Doc.takeError();
    const tinyxml2::XMLElement *Root = (*Doc)->RootElement();
    Docs.push_back(std::move(*Doc));
    ImportStack.push_back(F);
    enterFile(F);
    llvm::Error Err = walk(Root, F);
    ImportStack.pop_back();
    enterFile(File);
    if (Err)
      return Err;
  }
  return llvm::Error::success();
}

void ProjectLoader::evaluateDefinitions() {
  for (const Deferred &D : Definitions) {
    enterFile(D.File);
    if (condition(D.Element, E) != Truth::True)
      continue;
    for (const tinyxml2::XMLElement *Cl = D.Element->FirstChildElement("ClCompile");
         Cl; Cl = Cl->NextSiblingElement("ClCompile")) {
      if (condition(Cl, E) != Truth::True)
        continue;
      Expander X = E;
      X.Metadata = &ClCompileDefaults;
      readMetadataElements(Cl, X, ClCompileDefaults);
    }
  }
}

void ProjectLoader::readMetadataElements(const tinyxml2::XMLElement *El,
                                         const Expander &X, NameMap &Into) {
  for (const tinyxml2::XMLElement *M = El->FirstChildElement(); M;
       M = M->NextSiblingElement()) {
    if (condition(M, X) != Truth::True)
      continue;
    // Expanded before it is stored: `%(Name)` in it means the earlier value.
    std::string V = X.expand(text(M));
    Into[M->Name()] = std::move(V);
  }
}

void ProjectLoader::applyMetadata(const tinyxml2::XMLElement *El, Item &It) {
  Expander X = E;
  X.Metadata = &It.Metadata;
  static const char *const Reserved[] = {"Include", "Exclude", "Remove",
                                         "Update", "Condition", "Label",
                                         "KeepMetadata", "RemoveMetadata",
                                         "KeepDuplicates", "MatchOnMetadata",
                                         "MatchOnMetadataOptions"};
  for (const tinyxml2::XMLAttribute *A = El->FirstAttribute(); A; A = A->Next())
    if (!llvm::is_contained(Reserved, StringRef(A->Name())))
      It.Metadata[A->Name()] = X.expand(A->Value());
  readMetadataElements(El, X, It.Metadata);
}

void ProjectLoader::evaluateItems() {
  auto Files = [&](StringRef List) {
    std::vector<std::string> Out;
    for (const std::string &Entry : entries(E.expand(List)))
      for (std::string &F : expandEntry(Entry, ProjectDir))
        Out.push_back(std::move(F));
    return Out;
  };
  auto Find = [&](StringRef F) {
    return llvm::find_if(Items, [&](const Item &I) {
      return StringRef(I.File).equals_insensitive(F);
    });
  };
  for (const Deferred &D : ItemGroups) {
    enterFile(D.File);
    if (condition(D.Element, E) != Truth::True)
      continue;
    for (const tinyxml2::XMLElement *Cl = D.Element->FirstChildElement("ClCompile");
         Cl; Cl = Cl->NextSiblingElement("ClCompile")) {
      if (condition(Cl, E) != Truth::True)
        continue;
      if (const char *Remove = Cl->Attribute("Remove")) {
        for (const std::string &F : Files(Remove))
          if (auto It = Find(F); It != Items.end())
            Items.erase(It);
        continue;
      }
      if (const char *Update = Cl->Attribute("Update")) {
        for (const std::string &F : Files(Update))
          if (auto It = Find(F); It != Items.end())
            applyMetadata(Cl, *It);
        continue;
      }
      std::vector<std::string> Excluded = Files(attr(Cl, "Exclude"));
      for (const std::string &F : Files(attr(Cl, "Include"))) {
        if (llvm::any_of(Excluded, [&](const std::string &X) {
              return StringRef(X).equals_insensitive(F);
            }))
          continue;
        if (Find(F) != Items.end())
          continue; // listed twice: the first one stands
        Item It;
        It.File = F;
        It.Metadata = ClCompileDefaults;
        It.Metadata["Identity"] = F;
        It.Metadata["FullPath"] = F;
        It.Metadata["Filename"] = llvm::sys::path::stem(F).str();
        It.Metadata["Extension"] = llvm::sys::path::extension(F).str();
        It.Metadata["Directory"] = withSlash(llvm::sys::path::parent_path(F));
        applyMetadata(Cl, It);
        Items.push_back(std::move(It));
      }
    }
  }
}

std::optional<std::string> languageStandard(StringRef V, bool C) {
  V = V.trim();
  if (C) {
    if (V.equals_insensitive("stdc11"))
      return "-std=c11";
    if (V.equals_insensitive("stdc17"))
      return "-std=c17";
    if (V.equals_insensitive("stdclatest"))
      return "-std=c23";
    return std::nullopt;
  }
  if (V.equals_insensitive("stdcpp14"))
    return "-std=c++14";
  if (V.equals_insensitive("stdcpp17"))
    return "-std=c++17";
  if (V.equals_insensitive("stdcpp20"))
    return "-std=c++20";
  if (V.equals_insensitive("stdcpplatest"))
    return "-std=c++23";
  return std::nullopt;
}

void ProjectLoader::makeUnits() {
  for (const Item &It : Items) {
    auto Get = [&](StringRef Name) -> std::string {
      auto I = It.Metadata.find(Name.str());
      return I == It.Metadata.end() ? std::string() : I->second;
    };
    if (StringRef(Get("ExcludedFromBuild")).trim().equals_insensitive("true"))
      continue;
    StringRef CompileAs = StringRef(Get("CompileAs")).trim();
    bool IsC = CompileAs.equals_insensitive("CompileAsC") ||
               (!CompileAs.equals_insensitive("CompileAsCpp") &&
                llvm::sys::path::extension(It.File).equals_insensitive(".c"));
    if (!llvm::sys::fs::is_regular_file(It.File)) {
      P.MissingSources.push_back(It.File);
      continue;
    }
    CompileUnit U;
    U.File = It.File;
    U.Directory = ProjectDir;
    std::vector<std::string> &C = U.Command;
    C = {IsC ? "clang" : "clang++", "-x", IsC ? "c" : "c++"};
    if (auto Std = languageStandard(
            Get(IsC ? "LanguageStandard_C" : "LanguageStandard"), IsC))
      C.push_back(*Std);
    for (const std::string &D : entries(Get("PreprocessorDefinitions")))
      C.push_back("-D" + D);
    for (const std::string &D : entries(Get("UndefinePreprocessorDefinitions")))
      C.push_back("-U" + D);
    for (const std::string &I :
         entries(Get("AdditionalIncludeDirectories"), /*IncludeDirs=*/true)) {
      if (isWindowsAbsolute(I)) {
        P.UnknownProperties.insert("(absolute Windows path " + I + ")");
        P.DroppedEntries.insert(I);
        continue;
      }
      std::string Flag = "-I" + resolvePath(I, ProjectDir);
      if (!llvm::is_contained(C, Flag))
        C.push_back(std::move(Flag));
    }
    for (const std::string &F : entries(Get("ForcedIncludeFiles"))) {
      std::string Local = resolvePath(F, ProjectDir);
      C.push_back("-include");
      C.push_back(llvm::sys::fs::exists(Local) ? Local : toSlashes(F));
    }
    C.push_back(It.File);
    P.Units.push_back(std::move(U));
  }
}

/// The ProjectConfiguration items, read before anything is evaluated.
std::vector<ProjectConfig> listConfigurations(const tinyxml2::XMLElement *Root) {
  std::vector<ProjectConfig> Out;
  for (const tinyxml2::XMLElement *G = Root->FirstChildElement("ItemGroup"); G;
       G = G->NextSiblingElement("ItemGroup"))
    for (const tinyxml2::XMLElement *C = G->FirstChildElement("ProjectConfiguration");
         C; C = C->NextSiblingElement("ProjectConfiguration")) {
      std::optional<ProjectConfig> PC = ProjectConfig::parse(attr(C, "Include"));
      if (PC && !llvm::is_contained(Out, *PC))
        Out.push_back(*PC);
    }
  return Out;
}

llvm::Error ProjectLoader::load() {
  auto Doc = readXml(P.Path, "project");
  if (!Doc)
    return Doc.takeError();
  const tinyxml2::XMLElement *Root = (*Doc)->RootElement();
  Docs.push_back(std::move(*Doc));
  ProjectDir = llvm::sys::path::parent_path(P.Path).str();
  P.Name = llvm::sys::path::stem(P.Path).str();

  P.Configurations = listConfigurations(Root);
  if (O.Config) {
    auto It = llvm::find(P.Configurations, *O.Config);
    if (It != P.Configurations.end()) {
      P.Chosen = *It;
    } else if (P.Configurations.empty()) {
      P.Chosen = *O.Config;
    } else {
      std::string Have;
      for (const ProjectConfig &C : P.Configurations)
        Have += (Have.empty() ? "" : ", ") + C.str();
      return error("project " + P.Path + " has no configuration '" +
                   O.Config->str() + "' (it has " + Have + ")");
    }
  } else {
    P.Chosen = chooseDefaultConfig(P.Configurations)
                   .value_or(ProjectConfig{"Release", "x64"});
  }

  // Reserved and well-known properties: no environment, no toolset.
  NameMap &Props = E.Properties;
  Props["Configuration"] = P.Chosen.Configuration;
  Props["Platform"] = P.Chosen.Platform;
  Props["ProjectDir"] = withSlash(ProjectDir);
  Props["MSBuildProjectDirectory"] = ProjectDir;
  Props["ProjectName"] = P.Name;
  Props["MSBuildProjectName"] = P.Name;
  Props["ProjectFileName"] = llvm::sys::path::filename(P.Path).str();
  Props["MSBuildProjectFile"] = Props["ProjectFileName"];
  Props["MSBuildProjectExtension"] = llvm::sys::path::extension(P.Path).str();
  Props["ProjectPath"] = P.Path;
  Props["MSBuildProjectFullPath"] = P.Path;
  if (O.SolutionDir)
    Props["SolutionDir"] = withSlash(*O.SolutionDir);
  if (O.SolutionPath) {
    Props["SolutionPath"] = *O.SolutionPath;
    Props["SolutionFileName"] = llvm::sys::path::filename(*O.SolutionPath).str();
    Props["SolutionName"] = llvm::sys::path::stem(*O.SolutionPath).str();
    Props["SolutionExt"] = llvm::sys::path::extension(*O.SolutionPath).str();
  }
  enterFile(P.Path);
  ImportStack.push_back(P.Path);

  if (auto Err = walk(Root, P.Path))
    return Err;
  evaluateDefinitions();
  evaluateItems();
  makeUnits();
  enterFile(P.Path);
  P.Properties = E;
  if (Items.empty() && !O.AllowEmpty)
    return error("project " + P.Path + " has no ClCompile items (for " +
                 P.Chosen.str() + "): nothing to analyze");
  return llvm::Error::success();
}

std::string joinList(const std::vector<std::string> &L, size_t Max = 6) {
  std::string Out;
  for (size_t I = 0; I < L.size() && I < Max; ++I)
    Out += (I ? ", " : "") + L[I];
  if (L.size() > Max)
    Out += ", ...";
  return Out;
}

} // namespace

std::vector<std::string> Project::notes() const {
  std::vector<std::string> Parts;
  if (!UnknownProperties.empty())
    Parts.push_back("could not expand " +
                    joinList({UnknownProperties.begin(),
                              UnknownProperties.end()}, 12) +
                    " (" + std::to_string(DroppedEntries.size()) +
                    (DroppedEntries.size() == 1 ? " entry" : " entries") +
                    " using them dropped)");
  if (!UnknownConditions.empty()) {
    std::vector<std::string> Quoted;
    for (const std::string &C : UnknownConditions)
      Quoted.push_back("[" + C + "]");
    Parts.push_back(std::to_string(UnknownConditions.size()) +
                    (UnknownConditions.size() == 1 ? " condition" : " conditions") +
                    " could not be evaluated and " +
                    (UnknownConditions.size() == 1 ? "was" : "were") +
                    " not applied: " + joinList(Quoted, 3));
  }
  if (!MissingImports.empty())
    Parts.push_back("imports not found, skipped: " + joinList(MissingImports));
  if (!MissingSources.empty())
    Parts.push_back(std::to_string(MissingSources.size()) +
                    " ClCompile source" +
                    (MissingSources.size() == 1 ? " does" : "s do") +
                    " not exist: " + joinList(MissingSources, 3));
  if (Parts.empty())
    return {};
  std::string Line = Path + " (" + Chosen.str() + "): ";
  for (size_t I = 0; I < Parts.size(); ++I)
    Line += (I ? "; " : "") + Parts[I];
  return {Line};
}

llvm::Expected<Project> loadProject(StringRef Path, const LoadOptions &O) {
  Project P;
  llvm::SmallString<256> Abs(toSlashes(Path));
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  P.Path = std::string(Abs);
  ProjectLoader L(P, O);
  if (auto Err = L.load())
    return std::move(Err);
  return std::move(P);
}

bool isProjectFile(StringRef Path) {
  return llvm::sys::path::extension(Path).equals_insensitive(".vcxproj");
}

bool isSolutionFile(StringRef Path) {
  return llvm::sys::path::extension(Path).equals_insensitive(".sln");
}

} // namespace ks::msbuild
