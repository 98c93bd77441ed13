//===- MsBuildExpand.cpp - $(Property) and %(Metadata) expansion ----------===//
//
// Properties and item metadata substituted into MSBuild text, and the
// small text rules (lists, escapes, slashes) every part of the reader uses.
// Written from Microsoft's public MSBuild documentation (docs/msbuild.md).
//
//===----------------------------------------------------------------------===//
#include "MsBuildEvaluation.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace ks::msbuild {

bool CaseInsensitiveLess::operator()(const std::string &A,
                                     const std::string &B) const {
  return StringRef(A).compare_insensitive(B) < 0;
}

using namespace detail;

namespace {

bool isSimpleName(StringRef S) {
  return !S.empty() && (llvm::isAlpha(S[0]) || S[0] == '_') &&
         llvm::all_of(S, isNameChar);
}

} // namespace

namespace detail {

bool isNameChar(char C) { return llvm::isAlnum(C) || C == '_' || C == '-'; }

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
    if (S[I] == '%' && I + 2 < S.size() && llvm::isHexDigit(S[I + 1]) &&
        llvm::isHexDigit(S[I + 2])) {
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
} // namespace detail

std::string Expander::expand(StringRef Text,
                             std::set<std::string> *Unknown) const {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    bool Prop = C == '$' && I + 1 < Text.size() && Text[I + 1] == '(';
    bool Meta =
        C == '%' && I + 1 < Text.size() && Text[I + 1] == '(' && Metadata;
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
      auto It =
          isSimpleName(Inner) ? Properties.find(Inner.str()) : Properties.end();
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

} // namespace ks::msbuild
